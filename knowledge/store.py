"""The one Qdrant connector: owns the client, names collections, builds filters, swaps aliases.

Each logical index (``policies``, ``jobs``, ``training``) is an alias ``{prefix}_{kind}`` that points at a versioned
collection ``{prefix}_{kind}__{embedder}__{stamp}``. A rebuild fills a fresh collection and then moves the alias in
one step, so searches never see a half-built index; an interrupted build leaves only an orphan collection, removed
by the next run. Embedded mode (``QdrantClient(path=…)``) admits one process per folder: ``StoreLockedError``
says what to do instead.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from qdrant_client import QdrantClient, models

from knowledge.config import Settings
from knowledge.sparse import SparseVec

logger = logging.getLogger(__name__)

Kind = Literal["policies", "jobs", "training"]
KINDS: tuple[Kind, ...] = ("policies", "jobs", "training")
DENSE = "dense"
SPARSE = "sparse"
ID_NAMESPACE = uuid.UUID("6f1c3d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f")

# Payload fields with an index, per kind (the filterable fields).
PAYLOAD_INDEXES: dict[Kind, dict[str, models.PayloadSchemaType]] = {
    "policies": {
        "doc_id": models.PayloadSchemaType.KEYWORD,
        "program": models.PayloadSchemaType.KEYWORD,
        "audience": models.PayloadSchemaType.KEYWORD,
        "year": models.PayloadSchemaType.INTEGER,
    },
    "jobs": {
        "region": models.PayloadSchemaType.KEYWORD,
        "district": models.PayloadSchemaType.KEYWORD,
        "employment_type": models.PayloadSchemaType.KEYWORD,
        "keco_prefixes": models.PayloadSchemaType.KEYWORD,
        "monthly_pay_max": models.PayloadSchemaType.INTEGER,
        "weekly_hours": models.PayloadSchemaType.FLOAT,
        "close_ord": models.PayloadSchemaType.INTEGER,
        "seasonal": models.PayloadSchemaType.BOOL,
    },
    "training": {
        "region": models.PayloadSchemaType.KEYWORD,
        "card_eligible": models.PayloadSchemaType.BOOL,
        "self_pay": models.PayloadSchemaType.INTEGER,
        "start_ord": models.PayloadSchemaType.INTEGER,
        "ncs_prefixes": models.PayloadSchemaType.KEYWORD,
        "course_type_code": models.PayloadSchemaType.KEYWORD,
    },
}


class StoreError(RuntimeError):
    """A store problem explained for the person running the command."""


class StoreLockedError(StoreError):
    pass


def point_id(kind: str, source_id: str) -> str:
    """A stable point id from a record's source id (the same record always maps to the same point)."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{kind}:{source_id}"))


@dataclass
class Point:
    id: str
    payload: dict[str, Any]
    sparse: SparseVec
    dense: list[float] | None = None


@dataclass
class Hit:
    id: str
    score: float
    payload: dict[str, Any] = field(default_factory=dict)


