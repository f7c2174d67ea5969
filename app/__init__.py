"""Chainlit UI and the goyong CLI."""
