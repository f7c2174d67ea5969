"""``goyong talent --posting FILE|TEXT | --id K… [--json] [-k N]``: pool seekers ranked for one posting."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from graphs.capabilities.posting_check.cli import posting_source
from graphs.capabilities.talent_recommendation.models import TalentReport
from graphs.capabilities.talent_recommendation.pool import load_pool
from graphs.capabilities.talent_recommendation.posting import PostingInput, posting_from_text
from graphs.capabilities.talent_recommendation.rank import TOP, recommend

DROPPED = {"commute": "통근 범위 밖", "island": "섬 지역", "seasonal": "계절 일자리 불가"}


def report_text(report: TalentReport) -> str:
    """The ranking as a counselor reads it: the posting as understood, then each seeker with reasons and misfits."""
    dropped = ", ".join(f"{DROPPED.get(k, k)} {v}명" for k, v in report.filtered_out.items())
    lines = [f"공고: {report.posting_title} ({report.source}) · 직종: {report.occupation or '알 수 없음'} · "
             f"근무지: {report.place}",
             f"구직자 풀 {report.pool_size}명 중 {report.scored}명 평가" + (f" (제외: {dropped})" if dropped else ""), ""]
    for i, c in enumerate(report.candidates, 1):
        lines.append(f"{i:>2}. {c.id} · {c.age_band} · 희망 {c.desired_occupation} · 경력 {c.experience} · "
                     f"자격 {', '.join(c.certificates) or '-'} · 거주 {c.district or '-'} — {c.score:.0f}점")
        lines += [f"      ✔ {r}" for r in c.reasons] + [f"      ✘ {m}" for m in c.misfits[:2]]
    if not report.candidates:
        lines.append("통근 범위 안에 맞는 구직자가 없습니다.")
    lines += ["", *(f"※ {n}" for n in report.notes), "※ 가상·익명 구직자 풀입니다. 나이는 점수에 넣지 않습니다 (고령자고용법 제4조의4)."]
    return "\n".join(lines)


def _posting(args: argparse.Namespace, today: date) -> PostingInput | str:
    if args.id:
        from knowledge.base import get_knowledge_base

        job = get_knowledge_base().job(args.id)
        if job is None:
            return f"공고 {args.id}를 채용정보 색인에서 찾지 못했습니다 (goyong ingest로 색인을 먼저 만드세요)."
        return PostingInput(job=job, source=f"고용24 공고 {job.id} ({job.company})")
    try:
        text, is_file = posting_source(args.posting)
    except ValueError as exc:
        return str(exc)
    return posting_from_text(text, today=today, source="파일의 공고" if is_file else "입력한 공고")


def cli_talent(args: argparse.Namespace) -> int:
    today = date.today()
    posting = _posting(args, today)
    if isinstance(posting, str):
        sys.stderr.write(f"오류: {posting}\n")
        return 2
    report = recommend(posting, load_pool(), today=today, k=args.k or TOP)
    if args.json:
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report_text(report) + "\n")
    return 0
