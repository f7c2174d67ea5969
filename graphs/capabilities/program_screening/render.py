"""A screening as answer blocks (chat, ``goyong ask``) and as plain text (``goyong screen``)."""

from __future__ import annotations

from graphs.blocks import Block, Cell, MarkdownBlock, NoticeBlock, TableBlock, to_markdown
from graphs.capabilities.program_screening.models import ScreenLine, ScreenReport
from graphs.eligibility.common import CONFIRM_NOTE
from knowledge.schemas import Citation

TITLE = "받을 수 있는 제도 한눈에"
JUDGED = "말씀하신 정보로 규칙(조문·시행일 기준)을 적용한 안내이며, 최종 판단은 고용센터가 합니다."


def _amount_cell(line: ScreenLine) -> str:
    if line.decision == "ineligible" or not line.amount:
        return "-"
    return line.amount if line.decision == "eligible" else f"해당되면: {line.amount}"


def _why_cell(line: ScreenLine) -> str:
    if line.decision == "unknown" and line.missing:
        return f"확인할 것: {line.missing[0].question}"
    return line.reason or "-"


def table_of(report: ScreenReport, role: str) -> TableBlock:
    """One row per program; counselors also see the article the row rests on."""
    staff = role != "citizen"
    columns = ["제도", "판정", "금액 (기준 연도)", "이유 / 확인할 것"] + (["근거 조문"] if staff else [])
    rows: list[list[Cell]] = []
    for ln in report.lines:
        row: list[Cell] = [ln.name, f"{ln.mark} {ln.word}", _amount_cell(ln), _why_cell(ln)]
        if staff:
            row.append(ln.article or "-")
        rows.append(row)
    return TableBlock(columns=columns, rows=rows)


def summary(report: ScreenReport) -> str:
    count = {d: sum(1 for ln in report.lines if ln.decision == d) for d in ("eligible", "unknown", "ineligible")}
    who = "사업주 지원금" if report.audience == "employer" else "구직자 제도"
    return (f"**{TITLE}** — {who} {len(report.lines)}개, {report.today.isoformat()} 신청 기준: "
            f"✅ 해당 {count['eligible']} · ❓ 확인 필요 {count['unknown']} · ❌ 해당 안 됨 {count['ineligible']}")


def next_text(report: ScreenReport, role: str) -> str | None:
    q = report.next_question
    if q is None:
        return None
    text = f"**다음으로 여쭤볼 것:** {q.question}"
    if q.settles:
        text += f"\n(이것을 알면 {', '.join(q.settles)} 판정이 정해집니다.)" if role == "citizen" else (
            f"\n(판정이 정해지는 제도: {', '.join(q.settles)}"
            + (f" · 이 사실을 묻는 제도: {', '.join(q.concerns)}" if q.concerns != q.settles else "") + ")")
    return text


def details_text(report: ScreenReport) -> str:
    asks = [f"‘{ln.detail}’" for ln in report.lines if ln.decision != "ineligible"] or [
        f"‘{ln.detail}’" for ln in report.lines[:1]]
    return "자세한 요건·금액 계산은 제도별로 볼 수 있습니다: " + ", ".join(asks)


def notices(report: ScreenReport) -> list[NoticeBlock]:
    found = [NoticeBlock(text=w, level="warning") for w in report.warnings]
    if report.flagged:
        found.append(NoticeBlock(level="warning", text=(
            f"확인되지 않았거나 출처마다 다른 정보가 들어간 제도: {', '.join(report.flagged)} — "
            + CONFIRM_NOTE.split(". ", 1)[-1])))
    return found


def blocks_of(report: ScreenReport, role: str) -> list[Block]:
    blocks: list[Block] = [*notices(report), MarkdownBlock(text=summary(report)), table_of(report, role)]
    follow = [t for t in (next_text(report, role), details_text(report)) if t]
    blocks.append(MarkdownBlock(text="\n\n".join(follow)))
    blocks.append(MarkdownBlock(text="\n".join(f"※ {n}" for n in [*report.notes, JUDGED])))
    return blocks


def citations_of(report: ScreenReport) -> list[Citation]:
    """The article each line rests on (once per article)."""
    seen: set[str] = set()
    out: list[Citation] = []
    for ln in report.lines:
        if not ln.article or ln.article in seen:
            continue
        seen.add(ln.article)
        out.append(Citation(title=f"{ln.name} 규칙", source=ln.article, section=f"{ln.mark} {ln.word}",
                            effective_from=ln.effective_from, url=ln.source_url, confidence=ln.confidence))
    return out


def report_text(report: ScreenReport, role: str = "counselor") -> str:
    """The screening as the CLI prints it (the same Markdown as the chat)."""
    return to_markdown(blocks_of(report, role))
