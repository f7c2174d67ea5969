"""The job seeker as every capability of a thread sees it: one import point for the seeker profile.

``seeker_profile(request)`` is what the thread knows of the seeker (``AgentState.seeker``, kept up to date every turn
by ``graphs.nlu.seeker.update_seeker``) ⊕ what this message says ⊕ the eligibility ``Profile``'s age and region, as a
:class:`SeekerProfile`. Capabilities code against this function and the model, never against the stored dict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graphs.nlu.gazetteer import find_places, resolve
from graphs.nlu.seeker import load_seeker, merge, read_seeker
from graphs.profile import Education, Experience, SeekerProfile

if TYPE_CHECKING:
    from graphs.capabilities.registry import CapabilityRequest

__all__ = ["Education", "Experience", "SeekerProfile", "seeker_profile"]


def _district(region: str | None) -> str | None:
    """The 읍·면·동 of the eligibility Profile's region ("연동", "애월읍"); ``None`` for a city ("제주시")."""
    if not region:
        return None
    _city, district = resolve(find_places(region))
    return district


def seeker_profile(request: CapabilityRequest) -> SeekerProfile:
    """The thread's seeker ⊕ this message ⊕ the Profile's age and region (a missing field is not scored)."""
    u: dict[str, Any] = request.understanding or {}
    seeker = load_seeker(request.seeker)
    # the graph has already merged this message into request.seeker; merging it again changes nothing, and a request
    # made without the graph (the CLI, a test) still reads the message
    seeker = merge(seeker, read_seeker(request.text, str(u.get("query") or ""),
                                       desired_before=seeker.desired_occupation))
    update: dict[str, Any] = {}
    age = request.profile.get("age")
    if isinstance(age, int) and 14 <= age <= 100:
        update["age"] = age
    if seeker.district is None:  # the eligibility Profile's 읍·면·동, else the area this search names
        filters: dict[str, Any] = u.get("job_filters") or {}
        district = _district(request.profile.get("region")) or filters.get("district")
        if district:
            update["district"] = district
    return seeker.model_copy(update=update) if update else seeker
