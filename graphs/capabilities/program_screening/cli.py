"""``goyong screen --profile profile.json [--json] [--role citizen|counselor] [--employer]``: every program for one
profile (a JSON object of Profile fields), one line each."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import ValidationError

from graphs.capabilities.program_screening.render import report_text
from graphs.capabilities.program_screening.screen import audience_of, screen
from graphs.profile import Profile


def cli_screen(args: argparse.Namespace) -> int:
    from knowledge.config import get_settings

    try:
        data = json.loads(Path(args.profile).read_text(encoding="utf-8"))
        profile = Profile.model_validate(data)
    except (OSError, json.JSONDecodeError) as exc:
        sys.stderr.write(f"오류: 프로필 파일을 읽을 수 없습니다: {exc}\n")
        return 2
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        sys.stderr.write(f"오류: 프로필 JSON 항목 오류 — {problems}\n")
        return 2
    audience = "employer" if getattr(args, "employer", False) else audience_of(profile)
    report = screen(profile, today=get_settings().current_date(), audience=audience)
    if args.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(report_text(report, getattr(args, "role", "counselor")) + "\n")
    return 0
