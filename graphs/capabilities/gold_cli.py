"""The command line of a ranking gold-set evaluation (``python -m graphs.capabilities.<name>.evaluate``): one split or
all, text or JSON, over the index of the current settings."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel


def run_ranking_eval(doc: str | None, evaluate: Callable[..., BaseModel], report_text: Callable[[Any], str],
                     reference_date: date, argv: Sequence[str] | None = None) -> int:
    """Parse ``--split``/``--json``, run ``evaluate(retriever, split=…, today=…)`` and print its report."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    parser.add_argument("--split", choices=("dev", "holdout", "all"), default="all")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from knowledge.base import KnowledgeBase
    from knowledge.config import get_settings

    settings = get_settings()
    kb = KnowledgeBase.open(settings)
    try:
        report = evaluate(kb.retriever, split=args.split, today=settings.today or reference_date)
    finally:
        kb.close()
    sys.stdout.write((report.model_dump_json(indent=2) if args.json else report_text(report)) + "\n")
    return 0
