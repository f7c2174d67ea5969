"""Job matching: candidates from hybrid search + hard filters, then a transparent score per posting.

Every factor is a small pure function returning a score in 0..1 with a plain-Korean fit and/or misfit sentence;
weights and gates are data (``tables/weights.yaml``) and can be overridden or excluded per call. The tables
(occupation synonyms and related groups, certificates) are data with their sources (``tables/*.yaml``); district points
come from ``knowledge.facts.jeju_districts``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graphs.capabilities.job_matching.models import (
    FACTOR_LABELS,
    FACTORS,
    Factor,
    FactorScore,
    Match,
    MatchReport,
    SeekerProfile,
)
from knowledge.facts import JejuDistrictsTable, jeju_districts
from knowledge.formatting import manwon, won
from knowledge.schemas import JobFilters, JobPosting

DATA_DIR = Path(__file__).resolve().parent / "tables"  # not "data/": .gitignore ignores every data/ folder
_LICENCE_MISSING = "필수 자격 없음: "  # the certificate factor's misfit when a required 자격 is not held
EDUCATION_RANK = {"학력무관": 0, "중졸이하": 1, "고졸": 2, "대졸(2~3년)": 3, "대졸(4년)": 4, "대학원": 5}
_CAREER_YEARS = re.compile(r"경력\s*\(?\s*(\d+)\s*년")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})\s*~\s*(\d{1,2}):(\d{2})")
_KO_CLOCK = re.compile(r"\((오전|오후)\)\s*(\d{1,2})시")


# ------------------------------------------------------------------------------------------------ tables


@dataclass(frozen=True)
class Occupation:
    code: str
    name: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class Certificate:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    implies: tuple[str, ...]


@dataclass(frozen=True)
class Tables:
    occupations: dict[str, Occupation]
    related: dict[tuple[str, str], float]  # (code, code) → strength, both orders
    certificates: dict[str, Certificate]
    weights: dict[str, float]
    gates: dict[str, float]
    params: dict[str, Any]
    districts: JejuDistrictsTable = field(repr=False)


def _read(name: str) -> dict[str, Any]:
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping")
    return data


@cache
def load_tables() -> Tables:
    occ = {
        str(code): Occupation(str(code), e["name"], tuple(e["synonyms"]))
        for code, e in _read("occupations.yaml")["occupations"].items()
    }
    related: dict[tuple[str, str], float] = {}
    occ_data = _read("occupations.yaml")
    for group in occ_data["related"]:
        codes = [str(c) for c in group["codes"]]
        for a in codes:
            for b in codes:
                if a != b:
                    related[(a, b)] = max(related.get((a, b), 0.0), float(group["strength"]))
    unknown = {c for pair in related for c in pair} - set(occ)
    if unknown:
        raise ValueError(f"occupations.yaml: related codes not in the table: {sorted(unknown)}")
    certs = {
        name: Certificate(name, tuple(re.compile(p) for p in e["patterns"]), tuple(e.get("implies", [])))
        for name, e in _read("certificates.yaml")["certificates"].items()
    }
    w = _read("weights.yaml")
    weights = {k: float(v) for k, v in w["weights"].items()}
    if set(weights) != set(FACTORS):
        raise ValueError(f"weights.yaml: weights must name exactly {FACTORS}")
    return Tables(occ, related, certs, weights, {k: float(v) for k, v in w["gates"].items()}, dict(w["params"]),
                  jeju_districts())


# ------------------------------------------------------------------------------------------------ helpers


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def distance_km(a: str, b: str, table: JejuDistrictsTable | None = None) -> float | None:
    """Great-circle (haversine) distance between two 읍·면·동 points; ``None`` when either is unknown."""
    t = table or jeju_districts()
    pa, pb = t.districts.get(a), t.districts.get(b)
    if pa is None or pb is None:
        return None
    dlat, dlon = math.radians(pb.lat - pa.lat), math.radians(pb.lon - pa.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(pa.lat)) * math.cos(math.radians(pb.lat)) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def resolve_occupation(text: str | None, tables: Tables | None = None) -> list[str]:
    """Occupation codes a free-text wish names, longest synonym first ("회계 사무" → ["024101"])."""
    if not text:
        return []
    t = tables or load_tables()
    norm = _norm(text)
    found: list[tuple[int, int, str]] = []  # (-length, position, code)
    for occ in t.occupations.values():
        for syn in occ.synonyms:
            pos = norm.find(_norm(syn))
            if pos >= 0:
                found.append((-len(_norm(syn)), pos, occ.code))
    found.sort()
    codes: list[str] = []
    covered: list[tuple[int, int]] = []
    for neg_len, pos, code in found:
        span = (pos, pos - neg_len)
        if any(s < span[1] and span[0] < e for s, e in covered):  # inside a longer synonym already taken
            continue
        covered.append(span)
        if code not in codes:
            codes.append(code)
    return codes


def held_certificates(names: Iterable[str], tables: Tables | None = None) -> set[str]:
    """Canonical certificates a seeker holds, with what each implies (1종 대형 → 1종 보통)."""
    t = tables or load_tables()
    held: set[str] = set()
    for raw in names:
        norm = _norm(raw)
        for cert in t.certificates.values():
            if any(p.search(norm) for p in cert.patterns):
                held.add(cert.name)
    todo = list(held)
    while todo:
        for implied in t.certificates[todo.pop()].implies:
            if implied not in held:
                held.add(implied)
                todo.append(implied)
    return held


@dataclass
class Requirement:
    line: str
    required: bool  # 필수 (else 우대)
    groups: list[set[str]]  # each group = alternatives; every group is needed


def posting_requirements(job: JobPosting, tables: Tables | None = None) -> list[Requirement]:
    """The certificate lines of a posting's duties: 필수 or 우대, with the certificates each names."""
    t = tables or load_tables()
    out: list[Requirement] = []
    for line in (job.job_content or "").splitlines():
        norm = _norm(line.lstrip("- "))
        spans: dict[tuple[int, int], set[str]] = {}
        for cert in t.certificates.values():
            for p in cert.patterns:
                m = p.search(norm)
                if m:
                    spans.setdefault(m.span(), set()).add(cert.name)
                    break
        if spans:
            out.append(Requirement(line.lstrip("- ").strip(), "필수" in norm and "우대" not in norm,
                                   list(spans.values())))
    return out