class QdrantStore:
    """Owns the QdrantClient. Thread-safe for the app: one lock around client calls (embedded mode is not)."""

    def __init__(
        self, client: QdrantClient, *, prefix: str = "goyong", location: str = "", is_server: bool = False
    ) -> None:
        self.client = client
        self.is_server = is_server
        self.prefix = prefix
        self.location = location
        self._lock = threading.RLock()

    # ---- opening -------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, settings: Settings) -> QdrantStore:
        if settings.qdrant_url:
            key = settings.qdrant_api_key.get_secret_value() if settings.qdrant_api_key else None
            client = QdrantClient(url=settings.qdrant_url, api_key=key, timeout=30)
            return cls(client, prefix=settings.collection_prefix, location=settings.qdrant_url, is_server=True)
        path = settings.qdrant_path
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"데이터 폴더 {path}를 만들 수 없습니다 ({exc.strerror}). GOYONG_DATA_DIR를 쓰기 가능한 폴더로 지정하세요. "
                f"(cannot create data dir {path})"
            ) from exc
        try:
            client = QdrantClient(path=str(path))
        except RuntimeError as exc:
            if "already accessed" in str(exc):
                raise StoreLockedError(
                    f"색인 폴더 {path}를 다른 프로세스(실행 중인 채팅 앱 등)가 사용 중입니다. 내장 Qdrant는 한 번에 한 "
                    "프로세스만 열 수 있습니다. 채팅 앱이 켜져 있으면 관리자 화면의 '색인 다시 만들기'를 쓰거나, 앱을 끈 뒤 "
                    "다시 실행하거나, GOYONG_QDRANT_URL로 Qdrant 서버를 쓰세요. "
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
        """The collection the alias points at, or None when the index was never built."""
        alias = self.alias(kind)
        with self._lock:
            for item in self.client.get_aliases().aliases:
                if item.alias_name == alias:
                    return item.collection_name
        return None

    def embedder_of(self, collection: str) -> str:
        parts = collection.split("__")
        return parts[1] if len(parts) >= 3 else ""

    # ---- building ------------------------------------------------------------------------------------------
    def create_version(self, kind: Kind, embedder_name: str, dim: int | None) -> str:
        name = f"{self.alias(kind)}__{embedder_name or 'sparse'}__{time.strftime('%Y%m%dT%H%M%S')}{uuid.uuid4().hex[:6]}"
        vectors: dict[str, models.VectorParams] = {}
        if dim:
            vectors[DENSE] = models.VectorParams(size=dim, distance=models.Distance.COSINE)
        with self._lock:
            self.client.create_collection(
                collection_name=name,
                vectors_config=vectors,
                sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
            )
            if self.is_server:  # embedded mode ignores payload indexes and scans filters linearly
                for field_name, schema in PAYLOAD_INDEXES[kind].items():
                    self.client.create_payload_index(name, field_name=field_name, field_schema=schema)
        return name

    def swap_alias(self, kind: Kind, collection: str) -> str | None:
        """Point the alias at ``collection`` in one operation; returns the collection it pointed at before."""
        alias = self.alias(kind)
        old = self.resolve(kind)
        ops: list[models.AliasOperations] = []
        if old:
            ops.append(models.DeleteAliasOperation(delete_alias=models.DeleteAlias(alias_name=alias)))
        ops.append(
            models.CreateAliasOperation(create_alias=models.CreateAlias(collection_name=collection, alias_name=alias))
        )
        with self._lock:
            self.client.update_collection_aliases(change_aliases_operations=ops)
        return old

    def drop_orphans(self, kind: Kind) -> list[str]:
        """Delete versioned collections of ``kind`` that no alias points at (left by interrupted builds)."""
        live = self.resolve(kind)
        dropped = []
        with self._lock:
            for coll in self.client.get_collections().collections:
                if coll.name.startswith(self.alias(kind) + "__") and coll.name != live:
                    self.client.delete_collection(coll.name)
                    dropped.append(coll.name)
        return dropped

    def drop_collection(self, name: str) -> None:
        with self._lock:
            self.client.delete_collection(name)

    def upsert(self, collection: str, points: Sequence[Point]) -> None:
        structs = []
        for p in points:
            vector: dict[str, Any] = {SPARSE: models.SparseVector(indices=p.sparse.indices, values=p.sparse.values)}
            if p.dense is not None:
                vector[DENSE] = p.dense
            structs.append(models.PointStruct(id=p.id, vector=vector, payload=p.payload))
        with self._lock:
            self.client.upsert(collection_name=collection, points=structs, wait=True)

    def delete(self, collection: str, ids: Sequence[str]) -> None:
        if not ids:
            return
        with self._lock:
            self.client.delete(collection_name=collection, points_selector=models.PointIdsList(points=list(ids)))

    def scroll_field(self, collection: str, field_name: str) -> dict[str, Any]:
        """point id → one payload field, for every point (used to compare content hashes)."""
        out: dict[str, Any] = {}
        offset: Any = None
        while True:
            with self._lock:
                batch, offset = self.client.scroll(
                    collection, limit=1000, offset=offset, with_payload=[field_name], with_vectors=False
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
        flt: models.Filter | None,
        limit: int,
        mode: Literal["hybrid", "sparse", "dense"] = "hybrid",
    ) -> list[Hit]:
        """Dense + sparse prefetch (each with the filter inside), fused by RRF; or a single leg."""
        alias = self.alias(kind)
        if not self.resolve(kind):
            return []
        use_dense = dense is not None and mode in ("hybrid", "dense")
        use_sparse = sparse is not None and bool(sparse.indices) and mode in ("hybrid", "sparse")
        sparse_q = models.SparseVector(indices=sparse.indices, values=sparse.values) if sparse else None
        with self._lock:
            if use_dense and use_sparse:
                res = self.client.query_points(
                    alias,
                    prefetch=[
                        models.Prefetch(query=dense, using=DENSE, filter=flt, limit=max(limit * 4, 20)),
                        models.Prefetch(query=sparse_q, using=SPARSE, filter=flt, limit=max(limit * 4, 20)),
                    ],
                    query=models.FusionQuery(fusion=models.Fusion.RRF),
                    limit=limit,
                    with_payload=True,
                )
            elif use_dense:
                res = self.client.query_points(
                    alias, query=dense, using=DENSE, query_filter=flt, limit=limit, with_payload=True
                )
            elif use_sparse:
                res = self.client.query_points(
                    alias, query=sparse_q, using=SPARSE, query_filter=flt, limit=limit, with_payload=True
                )
            else:
                return self.browse(kind, flt=flt, limit=limit)
        return [Hit(id=str(p.id), score=float(p.score), payload=dict(p.payload or {})) for p in res.points]

    def browse(self, kind: Kind, *, flt: models.Filter | None, limit: int) -> list[Hit]:
        """Filtered records without a query (e.g. "서귀포 일자리" with no job words)."""
        if not self.resolve(kind):
            return []
        with self._lock:
            batch, _ = self.client.scroll(self.alias(kind), scroll_filter=flt, limit=limit, with_payload=True)
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


def must(conditions: Iterable[models.Condition | None]) -> models.Filter | None:
    """A filter of all given conditions, or None when there are none."""
    conds = [c for c in conditions if c is not None]
    return models.Filter(must=conds) if conds else None
