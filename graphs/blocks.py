"""Typed answer blocks: what a capability answers with, rendered by the chat UI, the CLI and the LLM number check.

A capability returns :class:`CapabilityAnswer` (blocks + citations). :func:`to_markdown` turns the blocks into the
plain Markdown kept as ``AnswerResult.answer`` (the CLI prints it; the LLM's draft is checked against it); the chat UI
renders each block kind itself (``app/render.py``: a chart becomes an interactive Plotly element there).
Notices (warnings) always come first.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from knowledge.schemas import Citation

BlockKind = Literal["markdown", "table", "chart", "findings", "notice", "file"]
Cell = str | int | float | None


class MarkdownBlock(BaseModel):
    kind: Literal["markdown"] = "markdown"
    text: str


class TableBlock(BaseModel):
    kind: Literal["table"] = "table"
    title: str = ""
    columns: list[str]
    rows: list[list[Cell]] = Field(default_factory=list)


class ChartBlock(BaseModel):
    """An interactive chart: a Plotly figure as JSON (``fig.to_plotly_json()``) and its title."""

    kind: Literal["chart"] = "chart"
    title: str
    figure: dict[str, Any]
    chart_kind: str | None = None  # "line", "bar", "box", … (informative)


Severity = Literal["위반", "확인 필요", "권고"]


class FindingItem(BaseModel):
    """One problem found in a text the person gave: the exact span, the rule and article, how serious, a rewrite."""

    quote: str  # text[start:end] of the checked text
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str  # Korean rule name ("연령 제한")
    article: str  # law and article ("고령자고용법 제4조의4 제1항 제1호")
    severity: Severity
    explanation: str = ""
    rewrite: str = ""  # a suggested rewrite the person can paste


class FindingsBlock(BaseModel):
    kind: Literal["findings"] = "findings"
    title: str = ""
    items: list[FindingItem] = Field(default_factory=list)
    empty_text: str = "문제가 될 문구를 찾지 못했습니다."


class NoticeBlock(BaseModel):
    """A caveat shown before everything else (⚠️ for a warning, ※ for a note)."""

    kind: Literal["notice"] = "notice"
    text: str
    level: Literal["warning", "info"] = "info"


class FileBlock(BaseModel):
    """A document to download (a 취업활동계획 as DOCX, a report as Markdown): its file name, MIME type and bytes as
    base64 (kept small: a few tens of KB), with one line describing it."""

    kind: Literal["file"] = "file"
    name: str  # "취업활동계획_2026-12-04.docx"
    mime: str
    data_b64: str
    description: str = ""

    def content(self) -> bytes:
        return base64.b64decode(self.data_b64)

    @classmethod
    def of(cls, name: str, mime: str, content: bytes, description: str = "") -> FileBlock:
        return cls(name=name, mime=mime, data_b64=base64.b64encode(content).decode("ascii"), description=description)


Block = Annotated[
    MarkdownBlock | TableBlock | ChartBlock | FindingsBlock | NoticeBlock | FileBlock, Field(discriminator="kind")
]
BLOCK_KINDS: tuple[BlockKind, ...] = ("markdown", "table", "chart", "findings", "notice", "file")


class Ask(BaseModel):
    """The one question a capability asks back, whose reply must come back to it: the fact asked (``field``: a
    Profile field — the NLU then reads a bare reply such as "45살이요" or "네" as that field — or a key of the
    capability's own, e.g. ``youth.age``), the question as shown, and an example reply. The question itself stays
    in the answer's blocks; ``Ask`` only declares that the capability waits for it (the graph pauses the thread
    with LangGraph's ``interrupt()`` until the next message, and hands the reply back as
    ``CapabilityRequest.asked``)."""

    field: str
    question: str
    example: str = ""


class CapabilityAnswer(BaseModel):
    """What a registered capability answers: typed blocks and the sources they rest on, and what the thread should
    remember of this answer for later turns (``remember``: JSON-able, kept per capability in the thread's state and
    given back to every capability as ``CapabilityRequest.memory[<capability name>]``); ``ask`` when the answer
    ends with a question whose reply should come back to the capability."""

    blocks: list[Block] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    remember: dict[str, Any] | None = None
    ask: Ask | None = None

    @property
    def kinds(self) -> set[str]:
        return {b.kind for b in self.blocks}

    def markdown(self) -> str:
        return to_markdown(self.blocks)


# ---- Markdown --------------------------------------------------------------------------------------------------
SEVERITY_MARK: dict[str, str] = {"위반": "❌", "확인 필요": "⚠️", "권고": "⚠️"}


def cell(value: Any) -> str:
    """A Markdown table cell: no pipes or line breaks (integers with thousands separators)."""
    text = "" if value is None else f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)
    return re.sub(r"\s+", " ", text).replace("|", "\\|").strip() or "-"


def markdown_text(block: MarkdownBlock) -> str:
    return block.text


def table_markdown(block: TableBlock) -> str:
    head = "| " + " | ".join(cell(c) for c in block.columns) + " |"
    rule = "|" + "|".join("---" for _ in block.columns) + "|"
    rows = ["| " + " | ".join(cell(v) for v in row) + " |" for row in block.rows]
    title = [f"**{block.title}**", ""] if block.title else []
    return "\n".join([*title, head, rule, *rows])


def chart_caption(block: ChartBlock) -> str:
    """Where no chart can be drawn (CLI, plain text): one line naming it."""
    return f"📊 차트: {block.title}"


def finding_lines(block: FindingsBlock) -> str:
    lines = [f"**{block.title}**"] if block.title else []
    if not block.items:
        return "\n".join([*lines, block.empty_text])
    for i, f in enumerate(block.items, 1):
        lines.append(f"{i}. {SEVERITY_MARK[f.severity]} **{f.rule}** [{f.severity}] — “{f.quote}” ({f.article})")
        if f.explanation:
            lines.append(f"   - {f.explanation}")
        if f.rewrite:
            lines.append(f"   - ✏️ 고쳐 쓰기: {f.rewrite}")
    return "\n".join(lines)


def file_line(block: FileBlock) -> str:
    """Where a file cannot be attached (CLI, plain text): one line naming it."""
    return f"📎 파일: {block.name}" + (f" — {block.description}" if block.description else "")


def notice_text(block: NoticeBlock) -> str:
    mark = "⚠️" if block.level == "warning" else "※"
    return block.text if block.text.startswith(mark) else f"{mark} {block.text}"


MARKDOWN_RENDERERS: dict[str, Callable[[Any], str]] = {
    "markdown": markdown_text,
    "table": table_markdown,
    "chart": chart_caption,
    "findings": finding_lines,
    "notice": notice_text,
    "file": file_line,
}


def ordered(blocks: Sequence[Block]) -> list[Block]:
    """Notices first (in their order), then the other blocks in their order."""
    return [b for b in blocks if b.kind == "notice"] + [b for b in blocks if b.kind != "notice"]


def to_markdown(blocks: Sequence[Block]) -> str:
    return "\n\n".join(t for t in (MARKDOWN_RENDERERS[b.kind](b).strip() for b in ordered(blocks)) if t)
