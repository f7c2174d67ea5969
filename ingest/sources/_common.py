"""Shared plumbing for the catalog loaders: decoding, block scanning, CSV rows, dates, rejections."""

from __future__ import annotations

import csv
import io
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from knowledge.schemas import Rejection

logger = logging.getLogger(__name__)

T = TypeVar("T")

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class ParseResult(Generic[T]):
    """Loaded records plus everything that was left out (with file, line and a Korean reason)."""

    records: list[T] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True)
class RawRecord:
    """One record before normalization: flat field map and the 1-based line where it starts."""

    line: int
    fields: dict[str, str]


class RecordError(Exception):
    """A record cannot be ingested; ``reason`` is the Korean message for the admin."""

    def __init__(self, reason: str, record_id: str | None = None, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.record_id = record_id
        self.line = line


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Sniff the encoding: UTF-8 BOM → utf-8-sig, else UTF-8, else CP949 (a superset of EUC-KR).

    Returns (text, encoding). Raises ``UnicodeDecodeError`` when none fits.
    """
    if data.startswith(UTF8_BOM):
        return data.decode("utf-8-sig"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp949"), "cp949"


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def looks_like_xml(path: Path, text: str) -> bool:
    if path.suffix.lower() == ".csv":
        return False
    return text.lstrip().startswith("<")


def _line_of(text: str, pos: int, cache: list[int]) -> int:
    """1-based line number of ``pos``; ``cache`` = [last_pos, last_line] for incremental counting."""
    last_pos, last_line = cache
    line = last_line + text.count("\n", last_pos, pos)
    cache[0], cache[1] = pos, line
    return line


def scan_blocks(text: str, tag: str) -> list[tuple[int, str]]:
    """Find every ``<tag>…</tag>`` block (not ``<tagOther>``), with the line where it starts.

    A block whose closing tag is missing ends where the next block starts, so one malformed block
    never swallows its neighbours.
    """
    opener = re.compile(rf"<{re.escape(tag)}(?=[\s>/])[^>]*>")
    closer = f"</{tag}>"
    starts = [m.start() for m in opener.finditer(text)]
    blocks: list[tuple[int, str]] = []
    cache = [0, 1]
    for i, start in enumerate(starts):
        limit = starts[i + 1] if i + 1 < len(starts) else len(text)
        end = text.find(closer, start, limit)
        stop = end + len(closer) if end >= 0 else limit
        blocks.append((_line_of(text, start, cache), text[start:stop]))
    return blocks


def flatten_element(elem: ET.Element) -> dict[str, str]:
    """Leaf children of ``elem`` first, then leaves of nested groups (``wantedDtl/wantedInfo``…).

    The first non-empty value of a name wins, so list fields are not overwritten by detail fields.
    """
    out: dict[str, str] = {}
    nested: list[ET.Element] = []
    for child in elem:
        if len(child):
            nested.append(child)
            continue
        value = (child.text or "").strip()
        if value and child.tag not in out:
            out[child.tag] = value
    for group in nested:
        for key, value in flatten_element(group).items():
            out.setdefault(key, value)
    return out


def parse_block(block: str) -> dict[str, str]:
    """Parse one XML block into a flat field map; raises ``ET.ParseError`` when malformed."""
    return flatten_element(ET.fromstring(block))


def error_message(text: str) -> str | None:
    """The text of an API ``<error>`` element (or ``<message>`` next to an error code), if any."""
    m = re.search(r"<error[^>]*>(.*?)</error>", text, re.S)
    if m:
        inner = re.sub(r"<[^>]+>", " ", m.group(1))
        return " ".join(inner.split()) or "(내용 없음)"
    if re.search(r"<error\s*/>", text):
        return "(내용 없음)"
    return None


def iter_csv_records(text: str) -> Iterator[RawRecord | RecordError]:
    """Rows of a CSV export keyed by the header (API field names); yields a RecordError for a bad row."""
    reader = csv.reader(io.StringIO(strip_bom(text)))
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except StopIteration:
        return
    prev_line = reader.line_num
    for row in reader:
        start = prev_line + 1
        prev_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield RecordError(
                f"CSV 열 개수({len(row)})가 헤더({len(header)})와 다릅니다 — 쉼표·따옴표를 확인하세요",
                line=start,
            )
            continue
        fields = {name: cell.strip() for name, cell in zip(header, row, strict=True) if name and cell.strip()}
        yield RawRecord(line=start, fields=fields)


# Every date form seen in 고용24/HRD-Net payloads, most specific first. A two-digit year is 20yy (고용24 lists
# have no postings before 2000). The lookarounds keep "26-11-03" from matching inside "2026-11-03".
_DATE_FORMS = (
    # 2026-11-03 · 2026.11.03 · 2026/11/03 · 2026년 11월 3일 (a time or weekday may follow)
    re.compile(r"(?<!\d)(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})(?!\d)"),
    # 20261103 · 202611030950 (smodifyDtm) · 20261103095000
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?:\d{4}|\d{6})?(?!\d)"),
    # 26-11-03 (고용24 list regDt/closeDt) · 26.11.03 · 26/11/03
    re.compile(r"(?<!\d)(\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)"),
    # 261103
    re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})(?!\d)"),
)


def _to_date(m: re.Match[str]) -> date:
    year = int(m.group(1))
    return date(year + 2000 if year < 100 else year, int(m.group(2)), int(m.group(3)))


def parse_date(text: str) -> date:
    """A date at the start of ``text``: ``2026-11-03``, ``2026.11.03``, ``20261103``, ``202611030950``,
    고용24's ``26-11-03``, ``26.11.03`` or ``261103``. Raises ``ValueError`` (also for 2026-13-40)."""
    s = text.strip()
    for form in _DATE_FORMS:
        m = form.match(s)
        if m:
            return _to_date(m)
    raise ValueError(f"unparseable date: {text!r}")


def find_date(text: str) -> date | None:
    """The first date anywhere in ``text`` ("채용시까지  26-11-30" → 2026-11-30), or None when there is none.

    Raises ``ValueError`` when a date-shaped number is not a real date (month 13, 31 April …).
    """
    found = [m for form in _DATE_FORMS if (m := form.search(text))]
    if not found:
        return None
    return _to_date(min(found, key=lambda m: (m.start(), -len(m.group(0)))))


def parse_int(text: str | None) -> int | None:
    """``"2,500,000"`` → 2500000; blank or non-numeric → None."""
    if text is None:
        return None
    s = text.replace(",", "").replace("원", "").strip()
    if not s:
        return None
    try:
        return int(float(s))
    except ValueError:
        return None


def parse_float(text: str | None) -> float | None:
    if text is None:
        return None
    s = text.replace(",", "").replace("%", "").strip()
    try:
        return float(s)
    except ValueError:
        return None


def first(fields: dict[str, str], *names: str) -> str | None:
    """The first non-empty value among several possible field names."""
    for name in names:
        value = fields.get(name)
        if value:
            return value
    return None


def read_source(path: Path, source: str) -> tuple[str | None, Rejection | None]:
    """Read and decode a file. Returns (text, None) or (None, rejection)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Rejection(source=source, file=str(path), reason=f"파일을 읽을 수 없습니다: {exc}")
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, Rejection(source=source, file=str(path), reason="빈 파일입니다 — 내려받기가 끝났는지 확인하세요")
    try:
        text, encoding = decode_bytes(data)
    except UnicodeDecodeError:
        reason = "문자 인코딩을 알 수 없습니다 (UTF-8/CP949 아님) — UTF-8로 다시 저장하세요"
        return None, Rejection(source=source, file=str(path), reason=reason)
    logger.debug("decoded %s as %s", path, encoding)
    return text, None


@dataclass(frozen=True)
class SourceSpec:
    """How one catalog looks on disk."""

    source: str  # Rejection.source, e.g. "work24-jobs"
    block_tags: tuple[str, ...]  # XML record tags, tried in order (list format first, then detail)
    id_field: str  # field holding the record id (shown in rejections of malformed blocks)
    label: str  # Korean name of a record, e.g. "채용공고"


def load_records(
    path: Path,
    spec: SourceSpec,
    build: Callable[[RawRecord], T],
    record_id: Callable[[T], str],
) -> ParseResult[T]:
    """Read XML or CSV, build each record separately, reject bad ones and duplicate ids (first wins)."""
    result: ParseResult[T] = ParseResult()
    file = str(path)
    text, rejection = read_source(path, spec.source)
    if rejection is not None or text is None:
        result.rejections.append(rejection or Rejection(source=spec.source, file=file, reason="읽기 실패"))
        return result
    text = strip_bom(text)

    def reject(reason: str, line: int | None, rid: str | None = None) -> None:
        result.rejections.append(Rejection(source=spec.source, file=file, line=line, record_id=rid, reason=reason))

    raws: list[RawRecord | RecordError] = []
    if looks_like_xml(path, text):
        raws_or_none = _xml_records(text, spec, reject)
        if raws_or_none is None:
            return result
        raws = raws_or_none
    else:
        raws = list(iter_csv_records(text))
        if not raws:
            reject(f"CSV에 {spec.label} 행이 없습니다 (헤더만 있거나 빈 파일)", 1)
            return result

    seen: dict[str, int] = {}
    for raw in raws:
        if isinstance(raw, RecordError):
            reject(raw.reason, raw.line, raw.record_id)
            continue
        try:
            record = build(raw)
        except RecordError as err:
            reject(err.reason, raw.line, err.record_id or raw.fields.get(spec.id_field))
            continue
        rid = record_id(record)
        if rid in seen:
            reject(
                f"중복 ID {rid}: {seen[rid]}행의 첫 {spec.label}만 사용합니다 — 중복 항목을 지우세요",
                raw.line,
                rid,
            )
            continue
        seen[rid] = raw.line
        result.records.append(record)
    logger.info("%s: %d loaded, %d rejected", path.name, len(result.records), len(result.rejections))
    return result


def _xml_records(
    text: str, spec: SourceSpec, reject: Callable[[str, int | None, str | None], None]
) -> list[RawRecord | RecordError] | None:
    blocks: list[tuple[int, str]] = []
    for tag in spec.block_tags:
        blocks = scan_blocks(text, tag)
        if blocks:
            break
    if not blocks:
        message = error_message(text)
        if message is not None:
            pos = text.find("<error")
            line = text.count("\n", 0, pos) + 1 if pos >= 0 else None
            reject(f"API 오류 응답입니다: {message} — 인증키와 요청 파라미터를 확인하고 다시 받으세요", line, None)
        else:
            tags = ", ".join(f"<{t}>" for t in spec.block_tags)
            # 고용24 answers an empty search with <message>정보가 존재하지 않습니다.</message><messageCd>006</messageCd>
            said = re.search(r"<message>\s*(.*?)\s*</message>", text, re.S)
            note = f" — 응답 메시지: {said.group(1)}" if said and said.group(1) else ""
            reject(f"{spec.label} 레코드({tags})가 없습니다 (0건){note} — 검색 조건이나 파일 형식을 확인하세요", 1, None)
        return None
    raws: list[RawRecord | RecordError] = []
    for line, block in blocks:
        try:
            raws.append(RawRecord(line=line, fields=parse_block(block)))
        except ET.ParseError as exc:
            rid_match = re.search(rf"<{spec.id_field}>\s*([^<\s]+)", block)
            rid = rid_match.group(1) if rid_match else None
            row, _col = exc.position
            reason = (
                f"XML 형식 오류로 {spec.label} 블록을 읽을 수 없습니다 (파일 {line + row - 1}행 부근: {exc}) "
                "— 닫는 태그와 특수문자(&는 &amp;, <는 &lt;)를 확인하세요"
            )
            raws.append(RecordError(reason, rid, line))
    return raws