def _preferred_lines(job: JobPosting) -> list[str]:
    return [ln.lstrip("- ").strip() for ln in (job.job_content or "").splitlines()
            if any(w in ln for w in ("우대", "가능자", "경험자"))]


def _works_night(job: JobPosting, night_from: int) -> bool:
    text = f"{job.title} {job.work_schedule or ''}"
    if "야간" in text:
        return True
    for m in _CLOCK.finditer(job.work_schedule or ""):
        start, end = int(m.group(1)), int(m.group(3))
        if end > night_from or (end == night_from and int(m.group(4)) > 0) or end < start:
            return True
    return False


def _latest_end(job: JobPosting) -> int | None:
    """The latest hour a stated 24-hour time range ends ("17:00~22:00" → 22), ``None`` when none is stated."""
    ends = [int(m.group(3)) for m in _CLOCK.finditer(job.work_schedule or "")]
    return max(ends) if ends else None


def _weekend_work(job: JobPosting, trades: Sequence[str]) -> tuple[float, str | None]:
    """(likelihood the job includes weekends 0..1, the words that say so)."""
    text = f"{job.title} {job.work_schedule or ''}"
    if "주말" in job.title:
        return 1.0, "주말 근무"
    if "주 6일" in text or "6일" in (job.work_schedule or ""):
        return 1.0, "주 6일 근무"
    if "교대" in text:
        return 0.8, "교대 근무"
    if "평일" in job.title:
        return 0.0, None
    if (job.keco_code or "")[:2] in trades:
        return 0.5, "업종상 주말 근무가 있을 수 있음"
    return 0.1, None


def pay_text(job: JobPosting) -> str:
    if job.wage_type == "면접후결정" or job.wage_min is None:
        return "면접 후 결정"
    lo, hi = job.wage_min, job.wage_max
    fmt = manwon if job.wage_type in ("월급", "연봉") else won
    return f"{job.wage_type} {fmt(lo)}" + (f" ~ {fmt(hi)}" if hi and hi != lo else "")


# ------------------------------------------------------------------------------------------------ factors


