"""One shared Kiwi instance with the domain user dictionary.

Kiwi loads its model lazily (first tokenize ≈ 1.5 s, ≈ 550 MB RSS): build it once with ``get_kiwi()``
and warm it at start-up with ``warm_up()``.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import yaml
from kiwipiepy import Kiwi

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
_lock = threading.Lock()

# Content-bearing POS tags kept for search: nouns, verbs/adjectives stems, roots, foreign words, numbers.
CONTENT_TAGS = ("NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XR", "VV", "VA", "MAG")
# The negation adverbs are no content: 안 ('not', MAG) would otherwise match the noun 안 ('inside', NNG) of
# "18개월 안에 있는 날" and 못 every "받지 못했다면"; negation is also said as '-지 않다/못하다', so it cannot match.
NEGATION_ADVERBS = frozenset({"안", "못"})


def _user_words() -> list[tuple[str, str]]:
    path = LEXICON_DIR / "user_dict.yaml"
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    words: list[tuple[str, str]] = []
    for tag, items in data.items():
        for word in items or []:
            words.append((str(word), str(tag)))
    return words


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    """The process-wide Kiwi with program names (청년도약장려금, 내일배움카드 …) registered."""
    # Without the multi-word dictionary Kiwi starts 1.5-3 s sooner on 2 cores, and its content morphemes are the
    # same on every bundled document and gold question (3,027 texts, 296 questions compared).
    kiwi = Kiwi(load_multi_dict=False)
    for word, tag in _user_words():
        kiwi.add_user_word(word, tag, 0.0)
    return kiwi


def warm_up() -> None:
    """Load Kiwi's model now so the first user question does not pay for it."""
    tokenize("제주 고용센터 실업급여")


def tokenize(text: str) -> list[tuple[str, str]]:
    """(form, tag) pairs; irregular-verb tags such as ``VV-R`` are reduced to ``VV``. Thread-safe."""
    kiwi = get_kiwi()
    with _lock:
        tokens = kiwi.tokenize(text)
    return [(t.form, t.tag.split("-")[0]) for t in tokens]


def content_terms(text: str) -> list[str]:
    """Lower-cased content morphemes for sparse retrieval (verbs/adjectives as their stem + 다)."""
    terms: list[str] = []
    for form, tag in tokenize(text):
        if tag not in CONTENT_TAGS or (tag == "MAG" and form in NEGATION_ADVERBS):
            continue
        if tag in ("VV", "VA"):
            form = form + "다"
        terms.append(form.lower())
    return terms
