"""The optional LLM: built from settings, and checked — every number it writes must come from the tools."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from typing import Any

from langchain_core.language_models import BaseChatModel

from graphs.nlu.numbers import find_numbers
from knowledge.config import Settings

logger = logging.getLogger(__name__)

# Numbers that may always appear: service phone lines, 고용24, and small counts used in prose.
ALWAYS_ALLOWED = {109, 112, 119, 1350, 24}
SMALL = 10


def build_llm(settings: Settings) -> BaseChatModel | None:
    """An OpenAI-compatible chat model (vLLM, Ollama, hosted) or an ``init_chat_model`` provider; None if unset."""
    if settings.llm_base_url and settings.llm_model:
        from langchain_openai import ChatOpenAI

        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        return ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url,
            api_key=key,  # type: ignore[arg-type]
            timeout=settings.llm_timeout_s,
            max_retries=0,
            temperature=settings.llm_temperature,
        )
    if settings.llm_provider and settings.llm_model:
        from langchain.chat_models import init_chat_model

        return init_chat_model(
            settings.llm_model, model_provider=settings.llm_provider, temperature=settings.llm_temperature,
            timeout=settings.llm_timeout_s,
        )
    return None


def numbers_in(text: str) -> set[int]:
    """Every digit run ("66,048" → 66048) and every written amount with a digit, as its value ("4억5천" →
    450000000, "6만 6048원" → 66048; read by :mod:`graphs.nlu.numbers`, the one Korean number reader)."""
    found = {int(run.replace(",", "")) for run in re.findall(r"\d[\d,]*", text)}
    for m in find_numbers(text):  # "삼백만원" (no digit) is not a figure an LLM copies from a tool: left out
        if re.search(r"\d", text[m.start : m.end]) and float(m.value).is_integer():
            found.add(int(m.value))
    return found


def allowed_numbers(sources: Iterable[Any]) -> set[int]:
    """Every number in the given tool outputs / passages / user text, as integers."""
    allowed = set(ALWAYS_ALLOWED)
    for src in sources:
        text = src if isinstance(src, str) else json.dumps(src, ensure_ascii=False, default=str)
        allowed |= numbers_in(text)
        # dates in sources: allow their parts (2026-03-01 → 2026, 3, 1)
        for y, m, d in re.findall(r"(\d{4})-(\d{2})-(\d{2})", text):
            allowed |= {int(y), int(m), int(d)}
    return allowed


def unsupported_numbers(draft: str, sources: Iterable[Any]) -> list[int]:
    """Numbers in the draft that no source contains (small counts excepted)."""
    allowed = allowed_numbers(sources)
    bad = sorted(n for n in numbers_in(draft) if n > SMALL and n not in allowed)
    return bad