@dataclass
class _Ctx:
    profile: SeekerProfile
    tables: Tables
    today: date
    codes: list[str]
    words: list[str]  # the seeker's occupation words (matched synonyms)
    tokens: list[str]  # the words of the wish as said, normalised ("수학", "학원", "강사")
    home: str | None
    held: set[str]
    years_by_code: dict[str, float]


@dataclass
class _F:
    score: float
    fit: str | None = None
    misfit: str | None = None
    gate: bool = False  # the factor's gate applies


def _occupation(job: JobPosting, c: _Ctx) -> _F | None:
    if not c.codes:
        return None
    code = job.keco_code or ""
    occ = c.tables.occupations.get(code)
    name = occ.name if occ else (job.job_name or "다른 직종")
    title = _norm(job.title)
    word_hit = next((w for w in c.words if _norm(w) in title), None)
    # the seeker's own words in the title ("수학 학원 강사": 수학 matters within the 학원 강사 code)
    # a word of the wish that is no synonym ("수학") says more than the occupation's own words ("학원", "강사")
    generic = "".join(_norm(w) for w in c.words)
    weight = {t: (1.0 if t in generic else 3.0) for t in c.tokens}
    share = sum(w for t, w in weight.items() if t in title) / sum(weight.values()) if weight else 1.0
    fit: str | None
    if code in c.codes:
        base = 1.0
        fit = f"희망 직종과 같은 직종({name})"
    else:
        base = max((c.tables.related.get((want, code), 0.0) for want in c.codes), default=0.0)
        fit = f"관련 직종({name})" if base else None
    if base == 0.0:
        if word_hit:
            return _F(0.35, f"공고 제목에 '{word_hit}'", f"직종 코드는 {name}")
        return _F(0.0, None, f"희망 직종과 다른 직종({name})")
    score = base * (0.6 + 0.4 * share)
    if word_hit and code in c.codes:
        fit = f"희망 직종과 같은 직종({name}), 제목에 '{word_hit}'"
    return _F(score, fit, None if code in c.codes else f"희망 직종과는 다른 {name}")


def _experience(job: JobPosting, c: _Ctx) -> _F | None:
    career = job.career or "관계없음"
    years = max((y for code, y in c.years_by_code.items() if code == job.keco_code), default=0.0)
    related_years = max(
        (y * 0.5 for code, y in c.years_by_code.items() if (code, job.keco_code or "") in c.tables.related),
        default=0.0,
    )
    have = max(years, related_years)
    m = _CAREER_YEARS.search(career)
    if m:
        need = int(m.group(1))
        if have >= need:
            return _F(1.0, f"경력 {need}년 이상 요구 충족 (관련 경력 {have:g}년)")
        return _F(0.25, None, f"경력 {need}년 이상 요구 — 관련 경력 {have:g}년", gate=True)
    if "신입" in career:
        if have >= 3:
            return _F(0.7, None, f"신입 모집 공고 (경력 {have:g}년)")
        return _F(1.0, "신입 모집")
    if have > 0:
        return _F(1.0, f"경력 무관, 관련 경력 {have:g}년")
    return _F(0.85, "경력 무관")


def _shown(names: set[str], tables: Tables) -> list[str]:
    """The held certificates worth naming: not one implied by another in the set (전산회계 1급, not also 2급)."""
    implied = {i for n in names for i in tables.certificates[n].implies}
    return sorted(names - implied)


def _certificate(job: JobPosting, c: _Ctx) -> _F | None:
    reqs = posting_requirements(job, c.tables)
    prefs = _preferred_lines(job)
    skill_hits = sorted({s for s in c.profile.skills for ln in prefs if _norm(s) and _norm(s) in _norm(ln)})
    missing = [r for r in reqs if r.required and not all(g & c.held for g in r.groups)]
    if missing:
        names = ", ".join("/".join(sorted(g)) for r in missing for g in r.groups if not g & c.held)
        return _F(0.0, None, f"{_LICENCE_MISSING}{names}", gate=True)
    required_met = [r for r in reqs if r.required]
    pref_met = [r for r in reqs if not r.required and any(g & c.held for g in r.groups)]
    pref_unmet = [r for r in reqs if not r.required and not any(g & c.held for g in r.groups)]
    fits: list[str] = []
    if required_met:
        fits.append(f"필수 자격 보유 ({', '.join(_shown({n for r in required_met for g in r.groups for n in g & c.held}, c.tables))})")
    if pref_met:
        fits.append(f"{'/'.join(_shown({n for r in pref_met for g in r.groups for n in g & c.held}, c.tables))} 우대 공고")
    if skill_hits:
        fits.append(f"{'·'.join(skill_hits)} 가능자 우대 공고")
    score = 0.7
    if required_met:
        score = 0.9
    if pref_met or skill_hits:
        score = 1.0
    misfit = None
    if pref_unmet and not pref_met:
        score = min(score, 0.6)
        misfit = f"{'/'.join(sorted(pref_unmet[0].groups[0]))} 우대 (미보유)"
    return _F(score, "; ".join(fits) or None, misfit)


