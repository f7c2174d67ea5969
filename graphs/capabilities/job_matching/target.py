"""What a match is computed for: the seeker's wish, or the longest 경력 standing in for it (shared by job matching and
the activity plan, which re-matches when the occupation changed since the thread's matches)."""

from __future__ import annotations

import re

from graphs.nlu.seeker import UNKNOWN_OCCUPATION
from graphs.profile import SeekerProfile


def matching_profile(seeker: SeekerProfile) -> tuple[SeekerProfile, str | None]:
    """The profile matched on, and a note when the wish was not said and the longest 경력 stands in for it."""
    if seeker.desired_occupation or seeker.desired_codes:
        return seeker, None
    known = [e for e in seeker.experience if e.occupation != UNKNOWN_OCCUPATION]
    if not known:
        return seeker, None
    main = max(known, key=lambda e: e.years)
    note = (f"희망 직종을 듣지 못해 경력 직종({main.occupation} {main.years:g}년)으로 찾았습니다 — 다른 직종을 원하면 "
            f"'희망 직종은 …'이라고 알려 주세요.")
    return seeker.model_copy(update={"desired_occupation": main.occupation}), note


def matched_occupation(seeker: SeekerProfile) -> str | None:
    """The occupation a match for ``seeker`` is computed for (remembered as ``occupation``): the wish as said, the
    longest 경력 when no wish was said, else the explicit codes; ``None`` when there is none."""
    used, _ = matching_profile(seeker)
    if used.desired_occupation:
        return used.desired_occupation
    return ",".join(used.desired_codes) or None


def same_occupation(a: str | None, b: str | None) -> bool:
    """Two remembered occupations are the same wish (spacing aside: "요양 보호사" = "요양보호사")."""
    return re.sub(r"\s+", "", a or "") == re.sub(r"\s+", "", b or "")
