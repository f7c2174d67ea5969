"""How one assistant turn looks in the chat: Markdown text, source panels, follow-up buttons, tool steps.

Pure functions over ``AnswerResult`` (no Chainlit import), so they are unit-tested directly. Every figure
shown is copied from the result's fields; nothing is computed here except formatting. Nothing here knows a route:
an answer's typed blocks are rendered by kind, and a capability's own view and buttons come from its registry hooks
(``Capability.render``, ``Capability.actions`` / ``follow_ups``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.auth import AppRole, is_admin, is_staff
from graphs.answer import AnswerResult, CitationOut, ToolCallOut
from graphs.blocks import (
    MARKDOWN_RENDERERS,
    Block,
    ChartBlock,
    FileBlock,
    ordered,
)
from graphs.capabilities import registry
from graphs.capabilities.registry import FollowUp
from graphs.compose import safe_url

CONFIDENCE = {
    "law": "법령",
    "news": "보도·공지",
    "secondary": "2차 자료",
    "unverified": "미확인 — 꼭 확인하세요",
    "conflict": "출처 간 상충 — 꼭 확인하세요",
}
TOOL_LABELS = {
    "search_jobs": "채용정보 검색",
    "lookup_training": "훈련과정 검색",
    "check_eligibility": "수급 요건·금액 계산",
    "search_policies": "정책 문서 검색",
}
SEARCHING = "찾는 중…"
DISCLAIMER_SHORT = "※ 이 안내는 참고용이며 공식 결정이 아닙니다. 정확한 내용은 고용24(work24.go.kr) 또는 ☎1350에서 확인하세요."
REFINE_PROMPT = "어떤 조건으로 다시 찾을까요? 바꿀 조건만 말씀하시면 앞의 검색어는 그대로 두고 다시 찾아 드려요."
MAX_STEP_CHARS = 6000
DETAILS_SHOW = "📋 자세히 보기"
DETAILS_HIDE = "📋 자세히 접기"
DETAILS_TOOLTIP = "요건 점검표와 계산식을 펼치거나 접어요"
DETAILS_GONE = "이 답변의 자세한 내용은 더 이상 열 수 없어요. 같은 질문을 다시 해 주시면 새로 계산해 드려요."


@dataclass
class SourcePanel:
    """A clickable source: ``name`` appears in the text and opens ``content`` in the side panel."""

    name: str
    content: str
    url: str | None = None


@dataclass
class ActionSpec:
    name: str
    label: str
    payload: dict[str, Any]
    tooltip: str = ""


@dataclass
class StepView:
    name: str
    input: str
    output: str


@dataclass
class ChartView:
    """An interactive chart shown under the answer (``cl.Plotly`` in the chat)."""

    name: str
    figure: dict[str, Any]


@dataclass
class Rendered:
    content: str
    sources: list[SourcePanel] = field(default_factory=list)
    actions: list[ActionSpec] = field(default_factory=list)
    # the checklist and formulas a citizen opens with "자세히" (empty: the answer has no hidden part)
    details: str = ""
    charts: list[ChartView] = field(default_factory=list)
    files: list[FileBlock] = field(default_factory=list)  # documents attached for download (cl.File)


# ---- sources -------------------------------------------------------------------------------------------------
def _passages(tool_calls: list[ToolCallOut]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for call in tool_calls:
        if call.name == "search_policies" and isinstance(call.result, dict):
            out.extend(p for p in call.result.get("passages", []) if isinstance(p, dict))
    return out


_RULE_ID = re.compile(r"^[a-z0-9_]+(?:\.[a-z0-9_]+)+$")


def section_label(c: CitationOut) -> str:
    """The section heading; an internal rule id (``ub.unit_period``) is replaced by its article."""
    if _RULE_ID.match(c.section or "") and c.source:
        return c.source
    return c.section or c.source or ""


def source_name(c: CitationOut) -> str:
    eff = f" ({c.effective_from.isoformat()} 시행)" if c.effective_from else ""
    return f"📄 {c.title} · {section_label(c)}{eff}"


def source_panel(c: CitationOut, excerpt: str | None) -> str:
    lines = [f"### {c.title}", f"- 항목: {section_label(c)}", f"- 근거: {c.source or '-'}"]
    if c.effective_from:
        lines.append(f"- 시행일: {c.effective_from.isoformat()}")
    if c.confidence:
        lines.append(f"- 신뢰도: {CONFIDENCE.get(c.confidence, c.confidence)}")
    url = safe_url(c.url)
    if url:
        lines.append(f"- 원문: [{url}]({url})")
    if excerpt:
        text = re.sub(r"\s+", " ", excerpt).strip()
        lines.append("\n> " + (text[:700] + "…" if len(text) > 700 else text))
    lines.append("\n" + DISCLAIMER_SHORT)
    return "\n".join(lines)


def sources(citations: list[CitationOut], tool_calls: list[ToolCallOut]) -> tuple[str, list[SourcePanel]]:
    """A "출처" list whose items open side panels (title, section, article, effective date, excerpt)."""
    passages = _passages(tool_calls)
    panels: list[SourcePanel] = []
    seen: set[str] = set()
    for c in citations:
        name = source_name(c)
        if name in seen:
            continue
        seen.add(name)
        excerpt = next((p.get("text") for p in passages if p.get("title") == c.title and p.get("section") == c.section),
                       None)
        panels.append(SourcePanel(name=name, content=source_panel(c, excerpt), url=safe_url(c.url)))
    if not panels:
        return "", []
    lines = ["**출처** (눌러서 자세히 보기)"] + [f"- {p.name}" for p in panels]
    return "\n".join(lines), panels


# ---- typed blocks (registered capabilities) -------------------------------------------------------------------
def chart_caption(block: ChartBlock) -> str:
    return f"📊 **{block.title}** — 아래 차트에 마우스를 올리면 수치와 출처가 보입니다."


# One renderer per block kind: graphs/blocks.py's, but a chart is drawn as an element, its caption stays in the text.
BLOCK_RENDERERS: dict[str, Callable[[Any], str]] = {**MARKDOWN_RENDERERS, "chart": chart_caption}


def render_blocks(blocks: list[Block]) -> tuple[str, list[ChartView], list[FileBlock]]:
    """The blocks' Markdown (notices first), their charts and the files to attach for download."""
    parts: list[str] = []
    charts: list[ChartView] = []
    files: list[FileBlock] = []
    for block in ordered(blocks):
        parts.append(BLOCK_RENDERERS[block.kind](block))
        if isinstance(block, ChartBlock):
            charts.append(ChartView(name=f"📊 {block.title}" + (f" ({len(charts) + 1})" if charts else ""),
                                    figure=block.figure))
        elif isinstance(block, FileBlock):
            files.append(block)
    return "\n\n".join(p.strip() for p in parts if p.strip()), charts, files


