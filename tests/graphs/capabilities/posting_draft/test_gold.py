"""The posting-draft gold requests (gold/requests.yaml): what each draft must and must not say, the code it
suggests, the legal findings on the draft and the conditions left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from graphs.capabilities.posting_draft import draft_posting
from graphs.capabilities.posting_draft.compose import unsupported_numbers
from graphs.capabilities.posting_draft.models import SECTION_KEYS

GOLD = Path(__file__).resolve().parents[4] / "graphs/capabilities/posting_draft/gold/requests.yaml"
REQUESTS: list[dict[str, Any]] = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["requests"]


def test_gold_set_size() -> None:
    assert len(REQUESTS) >= 15
    assert len({r["id"] for r in REQUESTS}) == len(REQUESTS)
    assert any(r["removed"] for r in REQUESTS) and any("min_wage" in r["findings"] for r in REQUESTS)


@pytest.mark.parametrize("case", REQUESTS, ids=[r["id"] for r in REQUESTS])
def test_request(case: dict[str, Any]) -> None:
    result = draft_posting(case["request"], today=date(case["year"], 3, 2))
    text = result.text
    assert [s.key for s in result.draft.sections] == list(SECTION_KEYS)
    code = result.conditions.keco_code or (result.keco.code if result.keco else None)
    assert code == case["keco"]
    for wanted in case["contains"]:
        assert wanted in text, (wanted, text)
    for banned in case["not_contains"]:
        assert banned not in text, (banned, text)
    assert {f.rule_id for f in result.report.findings} == set(case["findings"])
    assert {r.rule_id for r in result.removed} == set(case["removed"])
    assert set(result.missing) == set(case["missing"])
    # every figure in the draft comes from the request
    assert unsupported_numbers(text, result.conditions, result.keco) == []
    # the check ran on exactly the text shown
    assert result.report.text == text
