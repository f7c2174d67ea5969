"""Filterable fields are declared once (knowledge.fields); indexes, filter, post-check, labels and tool args follow."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

from knowledge.fields import (
    Filterable,
    Match,
    Range,
    conditions,
    declared,
    labels,
    payload_indexes,
    payload_values,
    relaxable,
    satisfies,
    tool_args_model,
)
from knowledge.records import job_payload, training_payload
from knowledge.schemas import JobFilters, JobPosting, TrainingCourse, TrainingFilters
from knowledge.store import PAYLOAD_INDEXES

TODAY = date(2026, 11, 21)


def _job(**kw: object) -> JobPosting:
    base: dict[str, object] = dict(id="K1", title="객실 관리", company="중문리조트", region="서귀포시", district="중문동",
                                   keco_code="532101", employment_type="정규직", wage_type="월급",
                                   monthly_pay_max=2_600_000, weekly_hours=40.0, benefits="기숙사 제공",
                                   close_date=date(2026, 12, 1))
    base.update(kw)
    return JobPosting.model_validate(base)


def _course(**kw: object) -> TrainingCourse:
    base: dict[str, object] = dict(id="C1-1", course_id="C1", round="1", title="요양보호사 양성", institution="제주직업학교",
                                   region="제주시", cost=400_000, self_pay=120_000, start_date=date(2026, 12, 7),
                                   end_date=date(2027, 2, 1), ncs_code="06020301")
    base.update(kw)
    return TrainingCourse.model_validate(base)


class ExtendedJobFilters(JobFilters):
    """A field added to the declarations: one line, nothing else."""

    has_benefits: Annotated[str | None, Filterable("복리후생", "benefits", "keyword", applies="truthy",
                                                   tool="복리후생, 예: '기숙사 제공'")] = None


def test_a_new_declared_field_reaches_indexes_filter_check_labels_and_tool_args() -> None:
    assert payload_indexes(ExtendedJobFilters)["benefits"] == "keyword"
    assert payload_values(ExtendedJobFilters, _job())["benefits"] == "기숙사 제공"
    f = ExtendedJobFilters(has_benefits="기숙사 제공")
    flt = conditions(f, TODAY)
    assert flt is not None and Match("benefits", "기숙사 제공") in flt.must
    assert satisfies(_job(), f, TODAY)
    assert not satisfies(_job(benefits="4대보험"), f, TODAY)
    assert not satisfies(_job(benefits=None), f, TODAY)
    assert labels(ExtendedJobFilters)["has_benefits"] == "복리후생"
    assert relaxable(ExtendedJobFilters)["has_benefits"] == "복리후생"
    schema = tool_args_model(ExtendedJobFilters, "search_jobs", "찾는 일")
    assert schema.model_fields["has_benefits"].description == "복리후생, 예: '기숙사 제공'"
    assert schema.model_json_schema()["required"] == ["query"]


def test_a_field_without_a_declaration_is_refused() -> None:
    class Broken(BaseModel):
        region: str | None = None

    with pytest.raises(TypeError, match="Broken.region"):
        declared(Broken)


def test_one_payload_key_cannot_have_two_index_kinds() -> None:
    class Clash(BaseModel):
        a: Annotated[int | None, Filterable("가", "pay", "integer", "gte")] = None
        b: Annotated[float | None, Filterable("나", "pay", "float", "lte")] = None

    with pytest.raises(TypeError, match="two index kinds"):
        payload_indexes(Clash)


def test_store_indexes_and_record_payloads_come_from_the_declarations() -> None:
    assert PAYLOAD_INDEXES["jobs"] == payload_indexes(JobFilters)
    assert PAYLOAD_INDEXES["training"] == payload_indexes(TrainingFilters)
    assert set(PAYLOAD_INDEXES["jobs"]) <= set(job_payload(_job()))
    assert set(PAYLOAD_INDEXES["training"]) <= set(training_payload(_course()))
    assert job_payload(_job())["keco_prefixes"] == ["5", "53", "532", "5321", "53210", "532101"]


def test_job_filters_as_the_field_docs_say() -> None:
    job = _job()
    assert satisfies(job, JobFilters(keco_prefix="53"), TODAY)  # a prefix of the 직종 code
    assert not satisfies(job, JobFilters(keco_prefix="54"), TODAY)
    assert satisfies(job, JobFilters(min_monthly_pay=2_600_000), TODAY)  # the posting can pay at least this
    assert not satisfies(job, JobFilters(min_monthly_pay=2_600_001), TODAY)
    assert not satisfies(_job(monthly_pay_max=None), JobFilters(min_monthly_pay=1), TODAY)
    assert satisfies(job, JobFilters(min_monthly_pay=0), TODAY)  # 0 = no pay filter
    assert not satisfies(_job(weekly_hours=None), JobFilters(max_weekly_hours=40), TODAY)
    assert not satisfies(job, JobFilters(), date(2026, 12, 2))  # closed: open_only is on by default
    assert satisfies(job, JobFilters(open_only=False), date(2026, 12, 2))
    assert satisfies(_job(close_date=None), JobFilters(), date(2030, 1, 1))  # 채용시까지
    assert satisfies(job, JobFilters(seasonal=False), TODAY) and not satisfies(job, JobFilters(seasonal=True), TODAY)
    assert conditions(JobFilters(open_only=False)) is None
    with pytest.raises(ValueError, match="today"):
        conditions(JobFilters())  # open_only needs the date


def test_training_start_bounds_are_one_range() -> None:
    f = TrainingFilters(start_from=date(2026, 12, 1), start_to=date(2026, 12, 31), max_self_pay=0)
    flt = conditions(f)
    assert flt is not None
    assert flt.must == (Range("self_pay", lte=0),
                        Range("start_ord", gte=date(2026, 12, 1).toordinal(), lte=date(2026, 12, 31).toordinal()))
    assert satisfies(_course(), f) is False  # 자부담 0 asked, 120,000 charged
    assert satisfies(_course(self_pay=0), f)
    assert not satisfies(_course(self_pay=0, start_date=date(2027, 1, 4)), f)


def test_llm_tool_args_are_the_declared_ones_and_validate_like_the_model() -> None:
    jobs = tool_args_model(JobFilters, "search_jobs", "찾는 일")
    assert list(jobs.model_fields) == ["query", "region", "district", "min_monthly_pay", "employment_type",
                                       "max_weekly_hours"]
    training = tool_args_model(TrainingFilters, "lookup_training", "분야")
    assert list(training.model_fields) == ["query", "region", "card_eligible", "max_self_pay"]
    with pytest.raises(ValidationError):
        jobs.model_validate({"query": "호텔", "region": "부산"})
