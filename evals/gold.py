"""Typed loaders for the gold sets under ``evals/gold`` (one YAML file per set)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, field_validator

from graphs.profile import Profile
from knowledge.schemas import JobFilters, TrainingFilters

GOLD_DIR = Path(__file__).resolve().parent / "gold"
# The date every gold set is written for ("올해" = 2026, open postings, 2025 vs 2026 figures).
REFERENCE_DATE = date(2026, 11, 21)

SetName = Literal["retrieval", "routing", "eligibility", "answers", "search"]
SET_NAMES: tuple[SetName, ...] = ("retrieval", "routing", "eligibility", "answers", "search")


class GoldError(ValueError):
    """A gold file that cannot be read, with the file and item named."""


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

    @field_validator("slots")
    @classmethod
    def _known_keys(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key in value:
            group, _, name = key.partition(".")
            ok = (
                key == "year"
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


class EligibilityItem(BaseModel):
    id: str
    program: str
    today: date = REFERENCE_DATE
    profile: Profile
    expect: EligibilityExpect
    calc: str = Field(min_length=1)  # the hand computation, with the article


class AnswerItem(BaseModel):
    id: str
    q: str
    role: Literal["citizen", "counselor"] = "citizen"
    must: list[str] = Field(min_length=1)
    must_not: list[str] = []
    note: str | None = None

    @field_validator("must", "must_not")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for pattern in value:
            re.compile(pattern)
        return value


class SearchItem(BaseModel):
    id: str
    kind: Literal["jobs", "training"]
    query: str = ""
    filters: dict[str, Any] = {}
    relevant: str | None = None
    note: str | None = None

    def job_filters(self) -> JobFilters:
        return JobFilters.model_validate(self.filters)

    def training_filters(self) -> TrainingFilters:
        return TrainingFilters.model_validate(self.filters)


ITEM_MODELS: dict[SetName, type[BaseModel]] = {
    "retrieval": RetrievalItem,
    "routing": RoutingItem,
    "eligibility": EligibilityItem,
    "answers": AnswerItem,
    "search": SearchItem,
}


def gold_path(name: SetName) -> Path:
    return GOLD_DIR / f"{name}.yaml"


@lru_cache(maxsize=16)
def _load(name: SetName, path: Path) -> tuple[BaseModel, ...]:
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
