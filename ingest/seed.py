"""Vectors shipped with the bundled corpus (``knowledge/corpus/vectors/<embedder>.npz``).

A fresh machine would otherwise spend most of its first build embedding the 2,200 sample postings (the bundled
4-bit model manages a few passages a second on 2 cores). The file is a cache, not a source of truth: a text
missing from it is embedded as usual, so a stale file only costs time. ``goyong seed-vectors`` rewrites it after
the corpus or the sample generator changes; ``--check`` tells whether it still covers the corpus (a test does).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import dataclass
from datetime import date

from ingest.pipeline import SOURCES, load_source
from knowledge.config import Settings, get_settings
from knowledge.embeddings import SeedVectors, build_embedder, passage_key

logger = logging.getLogger(__name__)


def bundled_passages(settings: Settings, *, today: date | None = None) -> list[str]:
    """Every text a build of the bundled corpus embeds, in corpus order, without repeats."""
    day = today or settings.current_date()
    texts: dict[str, None] = {}
    for source in SOURCES:
        items, _, _ = load_source(source, settings.corpus_dir / source, today=day)
        texts.update((item.embed_text, None) for item in items)
    return list(texts)


@dataclass
class SeedCoverage:
    embedder: str
    path: str
    passages: int
    covered: int

    @property
    def missing(self) -> int:
        return self.passages - self.covered


def seed_coverage(settings: Settings, embedder_name: str, *, today: date | None = None) -> SeedCoverage:
    """How many of the bundled corpus's passages the shipped file holds (no embedding is done)."""
    path = SeedVectors.path_for(settings.seed_vectors_dir, embedder_name)
    seed = SeedVectors(path) if path.is_file() else None
    texts = bundled_passages(settings, today=today)
    covered = sum(1 for t in texts if seed is not None and passage_key(embedder_name, t) in seed)
    return SeedCoverage(embedder_name, str(path), len(texts), covered)


def write_seed(settings: Settings, *, today: date | None = None) -> SeedCoverage:
    """Embed every bundled passage (reusing the data dir's cache, never the old file) and rewrite the file."""
    embedder = build_embedder(settings.model_copy(update={"embedding_seed": False}))
    if embedder is None:
        raise ValueError("GOYONG_EMBEDDING_BACKEND=none: 밀집 임베딩이 꺼져 있어 저장할 벡터가 없습니다")
    texts = bundled_passages(settings, today=today)
    vectors: dict[str, list[float]] = {}
    for start in range(0, len(texts), 64):
        batch = texts[start : start + 64]
        for text, vec in zip(batch, embedder.embed_passages(batch), strict=True):
            vectors[passage_key(embedder.name, text)] = vec
        logger.info("seed vectors: %d / %d", min(start + 64, len(texts)), len(texts))
    path = SeedVectors.path_for(settings.seed_vectors_dir, embedder.name)
    SeedVectors.write(path, vectors)
    return SeedCoverage(embedder.name, str(path), len(texts), len(texts))


def cli_seed(args: argparse.Namespace) -> int:
    settings = get_settings()
    if args.check:
        embedder = build_embedder(settings, cache=False)
        if embedder is None:
            sys.stderr.write("밀집 임베딩이 꺼져 있습니다 (GOYONG_EMBEDDING_BACKEND=none)\n")
            return 0
        result = seed_coverage(settings, embedder.name)
    else:
        result = write_seed(settings)
    sys.stdout.write(json.dumps({**result.__dict__, "missing": result.missing}, ensure_ascii=False) + "\n")
    if result.missing:
        sys.stderr.write(
            f"번들 말뭉치 {result.passages}개 중 {result.missing}개의 벡터가 {result.path}에 없습니다: "
            "`goyong seed-vectors`로 다시 만드세요 (없는 것은 색인할 때 새로 계산됩니다)\n"
        )
        return 1
    return 0
