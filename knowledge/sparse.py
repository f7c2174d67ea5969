"""Korean sparse vectors: Kiwi morphemes → hashed term ids with a BM25-style term weight.

Qdrant applies IDF itself (sparse vector ``modifier=IDF``), so documents carry only the saturated term frequency.
Queries carry 1.0 per term, and synonym-expanded terms a lower weight.
"""

from __future__ import annotations

import hashlib
import inspect
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge import korean
from knowledge.korean import LEXICON_DIR, content_terms

K1 = 1.2
B = 0.75
SYNONYM_WEIGHT = 0.6


@dataclass(frozen=True)
class SparseVec:
    indices: list[int]
    values: list[float]


def term_id(term: str) -> int:
    """Stable 31-bit id of a term (the same across processes and machines)."""
    return zlib.crc32(term.encode("utf-8")) & 0x7FFFFFFF


def encode_document(text: str, *, avg_len: float) -> SparseVec:
    counts = Counter(content_terms(text))
    length = sum(counts.values()) or 1
    norm = K1 * (1 - B + B * length / avg_len)
    weights: dict[int, float] = {}
    for term, tf in counts.items():
        tid = term_id(term)
        weights[tid] = weights.get(tid, 0.0) + tf * (K1 + 1) / (tf + norm)
    return _vec(weights)


@lru_cache(maxsize=1)
def document_encoding() -> str:
    """A digest of everything a document's sparse vector depends on besides its text and ``avg_len``: the term
    rules (``knowledge.korean``), the user dictionary, the Kiwi version and the weighting. Ingest keeps it in each
    record's content hash, so a change re-encodes every record instead of mixing old and new terms in one index."""
    h = hashlib.sha256()
    h.update(inspect.getsource(korean).encode("utf-8"))
    for fn in (term_id, encode_document, _vec):
        h.update(inspect.getsource(fn).encode("utf-8"))
    user_dict = LEXICON_DIR / "user_dict.yaml"
    h.update(user_dict.read_bytes() if user_dict.exists() else b"")
    h.update(f"{_kiwi_version()}|{K1}|{B}".encode())
    return h.hexdigest()[:16]


def _kiwi_version() -> str:
    from importlib.metadata import version

    return version("kiwipiepy")


def encode_query(text: str, lexicon: Lexicon | None = None) -> SparseVec:
    terms = content_terms(text)
    weights: dict[int, float] = {term_id(t): 1.0 for t in terms}
    if lexicon is not None:
        for term in lexicon.expand(text, terms):
            tid = term_id(term)
            weights.setdefault(tid, SYNONYM_WEIGHT)
    return _vec(weights)


def _vec(weights: dict[int, float]) -> SparseVec:
    items = sorted(weights.items())
    return SparseVec(indices=[i for i, _ in items], values=[round(v, 4) for _, v in items])


class Lexicon:
    """Domain synonym groups (실업급여 ↔ 구직급여, 내배카 ↔ 국민내일배움카드 …) for query expansion."""

    def __init__(self, groups: dict[str, list[str]]) -> None:
        self.groups: list[list[str]] = []
        for canonical, variants in groups.items():
            self.groups.append([str(canonical), *[str(v) for v in variants or []]])

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        path = path or LEXICON_DIR / "synonyms.yaml"
        if not path.exists():
            return cls({})
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: 동의어 사전은 '표준어: [변형, …]' 형식이어야 합니다")
        return cls(data)

    def expand(self, text: str, terms: list[str]) -> list[str]:
        """Morphemes of every group member whose surface form occurs in the text or whose terms all occur.

        Matching by terms needs at least one term longer than a syllable: "몇 일" is only the term 일, which
        would otherwise fire on "식당 일 구해요"."""
        compact = text.replace(" ", "")
        term_set = set(terms)
        extra: list[str] = []
        for group in self.groups:
            hit = False
            for phrase in group:
                phrase_terms = _terms(phrase)
                by_terms = any(len(t) > 1 for t in phrase_terms) and set(phrase_terms) <= term_set
                if phrase.replace(" ", "") in compact or by_terms:
                    hit = True
                    break
            if hit:
                for phrase in group:
                    extra.extend(t for t in _terms(phrase) if t not in term_set)
        return extra


@lru_cache(maxsize=4096)
def _terms(phrase: str) -> tuple[str, ...]:
    return tuple(content_terms(phrase))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()
