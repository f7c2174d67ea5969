"""Chainlit reads its app root at import and copies default files there: point it at a temp folder with our
config so unit tests never write into the repository."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

if "CHAINLIT_APP_ROOT" not in os.environ:
    _root = Path(tempfile.mkdtemp(prefix="goyong-cl-"))
    (_root / ".chainlit" / "translations").mkdir(parents=True)
    shutil.copyfile(REPO / ".chainlit" / "config.toml", _root / ".chainlit" / "config.toml")
    shutil.copyfile(REPO / ".chainlit" / "translations" / "ko.json", _root / ".chainlit" / "translations" / "ko.json")
    os.environ["CHAINLIT_APP_ROOT"] = str(_root)
os.environ.setdefault("CHAINLIT_AUTH_SECRET", "unit-test-secret-" + "x" * 40)
