"""고용24 채용정보 → :class:`knowledge.schemas.JobPosting`.

Accepted inputs (``load_jobs``)
-------------------------------
* **List response** (``callOpenApiSvcInfo210L01.do``, ``callTp=L``): root ``<wantedRoot>`` with ``<total>``,
  ``<startPage>``, ``<display>`` and repeated ``<wanted>`` holding the list fields.
* **Bundled list + detail** (the format of the shipped Jeju sample and of ``Work24Client.fetch_to_file`` with
  details): the same ``<wanted>`` blocks, each with a nested ``<wantedDtl>`` child that carries the detail
  response's groups (``<wantedInfo>`` … and optionally ``<corpInfo>``). One block = one complete posting, so
  each posting can be parsed, line-numbered and rejected on its own.
* **Detail responses** (``callOpenApiSvcInfo210D01.do``, ``callTp=D``): one or more ``<wantedDtl>`` roots with
  ``<wantedAuthNo>``, ``<corpInfo>`` and ``<wantedInfo>`` (used when a file has no ``<wanted>`` block).
* **CSV exports** whose header row uses the API field names (list and/or detail fields), in UTF-8 with or
  without BOM or CP949/EUC-KR.

Every record is parsed separately: a malformed block, a missing field or an implausible value produces a
:class:`~knowledge.schemas.Rejection` (file, starting line, id, Korean reason that says what to fix) and the
rest still loads. An ``<error>`` response or an empty file gives one rejection. Duplicate ids: the first wins.

Normalization
-------------
* ``region``/``district``: "제주 제주시 애월읍" → ("제주시", "애월읍"); postings outside Jeju are rejected.
* ``employment_type`` from ``empTpCd`` (고용24 codes): 10 기간의 정함이 없는 근로계약 → 정규직,
  20 기간의 정함이 있는 근로계약 → 계약직, 11/21 (시간선택제) → 시간제, 4 파견근로 → 기타; the detail text
  ``empTpNm`` is used when the code is missing; "일용" in the title/type → 일용직.
* ``wage_type`` from ``salTpNm``/``salTpCd`` (H 시급, D 일급, M 월급, Y 연봉); "면접 후 결정"/"회사내규" or no amount
  → 면접후결정. ``wage_min``/``wage_max`` = ``minSal``/``maxSal`` in 원, else parsed from ``sal``
  ("월급 250만원 ~ 300만원"); 월급/연봉/일급 values below 10,000 are read as 만원.
* ``monthly_pay_min``/``max`` (원/월): 월급 as is; 연봉 ÷ 12; 일급 × 21.75 (주5일); 시급 × 209 when the
  posting is full-time (no weekly hours stated, or ≥ 40 h), else 시급 × weekly hours × 4.345 (주휴수당 not
  added — a conservative figure). When only one bound is given, both monthly bounds use it.
* ``weekly_hours`` from ``workdayWorkhrCont`` ("주 소정근로시간: 40시간", "주 20시간", or "주 5일 … 9시 ~ 18시"
  minus the 근로기준법 제54조 break).
* Minimum-wage check (최저임금법 제6조) against the registration year (or ``today``'s year without ``regDt``):
  hourly equivalent = 시급; 일급 ÷ daily hours (weekly hours ÷ days, default 8 h); 월급 ÷ 209 h for full-time
  or ÷ (209 × weekly hours ÷ 40) for part-time ≥ 15 h (주휴 included) or ÷ (weekly hours × 4.345) below 15 h;
  연봉 ÷ 12 then as 월급. Years after the last known 고시 use the last known rate.
* Absurd wage: a normalized monthly pay above 50,000,000원 is rejected (usually a 원/만원 unit mix-up).
* ``close_date`` (:func:`parse_close_date`, one function for every ``closeDt``/``receiptCloseDt`` form seen in
  고용24): a plain date (``26-11-30``, ``2026-11-30``, ``2026.11.30``, ``20261130``) → that date; "채용시까지",
  "상시", "상시채용" or blank → None (no fixed date); "채용시까지  26-11-30" (open until filled, at the latest
  that day) → 2026-11-30, so "open postings" filters drop it after that day; a 2099 placeholder date → None.
  When the list says "채용시까지" and the detail has a date (or the other way round) the dated one wins.
  ``close_text`` keeps the 고용24 wording (spaces collapsed). A close date before the registration date, or a
  ``closeDt`` that is neither a date nor a known wording, is rejected.
* ``maxSal`` 0 (고용24's "no maximum", common with 연봉) → ``wage_max`` None, never a 0-won maximum.
* Optional fields (everything but ``wantedAuthNo``, title, company and region) may be missing or blank.
* ``seasonal`` when the title/content mentions 계절·시즌·성수기·수확·하계·동계 …
* ``url`` = ``wantedInfoUrl`` or the 고용24 detail page pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from knowledge import facts
from knowledge.schemas import EmploymentType, JobPosting, WageType

from ._common import (
    ParseResult,
    RawRecord,
    RecordError,
    SourceSpec,
    find_date,
    first,
    load_records,
    parse_date,
    parse_int,
)
from .regions import parse_jeju_region

SOURCE = "work24-jobs"
DETAIL_URL = "https://www.work24.go.kr/wk/a/b/1200/retriveDtlEmpSrchList.do?wantedAuthNo={id}"

_PAY = facts.pay_conversion()  # knowledge/facts/pay_conversion.yaml
FULL_TIME_MONTHLY_HOURS = _PAY.full_time_monthly_hours.value  # 209: (40 h + 주휴 8 h) × 365 / 7 / 12, rounded
WEEKS_PER_MONTH = _PAY.weeks_per_month.value  # 4.345
WORKDAYS_PER_MONTH = _PAY.workdays_per_month.value  # 21.75 (주5일)
ABSURD_MONTHLY_PAY = 50_000_000

EMP_TP_CODES: dict[str, EmploymentType] = {
    "10": "정규직",  # 기간의 정함이 없는 근로계약
    "11": "시간제",  # 기간의 정함이 없는 근로계약(시간선택제)
    "20": "계약직",  # 기간의 정함이 있는 근로계약
    "21": "시간제",  # 기간의 정함이 있는 근로계약(시간선택제)
    "4": "기타",  # 파견근로
}
SAL_TP_CODES: dict[str, WageType] = {"H": "시급", "D": "일급", "M": "월급", "Y": "연봉"}
SEASONAL_WORDS = ("계절", "시즌", "성수기", "수확", "하계", "동계", "여름철", "겨울철", "농번기", "방학")
# closeDt wordings without a fixed date ("상시" covers 상시채용/상시 모집; spaces are removed before matching).
OPEN_ENDED_WORDS = ("채용시까지", "채용시마감", "마감시까지", "상시", "수시")
NO_DEADLINE_YEAR = 2099  # 2099-12-31 / 99-12-31 is a "no deadline" placeholder, not a date anyone means

_SPEC = SourceSpec(source=SOURCE, block_tags=("wanted", "wantedDtl"), id_field="wantedAuthNo", label="채용공고")


def load_jobs(path: Path, *, today: date) -> ParseResult[JobPosting]:
    """Load a 고용24 채용정보 XML (list, list+detail, detail) or CSV file; see the module docstring."""
    return load_records(path, _SPEC, lambda raw: build_job(raw, today=today), lambda job: job.id)


# ----------------------------------------------------------------------------------------------- wages


def minimum_wage_for(year: int) -> int | None:
    """최저임금 시간급 of ``year`` (knowledge/facts/minimum_wage.yaml); the last known rate for later years; None
    before the table starts."""
    table = facts.minimum_wage()
    if year < min(table.years):
        return None
    return table.entry_for(year).hourly


def is_full_time(weekly_hours: float | None) -> bool:
    return weekly_hours is None or weekly_hours >= 40


def monthly_pay(wage_type: WageType, amount: int | None, weekly_hours: float | None = None) -> int | None:
    """Normalized monthly pay in 원 (rule in the module docstring)."""
    if amount is None:
        return None
    if wage_type == "월급":
        return amount
    if wage_type == "연봉":
        return round(amount / 12)
    if wage_type == "일급":
        return round(amount * WORKDAYS_PER_MONTH)
    if wage_type == "시급":
        if weekly_hours is None or is_full_time(weekly_hours):
            return amount * FULL_TIME_MONTHLY_HOURS
        return round(amount * weekly_hours * WEEKS_PER_MONTH)
    return None


def paid_monthly_hours(weekly_hours: float | None) -> float:
    """Monthly paid hours used to turn a monthly wage into an hourly one (주휴 included from 15 h/week)."""
    if weekly_hours is None or is_full_time(weekly_hours):
        return float(FULL_TIME_MONTHLY_HOURS)
    if weekly_hours >= 15:
        return FULL_TIME_MONTHLY_HOURS * weekly_hours / 40
    return weekly_hours * WEEKS_PER_MONTH


def hourly_equivalent(
    wage_type: WageType, amount: int | None, weekly_hours: float | None = None, work_days: int | None = None
) -> float | None:
    """Hourly wage implied by a wage amount, for the minimum-wage check."""
    if amount is None:
        return None
    if wage_type == "시급":
        return float(amount)
    if wage_type == "일급":
        if weekly_hours and work_days:
            daily = weekly_hours / work_days
        elif weekly_hours:
            daily = min(8.0, weekly_hours / 5)
        else:
            daily = 8.0
        return amount / daily if daily > 0 else None
    if wage_type == "월급":
        return amount / paid_monthly_hours(weekly_hours)
    if wage_type == "연봉":
        return amount / 12 / paid_monthly_hours(weekly_hours)
    return None


def job_hourly_equivalent(job: JobPosting) -> float | None:
    """Hourly equivalent of a loaded posting's lower wage bound (None for 면접후결정)."""
    amount = job.wage_min if job.wage_min is not None else job.wage_max
    days = parse_work_days(job.work_schedule or "")
    return hourly_equivalent(job.wage_type, amount, job.weekly_hours, days)


