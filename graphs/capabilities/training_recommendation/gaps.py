"""역량 갭: the target occupation of a person, what it needs (tables/skills.yaml), what the person already has
(certificates held, skills, years in an occupation), the gap; and what a catalog course closes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from graphs.capabilities.job_matching.scorer import load_tables as matching_tables
from graphs.capabilities.job_matching.scorer import resolve_occupation
from graphs.capabilities.training_recommendation.models import (
    Gap,
    Held,
    Item,
    SkillTable,
    TargetOccupation,
)
from graphs.profile import SeekerProfile
from knowledge.schemas import TrainingCourse

TABLE_PATH = Path(__file__).resolve().parent / "tables" / "skills.yaml"


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


@cache
def load_table(path: Path = TABLE_PATH) -> SkillTable:
    """The 역량 갭 table, checked: every item, certificate and course rule it names exists."""
    table = SkillTable.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    certs = set(table.certificates)
    for name, entry in table.certificates.items():
        if set(entry.implies) - certs:
            raise ValueError(f"{path.name}: certificate {name} implies unknown {sorted(set(entry.implies) - certs)}")
    for key, item in table.items.items():
        if set(item.held_by.certificates) - certs:
            raise ValueError(f"{path.name}: item {key} names unknown certificates")
    for key, occ in table.occupations.items():
        if set(occ.items) - set(table.items):
            raise ValueError(f"{path.name}: occupation {key} names unknown items {sorted(set(occ.items) - set(table.items))}")
    for rule in table.courses:
        if set(rule.closes) - set(table.items):
            raise ValueError(f"{path.name}: course rule {rule.title or rule.ncs} closes unknown items")
        if rule.main_certificate and rule.main_certificate not in certs:
            raise ValueError(f"{path.name}: course rule {rule.title}: unknown main certificate {rule.main_certificate}")
        if not (rule.title or rule.ncs):
            raise ValueError(f"{path.name}: a course rule needs a title or an ncs code")
    if set(table.scoring.weights) != {"coverage", "region", "schedule", "self_pay", "employment_rate"}:
        raise ValueError(f"{path.name}: scoring.weights must name coverage, region, schedule, self_pay, employment_rate")
    return table


# ------------------------------------------------------------------------------------------------ the target
@cache
def _synonyms() -> tuple[tuple[str, str], ...]:
    """(normalized synonym, target id), longest first: the table's own synonyms and, for a target with a catalog
    code, the job matching table's synonyms of that code."""
    table = load_table()
    jobs = matching_tables().occupations
    pairs: list[tuple[str, str]] = []
    for key, occ in table.occupations.items():
        words = [occ.name, *occ.synonyms]
        if occ.code and occ.code in jobs:
            words += list(jobs[occ.code].synonyms)
        pairs += [(_norm(w), key) for w in words if w]
    return tuple(sorted(set(pairs), key=lambda p: -len(p[0])))


def resolve_target(text: str | None) -> str | None:
    """The target occupation a text names ("회계 사무" → "024101", "제빵사" → "baker"): the longest synonym found;
    a catalog code resolved by the job matching table counts too."""
    if not text:
        return None
    norm = _norm(text)
    table = load_table()
    for syn, key in _synonyms():
        if syn and syn in norm:
            return key
    for code in resolve_occupation(text):
        if code in table.occupations:
            return code
    return None


def experience_codes(profile: SeekerProfile) -> dict[str, float]:
    """Years by occupation code (the stated code, else the code the occupation text resolves to)."""
    years: dict[str, float] = {}
    for e in profile.experience:
        codes = [e.code] if e.code else resolve_occupation(e.occupation)[:1]
        for code in codes:
            years[code] = years.get(code, 0.0) + e.years
    return years


@dataclass(frozen=True)
class Target:
    id: str
    occupation: TargetOccupation
    source: str  # how it was chosen, in Korean


