"""Plain Korean text of a :class:`CheckReport` (CLI, chat, counselor screen)."""

from __future__ import annotations

from graphs.capabilities.posting_check.models import CheckReport, Finding

CONFIDENCE_KO: dict[str, str] = {
    "law": "법령 원문",
    "news": "정부 발표 보도",
    "secondary": "2차 자료",
    "unverified": "미확인",
    "conflict": "자료 간 불일치",
}
DISCLAIMER = (
    "※ 공고 문구만 보고 자동으로 점검한 결과입니다. 위반 여부의 최종 판단은 관할 고용노동관서(☎1350)에 확인하세요."
)


def marked_text(report: CheckReport, left: str = "【", right: str = "】") -> str:
    """The posting with every finding's span bracketed (overlapping spans are merged)."""
    spans = sorted((f.start, f.end) for f in report.findings)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    parts, pos = [], 0
    for start, end in merged:
        parts += [report.text[pos:start], left, report.text[start:end], right]
        pos = end
    parts.append(report.text[pos:])
    return "".join(parts)


def _period(f: Finding) -> str:
    return f"{f.effective_from.isoformat()}~{f.effective_to.isoformat() if f.effective_to else ''}"


def finding_text(number: int, f: Finding) -> str:
    return "\n".join(
        [
            f"{number}. [{f.severity}] {f.rule_name} — {f.law} {f.article} (적용 {_period(f)})",
            f"   문구: “{f.quote}” (위치 {f.start}–{f.end})",
            f"   설명: {f.explanation}",
            f"   수정 제안: {f.suggestion}",
            f"   근거: {f.source} ({CONFIDENCE_KO.get(f.confidence, f.confidence)})",
        ]
    )


def report_text(report: CheckReport) -> str:
    size = "모름" if report.employees is None else f"{report.employees}명"
    counts = report.counts()
    head = (
        f"구인공고 점검 ({report.year}년 기준, 상시 근로자 수: {size}) — "
        + " · ".join(f"{k} {v}건" for k, v in counts.items())
    )
    lines = [head, ""]
    if report.clean:
        lines.append(f"점검한 규칙 {len(report.rules_checked)}개에서 문제가 될 문구를 찾지 못했습니다.")
    else:
        lines += ["공고 원문 (문제 문구 【】 표시):", marked_text(report).rstrip(), ""]
        lines += [finding_text(i, f) for i, f in enumerate(report.findings, start=1)]
    if report.notes:
        lines += ["", *(f"참고: {n}" for n in report.notes)]
    lines += ["", DISCLAIMER]
    return "\n".join(lines)
