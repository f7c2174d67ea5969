"""Sourced facts as typed tables (``*.yaml`` next to this file): one pydantic model per table, one loader.

Every entry carries where it comes from (``source``, ``url``, ``notice``/``article``), the period it is in force
(``effective_from``/``effective_to``) and a confidence tag (:data:`knowledge.schemas.Confidence`). ``load_facts(name)``
validates ``<name>.yaml`` against its model and caches it; a broken file raises :class:`FactsFileError` naming the
file and the key. Typed accessors (:func:`median_income`, :func:`military_service`, :func:`minimum_wage`,
:func:`jeju_districts`, :func:`pay_conversion`) return the concrete models.

This package imports none of ``app``, ``graphs`` or ``ingest``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Generic, Literal, Self, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from knowledge.schemas import Confidence

FACTS_DIR = Path(__file__).resolve().parent
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FactsFileError(ValueError):
    """A facts file is missing, is not valid YAML, or does not match its model."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InForce(_Strict):
    """An entry's period in force (``effective_to`` None = still in force); shared with the eligibility rules."""

    effective_from: date
    effective_to: date | None = None

    @model_validator(mode="after")
    def _period_is_ordered(self) -> Self:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


class SourcedFact(InForce):
    """What every fact entry carries."""

    confidence: Confidence
    source: str = Field(min_length=1)
    url: str | None = None
    note: str | None = None  # Korean caveat to show whenever the entry is used


def nearest_year(years: Iterable[int], year: int) -> int:
    """``year`` when ``years`` has it, else the latest earlier one (or the earliest): the rule every by-year table
    follows for a year not published yet."""
    known = sorted(years)
    return year if year in known else max((y for y in known if y < year), default=known[0])


class FactTable(_Strict):
    """Head of every facts file: its ``name`` (= the file stem) and a Korean title."""

    name: str
    title: str


YearT = TypeVar("YearT", bound=SourcedFact)


class ByYearTable(FactTable, Generic[YearT]):
    """A table of one entry a year (기준 중위소득, 최저임금), read with the :func:`nearest_year` rule."""

    unit: str
    article: str
    years: dict[int, YearT] = Field(min_length=1)

    def year_for(self, year: int) -> int:
        """``year`` when the table has it, else the latest earlier year (or the earliest)."""
        return nearest_year(self.years, year)

    def entry_for(self, year: int) -> YearT:
        """The entry of ``year``, else of the latest earlier year (or the earliest): see :meth:`year_for`."""
        return self.years[self.year_for(year)]


# --------------------------------------------------------------------------------------- 기준 중위소득


class MedianIncomeYear(SourcedFact):
    by_household_size: dict[int, int] = Field(min_length=1)
    notice: str = Field(min_length=1)  # the 고시 it comes from

    @model_validator(mode="after")
    def _sizes_and_amounts_grow(self) -> Self:
        sizes = sorted(self.by_household_size)
        if sizes[0] < 1 or sizes != list(range(sizes[0], sizes[-1] + 1)):
            raise ValueError("household sizes must be consecutive from 1")
        amounts = [self.by_household_size[s] for s in sizes]
        if amounts != sorted(set(amounts)):
            raise ValueError("amounts must increase with the household size")
        return self


class IncomeShare(_Strict):
    """A monthly household income as a share (%) of the year's 기준 중위소득 for its household size."""

    year: int  # the table year used
    requested_year: int
    household_size: int
    monthly_income: int
    median: int
    percent: Decimal  # exact
    entry: MedianIncomeYear

    @property
    def fell_back(self) -> bool:
        return self.year != self.requested_year

    def percent_1(self) -> Decimal:
        """The share rounded half-up to one decimal (74.64… → 74.6)."""
        return self.percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class MedianIncomeTable(ByYearTable[MedianIncomeYear]):
    name: Literal["median_income"]

    @model_validator(mode="after")
    def _years_match_periods(self) -> Self:
        for year, entry in self.years.items():
            if entry.effective_from.year != year:
                raise ValueError(f"years.{year}: effective_from is not in {year}")
        return self

    def monthly(self, year: int, household_size: int) -> int | None:
        """The table value for exactly this year and household size (``None`` when not in the table)."""
        entry = self.years.get(year)
        return None if entry is None else entry.by_household_size.get(household_size)

    def share(self, monthly_income: int, household_size: int, year: int) -> IncomeShare | None:
        """``monthly_income`` ÷ 기준 중위소득(year or the last known year, household size) × 100."""
        used = self.year_for(year)
        entry = self.years[used]
        median = entry.by_household_size.get(household_size)
        if median is None:
            return None
        return IncomeShare(
            year=used,
            requested_year=year,
            household_size=household_size,
            monthly_income=monthly_income,
            median=median,
            percent=Decimal(monthly_income) * 100 / Decimal(median),
            entry=entry,
        )


