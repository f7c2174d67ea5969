"""``goyong recommend-training --profile profile.json [--region 제주시] [--json] [-k N]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import ValidationError

from graphs.capabilities.training_recommendation.models import NEED_LABELS, Recommendation
from graphs.profile import SeekerProfile


def report_text(rec: Recommendation) -> str:
    """The recommendation as a counselor reads it: target, gaps, what is held, then each course with its reasons."""
    if rec.target is None:
        return "\n".join(rec.notes)
    lines = [f"목표 직종: {rec.target} ({rec.target_source}) · 거주지: {rec.home or '미입력'} · 후보 {rec.candidates}건"]
    if rec.gaps:
        lines.append("부족한 역량: " + ", ".join(f"{g.gap}({NEED_LABELS[g.need]})" for g in rec.gaps))
    else:
        lines.append("부족한 역량: 없음 (필수·우대 역량을 이미 갖춤)")
    if rec.held:
        lines.append("갖춘 역량: " + ", ".join(dict.fromkeys(h.label for h in rec.held)))
    for n, c in enumerate(rec.courses, 1):
        pay = f"자부담 약 {c.self_pay:,}원" if c.card_eligible and c.self_pay is not None else "카드 미적용"
        lines += ["", f"{n}. [{c.score:.0f}점] {c.title} — {c.institution} ({c.region} {c.district or ''})".rstrip(),
                  f"   {c.start} ~ {c.end} · {pay}" + (f" · 취업률 {c.employment_rate:g}%" if c.employment_rate else "")]
        lines += [f"   ✔ {r}" for r in c.reasons]
        if c.url:
            lines.append(f"   {c.url}")
    if not rec.courses:
        lines.append("이 역량을 채우는 개강 예정 과정이 없습니다.")
    for e in rec.excluded:
        lines.append(f"※ 제외: {e.title} ({e.why})")
    if rec.uncovered:
        lines.append("※ 카탈로그에 채울 과정이 없는 역량: " + ", ".join(rec.uncovered))
    for g in rec.gaps:
        lines.append(f"※ 기준 — {g.gap}: {g.source}")
    lines.append("※ 예시(가상) 훈련 카탈로그 기준입니다. 개강일·자부담은 고용24(HRD-Net)에서 확인하세요.")
    return "\n".join(lines)


def cli_recommend_training(args: argparse.Namespace) -> int:
    from graphs.capabilities.training_recommendation.recommend import recommend
    from knowledge.base import KnowledgeBase
    from knowledge.config import get_settings

    try:
        profile = SeekerProfile.model_validate(json.loads(Path(args.profile).read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        sys.stderr.write(f"오류: {exc}\n")
        return 2
    settings = get_settings()
    kb = KnowledgeBase.open(settings)
    try:
        rec = recommend(profile, retriever=kb.retriever, today=settings.current_date(), region=args.region, k=args.k)
    finally:
        kb.close()
    sys.stdout.write((rec.model_dump_json(indent=2) if args.json else report_text(rec)) + "\n")
    return 0
