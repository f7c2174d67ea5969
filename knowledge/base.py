"""The process-wide knowledge base: one store, one embedder, one retriever, opened once per process."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from knowledge.config import Settings, get_settings
from knowledge.embeddings import Embedder, build_embedder
from knowledge.korean import warm_up
from knowledge.retrieval import Retriever
from knowledge.sparse import Lexicon, default_lexicon
from knowledge.store import KINDS, Store, open_store


@dataclass
class KnowledgeBase:
    settings: Settings
    store: Store
    embedder: Embedder | None
    lexicon: Lexicon
    retriever: Retriever

    @classmethod
    def open(cls, settings: Settings | None = None, *, warm: bool = True) -> KnowledgeBase:
        settings = settings or get_settings()
        store = open_store(settings)
        try:
            embedder = build_embedder(settings)
        except Exception:
            store.close()
            raise
        lexicon = default_lexicon()
        if warm:
            warm_up()
        return cls(settings, store, embedder, lexicon, Retriever(store, embedder, lexicon))

    def counts(self) -> dict[str, int]:
        return {kind: self.store.count(kind) for kind in KINDS}

    def is_empty(self) -> bool:
        """No index built at all. Stops at the first non-empty kind: on Qdrant Edge every count opens a shard, and
        a question about a policy need not open the job and course shards."""
        return not any(self.store.count(kind) for kind in KINDS)

    def close(self) -> None:
        self.store.close()


_kb: KnowledgeBase | None = None
_kb_lock = threading.Lock()


def get_knowledge_base() -> KnowledgeBase:
    """The shared instance for this process (opened on first use)."""
    global _kb
    with _kb_lock:
        if _kb is None:
            _kb = KnowledgeBase.open()
        return _kb


def set_knowledge_base(kb: KnowledgeBase | None) -> None:
    """Install (or clear) the shared instance — used by tests and by the app at start-up."""
    global _kb
    with _kb_lock:
        _kb = kb
