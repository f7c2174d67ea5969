"""Plain Korean text of a :class:`ScreeningReport`: one line per program, then the details."""

from __future__ import annotations

from graphs.capabilities.employer_subsidies.models import ProgramScreen, ScreeningReport
from graphs.eligibility.common import CONFIRM_NOTE

CONFIDENCE_KO: dict[str, str] = {
    "law": "법령",
    "news": "정부 발표 보도",
    "secondary": "2차 자료",
    "unverified": "[UNVERIFIED] 미확인",
    "conflict": "[CONFLICT] 자료 간 불일치",
}
MARK = {True: "충족", False: "미충족", None: "확인 필요"}
ICON = {True: "✔", False: "✘", None: "?"}
DISCLAIMER = (
    "※ 입력한 사실만으로 자동 점검한 결과입니다. 실제 지급 여부와 금액은 그해 사업 공고·고시에 따라 "
    "고용24(www.work24.go.kr) 또는 관할 고용센터·☎1350에서 확정됩니다."
)


def summary_lines(report: ScreeningReport) -> list[str]:
    """One line per program: ✅/❌/❓, the name, the amount or the missing fact; ⚠️ when a flagged rule was used."""
    return [
        f"{p.status} {p.name} — {p.summary}" + (" ⚠️ 미확인·불일치 정보 포함" if p.flagged else "")
        for p in report.programs
    ]


def _period(r_from: object, r_to: object) -> str:
    return f"{r_from}~{r_to or ''}"


def program_details(p: ProgramScreen) -> list[str]:
    lines = [f"[{p.status} {p.name}]"]
    for r in p.reasons:
        lines.append(f"  {ICON[r.passed]} {r.text}")
        lines.append(
            f"     근거: {r.article} (적용 {_period(r.effective_from, r.effective_to)}, "
            f"{CONFIDENCE_KO.get(r.confidence, r.confidence)})"
        )
    for a in p.amounts:
        lines.append(
            f"  💰 {a.name}: {a.formula} — {a.article} ({CONFIDENCE_KO.get(a.confidence, a.confidence)})"
        )
    if p.missing:
        lines.append("  물어볼 것:")
        lines += [f"   - {m.question} ({m.field})" for m in p.missing]
    lines += [f"  참고: {n}" for n in p.notes if n != CONFIRM_NOTE]
    if p.flagged:
        lines.append(f"  ⚠️ {CONFIRM_NOTE}")
    return lines


def report_text(report: ScreeningReport) -> str:
    lines = [f"사업주 지원금 점검 ({report.today.isoformat()} 기준)", "", *summary_lines(report), ""]
    for p in report.programs:
        lines += [*program_details(p), ""]
    lines += [f"참고: {n}" for n in report.notes]
    lines.append(DISCLAIMER)
    return "\n".join(lines)
