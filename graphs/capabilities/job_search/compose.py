"""The job search answer: a line saying what was searched, the postings (a numbered list in the text, a table of
typed cells in the chat) and, for counselors, the search tips."""

from __future__ import annotations

from typing import Any

from graphs.answer import CitationOut, JobCard, Role
from graphs.blocks import Block, Cell, MarkdownBlock, TableBlock
from graphs.compose import link, nothing_found, pay_text
from graphs.prompts import COUNSELOR_TIPS, SAMPLE_NOTE
from knowledge.formatting import won

CITATION = CitationOut(title="고용24 채용정보 (예시 카탈로그)", source="고용24 채용정보 Open API 형식", section="채용정보")


def _head(describe: str, n: int) -> str:
    return f"{describe} 채용정보 {n}건을 찾았어요 {SAMPLE_NOTE}"


def jobs_answer(out: dict[str, Any], role: Role, *, describe: str) -> tuple[str, list[CitationOut]]:
    jobs = out["jobs"]
    if not jobs:
        return nothing_found(out, describe, "채용정보"), []
    lines = [_head(describe, len(jobs)), ""]
    for i, j in enumerate(jobs, 1):
        where = f"{j['region']} {j.get('district') or ''}".strip()
        close = j.get("close_date") or "채용시까지"
        pay = pay_text(j.get("wage_type"), j.get("wage_min"), j.get("wage_max"))
        lines.append(f"{i}. **{j['title']}** — {j['company']} ({where}) · {pay} · {j['employment_type']} · 마감 {close}")
        if role == "counselor":
            monthly = j.get("monthly_pay_max")
            lines.append(f"   - 구인인증번호 {j['id']} · 월 환산 최대 {won(monthly)}" + (f" · {j['url']}" if j.get("url") else ""))
    if role == "counselor":
        lines += ["", COUNSELOR_TIPS["jobs"]]
    return "\n".join(lines), [CITATION]


def jobs_table(jobs: list[JobCard], staff: bool) -> TableBlock:
    """One row per posting; staff also see the 구인인증번호 and the monthly equivalent."""
    columns = ["#", "공고", "회사", "지역", "급여", "형태", "마감"] + (["구인인증번호", "월 환산(최대)"] if staff else []) + ["링크"]
    rows: list[list[Cell]] = []
    for i, j in enumerate(jobs, 1):
        close = j.close_date.isoformat() if j.close_date else "채용시까지"
        row: list[Cell] = [i, f"**{j.title}**", j.company, f"{j.region} {j.district or ''}".strip(),
                           pay_text(j.wage_type, j.wage_min, j.wage_max, unknown="협의"), j.employment_type, close]
        if staff:
            row += [j.id, won(j.monthly_pay_max)]
        rows.append([*row, link(j.url, "고용24")])
    return TableBlock(columns=columns, rows=rows)


def jobs_blocks(out: dict[str, Any], role: Role, *, describe: str) -> list[Block]:
    """The chat's view of the same answer: the head line, the postings as a table, the tips."""
    if not out["jobs"]:
        return [MarkdownBlock(text=nothing_found(out, describe, "채용정보"))]
    jobs = [JobCard.model_validate(j) for j in out["jobs"]]
    blocks: list[Block] = [MarkdownBlock(text=_head(describe, len(jobs))), jobs_table(jobs, role == "counselor")]
    if role == "counselor":
        blocks.append(MarkdownBlock(text=COUNSELOR_TIPS["jobs"]))
    return blocks