# -------------------------------------------------------------------------------------------- schedule

_WEEKLY_HOURS = re.compile(r"주\s*(?:소정)?\s*(?:근로|근무)?\s*시간\s*[:：]?\s*(\d+(?:\.\d+)?)\s*시간")
_WEEKLY_HOURS_SHORT = re.compile(r"주\s*(\d+(?:\.\d+)?)\s*시간")
_WORK_DAYS = re.compile(r"주\s*(\d)\s*일")
_TIME = r"(?:\(?(오전|오후)\)?\s*)?(\d{1,2})\s*(?:시|:)\s*(?:(\d{1,2})\s*분?)?"
_SPAN = re.compile(_TIME + r"\s*[~\-–]\s*" + _TIME)


def parse_work_days(text: str) -> int | None:
    m = _WORK_DAYS.search(text)
    if m and 1 <= int(m.group(1)) <= 7:
        return int(m.group(1))
    return None


def _clock(marker: str | None, hour: str, minute: str | None) -> float:
    h = int(hour) % 24
    if marker == "오후" and h < 12:
        h += 12
    return h + (int(minute) if minute else 0) / 60


def parse_weekly_hours(text: str | None) -> float | None:
    """Weekly working hours stated in ``workdayWorkhrCont``, or computed from days × daily span."""
    if not text:
        return None
    for pattern in (_WEEKLY_HOURS, _WEEKLY_HOURS_SHORT):
        m = pattern.search(text)
        if m:
            hours = float(m.group(1))
            return hours if 0 < hours <= 80 else None
    days = parse_work_days(text)
    span = _SPAN.search(text)
    if days is None or span is None:
        return None
    start = _clock(span.group(1), span.group(2), span.group(3))
    end = _clock(span.group(4), span.group(5), span.group(6))
    if end <= start and span.group(4) is None:
        end += 12
    if end <= start:
        end += 24
    length = end - start
    work = length - 1 if length >= 9 else length - 0.5 if length > 4 else length  # 근로기준법 제54조 휴게
    return round(work * days, 1)