# --------------------------------------------------------------------------------------- 병역 연장


class MilitaryExtension(SourcedFact):
    label: str
    cap_months: int = Field(gt=0)
    article: str = Field(min_length=1)

    def counted_months(self, service_months: int) -> int:
        """The service months that extend the youth age ceiling (actual service, at most the cap)."""
        return min(service_months, self.cap_months)


class MilitaryServiceTable(FactTable):
    name: Literal["military_service"]
    extensions: dict[str, MilitaryExtension] = Field(min_length=1)


# --------------------------------------------------------------------------------------- 최저임금


class MinimumWageYear(SourcedFact):
    hourly: int = Field(gt=0)  # 원/시간
    monthly_209h: int = Field(gt=0)  # 주 40시간 + 주휴 = 월 209시간 환산액 (a cross-check of ``hourly``)
    notice: str = Field(min_length=1)  # the 고시 it comes from

    @model_validator(mode="after")
    def _monthly_is_209_hours(self) -> Self:
        if self.monthly_209h != self.hourly * 209:
            raise ValueError(f"monthly_209h {self.monthly_209h} != hourly {self.hourly} × 209")
        return self


class MinimumWageTable(ByYearTable[MinimumWageYear]):
    name: Literal["minimum_wage"]

    @model_validator(mode="after")
    def _one_calendar_year_each(self) -> Self:
        for year, entry in self.years.items():
            if (entry.effective_from, entry.effective_to) != (date(year, 1, 1), date(year, 12, 31)):
                raise ValueError(f"years.{year}: a 최저임금 is in force from 1 January to 31 December of its year")
        return self

    def hourly(self, year: int) -> int | None:
        """The 시간급 of exactly ``year`` (``None`` when the table does not have it)."""
        entry = self.years.get(year)
        return None if entry is None else entry.hourly


# --------------------------------------------------------------------------------------- 임금 월 환산 기준


class Conversion(SourcedFact):
    value: float = Field(gt=0)
    formula: str = Field(min_length=1)  # how the figure is reached (Korean)


class WholeConversion(Conversion):
    value: int = Field(gt=0)  # a whole number of hours (209), so 원 × hours stays a whole 원


class PayConversionTable(FactTable):
    name: Literal["pay_conversion"]
    full_time_monthly_hours: WholeConversion  # 209: 시급 → 월급 of a full-time job (주휴 included)
    weeks_per_month: Conversion  # 4.345: 주 → 월 without 주휴
    workdays_per_month: Conversion  # 21.75: 일급 → 월급 (주5일)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if round((40 + 8) * self.weeks_per_month.value) != self.full_time_monthly_hours.value:
            raise ValueError("full_time_monthly_hours is not (40 + 8 h) × weeks_per_month, rounded")
        if round(self.exact_weeks_per_month(), 3) != Decimal(str(self.weeks_per_month.value)):
            raise ValueError("weeks_per_month is not 365 ÷ 7 ÷ 12 rounded to 3 places")
        return self

    @staticmethod
    def exact_weeks_per_month() -> Decimal:
        """365 ÷ 7 ÷ 12 unrounded (최저임금법 시행령 제5조 월 환산: the posting check's 소정근로시간 × 주 수);
        ``weeks_per_month.value`` (4.345) is this rounded."""
        return Decimal(365) / Decimal(7) / Decimal(12)


# --------------------------------------------------------------------------------------- 제주 읍·면·동 대표 지점


class JejuDistrict(_Strict):
    city: Literal["제주시", "서귀포시"]
    admin_code: str = Field(pattern=r"^50(11|13)\d{6}$")  # 행정구역 코드
    lat: float = Field(ge=33.1, le=34.0)
    lon: float = Field(ge=126.1, le=127.0)
    aliases: list[str] = Field(default_factory=list)  # informal names people type (함덕, 신제주 …)


