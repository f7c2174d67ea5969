"""``goyong match --profile profile.json [--json] [--weights k=v …] [--exclude factor …] [-k N]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import ValidationError

from graphs.capabilities.job_matching.models import FACTOR_LABELS, FACTORS, MatchReport, SeekerProfile

DROPPED = {"closed": "마감", "seasonal": "계절 일자리", "island": "섬(배편) 근무지", "commute": "통근 거리 초과"}


def parse_weights(items: list[str] | None) -> dict[str, float]:
    """``["wage=0.3", "commute=0"]`` → ``{"wage": 0.3, "commute": 0.0}``; unknown factors raise ValueError."""
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or name not in FACTORS:
            raise ValueError(f"--weights 형식은 요인=값 입니다 (요인: {', '.join(FACTORS)}): {item!r}")
        try:
            out[name] = float(value)
        except ValueError as exc:
            raise ValueError(f"--weights {name}: 숫자가 아닙니다: {value!r}") from exc
    return out


def report_text(report: MatchReport) -> str:
    """The report as a counselor reads it: the profile as understood, then each posting with reasons and misfits."""
    lines = []
    occ = ", ".join(report.occupation_names) or "알 수 없음"
    home = report.home_district or "미입력"
    lines.append(f"희망 직종: {occ} · 거주지: {home} · 후보 {report.candidates}건"
                 + (f" (제외: {', '.join(f'{DROPPED.get(k, k)} {v}건' for k, v in report.filtered_out.items())})"
                    if report.filtered_out else ""))
    if report.excluded_factors:
        lines.append("빼고 계산한 요인: " + ", ".join(FACTOR_LABELS.get(f, f) for f in report.excluded_factors))  # type: ignore[call-overload]
    for n, m in enumerate(report.matches, 1):
        where = f"{m.region} {m.district or ''}".strip()
        dist = f", 거주지에서 약 {m.distance_km:g} km" if m.distance_km else ""
        lines.append("")
        lines.append(f"{n}. [{m.score:.0f}점] {m.title} — {m.company} ({where}{dist})")
        lines.append(f"   {m.employment_type} · {m.pay} · 마감 {m.close_date}")
        for r in m.reasons:
            lines.append(f"   ✔ {r}")
        for x in m.misfits[:3]:
            lines.append(f"   ✘ {x}")
        if m.url:
            lines.append(f"   {m.url}")
    if not report.matches:
        lines.append("조건에 맞는 공고가 없습니다. 통근 거리나 희망 조건을 넓혀 보세요.")
    for note in report.notes:
        lines.append(f"※ {note}")
    lines.append("※ 예시(가상) 채용 카탈로그 기준입니다.")
    return "\n".join(lines)


def cli_match(args: argparse.Namespace) -> int:
    from graphs.capabilities.job_matching.scorer import match_jobs
    from knowledge.base import KnowledgeBase
    from knowledge.config import get_settings

    try:
        profile = SeekerProfile.model_validate(json.loads(Path(args.profile).read_text(encoding="utf-8")))
        weights = parse_weights(args.weights)
    except (OSError, json.JSONDecodeError, ValidationError, ValueError) as exc:
        sys.stderr.write(f"오류: {exc}\n")
        return 2
    unknown = [f for f in args.exclude or [] if f not in FACTORS]
    if unknown:
        sys.stderr.write(f"오류: 알 수 없는 요인 {unknown} (요인: {', '.join(FACTORS)})\n")
        return 2
    settings = get_settings()
    kb = KnowledgeBase.open(settings)
    try:
        report = match_jobs(profile, retriever=kb.retriever, today=settings.current_date(), weights=weights,
                            exclude=args.exclude or [], k=args.k)
    finally:
        kb.close()
    if args.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(report_text(report) + "\n")
    return 0

