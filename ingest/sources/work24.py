"""Live 고용24 Open API client (채용정보 목록·상세, 국민내일배움카드 훈련과정 목록).

Endpoints (policy-facts §5):

* 채용정보 목록 ``/cm/openApi/call/wk/callOpenApiSvcInfo210L01.do`` — ``callTp=L``, ``returnType=XML``,
  ``startPage`` (≤ 1000), ``display`` (≤ 100), plus optional filters (``region``, ``keyword``, ``occupation`` …).
* 채용정보 상세 ``/cm/openApi/call/wk/callOpenApiSvcInfo210D01.do`` — ``callTp=D``, ``infoSvc=VALIDATION``,
  ``wantedAuthNo``.
* 훈련과정 목록 ``/cm/openApi/call/hr/callOpenApiSvcInfo310L01.do`` — ``outType=1``, ``pageNum``, ``pageSize``
  (≤ 100), ``srchTraStDt``/``srchTraEndDt`` (훈련시작일 범위, YYYYMMDD), ``srchTraArea1=50`` (제주),
  ``sort=ASC``, ``sortCol=2``.

Behaviour: retries with exponential backoff (``backoff_base × 2^attempt`` s, injectable ``sleep``) on 5xx,
timeouts and connection errors; strips the UTF-8 BOM the service sends; raises :class:`Work24Error` (Korean +
English message) on ``<error>`` bodies, 4xx answers, unexpected bodies or exhausted retries. The auth key is
never logged and is masked in every message.

``fetch_to_file`` writes what ``ingest.sources.load_jobs``/``load_training`` read: one ``<wantedRoot>`` with all
``<wanted>`` blocks (optionally each with its ``<wantedDtl>`` detail nested inside), or one ``<HRDNet>`` with all
``<scn_list>`` blocks.
"""

from __future__ import annotations

import argparse
import logging
import math
import re
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, quote_plus

import httpx
from pydantic import SecretStr

from ._common import decode_bytes, error_message, scan_blocks

logger = logging.getLogger(__name__)

JOBS_LIST_PATH = "/cm/openApi/call/wk/callOpenApiSvcInfo210L01.do"
JOBS_DETAIL_PATH = "/cm/openApi/call/wk/callOpenApiSvcInfo210D01.do"
TRAINING_LIST_PATH = "/cm/openApi/call/hr/callOpenApiSvcInfo310L01.do"
MAX_PAGE = 1000  # the APIs refuse startPage/pageNum above 1000
MAX_DISPLAY = 100
JEJU_TRAINING_AREA = "50"

_TOTAL = re.compile(r"<total>\s*(\d+)\s*</total>")
_SCN_CNT = re.compile(r"<scn_cnt>\s*(\d+)\s*</scn_cnt>")


class Work24Error(RuntimeError):
    """A 고용24 call failed for good (bad key, 4xx, error body, or retries exhausted)."""