def _education(job: JobPosting, c: _Ctx) -> _F | None:
    need = EDUCATION_RANK.get(job.education or "학력무관", 0)
    if need == 0:
        return _F(1.0)
    if c.profile.education is None:
        return _F(0.7, None, f"학력 {job.education} 이상 요구 (학력 미입력)")
    have = EDUCATION_RANK[c.profile.education]
    if have >= need:
        return _F(1.0, f"학력 요건({job.education}) 충족")
    return _F(0.0, None, f"학력 {job.education} 이상 요구", gate=True)


def commute_limit_km(profile: SeekerProfile, tables: Tables) -> float:
    """The acceptable straight-line distance: as said in km, else a commute time × the table's km per minute,
    else the default."""
    if profile.commute_km:
        return profile.commute_km
    if profile.commute_minutes:
        return profile.commute_minutes * float(tables.params["commute_km_per_minute"])
    return float(tables.params["default_commute_km"])


def _commute(job: JobPosting, c: _Ctx, dist: float | None) -> _F | None:
    if c.home is None:
        return None
    if dist is None:
        return _F(0.5, None, "근무지 읍·면·동을 알 수 없음")
    limit = commute_limit_km(c.profile, c.tables)
    near = float(c.tables.params["near_km"])
    where = job.district or job.region
    if job.district == c.home:
        return _F(1.0, f"거주지({c.home})와 같은 {where}")
    score = 1.0 if dist <= near else max(0.0, 1.0 - 0.7 * (dist - near) / max(limit - near, 0.1))
    return _F(score, f"거주지 {c.home}에서 약 {dist:.0f} km ({where})" if score >= 0.5 else None,
              None if score >= 0.5 else f"거주지 {c.home}에서 약 {dist:.0f} km ({where})")


def _wage(job: JobPosting, c: _Ctx) -> _F | None:
    want = c.profile.desired_monthly_wage
    if not want:
        return None
    if job.wage_type == "면접후결정" or job.monthly_pay_max is None:
        return _F(0.5, None, "임금 면접 후 결정")
    lo, hi = job.monthly_pay_min or job.monthly_pay_max, job.monthly_pay_max
    wish = manwon(want)
    if lo >= want:
        return _F(1.0, f"희망 임금(월 {wish}) 이상 — {pay_text(job)}")
    if hi >= want:
        return _F(0.9, f"희망 임금(월 {wish}) 수준 — 최대 월 {manwon(hi)}")
    if hi >= want * float(c.tables.params["wage_close_ratio"]):
        return _F(0.55, None, f"희망 임금(월 {wish})에 조금 못 미침 — 최대 월 {manwon(hi)}")
    return _F(0.1, None, f"희망 임금(월 {wish})보다 낮음 — 월 {manwon(hi)}")


def _employment_type(job: JobPosting, c: _Ctx) -> _F | None:
    wanted = c.profile.employment_types
    if not wanted:
        return None
    if job.employment_type in wanted:
        return _F(1.0, f"희망 고용형태({job.employment_type})")
    label = "파견 등 기타" if job.employment_type == "기타" else job.employment_type
    return _F(0.15, None, f"{label} — {'·'.join(wanted)} 희망", gate=True)