def choose_target(profile: SeekerProfile, message: str = "") -> Target | None:
    """The message's occupation, else the profile's 희망 직종 (code, then text), else the longest 경력 that has an
    entry in the table."""
    table = load_table()

    def target(key: str | None, source: str) -> Target | None:
        return Target(key, table.occupations[key], source) if key and key in table.occupations else None

    found = target(resolve_target(message), "메시지에서 말한 직종")
    for code in profile.desired_codes:
        found = found or target(code, "희망 직종 코드")
    found = found or target(resolve_target(profile.desired_occupation), "희망 직종")
    if found:
        return found
    for e in sorted(profile.experience, key=lambda e: -e.years):
        key = e.code if e.code in table.occupations else resolve_target(e.occupation)
        hit = target(key, f"경력 직종 ({e.occupation} {e.years:g}년)")
        if hit:
            return hit
    return None


# ------------------------------------------------------------------------------------------------ held / gaps
def held_certificates(names: Iterable[str]) -> set[str]:
    """Canonical certificates (this table's names) the person holds, with what each implies."""
    table = load_table()
    held: set[str] = set()
    for raw in names:
        norm = _norm(raw)
        for name, entry in table.certificates.items():
            if any(re.search(p, norm) for p in entry.patterns):
                held.add(name)
    todo = list(held)
    while todo:
        for implied in table.certificates[todo.pop()].implies:
            if implied not in held:
                held.add(implied)
                todo.append(implied)
    return held


def holds(item: Item, profile: SeekerProfile, certs: set[str], years: dict[str, float]) -> str | None:
    """What the person has that closes ``item`` ("전산회계 1급 보유", "회계 사무 12년"), or ``None``."""
    by = item.held_by
    for cert in by.certificates:
        if cert in certs:
            return f"{cert} 보유"
    skills = [_norm(s) for s in profile.skills]
    for pattern in by.skills:
        hit = next((s for s in skills if re.search(pattern, s)), None)
        if hit:
            return f"{hit} 가능"
    if by.experience:
        have = max((years.get(c, 0.0) for c in by.experience.codes), default=0.0)
        if have >= by.experience.years:
            names = matching_tables().occupations
            code = max(by.experience.codes, key=lambda c: years.get(c, 0.0))
            return f"{names[code].name if code in names else code} 경력 {have:g}년"
    return None


def _source_text(item: Item) -> str:
    s = item.source
    return f"{s.kind} {s.ref}" + ("" if s.verified else " (작성자 지식, 미검증)")


def find_gaps(profile: SeekerProfile, target: TargetOccupation) -> tuple[list[Gap], list[Held]]:
    """The target's items the person lacks (required first) and those they already have."""
    table = load_table()
    certs = held_certificates(profile.certificates)
    years = experience_codes(profile)
    gaps: list[Gap] = []
    held: list[Held] = []
    for key, need in sorted(target.items.items(), key=lambda kv: kv[1] != "required"):
        item = table.items[key]
        have = holds(item, profile, certs, years)
        if have:
            held.append(Held(item=key, label=have, need=need))
        else:
            gaps.append(Gap(item=key, gap=item.gap, need=need, kind=item.kind, source=_source_text(item)))
    return gaps, held


# ------------------------------------------------------------------------------------------------ courses
@dataclass(frozen=True)
class CourseReading:
    closes: frozenset[str]  # item ids
    main_certificate: str | None


def read_course(course: TrainingCourse) -> CourseReading:
    """Which items a catalog course closes (every matching rule) and its main certificate (the first rule's)."""
    title = _norm(course.title)
    closes: set[str] = set()
    main: str | None = None
    for rule in load_table().courses:
        if rule.title and not re.search(rule.title, title, re.IGNORECASE):
            continue
        if rule.ncs and rule.ncs != (course.ncs_code or ""):
            continue
        closes.update(rule.closes)
        main = main or rule.main_certificate
    return CourseReading(frozenset(closes), main)
