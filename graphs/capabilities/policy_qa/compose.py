"""The policy answer: the passages that answer the question, after the facts the question itself asks for (the
year's 최저임금, the rule that makes an amount)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graphs.answer import CitationOut, Role
from graphs.compose import basis_line, excerpt, paragraphs, policy_citation, weak_passage
from graphs.eligibility import amount_rule
from graphs.prompts import COUNSELOR_TIPS, DISCLAIMER, UNCERTAIN
from knowledge.facts import minimum_wage

MINIMUM_WAGE_WORDS = re.compile(r"최저\s*(?:임금|시급|시금)")
# where unpaid wages are reported (policy-facts §12): said first, whatever passages the search finds
WAGE_ARREARS_LINE = ("임금체불은 고용노동부 고객상담센터 ☎1350에 상담하거나, 일한 사업장을 관할하는 지방고용노동관서에 "
                     "진정할 수 있어요. 근로계약서, 급여명세서, 통장 입금 내역 같은 증빙을 챙겨 두세요.")


def minimum_wage_lines(year: int, stated_hourly: int | None = None) -> list[str]:
    """The 최저임금 of ``year`` from the facts table; a year without a 고시 says so first (⚠️) and gives the latest
    known one; a stated hourly pay is compared with it (최저임금법 제6조)."""
    table = minimum_wage()
    used = table.year_for(year)
    entry = table.years[used]
    figure = f"시간급 {entry.hourly:,}원(주 40시간 기준 월 209시간 환산 {entry.monthly_209h:,}원)"
    if used == year:
        lines = [f"{year}년 최저임금은 {figure}입니다 ({entry.notice})."]
    else:
        lines = [f"⚠️ {year}년 최저임금은 아직 고시되지 않았거나 확인되지 않았어요. 가장 최근 확인된 {used}년 최저임금은 "
                 f"{figure}입니다. {year}년 금액은 최저임금위원회(minimumwage.go.kr) 고시나 ☎1350에서 확인하세요."]
    if stated_hourly is not None:
        gap = entry.hourly - stated_hourly
        if gap > 0:
            lines.append(f"말씀하신 시급 {stated_hourly:,}원은 {used}년 최저임금 {entry.hourly:,}원보다 {gap:,}원 적어 "
                         f"최저임금 미달입니다. 최저임금보다 적게 주면 최저임금법 위반입니다({table.article}). "
                         "고용노동부 고객상담센터 ☎1350에 상담하세요.")
        else:
            lines.append(f"말씀하신 시급 {stated_hourly:,}원은 {used}년 최저임금 {entry.hourly:,}원 이상입니다.")
    return lines


def policy_answer(
    out: dict[str, Any],
    role: Role,
    *,
    question: str = "",
    program: str | None = None,
    asks: Sequence[str] = (),
    today_year: int | None = None,
    stated_hourly: int | None = None,
) -> tuple[str, list[CitationOut]]:
    """The passages that answer a policy question; first, the facts the question itself asks for: the year's
    최저임금 (and a stated hourly pay against it) when it asks about the minimum wage, and the rule that makes the
    amount when it asks "얼마" about a program."""
    passages = out["passages"]
    lines: list[str] = []
    year = out.get("year") or today_year
    wage_asked = bool(MINIMUM_WAGE_WORDS.search(question)) or stated_hourly is not None
    if year and wage_asked:
        lines += minimum_wage_lines(year, stated_hourly)
    if "wage_arrears" in asks:
        lines.append(WAGE_ARREARS_LINE)
    rule = amount_rule(program) if "amount" in asks else None
    if rule:
        lines.append(f"계산 방법: {rule}")
    if not passages:
        return paragraphs(*lines, "관련된 안내 문서를 찾지 못했어요. 고용24(work24.go.kr) 또는 고용노동부 고객상담센터 ☎1350에 "
                       "문의해 주세요."), []
    shown = passages[:2] if role == "citizen" else passages[:3]
    if out.get("year") and not (wage_asked and lines):
        if any(p.get("in_force", True) for p in shown):
            lines.append(f"({out['year']}년 기준으로 찾았어요)")
        else:
            lines.append(f"⚠️ {out['year']}년 기준 자료는 확인하지 못했어요. 아래는 다른 해의 자료이니 고용24 또는 ☎1350에서 "
                         f"{out['year']}년 내용을 꼭 확인하세요.")
    for p in shown:
        lines += [f"**{p['title']} — {p['section']}**", excerpt(p, 4 if role == "citizen" else 8)]
        if role == "counselor":
            lines.append(basis_line(p))
    if any(weak_passage(p) for p in shown):
        lines.append(UNCERTAIN)
    if role == "counselor":
        lines.append(COUNSELOR_TIPS["policy"])
    lines.append(DISCLAIMER)
    return paragraphs(*lines), [policy_citation(p) for p in shown]


