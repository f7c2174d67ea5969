"""The 수급 요건·금액 answer: a citizen's short summary or a counselor's full checklist, from a check's result."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graphs.answer import CitationOut, Role
from graphs.compose import WEAK, basis_line, excerpt, paragraphs, policy_citation, weak_passage, with_object
from graphs.prompts import COUNSELOR_TIPS, DISCLAIMER, UNCERTAIN
from graphs.tools import score_texts

# Plain-language glosses for the law's words, added to a citizen's answer the first time each word appears.
MARK = {True: "✅", False: "❌", None: "❓"}
SUB_MARK = {"eligible": MARK[True], "ineligible": MARK[False], "need_more_info": MARK[None]}
DECISION = {
    "eligible": "받을 수 있을 것으로 보여요 ✅",
    "ineligible": "요건을 충족하지 않는 것으로 보여요 ❌",
    "need_more_info": "몇 가지를 더 알아야 판단할 수 있어요 ❓",
}
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
# A 유형 the person names ("1유형", "Ⅰ유형", "I유형"): the answer leads with it (its verdict, its conditions, its row).
TYPE_WORDS: dict[str, re.Pattern[str]] = {
    "Ⅰ유형": re.compile(r"(?<![0-9A-Za-zⅠⅡ])(?:1|Ⅰ|I)\s*유형"),
    "Ⅱ유형": re.compile(r"(?<![0-9A-Za-zⅠⅡ])(?:2|Ⅱ|II)\s*유형"),
}


def _value(amt: dict[str, Any]) -> str:
    unit = amt["unit"]
    if unit == "원/월":
        return f"월 {amt['value']:,}원"
    if unit == "원/일":
        return f"1일 {amt['value']:,}원"
    return f"{amt['value']:,}{'일' if unit == '일' else '원'}"


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
    the result when ``guide_first`` — a general question the passage answers —, otherwise after the result and the
    one next question: "받을 수 있나요?" is answered by what decides it and the question that settles it first).

    Citizens get the verdict in one plain sentence, the amounts and days, the one or two conditions that decide —
    those closest to ``question`` / ``focus`` ("amount", "duration" …) first —, the one next question and where to
    apply; the full checklist is :func:`eligibility_details` (the chat shows it behind "자세히"). Counselors get the
    full checklist in the answer. Warnings come first for both."""
    citizen = role == "citizen"
    label = asked_type(result, question)
    # law words glossed in what the rules say; a quoted passage stays as its source wrote it
    body = (gloss(_citizen_summary(result, question, focus, label)) if citizen
            else _counselor_checklist(result, role, label))
    about = _guide_blocks(guide, role)
    uncertain = [UNCERTAIN] if _weak(result) or any(weak_passage(p) for p in guide) else []
    next_question = [f"👉 {ask}"] if ask else []
    parts: list[str] = [_warnings(result)]
    if guide_first:
        parts += [*about, body, *uncertain, *next_question]
    else:
        parts += [body, *next_question, *about, *uncertain]
    if citizen:
        parts.append(WHERE_TO_APPLY)
    elif result["program"] in COUNSELOR_TIPS:
        parts.append(COUNSELOR_TIPS[result["program"]])
    parts.append(DISCLAIMER)
    return paragraphs(*parts), eligibility_citations(result) + [policy_citation(p) for p in guide]


def eligibility_details(result: dict[str, Any], role: Role = "counselor") -> str:
    """The full checklist of one result (every requirement with its article, every amount with its formula, the
    tracks' table, the notes): the counselor's answer, and what a citizen opens with "자세히" (law words glossed)."""
    text = paragraphs(_warnings(result), _counselor_checklist(result, role))
    return gloss(text) if role == "citizen" else text


def warning_lines(result: dict[str, Any]) -> list[str]:
    """The result's warnings (its tracks' too), each a visible ⚠️ paragraph: shown before anything else."""
    return [f"⚠️ **{w}**" for w in _all(result, "warnings")]


def _warnings(result: dict[str, Any]) -> str:
    return paragraphs(*warning_lines(result))


def _all(result: dict[str, Any], key: str) -> list[str]:
    """The result's own ``key`` items (notes, warnings) then its tracks', each once."""
    items = list(result.get(key) or [])
    for sub in result.get("sub_results") or []:
        items.extend(n for n in sub.get(key) or [] if n not in items)
    return items


