"""Field words ("IT", "디지털", "사무직", "관광 쪽", "요양", "조리") → NCS / KECO codes and search keywords.

The table is data (knowledge/lexicon/fields.yaml, with its sources). A question that names fields gets a code
filter only when all its field words agree on one field; a query made only of field words is widened with the
field's keywords, so "IT 훈련과정" finds 웹 개발, AI and 빅데이터 courses whose titles never say "IT".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from knowledge.korean import LEXICON_DIR

FIELDS_FILE = LEXICON_DIR / "fields.yaml"
# generic words around a field name ("관광 쪽", "IT 분야", "사무 관련 직종") that do not narrow it
_FILLER = frozenset("쪽 분야 계열 관련 직종 업종 업무 일 직 계통 방면 파트 종류 직군 업계".split())


@dataclass(frozen=True)
class Field:
    name: str
    words: tuple[str, ...]
    ncs: str | None
    keco: str | None
    keywords: tuple[str, ...]
    pattern: re.Pattern[str]


def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        w = re.escape(w.replace(" ", ""))
        # Latin words stand alone ("it", "ai" must not match inside "tit", "mail"); Hangul words may be compounded
        parts.append(rf"(?<![a-z]){w}(?![a-z])" if re.fullmatch(r"[a-z0-9\\-]+", w) else w)
    return re.compile("|".join(parts))


@lru_cache(maxsize=1)
def load_fields() -> tuple[Field, ...]:
    data = yaml.safe_load(FIELDS_FILE.read_text(encoding="utf-8"))
    out = []
    for entry in data["fields"]:
        words = tuple(str(w).lower() for w in entry["words"])
        out.append(
            Field(
                name=entry["name"],
                words=words,
                ncs=str(entry["ncs"]) if entry.get("ncs") else None,
                keco=str(entry["keco"]) if entry.get("keco") else None,
                keywords=tuple(str(k) for k in entry["keywords"]),
                pattern=_word_pattern(words),
            )
        )
    return tuple(out)


def fields_in(text: str) -> list[Field]:
    """The fields named in ``text`` (any spacing, any case), in table order."""
    compact = re.sub(r"\s+", "", text.lower())
    return [f for f in load_fields() if f.pattern.search(compact)]


def field_codes(text: str) -> tuple[str | None, str | None]:
    """(NCS prefix, KECO prefix) when every field named in ``text`` is the same field; else (None, None)."""
    found = fields_in(text)
    if len(found) != 1:
        return None, None
    return found[0].ncs, found[0].keco


def only_fields(query: str) -> list[Field]:
    """The fields a query names when it names nothing else (filler words like "쪽", "분야" aside); else []."""
    found: list[Field] = []
    for word in query.split():
        if word.lower() in _FILLER:
            continue
        hits = [f for f in load_fields() if f.pattern.fullmatch(word.lower()) or word.lower() in f.words]
        if not hits:
            return []
        found.extend(f for f in hits if f not in found)
    return found


def field_label(query: str) -> str | None:
    """"IT·정보통신 분야" for a query made only of one field's words (for the answer's first line)."""
    found = only_fields(query)
    return f"{found[0].name} 분야" if len(found) == 1 else None


def expand_query(query: str) -> str:
    """``query`` plus the keywords of the fields it names, when it names nothing but fields ("it", "관광 쪽",
    "사무직"); a query with other words ("호텔 조리") is specific already and stays as it is."""
    words = query.split()
    found = only_fields(query)
    if not found:
        return query
    extra = [k for f in found for k in f.keywords if k not in words]
    return " ".join([*words, *dict.fromkeys(extra)])
