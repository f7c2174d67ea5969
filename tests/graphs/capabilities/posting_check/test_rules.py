"""Rule files as data: every rule names its law, article, period, confidence and source; broken files fail loudly."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from graphs.capabilities.posting_check import RuleFileError, check_posting, load_rule, load_rules
from graphs.capabilities.posting_check.ruleset import RULE_ORDER, RULES_DIR, LexiconRule


def _raw(rule_id: str) -> dict[str, Any]:
    data = yaml.safe_load((RULES_DIR / f"{rule_id}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, rule_id: str, data: dict[str, Any]) -> Path:
    path = tmp_path / f"{rule_id}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_every_rule_of_the_issue_is_a_file_with_its_article() -> None:
    rules = load_rules()
    assert [r.id for r in rules] == list(RULE_ORDER)
    articles = {r.id: (r.law, r.article) for r in rules}
    # the articles the issue names (policy-facts §6; 근로기준법 제50·53조)
    assert "고령자고용법" in articles["age"][0] and articles["age"][1].startswith("제4조의4")
    assert "남녀고용평등법" in articles["gender"][0] and articles["gender"][1] == "제7조 제1항"
    assert articles["body_marital"][1] == "제7조 제2항"
    assert "채용절차법" in articles["personal_info"][0] and articles["personal_info"][1] == "제4조의3"
    assert articles["false_ad"][1].startswith("제4조") and articles["applicant_cost"][1] == "제9조"
    assert articles["min_wage"] == ("최저임금법", "제6조 제1항")
    assert articles["work_hours"] == ("근로기준법", "제50조, 제53조 제1항")
    for rule in rules:
        assert rule.source and rule.confidence and rule.effective_from
        assert rule.in_force_in(2025) and rule.in_force_in(2026)


def test_size_thresholds_follow_the_acts() -> None:
    by_id = {r.id: r for r in load_rules()}
    # 채용절차법 제3조: 상시 30명 이상; 근로기준법 제11조: 상시 5명 이상; 남녀고용평등법·고령자고용법: every employer
    for rid in ("personal_info", "false_ad", "applicant_cost"):
        applicability = by_id[rid].applicability
        assert applicability is not None and applicability.min_employees == 30
    work = by_id["work_hours"].applicability
    assert work is not None and work.min_employees == 5
    for rid in ("age", "gender", "body_marital", "min_wage"):
        assert by_id[rid].applicability is None


def test_every_lexicon_pattern_compiles_and_matches_something_plausible() -> None:
    for rule in load_rules():
        if isinstance(rule, LexiconRule):
            for pattern in rule.patterns:
                re.compile(pattern.regex)
            assert all(e.explanation for e in rule.exceptions)


@pytest.mark.parametrize(
    ("mutate", "key"),
    [
        (lambda d: d["patterns"][0].update(regex="(unclosed"), "patterns.0.regex"),
        (lambda d: d.update(effective_to="2000-01-01"), "effective_to is before effective_from"),
        (lambda d: d.update(severity="심각"), "severity"),
        (lambda d: d.pop("article"), "article"),
        (lambda d: d.update(kind="other"), "kind"),
    ],
)
def test_broken_rule_file_names_file_and_key(tmp_path: Path, mutate: Any, key: str) -> None:
    data = _raw("age")
    mutate(data)
    path = _write(tmp_path, "age", data)
    with pytest.raises(RuleFileError) as err:
        load_rule(path)
    assert str(path) in str(err.value)
    assert key.split(".")[0] in str(err.value)


def test_rule_id_must_be_the_file_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "not_age", _raw("age"))
    with pytest.raises(RuleFileError, match="not the file name"):
        load_rule(path)


def test_a_rule_not_yet_in_force_is_skipped_with_a_note(tmp_path: Path) -> None:
    data = _raw("age")
    data["effective_from"] = "2030-01-01"
    future = load_rule(_write(tmp_path, "age", data))
    report = check_posting("만 25세~35세 모집", year=2026, rules=[future])
    assert report.findings == [] and report.rules_checked == []
    assert "2026년에는 시행되지 않는" in report.notes[0]
    assert check_posting("만 25세~35세 모집", year=2030, rules=[future]).rule_ids == {"age"}
