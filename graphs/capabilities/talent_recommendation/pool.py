"""The anonymized Jeju seeker pool (``knowledge/corpus/seekers/jeju_seekers.json``, written by
``ingest/seekergen.py``): pool id, age band and the matching ``SeekerProfile`` of each seeker."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphs.seeker import SeekerProfile
from knowledge.config import CORPUS_DIR

POOL_FILE = Path("seekers") / "jeju_seekers.json"
# Fields a pool record may carry besides the profile; anything else (a name, a phone …) is refused on load.
META_FIELDS = frozenset({"id", "age_band"})


@dataclass(frozen=True)
class PoolSeeker:
    id: str
    age_band: str
    profile: SeekerProfile  # age is never set: the pool keeps the band only


def _read(path: Path) -> tuple[PoolSeeker, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out: list[PoolSeeker] = []
    for raw in data["seekers"]:
        fields = {k: v for k, v in raw.items() if k not in META_FIELDS}
        # SeekerProfile forbids unknown fields, so a record with a name or phone does not load
        out.append(PoolSeeker(id=str(raw["id"]), age_band=str(raw["age_band"]), profile=SeekerProfile(**fields)))
    ids = [s.id for s in out]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate seeker ids")
    if any(s.profile.age is not None for s in out):
        raise ValueError(f"{path}: the pool keeps an age band, never an age")
    return tuple(out)


@cache
def load_pool(corpus_dir: Path = CORPUS_DIR) -> tuple[PoolSeeker, ...]:
    """The pool under ``corpus_dir`` (the bundled corpus by default), read once per process."""
    return _read(corpus_dir / POOL_FILE)
