"""Gold evaluation of the 취업활동계획 and the 상담일지: written threads (seeker facts, what earlier answers remembered,
what was said) with what the document must and must not contain.

Metrics: ``must_coverage`` (expected strings found in both the Markdown and the DOCX), ``forbidden_count`` (masked or
wrong strings present), ``untraced_numbers`` (numbers in the plan found neither in the thread's inputs, nor in the
cited rule table, nor among the dates this evaluator derives itself from today / the claim date / the rule),
``docx_sections`` (the DOCX opens and holds every section heading) and ``claim_accuracy`` (the router hook agrees
with the gold messages).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml
from docx import Document
from pydantic import BaseModel, Field

from graphs.capabilities.registry import CapabilityEval, CapabilityRequest, EvalContext, EvalFailure, EvalRow

GOLD_DIR = Path(__file__).resolve().parent / "gold"
PLAN_GOLD = GOLD_DIR / "plans.yaml"
NOTE_GOLD = GOLD_DIR / "notes.yaml"
RULE_TABLE = Path(__file__).resolve().parent / "tables" / "reemployment.yaml"
PLAN_SECTIONS = ("목표 직종", "강점과 보완점", "추천 일자리", "추천 훈련", "신청할 제도", "주차별 활동 (4주)", "후속 상담")
NOTE_SECTIONS = ("주요 내용", "안내한 일자리", "안내한 훈련", "안내한 제도", "다음 조치")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


class GoldThread(BaseModel):
    id: str
    role: Literal["counselor", "citizen"] = "counselor"
    today: date
    text: str
    seeker: dict[str, Any] = Field(default_factory=dict)  # SeekerProfile fields
    profile: dict[str, Any] = Field(default_factory=dict)
    memory: dict[str, Any] = Field(default_factory=dict)
    history: list[tuple[Literal["user", "assistant"], str]] = Field(default_factory=list)
    must: list[str] = Field(default_factory=list)
    must_not: list[str] = Field(default_factory=list)
    needs_index: bool = False  # the plan matches postings itself (no remembered matches, or a new target)


class GoldClaim(BaseModel):
    text: str
    claimed: bool


class GoldFile(BaseModel):
    threads: list[GoldThread]
    claims: list[GoldClaim] = Field(default_factory=list)


def load_gold(path: Path) -> GoldFile:
    return GoldFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def request_of(t: GoldThread, kb: Any) -> CapabilityRequest:
    return CapabilityRequest(text=t.text, role=t.role, today=t.today, kb=kb, profile=t.profile, memory=t.memory,
                             history=tuple(t.history), thread_id=t.id)


def docx_text(content: bytes) -> tuple[list[str], str]:
    """The headings and the whole text (paragraphs and table cells) of a DOCX."""
    doc = Document(io.BytesIO(content))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return headings, "\n".join(parts)


def _numbers(text: str) -> set[str]:
    out: set[str] = set()
    for raw in _NUMBER.findall(text):
        n = raw.replace(",", "")
        out.add(n[:-2] if n.endswith(".0") else n.lstrip("0") or "0")
    return out


def _date_parts(days: Iterable[date]) -> set[str]:
    return {str(x) for d in days for x in (d.year, d.month, d.day)}


def derived_dates(t: GoldThread) -> list[date]:
    """Dates a plan may compute, derived here independently: the four weeks from today, today + 14 (follow-up),
    실업인정일 every 28 days from a stated one or from the 14th day after a stated claim date (any date in the
    thread's words is a candidate start)."""
    days = [t.today + timedelta(days=i) for i in range(0, 29)]
    days.append(t.today + timedelta(days=14))
    said = " ".join([*(x for _, x in t.history), t.text])
    for m in re.finditer(r"(?:(20\d{2})[-./년]\s*)?(\d{1,2})\s*(?:[-./]|월\s*)(\d{1,2})", said):
        for year in (t.today.year - 1, t.today.year, t.today.year + 1) if not m.group(1) else (int(m.group(1)),):
            try:
                start = date(year, int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            for first in (start, start + timedelta(days=13)):
                days += [first + timedelta(days=28 * k) for k in range(4)]
    return days


def untraced_numbers(t: GoldThread, text: str, catalog: Any = None) -> set[str]:
    """Numbers of ``text`` found nowhere it may take them from; ``catalog``: the postings the plan matched itself
    (their pay, distance and dates come from the catalog, not from the thread)."""
    inputs = json.dumps([t.seeker, t.profile, t.memory, t.history, t.text, catalog], ensure_ascii=False, default=str)
    allowed = _numbers(inputs) | _numbers(RULE_TABLE.read_text(encoding="utf-8")) | _date_parts(derived_dates(t))
    for n in list(allowed):
        if n.isdigit() and int(n) >= 10_000 and int(n) % 10_000 == 0:
            allowed.add(str(int(n) // 10_000))  # 2500000 → "250만원"
    ages = [a for a in (t.seeker.get("age"), t.profile.get("age")) if isinstance(a, int)]
    allowed |= {str(a // 10 * 10) for a in ages}  # the masked age: 48 → "40대"
    allowed |= {"0", "1", "2", "3", "4"}  # week numbers, ranks and counts of the plan's own layout (≤ 3 postings)
    return _numbers(text) - allowed


Check = Callable[[GoldThread, str, Any], set[str]]


def _evaluate(ctx: EvalContext, path: Path, name: str, sections: tuple[str, ...],
              make: Callable[[CapabilityRequest, Any], Any], claims: Callable[[str], bool],
              extra: Check | None = None) -> CapabilityEval:
    from graphs.blocks import FileBlock
    from graphs.seeker import SeekerProfile

    gold = load_gold(path)
    must_total = must_found = forbidden = untraced = docx_ok = run = 0
    failures: list[EvalFailure] = []
    for t in gold.threads:
        if t.needs_index and ctx.kb is None:
            continue
        run += 1
        out = make(request_of(t, ctx.kb), SeekerProfile.model_validate(t.seeker))
        md = out.markdown()
        files = {b.name.rsplit(".", 1)[-1]: b for b in out.blocks if isinstance(b, FileBlock)}
        headings, dtext = docx_text(files["docx"].content()) if "docx" in files else ([], "")
        file_md = files["md"].content().decode("utf-8") if "md" in files else ""
        if all(s in headings for s in sections):
            docx_ok += 1
        else:
            failures.append(EvalFailure(id=t.id, detail=f"DOCX sections: {headings}"))
        for s in t.must:
            must_total += 1
            if s in md and s in dtext and s in file_md:
                must_found += 1
            else:
                failures.append(EvalFailure(id=t.id, detail=f"missing '{s}' (chat {s in md}, docx {s in dtext})"))
        for s in t.must_not:
            if s in md or s in dtext or any(s in n for n in files):
                forbidden += 1
                failures.append(EvalFailure(id=t.id, detail=f"forbidden '{s}' present"))
        if extra is not None:
            plan = (out.remember or {}).get("plan") or {}
            found = extra(t, md, plan.get("jobs") if plan.get("jobs_computed") else None)
            untraced += len(found)
            failures += [EvalFailure(id=t.id, detail=f"untraced number {n}") for n in sorted(found)]
    agree = sum(claims(c.text) == c.claimed for c in gold.claims)
    for c in gold.claims:
        if claims(c.text) != c.claimed:
            failures.append(EvalFailure(id="claims", detail=f"'{c.text}' claimed={not c.claimed}"))
    metrics = {
        f"{name}.must_coverage": round(must_found / must_total, 4) if must_total else 1.0,
        f"{name}.forbidden_count": float(forbidden),
        f"{name}.docx_sections": round(docx_ok / run, 4) if run else 0.0,
        f"{name}.claim_accuracy": round(agree / len(gold.claims), 4) if gold.claims else 1.0,
    }
    if extra is not None:
        metrics[f"{name}.untraced_numbers"] = float(untraced)
    rows = [EvalRow(label=f"{name} 필수 내용 (스레드 {run}개)", metric=f"{name}.must_coverage",
                    value=f"{metrics[f'{name}.must_coverage']:.1%}"),
            EvalRow(label=f"{name} 금지 내용(마스킹 등)", metric=f"{name}.forbidden_count", value=str(forbidden)),
            EvalRow(label=f"{name} DOCX 섹션", metric=f"{name}.docx_sections", value=f"{metrics[f'{name}.docx_sections']:.1%}"),
            EvalRow(label=f"{name} 요청 인식", metric=f"{name}.claim_accuracy", value=f"{metrics[f'{name}.claim_accuracy']:.1%}")]
    if extra is not None:
        rows.append(EvalRow(label=f"{name} 출처 없는 수치", metric=f"{name}.untraced_numbers", value=str(untraced)))
    return CapabilityEval(metrics=metrics, rows=rows, failures=failures, detail={"threads": run})


def evaluate_plans(ctx: EvalContext) -> CapabilityEval:
    from graphs.capabilities.activity_plan import capability as plan_cap
    from graphs.nlu.understand import understand

    return _evaluate(ctx, PLAN_GOLD, "activity_plan", PLAN_SECTIONS, plan_cap.answer,
                     lambda s: plan_cap.claims(s, understand(s, today=ctx.today)), untraced_numbers)


def evaluate_notes(ctx: EvalContext) -> CapabilityEval:
    from graphs.capabilities.consultation_note import capability as note_cap
    from graphs.nlu.understand import understand

    return _evaluate(ctx, NOTE_GOLD, "consultation_note", NOTE_SECTIONS, note_cap.answer,
                     lambda s: note_cap.claims(s, understand(s, today=ctx.today)))
