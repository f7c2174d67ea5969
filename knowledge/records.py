"""How records become searchable points: the readable Korean text, the typed payload, and the reverse.

One definition shared by ingestion (writing) and retrieval (filtering and reading back).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.fields import payload_values
from knowledge.formatting import pay_range
from knowledge.schemas import (
    JobFilters,
    JobPosting,
    PolicyChunk,
    PolicyFrontMatter,
    TrainingCourse,
    TrainingFilters,
)

AVG_LEN = {"policies": 120.0, "jobs": 60.0, "training": 50.0}
FLAG_RE = re.compile(r"\[(UNVERIFIED|CONFLICT)\]")


DENSE_BODY_CHARS = 90  # of a posting's duties / a course's contents in the embedded text


def content_hash(text: str, payload: dict[str, Any], dense_text: str | None = None) -> str:
    body = json.dumps({"t": text, "p": payload, "d": dense_text}, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


# ---- jobs ----------------------------------------------------------------------------------------------------
def job_text(job: JobPosting) -> str:
    pay = ""
    if job.wage_min is not None:
        pay = pay_range(job.wage_type, job.wage_min, job.wage_max)
    parts = [
        job.title,
        f"{job.company} ({job.industry})" if job.industry else job.company,
        f"직종: {job.job_name}" if job.job_name else "",
        f"근무지: 제주 {job.region} {job.district or ''}".strip(),
        f"고용형태: {job.employment_type}" + (" (계절)" if job.seasonal else ""),
        f"임금: {pay}" if pay else "",
        f"근무시간: {job.work_schedule}" if job.work_schedule else "",
        (job.job_content or "")[:400],
    ]
    return "\n".join(p for p in parts if p)


def job_dense_text(job: JobPosting) -> str:
    """The shorter text that is embedded: what the work is and where. Pay, hours and dates are matched by
    filters and by the sparse text, and numbers only add tokens (embedding cost grows with length)."""
    parts = [
        job.title,
        f"{job.company} ({job.industry})" if job.industry else job.company,
        job.job_name or "",
        f"제주 {job.region} {job.district or ''}".strip(),
        job.employment_type + (" (계절)" if job.seasonal else ""),
        _lead(job.job_content, DENSE_BODY_CHARS),
    ]
    return "\n".join(p for p in parts if p)


def _lead(text: str | None, limit: int) -> str:
    """The first ``limit`` characters of ``text``, cut at a line end when one is near."""
    body = (text or "").strip()
    if len(body) <= limit:
        return body
    cut = body.rfind("\n", 0, limit)
    return body[: cut if cut >= limit // 2 else limit]


def job_payload(job: JobPosting) -> dict[str, Any]:
    return {
        "record": job.model_dump(mode="json"),
        **payload_values(JobFilters, job),  # the filterable fields, as declared on JobFilters
        "monthly_pay_min": job.monthly_pay_min,
    }


# ---- training ------------------------------------------------------------------------------------------------
def training_text(course: TrainingCourse) -> str:
    parts = [
        course.title,
        f"훈련기관: {course.institution} (제주 {course.region})",
        f"과정 구분: {course.course_type}" if course.course_type else "",
        f"NCS: {course.ncs_name}" if course.ncs_name else "",
        f"자격증: {course.certificate}" if course.certificate else "",
        f"기간: {course.start_date} ~ {course.end_date}",
        (course.contents or "")[:300],
    ]
    return "\n".join(p for p in parts if p)


def training_dense_text(course: TrainingCourse) -> str:
    """The shorter text that is embedded for a course (dates and fees are filters, not meaning)."""
    parts = [
        course.title,
        course.institution,
        course.ncs_name or "",
        f"자격증: {course.certificate}" if course.certificate else "",
        _lead(course.contents, DENSE_BODY_CHARS),
    ]
    return "\n".join(p for p in parts if p)


def training_payload(course: TrainingCourse) -> dict[str, Any]:
    return {
        "record": course.model_dump(mode="json"),
        **payload_values(TrainingFilters, course),  # the filterable fields, as declared on TrainingFilters
    }


# ---- policies ------------------------------------------------------------------------------------------------
class DocumentError(ValueError):
    """A policy document that cannot be used, with the file and what to fix."""


def parse_policy(path: Path, text: str | None = None) -> tuple[PolicyFrontMatter, str]:
    raw = text if text is not None else path.read_text(encoding="utf-8-sig")
    if not raw.startswith("---"):
        raise DocumentError(f"{path.name}: 첫 줄이 '---'로 시작하는 front matter가 없습니다")
    try:
        _, fm, body = raw.split("---", 2)
    except ValueError as exc:
        raise DocumentError(f"{path.name}: front matter가 '---'로 닫히지 않았습니다") from exc
    try:
        meta = yaml.safe_load(fm) or {}
        front = PolicyFrontMatter.model_validate(meta)
    except yaml.YAMLError as exc:
        raise DocumentError(f"{path.name}: front matter YAML 오류: {exc}") from exc
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise DocumentError(f"{path.name}: front matter 항목 오류 — {problems}") from exc
    return front, body.strip()


def chunk_policy(front: PolicyFrontMatter, body: str, *, max_chars: int = 1200) -> list[PolicyChunk]:
    """Split by ``##``/``###`` headings, keeping the title path; long sections split on paragraphs."""
    title = front.title
    sections: list[tuple[list[str], list[str]]] = []
    path: list[str] = []
    lines: list[str] = []
    for line in body.splitlines():
        m = re.match(r"^(#{1,3})\s+(.*)$", line)
        if m:
            if any(s.strip() for s in lines):
                sections.append((list(path), lines))
            level, heading = len(m.group(1)), m.group(2).strip()
            if level == 1:
                title = heading or title
                path = []
            else:
                path = path[: level - 2] + [heading]
            lines = []
        else:
            lines.append(line)
    if any(s.strip() for s in lines):
        sections.append((list(path), lines))

    chunks: list[PolicyChunk] = []
    for heading_path, sec_lines in sections:
        text = "\n".join(sec_lines).strip()
        for piece in _split(text, max_chars):
            flags = sorted(set(FLAG_RE.findall(piece)))
            chunks.append(
                PolicyChunk(
                    doc_id=front.id,
                    chunk_index=len(chunks),
                    title=title,
                    section=" > ".join(heading_path) or "개요",
                    heading_path=[title, *heading_path],
                    text=piece,
                    program=front.program,
                    audience=front.audience,
                    sources=front.sources,
                    effective_from=front.effective_from,
                    effective_to=front.effective_to,
                    confidence=front.confidence,
                    flags=flags,
                    year=front.year,
                    keywords=front.keywords,
                )
            )
    return chunks


def _split(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    out: list[str] = []
    current = ""
    for para in re.split(r"\n\s*\n", text):
        if current and len(current) + len(para) > max_chars:
            out.append(current.strip())
            current = ""
        current += para + "\n\n"
    if current.strip():
        out.append(current.strip())
    return out


def chunk_text(chunk: PolicyChunk) -> str:
    """What is embedded and tokenized: the heading path gives the section its context, and the document's
    keywords (the words people actually type, e.g. "며칠 받아") let a section be found by them."""
    text = " > ".join(chunk.heading_path) + "\n" + chunk.text
    if chunk.keywords:
        text += "\n검색어: " + ", ".join(chunk.keywords)
    return text


def chunk_payload(chunk: PolicyChunk) -> dict[str, Any]:
    return {
        "record": chunk.model_dump(mode="json"),
        "doc_id": chunk.doc_id,
        "program": chunk.program,
        "audience": list(chunk.audience),
        "year": chunk.year,
    }


def effective_on(chunk: PolicyChunk, day: date) -> bool:
    return chunk.effective_from <= day and (chunk.effective_to is None or day <= chunk.effective_to)
