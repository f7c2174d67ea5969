"""Shared pieces of the templated Korean answers (the no-LLM path, and the fallback of the LLM path).

Each capability composes its own answer in its folder (``graphs/capabilities/<name>/compose.py``); what several of
them write — won amounts, 을/를, paragraphs, a passage's excerpt and citation, the "nothing found" hints — is here.
The templated answer is Markdown made of blocks separated by blank lines: a one-line paragraph, a list whose items
each sit on their own line, or a table. No block carries a second line of plain text, so nothing runs together when
the chat renders it (tests/graphs/test_compose.py parses it with markdown-it). Every number written is copied from a
tool output or a cited passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graphs.answer import CitationOut
from graphs.tools import split_sentences
from knowledge.formatting import pay_range

WEAK = {"unverified", "conflict"}


def pay_text(wage_type: str | None, lo: int | None, hi: int | None, *, unknown: str = "임금 협의") -> str:
    """"시급 11,000원", "월급 2,300,000원~2,600,000원"; the wage type alone (or ``unknown``) without an amount."""
    kind = wage_type or ""
    if lo is None:
        return kind or unknown
    return pay_range(kind, lo, hi, sep="~").strip()


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a plain http(s) address (nothing a Markdown link could be broken or abused with)."""
    if url and re.match(r"^https?://[^\s<>\"')]+$", url):
        return url
    return None


def link(url: str | None, label: str = "보기") -> str:
    u = safe_url(url)
    return f"[{label}]({u})" if u else "-"


def has_final_consonant(word: str) -> bool:
    last = word.rstrip(" )")[-1:] or "가"
    return "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 != 0


def with_object(name: str, verb: str) -> str:
    if verb == "참여할":
        return f"{name}에"
    return f"{name}{'을' if has_final_consonant(name) else '를'}"


def paragraphs(*groups: Sequence[str] | str | None) -> str:
    """Markdown blocks (strings, or lists of list-item lines) joined by blank lines, empty ones left out."""
    out: list[str] = []
    for g in groups:
        if not g:
            continue
        out.append(g if isinstance(g, str) else "\n".join(g))
    return "\n\n".join(out)


def nothing_found(out: dict[str, Any], describe: str, what: str) -> str:
    """No result: say which filter to relax (with how many results that gives) or how to search instead."""
    hints = [f"- '{r['label']}' 조건을 빼면 {r['count']}건이 있어요." for r in out.get("relax", [])]
    return paragraphs(f"{describe} 조건에 맞는 {with_object(what, '찾을')} 찾지 못했어요.",
                   hints or ["- 다른 낱말이나 더 넓은 지역으로 찾아 보세요."],
                   f"고용24(work24.go.kr)에서 최신 {what}도 확인해 보세요.")


def excerpt(p: dict[str, Any], n: int) -> str:
    """``n`` sentences of a passage in their order: its opening (about half), then the sentences that answer the
    question (``key`` from the search), then the following ones."""
    sentences = split_sentences(p["text"])
    lead = list(range(min((n + 1) // 2, len(sentences))))
    chosen: list[int] = []
    for i in [*lead, *p.get("key", []), *range(len(sentences))]:
        if len(chosen) >= n:
            break
        if i < len(sentences) and i not in chosen:
            chosen.append(i)
    return " ".join(sentences[i] for i in sorted(chosen))


def weak_passage(p: dict[str, Any]) -> bool:
    return p["confidence"] in WEAK or bool(p["flags"])


def basis(p: dict[str, Any]) -> str:
    return "; ".join(s.get("article") or s.get("title", "") for s in p["sources"])


def basis_line(p: dict[str, Any]) -> str:
    return f"· 근거: {basis(p)} ({p['effective_from']} 시행, 신뢰도 {p['confidence']})"


def policy_citation(p: dict[str, Any]) -> CitationOut:
    src = p["sources"][0] if p["sources"] else {}
    return CitationOut(
        title=p["title"],
        source=src.get("article") or src.get("url") or src.get("title", ""),
        section=p["section"],
        effective_from=p["effective_from"],
        url=src.get("url"),
        confidence=p["confidence"],
    )
