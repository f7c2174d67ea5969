"""load_jobs: list/detail/bundled XML, CSV encodings, and every rejection reason with its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.sources import ParseResult, load_jobs
from ingest.sources.jobs import (
    CloseDate,
    hourly_equivalent,
    minimum_wage_for,
    monthly_pay,
    parse_amounts,
    parse_close_date,
    parse_wage_type,
    parse_weekly_hours,
)
from knowledge.records import job_payload
from knowledge.retrieval import job_satisfies
from knowledge.schemas import JobFilters, JobPosting

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "work24"
TODAY = date(2026, 11, 21)


def block_line(path: Path, record_id: str, tag: str = "<wanted>") -> int:
    """1-based line of the opening ``tag`` of the block holding ``record_id`` (first occurrence)."""
    lines = path.read_bytes().decode("utf-8-sig").splitlines()
    hit = next(i for i, line in enumerate(lines) if f">{record_id}<" in line)
    return next(i for i in range(hit, -1, -1) if lines[i].strip().startswith(tag)) + 1


def reasons_by_id(result: ParseResult[JobPosting]) -> dict[str | None, str]:
    return {r.record_id: r.reason for r in result.rejections}


def test_list_page_with_bom_normalizes_fields() -> None:
    path = FIXTURES / "jobs_list_bom.xml"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = load_jobs(path, today=TODAY)
    assert result.rejections == []
    jobs = {j.id: j for j in result.records}
    assert len(jobs) == 3

    front = jobs["K151612611030011"]
    assert (front.region, front.district) == ("서귀포시", "중문동")
    assert front.employment_type == "정규직" and front.wage_type == "월급"
    assert (front.monthly_pay_min, front.monthly_pay_max) == (2_500_000, 2_800_000)
    assert front.reg_date == date(2026, 11, 3) and front.close_date == date(2026, 12, 14)
    assert front.education == "고졸 ~ 대졸(4년)" and front.keco_code == "521201"
    assert front.address == "제주특별자치도 서귀포시 중문관광로 72 본관 1층"
    assert front.source_line == block_line(path, "K151612611030011")

    cafe = jobs["K151612610280042"]
    assert (cafe.region, cafe.district) == ("제주시", "애월읍")
    assert cafe.employment_type == "시간제"
    assert cafe.close_date is None and cafe.close_text == "채용시까지"
    # No weekly hours in a plain list record → the full-time rule (× 209).
    assert cafe.weekly_hours is None and cafe.monthly_pay_min == 11_000 * 209
    assert cafe.url is not None and cafe.url.endswith("wantedAuthNo=K151612610280042")

    citrus = jobs["K151612609150007"]
    assert citrus.employment_type == "일용직" and citrus.seasonal
    assert citrus.wage_type == "일급" and citrus.monthly_pay_min == round(120_000 * 21.75)
    # "채용시까지  26-12-31": open until filled, at the latest on 31 December.
    assert citrus.close_date == date(2026, 12, 31) and citrus.close_text == "채용시까지 26-12-31"


def test_detail_response_file() -> None:
    result = load_jobs(FIXTURES / "job_detail.xml", today=TODAY)
    assert result.rejections == []
    (job,) = result.records
    assert job.id == "K151612611100023" and job.company == "한라요양원"
    assert job.title == "요양보호사 시간제 모집 (주간)" and job.job_name == "요양보호사"
    assert (job.region, job.district) == ("제주시", "아라동")  # 법정동 영평동 → 행정동 아라동
    assert job.employment_type == "시간제" and job.wage_type == "시급"
    assert (job.wage_min, job.wage_max) == (11_500, 12_000)
    assert job.weekly_hours == 20.0
    assert job.monthly_pay_min == round(11_500 * 20 * 4.345)
    assert job.job_content is not None and "요양보호사 자격증" in job.job_content
    assert job.benefits is not None and "고용보험" in job.benefits and "명절 선물" in job.benefits


def test_error_response_is_one_clear_rejection() -> None:
    result = load_jobs(FIXTURES / "error.xml", today=TODAY)
    assert result.records == []
    (rej,) = result.rejections
    assert "API 오류" in rej.reason and "인증키가 유효하지 않습니다" in rej.reason
    assert rej.line == 2 and rej.file.endswith("error.xml")


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf  \n"])
def test_empty_file_is_one_rejection(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.xml"
    path.write_bytes(content)
    result = load_jobs(path, today=TODAY)
    assert result.records == []
    assert len(result.rejections) == 1 and "빈 파일" in result.rejections[0].reason


def test_list_without_records(tmp_path: Path) -> None:
    path = tmp_path / "zero.xml"
    path.write_text("<wantedRoot><total>0</total><startPage>1</startPage><display>10</display></wantedRoot>")
    result = load_jobs(path, today=TODAY)
    assert result.records == [] and len(result.rejections) == 1
    assert "0건" in result.rejections[0].reason


def test_broken_block_is_rejected_and_the_rest_loads() -> None:
    path = FIXTURES / "jobs_broken.xml"
    result = load_jobs(path, today=TODAY)
    assert [j.id for j in result.records] == ["K-OK-1", "K-OK-4"]
    lines = {r.record_id: r.line for r in result.rejections}
    assert lines == {"K-BROKEN-2": block_line(path, "K-BROKEN-2"), "K-BROKEN-3": block_line(path, "K-BROKEN-3")}
    assert all("XML 형식 오류" in r.reason for r in result.rejections)
    # The record after the block with the missing closing tag keeps its own line.
    assert result.records[1].source_line == block_line(path, "K-OK-4")


def test_duplicate_ids_keep_the_first() -> None:
    path = FIXTURES / "jobs_duplicates.xml"
    result = load_jobs(path, today=TODAY)
    assert [j.id for j in result.records] == ["K-DUP-A", "K-DUP-B"]
    assert result.records[0].company == "첫번째(주)"
    (rej,) = result.rejections
    first_line = block_line(path, "K-DUP-A")
    assert rej.record_id == "K-DUP-A" and rej.line is not None and rej.line > first_line
    assert "중복" in rej.reason and f"{first_line}행" in rej.reason


def test_minimum_wage_uses_the_registration_year() -> None:
    path = FIXTURES / "jobs_min_wage.xml"
    result = load_jobs(path, today=TODAY)
    assert sorted(j.id for j in result.records) == ["K-MW-2025-OK", "K-MW-2026-PART-OK"]
    reasons = reasons_by_id(result)
    assert set(reasons) == {"K-MW-2025-LOW", "K-MW-2026-LOW", "K-MW-2026-MONTH-LOW", "K-MW-2026-YEAR-LOW"}
    assert "2025년" in reasons["K-MW-2025-LOW"] and "10,030" in reasons["K-MW-2025-LOW"]
    for rid in ("K-MW-2026-LOW", "K-MW-2026-MONTH-LOW", "K-MW-2026-YEAR-LOW"):
        assert "2026년" in reasons[rid] and "10,320" in reasons[rid]
    assert all("최저임금법" in reason for reason in reasons.values())
    for rej in result.rejections:
        assert rej.line == block_line(path, str(rej.record_id))


@pytest.mark.parametrize(
    ("record_id", "expected"),
    [
        ("K-NO-COMPANY", "company"),
        ("K-SEOUL", "제주 지역 공고가 아닙니다"),
        ("K-ABSURD", "5천만원"),
        ("K-BAD-DATE", "regDt"),
        ("K-CLOSE-BEFORE", "등록일"),
        ("K-NO-CITY", "제주시/서귀포시"),
    ],
)
def test_rejection_reasons_with_lines(record_id: str, expected: str) -> None:
    path = FIXTURES / "jobs_invalid.xml"
    result = load_jobs(path, today=TODAY)
    rej = next(r for r in result.rejections if r.record_id == record_id)
    assert expected in rej.reason
    assert rej.line == block_line(path, record_id)
    assert rej.source == "work24-jobs"


def test_invalid_file_still_loads_the_valid_record() -> None:
    result = load_jobs(FIXTURES / "jobs_invalid.xml", today=TODAY)
    assert [(j.id, j.region, j.district) for j in result.records] == [("K-VALID", "서귀포시", "성산읍")]
    assert len(result.rejections) == 6


def test_cp949_csv_with_multiline_field() -> None:
    path = FIXTURES / "jobs_cp949.csv"
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    result = load_jobs(path, today=TODAY)
    assert [j.id for j in result.records] == ["K-CSV-1", "K-CSV-2", "K-CSV-4"]
    jobs = {j.id: j for j in result.records}
    assert jobs["K-CSV-1"].company == "서귀포감귤농협" and jobs["K-CSV-1"].district == "남원읍"
    assert jobs["K-CSV-2"].weekly_hours == 20.0 and jobs["K-CSV-2"].employment_type == "시간제"
    assert jobs["K-CSV-2"].source_line == 3
    # Row 3 starts on line 5 because row 2 spans lines 3-4 (quoted newline).
    (rej,) = result.rejections
    assert rej.line == 5 and "열 개수" in rej.reason
    assert jobs["K-CSV-4"].source_line == 6


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "euc-kr"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    text = (
        "wantedAuthNo,company,title,region,salTpNm,sal,regDt,closeDt\n"
        "K-E1,한경수산,양식장 관리원,제주 제주시 한경면,월급,월급 260만원 ~ 300만원,2026-11-01,채용시까지\n"
    )
    path = tmp_path / f"jobs_{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    result = load_jobs(path, today=TODAY)
    assert result.rejections == []
    (job,) = result.records
    assert job.company == "한경수산" and job.district == "한경면"
    assert (job.wage_min, job.wage_max) == (2_600_000, 3_000_000)  # parsed from the human "sal" text


def test_wage_rules() -> None:
    assert monthly_pay("월급", 2_500_000) == 2_500_000
    assert monthly_pay("연봉", 36_000_000) == 3_000_000
    assert monthly_pay("일급", 100_000) == 2_175_000
    assert monthly_pay("시급", 10_320) == 2_156_880  # the 2026 monthly minimum wage
    assert monthly_pay("시급", 10_000, 40) == 10_000 * 209
    assert monthly_pay("시급", 10_000, 20) == round(10_000 * 20 * 4.345)
    assert hourly_equivalent("월급", 2_156_880) == pytest.approx(10_320)
    assert hourly_equivalent("일급", 96_000, 48, 6) == pytest.approx(12_000)
    assert hourly_equivalent("월급", 1_200_000, 20) == pytest.approx(1_200_000 / 104.5)
    assert minimum_wage_for(2025) == 10_030 and minimum_wage_for(2026) == 10_320
    assert minimum_wage_for(2027) == 10_320  # 2027 not confirmed: last known rate
    assert minimum_wage_for(2020) is None


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("주 5일 근무, (오전) 9시 00분 ~ (오후) 6시 00분, 주 소정근로시간: 40시간", 40.0),
        ("주 3일, 1일 5시간, 주 15시간", 15.0),
        ("주 5일 근무 (오전) 9시 00분 ~ (오후) 6시 00분", 40.0),  # 9 h span minus 1 h break
        ("주 4일 근무 13:00 ~ 18:00", 18.0),  # 5 h span minus 30 min break
        ("근무시간 협의", None),
        (None, None),
    ],
)
def test_weekly_hours(text: str | None, hours: float | None) -> None:
    assert parse_weekly_hours(text) == hours


def test_sal_text_amounts() -> None:
    assert parse_amounts("월급 250만원 ~ 300만원") == [2_500_000, 3_000_000]
    assert parse_amounts("시급 10,500원 이상") == [10_500]
    assert parse_amounts("연봉 3,200만원") == [32_000_000]


# ------------------------------------------------------------------------------ real 고용24 answers


def test_real_list_page_loads_every_record() -> None:
    """One list page as 고용24 sends it: BOM, all on one line, 연봉 with maxSal 0, a sparse second record."""
    path = FIXTURES / "jobs_list_real.xml"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == 0
    result = load_jobs(path, today=TODAY)
    assert result.rejections == []
    jobs = {j.id: j for j in result.records}
    assert list(jobs) == ["K151612610010052", "K151612609170041", "K151612611150007", "K151612611050019"]

    qc = jobs["K151612610010052"]
    assert qc.company == "(주)제주바이오텍" and (qc.region, qc.district) == ("제주시", "노형동")
    # maxSal 0 = no maximum: the posting keeps its 연봉 3,600만원 floor, never a 0-won ceiling.
    assert (qc.wage_type, qc.wage_min, qc.wage_max) == ("연봉", 36_000_000, None)
    assert (qc.monthly_pay_min, qc.monthly_pay_max) == (3_000_000, 3_000_000)
    assert qc.close_date == date(2026, 11, 30) and qc.close_text == "채용시까지 26-11-30"
    assert qc.reg_date == date(2026, 10, 1)
    assert qc.url == "https://www.work24.go.kr/wk/a/b/1500/empDetailAuthView.do?wantedAuthNo=K151612610010052"

    sparse = jobs["K151612609170041"]  # no busino, indTpNm, edu, address, empTpCd, jobsCd, url
    assert (sparse.region, sparse.district) == ("서귀포시", "대정읍")
    assert sparse.industry is None and sparse.education is None and sparse.address is None
    assert sparse.keco_code is None and sparse.employment_type == "기타"
    assert sparse.url is not None and sparse.url.endswith("wantedAuthNo=K151612609170041")
    assert sparse.close_date == date(2026, 10, 31)

    hotel = jobs["K151612611150007"]
    assert hotel.close_date is None and hotel.close_text == "상시채용"
    assert (hotel.wage_type, hotel.wage_min, hotel.wage_max) == ("시급", 10_320, None)

    mart = jobs["K151612611050019"]
    assert mart.reg_date == date(2026, 11, 5)  # regDt "20261105"
    assert (mart.wage_min, mart.wage_max, mart.close_date) == (2_300_000, 2_500_000, date(2026, 12, 4))
    assert all(j.wage_max is None or j.wage_max > 0 for j in result.records)


def test_open_postings_filter_uses_the_date_after_chaeyongsikkaji() -> None:
    """A "채용시까지 26-11-30" posting is open up to and including 30 November, closed from 1 December."""
    jobs = {j.id: j for j in load_jobs(FIXTURES / "jobs_list_real.xml", today=TODAY).records}
    open_only = JobFilters(open_only=True)

    def open_ids(day: date) -> set[str]:
        return {rid for rid, job in jobs.items() if job_satisfies(job, open_only, day)}

    assert open_ids(date(2026, 11, 21)) == {"K151612610010052", "K151612611150007", "K151612611050019"}
    assert "K151612610010052" in open_ids(date(2026, 11, 30))
    assert open_ids(date(2026, 12, 1)) == {"K151612611150007", "K151612611050019"}
    assert open_ids(date(2026, 12, 5)) == {"K151612611150007"}  # 상시채용 has no closing date
    # The index payload carries the same closing day for the Qdrant range filter.
    assert job_payload(jobs["K151612610010052"])["close_ord"] == date(2026, 11, 30).toordinal()


def test_real_detail_answer_keeps_the_wage_next_to_interview_wording() -> None:
    """Detail salTpNm "연봉36,000,000원 이상, 면접 후 재조정 가능" is a 연봉, not 면접후결정."""
    result = load_jobs(FIXTURES / "job_detail_real.xml", today=TODAY)
    assert result.rejections == []
    (job,) = result.records
    assert (job.wage_type, job.wage_min, job.wage_max) == ("연봉", 36_000_000, None)
    assert job.close_date is None and job.close_text == "채용시까지"
    assert (job.region, job.district) == ("제주시", "노형동") and job.weekly_hours == 40.0
    assert job.employment_type == "정규직" and job.education == "대졸(2~3년)-대졸(4년)"


CLOSE_FORMS = {
    "K151612611010001": date(2026, 12, 15),  # 26-12-15
    "K151612611010002": date(2026, 12, 20),  # 2026-12-20
    "K151612611010003": date(2026, 12, 24),  # 20261224
    "K151612611010004": date(2026, 12, 31),  # 2026.12.31
    "K151612611010005": None,  # 채용시까지
    "K151612611010006": date(2026, 11, 30),  # 채용시까지  26-11-30
    "K151612611010007": date(2026, 12, 5),  # 채용시까지 2026-12-05
    "K151612611010008": None,  # 상시
    "K151612611010009": None,  # 상시채용
    "K151612611010010": None,  # <closeDt></closeDt>
    "K151612611010011": None,  # 99-12-31 placeholder
    "K151612611010012": None,  # no closeDt element (regDt "261101")
}


def test_every_close_date_form_in_one_file() -> None:
    path = FIXTURES / "jobs_closedt_forms.xml"
    result = load_jobs(path, today=TODAY)
    jobs = {j.id: j for j in result.records}
    assert {rid: j.close_date for rid, j in jobs.items()} == CLOSE_FORMS
    assert jobs["K151612611010012"].reg_date == date(2026, 11, 1)
    for job in jobs.values():
        assert job.source_line == block_line(path, job.id)


@pytest.mark.parametrize(
    ("record_id", "expected"),
    [
        ("K151612611010013", "마감일(closeDt)을 읽을 수 없습니다 ('26-13-40')"),
        ("K151612611010014", "마감일(closeDt)을 읽을 수 없습니다 ('12월 중순')"),
        ("K151612611010015", "마감일(2026-10-15)이 등록일(2026-11-01)보다 빠릅니다"),
        ("K151612611010016", "필수 항목이 없습니다: title(채용제목)"),
        ("K151612611010017", "등록일(regDt) 날짜를 읽을 수 없습니다 ('2611')"),
    ],
)
def test_close_date_file_rejections_name_line_and_reason(record_id: str, expected: str) -> None:
    path = FIXTURES / "jobs_closedt_forms.xml"
    result = load_jobs(path, today=TODAY)
    assert len(result.rejections) == 5
    rej = next(r for r in result.rejections if r.record_id == record_id)
    assert expected in rej.reason and " — " in rej.reason  # what is wrong, then what to do
    assert rej.line == block_line(path, record_id) and rej.file.endswith("jobs_closedt_forms.xml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26-11-30", CloseDate(date(2026, 11, 30), False)),
        ("2026-11-30", CloseDate(date(2026, 11, 30), False)),
        ("2026.11.30", CloseDate(date(2026, 11, 30), False)),
        ("20261130", CloseDate(date(2026, 11, 30), False)),
        ("채용시까지", CloseDate(None, True)),
        ("채용 시까지", CloseDate(None, True)),
        ("채용시까지  26-11-30", CloseDate(date(2026, 11, 30), True)),
        ("채용시까지 2026-11-30", CloseDate(date(2026, 11, 30), True)),
        ("상시", CloseDate(None, True)),
        ("상시채용", CloseDate(None, True)),
        ("상시 채용", CloseDate(None, True)),
        ("99-12-31", CloseDate(None, True)),
        ("20991231", CloseDate(None, True)),
        ("", CloseDate(None, False)),
        ("  ", CloseDate(None, False)),
        (None, CloseDate(None, False)),
    ],
)
def test_parse_close_date_forms(text: str | None, expected: CloseDate) -> None:
    assert parse_close_date(text) == expected


@pytest.mark.parametrize("text", ["26-13-40", "12월 중순", "마감", "채용시까지 26-02-30"])
def test_parse_close_date_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_close_date(text)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"salTpNm": "연봉41,000,000원 이상, 면접 후 재조정 가능"}, "연봉"),
        ({"salTpNm": "연봉30,000,000원 이상 ~ 35,000,000원 이하,"}, "연봉"),
        ({"salTpNm": "면접 후 결정"}, "면접후결정"),
        ({"sal": "회사내규에 따름"}, "면접후결정"),
        ({"salTpNm": "시급 면접 후 결정"}, "면접후결정"),
        ({"salTpCd": "M", "salTpNm": "면접 후 결정"}, "월급"),
    ],
)
def test_wage_type_wording(fields: dict[str, str], expected: str) -> None:
    assert parse_wage_type(fields) == expected


def test_empty_search_answer_reports_the_api_message(tmp_path: Path) -> None:
    path = tmp_path / "empty_search.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><wantedRoot><message>정보가 존재하지 않습니다.</message>'
                    "<messageCd>006</messageCd></wantedRoot>", encoding="utf-8")
    result = load_jobs(path, today=TODAY)
    (rej,) = result.rejections
    assert result.records == [] and "0건" in rej.reason and "정보가 존재하지 않습니다" in rej.reason
