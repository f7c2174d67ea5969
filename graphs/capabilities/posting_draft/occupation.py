"""KECO code suggestion and typical duties, from the catalog's occupation tables.

The synonyms are those of the job-matching occupation table (``graphs/capabilities/job_matching/data``: the codes
of the catalog with the words people use); the duties and the usual 필수 자격 come from ``tables/catalog_lines.yaml``
(the 직무내용 lines the bundled catalog's postings state for each 직종코드).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from graphs.capabilities.job_matching.scorer import load_tables, resolve_occupation
from graphs.capabilities.posting_draft.models import KecoSuggestion

# A catalog content line that states a requirement, a preference or a perk, not a duty.
_NOT_A_DUTY = re.compile(r"우대|필수|자격|소지|면허|가능자|가능|이수|경험자|제공|\d")
_REQUIRED = re.compile(r"필수")


def suggest_keco(text: str | None) -> KecoSuggestion | None:
    """The occupation the text names (longest synonym first), with the others it also names."""
    codes = resolve_occupation(text)
    if not codes:
        return None
    occupations = load_tables().occupations
    first, *rest = codes
    return KecoSuggestion(
        code=first, name=occupations[first].name, alternatives=[(c, occupations[c].name) for c in rest]
    )


def occupation_name(code: str) -> str | None:
    occ = load_tables().occupations.get(code)
    return occ.name if occ else None


CATALOG_LINES = Path(__file__).resolve().parent / "tables" / "catalog_lines.yaml"


@cache
def catalog_lines() -> dict[str, tuple[str, ...]]:
    """직종코드 → the content lines of that code's main catalog posting."""
    raw = yaml.safe_load(CATALOG_LINES.read_text(encoding="utf-8")) or {}
    return {str(code): tuple(str(line) for line in lines) for code, lines in raw.items()}


def typical_duties(code: str) -> list[str]:
    """The catalog's duty lines for a 직종코드 (requirements, preferences, perks and figures left out)."""
    return [line for line in catalog_lines().get(code, ()) if not _NOT_A_DUTY.search(line)]


def usual_requirements(code: str) -> list[str]:
    """The 필수 자격·면허 lines the catalog's postings of this code state (a hint, never put in the draft)."""
    return [line for line in catalog_lines().get(code, ()) if _REQUIRED.search(line)]