# ----------------------------------------------------------------------------------------- field parsing

_WAGE_WORDS: tuple[tuple[str, WageType], ...] = (
    ("시급", "시급"), ("시간", "시급"), ("일급", "일급"), ("일당", "일급"), ("월급", "월급"), ("연봉", "연봉"),
)
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(만\s*원|만|원)?")


def parse_wage_type(fields: dict[str, str]) -> WageType | None:
    code = (fields.get("salTpCd") or "").strip().upper()
    if code in SAL_TP_CODES:
        return SAL_TP_CODES[code]
    for text in (fields.get("salTpNm"), fields.get("sal")):
        if not text:
            continue
        kind = next((value for key, value in _WAGE_WORDS if key in text), None)
        negotiable = any(k in text for k in ("면접", "협의", "내규"))
        # "연봉41,000,000원 이상, 면접 후 재조정 가능" (detail salTpNm) states a wage; "면접 후 결정" does not.
        if kind is not None and (not negotiable or re.search(r"\d", text)):
            return kind
        if negotiable:
            return "면접후결정"
    return None


def parse_amounts(text: str | None) -> list[int]:
    """Amounts in 원 from "월급 250만원 ~ 300만원" / "시급 10,500원 이상"."""
    if not text:
        return []
    out: list[int] = []
    for number, unit in _AMOUNT.findall(text):
        value = float(number.replace(",", ""))
        if unit and unit.startswith("만"):
            value *= 10_000
        out.append(round(value))
    return out


