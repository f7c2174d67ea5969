"""End-to-end in headless Chromium (the Debian build; never a downloaded one) against the session's server.

Each scenario saves its final screen under ``artifacts/``; with ``GOYONG_UPDATE_SCREENSHOTS=1`` the citizen,
counselor, trends, login and admin views are also copied to ``docs/screenshots/`` for the README (off by default, so a
test run never changes tracked files).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import ARTIFACTS, REPO, USERS, Server, chat_ready

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
DOCS = REPO / "docs" / "screenshots"
ANSWER_TIMEOUT_MS = 180_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 1100}, locale="ko-KR", timezone_id="Asia/Seoul")
    pg = context.new_page()
    pg.set_default_timeout(90_000)  # a cold server right after the index build can be slow on 2 cores
    yield pg
    context.close()


def shot(page: Any, name: str, *, docs: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target))
    if docs and os.environ.get("GOYONG_UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, DOCS / f"{name}.png")
    return target


def start_as_citizen(page: Any, server: Server, *, screenshot: bool = False) -> None:
    page.goto(server.base)
    page.locator("#goyong-citizen-start").wait_for()
    if screenshot:
        page.wait_for_timeout(500)
        shot(page, "login", docs=True)
    page.locator("#goyong-citizen-start").click()
    page.get_by_text("할 수 없는 일").wait_for()


def log_in(page: Any, server: Server, username: str) -> None:
    page.goto(server.base + "/login")
    page.locator("#goyong-citizen-start").wait_for()  # the citizen entry is offered on the same page
    page.locator("#email").fill(username)
    page.locator("#password").fill(USERS[username][0])
    page.get_by_role("button", name="로그인").click()
    page.get_by_text("화면).").first.wait_for()


def ask(page: Any, text: str) -> None:
    """Type a message once the chat session is up and idle (Enter is ignored while on_chat_start still runs: the
    first session loads the assistant and sends the ⚙ profile form)."""
    chat_ready(page)
    page.wait_for_function("() => !document.querySelector('#stop-button')", timeout=ANSWER_TIMEOUT_MS)
    box = page.locator("#chat-input")
    box.fill(text)
    box.press("Enter")


def last_answer(page: Any) -> Any:
    return page.locator(".ai-message").last


def wait_idle(page: Any) -> None:
    """Until the run has ended (Chainlit swaps the send button for a stop button while it runs)."""
    page.wait_for_function("() => !document.querySelector('#stop-button')", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(600)


def test_citizen_asks_about_unemployment_benefit_and_opens_a_source(page: Any, server: Server) -> None:
    start_as_citizen(page, server, screenshot=True)
    ask(page, "실업급여 받을 수 있나요?")
    page.get_by_text("출처 (눌러서 자세히 보기)").last.wait_for(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    answer = last_answer(page)
    assert "구직급여" in answer.inner_text()
    source = answer.locator("a.element-link").first
    name = source.inner_text()
    assert re.search(r"\d{4}-\d{2}-\d{2} 시행", name), name
    assert page.locator("#side-view-title").count() == 0  # sources open on request only
    source.click()
    panel = page.locator("#side-view-content")
    panel.get_by_text("시행일").first.wait_for()
    assert "근거" in panel.inner_text()
    assert page.locator("text=실행함:").count() == 0  # no tool steps for citizens
    page.locator('[data-step-type="user_message"]').last.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(800)  # the side view slides in
    shot(page, "citizen", docs=True)


def test_counselor_job_search_shows_only_matching_cards(page: Any, server: Server) -> None:
    log_in(page, server, "kim")
    ask(page, "서귀포 호텔 일자리")
    page.get_by_text("구인인증번호").last.wait_for(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    table = last_answer(page).locator("table").last
    rows = table.locator("tbody tr")
    assert rows.count() > 0
    for i in range(rows.count()):
        region = rows.nth(i).locator("td").nth(3).inner_text()
        assert region.startswith("서귀포시"), region
    assert page.get_by_text("채용정보 검색 (search_jobs)").count() >= 1  # the tool step, for staff
    page.get_by_role("button", name="🎓 이 직무 훈련과정 보기").wait_for()
    page.get_by_text("채용정보 검색 (search_jobs)").last.scroll_into_view_if_needed()
    shot(page, "counselor", docs=True)


def test_counselor_asks_for_trends_and_a_chart_renders(page: Any, server: Server) -> None:
    """Issue 14: "요즘 제주 고용 동향 어때요? 업종별로" → the sector figures with their source and a Plotly bar chart."""
    log_in(page, server, "kim")
    ask(page, "요즘 제주 고용 동향 어때요? 업종별로")
    answer = page.locator(".ai-message", has_text="산업별 취업자").last
    answer.wait_for(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    plot = page.locator(".js-plotly-plot").last
    plot.wait_for(timeout=ANSWER_TIMEOUT_MS)
    plot.locator(".main-svg").first.wait_for()
    bars = plot.locator("g.point")
    assert bars.count() >= 5  # one bar per industry
    assert "건설업" in plot.inner_text() or "건설업" in plot.locator("svg").first.inner_html()
    text = answer.inner_text()
    assert "2만4천명" in text and "보도 인용" in text  # policy-facts §7, marked as a press figure
    assert page.get_by_text("통계가 아직").count() == 0 and page.get_by_text("준비되지 않았습니다").count() == 0
    plot.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(800)  # the chart's transition
    shot(page, "trends", docs=True)


def test_citizen_cannot_trigger_admin_ingest(page: Any, server: Server) -> None:
    before = len(server.reports)
    start_as_citizen(page, server)
    assert page.get_by_role("button", name="🔄 색인 다시 만들기").count() == 0
    ask(page, "/색인")
    page.get_by_text("색인 관리는 관리자만").wait_for(timeout=ANSWER_TIMEOUT_MS)
    wait_idle(page)
    page.wait_for_timeout(1000)
    assert len(server.reports) == before
    shot(page, "citizen-admin-refused")


def test_admin_reruns_ingest_and_sees_the_report(page: Any, server: Server) -> None:
    before = len(server.reports)
    log_in(page, server, "boss")
    page.get_by_role("button", name="🔄 색인 다시 만들기").click()
    page.get_by_text("색인 실행").last.wait_for(timeout=240_000)
    report = page.locator(".ai-message", has_text="색인 실행").last
    text = report.inner_text()
    assert "완료" in text
    for name in ("정책 문서", "채용정보", "훈련과정"):
        assert name in text
    assert len(server.reports) == before + 1
    report.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    shot(page, "admin-ingest-report", docs=True)
