"""``goyong employer-subsidies --facts employer.json [--json] [--date YYYY-MM-DD]``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from pydantic import ValidationError

from graphs.capabilities.employer_subsidies import EmployerFacts, report_text, screen_employer


def cli_employer_subsidies(args: argparse.Namespace) -> int:
    from knowledge.config import get_settings

    try:
        facts = EmployerFacts.model_validate_json(args.facts.read_text(encoding="utf-8"))
    except OSError as exc:
        sys.stderr.write(f"오류: 사업주 정보 파일을 읽을 수 없습니다: {exc}\n")
        return 2
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        sys.stderr.write(f"오류: 사업주 정보 JSON 항목 오류 — {problems}\n")
        return 2
    try:
        today = date.fromisoformat(args.date) if args.date else get_settings().current_date()
    except ValueError:
        sys.stderr.write(f"오류: --date는 YYYY-MM-DD 형식입니다: '{args.date}'\n")
        return 2
    report = screen_employer(facts, today=today)
    if args.json:
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report_text(report) + "\n")
    return 0
