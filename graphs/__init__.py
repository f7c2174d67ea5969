"""The counselor agent: LangGraph graph, tools, Korean understanding and eligibility rules."""
