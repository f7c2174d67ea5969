"""인재추천 (counselors only): a posting → the anonymized seekers of the bundled Jeju pool ranked by the job
matching scorer run the other way round (every seeker scored against the one posting), with 2–4 reasons and what does
not fit. Records carry a pool id and an age band only; age is never scored (고령자고용법 제4조의4).

:func:`recommend` ranks; :mod:`.posting` turns the thread's draft, a pasted posting or a catalog id into the
``JobPosting`` the scorer reads; :mod:`.pool` loads the pool written by ``ingest/seekergen.py``.
"""

from __future__ import annotations

from graphs.capabilities.talent_recommendation.models import Candidate, TalentReport
from graphs.capabilities.talent_recommendation.pool import PoolSeeker, load_pool
from graphs.capabilities.talent_recommendation.rank import recommend

__all__ = ["Candidate", "PoolSeeker", "TalentReport", "load_pool", "recommend"]
