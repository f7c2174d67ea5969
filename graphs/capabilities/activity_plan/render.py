"""A plan or a 상담일지 as chat blocks, as a Markdown file and as an editable DOCX (python-docx).

One :class:`Doc` (title, then sections of paragraphs, bullet lists and tables) is built from the model; the chat
blocks, the .md file and the .docx are three renderings of it, so the download says what the chat showed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from docx import Document

from graphs.blocks import Block, Cell, FileBlock, MarkdownBlock, NoticeBlock, TableBlock, table_markdown
from graphs.capabilities.activity_plan.models import ActivityPlan, ConsultationNote
from graphs.capabilities.activity_plan.plan import CHECK, FOLLOW_UP_DAYS, NO_CLAIM_DATE, reemployment_rule

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MD_MIME = "text/markdown"
MASK_NOTE = ("개인정보는 가려서 썼습니다 (나이 → 연령대, 읍·면·동 → 행정시, 이름 없음). 상담사가 '개인정보 포함해서'라고 "
             "하면 정확한 나이·읍·면·동으로 다시 씁니다.")


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    table: TableBlock | None = None
    after: list[str] = field(default_factory=list)  # paragraphs after the table


@dataclass
class Doc:
    title: str
    intro: list[str]
    sections: list[Section]
    notices: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        out = [f"# {self.title}", "", *[f"⚠️ {n}" for n in self.notices], *self.intro]
        for s in self.sections:
            out += ["", f"## {s.heading}", *s.paragraphs, *[f"- {b}" for b in s.bullets]]
            if s.table is not None:
                out += ["", table_markdown(s.table)]
            out += s.after
        return "\n".join(out).strip() + "\n"

    def blocks(self) -> list[Block]:
        blocks: list[Block] = [NoticeBlock(text=n, level="warning") for n in self.notices]
        head = "\n\n".join([f"### {self.title}", *self.intro])
        blocks.append(MarkdownBlock(text=head))
        for s in self.sections:
            lines = [f"**{s.heading}**", *s.paragraphs, *[f"- {b}" for b in s.bullets]]
            blocks.append(MarkdownBlock(text="\n".join(lines)))
            if s.table is not None:
                blocks.append(s.table)
            if s.after:
                blocks.append(MarkdownBlock(text="\n".join(s.after)))
        return blocks

    def docx(self) -> bytes:
        doc = Document()
        doc.add_heading(self.title, level=0)
        for n in self.notices:
            doc.add_paragraph(f"⚠️ {n}")
        for p in self.intro:
            doc.add_paragraph(p.replace("**", ""))
        for s in self.sections:
            doc.add_heading(s.heading, level=1)
            for p in s.paragraphs:
                doc.add_paragraph(p.replace("**", ""))
            for b in s.bullets:
                doc.add_paragraph(b.replace("**", ""), style="List Bullet")
            if s.table is not None:
                table = doc.add_table(rows=1, cols=len(s.table.columns))
                table.style = "Table Grid"
                for cell, name in zip(table.rows[0].cells, s.table.columns, strict=True):
                    cell.text = name
                for row in s.table.rows:
                    cells = table.add_row().cells
                    for cell, value in zip(cells, row, strict=True):
                        cell.text = "" if value is None else str(value)
            for p in s.after:
                doc.add_paragraph(p.replace("**", ""))
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()


def _cells(values: list[str]) -> str:
    return " / ".join(values) if values else "-"


# ---------------------------------------------------------------------------------------------- the plan


def plan_doc(plan: ActivityPlan) -> Doc:
    rule = reemployment_rule()
    intro = [f"작성일 {plan.today.isoformat()} · 상담사가 고쳐 쓸 수 있는 초안입니다 (DOCX로 내려받아 수정하거나, "
             "'목표 직종을 요양보호사로 바꿔줘'처럼 말씀하시면 다시 씁니다)."]
    if plan.person:
        intro.append("**구직자**: " + " · ".join(f"{k} {v}" for k, v in plan.person))
    if plan.masked:
        intro.append(f"※ {MASK_NOTE}")
    sections: list[Section] = []
    target = plan.target or "미정 — 희망 직종을 알려 주세요 (예: '요양보호사로 일하고 싶어 함')"
    sections.append(Section("목표 직종", paragraphs=[target + (f" (경력: {', '.join(plan.experience)})" if plan.experience else "")]))
    strengths = [f"✔ 강점: {s}" for s in plan.strengths] or ["✔ 강점: 경력·자격을 아직 듣지 못했습니다 — 알려 주시면 채웁니다."]
    gaps = [f"✘ 보완점: {g}" for g in plan.gaps] or ["✘ 보완점: 추천 공고·훈련 추천에서 드러난 부족한 점이 없습니다."]
    confirm = [f"❓ 확인할 것: {c}" for c in plan.to_confirm]
    sections.append(Section("강점과 보완점", bullets=[*strengths, *gaps, *confirm]))
    if plan.jobs:
        rows: list[list[Cell]] = [[i, j.title, j.company or "-", f"{j.region} {j.district or ''}".strip() or "-",
                                   _cells(j.reasons), _cells(j.misfits[:2]), j.pay or "-", j.close_date or "채용시까지"]
                                  for i, j in enumerate(plan.jobs, 1)]
        src = ("이 계획을 만들며 매칭했습니다 — 앞서 매칭한 결과가 없거나 목표 직종이 바뀌었습니다." if plan.jobs_computed
               else "앞서 안내한 일자리 매칭 결과입니다.")
        sections.append(Section("추천 일자리", paragraphs=[src], table=TableBlock(
            columns=["#", "공고", "회사", "지역", "추천 이유", "유의할 점", "급여", "마감"], rows=rows)))
    else:
        sections.append(Section("추천 일자리", paragraphs=["조건에 맞는 공고를 찾지 못했습니다 — '이분께 맞는 일자리 매칭해 줘'로 "
                                                         "조건을 바꿔 다시 찾아 보세요."]))
    if plan.courses:
        crow: list[list[Cell]] = [[i, c.title, c.institution or "-", f"{c.start or '?'} ~ {c.end or '?'}",
                                   _self_pay(c.self_pay), _cells(c.closes), _cells(c.reasons)]
                                  for i, c in enumerate(plan.courses, 1)]
        sections.append(Section("추천 훈련", table=TableBlock(
            columns=["#", "과정", "기관", "기간", "자부담", "채우는 부분", "추천 이유"], rows=crow)))
    else:
        sections.append(Section("추천 훈련", paragraphs=[plan.courses_pending or "-"]))
    if plan.programs:
        marks = {"eligible": "✅ 대상", "unknown": "❓ 확인 필요", "ineligible": "❌"}
        sections.append(Section("신청할 제도", bullets=[
            f"{marks[p.decision]} {p.name}" + (f" — {p.amount}" if p.amount else "")
            + (f" (확인할 것: {', '.join(p.missing)})" if p.missing else "") for p in plan.programs]))
    else:
        sections.append(Section("신청할 제도", paragraphs=[plan.programs_pending or "제도 한눈에 결과 중 대상이거나 확인이 "
                                                                                  "필요한 제도가 없습니다."]))
    sections.append(_weeks_section(plan, rule.title))
    when = ("상담사가 정한 날" if plan.follow_up_stated else
            f"오늘부터 {FOLLOW_UP_DAYS}일 뒤 — '후속 상담을 ○월 ○일로 바꿔줘'처럼 말씀하시면 바꿉니다")
    sections.append(Section("후속 상담", paragraphs=[f"{plan.follow_up.isoformat()} ({when})"]))
    notices = [n.removeprefix("⚠️ ") for n in plan.notes if n.startswith("⚠️")]
    other = [n for n in plan.notes if not n.startswith("⚠️")]
    if other:
        sections[-1].after += [f"※ {n}" for n in other]
    return Doc(title=f"취업활동계획(IAP) 초안 — {plan.today.isoformat()}", intro=intro, sections=sections, notices=notices)


def _self_pay(value: int | str | None) -> str:
    if value is None:
        return "-"
    return f"{value:,}원" if isinstance(value, int) else str(value)


def _weeks_section(plan: ActivityPlan, source_title: str) -> Section:
    s = Section("주차별 활동 (4주)")
    if plan.rule_applies == "no":
        s.paragraphs.append("구직급여를 받지 않으므로 실업인정 횟수 기준은 해당하지 않습니다. 아래 활동은 취업 준비 계획입니다.")
    else:
        who = "구직급여를 받는 경우 " if plan.rule_applies == "unknown" else ""
        s.paragraphs.append(f"⚠️ {who}구직활동(재취업활동) 횟수 기준 — 2차 자료 요약이라 확인이 필요합니다 "
                            f"(출처: {source_title}, 고용보험법 제44조):")
        s.bullets += plan.rule_lines
        s.bullets.append(CHECK)
        s.bullets.append(f"이 계획의 구직활동: 추천 일자리 지원 {plan.planned_job_search}건 (4주)")
    rec = "-" if plan.recognition_basis else NO_CLAIM_DATE
    if plan.rule_applies == "no":
        rec = "해당 없음"
    rows: list[list[Cell]] = [[f"{w.n}주차", f"{_md(w.start)}~{_md(w.end)}", _cells(w.job_search), _cells(w.training),
                               _cells(w.recognition) if w.recognition else rec] for w in plan.weeks]
    s.table = TableBlock(columns=["주차", "기간", "구직활동", "훈련 일정", "실업인정일"], rows=rows)
    if plan.recognition_basis:
        s.after.append(f"실업인정일: {plan.recognition_basis} — 예정일이며 {CHECK}")
        outside = [d for d in plan.recognition_dates if d > plan.weeks[-1].end]
        if outside:
            s.after.append(f"다음 실업인정일(예정): {outside[0].isoformat()}")
    return s


def _md(day: date) -> str:
    return f"{day.month}/{day.day}"


# ---------------------------------------------------------------------------------------------- the note


def note_doc(note: ConsultationNote) -> Doc:
    intro = [f"**상담 일시**: {note.today.isoformat()} (시각은 상담사가 적어 주세요)"]
    if note.masked:
        intro.append(f"※ {MASK_NOTE}")
    content = [*note.seeker_lines, *[f"문의: {a}" for a in note.asked]] or ["이 대화에서 나눈 내용이 아직 없습니다."]
    sections = [
        Section("주요 내용", bullets=content),
        Section("안내한 일자리", bullets=note.jobs or ["없음"]),
        Section("안내한 훈련", bullets=note.courses or ["없음"]),
        Section("안내한 제도", bullets=note.programs or ["없음"]),
        Section("다음 조치", bullets=note.next_steps or ["없음"]),
    ]
    return Doc(title=f"상담일지 — {note.today.isoformat()}", intro=intro, sections=sections)


def downloads(doc: Doc, stem: str, what: str) -> list[Block]:
    """The .md and the .docx of ``doc`` (names carry no personal data: the kind of document and the date)."""
    return [FileBlock.of(f"{stem}.md", MD_MIME, doc.markdown().encode("utf-8"), f"{what} (Markdown)"),
            FileBlock.of(f"{stem}.docx", DOCX_MIME, doc.docx(), f"{what} (Word — 내려받아 고쳐 쓸 수 있습니다)")]
