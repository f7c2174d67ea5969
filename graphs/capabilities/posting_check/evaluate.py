"""Precision and recall of the posting check per rule on the gold set (``gold/postings.yaml``).

A rule is *predicted* for an item when the checker reports at least one finding of that rule (any severity), and
*expected* when the item's ``expect`` names it. Per rule: TP / FP / FN over items, precision = TP / (TP + FP),
recall = TP / (TP + FN) (``None`` when undefined). Also: severity agreement on the true positives (the most severe
finding of the rule vs the gold severity), span agreement (a finding of the rule overlaps the gold ``quotes``
substring), and clean-item precision (gold-clean items with no finding at all). The ``dev`` split was used while
the rules were written; ``holdout`` was not run until the rules were frozen — report both.

Run: ``python -m graphs.capabilities.posting_check.evaluate [--split dev|holdout|all] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from graphs.capabilities.posting_check.checker import AnyRule, check_posting
from graphs.capabilities.posting_check.models import SEVERITY_ORDER, CheckReport, Severity
from graphs.capabilities.posting_check.ruleset import RULE_ORDER

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "postings.yaml"
Split = Literal["dev", "holdout"]


class GoldItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    split: Split
    sector: str
    year: int = 2026
    employees: int | None = None
    text: str = Field(min_length=1)
    expect: dict[str, Severity] = Field(default_factory=dict)
    quotes: dict[str, str] = Field(default_factory=dict)
    why: str = ""

    @field_validator("expect", "quotes")
    @classmethod
    def _known_rules(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(RULE_ORDER))
        if unknown:
            raise ValueError(f"unknown rule ids: {', '.join(unknown)}")
        return value


class _GoldFile(BaseModel):
    items: list[GoldItem]


@cache
def load_gold(path: Path = GOLD_PATH) -> tuple[GoldItem, ...]:
    items = _GoldFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).items
    ids = [i.id for i in items]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate item ids")
    for item in items:
        for rule, quote in item.quotes.items():
            if quote not in item.text:
                raise ValueError(f"{path}: {item.id}: quote for {rule} is not in the text: {quote!r}")
    return tuple(items)


class RuleScore(BaseModel):
    rule: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    severity_agree: int = 0  # among the TPs
    span_checked: int = 0
    span_agree: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


class ItemResult(BaseModel):
    id: str
    expected: dict[str, Severity]
    predicted: dict[str, Severity]  # the most severe finding per rule

    @property
    def correct(self) -> bool:
        return set(self.expected) == set(self.predicted)


class EvalReport(BaseModel):
    split: str
    items: int
    per_rule: dict[str, RuleScore]
    clean_items: int
    clean_items_flagged: int
    results: list[ItemResult]

    @property
    def micro_precision(self) -> float | None:
        tp = sum(s.tp for s in self.per_rule.values())
        fp = sum(s.fp for s in self.per_rule.values())
        return tp / (tp + fp) if tp + fp else None

    @property
    def micro_recall(self) -> float | None:
        tp = sum(s.tp for s in self.per_rule.values())
        fn = sum(s.fn for s in self.per_rule.values())
        return tp / (tp + fn) if tp + fn else None

    @property
    def errors(self) -> list[ItemResult]:
        return [r for r in self.results if not r.correct]


def _most_severe(report: CheckReport) -> dict[str, Severity]:
    worst: dict[str, Severity] = {}
    for f in report.findings:
        if f.rule_id not in worst or SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst[f.rule_id]]:
            worst[f.rule_id] = f.severity
    return worst


def evaluate(
    items: Sequence[GoldItem], split: str = "all", rules: Sequence[AnyRule] | None = None
) -> EvalReport:
    scores = {rid: RuleScore(rule=rid) for rid in RULE_ORDER}
    results: list[ItemResult] = []
    clean = clean_flagged = 0
    for item in items:
        report = check_posting(item.text, year=item.year, employees=item.employees, rules=rules)
        predicted = _most_severe(report)
        results.append(ItemResult(id=item.id, expected=item.expect, predicted=predicted))
        if not item.expect:
            clean += 1
            clean_flagged += bool(report.findings)
        for rid, score in scores.items():
            exp, got = rid in item.expect, rid in predicted
            score.tp += exp and got
            score.fp += got and not exp
            score.fn += exp and not got
            if exp and got:
                score.severity_agree += item.expect[rid] == predicted[rid]
            quote = item.quotes.get(rid)
            if quote is not None:
                q_start = item.text.index(quote)
                q_end = q_start + len(quote)
                score.span_checked += 1
                score.span_agree += any(
                    f.rule_id == rid and f.start < q_end and q_start < f.end for f in report.findings
                )
    return EvalReport(
        split=split,
        items=len(items),
        per_rule=scores,
        clean_items=clean,
        clean_items_flagged=clean_flagged,
        results=results,
    )


def evaluate_split(split: Split | Literal["all"]) -> EvalReport:
    items = [i for i in load_gold() if split == "all" or i.split == split]
    return evaluate(items, split)


def _pct(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.3f}"


def format_report(report: EvalReport) -> str:
    lines = [
        f"posting check gold — split {report.split}: {report.items} items, "
        f"clean items flagged {report.clean_items_flagged}/{report.clean_items}",
        f"{'rule':<15} {'TP':>3} {'FP':>3} {'FN':>3}  {'prec':>5}  {'recall':>6}  {'sev ok':>6}  {'span ok':>7}",
    ]
    for s in report.per_rule.values():
        lines.append(
            f"{s.rule:<15} {s.tp:>3} {s.fp:>3} {s.fn:>3}  {_pct(s.precision)}  {_pct(s.recall):>6}  "
            f"{f'{s.severity_agree}/{s.tp}':>6}  {f'{s.span_agree}/{s.span_checked}':>7}"
        )
    lines.append(f"{'micro':<15} {'':>11}  {_pct(report.micro_precision)}  {_pct(report.micro_recall):>6}")
    for r in report.errors:
        lines.append(f"  ✗ {r.id}: expected {r.expected or '{}'} got {r.predicted or '{}'}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="posting check precision/recall on the gold set")
    parser.add_argument("--split", choices=["dev", "holdout", "all"], default="dev")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate_split(args.split)
    if args.json:
        data = report.model_dump(mode="json")
        data["per_rule"] = {
            k: {**v, "precision": report.per_rule[k].precision, "recall": report.per_rule[k].recall}
            for k, v in data["per_rule"].items()
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
