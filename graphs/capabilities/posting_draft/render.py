"""Plain Korean text of a :class:`DraftResult`: the draft, then the legal check, then what is left to fill in."""

from __future__ import annotations

from graphs.capabilities.posting_check.render import DISCLAIMER, finding_text
from graphs.capabilities.posting_draft.models import DraftResult


def check_summary(result: DraftResult) -> str:
    counts = result.report.counts()
    if result.report.clean:
        return f"법 위반 소지 점검: 규칙 {len(result.report.rules_checked)}개 모두 통과 — 문제가 될 문구가 없습니다."
    return "법 위반 소지 점검: " + " · ".join(f"{k} {v}건" for k, v in counts.items() if v)


def result_text(result: DraftResult) -> str:
    lines = [result.text.rstrip(), "", "─" * 20, check_summary(result)]
    lines += [finding_text(i, f) for i, f in enumerate(result.report.findings, start=1)]
    if result.removed:
        lines += ["", "요청에서 뺀 조건 (공고에 쓰면 법 위반 소지):"]
        lines += [f"- '{r.quote}' — {r.rule_name} ({r.law} {r.article})" for r in result.removed]
    if result.missing:
        lines += ["", "채워 넣을 항목: " + ", ".join(result.missing)]
    if result.hints:
        lines += ["", *(f"참고: {h}" for h in result.hints)]
    if result.notes:
        lines += [*(f"참고: {n}" for n in result.notes)]
    if result.report.notes:
        lines += [*(f"참고: {n}" for n in result.report.notes)]
    lines += ["", DISCLAIMER]
    return "\n".join(lines)
