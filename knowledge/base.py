"""The process-wide knowledge base: one store, one embedder, one retriever, opened once per process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.config import Settings, get_settings
from knowledge.embeddings import Embedder, build_embedder
from knowledge.korean import warm_up
from knowledge.retrieval import Retriever
from knowledge.schemas import JobPosting
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

    def jobs(self) -> Iterator[JobPosting]:
        """Every posting of the ingested job catalog (as indexed)."""
        return iter_jobs(self.store)

    def job(self, job_id: str) -> JobPosting | None:
        """One catalog posting by its 고용24 id (구인인증번호, ``K151…``), or None."""
        return job_by_id(self.store, job_id)


def iter_jobs(store: Store) -> Iterator[JobPosting]:
    """Every posting of the job catalog in ``store``, read from the stored records."""
    for payload in store.iter_payloads("jobs"):
        record = payload.get("record")
        if record:
            yield JobPosting.model_validate(record)


def job_by_id(store: Store, job_id: str) -> JobPosting | None:
    """The catalog posting with this 고용24 id; ids are compared without surrounding spaces, case-insensitively."""
    wanted = job_id.strip().upper()
    for payload in store.iter_payloads("jobs"):
        record = payload.get("record") or {}
        if str(record.get("id", "")).upper() == wanted:
            return JobPosting.model_validate(record)
    return None


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