# ---- the answer --------------------------------------------------------------------------------------------------
def action_of(f: FollowUp) -> ActionSpec:
    """A declared next question as a button: "ask" sends the question, "refine" shows it as the prompt."""
    if f.action == "refine":
        return ActionSpec("refine", f.label, {"prompt": f.question}, f.tooltip)
    return ActionSpec("ask", f.label, {"q": f.question}, f.tooltip or f.question)


def follow_up_actions(result: AnswerResult) -> list[ActionSpec]:
    """The buttons under an answer, as its capability declares them (from the answer when it has an actions hook)."""
    cap = registry.for_route(result.route)
    if cap is None:
        return []
    return [action_of(f) for f in (cap.actions(result) if cap.actions else cap.follow_ups)]


def answer_parts(result: AnswerResult) -> list[str]:
    """The answer's own Markdown: its typed blocks; when an LLM wrote the text, that text and the blocks that are
    not text (tables, charts, findings, notices, files)."""
    answer = (result.answer or "").strip()
    if not result.blocks:
        return [answer]
    if result.used_llm:
        body, _, _ = render_blocks([b for b in result.blocks if b.kind != "markdown"])
        return [answer, body]
    body, _, _ = render_blocks(result.blocks)
    return [body]


def render_answer(result: AnswerResult, role: AppRole) -> Rendered:
    """The final Markdown of one turn plus its source panels and follow-up buttons."""
    _, charts, files = render_blocks(result.blocks)
    cap = registry.for_route(result.route)
    view = cap.render(result, is_staff(role)) if cap is not None and cap.render is not None else None
    parts = view.parts if view is not None else answer_parts(result)
    src_text, panels = sources(result.citations, result.tool_calls)
    parts = [*parts, src_text]
    if result.fallback_reason and is_staff(role):
        parts.append(f"_(AI 문장 대신 검증된 템플릿 답변을 보여 드립니다: {result.fallback_reason})_")
    content = "\n\n".join(p.strip() for p in parts if p and p.strip())
    details = view.details if view is not None else ""
    actions = follow_up_actions(result)
    if details:
        actions.append(ActionSpec("details", DETAILS_SHOW, {}, DETAILS_TOOLTIP))
    return Rendered(content=content, sources=panels, actions=actions, details=details, charts=charts, files=files)


