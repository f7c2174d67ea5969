"""Korean understanding without an LLM: intent routing and slot extraction for the counselor agent.

``understand(text, today=..., expecting=None)`` returns an :class:`Understanding` (route, program, asks, year,
Profile slots, job/training filters, a cleaned search query and a confidence).
"""

from graphs.nlu.models import Program, Route, Understanding
from graphs.nlu.understand import understand

__all__ = ["Program", "Route", "Understanding", "understand"]