class JejuDistrictsTable(FactTable):
    name: Literal["jeju_districts"]
    point: str  # what the coordinate stands for
    provenance: SourcedFact
    districts: dict[str, JejuDistrict] = Field(min_length=1)

    @model_validator(mode="after")
    def _all_43(self) -> Self:
        cities = [d.city for d in self.districts.values()]
        if (cities.count("제주시"), cities.count("서귀포시")) != (26, 17):
            raise ValueError("districts: expected the 26 제주시 and 17 서귀포시 읍·면·동")
        city_of_alias: dict[str, str] = {}
        for name, d in self.districts.items():
            for alias in d.aliases:
                if city_of_alias.setdefault(alias, d.city) != d.city:
                    raise ValueError(f"districts.{name}: alias {alias!r} names 읍·면·동 of both 행정시")
        return self

    def of_city(self, city: str) -> tuple[str, ...]:
        """The 읍·면·동 of one 행정시, in the table's order."""
        return tuple(name for name, d in self.districts.items() if d.city == city)

    def city_of(self) -> dict[str, str]:
        """읍·면·동 → 행정시."""
        return {name: d.city for name, d in self.districts.items()}

    def resolve(self, place: str) -> str | None:
        """The 읍·면·동 a name or alias stands for ("함덕" → "조천읍"), ``None`` when unknown."""
        text = place.strip().removeprefix("제주특별자치도").removeprefix("제주").strip()
        for word in reversed(text.split()):
            if word in self.districts:
                return word
            for name, entry in self.districts.items():
                if word in entry.aliases:
                    return name
        return None


# --------------------------------------------------------------------------------------- loading

FACT_MODELS: dict[str, type[FactTable]] = {
    "median_income": MedianIncomeTable,
    "military_service": MilitaryServiceTable,
    "minimum_wage": MinimumWageTable,
    "jeju_districts": JejuDistrictsTable,
    "pay_conversion": PayConversionTable,
}

ModelT = TypeVar("ModelT", bound=BaseModel)
TableT = TypeVar("TableT", bound=FactTable)


def _format_errors(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or '<top level>'}: {err['msg']}" for err in exc.errors()
    )


def load_yaml_model(path: Path, model: type[ModelT], error: type[ValueError]) -> ModelT:
    """Read ``path`` (YAML) and validate it as ``model``; any problem raises ``error`` naming the file and key."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise error(f"{path}: cannot read file: {exc}") from exc
    except yaml.YAMLError as exc:
        raise error(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise error(f"{path}: <top level>: expected a mapping, got {type(raw).__name__}")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise error(f"{path}: {_format_errors(exc)}") from exc


def load_facts_file(path: Path, model: type[TableT]) -> TableT:
    """Read and validate one facts file; any problem raises :class:`FactsFileError` with the file and key."""
    table = load_yaml_model(path, model, FactsFileError)
    if table.name != path.stem:
        raise FactsFileError(f"{path}: name: {table.name!r} is not the file name {path.stem!r}")
    return table


@cache
def load_facts(name: str) -> FactTable:
    """The validated facts table ``name`` (cached). Unknown names raise ``KeyError`` listing the known ones."""
    model = FACT_MODELS.get(name)
    if model is None:
        raise KeyError(f"unknown facts table {name!r}; known: {', '.join(FACT_MODELS)}")
    return load_facts_file(FACTS_DIR / f"{name}.yaml", model)


def _typed(name: str, model: type[TableT]) -> TableT:
    table = load_facts(name)
    if not isinstance(table, model):  # pragma: no cover - guarded by FACT_MODELS
        raise TypeError(f"{name}: expected {model.__name__}")
    return table


def median_income() -> MedianIncomeTable:
    """기준 중위소득 by year × household size."""
    return _typed("median_income", MedianIncomeTable)


def military_service() -> MilitaryServiceTable:
    """Youth age-ceiling extensions by military service, per program."""
    return _typed("military_service", MilitaryServiceTable)


def minimum_wage() -> MinimumWageTable:
    """최저임금 시간급 by year."""
    return _typed("minimum_wage", MinimumWageTable)


def pay_conversion() -> PayConversionTable:
    """The monthly-pay conversion constants (209시간, 4.345주, 21.75일)."""
    return _typed("pay_conversion", PayConversionTable)


def jeju_districts() -> JejuDistrictsTable:
    """The 43 Jeju 읍·면·동 with an approximate point each (commute distances)."""
    return _typed("jeju_districts", JejuDistrictsTable)

def validate_all_facts() -> list[str]:
    """Load every bundled facts table (raises on the first broken one); returns their names."""
    for name in FACT_MODELS:
        load_facts(name)
    return list(FACT_MODELS)


__all__ = [
    "FACTS_DIR",
    "FACT_MODELS",
    "FactTable",
    "FactsFileError",
    "InForce",
    "IncomeShare",
    "JejuDistrict",
    "JejuDistrictsTable",
    "MedianIncomeTable",
    "MedianIncomeYear",
    "MilitaryExtension",
    "MilitaryServiceTable",
    "MinimumWageTable",
    "MinimumWageYear",
    "PayConversionTable",
    "Conversion",
    "WholeConversion",
    "SourcedFact",
    "load_facts",
    "load_facts_file",
    "jeju_districts",
    "load_yaml_model",
    "median_income",
    "military_service",
    "minimum_wage",
    "nearest_year",
    "pay_conversion",
    "validate_all_facts",
]