def asked_type(result: dict[str, Any], question: str) -> str | None:
    """The 유형 the question names ("국취 1유형 되나요?" → "Ⅰ유형") when the result has tracks of that 유형."""
    for label, pattern in TYPE_WORDS.items():
        if pattern.search(question) and _tracks_of(result, label):
            return label
    return None


def _track_name(result: dict[str, Any], sub: dict[str, Any]) -> str:
    return str(sub["program_name"]).removeprefix(f"{result['program_name']} ")


def _tracks_of(result: dict[str, Any], label: str | None) -> list[dict[str, Any]]:
    """The result's tracks of the 유형 ``label`` (all of them when ``label`` is None)."""
    subs = list(result.get("sub_results") or [])
    return [s for s in subs if label is None or _track_name(result, s).startswith(label)]


def _focus_decision(result: dict[str, Any], label: str | None) -> str:
    """The decision for the asked 유형: the best of its tracks (eligible, else need_more_info, else ineligible)."""
    if label is None:
        return str(result["decision"])
    found = {s["decision"] for s in _tracks_of(result, label)}
    return "eligible" if "eligible" in found else "need_more_info" if "need_more_info" in found else "ineligible"


def _header(result: dict[str, Any], label: str | None = None) -> str:
    name = f"{result['program_name']} {label}" if label else result["program_name"]
    return f"**{name} 확인 결과 ({result['applies_year']}년 기준): {DECISION[_focus_decision(result, label)]}**"


def _verdict(result: dict[str, Any], label: str | None = None) -> str:
    verb = VERB.get(result["program"], "받을")
    name = f"{result['program_name']} {label}" if label else result["program_name"]
    sentence = VERDICT[_focus_decision(result, label)].format(obj=with_object(name, verb), verb=verb)
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


def _pooled_reasons(result: dict[str, Any], label: str | None = None) -> list[dict[str, Any]]:
    """Each condition once: a program with tracks (국민취업지원제도) pools its tracks' conditions (they share some;
    the "… → 결과" part may differ) — only the asked 유형's tracks when ``label`` names one —, otherwise its own."""
    subs = _tracks_of(result, label)
    pool: list[dict[str, Any]] = []
    for r in [r for sub in subs for r in sub.get("reasons", [])] if subs else result.get("reasons", []):
        if _condition(r) not in {_condition(q) for q in pool}:
            pool.append(r)
    return pool


def _is_reference(amt: dict[str, Any]) -> bool:
    return str(amt["name"]).endswith(REFERENCE_AMOUNT_SUFFIXES)


def _citizen_summary(
    result: dict[str, Any], question: str = "", focus: Sequence[str] = (), label: str | None = None
) -> str:
    """The verdict (of the asked 유형 when ``label`` names one), the amounts and days (with the rule that makes them
    when "how much" is asked), the one or two conditions that fail or are still unknown, the rules' first note, and
    the rule's source."""
    decision = _focus_decision(result, label)
    parts: list[str | list[str]] = [_verdict(result, label)]
    subs = result.get("sub_results") or []
    amounts = payable(result, "citizen")
    if subs:
        parts.append(_types_table(result, "citizen", first=label))
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
    pool = _pooled_reasons(result, label)
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
    return paragraphs(*parts)


def _counselor_checklist(result: dict[str, Any], role: Role = "counselor", label: str | None = None) -> str:
    """Every requirement with its article, every amount with its formula, the tracks in one table (the asked 유형's
    first, its verdict in the header), the notes."""
    parts: list[str | list[str]] = [_header(result, label)]
    subs = result.get("sub_results") or []
    if subs:
        parts.append(_types_table(result, role, conditions=True, first=label))
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
    return paragraphs(*parts)


def _types_table(result: dict[str, Any], role: Role, *, conditions: bool = False, first: str | None = None) -> str:
    """One row per track (Ⅰ유형 요건심사형 … Ⅱ유형; the 유형 ``first`` names on top): its decision, one column per
    allowance and, for counselors, its conditions by short name."""
    prefix = f"{result['program_name']} "
    subs = list(result.get("sub_results") or [])
    if first:
        subs.sort(key=lambda s: not _track_name(result, s).startswith(first))
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
            blocks.append(basis_line(p))
    return blocks


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


