"""Typed loaders for the gold sets under ``evals/gold`` (one YAML file per set)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, field_validator

from graphs.capabilities import registry
from graphs.profile import Profile
from knowledge.schemas import JobFilters, TrainingFilters

GOLD_DIR = Path(__file__).resolve().parent / "gold"
# The date every gold set is written for ("올해" = 2026, open postings, 2025 vs 2026 figures).
REFERENCE_DATE = date(2026, 11, 21)

# The assistant-wide sets (files under evals/gold), then one set per registered capability (its own gold data and
# evaluate, declared in graphs/capabilities/<name>/capability.py).
BaseSetName = Literal["retrieval", "routing", "eligibility", "answers", "search"]
BASE_SETS: tuple[BaseSetName, ...] = ("retrieval", "routing", "eligibility", "answers", "search")
SetName = str
CAPABILITY_SETS: tuple[str, ...] = tuple(c.name for c in registry.evaluated())
SET_NAMES: tuple[SetName, ...] = (*BASE_SETS, *CAPABILITY_SETS)

# Classes of issue 10 (domain errors d1–d9 and the understanding / readability failures). Items written for it carry
# one or more of these in `tags`, so a run can be read per class and the sets checked for coverage.
ISSUE10_TAGS: dict[str, str] = {
    "d1": "피보험 단위기간 180일은 이직 전 18개월만 — 묻고, 평생 가입기간으로 추정하지 않음 (제40조①1, 제41조)",
    "d2": "이전 피보험기간 합산 (제50조④: 3년 이내 재취득 + 그 기간으로 구직급여를 받지 않음)",
    "d3": "병역: 청년 나이 상한을 실제 복무기간만큼 연장 (최대 3년)",
    "d4": "Ⅱ유형 청년(18~34세)은 소득 요건 없이 참여 (운영 기준)",
    "d5": "피보험기간은 달력상 연수로 (별표1 경계; 1년 = 365일 아님)",
    "d6": "수치가 없는 해(2027)는 먼저 ⚠️ 경고, 마지막으로 알려진 해로 계산",
    "d7": "문서 문장 (채용절차법 과태료, 국취 병역, 50% 이행, 도약장려금 제주 요건, 단시간 하한 ⚠️)",
    "d8": "수급 불가 결과에 총액을 지급될 것처럼 보이지 않음",
    "d9": "가구 월소득 → 기준 중위소득 비율 (facts §12 표, 센터가 공식 산정)",
    "just_cause": "자진퇴사 + 같은 메시지의 정당한 사유",
    "start_date": "입사일(시작일)을 이직일로 읽지 않음",
    "topic_switch": "요건 확인 뒤 새 주제는 따로 라우팅 (여러 턴)",
    "non_korean": "영어·베트남어·중국어 질문 → 한국어 전용 안내 + ☎1577-0071 / ☎1350",
    "slang": "은어·오타·반말",
    "field": "분야어 (IT/디지털/사무직/관광 쪽) → 그 분야의 과정·공고",
    "how_much": "'얼마'에는 금액을 만드는 규칙을 함께",
    "threshold": "못 미친 요건은 그 기준값과 무엇이 바뀌면 되는지",
    "readable": "시민용 답변: 한 문장 결론, 금액·일수, 다음 질문 하나",
    "wage_2027": "2027/내년 최저시급: 아직 출처 없음 + 최신 확인 수치",
    "profile_memory": "앞 턴에서 준 내담자 프로필을 '이분께' 질문에 사용",
}


class GoldError(ValueError):
    """A gold file that cannot be read, with the file and item named."""


def _known_tags(value: list[str]) -> list[str]:
    unknown = [t for t in value if t not in ISSUE10_TAGS]
    if unknown:
        raise ValueError(f"unknown tag(s) {unknown}; known: {sorted(ISSUE10_TAGS)}")
    return value


def _regexes(value: list[str]) -> list[str]:
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"regex {pattern!r}: {exc}") from exc
    return value


class RetrievalItem(BaseModel):
    id: str
    q: str
    doc: str
    section: str | None = None
    also: list[str] = []
    who: Literal["citizen", "counselor", "employer"] = "citizen"
    tags: list[str] = []

    @property
    def accepted(self) -> set[str]:
        return {self.doc, *self.also}


class RoutingItem(BaseModel):
    id: str
    text: str
    route: str | None
    program: str | None = None
    expecting: str | None = None
    slots: dict[str, Any] = {}
    note: str | None = None
    tags: list[str] = []

    _tags = field_validator("tags")(_known_tags)

    @field_validator("slots")
    @classmethod
    def _known_keys(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key in value:
            group, _, name = key.partition(".")
            ok = (
                key == "year"
                or key == "profile.employment_start_year"  # the year of employment_start_date
                or (group == "job" and name in JobFilters.model_fields)
                or (group == "training" and name in TrainingFilters.model_fields)
                or (group == "profile" and (name in Profile.model_fields or name == "separation_year"))
            )
            if not ok:
                raise ValueError(f"unknown slot key {key!r}")
        return value


class EligibilityExpect(BaseModel):
    decision: Literal["eligible", "ineligible", "need_more_info"]
    amounts: dict[str, int] = {}
    tracks: dict[str, Literal["eligible", "ineligible", "need_more_info"]] = {}
    absent_amounts: list[str] = []
    # regexes, each found in the result's warnings (shown before the verdict), e.g. a year without figures
    warnings: list[str] = []
    # Profile fields the result must ask for (in `missing`) / must not ask for (already known or implied)
    asks: list[str] = []
    not_asks: list[str] = []
    # regexes, each found in the text of the requirements the person failed (the threshold missed, e.g. "180일")
    explains: list[str] = []

    _patterns = field_validator("warnings", "explains")(_regexes)

    @field_validator("asks", "not_asks")
    @classmethod
    def _profile_fields(cls, value: list[str]) -> list[str]:
        unknown = [f for f in value if f not in Profile.model_fields]
        if unknown:
            raise ValueError(f"not Profile fields: {unknown}")
        return value


class EligibilityItem(BaseModel):
    id: str
    program: str
    today: date = REFERENCE_DATE
    profile: Profile
    expect: EligibilityExpect
    calc: str = Field(min_length=1)  # the hand computation, with the article
    tags: list[str] = []

    _tags = field_validator("tags")(_known_tags)


class AnswerItem(BaseModel):
    id: str
    q: str
    role: Literal["citizen", "counselor"] = "citizen"
    # earlier messages of the same thread, sent in order before `q` (their answers are not checked)
    turns: list[str] = []
    must: list[str] = Field(min_length=1)
    must_not: list[str] = []
    note: str | None = None
    tags: list[str] = []

    _tags = field_validator("tags")(_known_tags)
    _patterns = field_validator("must", "must_not")(_regexes)


class SearchItem(BaseModel):
    id: str
    kind: Literal["jobs", "training"]
    query: str = ""
    filters: dict[str, Any] = {}
    relevant: str | None = None
    note: str | None = None
    tags: list[str] = []

    _tags = field_validator("tags")(_known_tags)

    def job_filters(self) -> JobFilters:
        return JobFilters.model_validate(self.filters)

    def training_filters(self) -> TrainingFilters:
        return TrainingFilters.model_validate(self.filters)


ITEM_MODELS: dict[BaseSetName, type[BaseModel]] = {
    "retrieval": RetrievalItem,
    "routing": RoutingItem,
    "eligibility": EligibilityItem,
    "answers": AnswerItem,
    "search": SearchItem,
}


def gold_path(name: BaseSetName) -> Path:
    return GOLD_DIR / f"{name}.yaml"


@lru_cache(maxsize=16)
def _load(name: BaseSetName, path: Path) -> tuple[BaseModel, ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: 골드셋을 읽을 수 없습니다 ({exc})") from exc
    model = ITEM_MODELS[name]
    items: list[BaseModel] = []
    seen: set[str] = set()
    for raw in data.get("items") or []:
        try:
            item = model.model_validate(raw)
        except ValueError as exc:
            raise GoldError(f"{path}: 항목 {raw.get('id', '?')} 형식 오류 — {exc}") from exc
        item_id = str(item.model_dump().get("id"))
        if item_id in seen:
            raise GoldError(f"{path}: 항목 id {item_id}가 중복됩니다")
        seen.add(item_id)
        items.append(item)
    if name == "search":
        for it in items:
            assert isinstance(it, SearchItem)
            try:
                it.job_filters() if it.kind == "jobs" else it.training_filters()
            except ValueError as exc:
                raise GoldError(f"{path}: 항목 {it.id} 필터 오류 — {exc}") from exc
    return tuple(items)


def load_retrieval(path: Path | None = None) -> list[RetrievalItem]:
    return [i for i in _load("retrieval", path or gold_path("retrieval")) if isinstance(i, RetrievalItem)]


def load_routing(path: Path | None = None) -> list[RoutingItem]:
    return [i for i in _load("routing", path or gold_path("routing")) if isinstance(i, RoutingItem)]


def load_eligibility(path: Path | None = None) -> list[EligibilityItem]:
    return [i for i in _load("eligibility", path or gold_path("eligibility")) if isinstance(i, EligibilityItem)]


def load_answers(path: Path | None = None) -> list[AnswerItem]:
    return [i for i in _load("answers", path or gold_path("answers")) if isinstance(i, AnswerItem)]


def load_search(path: Path | None = None) -> list[SearchItem]:
    return [i for i in _load("search", path or gold_path("search")) if isinstance(i, SearchItem)]
