"""``understand``: route + slots for one Korean utterance, with patterns, a gazetteer and Kiwi (no LLM)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graphs.multilingual import detect_language, is_crisis
from graphs.nlu import lexicon as lx
from graphs.nlu.dates import DateMention, find_dates, month_bounds
from graphs.nlu.expecting import kind_of, parse_bare
from graphs.nlu.fields import field_codes, fields_in
from graphs.nlu.gazetteer import PlaceMatch, find_places, resolve
from graphs.nlu.history import (
    extract_military,
    extract_prior,
    extract_reemployment,
    is_start,
    season_end_month,
)
from graphs.nlu.models import Program, Route, Understanding
from graphs.nlu.slots import (
    Collected,
    extract_age,
    extract_bool_facts,
    extract_employer_count,
    extract_employment_type,
    extract_hours,
    extract_household,
    extract_pay,
    extract_periods,
    extract_seasonal,
    extract_self_pay,
    extract_separation,
)
from graphs.nlu.spelling import search_text
from graphs.nlu.text import Scratch, compact, normalize, sino_periods
from graphs.profile import Profile
from knowledge.korean import tokenize
from knowledge.schemas import JobFilters, TrainingFilters

logger = logging.getLogger(__name__)

_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "XR"})
_PROGRAM_WORDS = re.compile(
    r"실업급여|구직급여|실업수당|조기재취업수당|조기재취업|국민취업지원제도|국취제|국취|구직촉진수당|내일배움카드|국민내일배움카드|"
    r"내배카|청년일자리도약장려금|청년도약장려금|도약장려금"
)
_START_WORDS = re.compile(r"^\s*(?:에|에는|중에|쯤|경)?\s*(?:개강|시작|개설|수업|부터|이후|과정|열리|하는)")
_OPEN_ENDED = re.compile(r"^\s*(?:에|쯤)?\s*(?:부터|이후|넘어서)")
_WORDLIKE = re.compile(r"[가-힣a-z0-9]")
_ELIGIBILITY_ASKS = frozenset({"amount", "duration", "eligibility"})


@dataclass
class _Signals:
    norm: str
    comp: str
    crisis: bool
    posting_law: bool
    program: Program | None
    asks: list[str]
    training_kw: bool
    job_kw: bool
    job_weak: bool
    job_word: bool
    topic: bool
    oos: bool
    greeting: bool
    policy: bool
    side_work: bool = False  # working while on 구직급여 ("실업급여 받으면서 알바해도 돼요?")
    law_question: bool = False  # a rule question ("정년은 법적으로 몇 살?")
    category_question: bool = False  # "정당한 사유에 어떤 게 있어요?" (no event of the person's own)
    wage_arrears: bool = False  # "임금체불 신고 어디로 해요", "월급을 못 받았는데 어디에 신고해요?"
    places: list[PlaceMatch] = field(default_factory=list)


def _detect_program(comp: str) -> Program | None:
    for name, pattern in lx.PROGRAMS:
        if pattern.search(comp):
            return name  # type: ignore[return-value]
    return None


def _detect_asks(comp: str) -> list[str]:
    return [name for name, pattern in lx.ASKS if pattern.search(comp)]


def _signals(norm: str) -> _Signals:
    comp = compact(norm)
    return _Signals(
        norm=norm,
        comp=comp,
        crisis=bool(lx.CRISIS.search(comp) or lx.CRISIS_SPACED.search(norm)),
        posting_law=bool(lx.POSTING_ISSUE.search(comp) and (
            lx.POSTING_CONTEXT.search(comp) or (lx.POSTING_MENTION.search(comp) and lx.LEGALITY_QUESTION.search(comp))
        )),
        program=_detect_program(comp),
        asks=_detect_asks(comp),
        training_kw=bool(lx.TRAINING.search(comp)),
        job_kw=bool(lx.JOB_SEARCH.search(comp)),
        job_weak=bool(lx.JOB_WEAK.search(comp)),
        job_word=bool(lx.JOB_WORDS.search(norm)),
        topic=bool(lx.JOB_WORDS.search(norm) or lx.TRAINING_TOPICS.search(norm) or fields_in(norm)),
        oos=bool(lx.OUT_OF_SCOPE.search(comp)),
        greeting=bool(lx.GREETING.search(comp)),
        policy=bool(lx.POLICY.search(comp)),
        side_work=bool(lx.BENEFIT_SIDE_WORK.search(comp) and lx.SIDE_WORK_QUESTION.search(comp)),
        law_question=bool(lx.LAW_QUESTION.search(comp)),
        category_question=bool(lx.CATEGORY_QUESTION.search(comp) and not lx.FIRST_PERSON_EVENT.search(comp)),
        # "월급 밀려서 그만뒀는데 어떻게 돼요" asks about 구직급여 (the arrears are a 정당한 사유), not where to report
        wage_arrears=bool(lx.WAGE_ARREARS.search(comp) and (
            lx.REPORT_WORD.search(comp) or (lx.REPORT_ASK.search(comp) and not lx.SEPARATION_CONTEXT.search(comp))
        )),
    )


def _wage_law(sig: _Signals, col: Collected) -> bool:
    """Is my pay legal ("시급 9500 받는데 이거 불법이에요?") or where do I report unpaid wages: a rule question
    about wages (최저임금법, 임금체불 진정), whatever job words are around it."""
    if sig.program is not None:
        return False  # "임금체불로 그만뒀는데 실업급여 돼요?" is about the program
    stated = any(not p.desire for p in col.pay)
    legality = bool(lx.LEGALITY_QUESTION.search(sig.comp) and lx.WAGE_SUBJECT.search(sig.comp))
    return sig.wage_arrears or (stated and legality)


def _collect(norm: str, scratch: Scratch, today: date, expecting: str | None, sig: _Signals) -> tuple[Collected, list[DateMention]]:
    for place in sig.places:
        scratch.take(place.start, place.end)
    col = Collected()
    col.age = extract_age(scratch, today)
    dates = find_dates(scratch, today)
    col.household = extract_household(scratch)
    col.self_pay = extract_self_pay(scratch)
    col.military_months = extract_military(scratch)
    col.reemployment = extract_reemployment(scratch)
    col.prior = extract_prior(scratch)
    col.periods = extract_periods(scratch, bare=kind_of(expecting or "") == "insured_days")
    if expecting == "unit_period_days" and col.periods.unit_days is None and col.periods.insured_days is not None:
        # "14개월 일했어요" answering "퇴사 전 18개월 동안 며칠 일했나요": the unit period, not the whole insured period
        col.periods.unit_days, col.periods.insured_days = col.periods.insured_days, None
    if col.prior.current_days is not None:
        col.periods.insured_days = col.prior.current_days
    col.employer_count = extract_employer_count(scratch)
    allow_bare_hours = sig.job_kw or sig.job_word or sig.job_weak or expecting in ("daily_work_hours", "weekly_hours")
    col.hours = extract_hours(scratch, allow_bare=allow_bare_hours)
    col.pay = extract_pay(scratch, today)
    col.reason, col.just_cause = extract_separation(Scratch(norm))
    col.employment_type = extract_employment_type(Scratch(norm))
    col.seasonal = extract_seasonal(Scratch(norm))
    col.bools = extract_bool_facts(norm)
    return col, dates


def _has_person_facts(col: Collected, *, ignore_reason: bool = False) -> bool:
    hh = col.household
    return any(
        (
            col.age.age is not None,
            col.age.age_range is not None,
            col.periods.insured_days is not None,
            col.periods.unit_days is not None,
            col.reason is not None and not ignore_reason,
            col.military_months is not None,
            col.prior.prior_days is not None,
            col.reemployment.remaining_days is not None,
            any(p.past for p in col.pay),
            hh.size is not None,
            hh.income_pct is not None,
            hh.income_monthly is not None,
            hh.assets is not None,
            "disabled" in col.bools,
        )
    )


def _route(sig: _Signals, col: Collected) -> tuple[Route, float]:
    """The route and how sure we are. Order matters: crisis first, out-of-scope only when nothing is in scope."""
    if sig.crisis:
        return "crisis", 0.99
    if sig.posting_law:
        return "policy_qa", 0.9
    if sig.side_work and not sig.training_kw:
        return "policy_qa", 0.85
    if lx.MIN_WAGE_QUESTION.search(sig.comp) and not any(p.past for p in col.pay):
        return "policy_qa", 0.8
    if _wage_law(sig, col):
        return "policy_qa", 0.8
    if sig.category_question and (sig.program or col.reason) and not _has_person_facts(col, ignore_reason=True):
        return "policy_qa", 0.75
    pay_desire = any(not p.past for p in col.pay)
    if sig.training_kw:
        if sig.program is None or sig.topic or (
            sig.program == "learning_card" and lx.TRAINING_SEARCH.search(sig.comp) and not set(sig.asks) & _ELIGIBILITY_ASKS
        ):
            return "training_search", 0.85
    if sig.program is not None:
        if set(sig.asks) & _ELIGIBILITY_ASKS:
            return "eligibility", 0.9
        if _has_person_facts(col):
            return "eligibility", 0.75
        return "policy_qa", 0.8 if sig.asks else 0.65
    if sig.job_kw:
        return "job_search", 0.85
    if col.reason is not None or col.periods.insured_days is not None:
        return "eligibility", 0.7
    if sig.policy:
        return "policy_qa", 0.6
    if sig.oos:
        return "out_of_scope", 0.8
    if sig.job_word or sig.job_weak or col.employment_type or pay_desire or col.seasonal:
        return "job_search", 0.6
    if sig.law_question and not _has_person_facts(col):
        return "policy_qa", 0.6
    if lx.SEPARATION_CONTEXT.search(sig.comp):
        return "eligibility", 0.5
    if lx.POLICY_WEAK.search(sig.comp):
        return "policy_qa", 0.5
    if _has_person_facts(col) and set(sig.asks) & _ELIGIBILITY_ASKS:
        return "eligibility", 0.6
    if sig.greeting:
        return "greeting", 0.8
    if sig.places:
        return "job_search", 0.4
    if re.search(r"[가-힣a-z]{2,}", sig.norm):
        return "policy_qa", 0.3
    return "greeting", 0.2


def _resolve_past_month(mention: DateMention, today: date) -> date | None:
    year = mention.year
    if year is None and mention.month is not None:
        year = today.year if mention.month <= today.month else today.year - 1
    return mention.first_day(default_year=year or today.year)


def _resolve_future_month(mention: DateMention, today: date) -> tuple[date, date] | None:
    if mention.month is None:
        return None
    year = mention.year
    if year is None:
        year = today.year if mention.month >= today.month else today.year + 1
    start, end = month_bounds(year, mention.month)
    if mention.day:
        start = start.replace(day=mention.day)
    return start, end


def _starts(norm: str, dates: list[DateMention]) -> list[DateMention]:
    """The date mentions that say when a job began ("작년 3월부터 다녔고", "2024년에 입사")."""
    return [d for d in dates if is_start(norm, d)]


def _start_date(mention: DateMention, norm: str, today: date) -> date | None:
    """A job's start. A month without a year is the last such month; a bare year ("2024년에 입사") or a season
    ("작년 여름부터") is read as its last day (the shortest period it can mean, so an insured period derived from
    it is never overstated), and never after today."""
    if mention.month is not None:
        return _resolve_past_month(mention, today)
    if mention.year is None:
        return None
    season = season_end_month(norm, mention)
    last = month_bounds(mention.year, season)[1] if season else date(mention.year, 12, 31)
    return min(last, today)


def _separation(
    dates: list[DateMention], sig: _Signals, col: Collected, today: date, expecting: str | None
) -> dict[str, Any]:
    starts = _starts(sig.norm, dates)
    out: dict[str, Any] = {}
    if starts:
        start = _start_date(starts[0], sig.norm, today)
        if start is not None:
            out["employment_start_date"] = start
    dates = [d for d in dates if d not in starts]
    forced = expecting in ("separation_date", "separation_year")
    if not dates or not (forced or col.reason is not None or lx.SEPARATION_CONTEXT.search(sig.comp)):
        return out
    for mention in dates:
        if mention.month is not None:
            day = _resolve_past_month(mention, today)
            # "다음달에 문 닫는대서 그만뒀어요": a future month is the cause's date, not the separation's
            if day is not None and (day <= today or col.reason != "voluntary_justified"):
                return {**out, "separation_date": day, "separation_year": day.year}
    years = [m.year for m in dates if m.year is not None and m.month is None]
    return {**out, "separation_year": years[0]} if years else out


def _profile(
    sig: _Signals, col: Collected, dates: list[DateMention], route: Route, today: date, expecting: str | None, rest: str
) -> Profile:
    """The Profile facts of the utterance. ``rest`` is the text left after the extractors took their spans: a bare
    reply is read from it, so "2026년 최저시급이 얼마였죠?" does not answer "how long were you insured" with 2,026."""
    data: dict[str, Any] = {}
    if col.age.age is not None and not sig.posting_law:
        data["age"] = col.age.age
    city, district = resolve(sig.places)
    if city and (route in ("eligibility", "policy_qa") or lx.RESIDENCE.search(sig.comp) or expecting == "region"):
        data["region"] = district or city
    p = col.periods
    for name, value in (
        ("insured_period_days", p.insured_days),
        ("unit_period_days", p.unit_days),
        ("work_experience_days_2y", p.work_experience_days),
        ("work_experience_hours_2y", p.work_experience_hours),
    ):
        if value is not None:
            data[name] = value
    if col.reason is not None:
        data["separation_reason"] = col.reason
        if col.reason == "voluntary_justified" and col.just_cause:
            data["just_cause"] = col.just_cause
    if col.military_months is not None:
        data["military_service_months"] = col.military_months
    prior = col.prior
    for name, value in (
        ("prior_insured_days", prior.prior_days),
        ("prior_benefit_paid", prior.paid),
        ("prior_gap_days", prior.gap_days),
        ("days_from_claim_to_reemployment", col.reemployment.days_from_claim),
        ("total_benefit_days", col.reemployment.total_days),
        ("remaining_benefit_days", col.reemployment.remaining_days),
        ("expected_employment_months", col.reemployment.expected_months),
    ):
        if value is not None:
            data[name] = value
    if route != "training_search":
        data.update(_separation(dates, sig, col, today, expecting))
    wage = next((m for m in col.pay if m.past), None)
    if wage is None and route == "eligibility":
        wage = next((m for m in col.pay if not m.desire), None)
    if wage is not None:
        data["monthly_wage"] = wage.monthly
    if route == "eligibility":
        if col.hours.daily is not None:
            data["daily_work_hours"] = col.hours.daily
        if col.hours.weekly is not None:
            data["weekly_hours"] = col.hours.weekly
    hh = col.household
    for name, hh_value in (
        ("household_size", hh.size),
        ("household_income_pct", hh.income_pct),
        ("household_income_monthly", hh.income_monthly),
        ("household_assets", hh.assets),
        ("dependents", hh.dependents),
    ):
        if hh_value is not None:
            data[name] = hh_value
    bools = dict(col.bools)
    if sig.side_work and route == "policy_qa" and not _RECEIVING_NOW.search(sig.comp):
        bools.pop("receiving_unemployment_benefit", None)  # "받는 중에 알바해도 돼요?": the question's premise
    data.update(bools)
    if col.employer_count is not None:
        data["employer_insured_count"] = col.employer_count
    if sig.program == "youth_job_leap" and "employer_capital_region" not in data and ("제주" in sig.comp or sig.places):
        data["employer_capital_region"] = False  # 제주 = 비수도권
    if expecting:
        data.update(parse_bare_missing(expecting, rest, data))
    return Profile.model_validate(_clip(data))


def parse_bare_missing(expecting: str, norm: str, data: dict[str, Any]) -> dict[str, Any]:
    """The expected field from a bare reply, unless the general extractors already found it."""
    if expecting in data:
        return {}
    return parse_bare(expecting, norm)


def _clip(data: dict[str, Any]) -> dict[str, Any]:
    """Drop values the Profile model would reject (e.g. household_size 0), instead of failing."""
    clean: dict[str, Any] = {}
    for name, value in data.items():
        try:
            Profile.model_validate({name: value})
        except ValueError:
            logger.debug("NLU value out of range dropped: %s=%r", name, value)
            continue
        clean[name] = value
    return clean


def _keco(norm: str) -> str | None:
    majors = {major for major, pattern in lx.KECO_MAJOR if pattern.search(norm)}
    return next(iter(majors)) if len(majors) == 1 else None


def _job_filters(sig: _Signals, col: Collected) -> JobFilters:
    city, district = resolve(sig.places)
    wanted = [m for m in col.pay if not m.past]
    return JobFilters(
        region=city,
        district=district,
        min_monthly_pay=wanted[0].monthly if wanted else None,
        employment_type=col.employment_type,
        max_weekly_hours=col.hours.max_weekly(),
        keco_prefix=field_codes(sig.norm)[1] or _keco(sig.norm),
        seasonal=col.seasonal,
    )


def _training_filters(sig: _Signals, col: Collected, dates: list[DateMention], today: date) -> TrainingFilters:
    city, _ = resolve(sig.places)
    start_from: date | None = None
    start_to: date | None = None
    for mention in dates:
        window = _resolve_future_month(mention, today)
        if window is None:
            continue
        start_from, start_to = window
        if _OPEN_ENDED.match(sig.norm[mention.end : mention.end + 8]):
            start_to = None
        break
    return TrainingFilters(
        region=city,
        card_eligible=True if lx.CARD.search(sig.comp) else None,
        max_self_pay=col.self_pay,
        start_from=start_from,
        start_to=start_to,
        ncs_prefix=field_codes(sig.norm)[0],
    )


def _question_year(dates: list[DateMention], profile: Profile, norm: str) -> int | None:
    for mention in dates:
        if is_start(norm, mention):
            continue
        if mention.year is not None:
            return mention.year
    if profile.separation_date is not None:
        return profile.separation_date.year
    return profile.separation_year


def _query(scratch: Scratch, route: Route) -> str:
    """Content nouns left after slots were consumed; compounds typed without a space stay one word."""
    text = scratch.text
    tokens = [form for form, tag in tokenize(text) if tag in _NOUN_TAGS] if text.strip() else []
    search = route in ("job_search", "training_search")
    stop = lx.QUERY_STOPWORDS | lx.SEARCH_STOPWORDS if search else lx.QUERY_STOPWORDS
    merged: list[str] = []
    for form in tokens:
        joined = merged[-1] + form if merged else ""
        if joined and joined in text and (joined in stop or (merged[-1] not in stop and form not in stop)):
            merged[-1] = joined
        else:
            merged.append(form)
    if search:  # job/topic words Kiwi split or mis-tagged ("네일" → 네/MM 일/NNG)
        for m in list(lx.JOB_WORDS.finditer(text)) + list(lx.TRAINING_TOPICS.finditer(text)):
            if not any(m.group() in word for word in merged):
                merged.append(m.group())
    words: list[str] = []
    for word in merged:
        if word in stop or word in words:
            continue
        if search and _PROGRAM_WORDS.fullmatch(word):
            continue
        if not _WORDLIKE.search(word):
            continue
        if len(word) == 1 and re.match(r"[가-힣]", word) and not lx.JOB_WORDS.fullmatch(word):
            continue
        words.append(word)
    return " ".join(words)


def understand(text: str, *, today: date, expecting: str | None = None) -> Understanding:
    """Route and slots for one utterance.

    ``expecting`` names the Profile field the assistant just asked about: a bare reply ("45살이요", "4년",
    "권고사직이요", "네 장애 있어요", "300") is read as that field and the route becomes "eligibility"
    (unless the reply is a crisis or clearly a new request).
    """
    language = detect_language(text)
    if language is not None:  # answered by a notice in that language (graphs/multilingual.py), not searched in Korean
        route: Route = "crisis" if is_crisis(text, language) else "foreign_language"
        return Understanding(route=route, language=language, confidence=0.9)
    norm = sino_periods(normalize(text))
    sig = _signals(norm)
    sig.places = find_places(norm)
    scratch = Scratch(norm)
    col, dates = _collect(norm, scratch, today, expecting, sig)
    route, confidence = _route(sig, col)
    if route == "policy_qa" and (sig.category_question or sig.law_question) and not _has_person_facts(col, ignore_reason=True):
        col.reason, col.just_cause = None, None  # "정년은 몇 살?": a topic, not the person's reason for leaving
    if expecting and route != "crisis":
        reply = _profile(sig, col, dates, "eligibility", today, expecting, scratch.text)
        filled = getattr(reply, expecting, None) is not None
        route, confidence = _route_for_reply(route, confidence, sig, col, filled=filled)
    profile = _profile(sig, col, dates, route, today, expecting, scratch.text)
    if expecting and route == "eligibility" and getattr(profile, expecting, None) is not None:
        confidence = max(confidence, 0.95)
    program = sig.program if route in ("eligibility", "policy_qa") else None
    separated = col.reason is not None or col.periods.insured_days is not None or col.periods.unit_days is not None
    if program is None and route == "eligibility" and (separated or lx.SEPARATION_CONTEXT.search(sig.comp)):
        program = "unemployment_benefit"
    asks = ["posting_law"] if sig.posting_law and route == "policy_qa" else sig.asks
    if sig.wage_arrears and route == "policy_qa" and "wage_arrears" not in asks:
        asks = [*asks, "wage_arrears"]
    return Understanding(
        route=route,
        program=program,
        asks=asks if route in ("eligibility", "policy_qa") else [],
        year=_question_year(dates, profile, norm),
        profile=profile,
        job_filters=_job_filters(sig, col) if route == "job_search" else JobFilters(),
        training_filters=_training_filters(sig, col, dates, today) if route == "training_search" else TrainingFilters(),
        query=_query(scratch, route) if route not in ("crisis", "greeting", "out_of_scope") else "",
        confidence=confidence,
        age_range=col.age.age_range if not sig.posting_law else None,
        stated_hourly_wage=_stated_hourly(col) if route in ("policy_qa", "eligibility") else None,
        search_text=search_text(norm, program) if route in ("policy_qa", "eligibility") else "",
        occupation=_occupation(norm) if route not in ("job_search", "training_search", "crisis") else None,
        for_the_person=route in ("job_search", "training_search") and bool(lx.FOR_THE_PERSON.search(norm)),
    )


def _occupation(norm: str) -> str | None:
    """The occupation and field words of the utterance ("요양보호사", "호텔 프런트", "it"), in order, once each."""
    words = [m.group() for m in lx.JOB_WORDS.finditer(norm)]
    words += [w for f in fields_in(norm) for w in f.words if w in norm.replace(" ", "")]
    unique = [w for i, w in enumerate(words) if w not in words[:i] and not any(w in o for o in words if o != w)]
    return " ".join(unique) or None


def _stated_hourly(col: Collected) -> int | None:
    """The hourly pay the person says they get or are offered (not a wish: "시급 만원 이상 주는 곳")."""
    return next((p.amount for p in col.pay if p.kind == "hourly" and not p.desire), None)


def _route_for_reply(route: Route, confidence: float, sig: _Signals, col: Collected, *, filled: bool) -> tuple[Route, float]:
    """While the assistant waits for one fact, a message is a reply (route "eligibility") unless it is a new
    request of its own: a job or course search, a rule question (알바 during benefits, 정년, a program's procedure),
    a posting-law question. A message that gives the awaited fact is a reply even when it says more ("알바하다
    잘렸어요"), unless it also asks for a search ("45살인데 애월 알바 찾아줘")."""
    if sig.posting_law or (route == "policy_qa" and _wage_law(sig, col)):
        return route, confidence
    request = bool(_SEARCH_REQUEST.search(sig.comp))
    if route == "training_search" or (route == "job_search" and sig.job_kw):
        if not filled or request:
            return route, confidence
    if not filled and route == "policy_qa" and not _has_person_facts(col) and (
        sig.program or sig.policy or sig.side_work or sig.law_question or sig.category_question
        or lx.POLICY_WEAK.search(sig.comp) or (sig.asks and len(sig.comp) >= 8)
    ):
        return route, confidence
    return "eligibility", max(confidence, 0.5)


_RECEIVING_NOW = re.compile(r"(?:받고|타고)있(?:는데|어요|어서|습니다|음)|수급중(?:인데|이에요|입니다)|받는중(?:인데|이에요|입니다)")
_SEARCH_REQUEST = re.compile(r"찾아|찾고|구해|구하|추천|보여|알아봐|있나|있어|있을까|있는지|없나|없을까|검색")
