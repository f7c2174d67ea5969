"""Quality and speed measurement: hand-written gold sets, ``goyong eval`` and ``goyong bench``.

- ``evals/gold/*.yaml``: the gold sets (retrieval, routing, eligibility, answers, search).
- :mod:`evals.gold`: typed loaders for them.
- :mod:`evals.metrics`: small pure metric functions (recall@k, MRR, slot F1, percentiles …).
- :mod:`evals.runner`: runs each set against the system and checks ``evals/thresholds.yaml`` (``cli_eval``).
- :mod:`evals.bench`: ingest / search / per-turn speed and memory at several catalog sizes (``cli_bench``).
"""
