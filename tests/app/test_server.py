"""app.server helpers: Chainlit's app root under the data dir, the kept token secret, the progress line."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from app import server
from app.render import section_label
from graphs.answer import CitationOut
from tests.conftest import make_settings


def test_ui_root_holds_our_config_and_korean_translation(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    root = server.ui_root(settings)
    assert root == (tmp_path / "data" / "ui").resolve()
    config = (root / ".chainlit" / "config.toml").read_text(encoding="utf-8")
    assert 'language = "ko"' in config and 'custom_js = "/public/goyong.js"' in config
    ko = json.loads((root / ".chainlit" / "translations" / "ko.json").read_text(encoding="utf-8"))
    assert ko["auth"]["login"]["title"] == "상담사·관리자 로그인"
    assert (root / "public" / "goyong.js").is_file()
    assert server.ui_root(settings) == root  # refreshing is idempotent


def test_auth_secret_is_kept_private_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHAINLIT_AUTH_SECRET", raising=False)
    settings = make_settings(tmp_path / "data")
    first = server.auth_secret(settings)
    assert len(first) >= 48 and server.auth_secret(settings) == first
    path = tmp_path / "data" / server.SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    monkeypatch.setenv("CHAINLIT_AUTH_SECRET", "from-env")
    assert server.auth_secret(settings) == "from-env"


def test_progress_line_without_a_terminal_prints_each_finished_source(capsys: pytest.CaptureFixture[str]) -> None:
    line = server.ProgressLine(tty=False)
    line("policies", 0, 129)
    line("policies", 64, 129)  # throttled: less than 2 s after the previous line
    line("policies", 129, 129)
    line("jobs", 0, 0)
    out = capsys.readouterr().out.splitlines()
    assert out == ["  색인 중: 정책 문서 0/129", "  색인 중: 정책 문서 129/129", "  색인 중: 채용정보 — 바뀐 것 없음"]


def test_rule_ids_are_not_shown_as_source_sections() -> None:
    rule = CitationOut(title="구직급여 규칙", source="고용보험법 제40조 제1항 제1호", section="ub.unit_period")
    assert section_label(rule) == "고용보험법 제40조 제1항 제1호"
    plain = CitationOut(title="구직급여", source="고용보험법", section="수급 요건")
    assert section_label(plain) == "수급 요건"
