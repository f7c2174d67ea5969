"""The qdrant-client backends: a Qdrant server (collections + aliases) and the embedded local-mode fallback.

A version is a collection; the served pointer is the alias ``{prefix}_{kind}``, moved in one operation. Local mode
(``QdrantClient(path=…)``) admits one process per folder: ``StoreLockedError`` says what to do instead.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from qdrant_client import QdrantClient, models

from knowledge.config import Settings
from knowledge.sparse import SparseVec
from knowledge.store import (
    DENSE,
    PAYLOAD_INDEXES,
    SPARSE,
    FieldType,
    Filter,
    Hit,
    Kind,
    Match,
    Point,
    SearchMode,
    StoreError,
    StoreLockedError,
    data_dir_error,
    embedder_of,
    prefetch_limit,
    rrf_fuse,
    search_legs,
    version_name,
)

SCHEMA: dict[FieldType, models.PayloadSchemaType] = {
    "keyword": models.PayloadSchemaType.KEYWORD,
    "integer": models.PayloadSchemaType.INTEGER,
    "float": models.PayloadSchemaType.FLOAT,
    "bool": models.PayloadSchemaType.BOOL,
}


def to_qdrant(flt: Filter | None) -> models.Filter | None:
    if flt is None:
        return None
    conds: list[models.Condition] = []
    for c in flt.must:
        if isinstance(c, Match):
            conds.append(models.FieldCondition(key=c.key, match=models.MatchValue(value=c.value)))
        else:
            conds.append(models.FieldCondition(key=c.key, range=models.Range(gte=c.gte, lte=c.lte)))
    return models.Filter(must=conds)


class QdrantStore:
    """Owns the QdrantClient. Thread-safe for the app: one lock around client calls (local mode is not)."""

    def __init__(
        self, client: QdrantClient, *, prefix: str = "goyong", location: str = "", is_server: bool = False
    ) -> None:
        self.client = client
        self.is_server = is_server
        self.backend = "server" if is_server else "local"
        self.prefix = prefix
        self.location = location
        self._lock = threading.RLock()

    # ---- opening -------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, settings: Settings, *, server: bool | None = None) -> QdrantStore:
        if server is None:
            server = bool(settings.qdrant_url)
        if server:
            key = settings.qdrant_api_key.get_secret_value() if settings.qdrant_api_key else None
            client = QdrantClient(url=settings.qdrant_url, api_key=key, timeout=30)
            return cls(client, prefix=settings.collection_prefix, location=str(settings.qdrant_url), is_server=True)
        path = settings.qdrant_path
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise data_dir_error(path, exc) from exc
        try:
            client = QdrantClient(path=str(path))
        except RuntimeError as exc:
            if "already accessed" in str(exc):
                raise StoreLockedError(
                    f"색인 폴더 {path}를 다른 프로세스(실행 중인 채팅 앱 등)가 사용 중입니다. 내장 Qdrant 로컬 모드"
                    "(GOYONG_STORE_BACKEND=local)는 한 번에 한 프로세스만 열 수 있습니다. 채팅 앱이 켜져 있으면 관리자 "
                    "화면의 '색인 다시 만들기'를 쓰거나, 앱을 끈 뒤 다시 실행하거나, 기본 백엔드(Qdrant Edge, 여러 "
                    "프로세스가 함께 읽을 수 있음)나 GOYONG_QDRANT_URL로 Qdrant 서버를 쓰세요. "
                    f"(the embedded store {path} is locked by another process)"
                ) from exc
            raise
        except PermissionError as exc:
            raise StoreError(f"색인 폴더 {path}에 쓸 수 없습니다: 권한을 확인하세요. (permission denied)") from exc
        return cls(client, prefix=settings.collection_prefix, location=str(path))

    def close(self) -> None:
        with self._lock:
            self.client.close()

    # ---- names ---------------------------------------------------------------------------------------------
    def alias(self, kind: Kind) -> str:
        return f"{self.prefix}_{kind}"

    def resolve(self, kind: Kind) -> str | None:
        alias = self.alias(kind)
        with self._lock:
            for item in self.client.get_aliases().aliases:
                if item.alias_name == alias:
                    return item.collection_name
        return None

    def embedder_of(self, version: str) -> str:
        return embedder_of(version)

    def versions(self, kind: Kind) -> list[str]:
        with self._lock:
            names = [c.name for c in self.client.get_collections().collections]
        return sorted(n for n in names if n.startswith(self.alias(kind) + "__"))

    # ---- building ------------------------------------------------------------------------------------------
    def create_version(self, kind: Kind, embedder_name: str, dim: int | None) -> str:
        name = version_name(self.prefix, kind, embedder_name, time.strftime("%Y%m%dT%H%M%S") + uuid.uuid4().hex[:6])
        vectors: dict[str, models.VectorParams] = {}
        if dim:
            vectors[DENSE] = models.VectorParams(size=dim, distance=models.Distance.COSINE)
        with self._lock:
            self.client.create_collection(
                collection_name=name,
                vectors_config=vectors,
                sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
            )
            if self.is_server:  # local mode ignores payload indexes and scans filters linearly
                for field_name, schema in PAYLOAD_INDEXES[kind].items():
                    self.client.create_payload_index(name, field_name=field_name, field_schema=SCHEMA[schema])
        return name

    def edit_version(self, kind: Kind, live: str) -> str:
        return live  # per-record upserts into the served collection: each record is either old or new

    def swap_alias(self, kind: Kind, version: str) -> str | None:
        alias = self.alias(kind)
        old = self.resolve(kind)
        ops: list[models.AliasOperations] = []
        if old:
            ops.append(models.DeleteAliasOperation(delete_alias=models.DeleteAlias(alias_name=alias)))
        ops.append(
            models.CreateAliasOperation(create_alias=models.CreateAlias(collection_name=version, alias_name=alias))
        )
        with self._lock:
            self.client.update_collection_aliases(change_aliases_operations=ops)
        return old

    def drop_orphans(self, kind: Kind) -> list[str]:
        live = self.resolve(kind)
        dropped = []
        for name in self.versions(kind):
            if name != live:
                self.drop_collection(name)
                dropped.append(name)
        return dropped

    def drop_collection(self, version: str) -> None:
        with self._lock:
            self.client.delete_collection(version)

    def upsert(self, version: str, points: Sequence[Point]) -> None:
        structs = []
        for p in points:
            vector: dict[str, Any] = {SPARSE: models.SparseVector(indices=p.sparse.indices, values=p.sparse.values)}
            if p.dense is not None:
                vector[DENSE] = p.dense
            structs.append(models.PointStruct(id=p.id, vector=vector, payload=p.payload))
        with self._lock:
            self.client.upsert(collection_name=version, points=structs, wait=True)

    def delete(self, version: str, ids: Sequence[str]) -> None:
        if not ids:
            return
        with self._lock:
            self.client.delete(collection_name=version, points_selector=models.PointIdsList(points=list(ids)))

    def scroll_field(self, version: str, field_name: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        offset: Any = None
        while True:
            with self._lock:
                batch, offset = self.client.scroll(
                    version, limit=1000, offset=offset, with_payload=[field_name], with_vectors=False
                )
            for rec in batch:
                out[str(rec.id)] = (rec.payload or {}).get(field_name)
            if offset is None:
                return out

    def count(self, kind: Kind) -> int:
        if not self.resolve(kind):
            return 0
        with self._lock:
            return self.client.count(self.alias(kind), exact=True).count

    # ---- searching -----------------------------------------------------------------------------------------
    def hybrid(
        self,
        kind: Kind,
        *,
        dense: list[float] | None,
        sparse: SparseVec | None,
        flt: Filter | None,
        limit: int,
        mode: SearchMode = "hybrid",
    ) -> list[Hit]:
        alias = self.alias(kind)
        if not self.resolve(kind):
            return []
        qflt = to_qdrant(flt)
        use_dense, use_sparse = search_legs(dense, sparse, mode)
        sparse_q = models.SparseVector(indices=sparse.indices, values=sparse.values) if sparse else None
        legs: list[models.QueryRequest] = []
        if use_dense:
            legs.append(models.QueryRequest(query=dense, using=DENSE, filter=qflt, with_payload=True))
        if use_sparse:
            legs.append(models.QueryRequest(query=sparse_q, using=SPARSE, filter=qflt, with_payload=True))
        if not legs:
            return self.browse(kind, flt=flt, limit=limit)
        # Both legs in one request, fused here (rrf_fuse) so that ties rank the same on every backend.
        leg_limit = prefetch_limit(limit) if len(legs) == 2 else limit
        for leg in legs:
            leg.limit = leg_limit
        with self._lock:
            results = self.client.query_batch_points(alias, requests=legs)
        ranked = [[Hit(id=str(p.id), score=float(p.score), payload=dict(p.payload or {})) for p in r.points]
                  for r in results]
        return rrf_fuse(ranked, limit) if len(ranked) == 2 else ranked[0]

    def browse(self, kind: Kind, *, flt: Filter | None, limit: int) -> list[Hit]:
        if not self.resolve(kind):
            return []
        with self._lock:
            batch, _ = self.client.scroll(self.alias(kind), scroll_filter=to_qdrant(flt), limit=limit,
                                          with_payload=True)
        return [Hit(id=str(r.id), score=0.0, payload=dict(r.payload or {})) for r in batch]

    def iter_payloads(self, kind: Kind) -> Iterator[dict[str, Any]]:
        offset: Any = None
        while self.resolve(kind):
            with self._lock:
                batch, offset = self.client.scroll(self.alias(kind), limit=1000, offset=offset, with_payload=True)
            for rec in batch:
                yield dict(rec.payload or {})
            if offset is None:
                return