def _scale_manwon(wage_type: WageType, amount: int | None) -> int | None:
    if amount is None or amount <= 0:
        return None
    if wage_type in ("월급", "연봉", "일급") and amount < 10_000:
        return amount * 10_000
    return amount


def parse_employment_type(fields: dict[str, str]) -> EmploymentType:
    title = fields.get("title") or fields.get("wantedTitle") or ""
    name = fields.get("empTpNm") or ""
    if "일용" in name or "일용" in title:
        return "일용직"
    code = (fields.get("empTpCd") or "").strip()
    if code in EMP_TP_CODES:
        return EMP_TP_CODES[code]
    if "파견" in name:
        return "기타"
    if "시간" in name:
        return "시간제"
    if "정함이 없는" in name or "정규" in name:
        return "정규직"
    if "정함이 있는" in name or "계약" in name or "기간제" in name:
        return "계약직"
    return "기타"


def _seasonal(*texts: str | None) -> bool:
    joined = " ".join(t for t in texts if t)
    return any(word in joined for word in SEASONAL_WORDS)


def _education(fields: dict[str, str]) -> str | None:
    low, high = fields.get("minEdubg"), fields.get("maxEdubg")
    if low and high and high != low:
        return f"{low} ~ {high}"
    return low or high or fields.get("eduNm")


def _benefits(fields: dict[str, str]) -> str | None:
    parts = []
    if fields.get("fourIns"):
        parts.append(f"4대보험: {fields['fourIns']}")
    retire = fields.get("retirepay")
    if retire:
        parts.append(retire if "퇴직" in retire else f"퇴직금: {retire}")
    if fields.get("etcWelfare"):
        parts.append(f"복리후생: {fields['etcWelfare']}")
    return "; ".join(parts) or None


# ------------------------------------------------------------------------------------------ close date


@dataclass(frozen=True)
class CloseDate:
    """A parsed ``closeDt``: the last day applications are taken (None = no fixed date) and whether the
    posting may also close earlier, when filled (채용시까지/상시)."""

    day: date | None
    until_filled: bool


