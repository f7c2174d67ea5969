"""The employer subsidy screening in the chat: which messages are an employer's subsidy question (or an employer's
reply with facts), the facts accumulated over the thread, the one next question and the answer's blocks."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from graphs.blocks import Block, MarkdownBlock, NoticeBlock, TableBlock
from graphs.capabilities.employer_subsidies.models import EmployerQuestion, ProgramScreen, ScreeningReport
from graphs.capabilities.employer_subsidies.parse import Facts, parse_facts
from graphs.capabilities.employer_subsidies.render import CONFIDENCE_KO, DISCLAIMER
from graphs.capabilities.employer_subsidies.screen import PARENTAL, PROGRAM_ORDER, PROMOTION, SENIOR, YOUTH
from graphs.eligibility.common import CONFIRM_NOTE
from graphs.nlu.expecting import parse_yes_no
from knowledge.schemas import Citation

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

# ---- claims ----------------------------------------------------------------------------------------------------
# Money for the employer: "지원금", "장려금", "고용장려금", "사업주 지원"
_MONEY = r"(?:지원금|장려금|지원\s*제도|지원(?:을|이|도)?\s*(?:받|되|있|해\s*주)|인건비\s*지원|혜택)"
# the employer's side: the company, a hire, an allowed leave
_EMPLOYER = (
    r"(?:우리|저희)\s*(?:회사|가게|사업장|업체|매장|법인|식당|카페|공장|호텔|펜션|농장|병원|학원|센터|기업)?|사업주|사장|"
    r"사업장|(?:회사|가게|업체|매장|식당|카페|공장|호텔|펜션|농장)(?:인데|예요|이에요|입니다|를?\s*(?:운영|하는데|해요))|"
    r"[가-힣]+업(?:인데|이에요|입니다|을\s*(?:하|해))|채용|뽑|고용(?:하|했|할|한)|대체\s*인력|업무\s*분담|계속\s*고용|"
    r"정년|육아\s*휴직\S*\s*(?:허용|줬|주|보내|쓰게)|근로\s*시간\s*단축\S*\s*(?:허용|해\s*줬)"
)
_ASK = r"(?:받을\s*수|받을\s*만한|받나요|받아요|되나요|될까요|돼요|되요|있나요|있어요|있을까요|알려|뭐|무엇|어떤|무슨|해당|가능|신청|나오|나와|챙길)"
_REQUEST = (
    re.compile(r"(?:사업주|기업|회사|고용|채용)\s*(?:지원금|장려금)"),
    re.compile(rf"^(?=.*(?:{_EMPLOYER}))(?=.*{_MONEY})(?=.*{_ASK})", re.DOTALL),
)
# a single named program stays the eligibility check / rule answer it always was (its own gold sets)
_NAMED_PROGRAM = re.compile(r"도약\s*장려금|고용\s*촉진\s*장려금|계속\s*고용\s*장려금|고용\s*안정\s*장려금")
# a job seeker's own benefits and searches
_SEEKER = re.compile(
    r"실업\s*급여|구직\s*급여|구직\s*촉진\s*수당|내일\s*배움|조기\s*재취업|육아\s*휴직\s*급여|훈련\s*장려금|"
    r"국민\s*취업\s*지원\s*제도(?!\S*\s*(?:이수|참여|수료|마친))|국취(?!\S*\s*(?:이수|참여|수료|마친))|"
    r"일자리|알바\s*(?:구|자리)|구해요|구합니다|찾아요|찾고|이직|취업하|퇴사|그만\s*(?:뒀|두|둔)|퇴직하|해고\s*(?:당|됐)|"
    r"실직|잘렸|권고\s*사직\s*(?:당|받)|정년\s*퇴직\s*(?:했|해서|하고|을\s*했)|"
    r"공고"
)
# a reply with employer facts ("우선지원대상기업이에요", "사업장은 애월읍", "채용한 청년은 27세"): words only an
# employer uses of itself ("서귀포 버스기사 채용", "IT 회사 채용 있어요?" are job searches)
_EMPLOYER_FACT_WORDS = re.compile(
    r"우리|저희|사업장|사업주|우선지원|중소기업|중견기업|대기업|피보험자|대체\s*인력|업무\s*분담|정년|재\s*고용|계속\s*고용|"
    r"육아\s*휴직|근로\s*시간\s*단축|구직\s*등록|직원|채용(?:한|했|할|하려|\s*후)|뽑(?:았|은|을|으려)|고용(?:한|했|할)|"
    r"[가-힣]+업(?:이에요|입니다|이고|인데)"
)


def is_request(text: str) -> bool:
    """An employer asking which subsidies the company may get ("채용하면 받을 수 있는 지원금 있나요")."""
    return any(p.search(text) for p in _REQUEST)


# a request for something else (a candidate, a posting, a search) is not a reply with facts
_OTHER_REQUEST = re.compile(r"추천|구하는|구해|찾아|찾는|작성|초안|만들|점검|검토|봐\s*줘|보여|알려\s*(?:줘|주세요)|\?")


def is_fact_reply(text: str) -> bool:
    """A short statement of employer facts in employer words (the reply to the screening's question)."""
    return (len(text) <= 120 and not _OTHER_REQUEST.search(text) and bool(_EMPLOYER_FACT_WORDS.search(text))
            and bool(parse_facts(text)))


def claims(text: str, u: Understanding) -> bool:
    """An employer's subsidy question or an employer's facts; never a seeker's own benefit or search, never a
    question naming one program (청년일자리도약장려금 and the others stay eligibility / policy_qa)."""
    if _NAMED_PROGRAM.search(text) or _SEEKER.search(text):
        return False
    if is_fact_reply(text):  # the NLU may read a seeker program into a bare fact ("6개월째 근무") — the words decide
        return True
    return is_request(text) and (u.program is None or u.program == YOUTH)


# ---- facts of the thread ---------------------------------------------------------------------------------------
# The eligibility Profile's employer fields (said in an earlier eligibility turn, or read by the NLU) → the facts.
PROFILE_FACTS: dict[str, str] = {
    "employer_insured_count": "insured_count",
    "employer_priority_support": "priority_support",
    "employer_capital_region": "capital_region",
}


def profile_facts(profile: dict[str, Any]) -> Facts:
    out: Facts = {}
    for field, path in PROFILE_FACTS.items():
        if profile.get(field) is not None:
            out[path] = profile[field]
    return out


# the question's fact as the NLU knows it (a Profile field: a bare "네"/"제주예요" is read as it), else its own path
ASK_FIELDS: dict[str, str] = {path: field for field, path in PROFILE_FACTS.items()}


# a question whose yes/no answer states another fact: "사업장이 수도권(서울·경기·인천)에 있나요?" (asked for the
# region) → "아니요" says the workplace is outside the capital region
YES_NO_FACT: dict[str, str] = {"region": "capital_region"}


def reply_facts(field: str, text: str) -> Facts:
    """A bare "네"/"아니요" replying to the question for a yes/no fact (``field``: the asked path or its Profile
    field): that fact; the example reply of each question says which facts are yes/no."""
    path = PROFILE_FACTS.get(field, field)
    answer = parse_yes_no(text)
    if path in YES_NO_FACT:
        return {} if answer is None else {YES_NO_FACT[path]: answer}
    example = EXAMPLES.get(path)
    if answer is None or example is None:
        return {}
    *parents, last = path.split(".")
    node: Any = parse_facts(example)
    for p in parents:
        node = node.get(p) or {}
    if not isinstance(node.get(last), bool):
        return {}
    out: Facts = {}
    cur: Any = out
    for p in parents:
        cur = cur.setdefault(p, {})
    cur[last] = answer
    return out


# ---- the next question -----------------------------------------------------------------------------------------
# How to answer each question so that the reply is read (each example parses to its fact; tests check it)
EXAMPLES: dict[str, str] = {
    "priority_support": "우선지원대상기업이에요",
    "insured_count": "고용보험 피보험자 12명이에요",
    "employees": "상시 직원 12명이에요",
    "region": "사업장은 제주시 애월읍에 있어요",
    "capital_region": "사업장은 제주시에 있어요",
    "youth.age": "채용한 청년은 27세예요",
    "youth.full_time": "청년을 정규직으로 채용했어요",
    "youth.months_employed": "청년 채용 후 6개월째 근무 중이에요",
    "youth.hard_to_employ": "채용한 청년은 취업애로청년이에요",
    "youth.military_service_months": "채용한 청년은 군 복무 21개월 했어요",
    "senior.retirement_age_system": "우리 회사는 정년 60세 제도가 있어요",
    "senior.system_years": "정년제도를 5년째 운영하고 있어요",
    "senior.measure": "정년 지난 직원을 재고용하려고요",
    "senior.senior_ratio_percent": "직원 중 60세 이상 비율은 20%예요",
    "senior.workers": "계속고용할 직원은 2명이에요",
    "parental.kind": "직원에게 육아휴직을 허용했어요",
    "parental.days": "육아휴직 90일 허용했어요",
    "parental.consecutive_months": "육아휴직 6개월 연속 허용했어요",
    "parental.child_age_months": "육아휴직한 직원의 자녀는 생후 8개월이에요",
    "parental.male": "육아휴직한 직원은 남성이에요",
    "hire.group": "국민취업지원제도 이수한 분을 채용했어요",
    "hire.registered": "채용 전에 구직등록을 했어요",
    "hire.unemployed_months": "채용한 분은 채용 전 3개월 실업 상태였어요",
    "hire.monthly_pay": "채용한 분 월급 230만원이에요",
    "layoffs_recent": "회사에 감원은 없었어요",
    "wage_arrears_listed": "임금 체불한 적 없어요",
}
# the programs a group of facts is about (what the employer is asking about)
FOCUS_OF: dict[str, str] = {"youth": YOUTH, "senior": SENIOR, "parental": PARENTAL, "hire": PROMOTION}


def focus(facts: Facts, text: str = "") -> list[str]:
    """The programs the employer gave facts for (in screening order); all programs when none."""
    wanted = {FOCUS_OF[k] for k in facts if k in FOCUS_OF}
    return [p for p in PROGRAM_ORDER if p in wanted] or list(PROGRAM_ORDER)


def next_question(report: ScreeningReport, focused: list[str]) -> EmployerQuestion | None:
    """The one fact that settles the most ❓ programs the employer asks about (then the most ❓ programs overall;
    then the order the screenings ask in)."""
    open_ = [p for p in report.programs if p.decision == "need_more_info"]
    if not open_:
        return None
    in_focus = Counter(m.field for p in open_ if p.program in focused for m in p.missing)
    overall = Counter(m.field for p in open_ for m in p.missing)
    order: list[EmployerQuestion] = []
    for p in sorted(open_, key=lambda p: p.program not in focused):
        order += [m for m in p.missing if all(o.field != m.field for o in order)]
    if not order:
        return None
    return max(order, key=lambda m: (in_focus[m.field], overall[m.field], -order.index(m)))


# ---- blocks ----------------------------------------------------------------------------------------------------
FACT_LABELS: dict[str, str] = {
    "employees": "상시 근로자 {}명", "insured_count": "피보험자 {}명", "industry": "업종 {}", "region": "소재지 {}",
}


def facts_line(facts: Facts) -> str:
    parts = [FACT_LABELS[k].format(facts[k]) for k in FACT_LABELS if facts.get(k) is not None]
    if facts.get("priority_support") is not None:
        parts.append("우선지원대상기업" if facts["priority_support"] else "우선지원대상기업 아님")
    youth = facts.get("youth") or {}
    if youth:
        bits = [f"{youth['age']}세" if youth.get("age") is not None else "",
                {True: "정규직", False: "비정규직", None: ""}[youth.get("full_time")]]
        parts.append("청년 채용" + (f"({', '.join(b for b in bits if b)})" if any(bits) else ""))
    for key, label in (("senior", "계속고용"), ("parental", "육아휴직·단축 허용"), ("hire", "취약계층 채용")):
        if facts.get(key):
            parts.append(label)
    return " · ".join(parts) or "아직 없음"


def _amount_cell(p: ProgramScreen) -> str:
    if p.decision == "ineligible":
        return "—"
    return p.summary.split(" — ")[0] if p.summary and not p.summary.startswith("확인할 것") else "—"


def _why_cell(p: ProgramScreen) -> str:
    if p.decision == "ineligible":
        first = p.failed[0] if p.failed else None
        return f"미충족: {first.label or first.text}" if first else p.summary
    if p.decision == "need_more_info":
        return f"확인할 것: {p.missing[0].question}" + (f" (외 {len(p.missing) - 1}건)" if len(p.missing) > 1 else "") \
            if p.missing else "세부 요건 확인"
    return "요건 충족"


def _articles(p: ProgramScreen) -> str:
    seen: list[str] = []
    for r in p.reasons:
        if r.article and r.article not in seen:
            seen.append(r.article)
    return ", ".join(seen[:2]) + (" 등" if len(seen) > 2 else "")


def table_block(report: ScreeningReport) -> TableBlock:
    rows: list[list[str | int | float | None]] = [
        [p.name, f"{p.status} {({'eligible': '해당', 'ineligible': '해당 없음', 'need_more_info': '확인 필요'})[p.decision]}",
         _amount_cell(p), _why_cell(p), _articles(p)]
        for p in report.programs
    ]
    return TableBlock(title="지원금별 판정", columns=["지원금", "판정", "금액(규정상 최대)", "충족·미충족", "근거"],
                      rows=rows)


def details_text(p: ProgramScreen) -> str:
    """One program's conditions: met, missing and unknown, each with its article; the amounts with formulas."""
    lines = [f"**{p.status} {p.name}**"]
    for title, reasons in (("충족", p.met), ("미충족", p.failed), ("확인 필요", p.unknown)):
        for r in reasons:
            conf = "" if r.confidence in ("law", "news") else f", {CONFIDENCE_KO.get(r.confidence, r.confidence)}"
            lines.append(f"- {title}: {r.text} ({r.article}{conf})")
    for a in p.amounts:
        conf = "" if a.confidence in ("law", "news") else f", {CONFIDENCE_KO.get(a.confidence, a.confidence)}"
        lines.append(f"- 💰 {a.name}: {a.formula} ({a.article}{conf})")
    lines += [f"- 참고: {n}" for n in p.notes if n != CONFIRM_NOTE]
    if p.flagged:
        lines.append("- ⚠️ 미확인·자료 간 불일치 정보가 포함되어 있어 고용센터 확인이 필요합니다.")
    return "\n".join(lines)


def blocks_of(report: ScreeningReport, facts: Facts, question: EmployerQuestion | None, assumed_insured: bool,
              focused: list[str]) -> list[Block]:
    blocks: list[Block] = [
        MarkdownBlock(text=f"**사업주 지원금 점검** ({report.today.isoformat()} 기준) — 알려 주신 것: {facts_line(facts)}"),
        table_block(report),
    ]
    if assumed_insured:
        blocks.append(NoticeBlock(text="말씀하신 직원 수를 고용보험 피보험자 수로 보았습니다 — 다르면 "
                                       "'고용보험 피보험자 N명'으로 알려 주세요."))
    shown = [p for p in report.programs if p.program in focused or p.decision == "eligible"]
    blocks.append(MarkdownBlock(text="\n\n".join(details_text(p) for p in shown)))
    notes = list(report.notes)
    if question is not None:
        example = EXAMPLES.get(question.field)
        blocks.append(MarkdownBlock(
            text=f"**다음으로 여쭤볼 것:** {question.question}" + (f" (예: \"{example}\")" if example else "")))
    elif all(p.decision != "need_more_info" for p in report.programs):
        notes.append("모든 지원금의 판정에 필요한 사실을 확인했습니다.")
    if notes:
        blocks.append(MarkdownBlock(text="\n".join(f"- 참고: {n}" for n in notes)))
    blocks.append(MarkdownBlock(text=DISCLAIMER))
    return blocks


def citations_of(report: ScreeningReport, focused: list[str]) -> list[Citation]:
    out: list[Citation] = []
    for p in report.programs:
        if p.program not in focused and p.decision != "eligible":
            continue
        for r in p.reasons:
            if any(c.section == r.article for c in out):
                continue
            out.append(Citation(title=p.name, source=r.source or p.name, section=r.article,
                                effective_from=r.effective_from, url=r.source_url, confidence=r.confidence))
    return out
