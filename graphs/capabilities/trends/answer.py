"""``answer_trend(question_or_query, settings) -> TrendAnswer``: one store read per answer; the chart and the text
are built from the same rows, so every number in the text is a point of the chart (or of its hover)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from graphs.capabilities.trends import charts
from graphs.capabilities.trends.intent import parse_trend_query
from graphs.capabilities.trends.models import (
    ChartKind,
    Indicator,
    TrendAnswer,
    TrendBlock,
    TrendFigure,
    TrendQuery,
)
from knowledge.config import Settings
from knowledge.formatting import manwon
from knowledge.stats import CONFIDENCE_LABEL, JEJU, Observation, StatsStore, StatsStoreMissing

KOSIS_HINT = "공식 수치는 KOSIS(kosis.kr) 「행정구역(시도)별 경제활동인구」(DT_1DA7004S)에서 확인하세요"
MISSING_HINT = "이 수치는 저장된 통계에 없습니다 — KOSIS(kosis.kr)나 고용24(work24.go.kr)에서 확인하세요"
SAMPLE_NOTE = "구인공고·임금 수치는 번들 예시(샘플) 카탈로그에서 계산한 것으로 실제 고용24 공고 현황이 아닙니다"
NEWS_NOTE = "[보도 인용] 표시 수치는 국가데이터처 발표를 지역 언론이 보도한 것으로, 공식 통계표로 다시 확인해야 합니다"
TOP_N = 10
MIN_WAGE = 5  # the smallest group the stats ingest gives a wage distribution (ingest.stats.MIN_WAGE_GROUP)


# ---- formatting ----------------------------------------------------------------------------------------------------
def fmt_value(value: float, unit: str) -> str:
    """70.9 % → "70.9%"; 409 천명 → "40만9천명"; 2,460,000 원 → "246만원"; 123 건 → "123건"."""
    if unit == "%":
        return f"{value:.1f}%"
    if unit == "천명":
        n = round(value)
        man, thousand = divmod(n, 10)
        if man == 0:
            return f"{thousand}천명"
        return f"{man}만{thousand}천명" if thousand else f"{man}만명"
    if unit == "원":
        return manwon(value)
    if unit in ("건", "명"):
        return f"{value:,.0f}{unit}"
    return f"{value:g}{unit}"


def topic_particle(word: str) -> str:
    """은/는 after ``word`` (은 after a final consonant)."""
    last = word[-1]
    return "은" if "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 else "는"


def fmt_period(period: str) -> str:
    if len(period) == 4:
        return f"{period}년 연간"
    if len(period) == 7 and period[5:].isdigit():
        return f"{period[:4]}년 {int(period[5:])}월"
    if "-H" in period:
        return f"{period[:4]}년 {'상' if period.endswith('1') else '하'}반기"
    if "-Q" in period:
        return f"{period[:4]}년 {period[-1]}분기"
    return f"{period} 기준"


def source_text(o: Observation) -> str:
    parts = [o.source]
    if o.release_date and o.release_date.isoformat() not in o.source and o.confidence != "catalog":
        parts.append(f"{o.release_date.isoformat()} 발표·보도")
    if o.confidence == "news":
        parts.append("보도 인용")
    elif o.confidence != "catalog":
        parts.append(CONFIDENCE_LABEL[o.confidence])
    return ", ".join(parts)


def figure_of(o: Observation, label: str) -> TrendFigure:
    return TrendFigure(label=label, value=o.value, unit=o.unit, text=fmt_value(o.value, o.unit), period=o.period,
                       region=o.region, breakdown=o.breakdown, measure=o.measure, source=o.source,
                       release_date=o.release_date, confidence=o.confidence, table_id=o.table_id)


def stated(o: Observation, label: str, with_source: bool = True) -> tuple[str, TrendFigure]:
    """'2025년 6월 고용률 70.9% (제민일보 820479 보도, 보도 인용)' and its figure."""
    fig = figure_of(o, label)
    text = f"{label} {fig.text}" + (f" ({source_text(o)})" if with_source else "")
    return text, fig


def state_all(
    rows: Sequence[Observation], label: Callable[[Observation], str], with_source: bool = False
) -> tuple[list[str], list[TrendFigure]]:
    """``stated`` for each row: the phrases and their figures, in row order."""
    pairs = [stated(o, label(o), with_source) for o in rows]
    return [t for t, _ in pairs], [f for _, f in pairs]


def _place(region: str) -> str:
    return "제주" if region == JEJU else region


# ---- the entry point -----------------------------------------------------------------------------------------------
def answer_trend(question_or_query: str | TrendQuery, settings: Settings) -> TrendAnswer:
    """The answer to a trend question (or an already parsed query) from ``<data_dir>/stats.sqlite``."""
    if isinstance(question_or_query, TrendQuery):
        query: TrendQuery | None = question_or_query
    else:
        query = parse_trend_query(question_or_query)
    if query is None:
        q = TrendQuery(topic="rates", question=str(question_or_query))
        return TrendAnswer(query=q, found=False, title="고용 통계 질문으로 알아듣지 못했습니다",
                           blocks=[TrendBlock(text="예: '제주 고용률 추이', '업종별 구인 현황', '서귀포 호텔 일자리 임금 수준', "
                                                   "'관광업 계절성'처럼 물어 주세요.")])
    store = StatsStore.at(settings.data_dir)
    try:
        return _COMPOSERS[query.topic](store, query)
    except StatsStoreMissing:
        return TrendAnswer(query=query, found=False, title="고용 통계가 아직 준비되지 않았습니다",
                           blocks=[TrendBlock(text="통계 저장소가 비어 있습니다. 관리자가 `goyong ingest --source stats`를 "
                                                   "실행하면 제주 고용 통계와 구인 현황을 볼 수 있습니다.")],
                           notes=[MISSING_HINT])


def _finish(query: TrendQuery, title: str, blocks: list[TrendBlock], notes: list[str],
            figure: dict[str, Any] | None, kind: ChartKind | None) -> TrendAnswer:
    figs = [f for b in blocks for f in b.figures]
    sources: list[str] = []
    for f in figs:
        if f.source not in sources:
            sources.append(f.source)
    if any(f.confidence == "news" for f in figs) and NEWS_NOTE not in notes:
        notes.append(NEWS_NOTE)
        if any(f.table_id for f in figs):
            notes.append(KOSIS_HINT)
    if any(f.confidence == "catalog" for f in figs) and SAMPLE_NOTE not in notes and any(
        "예시" in f.source for f in figs
    ):
        notes.append(SAMPLE_NOTE)
    return TrendAnswer(query=query, found=bool(figs), title=title, blocks=blocks, notes=notes, sources=sources,
                       chart_kind=kind if figure else None, figure=figure)


def _missing(query: TrendQuery, title: str, what: str) -> TrendAnswer:
    return TrendAnswer(query=query, found=False, title=title,
                       blocks=[TrendBlock(text=f"{what}는 저장된 통계에 없습니다.")], notes=[MISSING_HINT])


def _seasonal_notes(store: StatsStore, rows: Sequence[Observation], indicator: str) -> list[str]:
    months = {int(o.period[5:]) for o in rows if o.period_kind == "month"}
    return [n.text for n in store.notes(indicator) if n.months and months.intersection(n.months)]


# ---- topics --------------------------------------------------------------------------------------------------------
def _rates(store: StatsStore, q: TrendQuery) -> TrendAnswer:
    indicators: list[Indicator] = q.indicators or ["고용률", "실업률"]
    rows = store.query(regions=[JEJU, "전국"], breakdowns=[""], period_kinds=["month", "year"])
    rows = [o for o in rows if o.indicator in indicators and o.series_id.startswith("eap.")]
    title = f"제주 {'·'.join(indicators)} 추이 (경제활동인구조사)"
    if not rows:
        return _missing(q, title, f"제주 {'·'.join(indicators)}")
    blocks: list[TrendBlock] = []
    notes: list[str] = []
    if q.region != JEJU:
        notes.append(f"{q.region} 월별 {'·'.join(indicators)}은 공표되지 않아 제주 전체 수치를 보여 드립니다 "
                     "(시 단위는 반기별 지역별고용조사: '제주시 서귀포시 고용률 비교'로 물어 보세요)")
    series: dict[str, list[Observation]] = {}
    labels: dict[str, list[str]] = {}
    for ind in indicators:
        monthly = [o for o in rows if o.indicator == ind and o.region == JEJU and o.period_kind == "month"]
        annual = [o for o in rows if o.indicator == ind and o.region == JEJU and o.period_kind == "year"]
        national = [o for o in rows if o.indicator == ind and o.region == "전국"]
        if not monthly and not annual:
            blocks.append(TrendBlock(text=f"제주 {ind}: {MISSING_HINT}"))
            continue
        sentences: list[str] = []
        figs: list[TrendFigure] = []
        if monthly:
            series[f"제주 {ind}"] = monthly
            labels[f"제주 {ind}"] = [fmt_value(o.value, o.unit) for o in monthly]
            parts, more = state_all(monthly, lambda o: fmt_period(o.period))
            figs += more
            remarks = [f"{fmt_period(o.period)} {o.note}" for o in monthly if o.note]
            latest = monthly[-1]
            sentences.append(f"제주 {ind} 월별: " + ", ".join(parts) + f". 가장 최근 수치는 {fmt_period(latest.period)} "
                             f"{fmt_value(latest.value, latest.unit)}입니다 ({source_text(latest)}).")
            if remarks:
                sentences.append("보도 내용: " + "; ".join(remarks) + ".")
            for o in national:
                if o.period == latest.period or o.period in {m.period for m in monthly}:
                    text, fig = stated(o, f"같은 {fmt_period(o.period)} 전국 {ind}")
                    sentences.append(text + ".")
                    figs.append(fig)
        if annual:
            parts, more = state_all(annual, lambda o: f"{o.period}년 연간", with_source=True)
            figs += more
            sentences.append(f"연간 {ind}: " + ", ".join(parts) + ".")
        else:
            sentences.append(f"연간 {ind}{topic_particle(ind)} 저장된 통계에 없습니다 — KOSIS(kosis.kr)에서 확인하세요.")
        blocks.append(TrendBlock(text=" ".join(sentences), figures=figs))
        notes += _seasonal_notes(store, monthly, ind)
    counts = [k for k in series if k.endswith(("취업자", "실업자"))]
    unit = "천명" if counts else "%"
    if counts and len(series) > len(counts):  # one axis: people when people were asked, else rates
        series = {k: series[k] for k in counts}
    figure = charts.line_chart(title, series, unit, labels) if series else None
    return _finish(q, title, blocks, notes, figure, "line")


def _industry(store: StatsStore, q: TrendQuery) -> TrendAnswer:
    rows = store.query(indicator="취업자", regions=[JEJU], breakdown_kind="산업")
    title = "제주 산업별 취업자 (경제활동인구조사)"
    if not rows:
        return _missing(q, title, "제주 산업별 취업자")
    period = max(o.period for o in rows)
    rows = sorted((o for o in rows if o.period == period), key=lambda o: -o.value)
    total = store.query(indicator="취업자", regions=[JEJU], breakdowns=[""], period_kinds=["month"],
                        period_from=period, period_to=period)
    parts, figs = state_all(rows, lambda o: o.breakdown)
    if total:
        parts = [f"{t}(약 {o.value / total[0].value * 100:.0f}%)" for t, o in zip(parts, rows, strict=True)]
    lead = f"{fmt_period(period)} 제주 산업별 취업자는 " + ", ".join(parts) + f"입니다 ({source_text(rows[0])})."
    if total:
        t_text, t_fig = stated(total[0], "전체 취업자", with_source=False)
        lead += f" {t_text} 대비 비중은 계산값입니다."
        figs.append(t_fig)
    blocks = [TrendBlock(text=lead, figures=figs)]
    latest = store.query(indicator="고용률", regions=[JEJU], breakdowns=[""], period_kinds=["month"])
    if latest:
        text, fig = stated(latest[-1], f"가장 최근 월 고용률({fmt_period(latest[-1].period)})")
        blocks.append(TrendBlock(text=text + ".", figures=[fig]))
    city = store.query(indicator="취업자 비중", breakdown_kind="산업")
    if city:
        parts, cfigs = state_all(city, lambda o: f"{o.region} {o.breakdown} 비중")
        blocks.append(TrendBlock(text=f"{fmt_period(city[0].period)} 지역별고용조사: " + ", ".join(parts)
                                      + f" ({source_text(city[0])}).", figures=cfigs))
    notes = [n.text for n in store.notes("취업자") if not n.months and any(o.breakdown in n.text for o in rows)]
    figure = charts.bar_chart(f"{title} — {fmt_period(period)}", [o.breakdown for o in rows],
                              [o.value for o in rows], "천명", [fmt_value(o.value, o.unit) for o in rows])
    return _finish(q, title, blocks, notes, figure, "bar")


def _youth(store: StatsStore, q: TrendQuery) -> TrendAnswer:
    employed = store.query(indicator="취업자", breakdown_kind="연령", breakdowns=["15~29세"])
    rates = store.query(indicator="고용률", breakdown_kind="연령", breakdowns=["15~29세"])
    title = "제주 청년(15~29세) 고용"
    if not employed and not rates:
        return _missing(q, title, "제주 청년 고용 수치")
    blocks: list[TrendBlock] = []
    notes: list[str] = []
    if employed:
        parts, figs = state_all(employed, lambda o: fmt_period(o.period), with_source=True)
        parts = [t + (f" — {o.note}" if o.note else "") for t, o in zip(parts, employed, strict=True)]
        blocks.append(TrendBlock(text="제주 15~29세 취업자: " + "; ".join(parts) + ".", figures=figs))
        kinds = {o.period_kind for o in employed}
        if len(kinds) > 1:
            notes.append("연간 수치와 월별 수치가 섞여 있어 그대로 비교하면 안 됩니다 — 같은 기간끼리 비교하세요")
        if len(employed) >= 2 and employed[-1].value < employed[0].value:
            blocks.append(TrendBlock(text=f"보도된 수치로는 {fmt_value(employed[0].value, '천명')}에서 "
                                          f"{fmt_value(employed[-1].value, '천명')}으로 줄었습니다 (기간 종류가 다름에 유의)."))
    if rates:
        parts, figs = state_all(rates, lambda o: f"{o.region} {fmt_period(o.period)}")
        blocks.append(TrendBlock(text="청년(15~29세) 고용률: " + ", ".join(parts) + f" ({source_text(rates[0])}).",
                                 figures=figs))
    cats = [f"{fmt_period(o.period)}" for o in employed]
    figure = charts.bar_chart(f"{title} — 취업자", cats, [o.value for o in employed], "천명",
                              [fmt_value(o.value, o.unit) for o in employed]) if employed else None
    if figure is None and rates:
        figure = charts.bar_chart(f"{title} — 고용률", [o.region for o in rates], [o.value for o in rates], "%",
                                  [fmt_value(o.value, o.unit) for o in rates])
    return _finish(q, title, blocks, notes, figure, "bar")


def _cities(store: StatsStore, q: TrendQuery) -> TrendAnswer:
    rows = store.query(regions=["제주시", "서귀포시"], period_kinds=["half"])
    rows = [o for o in rows if o.indicator in ("고용률", "실업률")]
    title = "제주시·서귀포시 고용 지표 (지역별고용조사)"
    if not rows:
        return _missing(q, title, "제주시·서귀포시 고용 지표")
    period = max(o.period for o in rows)
    rows = [o for o in rows if o.period == period]
    blocks: list[TrendBlock] = []
    groups: dict[str, tuple[list[str], list[float], list[str]]] = {}
    for ind, bd in (("고용률", ""), ("고용률", "15~29세"), ("고용률", "65세이상"), ("실업률", "")):
        pair = [o for o in rows if o.indicator == ind and o.breakdown == bd]
        if not pair:
            continue
        name = f"{ind}" + (f"({bd})" if bd else "")
        parts, figs = state_all(pair, lambda o: o.region)
        blocks.append(TrendBlock(text=f"{name}: " + ", ".join(parts) + ".", figures=figs))
        for o in pair:
            cats, vals, txts = groups.setdefault(o.region, ([], [], []))
            cats.append(name)
            vals.append(o.value)
            txts.append(fmt_value(o.value, o.unit))
    blocks.insert(0, TrendBlock(text=f"{fmt_period(period)} 지역별고용조사 ({source_text(rows[0])})."))
    figure = charts.bar_chart(f"{title} — {fmt_period(period)}", [], [], "%", groups=groups)
    return _finish(q, title, blocks, [], figure, "bar")


def _label_matches(labels: Sequence[str], keyword: str | None) -> list[str]:
    if not keyword:
        return []
    return [label for label in labels if keyword in label]


def _postings(store: StatsStore, q: TrendQuery) -> TrendAnswer:
    kind = q.breakdown or "업종"
    place = q.district if q.district and kind != "읍면동" else q.region
    total = store.query(series_id="catalog.open_postings", regions=[place], breakdowns=[""])
    rows = store.query(series_id="catalog.open_postings", regions=[place], breakdown_kind=kind)
    if not rows and q.district:  # no breakdown inside a 읍·면·동: its city's 읍·면·동 counts, the asked one marked
        kind, place = "읍면동", q.region
        rows = store.query(series_id="catalog.open_postings", regions=[place], breakdown_kind=kind)
        total = store.query(series_id="catalog.open_postings", regions=[place], breakdowns=[""])
        q = q.model_copy(update={"keyword": q.district})
    title = f"{_place(place)} 구인공고 현황 ({kind}별)"
    if not rows:
        return _missing(q, title, f"{_place(place)} {kind}별 구인공고 집계")
    rows = sorted(rows, key=lambda o: (-o.value, o.breakdown))
    wanted = _label_matches([o.breakdown for o in rows], q.keyword) if q.keyword != "관광" else ["관광 관련"]
    shown = rows[:TOP_N]
    parts, figs = state_all(shown, lambda o: o.breakdown)
    as_of = rows[0].period
    lead = f"{as_of} 기준 {_place(place)}의 열린 구인공고"
    if total:
        t_text, t_fig = stated(total[0], "", with_source=False)
        lead += f"는 모두 {t_text.strip()}이고"
        figs.append(t_fig)
    lead += f", {kind}별로 많은 순서는 " + ", ".join(parts) + f"입니다 ({source_text(rows[0])})."
    blocks = [TrendBlock(text=lead, figures=figs)]
    asked = [o for o in rows if o.breakdown in wanted]
    if asked:
        parts, efigs = state_all(asked, lambda o: o.breakdown)
        blocks.append(TrendBlock(text="찾으신 곳·분야: " + ", ".join(parts) + ".", figures=efigs))
        shown = shown + [o for o in asked if o not in shown]
    figure = charts.bar_chart(f"{title} — {as_of} 기준", [o.breakdown for o in shown], [o.value for o in shown],
                              "건", [fmt_value(o.value, o.unit) for o in shown], horizontal=True)
    return _finish(q, title, blocks, [], figure, "bar")


def _measures(rows: Sequence[Observation]) -> dict[tuple[str, str, str], dict[str, float]]:
    out: dict[tuple[str, str, str], dict[str, float]] = {}
    for o in rows:
        out.setdefault((o.region, o.breakdown_kind, o.breakdown), {})[o.measure] = o.value
    return out


def _wages(store: StatsStore, q: TrendQuery) -> TrendAnswer:
    region = q.region
    rows = store.query(series_id="catalog.monthly_wage", regions=[region], measures=None)
    title = f"{_place(region)} 구인공고 월 임금 수준 (월급 환산, 전일제)"
    if not rows:
        return _missing(q, title, f"{_place(region)} 공고 임금 집계")
    by_group = _measures(rows)
    source_row = rows[0]
    chosen: list[tuple[str, str]] = []
    if q.keyword:
        keyword = q.keyword
        if keyword == "관광":
            chosen = [("업종군", "관광 관련")]
        else:
            for kind in ("업종", "직업"):
                chosen += [(kind, label) for (r, k, label) in by_group if k == kind and keyword in label]
    if not chosen:
        kind = q.breakdown or "직종"
        groups = sorted(((k, label) for (r, k, label) in by_group if k == kind),
                        key=lambda kl: -by_group[(region, *kl)]["n"])
        chosen = groups[:TOP_N]
    notes: list[str] = []
    if q.keyword and not any(k != "직종" for k, _ in chosen) and q.keyword != "관광":
        notes.append(f"'{q.keyword}' 관련 공고가 {MIN_WAGE}건 미만이라 따로 집계하지 않았습니다 — 고용24에서 직접 확인하세요")
    boxes: list[tuple[str, dict[str, float]]] = []
    blocks: list[TrendBlock] = []
    overall = by_group.get((region, "", ""))
    for kind, label in chosen:
        m = by_group[(region, kind, label)]
        boxes.append((label, m))
        figs = [_wage_figure(rows, region, kind, label, meas) for meas in ("median", "p25", "p75", "n")]
        blocks.append(TrendBlock(
            text=f"{label}: 월급 중앙값 {fmt_value(m['median'], '원')} (가운데 절반 {fmt_value(m['p25'], '원')}~"
                 f"{fmt_value(m['p75'], '원')}, 공고 {int(m['n'])}건)",
            figures=[f for f in figs if f is not None],
        ))
    if overall:
        boxes.append((f"{_place(region)} 전체", overall))
        figs = [_wage_figure(rows, region, "", "", meas) for meas in ("median", "n")]
        blocks.append(TrendBlock(text=f"비교: {_place(region)} 전체 전일제 공고 월급 중앙값 {fmt_value(overall['median'], '원')}"
                                      f" (공고 {int(overall['n'])}건)", figures=[f for f in figs if f is not None]))
    blocks.insert(0, TrendBlock(text=f"{source_row.period} 기준 열린 전일제 공고의 월급 환산액입니다 (시급×209시간, "
                                     f"일급×21.75일, 연봉÷12; 범위는 가운데 값). 출처: {source_text(source_row)}."))
    figure = charts.box_chart(f"{title} — {source_row.period} 기준", boxes, "원/월")
    return _finish(q, title, blocks, notes, figure, "box")


def _wage_figure(rows: Sequence[Observation], region: str, kind: str, label: str, measure: str) -> TrendFigure | None:
    for o in rows:
        if (o.region, o.breakdown_kind, o.breakdown, o.measure) == (region, kind, label, measure):
            name = {"median": "월급 중앙값", "p25": "하위 25%", "p75": "상위 25%", "n": "공고 수"}[measure]
            return figure_of(o, f"{label or _place(region)} {name}")
    return None


def _seasonality(store: StatsStore, q: TrendQuery) -> TrendAnswer:
    rates = store.query(indicator="실업률", regions=[JEJU], breakdowns=[""], period_kinds=["month"])
    regs = store.query(series_id="catalog.registrations", regions=[JEJU])
    title = "제주 고용의 계절성 — 월별 실업률과 구인공고 등록"
    if not rates and not regs:
        return _missing(q, title, "월별 계절성 수치")
    blocks: list[TrendBlock] = []
    notes = _seasonal_notes(store, rates, "실업률")
    if rates:
        parts, figs = state_all(rates, lambda o: fmt_period(o.period))
        winter = [o for o in rates if int(o.period[5:]) in (12, 1)]
        lead = "제주 월별 실업률(경제활동인구조사): " + ", ".join(parts) + "."
        if winter:
            lead += " 겨울(12·1월)에 4%대로 오르고 여름·가을에는 1~2%대로 내려가는 계절 흐름이 보입니다."
        blocks.append(TrendBlock(text=lead + f" ({source_text(rates[-1])})", figures=figs))
    annual = store.query(indicator="실업률", regions=[JEJU], breakdowns=[""], period_kinds=["year"])
    if annual:
        text, fig = stated(annual[-1], f"비교: {annual[-1].period}년 연간 실업률")
        blocks.append(TrendBlock(text=text + ".", figures=[fig]))
    bars: dict[str, list[Observation]] = {}
    if regs:
        total = [o for o in regs if o.breakdown == ""]
        tourism = [o for o in regs if o.breakdown == "관광 관련"]
        bars = {"전체 공고": total, "관광 관련 공고": tourism}
        parts, figs = [], []
        for o in total:
            text, fig = stated(o, fmt_period(o.period), with_source=False)
            t = next((x for x in tourism if x.period == o.period), None)
            if t:
                ttext, tfig = stated(t, "관광 관련", with_source=False)
                text += f"(그중 {ttext})"
                figs.append(tfig)
            parts.append(text)
            figs.append(fig)
        blocks.append(TrendBlock(text="카탈로그의 월별 구인공고 등록: " + ", ".join(parts) + f" ({source_text(total[0])}).",
                                 figures=figs))
        if len(total) < 12:
            notes.append(f"카탈로그에는 {len(total)}개월치 공고만 있어 1년 계절성을 판단하기에는 부족합니다 — "
                         "고용24 구인 통계나 고용행정통계(eis.work24.go.kr)로 여러 해를 비교하세요")
    figure = charts.line_and_bars(title, "제주 월별 실업률 (%)", rates, "%", bars, "건")
    return _finish(q, title, blocks, notes, figure, "line+bar")


_COMPOSERS = {
    "rates": _rates, "industry": _industry, "youth": _youth, "cities": _cities,
    "postings": _postings, "wages": _wages, "seasonality": _seasonality,
}


def figure_json(answer: TrendAnswer) -> str | None:
    """The figure as a JSON string (``plotly.io.from_json`` reads it back)."""
    return json.dumps(answer.figure, ensure_ascii=False) if answer.figure is not None else None
