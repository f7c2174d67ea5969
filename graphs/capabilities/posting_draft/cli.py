"""``goyong posting draft "…" [--json] [--employees N] [--year YYYY]``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from graphs.capabilities.posting_draft import draft_posting, result_text


def cli_draft(args: argparse.Namespace) -> int:
    from knowledge.config import get_settings

    request = " ".join(args.request).strip() if isinstance(args.request, list) else str(args.request).strip()
    if not request:
        sys.stderr.write(
            '오류: 공고 조건(예: "호텔 객실관리 구인공고 초안 작성해줘. 월 260만원, 주5일, 서귀포")이 비어 있습니다.\n'
        )
        return 2
    if args.employees is not None and args.employees < 1:
        sys.stderr.write("오류: --employees는 1 이상의 상시 근로자 수입니다.\n")
        return 2
    today = get_settings().current_date()
    if args.year:
        today = date(args.year, today.month, min(today.day, 28))
    result = draft_posting(request, today=today, employees=args.employees)
    if args.json:
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(result_text(result) + "\n")
    return 0
