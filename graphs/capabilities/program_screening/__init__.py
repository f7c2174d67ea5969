"""제도 한눈에 — every program of the eligibility rules screened for one profile: one line each (✅/❌/❓, the engine's
amount with its unit and year, the fact still missing), then the one question that decides the most open lines.

Decisions, amounts and questions all come from ``graphs/eligibility`` (``screen.py``); the chat declaration is
``capability.py``, the CLI ``goyong screen`` is ``cli.py``, the gold set and its evaluation ``gold/profiles.yaml`` and
``evaluate.py``.
"""

from __future__ import annotations

from graphs.capabilities.program_screening.models import NextQuestion, ScreenLine, ScreenReport
from graphs.capabilities.program_screening.screen import audience_of, screen

__all__ = ["NextQuestion", "ScreenLine", "ScreenReport", "audience_of", "screen"]
