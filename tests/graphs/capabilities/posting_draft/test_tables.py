"""The draft's table of catalog lines is the generator's, line for line (graphs/ cannot import ingest/)."""

from __future__ import annotations

from graphs.capabilities.posting_draft.occupation import catalog_lines, typical_duties, usual_requirements
from ingest.samplegen import TEMPLATES


def test_catalog_lines_match_the_generator_main_templates() -> None:
    expected: dict[str, tuple[str, ...]] = {}
    for tpl in TEMPLATES:  # the first (main) template of a code: a second one is a niche (해산물 식당 …)
        expected.setdefault(tpl.jobs_cd, tuple(tpl.content))
    assert catalog_lines() == expected


def test_duties_leave_out_requirements_and_figures() -> None:
    duties = typical_duties("024101")
    assert "전표 입력 및 장부 관리" in duties
    assert not any("우대" in d for d in duties)
    assert all("필수" in line for line in usual_requirements("024101"))