def parse_close_date(text: str | None) -> CloseDate:
    """Every 고용24 ``closeDt``/``receiptCloseDt`` form in one place (see the module docstring).

    Raises ``ValueError`` for text that is neither a date nor a known open-ended wording, and for an
    impossible date ("26-13-40").
    """
    if text is None or not text.strip():
        return CloseDate(None, False)
    compact = re.sub(r"\s+", "", text)
    until_filled = any(word in compact for word in OPEN_ENDED_WORDS)
    day = find_date(text)
    if day is not None and day.year >= NO_DEADLINE_YEAR:
        return CloseDate(None, True)
    if day is None and not until_filled:
        raise ValueError(f"unknown closing date: {text!r}")
    return CloseDate(day, until_filled)


def _close(f: dict[str, str], job_id: str | None) -> tuple[CloseDate, str | None]:
    """The closing date of a posting from the list ``closeDt`` and the detail ``receiptCloseDt``."""
    parsed: list[tuple[CloseDate, str]] = []
    for name in ("closeDt", "receiptCloseDt"):
        text = f.get(name)
        if not text:
            continue
        try:
            parsed.append((parse_close_date(text), " ".join(text.split())))
        except ValueError:
            if name == "closeDt" or not parsed:
                raise RecordError(
                    f"마감일({name})을 읽을 수 없습니다 ('{text}') — 예: 26-11-30, 2026-11-30, 채용시까지, "
                    "채용시까지 26-11-30, 상시채용",
                    job_id,
                ) from None
    if not parsed:
        return CloseDate(None, False), None
    return next((p for p in parsed if p[0].day is not None), parsed[0])


# ---------------------------------------------------------------------------------------------- build


def build_job(raw: RawRecord, *, today: date) -> JobPosting:
    """Normalize one raw posting; raises :class:`RecordError` with a Korean reason."""
    f = raw.fields
    job_id = f.get("wantedAuthNo")
    title = first(f, "title", "wantedTitle")
    company = first(f, "company", "corpNm")
    region_text = first(f, "region", "workRegion", "basicAddr", "corpAddr")
    missing = [name for name, value in (("wantedAuthNo(구인인증번호)", job_id), ("title(채용제목)", title),
                                        ("company(회사명)", company), ("region(근무지역)", region_text)) if not value]
    if missing:
        raise RecordError(f"필수 항목이 없습니다: {', '.join(missing)} — 원본에 값을 채워 다시 올리세요", job_id)
    assert job_id and title and company and region_text

    region = parse_jeju_region(region_text)
    if region is not None and region.in_jeju and region.city is None:
        region = parse_jeju_region(first(f, "basicAddr", "workRegion", "corpAddr")) or region
    if region is None or not region.in_jeju:
        raise RecordError(f"제주 지역 공고가 아닙니다 (근무지역: {region_text}) — 제주 공고만 올려 주세요", job_id)
    if region.city is None:
        raise RecordError(
            f"근무지역에 제주시/서귀포시 구분이 없습니다 ({region_text}) — region 또는 basicAddr에 시를 적어 주세요", job_id
        )

    reg_date = _date_field(f, ("regDt",), "등록일(regDt)", job_id)
    close, close_text = _close(f, job_id)
    close_date = close.day
    if reg_date and close_date and close_date < reg_date:
        raise RecordError(
            f"마감일({close_date})이 등록일({reg_date})보다 빠릅니다 — closeDt/regDt를 확인하세요", job_id
        )

    schedule = f.get("workdayWorkhrCont")
    weekly_hours = parse_weekly_hours(schedule)
    wage_type, wage_min, wage_max = _wages(f, job_id)
    monthly_min = monthly_pay(wage_type, wage_min if wage_min is not None else wage_max, weekly_hours)
    monthly_max = monthly_pay(wage_type, wage_max if wage_max is not None else wage_min, weekly_hours)
    if max(monthly_min or 0, monthly_max or 0) > ABSURD_MONTHLY_PAY:
        raise RecordError(
            f"임금이 비정상적으로 큽니다 (월 환산 {max(monthly_min or 0, monthly_max or 0):,}원 > 5천만원) "
            "— 금액 단위(원/만원)를 확인하세요",
            job_id,
        )
    year = reg_date.year if reg_date else today.year
    _check_minimum_wage(wage_type, wage_min if wage_min is not None else wage_max, weekly_hours,
                        parse_work_days(schedule or ""), year, job_id)

    address = " ".join(p for p in (f.get("basicAddr"), f.get("detailAddr")) if p) or f.get("corpAddr")
    keco = f.get("jobsCd")
    return JobPosting(
        id=job_id,
        title=title,
        company=company,
        region=region.city,
        district=region.district,
        address=address,
        industry=first(f, "indTpNm", "indTpCdNm"),
        keco_code=keco if keco and re.fullmatch(r"\d{6}", keco) else None,
        job_name=f.get("jobsNm"),
        employment_type=parse_employment_type(f),
        wage_type=wage_type,
        wage_min=wage_min,
        wage_max=wage_max,
        monthly_pay_min=monthly_min,
        monthly_pay_max=monthly_max,
        weekly_hours=weekly_hours,
        work_schedule=schedule,
        education=_education(f),
        career=first(f, "career", "enterTpNm"),
        benefits=_benefits(f),
        job_content=f.get("jobCont"),
        seasonal=_seasonal(title, f.get("jobCont"), f.get("empTpNm")),
        reg_date=reg_date,
        close_date=close_date,
        close_text=close_text,
        url=f.get("wantedInfoUrl") or DETAIL_URL.format(id=job_id),
        source_line=raw.line,
    )


