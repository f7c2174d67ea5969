"""Parse the CSV layouts KOSIS / 국가데이터처 publish into :class:`Observation` rows.

Accepted layouts (text already decoded; reading bytes and sniffing UTF-8/BOM/CP949 is the caller's job):

* **Wide** (the KOSIS 내려받기 default, "시점 열 방향"): dimension columns (``시도별``, ``행정구역(시도)별``,
  ``산업별``, ``연령계층별``, ``업종별``, ``항목``, ``단위`` …) then one column per period: ``2025.06``, ``2025. 06``,
  ``2025.06 월``, ``2026.05 p)`` (잠정치), ``2024``, ``2024 년``, ``2024.2/2`` (하반기), ``2025.2/4`` (2분기).
  A second header row with the item under each period (``2025.06 | 고용률 (%)``) is read too, as are title lines
  above the header.
* **Long** (KOSIS OpenAPI ``statisticsData`` fields or their Korean labels): ``TBL_ID``, ``C1_NM``/``C1_OBJ_NM`` …,
  ``ITM_NM``, ``UNIT_NM``, ``PRD_SE``, ``PRD_DE``, ``DT``, ``LST_CHN_DE`` — or ``통계표ID``, ``시점``, ``항목``,
  ``단위``, ``데이터``. Extra columns ``source``, ``source_url``, ``confidence``, ``note`` are kept.

Cells ``-``, ``x``, ``…``/``...`` and blanks are "no figure" (skipped, counted in a warning); any other non-number
is rejected with its line and column, and the rest of the file still loads. Units come from the item text
(``고용률 (%)``), a unit column, or the sidecar. 고용보험 피보험자 통계 (업종별 피보험자 추이) uses the same wide layout.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from knowledge.schemas import Rejection
from knowledge.stats.models import JEJU, FileMeta, Observation, PeriodKind, StatConfidence, StatsParse

SOURCE = "stats"
MISSING = {"", "-", "x", "X", "…", "...", "..", "－", "—"}

# Canonical series code per indicator name (spaces removed); the survey prefix comes from the sidecar or a guess.
INDICATOR_CODES: dict[str, str] = {
    "고용률": "employment_rate",
    "실업률": "unemployment_rate",
    "취업자": "employed",
    "취업자수": "employed",
    "실업자": "unemployed",
    "실업자수": "unemployed",
    "경제활동참가율": "participation_rate",
    "경제활동인구": "labour_force",
    "15세이상인구": "population_15",
    "비경제활동인구": "inactive",
    "피보험자": "insured",
    "피보험자수": "insured",
    "취업자비중": "employed_share",
    "구성비": "employed_share",
}

_PERIOD = re.compile(
    r"^\s*(?P<y>\d{4})"
    r"(?:\s*[.\-/]\s*(?P<a>\d{1,2})(?:\s*/\s*(?P<b>[24]))?|\s+(?P<a2>\d)\s*/\s*(?P<b2>[24]))?"
    r"\s*(?:년|월|반기|분기|year|month)?\s*(?P<p>p\)?|\(p\))?\s*$",
    re.I,
)
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})?(\d{2})?\s*$")
_HALF_WORD = re.compile(r"^\s*(\d{4})\s*년?\s*(상|하)반기\s*$")
_ITEM_UNIT = re.compile(r"^(?P<name>.*?)\s*[(\[](?P<unit>[^()\[\]]*)[)\]]\s*$")
_AGE_IN_ITEM = re.compile(r"(\d{2})\s*[~\-]\s*(\d{2})\s*세")
_LEADING_CODE = re.compile(r"^[0-9A-Z]{1,6}\s+(?=[^\s\-~–])")
_REGION_ALIASES = {"제주": JEJU, "제주도": JEJU, "제주특별자치도": JEJU, "계": "전국", "전국": "전국", "Total": "전국"}
_TOTAL = {"계", "전체", "소계", "합계", "총계", "전산업", "Total", "total"}


@dataclass(frozen=True)
class Period:
    period: str
    kind: PeriodKind
    preliminary: bool = False


def parse_period(text: str, hint: str | None = None) -> Period | None:
    """A KOSIS period header or ``PRD_DE`` value → normalized period; None when it is not a period.

    ``hint`` is the OpenAPI ``PRD_SE`` (M, Q, H, Y, or 월/분기/반기/년) for compact ``PRD_DE`` values.
    """
    s = text.strip()
    if not s:
        return None
    m = _HALF_WORD.match(s)
    if m:
        return Period(f"{m.group(1)}-H{1 if m.group(2) == '상' else 2}", "half")
    m = _PERIOD.match(s)
    if m:
        year = int(m.group("y"))
        prelim = bool(m.group("p"))
        a = m.group("a") or m.group("a2")
        b = m.group("b") or m.group("b2")
        if not 1990 <= year <= 2100:
            return None
        if a is None:
            return Period(f"{year}", "year", prelim)
        n = int(a)
        if b == "2" and n in (1, 2):
            return Period(f"{year}-H{n}", "half", prelim)
        if b == "4" and 1 <= n <= 4:
            return Period(f"{year}-Q{n}", "quarter", prelim)
        if b is None and 1 <= n <= 12:
            return Period(f"{year}-{n:02d}", "month", prelim)
        return None
    m = _COMPACT.match(s)
    if not m:
        return None
    year, second, third = int(m.group(1)), m.group(2), m.group(3)
    if not 1990 <= year <= 2100 or third:
        return None
    if second is None:
        return Period(f"{year}", "year")
    n = int(second)
    se = (hint or "M").strip().upper()
    if se in ("H", "반기") and n in (1, 2):
        return Period(f"{year}-H{n}", "half")
    if se in ("Q", "분기") and 1 <= n <= 4:
        return Period(f"{year}-Q{n}", "quarter")
    if 1 <= n <= 12:
        return Period(f"{year}-{n:02d}", "month")
    return None


def split_item(text: str) -> tuple[str, str | None]:
    """``"고용률 (%)"`` → ("고용률", "%"); ``"취업자[천명]"`` → ("취업자", "천명"); no unit → (text, None)."""
    s = " ".join(text.split())
    m = _ITEM_UNIT.match(s)
    if m and m.group("name"):
        return m.group("name").strip(), m.group("unit").strip() or None
    return s, None


def normalize_age(text: str) -> str:
    """``"15 - 29세"`` → ``"15~29세"``; ``"65세 이상"`` → ``"65세이상"``."""
    s = re.sub(r"\s*[~\-–]\s*", "~", text.strip())
    return re.sub(r"\s+", "", s)


def normalize_region(text: str) -> str:
    s = _LEADING_CODE.sub("", text.strip())
    return _REGION_ALIASES.get(s, s)


def normalize_breakdown(kind: str, text: str) -> str:
    s = _LEADING_CODE.sub("", " ".join(text.split()))
    if s in _TOTAL:
        return ""
    return normalize_age(s) if kind == "연령" else s


def indicator_parts(item: str) -> tuple[str, str | None]:
    """Split an age range out of an item name: ``"고용률(15~64세)"`` / ``"15-64세 고용률"`` → ("고용률", "15~64세")."""
    m = _AGE_IN_ITEM.search(item)
    if not m:
        return item.strip(), None
    rest = (item[: m.start()] + item[m.end():]).replace("()", "").strip(" ()")
    return rest or item.strip(), f"{m.group(1)}~{m.group(2)}세"


def indicator_code(indicator: str) -> str:
    key = indicator.replace(" ", "")
    return INDICATOR_CODES.get(key, re.sub(r"\W+", "_", key).strip("_").lower() or "value")


def guess_survey(indicator: str, period_kind: PeriodKind) -> str:
    if "피보험" in indicator:
        return "ei"
    if period_kind == "half":
        return "lfs_local"
    return "eap"


# ---- dimension columns -------------------------------------------------------------------------------------------
_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("항목", "item"), ("ITM_NM", "item"), ("By items", "item"), ("단위", "unit"), ("UNIT_NM", "unit"),
    ("시도", "region"), ("행정구역", "region"), ("시군", "region"), ("지역", "region"), ("By province", "region"),
)
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("산업", "산업"), ("업종", "업종"), ("연령", "연령"), ("직종", "직종"), ("직업", "직업"), ("성별", "성별"),
    ("고용형태", "고용형태"), ("종사상지위", "종사상지위"), ("교육정도", "교육정도"),
)


def column_role(header: str) -> tuple[str, str]:
    """("item"|"unit"|"region"|"breakdown", breakdown kind) of a dimension column header."""
    h = _LEADING_CODE.sub("", header.strip())
    for word, role in _ROLE_WORDS:
        if word in h:
            return role, ""
    for word, kind in _KIND_WORDS:
        if word in h:
            return "breakdown", kind
    kind = re.sub(r"\(\d+\)$", "", h).removesuffix("별").strip()
    return "breakdown", kind


# ---- reading -----------------------------------------------------------------------------------------------------
def iter_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(1-based starting line, cells) of every non-blank CSV row."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    prev = 0
    for row in reader:
        start, prev = prev + 1, reader.line_num
        if any(c.strip() for c in row):
            yield start, [c.strip() for c in row]


def parse_value(cell: str) -> float | None:
    """A figure cell → float; a 'no figure' marker → None; raises ValueError otherwise."""
    s = cell.strip().replace(",", "")
    s = re.sub(r"\s*(p\)|\(p\))$", "", s)
    if s in MISSING:
        return None
    return float(s)


class _Builder:
    """Shared state of one file: defaults from the sidecar and the output being collected."""

    def __init__(self, file: str, meta: FileMeta | None) -> None:
        self.file = file
        self.meta = meta or FileMeta()
        self.out = StatsParse(notes=list(self.meta.notes))
        self.skipped = 0
        if meta is None:
            self.out.warnings.append(
                f"{file}: 출처 파일(같은 이름의 .yaml)이 없어 출처를 파일 이름으로, 신뢰도를 '출처 미확인'으로 적었습니다"
            )

    def reject(self, line: int | None, reason: str, record_id: str | None = None) -> None:
        self.out.rejections.append(
            Rejection(source=SOURCE, file=self.file, line=line, record_id=record_id, reason=reason)
        )

    def add(
        self, *, line: int, column: str, cell: str, period: Period, item: str | None, unit: str | None,
        region: str | None, breakdown_kind: str, breakdown: str, table_id: str | None = None,
        release: date | None = None, extra: dict[str, str] | None = None,
    ) -> None:
        try:
            value = parse_value(cell)
        except ValueError:
            self.reject(line, f"'{column}' 열의 값 '{cell}'이 숫자가 아닙니다 — 숫자나 '-'(자료 없음)로 고치세요")
            return
        if value is None:
            self.skipped += 1
            return
        meta, extra = self.meta, extra or {}
        raw_item = item or meta.indicator
        if not raw_item:
            self.reject(line, "항목(지표 이름)을 알 수 없습니다 — '항목' 열을 넣거나 출처 YAML에 indicator를 적으세요")
            return
        name, item_unit = split_item(raw_item)
        indicator, age = indicator_parts(name)
        if age and not breakdown_kind:
            breakdown_kind, breakdown = "연령", age
        unit_final = item_unit or unit or meta.unit
        if not unit_final:
            self.reject(line, f"'{indicator}'의 단위를 알 수 없습니다 — 항목에 (단위)를 붙이거나 단위 열을 넣으세요")
            return
        place = normalize_region(region) if region else (meta.region or JEJU)
        survey = meta.survey or guess_survey(indicator, period.kind)
        src, url, when, note = self._source(period, indicator, place)
        confidence: StatConfidence = meta.confidence or ("official" if (table_id or meta.table_id) else "unverified")
        if extra.get("confidence") in ("official", "news", "catalog", "derived", "unverified"):
            confidence = extra["confidence"]  # type: ignore[assignment]
        self.out.observations.append(
            Observation(
                series_id=f"{survey}.{indicator_code(indicator)}",
                indicator=indicator,
                unit=unit_final,
                period=period.period,
                period_kind=period.kind,
                region=place,
                breakdown_kind=breakdown_kind,
                breakdown=breakdown,
                value=value,
                source=extra.get("source") or src,
                source_url=extra.get("source_url") or url,
                table_id=table_id or meta.table_id,
                release_date=release or when,
                confidence=confidence,
                preliminary=period.preliminary,
                note=extra.get("note") or note,
                origin=f"{self.file}:{line}",
            )
        )

    def _source(self, period: Period, indicator: str, region: str) -> tuple[str, str | None, date | None, str]:
        meta = self.meta
        for ps in meta.period_sources:
            periods = {p if (q := parse_period(p)) is None else q.period for p in ps.periods}
            if period.period not in periods:
                continue
            if ps.indicators and indicator not in ps.indicators:
                continue
            if ps.regions and region not in ps.regions:
                continue
            return ps.source, ps.url, ps.reported or meta.release_date, ps.note
        return meta.source or self.file.rsplit("/", 1)[-1], meta.source_url, meta.release_date, ""

    def finish(self) -> StatsParse:
        if self.skipped:
            self.out.warnings.append(f"{self.file}: 자료 없음('-', 빈칸 등) {self.skipped}칸은 건너뛰었습니다")
        return self.out


# ---- layouts -----------------------------------------------------------------------------------------------------
_LONG_PERIOD = ("PRD_DE", "시점", "period")
_LONG_VALUE = ("DT", "데이터", "값", "value")


def parse_stats_csv(text: str, file: str, meta: FileMeta | None = None) -> StatsParse:
    """Every figure of a KOSIS-style CSV (wide or long layout); bad rows are rejected, the rest loads."""
    b = _Builder(file, meta)
    rows = list(iter_rows(text))
    for i, (_line, cells) in enumerate(rows[:12]):
        if any(parse_period(c) for c in cells[1:]):
            _wide(b, rows[i:])
            return b.finish()
        if any(c in _LONG_PERIOD for c in cells) and any(c in _LONG_VALUE for c in cells):
            _long(b, rows[i:])
            return b.finish()
    b.reject(1, "통계표 형식을 알 수 없습니다: 시점 열(2025.06, 2024 …)이나 PRD_DE/DT 열이 없습니다 — "
                "KOSIS에서 CSV로 내려받은 파일인지 확인하세요")
    return b.finish()


def _wide(b: _Builder, rows: list[tuple[int, list[str]]]) -> None:
    (hline, header), body = rows[0], rows[1:]
    periods = {j: p for j, c in enumerate(header) if (p := parse_period(c)) is not None}
    first_period = min(periods)
    dims = [(j, *column_role(header[j])) for j in range(first_period) if header[j]]
    items: dict[int, str] = {}
    if body:
        _line2, second = body[0]
        cells = [second[j] for j in periods if j < len(second)]
        if cells and all(c and c not in MISSING and not _is_number(c) for c in cells):
            items = {j: second[j] for j in periods if j < len(second)}
            body = body[1:]
    for line, cells in body:
        if len(cells) != len(header):
            b.reject(line, f"열 개수({len(cells)})가 머리글({len(header)})과 다릅니다 — 쉼표·따옴표를 확인하세요")
            continue
        region: str | None = None
        item: str | None = None
        unit: str | None = None
        kind, value = b.meta.breakdown_kind or "", ""
        for j, role, bkind in dims:
            cell = cells[j]
            if role == "region":
                region = cell or None
            elif role == "item":
                item = cell or None
            elif role == "unit":
                unit = cell or None
            elif cell:
                kind, value = bkind, normalize_breakdown(bkind, cell)
        for j, period in periods.items():
            b.add(line=line, column=header[j], cell=cells[j], period=period, item=items.get(j) or item, unit=unit,
                  region=region, breakdown_kind=kind if value else "", breakdown=value)
    if not body:
        b.reject(hline, "머리글만 있고 자료 행이 없습니다")


def _is_number(cell: str) -> bool:
    try:
        return parse_value(cell) is not None
    except ValueError:
        return False


def _long(b: _Builder, rows: list[tuple[int, list[str]]]) -> None:
    (hline, header), body = rows[0], rows[1:]
    col = {name: j for j, name in enumerate(header)}

    def get(cells: list[str], *names: str) -> str:
        for n in names:
            j = col.get(n)
            if j is not None and j < len(cells) and cells[j]:
                return cells[j]
        return ""

    dim_cols = sorted(n for n in header if re.fullmatch(r"C\d+_NM", n))
    korean_dims = [(j, *column_role(n)) for j, n in enumerate(header)
                   if n.endswith("별") and n not in ("항목별",)]
    for line, cells in body:
        if len(cells) != len(header):
            b.reject(line, f"열 개수({len(cells)})가 머리글({len(header)})과 다릅니다 — 쉼표·따옴표를 확인하세요")
            continue
        raw_period = get(cells, *_LONG_PERIOD)
        period = parse_period(raw_period, get(cells, "PRD_SE", "주기"))
        if period is None:
            b.reject(line, f"시점 '{raw_period}'을 읽을 수 없습니다 — 2025.06, 202506, 2024, 2024.2/2 형식이어야 합니다")
            continue
        region: str | None = None
        kind, value = "", ""
        for c in dim_cols:
            cell = get(cells, c)
            if not cell:
                continue
            obj = get(cells, c.replace("_NM", "_OBJ_NM")) or ("시도별" if c == "C1_NM" else c)
            role, bkind = column_role(obj)
            if role == "region":
                region = cell
            else:
                kind, value = bkind, normalize_breakdown(bkind, cell)
        for j, role, bkind in korean_dims:
            cell = cells[j]
            if role == "region":
                region = cell or region
            elif cell:
                kind, value = bkind, normalize_breakdown(bkind, cell)
        release = None
        raw_release = get(cells, "LST_CHN_DE", "최종수정일", "release_date")
        if raw_release:
            digits = re.sub(r"\D", "", raw_release)
            if len(digits) == 8:
                try:
                    release = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
                except ValueError:
                    b.reject(line, f"최종수정일 '{raw_release}'이 날짜가 아닙니다")
                    continue
        extra = {k: get(cells, k) for k in ("source", "source_url", "confidence", "note") if get(cells, k)}
        b.add(line=line, column=header[col.get("DT", col.get("데이터", 0))], cell=get(cells, *_LONG_VALUE) or "-",
              period=period, item=get(cells, "ITM_NM", "항목") or None, unit=get(cells, "UNIT_NM", "단위") or None,
              region=region, breakdown_kind=kind if value else "", breakdown=value,
              table_id=get(cells, "TBL_ID", "통계표ID") or None, release=release, extra=extra)
    if not body:
        b.reject(hline, "머리글만 있고 자료 행이 없습니다")
