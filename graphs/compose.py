"""Templated Korean answers from tool outputs (the no-LLM path, and the fallback of the LLM path).

Every number written here is copied from a tool output or a cited passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graphs.answer import CitationOut, Role
from graphs.eligibility import amount_rule
from graphs.prompts import COUNSELOR_TIPS, DISCLAIMER, SAMPLE_NOTE, UNCERTAIN
from graphs.tools import score_texts, split_sentences
from knowledge.facts import minimum_wage

MARK = {True: "✅", False: "❌", None: "❓"}
SUB_MARK = {"eligible": MARK[True], "ineligible": MARK[False], "need_more_info": MARK[None]}
DECISION = {
    "eligible": "받을 수 있을 것으로 보여요 ✅",
    "ineligible": "요건을 충족하지 않는 것으로 보여요 ❌",
    "need_more_info": "몇 가지를 더 알아야 판단할 수 있어요 ❓",
}
WEAK = {"unverified", "conflict"}


def _won(v: int | None) -> str:
    return f"{v:,}원" if v is not None else "-"


def _pay(job: dict[str, Any]) -> str:
    lo, hi = job.get("wage_min"), job.get("wage_max")
    kind = job.get("wage_type") or ""
    if lo is None:
        return kind or "임금 협의"
    return f"{kind} {lo:,}원" + (f"~{hi:,}원" if hi and hi != lo else "")


# ---- eligibility -----------------------------------------------------------------------------------------------
# The templated answer is Markdown made of blocks separated by blank lines: a one-line paragraph, a list whose items
# each sit on their own line, or a table. No block carries a second line of plain text, so nothing runs together
# when the chat renders it (tests/graphs/test_compose.py parses it with markdown-it).

# Plain-language glosses for the law's words, added to a citizen's answer the first time each word appears.
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("피보험 단위기간", "퇴사 전 18개월 중 고용보험에 가입해 월급을 받은 날"),
    ("기준기간", "퇴사 전 18개월"),
    ("피보험기간", "고용보험에 가입해 있던 기간"),
    ("구직급여일액", "하루에 받는 금액"),
    ("소정급여일수", "받을 수 있는 날수"),
    ("수급기간", "퇴사 다음 날부터 12개월"),
)
VERDICT = {  # one plain sentence per decision
    "eligible": "{obj} {verb} 수 있을 것으로 보여요 ✅",
    "ineligible": "알려주신 내용으로는 {obj} {verb} 수 없는 것으로 보여요 ❌",
    "need_more_info": "{obj} {verb} 수 있는지 판단하려면 몇 가지를 더 알아야 해요 ❓",
}
VERB = {"national_employment_support": "참여할", "learning_card": "발급받을"}  # default: 받을 (object: 을/를)
AMOUNTS_HEADING = {"eligible": "예상 금액", "need_more_info": "요건을 모두 갖추면 받을 수 있는 금액"}
WHERE_TO_APPLY = "📍 신청·상담: 고용24(work24.go.kr) 또는 가까운 고용센터 · 고용노동부 고객상담센터 ☎1350"
REFERENCE_AMOUNT_SUFFIXES = ("하한액", "상한액")  # the year's limits: in a citizen's details, not the headline
CITIZEN_MET = 2  # met conditions named to a citizen (the exception that decided, the condition asked about)
CITIZEN_NOTES = 1  # the rules put the note a person most needs first (e.g. how an income share was estimated)


def _value(amt: dict[str, Any]) -> str:
    unit = amt["unit"]
    if unit == "원/월":
        return f"월 {amt['value']:,}원"
    if unit == "원/일":
        return f"1일 {amt['value']:,}원"
    return f"{amt['value']:,}{'일' if unit == '일' else '원'}"


def _has_final_consonant(word: str) -> bool:
    last = word.rstrip(" )")[-1:] or "가"
    return "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 != 0


def _object(name: str, verb: str) -> str:
    if verb == "참여할":
        return f"{name}에"
    return f"{name}{'을' if _has_final_consonant(name) else '를'}"


def gloss(text: str) -> str:
    """``text`` with a plain gloss after the first use of each law word (unless a parenthesis already follows it,
    i.e. the text explains it there itself)."""
    for term, plain in GLOSSARY:
        i = text.find(term)
        if i < 0:
            continue
        end = i + len(term)
        if not text[end:].startswith(("(", " (")):
            text = f"{text[:end]}({plain}){text[end:]}"
    return text


def _blocks(*groups: Sequence[str] | str | None) -> str:
    """Markdown blocks (strings, or lists of list-item lines) joined by blank lines, empty ones left out."""
    out: list[str] = []
    for g in groups:
        if not g:
            continue
        out.append(g if isinstance(g, str) else "\n".join(g))
    return "\n\n".join(out)


def eligibility_answer(
    result: dict[str, Any],
    role: Role,
    *,
    ask: str | None,
    guide: Sequence[dict[str, Any]] = (),
    guide_first: bool = False,
    question: str = "",
    focus: Sequence[str] = (),
) -> tuple[str, list[CitationOut]]:
    """The check's result and, when given, the policy passages that answer the question itself (``guide``: before
    the result when ``guide_first``).

    Citizens get the verdict in one plain sentence, the amounts and days, the one or two conditions that decide —
    those closest to ``question`` / ``focus`` ("amount", "duration" …) first —, the one next question and where to
    apply; the full checklist is :func:`eligibility_details` (the chat shows it behind "자세히"). Counselors get the
    full checklist in the answer. Warnings come first for both."""
    citizen = role == "citizen"
    # law words glossed in what the rules say; a quoted passage stays as its source wrote it
    body = gloss(_citizen_summary(result, question, focus)) if citizen else _counselor_checklist(result, role)
    about = _guide_blocks(guide, role)
    parts: list[str] = [_warnings(result)]
    parts += [*about, body] if guide_first else [body, *about]
    if _weak(result) or any(_weak_passage(p) for p in guide):
        parts.append(UNCERTAIN)
    if ask:
        parts.append(f"👉 {ask}")
    if citizen:
        parts.append(WHERE_TO_APPLY)
    elif result["program"] in COUNSELOR_TIPS:
        parts.append(COUNSELOR_TIPS[result["program"]])
    parts.append(DISCLAIMER)
    return _blocks(*parts), eligibility_citations(result) + [policy_citation(p) for p in guide]


def eligibility_details(result: dict[str, Any], role: Role = "counselor") -> str:
    """The full checklist of one result (every requirement with its article, every amount with its formula, the
    tracks' table, the notes): the counselor's answer, and what a citizen opens with "자세히" (law words glossed)."""
    text = _blocks(_warnings(result), _counselor_checklist(result, role))
    return gloss(text) if role == "citizen" else text


def warning_lines(result: dict[str, Any]) -> list[str]:
    """The result's warnings (its tracks' too), each a visible ⚠️ paragraph: shown before anything else."""
    return [f"⚠️ **{w}**" for w in _all(result, "warnings")]


def _warnings(result: dict[str, Any]) -> str:
    return _blocks(*warning_lines(result))


def _all(result: dict[str, Any], key: str) -> list[str]:
    """The result's own ``key`` items (notes, warnings) then its tracks', each once."""
    items = list(result.get(key) or [])
    for sub in result.get("sub_results") or []:
        items.extend(n for n in sub.get(key) or [] if n not in items)
    return items


def _header(result: dict[str, Any]) -> str:
    return f"**{result['program_name']} 확인 결과 ({result['applies_year']}년 기준): {DECISION[result['decision']]}**"


def _verdict(result: dict[str, Any]) -> str:
    verb = VERB.get(result["program"], "받을")
    sentence = VERDICT[result["decision"]].format(obj=_object(result["program_name"], verb), verb=verb)
    return f"**{sentence}** ({result['applies_year']}년 기준)"


def payable(result: dict[str, Any], role: Role = "counselor") -> list[dict[str, Any]]:
    """The amounts that may be printed: none for an ineligible result (nothing will be paid); for a citizen whose
    result still waits for facts, the rates and days but no lump sum (a total reads as a promise of payment) —
    unless the citizen asked how much: :func:`_citizen_summary` then adds it, marked as conditional."""
    if result["decision"] == "ineligible":
        return []
    amounts = list(result.get("amounts") or [])
    if role == "citizen" and result["decision"] == "need_more_info":
        return [a for a in amounts if a["unit"] != "원"]
    return amounts


def _most_relevant(reasons: list[dict[str, Any]], question: str, focus: Sequence[str]) -> list[dict[str, Any]]:
    """The reasons, those closest to the question first (the rules' own order breaks ties)."""
    if not question or len(reasons) < 2:
        return reasons
    scores = score_texts(question, [r["text"] for r in reasons], focus)
    return [reasons[i] for i in sorted(range(len(reasons)), key=lambda i: (-scores[i], i))]


def _met_to_name(pool: list[dict[str, Any]], question: str, focus: Sequence[str]) -> list[dict[str, Any]]:
    """At most two met conditions worth a citizen's line: those met only through an exception the person stated
    (``key``: 정당한 사유, 병역 가산, 청년 소득 면제), then those the question is about."""
    met = [r for r in pool if r["passed"] is True]
    chosen = [r for r in met if r.get("key")]
    if question and met:
        scores = score_texts(question, [r["text"] for r in met], focus)
        chosen += [met[i] for i in sorted(range(len(met)), key=lambda i: (-scores[i], i))
                   if scores[i] > 0 and met[i] not in chosen]
    return chosen[:CITIZEN_MET]


def _condition(reason: dict[str, Any]) -> str:
    return str(reason["text"]).split(" → ")[0]


def _pooled_reasons(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each condition once: a program with tracks (국민취업지원제도) pools its tracks' conditions (they share some;
    the "… → 결과" part may differ), otherwise its own."""
    subs = result.get("sub_results") or []
    pool: list[dict[str, Any]] = []
    for r in [r for sub in subs for r in sub.get("reasons", [])] if subs else result.get("reasons", []):
        if _condition(r) not in {_condition(q) for q in pool}:
            pool.append(r)
    return pool


def _is_reference(amt: dict[str, Any]) -> bool:
    return str(amt["name"]).endswith(REFERENCE_AMOUNT_SUFFIXES)


def _citizen_summary(result: dict[str, Any], question: str = "", focus: Sequence[str] = ()) -> str:
    """The verdict, the amounts and days (with the rule that makes them when "how much" is asked), the one or two
    conditions that fail or are still unknown, the rules' first note, and the rule's source."""
    decision = result["decision"]
    parts: list[str | list[str]] = [_verdict(result)]
    subs = result.get("sub_results") or []
    amounts = payable(result, "citizen")
    if subs:
        parts.append(_types_table(result, "citizen"))
    elif amounts:
        personal = [a for a in amounts if not _is_reference(a)] or amounts
        if decision == "need_more_info" and "amount" in focus:  # "얼마예요?": the sum too, under its condition
            held = [a for a in result.get("amounts") or [] if a["unit"] == "원" and not _is_reference(a)]
            personal += [{**a, "name": f"{a['name']}(위 조건을 모두 갖춘 경우)"} for a in held]
        items = []
        for a in personal:
            items.append(f"- {a['name']}: **{_value(a)}**" + (" (확인 필요)" if a["confidence"] in WEAK else ""))
            if "amount" in focus:
                items.append(f"  - 계산: {a['formula']}")
        parts += [f"{AMOUNTS_HEADING[decision]}:", items]
    pool = _pooled_reasons(result)
    failed = [r for r in pool if r["passed"] is False] if decision == "ineligible" else []
    unknown = [r for r in pool if r["passed"] is None] if decision == "need_more_info" else []
    met = _met_to_name(pool, question, focus) if decision != "ineligible" else []
    if met:
        parts += ["확인된 조건:", [f"- {MARK[True]} {r['text']}" + (" (확인 필요)" if r["confidence"] in WEAK and "확인" not in r["text"] else "")
                              for r in met]]
    if failed:
        parts += ["받기 어려운 이유:",
                  [f"- {MARK[False]} {r['text']}" for r in _most_relevant(failed, question, focus)[:2]]]
    elif unknown:
        parts += ["더 알아야 하는 조건:",
                  [f"- {MARK[None]} {r['text']}" for r in _most_relevant(unknown, question, focus)[:2]]]
    parts += [f"참고: {n}" for n in _all(result, "notes")[:CITIZEN_NOTES]]
    seen: list[str] = []
    for item in [*failed, *(a for a in amounts if not _is_reference(a))]:
        cite = f"{item['article']} ({item['effective_from']} 시행)"
        if cite not in seen:
            seen.append(cite)
    if seen:
        parts.append("근거: " + "; ".join(seen[:2]))
    return _blocks(*parts)


def _counselor_checklist(result: dict[str, Any], role: Role = "counselor") -> str:
    """Every requirement with its article, every amount with its formula, the tracks in one table, the notes."""
    parts: list[str | list[str]] = [_header(result)]
    subs = result.get("sub_results") or []
    if subs:
        parts.append(_types_table(result, role, conditions=True))
    amounts = payable(result, role)
    if subs:  # the tracks' amounts are in the table: each formula once
        amounts = []
        for a in [*payable(result, role), *(a for s in subs for a in payable(s, role))]:
            if (a["name"], a["formula"]) not in {(b["name"], b["formula"]) for b in amounts}:
                amounts.append(a)
    if amounts and subs:  # the values are in the table: only how each is computed
        parts += ["계산:", [f"- {a['name']}: {a['formula']} [{a['article']}, {a['effective_from']} 시행]"
                            for a in amounts]]
    elif amounts:
        items = []
        for a in amounts:
            items.append(f"- {a['name']}: {_value(a)}" + (" (확인 필요)" if a["confidence"] in WEAK else ""))
            items.append(f"  - 계산: {a['formula']} [{a['article']}, {a['effective_from']} 시행]")
        parts += ["금액과 계산:", items]
    reasons = _pooled_reasons(result)
    if reasons:
        parts += ["요건 점검:", [f"- {MARK[r['passed']]} {r['text']} — {r['article']}" for r in reasons]]
    notes = _all(result, "notes")
    if notes:
        parts += ["참고:", [f"- {n}" for n in notes]]
    return _blocks(*parts)


def _types_table(result: dict[str, Any], role: Role, *, conditions: bool = False) -> str:
    """One row per track (Ⅰ유형 요건심사형 … Ⅱ유형): its decision, one column per allowance and, for counselors,
    its conditions by short name."""
    prefix = f"{result['program_name']} "
    subs = result.get("sub_results") or []
    names: list[str] = []
    for sub in subs:
        names += [a["name"] for a in payable(sub, role) if a["name"] not in names]
    head = ["유형", "판단", *names] + (["조건"] if conditions else [])
    rows = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for sub in subs:
        amounts = {a["name"]: a for a in payable(sub, role)}
        cells = [sub["program_name"].removeprefix(prefix), SUB_MARK[sub["decision"]]]
        for name in names:
            a = amounts.get(name)
            cells.append(f"{a['value']:,}{'일' if a['unit'] == '일' else '원'}" + (" ⚠️" if a["confidence"] in WEAK else "")
                         if a else "-")
        if conditions:
            cells.append(" · ".join(f"{MARK[r['passed']]} {r.get('label') or _requirement_name(r)}"
                                    for r in sub.get("reasons", [])) or "-")
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|") or "-"


def _guide_blocks(guide: Sequence[dict[str, Any]], role: Role) -> list[str]:
    blocks: list[str] = []
    for p in guide:
        blocks += [f"**{p['title']} — {p['section']}**", excerpt(p, 3 if role == "citizen" else 5)]
        if role == "counselor":
            blocks.append(_basis_line(p))
    return blocks


def _basis_line(p: dict[str, Any]) -> str:
    return f"· 근거: {_basis(p)} ({p['effective_from']} 시행, 신뢰도 {p['confidence']})"


def _weak(result: dict[str, Any]) -> bool:
    items = result.get("reasons", []) + result.get("amounts", [])
    return any(i["confidence"] in WEAK for i in items) or any(_weak(s) for s in result.get("sub_results", []))


def _requirement_name(reason: dict[str, Any]) -> str:
    """A short name for a requirement without a label: its text up to the person's figures, never a rule id."""
    head = re.split(r"[:—(]| \d", str(reason.get("text", "")), maxsplit=1)[0].strip()
    return head[:30] or "수급 요건"


def eligibility_citations(result: dict[str, Any]) -> list[CitationOut]:
    seen: set[str] = set()
    out: list[CitationOut] = []
    items = result.get("amounts", []) + result.get("reasons", [])
    for sub in result.get("sub_results", []):
        items += sub.get("amounts", []) + sub.get("reasons", [])
    for item in items:
        key = item["article"]
        if key in seen:
            continue
        seen.add(key)
        out.append(
            CitationOut(
                title=f"{result['program_name']} 규칙",
                source=item["article"],
                section=item.get("name") or item.get("label") or _requirement_name(item),
                effective_from=item["effective_from"],
                url=item.get("source_url"),
                confidence=item["confidence"],
            )
        )
    return out


def ask_first_missing(result: dict[str, Any]) -> tuple[str | None, str | None]:
    """The first missing fact as (profile field, one short question)."""
    missing = result.get("missing") or []
    if result["decision"] != "need_more_info" or not missing:
        return None, None
    return missing[0]["field"], missing[0]["question"]


# ---- jobs and training -----------------------------------------------------------------------------------------
def _nothing_found(out: dict[str, Any], describe: str, what: str) -> str:
    """No result: say which filter to relax (with how many results that gives) or how to search instead."""
    hints = [f"- '{r['label']}' 조건을 빼면 {r['count']}건이 있어요." for r in out.get("relax", [])]
    return _blocks(f"{describe} 조건에 맞는 {_object(what, '찾을')} 찾지 못했어요.",
                   hints or ["- 다른 낱말이나 더 넓은 지역으로 찾아 보세요."],
                   f"고용24(work24.go.kr)에서 최신 {what}도 확인해 보세요.")


def jobs_answer(out: dict[str, Any], role: Role, *, describe: str) -> tuple[str, list[CitationOut]]:
    jobs = out["jobs"]
    if not jobs:
        return _nothing_found(out, describe, "채용정보"), []
    lines = [f"{describe} 채용정보 {len(jobs)}건을 찾았어요 {SAMPLE_NOTE}", ""]
    for i, j in enumerate(jobs, 1):
        where = f"{j['region']} {j.get('district') or ''}".strip()
        close = j.get("close_date") or "채용시까지"
        lines.append(f"{i}. **{j['title']}** — {j['company']} ({where}) · {_pay(j)} · {j['employment_type']} · 마감 {close}")
        if role == "counselor":
            monthly = j.get("monthly_pay_max")
            lines.append(f"   - 구인인증번호 {j['id']} · 월 환산 최대 {_won(monthly)}" + (f" · {j['url']}" if j.get("url") else ""))
    if role == "counselor":
        lines += ["", COUNSELOR_TIPS["jobs"]]
    cites = [CitationOut(title="고용24 채용정보 (예시 카탈로그)", source="고용24 채용정보 Open API 형식", section="채용정보")]
    return "\n".join(lines), cites


def training_answer(out: dict[str, Any], role: Role, *, describe: str) -> tuple[str, list[CitationOut]]:
    courses = out["courses"]
    if not courses:
        return _nothing_found(out, describe, "훈련과정"), []
    lines = [f"{describe} 훈련과정 {len(courses)}건이에요 {SAMPLE_NOTE}", ""]
    for i, c in enumerate(courses, 1):
        rate = f"취업률 {c['employment_rate']}%" if c.get("employment_rate") is not None else "취업률 미공시"
        self_pay = f"자부담(추정) {_won(c.get('self_pay'))}" if c.get("self_pay") is not None else ""
        card = "내일배움카드 가능" if c.get("card_eligible") else "카드 사용 불가"
        lines.append(
            f"{i}. **{c['title']}** — {c['institution']} ({c['region']}) · 개강 {c['start_date']} · "
            f"훈련비 {_won(c['cost'])} {self_pay} · {card} · {rate}"
        )
        if role == "counselor":
            lines.append(f"   - 과정ID {c['id']}" + (f" · {c['url']}" if c.get("url") else ""))
    if role == "counselor":
        lines += ["", COUNSELOR_TIPS["training"]]
    cites = [CitationOut(title="고용24 훈련과정 (예시 카탈로그)", source="HRD-Net 훈련과정 API 형식", section="훈련과정")]
    return "\n".join(lines), cites


# ---- policies --------------------------------------------------------------------------------------------------
def excerpt(p: dict[str, Any], n: int) -> str:
    """``n`` sentences of a passage in their order: its opening (about half), then the sentences that answer the
    question (``key`` from the search), then the following ones."""
    sentences = split_sentences(p["text"])
    lead = list(range(min((n + 1) // 2, len(sentences))))
    chosen: list[int] = []
    for i in [*lead, *p.get("key", []), *range(len(sentences))]:
        if len(chosen) >= n:
            break
        if i < len(sentences) and i not in chosen:
            chosen.append(i)
    return " ".join(sentences[i] for i in sorted(chosen))


def _weak_passage(p: dict[str, Any]) -> bool:
    return p["confidence"] in WEAK or bool(p["flags"])


def _basis(p: dict[str, Any]) -> str:
    return "; ".join(s.get("article") or s.get("title", "") for s in p["sources"])


MINIMUM_WAGE_WORDS = re.compile(r"최저\s*(?:임금|시급|시금)")


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
    rule = amount_rule(program) if "amount" in asks else None
    if rule:
        lines.append(f"계산 방법: {rule}")
    if not passages:
        return _blocks(*lines, "관련된 안내 문서를 찾지 못했어요. 고용24(work24.go.kr) 또는 고용노동부 고객상담센터 ☎1350에 "
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
            lines.append(_basis_line(p))
    if any(_weak_passage(p) for p in shown):
        lines.append(UNCERTAIN)
    if role == "counselor":
        lines.append(COUNSELOR_TIPS["policy"])
    lines.append(DISCLAIMER)
    return _blocks(*lines), [policy_citation(p) for p in shown]


def policy_citation(p: dict[str, Any]) -> CitationOut:
    src = p["sources"][0] if p["sources"] else {}
    return CitationOut(
        title=p["title"],
        source=src.get("article") or src.get("url") or src.get("title", ""),
        section=p["section"],
        effective_from=p["effective_from"],
        url=src.get("url"),
        confidence=p["confidence"],
    )
