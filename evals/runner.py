"""``goyong eval``: run the gold sets against the system, print one table, write a JSON report, check thresholds.

Each ``eval_*`` function takes what it needs (a knowledge base, gold items, the reference date) and returns a
pydantic report with its metrics and the items it got wrong. :func:`run_eval` runs the chosen sets and gathers
flat metrics (``retrieval.hybrid.recall@5`` …) that :func:`check_thresholds` compares with
``evals/thresholds.yaml``.

Definitions:

* retrieval — top-10 policy chunks per question; rank = position of the first chunk from an accepted document;
  recall@k = share of questions with rank ≤ k; MRR = mean of 1/rank (0 when not in the top 10); section@5 = share of
  questions with a gold section whose section is among the top-5 chunks. Run for sparse-only, dense-only and hybrid.
* routing — route accuracy over utterances with a gold route; program accuracy over eligibility / policy_qa
  utterances; slot precision / recall / F1 (micro) over the scored slot keys (see ``evals/gold/routing.yaml``).
* eligibility — exact match: decision, every listed amount and every listed track decision equal, and where listed:
  the warnings found, the facts asked (and not asked) for, the threshold named in the failed requirements.
* answers — fact coverage = matched ``must`` regexes / all; forbidden rate = answers with a ``must_not`` match.
  An item with ``turns`` sends them first in the same thread; only the answer to its ``q`` is checked.
* search — filter violations = returned records breaking a filter (the eval's own predicate); missed = requests
  with no result although the indexed catalog holds a record satisfying the filters; top-1 relevance = share of
  requests whose first result matches the item's ``relevant`` regex, counted where the catalog holds a record that
  satisfies the filters and matches it.
* capabilities — one set per registered capability (``graphs/capabilities/registry.py``): its own evaluate on its
  own gold data, metrics named ``<capability>.<metric>`` (e.g. ``trends.figure_recall``,
  ``posting_check.holdout.micro_recall``).
* latency — per-turn (``Assistant.ask``, templated path, no LLM) and search p50 / p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import re
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field
from rich.console import Console
from rich.table import Table

from evals.gold import (
    REFERENCE_DATE,
    SET_NAMES,
    AnswerItem,
    EligibilityItem,
    RetrievalItem,
    RoutingItem,
    SearchItem,
    SetName,
    load_answers,
    load_eligibility,
    load_retrieval,
    load_routing,
    load_search,
)
from evals.machine import Machine, machine, peak_rss_mb
from evals.metrics import (
    CITY_OF_DISTRICT,
    course_violations,
    first_rank,
    job_violations,
    mean_reciprocal_rank,
    percentile,
    precision_recall_f1,
    recall_at,
    slot_counts,
)
from graphs.capabilities import registry
from graphs.capabilities.registry import CapabilityEval, EvalContext
from knowledge.base import KnowledgeBase
from knowledge.config import Settings
from knowledge.reports import save_report as write_report
from knowledge.schemas import JobPosting, TrainingCourse

logger = logging.getLogger(__name__)

THRESHOLDS_PATH = Path(__file__).resolve().parent / "thresholds.yaml"
Mode = Literal["sparse", "dense", "hybrid"]
MODES: tuple[Mode, ...] = ("sparse", "dense", "hybrid")
TOP_K = 10

# Slot keys scored for every utterance (profile) or only on its route (filters, year); see routing.yaml.
JOB_SLOTS = ("region", "district", "min_monthly_pay", "employment_type", "max_weekly_hours", "seasonal")
TRAINING_SLOTS = ("region", "card_eligible", "max_self_pay")
PROFILE_SLOTS = (
    "age", "disabled", "insured_period_days", "unit_period_days", "separation_reason", "separation_year",
    "monthly_wage", "avg_daily_wage", "daily_work_hours", "remaining_benefit_days", "total_benefit_days",
    "household_size", "household_income_pct", "household_assets", "work_experience_days_2y", "dependents",
    "receiving_unemployment_benefit", "livelihood_benefit_recipient", "public_servant",
    "student_years_to_graduation", "self_employed_annual_revenue", "employer_insured_count", "current_monthly_income",
    "military_service_months", "employment_start_year", "prior_insured_days", "prior_benefit_paid", "prior_gap_days",
    "household_income_monthly",
)
PROGRAM_ROUTES = ("eligibility", "policy_qa")


class Failure(BaseModel):
    id: str
    detail: str


# ============================================================================================== retrieval
class ModeScores(BaseModel):
    mode: Mode
    n: int
    recall_at_1: float
    recall_at_5: float
    mrr: float
    section_at_5: float
    section_n: int
    p50_ms: float
    p95_ms: float
    misses_at_5: list[Failure] = []


class RetrievalReport(BaseModel):
    n: int
    modes: list[ModeScores]
    skipped_modes: list[str] = []
    note: str = ""


def _retrieve(kb: KnowledgeBase, item: RetrievalItem, mode: Mode) -> tuple[list[tuple[str, str]], float]:
    t0 = time.perf_counter()
    hits = kb.retriever.search_policies(item.q, k=TOP_K, mode=mode)
    ms = (time.perf_counter() - t0) * 1000
    return [(h.chunk.doc_id, h.chunk.section) for h in hits], ms


def score_mode(kb: KnowledgeBase, items: Sequence[RetrievalItem], mode: Mode) -> ModeScores:
    ranks: list[int | None] = []
    section_hits: list[bool] = []
    times: list[float] = []
    misses: list[Failure] = []
    for item in items:
        chunks, ms = _retrieve(kb, item, mode)
        times.append(ms)
        rank = first_rank([doc for doc, _ in chunks], item.accepted)
        ranks.append(rank)
        if item.section is not None:
            section_hits.append((item.doc, item.section) in chunks[:5])
        if rank is None or rank > 5:
            top = ", ".join(f"{d}#{s}" for d, s in chunks[:3])
            misses.append(Failure(id=item.id, detail=f"{item.q} → 기대 {item.doc}, 순위 {rank or '>10'}; 상위: {top}"))
    return ModeScores(
        mode=mode,
        n=len(items),
        recall_at_1=recall_at(ranks, 1),
        recall_at_5=recall_at(ranks, 5),
        mrr=mean_reciprocal_rank(ranks),
        section_at_5=(sum(section_hits) / len(section_hits)) if section_hits else 0.0,
        section_n=len(section_hits),
        p50_ms=percentile(times, 50),
        p95_ms=percentile(times, 95),
        misses_at_5=misses,
    )


def eval_retrieval(kb: KnowledgeBase, items: Sequence[RetrievalItem]) -> RetrievalReport:
    """Recall@1/@5, MRR and section@5 for sparse-only, dense-only and hybrid search in the same run."""
    modes: list[ModeScores] = []
    skipped: list[str] = []
    for mode in MODES:
        if mode != "sparse" and kb.embedder is None:
            skipped.append(mode)
            continue
        modes.append(score_mode(kb, items, mode))
    note = "임베딩이 꺼져 있어(GOYONG_EMBEDDING_BACKEND=none) dense·hybrid를 건너뜀" if skipped else ""
    return RetrievalReport(n=len(items), modes=modes, skipped_modes=skipped, note=note)


# ============================================================================================== routing
class RoutingReport(BaseModel):
    n: int
    routed_n: int
    route_accuracy: float
    program_n: int
    program_accuracy: float
    slot_tp: int
    slot_fp: int
    slot_fn: int
    slot_precision: float
    slot_recall: float
    slot_f1: float
    failures: list[Failure] = []


def predicted_slots(u: Any, gold_route: str | None) -> dict[str, Any]:
    """The scored slots of an Understanding, as flat keys (job.* / training.* / year only on their route)."""
    out: dict[str, Any] = {}
    if gold_route == "job_search":
        for name in JOB_SLOTS:
            value = getattr(u.job_filters, name)
            if value is not None:
                out[f"job.{name}"] = value
    if gold_route == "training_search":
        for name in TRAINING_SLOTS:
            value = getattr(u.training_filters, name)
            if value is not None:
                out[f"training.{name}"] = value
    if gold_route == "policy_qa" and u.year is not None:
        out["year"] = u.year
    profile = u.profile
    for name in PROFILE_SLOTS:
        if name == "separation_year":
            value = profile.separation_date.year if profile.separation_date else profile.separation_year
        elif name == "employment_start_year":
            value = profile.employment_start_date.year if profile.employment_start_date else None
        else:
            value = getattr(profile, name)
        if value is not None:
            out[f"profile.{name}"] = value
    return out


def implied_keys(expected: dict[str, Any], predicted: dict[str, Any]) -> list[str]:
    """Region keys implied by a gold district (a predicted region equal to that district's city)."""
    out = []
    for group in ("job", "training"):
        district = expected.get(f"{group}.district")
        key = f"{group}.region"
        if district and key not in expected and predicted.get(key) == CITY_OF_DISTRICT.get(str(district)):
            out.append(key)
    return out


def eval_routing(items: Sequence[RoutingItem], today: date = REFERENCE_DATE) -> RoutingReport:
    from graphs.nlu import understand

    routed = route_ok = program_n = program_ok = 0
    tp = fp = fn = 0
    failures: list[Failure] = []
    for item in items:
        u = understand(item.text, today=today, expecting=item.expecting)
        problems: list[str] = []
        if item.route is not None:
            routed += 1
            if u.route == item.route:
                route_ok += 1
            else:
                problems.append(f"route {u.route} (기대 {item.route})")
            if item.route in PROGRAM_ROUTES:
                program_n += 1
                if u.program == item.program:
                    program_ok += 1
                else:
                    problems.append(f"program {u.program} (기대 {item.program})")
        predicted = predicted_slots(u, item.route)
        a, b, c, slot_problems = slot_counts(item.slots, predicted, implied_keys(item.slots, predicted))
        tp, fp, fn = tp + a, fp + b, fn + c
        problems.extend(slot_problems)
        if problems:
            failures.append(Failure(id=item.id, detail=f"{item.text} → " + "; ".join(problems)))
    precision, recall, f1 = precision_recall_f1(tp, fp, fn)
    return RoutingReport(
        n=len(items),
        routed_n=routed,
        route_accuracy=route_ok / routed if routed else 0.0,
        program_n=program_n,
        program_accuracy=program_ok / program_n if program_n else 0.0,
        slot_tp=tp,
        slot_fp=fp,
        slot_fn=fn,
        slot_precision=precision,
        slot_recall=recall,
        slot_f1=f1,
        failures=failures,
    )


# ============================================================================================== eligibility
class EligibilityReport(BaseModel):
    n: int
    exact: int
    exact_match: float
    by_program: dict[str, str] = {}
    failures: list[Failure] = []


def eligibility_problems(item: EligibilityItem, result: Any) -> list[str]:
    """What differs between a gold case and an EligibilityResult (empty = exact match)."""
    problems: list[str] = []
    exp = item.expect
    if result.decision != exp.decision:
        problems.append(f"decision {result.decision} (기대 {exp.decision})")
    for name, value in exp.amounts.items():
        got = result.amount(name)
        if got is None:
            problems.append(f"{name}: 없음 (기대 {value:,})")
        elif got.value != value:
            problems.append(f"{name}: {got.value:,} (기대 {value:,})")
    for suffix, decision in exp.tracks.items():
        sub = next((s for s in result.sub_results if s.program.rsplit(".", 1)[-1] == suffix), None)
        if sub is None:
            problems.append(f"track {suffix}: 없음 (기대 {decision})")
        elif sub.decision != decision:
            problems.append(f"track {suffix}: {sub.decision} (기대 {decision})")
    for name in exp.absent_amounts:
        got = result.amount(name)
        if got is not None:
            problems.append(f"{name}: {got.value:,} (없어야 함)")
    warnings = "\n".join(result.warnings)
    problems += [f"경고 없음 /{p}/" for p in exp.warnings if not re.search(p, warnings)]
    asked = {m.field for m in result.missing}
    problems += [f"{f}를 묻지 않음" for f in exp.asks if f not in asked]
    problems += [f"{f}를 다시 물음 (이미 알거나 주어진 사실에서 나옴)" for f in exp.not_asks if f in asked]
    failed = "\n".join(r.text for r in result.reasons if r.passed is False)
    problems += [f"못 미친 요건에 /{p}/ 없음" for p in exp.explains if not re.search(p, failed)]
    return problems


def eval_eligibility(items: Sequence[EligibilityItem]) -> EligibilityReport:
    from graphs.eligibility import check_eligibility

    exact = 0
    failures: list[Failure] = []
    per_program: dict[str, list[int]] = {}
    for item in items:
        try:
            result = check_eligibility(item.program, item.profile, today=item.today)
            problems = eligibility_problems(item, result)
        except Exception as exc:  # a crash is a wrong answer for that case, not the end of the eval
            problems = [f"오류 {type(exc).__name__}: {exc}"]
        counts = per_program.setdefault(item.program, [0, 0])
        counts[1] += 1
        if problems:
            failures.append(Failure(id=item.id, detail=f"{item.program}: " + "; ".join(problems)))
        else:
            exact += 1
            counts[0] += 1
    return EligibilityReport(
        n=len(items),
        exact=exact,
        exact_match=exact / len(items) if items else 0.0,
        by_program={p: f"{ok}/{n}" for p, (ok, n) in per_program.items()},
        failures=failures,
    )


# ============================================================================================== answers
class AnswersReport(BaseModel):
    n: int
    facts: int
    facts_found: int
    fact_coverage: float
    forbidden_count: int
    forbidden_rate: float
    turn_p50_ms: float
    turn_p95_ms: float
    routes: dict[str, int] = {}
    failures: list[Failure] = []


def check_answer(item: AnswerItem, text: str) -> tuple[list[str], list[str]]:
    """(must regexes not found, must_not regexes found) in an answer text."""
    missing = [p for p in item.must if not re.search(p, text)]
    forbidden = [p for p in item.must_not if re.search(p, text)]
    return missing, forbidden


def ask_item(assistant: Any, item: AnswerItem) -> tuple[str, str]:
    """(answer text, route) of the item's question, asked after its earlier turns in one fresh thread."""
    thread_id = uuid.uuid4().hex
    for turn in item.turns:
        assistant.ask(turn, role=item.role, thread_id=thread_id)
    result = assistant.ask(item.q, role=item.role, thread_id=thread_id)
    return result.answer, result.route


def at_date(kb: KnowledgeBase, today: date) -> KnowledgeBase:
    """The same knowledge base (same store and embedder) with ``today`` fixed in its settings."""
    if kb.settings.today == today:
        return kb
    return dataclasses.replace(kb, settings=kb.settings.model_copy(update={"today": today}))


def eval_answers(
    kb: KnowledgeBase, items: Sequence[AnswerItem], today: date = REFERENCE_DATE
) -> AnswersReport:
    """Ask each question in a fresh thread (templated path, no LLM, in-memory checkpoints) and check the text."""
    from langgraph.checkpoint.memory import InMemorySaver

    from graphs.service import Assistant

    assistant = Assistant(at_date(kb, today), llm=None, checkpointer=InMemorySaver())
    facts = found = forbidden_n = 0
    times: list[float] = []
    routes: dict[str, int] = {}
    failures: list[Failure] = []
    for item in items:
        t0 = time.perf_counter()
        try:
            text, route = ask_item(assistant, item)
        except Exception as exc:  # a crash is a wrong answer for that question
            text, route = "", "error"
            logger.warning("answer %s failed: %s", item.id, exc)
        times.append((time.perf_counter() - t0) * 1000)
        routes[route] = routes.get(route, 0) + 1
        missing, forbidden = check_answer(item, text)
        facts += len(item.must)
        found += len(item.must) - len(missing)
        forbidden_n += bool(forbidden)
        if missing or forbidden:
            parts = [f"없음 {missing}" if missing else "", f"금지 {forbidden}" if forbidden else ""]
            snippet = re.sub(r"\s+", " ", text)[:160]
            failures.append(
                Failure(id=item.id, detail=f"{item.q} [{route}] " + " ".join(p for p in parts if p) + f" — «{snippet}»")
            )
    n = len(items)
    return AnswersReport(
        n=n,
        facts=facts,
        facts_found=found,
        fact_coverage=found / facts if facts else 0.0,
        forbidden_count=forbidden_n,
        forbidden_rate=forbidden_n / n if n else 0.0,
        turn_p50_ms=percentile(times, 50),
        turn_p95_ms=percentile(times, 95),
        routes=routes,
        failures=failures,
    )


# ============================================================================================== search
class SearchReport(BaseModel):
    n: int
    results: int
    filter_violations: int
    catalog_nonempty: int
    missed: int
    relevance_n: int
    top1_relevance: float
    p50_ms: float
    p95_ms: float
    failures: list[Failure] = []


def _catalog(kb: KnowledgeBase) -> tuple[list[JobPosting], list[TrainingCourse]]:
    jobs = [JobPosting.model_validate(p["record"]) for p in kb.store.iter_payloads("jobs")]
    courses = [TrainingCourse.model_validate(p["record"]) for p in kb.store.iter_payloads("training")]
    return jobs, courses


def _job_text(job: JobPosting) -> str:
    return " ".join(x for x in (job.title, job.job_name, job.industry, job.job_content) if x)


def _course_text(course: TrainingCourse) -> str:
    return " ".join(x for x in (course.title, course.ncs_name, course.certificate, course.contents) if x)


def eval_search(kb: KnowledgeBase, items: Sequence[SearchItem], today: date = REFERENCE_DATE) -> SearchReport:
    """Hard-filter guarantee, empty results where the catalog has a match, and top-1 relevance."""
    jobs, courses = _catalog(kb)
    results = violations = nonempty = missed = rel_n = rel_ok = 0
    times: list[float] = []
    failures: list[Failure] = []
    for item in items:
        t0 = time.perf_counter()
        if item.kind == "jobs":
            jf = item.job_filters()
            jhits = kb.retriever.search_jobs(item.query, jf, today=today, k=TOP_K)
            times.append((time.perf_counter() - t0) * 1000)
            broken = [(h.job.id, v) for h in jhits for v in job_violations(h.job, jf, today)]
            texts = [_job_text(h.job) for h in jhits]
            matching = [_job_text(j) for j in jobs if not job_violations(j, jf, today)]
        else:
            tf = item.training_filters()
            chits = kb.retriever.search_training(item.query, tf, k=TOP_K)
            times.append((time.perf_counter() - t0) * 1000)
            broken = [(h.course.id, v) for h in chits for v in course_violations(h.course, tf)]
            texts = [_course_text(h.course) for h in chits]
            matching = [_course_text(c) for c in courses if not course_violations(c, tf)]
        has_match = bool(matching)
        relevant_exists = bool(item.relevant) and any(re.search(item.relevant or "", t) for t in matching)
        results += len(texts)
        violations += len(broken)
        nonempty += has_match
        problems = [f"{rid}: {v}" for rid, v in broken[:5]]
        if has_match and not texts:
            missed += 1
            problems.append("결과 없음 (카탈로그에는 조건에 맞는 항목이 있음)")
        if item.relevant and relevant_exists:
            rel_n += 1
            if texts and re.search(item.relevant, texts[0]):
                rel_ok += 1
            else:
                problems.append(f"1위가 /{item.relevant}/와 무관: {texts[0][:60] if texts else '-'}")
        if problems:
            failures.append(Failure(id=item.id, detail=f"{item.kind} '{item.query}' {item.filters} → " + "; ".join(problems)))
    return SearchReport(
        n=len(items),
        results=results,
        filter_violations=violations,
        catalog_nonempty=nonempty,
        missed=missed,
        relevance_n=rel_n,
        top1_relevance=rel_ok / rel_n if rel_n else 0.0,
        p50_ms=percentile(times, 50),
        p95_ms=percentile(times, 95),
        failures=failures,
    )


# ============================================================================================== report
class IndexInfo(BaseModel):
    seconds: float = 0.0
    built: bool = False
    counts: dict[str, int] = {}
    embedder: str = ""


class EvalReport(BaseModel):
    run_id: str
    started_at: datetime
    seconds: float = 0.0
    reference_date: date = REFERENCE_DATE
    machine: Machine
    peak_rss_mb: float = 0.0
    index: IndexInfo = Field(default_factory=IndexInfo)
    sets: list[str] = []
    errors: dict[str, str] = {}
    retrieval: RetrievalReport | None = None
    routing: RoutingReport | None = None
    eligibility: EligibilityReport | None = None
    answers: AnswersReport | None = None
    search: SearchReport | None = None
    capabilities: dict[str, CapabilityEval] = {}  # one entry per registered capability that ran
    metrics: dict[str, float] = {}
    threshold_failures: list[str] = []
    passed: bool = True


def flat_metrics(report: EvalReport) -> dict[str, float]:
    """The report's figures under the names used by ``thresholds.yaml``."""
    m: dict[str, float] = {}
    if report.retrieval:
        for s in report.retrieval.modes:
            m[f"retrieval.{s.mode}.recall@1"] = s.recall_at_1
            m[f"retrieval.{s.mode}.recall@5"] = s.recall_at_5
            m[f"retrieval.{s.mode}.mrr"] = s.mrr
            m[f"retrieval.{s.mode}.section@5"] = s.section_at_5
            m[f"latency.search_policies_{s.mode}_p50_ms"] = s.p50_ms
    if report.routing:
        r = report.routing
        m.update({"routing.route_accuracy": r.route_accuracy, "routing.program_accuracy": r.program_accuracy,
                  "routing.slot_precision": r.slot_precision, "routing.slot_recall": r.slot_recall,
                  "routing.slot_f1": r.slot_f1})
    if report.eligibility:
        m["eligibility.exact_match"] = report.eligibility.exact_match
    if report.answers:
        a = report.answers
        m.update({"answers.fact_coverage": a.fact_coverage, "answers.forbidden_rate": a.forbidden_rate,
                  "answers.forbidden_count": float(a.forbidden_count),
                  "latency.turn_p50_ms": a.turn_p50_ms, "latency.turn_p95_ms": a.turn_p95_ms})
    if report.search:
        s2 = report.search
        m.update({"search.filter_violations": float(s2.filter_violations), "search.missed": float(s2.missed),
                  "search.top1_relevance": s2.top1_relevance,
                  "latency.search_p50_ms": s2.p50_ms, "latency.search_p95_ms": s2.p95_ms})
    for part in report.capabilities.values():
        m.update(part.metrics)
    return m


def load_thresholds(path: Path = THRESHOLDS_PATH) -> dict[str, dict[str, float]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, dict[str, float]] = {}
    for metric, bound in (data.get("thresholds") or {}).items():
        if not isinstance(bound, dict) or not set(bound) <= {"min", "max"} or not bound:
            raise ValueError(f"{path}: '{metric}'의 기준은 {{min: 값}} 또는 {{max: 값}}이어야 합니다")
        out[str(metric)] = {k: float(v) for k, v in bound.items()}
    return out


def check_thresholds(metrics: dict[str, float], thresholds: dict[str, dict[str, float]]) -> list[str]:
    """One line per threshold missed, for the metrics present (a set that did not run is not checked)."""
    failures = []
    for name, bound in thresholds.items():
        if name not in metrics:
            continue
        value = metrics[name]
        if "min" in bound and value < bound["min"] - 1e-9:
            failures.append(f"{name} = {value:.4g} < 기준 {bound['min']:.4g}")
        if "max" in bound and value > bound["max"] + 1e-9:
            failures.append(f"{name} = {value:.4g} > 기준 {bound['max']:.4g}")
    return failures


SetRunner = Callable[[KnowledgeBase | None, date], BaseModel]
INDEX_SETS: frozenset[str] = frozenset(
    {"retrieval", "answers", "search", *(c.name for c in registry.capabilities() if "index" in c.needs)}
)


def _needs(kb: KnowledgeBase | None) -> KnowledgeBase:
    if kb is None:
        raise ValueError("이 평가 세트에는 색인(KnowledgeBase)이 필요합니다")
    return kb


@contextmanager
def bundled_stats(settings: Settings, today: date) -> Iterator[Settings]:
    """``settings`` with a data dir holding a statistics store built from the bundled corpus as of ``today`` (a temp
    dir, removed afterwards): trend answers are scored on the bundled figures, and an admin's release in the real
    data dir is neither read nor written."""
    from ingest.stats import run_stats_ingest

    with tempfile.TemporaryDirectory(prefix="goyong-eval-stats-") as tmp:
        scoped = settings.model_copy(update={"data_dir": Path(tmp), "today": today})
        run_stats_ingest(scoped, today=today)
        yield scoped


def _answers(kb: KnowledgeBase | None, today: date) -> AnswersReport:
    """Trend questions in the answers set are answered from the bundled statistics (the index stays the same)."""
    built = _needs(kb)
    with bundled_stats(built.settings, today) as settings:
        return eval_answers(dataclasses.replace(built, settings=settings), load_answers(), today)


SET_RUNNERS: dict[str, SetRunner] = {
    "retrieval": lambda kb, today: eval_retrieval(_needs(kb), load_retrieval()),
    "routing": lambda kb, today: eval_routing(load_routing(), today),
    "eligibility": lambda kb, today: eval_eligibility(load_eligibility()),
    "answers": _answers,
    "search": lambda kb, today: eval_search(_needs(kb), load_search(), today),
}


def eval_capability(name: str, kb: KnowledgeBase | None, today: date) -> CapabilityEval:
    """A registered capability's evaluate, with what it declared it needs: ``"stats"`` = a statistics store built
    from the bundled corpus as of ``today`` in a temp dir (so an admin's release in the data dir does not change the
    scores), ``"index"`` = the built knowledge base."""
    from knowledge.config import get_settings

    cap = registry.get(name)
    if cap.evaluate is None:  # a core route: scored by the assistant-wide sets
        raise ValueError(f"'{name}'은(는) 전체 평가 세트(routing·eligibility·answers·search)로 평가합니다")
    evaluate = cap.evaluate
    base = (kb.settings if kb is not None else get_settings()).model_copy(update={"today": today})
    if "index" in cap.needs:
        _needs(kb)
    if "stats" not in cap.needs:
        return evaluate(EvalContext(today=today, settings=base, kb=kb))
    with bundled_stats(base, today) as settings:
        return evaluate(EvalContext(today=today, settings=settings, kb=kb))


def run_eval(
    kb: KnowledgeBase | None,
    sets: Iterable[SetName] = SET_NAMES,
    *,
    today: date = REFERENCE_DATE,
    thresholds: dict[str, dict[str, float]] | None = None,
    progress: Callable[[str], None] | None = None,
) -> EvalReport:
    """Run the chosen sets in-process and check the thresholds.

    ``kb`` is an already built index; it may be None when only ``routing`` / ``eligibility`` run.
    """
    started = time.perf_counter()
    report = EvalReport(
        run_id=datetime.now().strftime("%Y%m%dT%H%M%S"),
        started_at=datetime.now(),
        reference_date=today,
        machine=machine(),
        index=IndexInfo(
            counts=kb.counts() if kb else {},
            embedder=(kb.embedder.name if kb.embedder else "sparse-only") if kb else "-",
        ),
    )
    for name in sets:
        if progress:
            progress(name)
        report.sets.append(name)
        try:
            if name in SET_RUNNERS:
                setattr(report, name, SET_RUNNERS[name](kb, today))
            else:
                report.capabilities[name] = eval_capability(name, kb, today)
        except Exception as exc:  # one broken part (e.g. a module being rewritten) must not hide the others
            logger.exception("eval set %s failed", name)
            report.errors[name] = f"{type(exc).__name__}: {exc}"
    report.metrics = flat_metrics(report)
    limits = load_thresholds() if thresholds is None else thresholds
    report.threshold_failures = check_thresholds(report.metrics, limits)
    report.threshold_failures += [f"{name}: 실행 오류 — {err}" for name, err in report.errors.items()]
    report.passed = not report.threshold_failures
    report.peak_rss_mb = round(peak_rss_mb(), 1)
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def save_report(report: EvalReport, reports_dir: Path) -> Path:
    return write_report(reports_dir, f"eval-{report.run_id}", report)


# ============================================================================================== table
def _pct(v: float) -> str:
    return f"{v * 100:.1f}%"


def _ms(v: float) -> str:
    return f"{v:,.0f} ms"


def table_rows(report: EvalReport, thresholds: dict[str, dict[str, float]]) -> list[tuple[str, str, str, str]]:
    """(metric, value, threshold, verdict) rows of the one summary table."""
    rows: list[tuple[str, str, str, str]] = []

    def add(label: str, key: str | None, value: str) -> None:
        bound = thresholds.get(key or "", {})
        is_ratio = value.endswith("%")
        limit = " ".join(
            f"{'≥' if k == 'min' else '≤'} {_pct(v) if is_ratio else f'{v:g}'}" for k, v in bound.items()
        )
        verdict = ""
        if key and bound and key in report.metrics:
            verdict = "✗" if check_thresholds({key: report.metrics[key]}, {key: bound}) else "✓"
        rows.append((label, value, limit, verdict))

    if report.retrieval:
        for s in report.retrieval.modes:
            base = f"retrieval.{s.mode}"
            add(f"검색 {s.mode} recall@1 (n={s.n})", f"{base}.recall@1", _pct(s.recall_at_1))
            add(f"검색 {s.mode} recall@5", f"{base}.recall@5", _pct(s.recall_at_5))
            add(f"검색 {s.mode} MRR@10", f"{base}.mrr", f"{s.mrr:.3f}")
            add(f"검색 {s.mode} section@5 (n={s.section_n})", f"{base}.section@5", _pct(s.section_at_5))
        for mode in report.retrieval.skipped_modes:
            add(f"검색 {mode}", None, "건너뜀 (임베딩 없음)")
    if report.routing:
        r = report.routing
        add(f"라우팅 정확도 (n={r.routed_n})", "routing.route_accuracy", _pct(r.route_accuracy))
        add(f"프로그램 정확도 (n={r.program_n})", "routing.program_accuracy", _pct(r.program_accuracy))
        add("슬롯 정밀도", "routing.slot_precision", _pct(r.slot_precision))
        add("슬롯 재현율", "routing.slot_recall", _pct(r.slot_recall))
        add("슬롯 F1", "routing.slot_f1", _pct(r.slot_f1))
    if report.eligibility:
        e = report.eligibility
        add(f"요건 판단 정확 일치 ({e.exact}/{e.n})", "eligibility.exact_match", _pct(e.exact_match))
    if report.answers:
        a = report.answers
        add(f"답변 사실 포함률 ({a.facts_found}/{a.facts})", "answers.fact_coverage", _pct(a.fact_coverage))
        add(f"답변 금지 사실 비율 ({a.forbidden_count}/{a.n})", "answers.forbidden_rate", _pct(a.forbidden_rate))
        add("턴 지연 p50", "latency.turn_p50_ms", _ms(a.turn_p50_ms))
        add("턴 지연 p95", "latency.turn_p95_ms", _ms(a.turn_p95_ms))
    if report.search:
        s2 = report.search
        add(f"필터 위반 건수 (결과 {s2.results}건)", "search.filter_violations", str(s2.filter_violations))
        add(f"결과 누락 (카탈로그에 있음 {s2.catalog_nonempty}건 중)", "search.missed", str(s2.missed))
        add(f"검색 1위 관련성 (n={s2.relevance_n})", "search.top1_relevance", _pct(s2.top1_relevance))
        add("채용·훈련 검색 지연 p50", "latency.search_p50_ms", _ms(s2.p50_ms))
        add("채용·훈련 검색 지연 p95", "latency.search_p95_ms", _ms(s2.p95_ms))
    for part in report.capabilities.values():
        for row in part.rows:
            add(row.label, row.metric, row.value)
    for name, err in report.errors.items():
        rows.append((f"{name} 실행 오류", err[:60], "", "✗"))
    return rows


def render_table(report: EvalReport, thresholds: dict[str, dict[str, float]]) -> Table:
    m = report.machine
    title = (
        f"goyong eval {report.run_id} · 기준일 {report.reference_date} · {report.seconds:.0f}초 · "
        f"{report.index.embedder} · {m.cpu} ({m.cores}코어) · {m.python}"
    )
    table = Table(title=title)
    table.add_column("지표")
    table.add_column("값", justify="right")
    table.add_column("기준", justify="right")
    table.add_column("", justify="center")
    for row in table_rows(report, thresholds):
        table.add_row(*row)
    return table


# ============================================================================================== CLI
def _open_kb_for_eval() -> tuple[KnowledgeBase, IndexInfo]:
    """The data dir's knowledge base at the reference date, with the index built or brought up to date."""
    from ingest.pipeline import run_ingest
    from knowledge.config import get_settings

    settings = get_settings().model_copy(update={"today": REFERENCE_DATE})
    kb = KnowledgeBase.open(settings)
    try:
        t0 = time.perf_counter()
        ingest = run_ingest(kb, today=REFERENCE_DATE, save=False)
        info = IndexInfo(
            seconds=round(time.perf_counter() - t0, 2),
            built=any(s.rebuilt or s.added or s.updated for s in ingest.sources),
            counts=kb.counts(),
            embedder=kb.embedder.name if kb.embedder else "sparse-only",
        )
    except Exception:
        kb.close()
        raise
    return kb, info


def print_failures(out: Console, report: EvalReport, per_set: int = 5) -> None:
    """The first few wrong items of each set (all of them are in the JSON report)."""
    parts: list[tuple[str, list[Failure]]] = []
    if report.retrieval:
        hybrid = next((m for m in report.retrieval.modes if m.mode == "hybrid"), None)
        if hybrid:
            parts.append(("retrieval(hybrid, 5위 밖)", hybrid.misses_at_5))
    for name in ("routing", "eligibility", "answers", "search"):
        part = getattr(report, name)
        if part is not None:
            parts.append((name, part.failures))
    parts += [(name, [Failure(id=f.id, detail=f.detail) for f in c.failures]) for name, c in report.capabilities.items()]
    for name, failures in parts:
        if not failures:
            continue
        out.print(f"[bold]{name}[/bold] 틀린 항목 {len(failures)}개" + (f" (처음 {per_set}개)" if len(failures) > per_set else ""))
        for f in failures[:per_set]:
            out.print(f"  {f.id}: {f.detail}", markup=False, highlight=False)


def cli_eval(args: argparse.Namespace) -> int:
    """``goyong eval [--set NAME] [--json] [--no-thresholds]``: 0 = at or above every threshold, 1 = below."""
    from knowledge.config import get_settings

    console = Console(stderr=True)
    name = getattr(args, "set_name", "all") or "all"
    sets: list[SetName] = [s for s in SET_NAMES if name in ("all", s)]
    if not sets:
        console.print(f"[red]오류:[/red] 알 수 없는 평가 세트 '{name}' (가능: all, {', '.join(SET_NAMES)})")
        return 2
    thresholds = load_thresholds()
    kb: KnowledgeBase | None = None
    info = IndexInfo()
    if INDEX_SETS.intersection(sets):
        console.print("[dim]색인을 준비합니다 (처음이면 30초쯤 걸립니다)…[/dim]")
        kb, info = _open_kb_for_eval()
    try:
        report = run_eval(
            kb, sets, thresholds=thresholds, progress=lambda s: console.print(f"[dim]{s} 평가 중…[/dim]")
        )
        if kb is not None:
            report.index = info
        reports_dir = kb.settings.reports_dir if kb else get_settings().reports_dir
        path = save_report(report, reports_dir)
    finally:
        if kb is not None:
            kb.close()
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        out = Console()
        out.print(render_table(report, thresholds))
        if kb is not None:
            out.print(f"색인 준비 {report.index.seconds:.1f}초 ({'새로 만듦/갱신' if report.index.built else '재사용'}) · "
                      f"레코드 {report.index.counts} · 최대 메모리 {report.peak_rss_mb:.0f} MB")
        print_failures(out, report)
        out.print(f"보고서 {path}")
        for line in report.threshold_failures:
            out.print(f"[red]기준 미달:[/red] {line}")
    if report.threshold_failures and not getattr(args, "no_thresholds", False):
        return 1
    return 0
