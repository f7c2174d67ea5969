"""Ingestion jobs: load policy documents and catalogs, validate, and index them into Qdrant."""