def _schedule(job: JobPosting, c: _Ctx) -> _F | None:
    p = c.profile
    if not (p.weekends_off or p.no_night or p.max_weekly_hours or p.min_weekly_hours):
        return None
    score, fits, misfits, gate = 1.0, [], [], False
    if p.no_night:
        end = _latest_end(job)
        if _works_night(job, int(c.tables.params["night_from_hour"])):
            score, gate = 0.0, True
            misfits.append("야간 근무 포함")
        elif end is not None and end >= int(c.tables.params["late_evening_hour"]):
            score = 0.4
            misfits.append(f"저녁 {end}시에 끝나는 근무")
        else:
            fits.append("야간 근무 없음")
    if p.weekends_off:
        likely, why = _weekend_work(job, c.tables.params["weekend_trades"])
        if likely >= 0.8:
            score, gate = min(score, 0.1), True
            misfits.append(f"주말 휴무 어려움 ({why})")
        elif likely >= 0.5:
            score = min(score, 0.5)
            misfits.append(f"주말 휴무 불확실 ({why})")
        else:
            fits.append("주말 휴무 가능성 높음 (평일 근무)")
    hours = job.weekly_hours
    if hours is not None and (p.max_weekly_hours or p.min_weekly_hours):
        lo, hi = p.min_weekly_hours or 0.0, p.max_weekly_hours or 99.0
        if lo <= hours <= hi:
            fits.append(f"주 {hours:g}시간 (희망 범위)")
        else:
            off = lo - hours if hours < lo else hours - hi
            score = min(score, 0.6 if off <= 5 else 0.2)
            misfits.append(f"주 {hours:g}시간 — 희망 {lo:g}~{hi:g}시간" if p.max_weekly_hours else
                           f"주 {hours:g}시간 — 희망 {lo:g}시간 이상")
    return _F(score, ", ".join(fits) or None, ", ".join(misfits) or None, gate)


def _deadline(job: JobPosting, c: _Ctx) -> _F | None:
    if job.close_date is None:
        return _F(0.6)
    days = (job.close_date - c.today).days
    if days <= 7:
        return _F(1.0, f"마감 임박 (D-{days}, {job.close_date:%m월 %d일}) — 서둘러 지원" if days else "오늘 마감 — 서둘러 지원")
    if days <= 14:
        return _F(0.8, f"마감 {job.close_date:%m월 %d일} (D-{days})")
    return _F(0.5)


# ------------------------------------------------------------------------------------------------ scoring


def _context(profile: SeekerProfile, today: date, tables: Tables) -> _Ctx:
    codes = list(profile.desired_codes) or resolve_occupation(profile.desired_occupation, tables)
    words: list[str] = []
    if profile.desired_occupation:
        norm = _norm(profile.desired_occupation)
        for code in codes:
            words += [s for s in tables.occupations[code].synonyms if _norm(s) in norm]
    years: dict[str, float] = {}
    for exp in profile.experience:
        for code in [exp.code] if exp.code else resolve_occupation(exp.occupation, tables)[:1]:
            years[code] = years.get(code, 0.0) + exp.years
    home = tables.districts.resolve(profile.district) if profile.district else None
    tokens = [_norm(w) for w in re.split(r"[\s,·/]+", profile.desired_occupation or "") if len(w) >= 2]
    return _Ctx(profile, tables, today, codes, words, tokens, home, held_certificates(profile.certificates, tables),
                years)


def _effective_weights(tables: Tables, weights: Mapping[str, float] | None, exclude: Iterable[str]) -> dict[str, float]:
    w = dict(tables.weights)
    for k, v in (weights or {}).items():
        if k not in w:
            raise ValueError(f"unknown factor {k!r}; factors: {', '.join(FACTORS)}")
        if v < 0:
            raise ValueError(f"weight of {k} must be ≥ 0")
        w[k] = float(v)
    for k in exclude:
        if k not in w:
            raise ValueError(f"unknown factor {k!r}; factors: {', '.join(FACTORS)}")
        w[k] = 0.0
    return w


