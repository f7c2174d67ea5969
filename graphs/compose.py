"""Templated Korean answers from tool outputs (the no-LLM path, and the fallback of the LLM path).

Every number written here is copied from a tool output or a cited passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graphs.answer import CitationOut, Role
from graphs.prompts import COUNSELOR_TIPS, DISCLAIMER, SAMPLE_NOTE, UNCERTAIN
from graphs.tools import score_texts, split_sentences

MARK = {True: "✅", False: "❌", None: "❓"}
SUB_MARK = {"eligible": MARK[True], "ineligible": MARK[False], "need_more_info": MARK[None]}
DECISION = {
    "eligible": "받을 수 있을 것으로 보여요 ✅",
    "ineligible": "요건을 충족하지 않는 것으로 보여요 ❌",
    "need_more_info": "몇 가지를 더 알아야 판단할 수 있어요 ❓",
}
WEAK = {"unverified", "conflict"}
CITIZEN_NOTES = 2  # notes shown to citizens (counselors see up to 4)


def _won(v: int | None) -> str:
    return f"{v:,}원" if v is not None else "-"


def _pay(job: dict[str, Any]) -> str:
    lo, hi = job.get("wage_min"), job.get("wage_max")
    kind = job.get("wage_type") or ""
    if lo is None:
        return kind or "임금 협의"
    return f"{kind} {lo:,}원" + (f"~{hi:,}원" if hi and hi != lo else "")


# ---- eligibility -----------------------------------------------------------------------------------------------
def _value(amt: dict[str, Any]) -> str:
    unit = amt["unit"]
    return f"{amt['value']:,}{'일' if unit == '일' else '원'}" + ("/월" if unit == "원/월" else "")


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
    """The check's result (a short summary for citizens, the full checklist for counselors) and, when given, the
    policy passages that answer the question itself (``guide``: before the result when ``guide_first``).

    ``question`` and ``focus`` (what is asked: "amount", "duration" …) decide which conditions a citizen's summary
    names first."""
    body = _citizen_summary(result, question, focus) if role == "citizen" else _counselor_checklist(result)
    about = _guide_lines(guide, role)
    if not about:
        lines = body
    else:
        lines = [*about, "", *body] if guide_first else [*body, "", *about]
    if _weak(result) or any(_weak_passage(p) for p in guide):
        lines.append(UNCERTAIN)
    if ask:
        lines.append(f"\n👉 {ask}")
    if role == "counselor" and result["program"] in COUNSELOR_TIPS:
        lines.append(COUNSELOR_TIPS[result["program"]])
    lines.append(DISCLAIMER)
    return "\n".join(lines), eligibility_citations(result) + [policy_citation(p) for p in guide]


def _header(result: dict[str, Any]) -> str:
    return f"**{result['program_name']} 확인 결과 ({result['applies_year']}년 기준): {DECISION[result['decision']]}**"


def _notes(result: dict[str, Any]) -> list[str]:
    notes = list(result.get("notes", []))
    for sub in result.get("sub_results", []):
        notes.extend(n for n in sub.get("notes", []) if n not in notes)
    return notes


def _most_relevant(reasons: list[dict[str, Any]], question: str, focus: Sequence[str]) -> list[dict[str, Any]]:
    """The reasons, those closest to the question first (the rules' own order breaks ties)."""
    if not question or len(reasons) < 2:
        return reasons
    scores = score_texts(question, [r["text"] for r in reasons], focus)
    return [reasons[i] for i in sorted(range(len(reasons)), key=lambda i: (-scores[i], i))]


def _condition(reason: dict[str, Any]) -> str:
    return str(reason["text"]).split(" → ")[0]


def _citizen_summary(result: dict[str, Any], question: str = "", focus: Sequence[str] = ()) -> list[str]:
    """Decision, amounts and days, the one or two conditions that fail (or are still unknown) — those closest to
    the question first — and the rule's source."""
    lines = [_header(result)]
    for amt in result.get("amounts", []):
        lines.append(f"- {amt['name']}: {_value(amt)}" + (" (확인 필요)" if amt["confidence"] in WEAK else ""))
    subs = result.get("sub_results", [])
    if subs:  # 국민취업지원제도: one line for the tracks; the conditions come from the tracks' own checks
        prefix = f"{result['program_name']} "
        lines.append("유형별: " + " · ".join(f"{sub['program_name'].removeprefix(prefix)} {SUB_MARK[sub['decision']]}"
                                           for sub in subs))
    pool: list[dict[str, Any]] = []  # each condition once (tracks share conditions; "… → 결과" may differ)
    for r in [r for sub in subs for r in sub.get("reasons", [])] if subs else result.get("reasons", []):
        if _condition(r) not in {_condition(q) for q in pool}:
            pool.append(r)
    failed = [r for r in pool if r["passed"] is False] if result["decision"] == "ineligible" else []
    unknown = [r for r in pool if r["passed"] is None] if result["decision"] == "need_more_info" else []
    if failed:
        lines.append("충족하지 않는 조건:")
        lines.extend(f"{MARK[False]} {r['text']}" for r in _most_relevant(failed, question, focus)[:2])
    elif unknown:
        lines.append("더 알아야 하는 조건:")
        lines.extend(f"{MARK[None]} {r['text']}" for r in _most_relevant(unknown, question, focus)[:2])
    if len(pool) > 2:
        ok = sum(1 for r in pool if r["passed"])
        bad = sum(1 for r in pool if r["passed"] is False)
        unk = sum(1 for r in pool if r["passed"] is None)
        lines.append(f"(요건 {len(pool)}개 점검: 충족 {ok} · 미충족 {bad} · 정보 필요 {unk})")
    lines.extend(f"참고: {n}" for n in _notes(result)[:CITIZEN_NOTES])
    basis = [*failed, *result.get("amounts", [])]
    seen: list[str] = []
    for item in basis:
        cite = f"{item['article']} ({item['effective_from']} 시행)"
        if cite not in seen:
            seen.append(cite)
    if seen:
        lines.append("근거: " + "; ".join(seen[:2]))
    return lines


def _counselor_checklist(result: dict[str, Any]) -> list[str]:
    """Every requirement with its article, every amount with its formula, the notes."""
    lines = [_header(result)]
    for amt in result.get("amounts", []):
        lines.append(f"- {amt['name']}: {_value(amt)}" + (" (확인 필요)" if amt["confidence"] in WEAK else ""))
        lines.append(f"  · 계산: {amt['formula']} [{amt['article']}, {amt['effective_from']} 시행]")
    reasons = result.get("reasons", [])
    if reasons:
        lines.append("요건 점검:")
        lines.extend(f"{MARK[r['passed']]} {r['text']} — {r['article']}" for r in reasons)
    for sub in result.get("sub_results", []):
        lines.append(f"· {sub['program_name']}: {DECISION[sub['decision']]}")
        for amt in sub.get("amounts", []):
            lines.append(f"  - {amt['name']}: {amt['value']:,}{'일' if amt['unit'] == '일' else '원'}")
            lines.append(f"    · 계산: {amt['formula']} [{amt['article']}]")
    lines.extend(f"참고: {n}" for n in _notes(result)[:4])
    return lines


def _guide_lines(guide: Sequence[dict[str, Any]], role: Role) -> list[str]:
    lines: list[str] = []
    for p in guide:
        lines.append(f"**{p['title']} — {p['section']}**\n{excerpt(p, 3 if role == 'citizen' else 5)}")
        if role == "counselor":
            lines.append(f"  · 근거: {_basis(p)} ({p['effective_from']} 시행, 신뢰도 {p['confidence']})")
    return lines


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
    lines = [f"{describe} 조건에 맞는 {what}을(를) 찾지 못했어요."]
    for r in out.get("relax", []):
        lines.append(f"- '{r['label']}' 조건을 빼면 {r['count']}건이 있어요.")
    if not out.get("relax"):
        lines.append("- 다른 낱말이나 더 넓은 지역으로 찾아 보세요.")
    lines.append(f"고용24(work24.go.kr)에서 최신 {what}도 확인해 보세요.")
    return "\n".join(lines)


def jobs_answer(out: dict[str, Any], role: Role, *, describe: str) -> tuple[str, list[CitationOut]]:
    jobs = out["jobs"]
    if not jobs:
        return _nothing_found(out, describe, "채용정보"), []
    lines = [f"{describe} 채용정보 {len(jobs)}건을 찾았어요 {SAMPLE_NOTE}"]
    for i, j in enumerate(jobs, 1):
        where = f"{j['region']} {j.get('district') or ''}".strip()
        close = j.get("close_date") or "채용시까지"
        lines.append(f"{i}. **{j['title']}** — {j['company']} ({where}) · {_pay(j)} · {j['employment_type']} · 마감 {close}")
        if role == "counselor":
            monthly = j.get("monthly_pay_max")
            lines.append(f"   구인인증번호 {j['id']} · 월 환산 최대 {_won(monthly)}" + (f" · {j['url']}" if j.get("url") else ""))
    if role == "counselor":
        lines.append(COUNSELOR_TIPS["jobs"])
    cites = [CitationOut(title="고용24 채용정보 (예시 카탈로그)", source="고용24 채용정보 Open API 형식", section="채용정보")]
    return "\n".join(lines), cites


def training_answer(out: dict[str, Any], role: Role, *, describe: str) -> tuple[str, list[CitationOut]]:
    courses = out["courses"]
    if not courses:
        return _nothing_found(out, describe, "훈련과정"), []
    lines = [f"{describe} 훈련과정 {len(courses)}건이에요 {SAMPLE_NOTE}"]
    for i, c in enumerate(courses, 1):
        rate = f"취업률 {c['employment_rate']}%" if c.get("employment_rate") is not None else "취업률 미공시"
        self_pay = f"자부담(추정) {_won(c.get('self_pay'))}" if c.get("self_pay") is not None else ""
        card = "내일배움카드 가능" if c.get("card_eligible") else "카드 사용 불가"
        lines.append(
            f"{i}. **{c['title']}** — {c['institution']} ({c['region']}) · 개강 {c['start_date']} · "
            f"훈련비 {_won(c['cost'])} {self_pay} · {card} · {rate}"
        )
        if role == "counselor":
            lines.append(f"   과정ID {c['id']}" + (f" · {c['url']}" if c.get("url") else ""))
    if role == "counselor":
        lines.append(COUNSELOR_TIPS["training"])
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


def policy_answer(out: dict[str, Any], role: Role) -> tuple[str, list[CitationOut]]:
    passages = out["passages"]
    if not passages:
        return (
            "관련된 안내 문서를 찾지 못했어요. 고용24(work24.go.kr) 또는 고용노동부 고객상담센터 ☎1350에 문의해 주세요.",
            [],
        )
    shown = passages[:2] if role == "citizen" else passages[:3]
    lines = []
    if out.get("year"):
        if any(p.get("in_force", True) for p in shown):
            lines.append(f"({out['year']}년 기준으로 찾았어요)")
        else:
            lines.append(f"⚠️ {out['year']}년 기준 자료는 확인하지 못했어요. 아래는 다른 해의 자료이니 고용24 또는 ☎1350에서 "
                         f"{out['year']}년 내용을 꼭 확인하세요.")
    for p in shown:
        lines.append(f"**{p['title']} — {p['section']}**\n{excerpt(p, 4 if role == 'citizen' else 8)}")
        if role == "counselor":
            lines.append(f"  · 근거: {_basis(p)} ({p['effective_from']} 시행, 신뢰도 {p['confidence']})")
    if any(_weak_passage(p) for p in shown):
        lines.append(UNCERTAIN)
    if role == "counselor":
        lines.append(COUNSELOR_TIPS["policy"])
    lines.append(DISCLAIMER)
    return "\n".join(lines), [policy_citation(p) for p in shown]


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
