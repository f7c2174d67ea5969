"""The training search answer: a line saying what was searched, the courses (a numbered list in the text, a table
of typed cells in the chat) and, for counselors, the search tips."""

from __future__ import annotations

from typing import Any

from graphs.answer import CitationOut, CourseCard, Role
from graphs.blocks import Block, Cell, MarkdownBlock, TableBlock
from graphs.compose import link, nothing_found
from graphs.prompts import COUNSELOR_TIPS, SAMPLE_NOTE
from knowledge.formatting import won

CITATION = CitationOut(title="고용24 훈련과정 (예시 카탈로그)", source="HRD-Net 훈련과정 API 형식", section="훈련과정")


def _head(describe: str, n: int) -> str:
    return f"{describe} 훈련과정 {n}건이에요 {SAMPLE_NOTE}"


def training_answer(out: dict[str, Any], role: Role, *, describe: str) -> tuple[str, list[CitationOut]]:
    courses = out["courses"]
    if not courses:
        return nothing_found(out, describe, "훈련과정"), []
    lines = [_head(describe, len(courses)), ""]
    for i, c in enumerate(courses, 1):
        rate = f"취업률 {c['employment_rate']}%" if c.get("employment_rate") is not None else "취업률 미공시"
        self_pay = f"자부담(추정) {won(c.get('self_pay'))}" if c.get("self_pay") is not None else ""
        card = "내일배움카드 가능" if c.get("card_eligible") else "카드 사용 불가"
        lines.append(
            f"{i}. **{c['title']}** — {c['institution']} ({c['region']}) · 개강 {c['start_date']} · "
            f"훈련비 {won(c['cost'])} {self_pay} · {card} · {rate}"
        )
        if role == "counselor":
            lines.append(f"   - 과정ID {c['id']}" + (f" · {c['url']}" if c.get("url") else ""))
    if role == "counselor":
        lines += ["", COUNSELOR_TIPS["training"]]
    return "\n".join(lines), [CITATION]


def training_table(courses: list[CourseCard], staff: bool) -> TableBlock:
    """One row per course; staff also see the end date and the course id."""
    columns = ["#", "과정", "기관", "지역", "개강", "훈련비", "자부담(추정)", "카드", "취업률"] + (["과정ID"] if staff else [])
    rows: list[list[Cell]] = []
    for i, c in enumerate(courses, 1):
        period = c.start_date.isoformat() + (f" ~ {c.end_date.isoformat()}" if c.end_date and staff else "")
        rate = f"{c.employment_rate:g}%" if c.employment_rate is not None else "미공시"
        row: list[Cell] = [i, f"**{c.title}**", c.institution, c.region, period, won(c.cost), won(c.self_pay),
                           "가능" if c.card_eligible else "불가", rate]
        if staff:
            row.append(c.id)
        rows.append([*row, link(c.url, "고용24")])
    return TableBlock(columns=[*columns, "링크"], rows=rows)


def training_blocks(out: dict[str, Any], role: Role, *, describe: str) -> list[Block]:
    """The chat's view of the same answer: the head line, the courses as a table, the tips."""
    if not out["courses"]:
        return [MarkdownBlock(text=nothing_found(out, describe, "훈련과정"))]
    courses = [CourseCard.model_validate(c) for c in out["courses"]]
    blocks: list[Block] = [MarkdownBlock(text=_head(describe, len(courses))),
                           training_table(courses, role == "counselor")]
    if role == "counselor":
        blocks.append(MarkdownBlock(text=COUNSELOR_TIPS["training"]))
    return blocks