def score_job(job: JobPosting, c: _Ctx, weights: Mapping[str, float], dist: float | None) -> Match:
    """One posting's score (0–100), factors, reasons and misfits."""
    results: dict[Factor, _F | None] = {
        "occupation": _occupation(job, c),
        "experience": _experience(job, c),
        "certificate": _certificate(job, c),
        "education": _education(job, c),
        "commute": _commute(job, c, dist),
        "wage": _wage(job, c),
        "employment_type": _employment_type(job, c),
        "schedule": _schedule(job, c),
        "deadline": _deadline(job, c),
    }
    active = {f: r for f, r in results.items() if r is not None and weights[f] > 0}
    total_w = sum(weights[f] for f in active) or 1.0
    raw = sum(weights[f] * r.score for f, r in active.items()) / total_w
    gate = 1.0
    for f, r in active.items():
        if r.gate:
            gate *= c.tables.gates.get(f, 1.0)
    factors = [
        FactorScore(factor=f, label=FACTOR_LABELS[f], score=round(r.score, 3), weight=round(weights[f] / total_w, 3),
                    fit=r.fit, misfit=r.misfit)
        for f, r in active.items()
    ]
    ranked = sorted((fs for fs in factors if fs.fit and fs.score >= 0.8), key=lambda fs: -fs.weight * fs.score)
    reasons = [fs.fit for fs in ranked[:4] if fs.fit]
    misfits = [fs.misfit for fs in sorted(factors, key=lambda fs: fs.score) if fs.misfit]
    return Match(
        job_id=job.id, title=job.title, company=job.company, region=job.region, district=job.district,
        distance_km=None if dist is None else round(dist, 1), score=round(100 * raw * gate, 1), reasons=reasons,
        misfits=misfits, factors=factors, url=job.url,
        close_date=job.close_date.isoformat() if job.close_date else (job.close_text or "채용시까지"),
        pay=pay_text(job), employment_type=job.employment_type,
    )


def _hard_filter(job: JobPosting, c: _Ctx, today: date) -> tuple[str | None, float | None]:
    """(why the posting is dropped or None, distance)."""
    if job.close_date is not None and job.close_date < today:
        return "closed", None
    if not c.profile.seasonal_ok and job.seasonal:
        return "seasonal", None
    dist = distance_km(c.home, job.district, c.tables.districts) if c.home and job.district else None
    if c.home and dist is not None:
        islands = c.tables.params["islands"]
        if job.district != c.home and (job.district in islands or c.home in islands):
            return "island", dist
        if dist > commute_limit_km(c.profile, c.tables):
            return "commute", dist
    return None, dist


def score_pair(
    profile: SeekerProfile,
    job: JobPosting,
    *,
    today: date,
    weights: Mapping[str, float] | None = None,
    exclude: Iterable[str] = (),
) -> tuple[str | None, Match]:
    """One (seeker, posting) pair scored exactly as :func:`rank_jobs` scores it, for callers that rank seekers for
    one posting (talent recommendation): (the hard filter that would drop the posting for this seeker — "closed",
    "seasonal", "island", "commute" — or None, the scored :class:`Match`)."""
    tables = load_tables()
    c = _context(profile, today, tables)
    why, dist = _hard_filter(job, c, today)
    if dist is None and c.home and job.district:
        dist = distance_km(c.home, job.district, tables.districts)
    return why, score_job(job, c, _effective_weights(tables, weights, exclude), dist)


def rank_jobs(
    profile: SeekerProfile,
    jobs: Iterable[JobPosting],
    *,
    today: date,
    weights: Mapping[str, float] | None = None,
    exclude: Iterable[str] = (),
    k: int = 10,
) -> MatchReport:
    """Score ``jobs`` (already retrieved) for ``profile``: hard filters, then the weighted factors; best first."""
    tables = load_tables()
    excluded = list(exclude)
    w = _effective_weights(tables, weights, excluded)
    c = _context(profile, today, tables)
    dropped: dict[str, int] = {}
    matches: list[Match] = []
    seen: set[str] = set()
    jobs_by_id: dict[str, JobPosting] = {}
    for job in jobs:
        if job.id in seen:
            continue
        seen.add(job.id)
        jobs_by_id[job.id] = job
        why, dist = _hard_filter(job, c, today)
        if why:
            dropped[why] = dropped.get(why, 0) + 1
            continue
        matches.append(score_job(job, c, w, dist))
    matches.sort(key=lambda m: (-m.score, m.distance_km if m.distance_km is not None else 99.0, m.job_id))
    notes = []
    held_back = licence_note(c, jobs_by_id, matches, k)
    if held_back:
        notes.append(held_back)
    if profile.district and c.home is None:
        notes.append(f"거주지 '{profile.district}'를 제주 읍·면·동으로 알 수 없어 통근 거리를 계산하지 않았습니다.")
    if not c.codes:
        notes.append("희망 직종을 직종 코드로 바꾸지 못해 직무 적합은 공고 제목의 낱말로만 봅니다.")
    if c.home:
        notes.append("통근 거리는 읍·면·동 대표 지점 사이의 직선거리(근사)입니다.")
    return MatchReport(
        profile=profile, occupation_codes=c.codes,
        occupation_names=[tables.occupations[code].name for code in c.codes if code in tables.occupations],
        home_district=c.home, weights={f: round(v, 3) for f, v in w.items()}, excluded_factors=excluded,
        candidates=len(matches), filtered_out=dropped, matches=matches[:k], notes=notes,
    )


