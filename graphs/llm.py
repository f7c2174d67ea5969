"""The optional LLM: built from settings, and checked — every number it writes must come from the tools."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from typing import Any

from langchain_core.language_models import BaseChatModel

from knowledge.config import Settings

logger = logging.getLogger(__name__)

# Numbers that may always appear: service phone lines, 고용24, and small counts used in prose.
ALWAYS_ALLOWED = {109, 112, 119, 1350, 24}
SMALL = 10

_UNITS = {"억": 100_000_000, "만": 10_000, "천": 1_000, "백": 100}
_NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s*(?:억|만|천|백))?(?:\s*\d[\d,]*(?:\s*(?:만|천|백))?)*")


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


def parse_korean_amount(token: str) -> int | None:
    """'66,048' → 66048; '60만' → 600000; '6만6048' → 66048; '3억 5천만' → 350000000; '10.5' → None."""
    s = token.replace(",", "").replace(" ", "")
    if not s:
        return None
    if re.fullmatch(r"\d+\.\d+", s):
        return None
    total = 0
    current = ""
    section = 0
    for ch in s:
        if ch.isdigit():
            current += ch
        elif ch in _UNITS:
            unit = _UNITS[ch]
            value = int(current) if current else (0 if section and unit >= 10_000 else 1)
            if unit >= 10_000:
                total += (section + value) * unit
                section = 0
            else:
                section += value * unit
            current = ""
        else:
            return None
    total += section + (int(current) if current else 0)
    return total


def numbers_in(text: str) -> set[int]:
    found: set[int] = set()
    for m in _NUM_RE.finditer(text):
        value = parse_korean_amount(m.group(0))
        if value is not None:
            found.add(value)
        for plain in re.findall(r"\d[\d,]*", m.group(0)):
            found.add(int(plain.replace(",", "")))
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
