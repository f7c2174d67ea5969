"""Knowledge layer: corpus, schemas, Qdrant store and Korean retrieval.

This package imports none of ``app``, ``graphs`` or ``ingest``.
"""