def licence_note(c: _Ctx, jobs: Mapping[str, JobPosting], ranked: Sequence[Match], k: int) -> str | None:
    """Why the wished occupation's own postings are not on top: they require a 자격 the seeker does not hold (a
    posting that legally needs a licence goes "far down", gates.certificate), so related occupations lead. Said when
    none of the top ``k`` is of the wished occupation and some of its postings were held back that way."""
    top = ranked[:k]
    if not c.codes or any(jobs[m.job_id].keco_code in c.codes for m in top):
        return None
    missing: dict[str, int] = {}
    for m in ranked[k:]:
        if jobs[m.job_id].keco_code not in c.codes:
            continue
        for misfit in m.misfits:
            if misfit.startswith(_LICENCE_MISSING):
                name = misfit.removeprefix(_LICENCE_MISSING)
                missing[name] = missing.get(name, 0) + 1
    if not missing:
        return None
    wished = ", ".join(c.tables.occupations[code].name for code in c.codes if code in c.tables.occupations)
    names = ", ".join(missing)
    return (f"희망 직종({wished}) 공고 {sum(missing.values())}건은 필수 자격({names})이 없어 아래로 내려갔습니다 — 위 목록은 "
            f"자격 없이 지원할 수 있는 관련 직종입니다. {names} 자격을 취득하면 다시 매칭해 보세요 ('이분께 맞는 훈련과정').")


# ------------------------------------------------------------------------------------------------ candidates


def profile_query(profile: SeekerProfile, tables: Tables | None = None) -> str:
    """The search words of a profile: the wish as said plus the names of the occupations it resolved to."""
    t = tables or load_tables()
    codes = list(profile.desired_codes) or resolve_occupation(profile.desired_occupation, t)
    parts = [profile.desired_occupation or ""] + [t.occupations[c].name for c in codes if c in t.occupations]
    return " ".join(dict.fromkeys(p for p in parts if p))


def candidate_jobs(retriever: Any, profile: SeekerProfile, *, today: date) -> list[JobPosting]:
    """Hybrid-search candidates: the profile's words within each wanted and related occupation code, plus the
    words alone (titles of other codes). Open postings only; the commute filter runs in :func:`rank_jobs`."""
    t = load_tables()
    k = int(t.params["search_k"])
    query = profile_query(profile, t)
    codes = list(profile.desired_codes) or resolve_occupation(profile.desired_occupation, t)
    related = [b for (a, b) in t.related if a in codes and b not in codes]
    jobs: dict[str, JobPosting] = {}
    for code in [*codes, *dict.fromkeys(related)]:
        for hit in retriever.search_jobs(query, JobFilters(keco_prefix=code), today=today, k=k * 4):
            jobs.setdefault(hit.job.id, hit.job)
    for hit in retriever.search_jobs(query, JobFilters(), today=today, k=k):
        jobs.setdefault(hit.job.id, hit.job)
    return list(jobs.values())


def match_jobs(
    profile: SeekerProfile,
    *,
    retriever: Any,
    today: date,
    weights: Mapping[str, float] | None = None,
    exclude: Iterable[str] = (),
    k: int = 10,
) -> MatchReport:
    """Candidates from hybrid search, hard filters, transparent score; the ``k`` best with reasons."""
    return rank_jobs(profile, candidate_jobs(retriever, profile, today=today), today=today, weights=weights,
                     exclude=exclude, k=k)
