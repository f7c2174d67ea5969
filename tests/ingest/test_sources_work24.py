"""Work24Client against httpx.MockTransport: paging, retries, error bodies, BOM, key hygiene, fetch_to_file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
import pytest

from ingest.sources import Work24Client, Work24Error, load_jobs, load_training
from ingest.sources.work24 import JOBS_DETAIL_PATH, JOBS_LIST_PATH, TRAINING_LIST_PATH

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "work24"
KEY = "SECRET-KEY-123"
BOM = b"\xef\xbb\xbf"

Handler = Callable[[httpx.Request], httpx.Response]


def wanted(i: int) -> str:
    return (
        f"<wanted><wantedAuthNo>K{i:04d}</wantedAuthNo><company>회사{i}</company><title>공고{i}</title>"
        f"<region>제주 제주시 연동</region><salTpNm>월급</salTpNm><minSal>2500000</minSal><maxSal>0</maxSal>"
        f"<regDt>26-11-0{1 + i % 9}</regDt><closeDt>채용시까지</closeDt></wanted>"
    )


def list_page(total: int, start: int, display: int) -> bytes:
    first = (start - 1) * display
    items = "".join(wanted(i) for i in range(first, min(total, first + display)))
    body = f'<?xml version="1.0" encoding="UTF-8"?><wantedRoot><total>{total}</total><startPage>{start}</startPage>'
    return BOM + (body + f"<display>{display}</display>{items}</wantedRoot>").encode()


def make_client(handler: Handler, sleeps: list[float] | None = None, **kw: object) -> Work24Client:
    record = sleeps if sleeps is not None else []
    return Work24Client(KEY, "https://work24.test", transport=httpx.MockTransport(handler), sleep=record.append,
                        **kw)  # type: ignore[arg-type]


def test_paging_by_total_and_display() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        q = request.url.params
        return httpx.Response(200, content=list_page(250, int(q["startPage"]), int(q["display"])))

    with make_client(handler) as client:
        pages = list(client.iter_job_pages(display=100, region="50000"))
    assert len(pages) == 3
    assert [int(r.url.params["startPage"]) for r in seen] == [1, 2, 3]
    for r in seen:
        assert r.url.path == JOBS_LIST_PATH
        assert r.url.params["callTp"] == "L" and r.url.params["returnType"] == "XML"
        assert r.url.params["authKey"] == KEY and r.url.params["region"] == "50000"
    assert all(p.startswith("<?xml") for p in pages)  # BOM stripped
    assert pages[2].count("<wanted>") == 50


def test_max_pages_limits_paging() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(int(request.url.params["startPage"]))
        return httpx.Response(200, content=list_page(1000, calls[-1], 10))

    with make_client(handler) as client:
        assert len(list(client.iter_job_pages(display=10, max_pages=3))) == 3
    assert calls == [1, 2, 3]


def test_retries_on_5xx_and_timeouts_then_succeeds(caplog: pytest.LogCaptureFixture) -> None:
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) == 1:
            return httpx.Response(503, text="busy")
        if len(attempts) == 2:
            raise httpx.ConnectTimeout("timed out", request=request)
        return httpx.Response(200, content=list_page(1, 1, 10))

    sleeps: list[float] = []
    with caplog.at_level(logging.DEBUG), make_client(handler, sleeps, max_retries=3, backoff_base=0.5) as client:
        text = client.fetch_jobs_page(1, 10)
    assert "<wantedAuthNo>K0000</wantedAuthNo>" in text
    assert len(attempts) == 3 and sleeps == [0.5, 1.0]
    assert KEY not in caplog.text


def test_retries_exhausted_raise_without_the_key() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot connect to {request.url}", request=request)

    sleeps: list[float] = []
    with make_client(handler, sleeps, max_retries=2) as client, pytest.raises(Work24Error) as info:
        client.fetch_job_detail("K1")
    assert len(sleeps) == 2 and sleeps[1] == 2 * sleeps[0]
    message = str(info.value)
    assert KEY not in message and "3회" in message and "after 3 attempts" in message


def test_error_body_raises_clear_error() -> None:
    body = BOM + (FIXTURES / "error.xml").read_bytes()

    with make_client(lambda r: httpx.Response(200, content=body)) as client, pytest.raises(Work24Error) as info:
        client.fetch_jobs_page(1)
    message = str(info.value)
    assert "인증키가 유효하지 않습니다" in message and "Work24 API error" in message


def test_4xx_is_not_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(401, text="unauthorized")

    sleeps: list[float] = []
    with make_client(handler, sleeps) as client, pytest.raises(Work24Error, match="HTTP 401"):
        client.fetch_jobs_page(1)
    assert calls == [1] and sleeps == []


def test_unexpected_body_is_an_error() -> None:
    html = "<html><body>점검 중입니다</body></html>".encode()
    with make_client(lambda r: httpx.Response(200, content=html)) as client, pytest.raises(Work24Error, match="wantedRoot"):
        client.fetch_jobs_page(1)


def test_missing_key_is_refused() -> None:
    with pytest.raises(Work24Error):
        Work24Client("", "https://work24.test")


def test_detail_and_training_parameters() -> None:
    seen: list[httpx.Request] = []
    detail = (FIXTURES / "job_detail.xml").read_bytes()
    training = (FIXTURES / "training_page.xml").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=detail if request.url.path == JOBS_DETAIL_PATH else training)

    with make_client(handler, training_auth_key="TRAINING-KEY") as client:
        assert "<wantedDtl>" in client.fetch_job_detail("K151612611100023")
        assert "<HRDNet>" in client.fetch_training_page(1, 50, date(2026, 11, 21), "2027-02-28")
    d, t = (r.url.params for r in seen)
    assert (d["callTp"], d["infoSvc"], d["wantedAuthNo"], d["authKey"]) == ("D", "VALIDATION", "K151612611100023", KEY)
    assert seen[1].url.path == TRAINING_LIST_PATH
    assert (t["outType"], t["srchTraArea1"], t["srchTraStDt"], t["srchTraEndDt"]) == ("1", "50", "20261121", "20270228")
    assert (t["pageSize"], t["sort"], t["sortCol"], t["authKey"]) == ("50", "ASC", "2", "TRAINING-KEY")


def test_fetch_jobs_to_file_with_details_loads(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        q = request.url.params
        if request.url.path == JOBS_DETAIL_PATH:
            no = q["wantedAuthNo"]
            return httpx.Response(200, content=BOM + (
                f"<wantedDtl><wantedAuthNo>{no}</wantedAuthNo><wantedInfo><jobsNm>직종{no}</jobsNm>"
                "<workdayWorkhrCont>주 소정근로시간: 40시간</workdayWorkhrCont></wantedInfo></wantedDtl>"
            ).encode())
        return httpx.Response(200, content=list_page(5, int(q["startPage"]), int(q["display"])))

    out = tmp_path / "jobs.xml"
    with make_client(handler) as client:
        count = client.fetch_to_file(out, "jobs", with_details=True)
    assert count == 5
    result = load_jobs(out, today=date(2026, 11, 21))
    assert result.rejections == []
    assert [j.job_name for j in result.records] == [f"직종K{i:04d}" for i in range(5)]
    assert all(j.weekly_hours == 40.0 for j in result.records)


def test_fetch_training_to_file_loads(tmp_path: Path) -> None:
    training = (FIXTURES / "training_page.xml").read_bytes()
    out = tmp_path / "training.xml"
    with make_client(lambda r: httpx.Response(200, content=training)) as client:
        count = client.fetch_to_file(out, "training", srch_tra_st_dt="20261101", srch_tra_end_dt="20270301")
    assert count == 3
    result = load_training(out, today=date(2026, 11, 21))
    assert len(result.records) == 3 and result.rejections == []


def test_real_list_and_detail_answers_fetch_to_a_loadable_file(tmp_path: Path) -> None:
    """A real-format list page (one line, BOM, 연봉 with maxSal 0, a sparse record) plus a detail answer that says
    only "채용시까지": the bundled file keeps the list's "채용시까지  26-11-30" date and the detail's hours."""
    page = (FIXTURES / "jobs_list_real.xml").read_bytes()
    detail = (FIXTURES / "job_detail_real.xml").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == JOBS_DETAIL_PATH:
            no = request.url.params["wantedAuthNo"]
            if no == "K151612610010052":
                return httpx.Response(200, content=detail)
            return httpx.Response(200, content=BOM + f"<wantedDtl><wantedAuthNo>{no}</wantedAuthNo></wantedDtl>".encode())
        return httpx.Response(200, content=page)

    out = tmp_path / "jeju_jobs.xml"
    with make_client(handler) as client:
        assert client.fetch_to_file(out, "jobs", with_details=True) == 4
    result = load_jobs(out, today=date(2026, 11, 21))
    assert result.rejections == []
    jobs = {j.id: j for j in result.records}
    qc = jobs["K151612610010052"]
    assert qc.close_date == date(2026, 11, 30)  # list "채용시까지  26-11-30" beats detail "채용시까지"
    assert (qc.wage_type, qc.wage_min, qc.wage_max) == ("연봉", 36_000_000, None)
    assert qc.weekly_hours == 40.0 and qc.job_content is not None
    # fetch_to_file writes one posting per line, so every record has its own line number.
    assert sorted(j.source_line or 0 for j in result.records) == [6, 7, 8, 9]


def test_empty_search_answer_is_zero_pages_not_an_error(tmp_path: Path) -> None:
    empty = BOM + ('<?xml version="1.0" encoding="UTF-8"?><wantedRoot><message>정보가 존재하지 않습니다.</message>'
                   "<messageCd>006</messageCd></wantedRoot>").encode()
    out = tmp_path / "none.xml"
    with make_client(lambda r: httpx.Response(200, content=empty)) as client:
        assert client.fetch_to_file(out, "jobs") == 0
    result = load_jobs(out, today=date(2026, 11, 21))
    assert result.records == [] and "0건" in result.rejections[0].reason
