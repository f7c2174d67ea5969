"""The agent's tools: typed functions with docstrings, shared by the templated path and the LLM path.

Each returns a JSON-able dict. Numbers in answers may only come from these outputs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from langchain_core.tools import BaseTool, StructuredTool

from graphs.answer import CourseCard, JobCard
from graphs.eligibility import PROGRAMS
from graphs.eligibility import check_eligibility as _check
from graphs.nlu.fields import expand_query
from graphs.profile import Profile
from knowledge.base import KnowledgeBase
from knowledge.fields import relaxable, tool_args_model
from knowledge.korean import content_terms
from knowledge.records import effective_on
from knowledge.schemas import JobFilters, TrainingFilters
from knowledge.sparse import default_lexicon

_F = TypeVar("_F", JobFilters, TrainingFilters)


def relax(filters: _F, count: Callable[[_F], int]) -> list[dict[str, Any]]:
    """For a search with no results: each set filter that may be loosened (its declaration says so), with how many
    results the search would have without it (only those that would give some)."""
    out = []
    for name, label in relaxable(type(filters)).items():
        if getattr(filters, name) is None:
            continue
        n = count(filters.model_copy(update={name: None}))
        if n:
            out.append({"filter": name, "label": label, "count": n})
    return out


@dataclass
class ToolContext:
    kb: KnowledgeBase
    today: date


def search_jobs(ctx: ToolContext, query: str, filters: JobFilters, k: int = 5) -> dict[str, Any]:
    """Find Jeju job postings. Every returned posting satisfies every filter; when none does, ``relax`` says which
    filter to loosen and how many postings that would give."""
    query = expand_query(query)  # "관광" → 호텔, 리조트, 가이드 … (knowledge/lexicon/fields.yaml)
    hits = ctx.kb.retriever.search_jobs(query, filters, today=ctx.today, k=k)
    out: dict[str, Any] = {
        "query": query,
        "filters": filters.model_dump(exclude_none=True, mode="json"),
        "jobs": [JobCard.of(h.job).model_dump(mode="json") for h in hits],
        "relax": [],
    }
    if not hits:
        out["relax"] = relax(filters, lambda f: len(ctx.kb.retriever.search_jobs(query, f, today=ctx.today, k=20)))
    return out


def lookup_training(ctx: ToolContext, query: str, filters: TrainingFilters, k: int = 5) -> dict[str, Any]:
    """Find training courses (국민내일배움카드 등) in Jeju with cost, self-pay estimate, dates and 취업률."""
    if filters.start_from is None and filters.start_to is None:
        filters = filters.model_copy(update={"start_from": ctx.today})
    query = expand_query(query)  # "it" → 웹 개발, AI, 빅데이터 … (knowledge/lexicon/fields.yaml)
    hits = ctx.kb.retriever.search_training(query, filters, k=k)
    out: dict[str, Any] = {
        "query": query,
        "filters": filters.model_dump(exclude_none=True, mode="json"),
        "courses": [CourseCard.of(h.course).model_dump(mode="json") for h in hits],
        "relax": [],
    }
    if not hits:
        out["relax"] = relax(filters, lambda f: len(ctx.kb.retriever.search_training(query, f, k=20)))
    return out


def check_eligibility(ctx: ToolContext, program: str, profile: Profile) -> dict[str, Any]:
    """Decide eligibility and compute amounts for a program from rules that cite their article and period."""
    return _check(program, profile, today=ctx.today).model_dump(mode="json")


# ---- which sentences of a passage answer the question ----------------------------------------------------------
# A sentence ends at . ! ? or a line break, or at a polite ending with no period ("…받습니다 다음 …"); never after a
# word that merely ends in 다/요 ("하한액보다 낮으면", "4주마다", "필요 없음") — cutting there reversed 제46조's rule.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=니다|어요|아요|에요|예요|세요|해요|지요|나요)\s+")
# light verbs that occur in nearly every Korean sentence and say nothing about the topic
_LIGHT_TERMS = frozenset({"있다", "하다", "되다", "않다", "이다"})
# a figure of the kind asked for: an amount of money, a number of days / months / years
# ("how much": money, a rate, a multiple, a fraction; "how long": days, weeks, months, years — not a calendar year)
_FIGURES = {
    "amount": re.compile(r"\d[\d,.]*\s*(?:만\s*)?원|\d\s*%|\d\s*배|분의\s*\d"),
    "duration": re.compile(r"(?<![\d,.])\d{1,3}\s*(?:일|주|개월|년)"),
}
FIGURE_BONUS = 1.0


def split_sentences(text: str) -> list[str]:
    """A passage as sentences (whitespace collapsed); the templates quote whole sentences only."""
    text = re.sub(r"\s+", " ", text).strip()
    return [s for s in _SENTENCE_END.split(text) if s]


@lru_cache(maxsize=4096)
def _terms(text: str) -> frozenset[str]:
    return frozenset(t for t in content_terms(text) if t not in _LIGHT_TERMS)


def _concepts(query: str) -> list[frozenset[str]]:
    """The query as concepts: each synonym group it mentions (실업급여 = 구직급여 …; matched as the search's query
    expansion matches) and each other content term. A group's one-syllable terms (일, 금 …) are left out of it:
    they occur everywhere."""
    terms = _terms(query)
    compact = query.replace(" ", "")

    def mentioned(phrase: str) -> bool:
        by_terms = any(len(t) > 1 for t in _terms(phrase)) and _terms(phrase) <= terms
        return phrase.replace(" ", "") in compact or by_terms

    concepts: list[frozenset[str]] = []
    for group in default_lexicon().groups:
        if any(mentioned(p) for p in group):
            concepts.append(frozenset(t for p in group for t in _terms(p) if len(t) > 1))
    concepts.extend(frozenset({t}) for t in sorted(terms) if not any(t in c for c in concepts))
    return [c for c in concepts if c]


def score_texts(query: str, texts: Sequence[str], focus: Sequence[str] = ()) -> list[float]:
    """How well each text answers the query: the summed weight of the query's concepts it contains (a concept
    weighs more the fewer of ``texts`` contain it), plus a bonus when it states a figure of the kind asked for
    (``focus``: "amount", "duration")."""
    concepts = _concepts(query)
    figures = [_FIGURES[f] for f in focus if f in _FIGURES]
    terms = [_terms(t) for t in texts]
    n = len(texts)
    weights = []
    for c in concepts:
        df = sum(1 for ts in terms if ts & c)
        weights.append(math.log((n + 1) / (df + 0.5)) if df else 0.0)
    scores = []
    for text, ts in zip(texts, terms, strict=True):
        score = sum(w for c, w in zip(concepts, weights, strict=True) if ts & c)
        if any(f.search(text) for f in figures):
            score += FIGURE_BONUS
        scores.append(round(score, 3))
    return scores


def rank_sentences(query: str, passages: list[dict[str, Any]], focus: Sequence[str] = ()) -> None:
    """Add ``key`` (indices of the sentences that answer the query, best first) and ``relevance`` (the best
    sentence's score) to each passage; sentences are scored against all sentences of the passages."""
    per = [split_sentences(p["text"]) for p in passages]
    scores = score_texts(query, [s for sentences in per for s in sentences], focus)
    at = 0
    for p, sentences in zip(passages, per, strict=True):
        mine = scores[at:at + len(sentences)]
        at += len(sentences)
        p["key"] = sorted((i for i, v in enumerate(mine) if v > 0), key=lambda i: (-mine[i], i))
        p["relevance"] = max(mine, default=0.0)


def search_policies(
    ctx: ToolContext,
    query: str,
    k: int = 4,
    program: str | None = None,
    year: int | None = None,
    focus: Sequence[str] = (),
) -> dict[str, Any]:
    """Policy passages with citations. Passages in force on the asked year (or today) come first. Each passage
    says which of its sentences answer the query (``key``) and how well (``relevance``)."""
    hits = ctx.kb.retriever.search_policies(query, k=max(k * 3, 10), program=program)
    ref = ctx.today if year is None or year == ctx.today.year else date(year, 7, 1)

    def section_years(i: int) -> set[int]:
        return {int(y) for y in re.findall(r"(20\d\d)년", hits[i].chunk.section)}

    def stale(i: int) -> bool:
        """Not in force in the asked year (or today): another year's passage or section ("2025년 최저임금")."""
        chunk = hits[i].chunk
        wrong_year = chunk.year is not None and year is not None and chunk.year != year
        wrong_section = bool(section_years(i)) and ref.year not in section_years(i)
        return wrong_year or wrong_section or not effective_on(chunk, ref)

    current = {i: not stale(i) for i in range(len(hits))}
    docs_in_year = {hits[i].chunk.doc_id for i, ok in current.items() if ok}

    first_of_doc: dict[str, int] = {}
    for i in range(len(hits)):
        first_of_doc.setdefault(hits[i].chunk.doc_id, i)

    def rank(i: int) -> tuple[int, int, int, int]:
        """A passage of another year comes after the asked year's passages of its own document. A document with no
        passage for the asked year ("내년 최저시급": 2027 not published) keeps its place in the search order, so
        the topic is still answered (with its latest year first, and compose's warning that the year is missing)
        instead of an unrelated passage that has no year."""
        if current[i]:
            return (0, i, 0, i)
        doc = hits[i].chunk.doc_id
        if doc in docs_in_year:
            return (1, i, 0, i)
        latest = max((y for y in section_years(i) if y <= ref.year), default=0)
        return (0, first_of_doc[doc], -latest, i)

    order = sorted(range(len(hits)), key=rank)[:k]
    passages = []
    for i in order:
        c = hits[i].chunk
        passages.append(
            {
                "doc_id": c.doc_id,
                "title": c.title,
                "section": c.section,
                "text": c.text,
                "program": c.program,
                "effective_from": c.effective_from.isoformat(),
                "effective_to": c.effective_to.isoformat() if c.effective_to else None,
                "confidence": c.confidence,
                "flags": c.flags,
                "sources": [s.model_dump(exclude_none=True) for s in c.sources],
                "year": c.year,
                "in_force": current[i],  # in force in the asked year (or today)
            }
        )
    rank_sentences(query, passages, focus)
    return {"query": query, "year": year, "passages": passages}


def langchain_tools(ctx: ToolContext) -> list[BaseTool]:
    """The same tools for a tool-calling LLM, bound to the shared context."""

    def _jobs(query: str, **filters: Any) -> dict[str, Any]:
        return search_jobs(ctx, query, JobFilters.model_validate(filters))

    def _training(query: str, **filters: Any) -> dict[str, Any]:
        return lookup_training(ctx, query, TrainingFilters.model_validate(filters))

    def _eligibility(program: str, profile: dict[str, Any]) -> dict[str, Any]:
        return check_eligibility(ctx, program, Profile.model_validate(profile))

    _eligibility.__doc__ = "수급 요건·금액 계산(조문과 시행일이 있는 규칙). program: " + ", ".join(PROGRAMS)

    def _policies(query: str, year: int | None = None) -> dict[str, Any]:
        """정책 문서 검색(출처·시행일 포함). year를 주면 그 해 기준 문서를 우선합니다."""
        return search_policies(ctx, query, year=year)

    return [
        StructuredTool.from_function(
            _jobs, name="search_jobs", description="제주 채용정보 검색.",
            args_schema=tool_args_model(JobFilters, "search_jobs", "찾는 일(직종·업무·회사 등)"),
        ),
        StructuredTool.from_function(
            _training, name="lookup_training", description="제주 훈련과정(국민내일배움카드 등) 검색: 비용, 자부담, 개강일, 취업률.",
            args_schema=tool_args_model(TrainingFilters, "lookup_training", "배우려는 분야나 과정 이름"),
        ),
        StructuredTool.from_function(_eligibility, name="check_eligibility"),
        StructuredTool.from_function(_policies, name="search_policies"),
    ]
