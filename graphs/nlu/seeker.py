"""What the thread learns about the job seeker from each message (beyond the eligibility ``Profile``).

``update_seeker`` is called by the graph's understand step on every turn; it returns the new seeker dict kept in the
thread's state (``AgentState.seeker``) and handed to every capability (``CapabilityRequest.seeker``).
"""

from __future__ import annotations

from typing import Any

from graphs.nlu.models import Understanding


def update_seeker(previous: dict[str, Any], text: str, understanding: Understanding) -> dict[str, Any]:
    """``previous`` with what this message says about the seeker (a later statement replaces an earlier one)."""
    if understanding.occupation:
        return {**previous, "occupation": understanding.occupation}
    return previous