def stream_chunks(text: str, max_chunks: int = 24) -> list[str]:
    """Pieces of ``text`` (by line, merged to at most ``max_chunks``) for a streamed display; joined == text."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return []
    per = max(1, -(-len(lines) // max_chunks))
    return ["".join(lines[i : i + per]) for i in range(0, len(lines), per)]


# ---- tool steps (counselors) -----------------------------------------------------------------------------------
def _shrink(value: Any, depth: int = 0) -> Any:
    if isinstance(value, str):
        return value if len(value) <= 300 else value[:300] + "…"
    if isinstance(value, list):
        items = [_shrink(v, depth + 1) for v in value[:8]]
        if len(value) > 8:
            items.append(f"… 외 {len(value) - 8}건")
        return items
    if isinstance(value, dict):
        return {k: _shrink(v, depth + 1) for k, v in value.items()}
    return value


def tool_label(name: str) -> str:
    """The Korean label of a tool, or of the registered capability that ran as one."""
    if name in TOOL_LABELS:
        return TOOL_LABELS[name]
    cap = next((c for c in registry.capabilities() if c.name == name), None)
    return cap.label if cap else name


def step_view(call: ToolCallOut) -> StepView:
    label = tool_label(call.name)
    args = json.dumps(call.args, ensure_ascii=False, indent=2, default=str)
    out = json.dumps(_shrink(call.result), ensure_ascii=False, indent=2, default=str)
    if len(out) > MAX_STEP_CHARS:
        out = out[:MAX_STEP_CHARS] + "\n… (생략)"
    return StepView(name=f"{label} ({call.name})", input=args, output=out)


# ---- fixed texts ------------------------------------------------------------------------------------------------
def welcome_text(role: AppRole, display_name: str = "") -> str:
    who = {"citizen": "", "counselor": " (상담사 화면)", "admin": " (관리자 화면)"}[role]
    lines = [
        f"안녕하세요{', ' + display_name + '님' if display_name and role != 'citizen' else ''}! "
        f"제주 고용센터 AI 상담 도우미입니다{who}.",
        "",
        "**도와드릴 수 있는 일**",
        "- 제주 일자리 찾기 — 지역·급여·고용형태 조건으로 (예: \"서귀포 호텔 일자리\")",
        "- 직업훈련·국민내일배움카드 과정 찾기",
        "- 실업급여(구직급여)·조기재취업수당·국민취업지원제도 등을 받을 수 있는지와 예상 금액 계산",
        "- 제도와 신청 절차 안내 — 출처와 시행일을 함께 보여 드려요",
        "- 제주 고용 동향 — 고용률·업종별 취업자·구인 현황을 수치와 차트로 (예: \"제주 고용률 추이\")",
        "- 사업주: 구인공고 초안 작성과 법 위반 소지 점검 (예: \"다음 공고 점검해줘: …\")",
        "",
        "**할 수 없는 일**",
        "- 실제 신청·접수, 수급 자격의 공식 판정, 개인 고용보험 이력 조회",
        "- 고용서비스와 관계없는 상담",
        "",
        "⚠️ 여기의 답변은 **참고용 안내이며 공식 결정이 아닙니다**. 정확한 내용은 고용24(work24.go.kr) 또는 "
        "고용노동부 고객상담센터 ☎1350에서 확인하세요.",
        "🔒 주민등록번호·전화번호·계좌번호 같은 개인정보는 입력하지 마세요. 입력하시면 저장·전송 전에 자동으로 가립니다.",
    ]
    if is_staff(role):
        lines += [
            "",
            "상담사 화면에서는 도구 실행 단계(입력·출력), 조문과 계산식, 구인인증번호가 함께 보입니다. "
            "구직자 조건으로 \"…에 맞는 일자리 매칭해줘\"라고 하면 공고마다 점수와 추천 이유를 보여 드립니다. "
            "대화는 저장되어 왼쪽 목록에서 이어서 볼 수 있습니다.",
        ]
    if is_admin(role):
        lines += [
            "",
            "**관리자 명령**: `/색인` 바뀐 자료만 다시 색인 · `/색인 전체` 새로 만들어 교체 · `/색인기록` 지난 실행 보기",
        ]
    lines += ["", "아래 예시를 눌러 시작해 보세요."]
    return "\n".join(lines)


STARTERS: dict[str, list[str]] = {
    "citizen": ["실업급여 받을 수 있나요?", "서귀포 호텔 일자리", "내일배움카드로 들을 수 있는 제주 과정"],
    "counselor": ["45세 권고사직, 4년 근속 수급일수", "청년 국취 1유형 요건", "서귀포 호텔 일자리"],
}


def starters_for(role: AppRole) -> list[str]:
    return STARTERS["citizen" if role == "citizen" else "counselor"]


def pii_notice(kinds_text: str) -> str:
    return (f"🔒 입력하신 내용에서 개인정보({kinds_text})를 발견해 가렸습니다. 가린 내용만 저장되고 상담에 쓰입니다. "
            "개인정보 없이도 상담할 수 있어요.")


def refusal_admin() -> str:
    return "죄송합니다. 색인 관리는 관리자만 할 수 있는 기능입니다. 궁금한 점은 일자리·훈련·지원제도 질문으로 말씀해 주세요."
