"""The job seeker as every capability of a thread sees it: one import point for the seeker profile.

``seeker_profile(request)`` is what the thread knows of the seeker (``AgentState.seeker``, the eligibility
``Profile``'s age and region) plus what this message says, as a :class:`SeekerProfile`.
"""

from __future__ import annotations

from graphs.capabilities.job_matching.capability import seeker_profile
from graphs.capabilities.job_matching.models import Education, Experience, SeekerProfile

__all__ = ["Education", "Experience", "SeekerProfile", "seeker_profile"]
