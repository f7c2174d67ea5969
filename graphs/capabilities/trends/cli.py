"""``goyong stats "제주 고용률 추이" [--json] [--chart out.html]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console

from graphs.capabilities.trends.answer import answer_trend


def write_chart(figure: dict[str, object], path: Path) -> str | None:
    """Write the figure as a standalone HTML page (plotly.js inlined: opens offline) or as an image when the
    suffix is .png/.svg (needs kaleido). Returns an error message, or None when written."""
    import plotly.graph_objects as go

    fig = go.Figure(figure)
    try:
        if path.suffix.lower() in (".png", ".svg", ".jpg", ".jpeg", ".pdf"):
            try:
                import kaleido  # type: ignore[import-not-found]  # noqa: F401
            except ImportError:
                return "이미지 저장에는 kaleido가 필요합니다 (설치되지 않음) — .html로 저장하세요"
            fig.write_image(str(path))
        else:
            fig.write_html(str(path), include_plotlyjs=True, full_html=True)
    except OSError as exc:
        return f"차트 파일을 쓸 수 없습니다: {exc}"
    return None


def cli_stats(args: argparse.Namespace) -> int:
    """Print the answer (or its JSON) and optionally save the chart; 0 = figures found, 1 = none, 2 = error."""
    from knowledge.config import get_settings

    out, err = Console(), Console(stderr=True)
    answer = answer_trend(args.question, get_settings())
    if getattr(args, "chart", None) is not None:
        if answer.figure is None:
            err.print("[yellow]이 질문에는 그릴 차트가 없습니다.[/yellow]")
        else:
            problem = write_chart(answer.figure, args.chart)
            if problem:
                err.print(f"[red]오류:[/red] {problem}")
                return 2
            err.print(f"[dim]차트: {args.chart}[/dim]")
    if getattr(args, "json", False):
        data = answer.model_dump(mode="json")
        data["text"] = answer.text
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(answer.text, markup=False, highlight=False, soft_wrap=True)
        if answer.figure is not None and getattr(args, "chart", None) is None:
            err.print("[dim]차트를 보려면 --chart 파일.html 을 붙이세요[/dim]")
    return 0 if answer.found else 1