def _date_field(f: dict[str, str], names: tuple[str, ...], label: str, job_id: str | None) -> date | None:
    text = first(f, *names)
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise RecordError(f"{label} 날짜를 읽을 수 없습니다 ('{text}') — 예: 26-11-03 또는 2026-11-03", job_id) from None


def _wages(f: dict[str, str], job_id: str | None) -> tuple[WageType, int | None, int | None]:
    wage_type = parse_wage_type(f)
    amounts = parse_amounts(f.get("sal")) or parse_amounts(f.get("salTpNm"))  # detail: "시급 11,500원 ~ 12,000원"
    if wage_type is None:
        if amounts or parse_int(f.get("minSal")):
            raise RecordError("임금형태(salTpNm: 시급/일급/월급/연봉)가 없습니다 — 임금형태를 적어 주세요", job_id)
        return "면접후결정", None, None
    if wage_type == "면접후결정":
        return wage_type, None, None
    low = _scale_manwon(wage_type, parse_int(f.get("minSal")))
    high = _scale_manwon(wage_type, parse_int(f.get("maxSal")))
    if low is None and high is None and amounts:
        low = amounts[0]
        high = amounts[1] if len(amounts) > 1 else None
    if low is None and high is None:
        return "면접후결정", None, None
    if low is not None and high is not None and high < low:
        low, high = high, low
    return wage_type, low, high


def _check_minimum_wage(
    wage_type: WageType, amount: int | None, weekly_hours: float | None, days: int | None, year: int,
    job_id: str | None,
) -> None:
    minimum = minimum_wage_for(year)
    hourly = hourly_equivalent(wage_type, amount, weekly_hours, days)
    if minimum is None or hourly is None:
        return
    if hourly + 0.5 < minimum:  # tolerate rounding of monthly amounts
        raise RecordError(
            f"최저임금 미달: {wage_type} {amount:,}원 → 시간급 환산 {hourly:,.0f}원 < {year}년 최저임금 {minimum:,}원 "
            f"(최저임금법 제6조, {year}년 고시) — 임금(sal/minSal)이나 근로시간을 확인해 고치세요",
            job_id,
        )