class _RedactSecrets(logging.Filter):
    """Masks auth keys in records of the ``httpx`` logger, which logs every request URL (with ``authKey``)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def add(self, secret: str) -> None:
        self.secrets.update({secret, quote(secret, safe=""), quote_plus(secret)})

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in sorted(self.secrets, key=len, reverse=True):
                message = message.replace(secret, "***")
            record.msg, record.args = message, ()
        return True


_REDACT = _RedactSecrets()
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).addFilter(_REDACT)


def _secret(value: str | SecretStr | None) -> str | None:
    if value is None:
        return None
    return value.get_secret_value() if isinstance(value, SecretStr) else value


def _yyyymmdd(value: date | str) -> str:
    return value.strftime("%Y%m%d") if isinstance(value, date) else value.replace("-", "")


class Work24Client:
    """Synchronous client for the 고용24 채용정보 and 훈련과정 Open APIs."""

    def __init__(
        self,
        auth_key: str | SecretStr,
        base_url: str = "https://www.work24.go.kr",
        *,
        timeout: float = 15.0,
        max_retries: int = 3,
        transport: httpx.BaseTransport | None = None,
        training_auth_key: str | SecretStr | None = None,
        sleep: Callable[[float], None] = time.sleep,
        backoff_base: float = 0.5,
    ) -> None:
        key = _secret(auth_key)
        if not key:
            raise Work24Error("고용24 인증키가 없습니다 (GOYONG_WORK24_AUTH_KEY) / missing Work24 auth key")
        self._key = key
        self._training_key = _secret(training_auth_key) or key
        _REDACT.add(self._key)
        _REDACT.add(self._training_key)
        self.max_retries = max(0, max_retries)
        self._sleep = sleep
        self._backoff_base = backoff_base
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=timeout,
            transport=transport,
            headers={"Accept": "application/xml, text/xml, */*"},
            follow_redirects=True,
        )

    @classmethod
    def from_settings(cls, settings: Any, **kwargs: Any) -> Work24Client:
        """Build from :class:`knowledge.config.Settings` (work24_auth_key, work24_training_auth_key, base URL)."""
        return cls(
            settings.work24_auth_key,
            settings.work24_base_url,
            training_auth_key=settings.work24_training_auth_key,
            **kwargs,
        )

    # ------------------------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Work24Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------------------------------- 채용정보

    def fetch_jobs_page(self, start_page: int, display: int = MAX_DISPLAY, **params: Any) -> str:
        """One page of the 채용정보 list (XML text, BOM stripped)."""
        query = {"callTp": "L", "returnType": "XML", "startPage": start_page, "display": min(display, MAX_DISPLAY)}
        query.update(params)
        return self._get(JOBS_LIST_PATH, query, self._key, expect="wantedRoot")

    def iter_job_pages(
        self, display: int = MAX_DISPLAY, *, max_pages: int | None = None, **params: Any
    ) -> Iterator[str]:
        """Every list page: the first page's ``<total>`` decides how many pages follow."""
        display = min(display, MAX_DISPLAY)
        first_page = self.fetch_jobs_page(1, display, **params)
        yield first_page
        total = _count(_TOTAL, first_page)
        for page in range(2, _page_count(total, display, max_pages) + 1):
            yield self.fetch_jobs_page(page, display, **params)

    def fetch_job_detail(self, wanted_auth_no: str) -> str:
        """The 채용정보 detail (``<wantedDtl>``) of one posting."""
        query = {"callTp": "D", "returnType": "XML", "infoSvc": "VALIDATION", "wantedAuthNo": wanted_auth_no}
        return self._get(JOBS_DETAIL_PATH, query, self._key, expect="wantedDtl")

    # -------------------------------------------------------------------------------------- 훈련과정

    def fetch_training_page(
        self,
        page_num: int,
        page_size: int,
        srch_tra_st_dt: date | str,
        srch_tra_end_dt: date | str,
        area: str = JEJU_TRAINING_AREA,
        **params: Any,
    ) -> str:
        """One page of the 국민내일배움카드 훈련과정 list (courses starting between the two dates)."""
        query: dict[str, Any] = {
            "returnType": "XML",
            "outType": "1",
            "pageNum": page_num,
            "pageSize": min(page_size, MAX_DISPLAY),
            "srchTraStDt": _yyyymmdd(srch_tra_st_dt),
            "srchTraEndDt": _yyyymmdd(srch_tra_end_dt),
            "srchTraArea1": area,
            "sort": "ASC",
            "sortCol": "2",
        }
        query.update(params)
        return self._get(TRAINING_LIST_PATH, query, self._training_key, expect="HRDNet")

    def iter_training_pages(
        self,
        srch_tra_st_dt: date | str,
        srch_tra_end_dt: date | str,
        page_size: int = MAX_DISPLAY,
        area: str = JEJU_TRAINING_AREA,
        *,
        max_pages: int | None = None,
        **params: Any,
    ) -> Iterator[str]:
        """Every 훈련과정 page: ``<scn_cnt>`` of the first page decides how many follow."""
        page_size = min(page_size, MAX_DISPLAY)
        first_page = self.fetch_training_page(1, page_size, srch_tra_st_dt, srch_tra_end_dt, area, **params)
        yield first_page
        total = _count(_SCN_CNT, first_page)
        for page in range(2, _page_count(total, page_size, max_pages) + 1):
            yield self.fetch_training_page(page, page_size, srch_tra_st_dt, srch_tra_end_dt, area, **params)

    # ------------------------------------------------------------------------------------ to a file

    def fetch_to_file(
        self,
        path: Path,
        kind: Literal["jobs", "training"] = "jobs",
        *,
        with_details: bool = False,
        max_pages: int | None = None,
        **params: Any,
    ) -> int:
        """Fetch every page into one XML file readable by ``load_jobs``/``load_training``; returns the count.

        ``kind="training"`` needs ``srch_tra_st_dt`` and ``srch_tra_end_dt`` in ``params``.
        ``with_details`` (jobs) nests each posting's ``<wantedDtl>`` inside its ``<wanted>`` block.
        """
        if kind == "jobs":
            blocks = [b for page in self.iter_job_pages(max_pages=max_pages, **params) for _, b in scan_blocks(page, "wanted")]
            if with_details:
                blocks = [self._with_detail(block) for block in blocks]
            body = "".join(f"  {b}\n" for b in blocks)
            text = (
                '<?xml version="1.0" encoding="UTF-8"?>\n<wantedRoot>\n'
                f"  <total>{len(blocks)}</total>\n  <startPage>1</startPage>\n  <display>{len(blocks)}</display>\n"
                f"{body}</wantedRoot>\n"
            )
        else:
            if "srch_tra_st_dt" not in params or "srch_tra_end_dt" not in params:
                raise ValueError("kind='training' needs srch_tra_st_dt and srch_tra_end_dt (훈련시작일 범위)")
            start = params.pop("srch_tra_st_dt")
            end = params.pop("srch_tra_end_dt")
            pages = self.iter_training_pages(start, end, max_pages=max_pages, **params)
            blocks = [b for page in pages for _, b in scan_blocks(page, "scn_list")]
            body = "".join(f"    {b}\n" for b in blocks)
            text = (
                '<?xml version="1.0" encoding="UTF-8"?>\n<HRDNet>\n'
                f"  <scn_cnt>{len(blocks)}</scn_cnt>\n  <pageNum>1</pageNum>\n  <pageSize>{len(blocks)}</pageSize>\n"
                f"  <srchList>\n{body}  </srchList>\n</HRDNet>\n"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        logger.info("wrote %d %s records to %s", len(blocks), kind, path)
        return len(blocks)

    def _with_detail(self, block: str) -> str:
        m = re.search(r"<wantedAuthNo>\s*([^<\s]+)\s*</wantedAuthNo>", block)
        if not m or "<wantedDtl" in block or "</wanted>" not in block:
            return block
        detail = self.fetch_job_detail(m.group(1))
        found = scan_blocks(detail, "wantedDtl")
        if not found:
            return block
        return block.replace("</wanted>", f"{found[0][1]}</wanted>")

    # ------------------------------------------------------------------------------------ transport

    def _mask(self, text: str) -> str:
        for key in {self._key, self._training_key}:
            text = text.replace(key, "***")
        return text

    def _get(self, path: str, params: dict[str, Any], key: str, *, expect: str) -> str:
        attempt = 0
        while True:
            problem: str
            try:
                response = self._client.get(path, params={"authKey": key, **params})
            except httpx.TransportError as exc:
                problem = f"{type(exc).__name__}: {self._mask(str(exc))}"
            else:
                if response.status_code < 400:
                    return self._check_body(response.content, path, expect)
                if response.status_code < 500:
                    raise Work24Error(
                        f"고용24 요청이 거부되었습니다 (HTTP {response.status_code}) — 인증키와 파라미터를 확인하세요 / "
                        f"Work24 rejected the request (HTTP {response.status_code}) at {path}"
                    )
                problem = f"HTTP {response.status_code}"
            if attempt >= self.max_retries:
                raise Work24Error(
                    f"고용24 서버 응답 실패 ({problem}, {attempt + 1}회 시도) — 잠시 후 다시 시도하세요 / "
                    f"Work24 unavailable at {path} after {attempt + 1} attempts: {problem}"
                )
            delay = self._backoff_base * (2**attempt)
            logger.warning("work24 %s failed (%s); retry %d/%d in %.1fs", path, problem, attempt + 1,
                           self.max_retries, delay)
            self._sleep(delay)
            attempt += 1

    def _check_body(self, content: bytes, path: str, expect: str) -> str:
        try:
            text, _ = decode_bytes(content)
        except UnicodeDecodeError:
            raise Work24Error(f"고용24 응답의 문자 인코딩을 읽을 수 없습니다 / undecodable Work24 body at {path}") from None
        text = text.lstrip("\ufeff").strip()
        message = error_message(text)
        if message is not None and f"<{expect}" not in text:
            message = self._mask(message)
            raise Work24Error(
                f"고용24 API 오류: {message} — 인증키 승인 상태와 파라미터를 확인하세요 / Work24 API error at {path}: {message}"
            )
        if f"<{expect}" not in text:
            preview = self._mask(" ".join(text[:160].split()))
            raise Work24Error(
                f"고용24 응답 형식이 예상과 다릅니다 (<{expect}> 없음): {preview!r} / unexpected Work24 body at {path}"
            )
        return text


def _count(pattern: re.Pattern[str], text: str) -> int:
    m = pattern.search(text)
    return int(m.group(1)) if m else 0


def _page_count(total: int, size: int, max_pages: int | None) -> int:
    pages = min(math.ceil(total / size) if size > 0 else 0, MAX_PAGE)
    return min(pages, max_pages) if max_pages is not None else pages


def main(argv: list[str] | None = None) -> int:
    """Admin CLI: ``python -m ingest.sources.work24 jobs|training OUT.xml`` (key from GOYONG_WORK24_AUTH_KEY)."""
    from knowledge.config import get_settings

    parser = argparse.ArgumentParser(description="고용24 채용정보/훈련과정을 XML 파일로 받습니다.")
    parser.add_argument("kind", choices=["jobs", "training"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--details", action="store_true", help="채용정보 상세를 함께 받습니다 (공고마다 1회 호출)")
    parser.add_argument("--max-pages", type=int, default=None)
    parser.add_argument("--region", default="50000", help="채용정보 근무지역 코드 (기본: 제주)")
    parser.add_argument("--days", type=int, default=90, help="훈련: 오늘부터 며칠 안에 시작하는 과정")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = get_settings()
    try:
        with Work24Client.from_settings(settings) as client:
            if args.kind == "jobs":
                n = client.fetch_to_file(args.out, "jobs", with_details=args.details, max_pages=args.max_pages,
                                         region=args.region)
            else:
                today = settings.current_date()
                n = client.fetch_to_file(args.out, "training", max_pages=args.max_pages, srch_tra_st_dt=today,
                                         srch_tra_end_dt=today + timedelta(days=args.days))
    except Work24Error as exc:
        logger.error("%s", exc)
        return 1
    logger.info("%d건 저장: %s", n, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
