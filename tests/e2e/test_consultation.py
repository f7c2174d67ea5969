"""Issue 12 in the browser: a counselor's consultation with one job seeker, end to end in the real Chainlit UI.

The counselor tells the seeker's facts, opens the profile (the "👤 프로필 보기" button and the ⚙ form, both filled
from the conversation), corrects one field through the form, then asks for matches with reasons, gap-based
training, the screening of every program and the 취업활동계획 draft, and downloads the .docx.
The expectations come from the seeker's facts and the issue, not from the system's output: 12 years of 회계 사무
with 전산회계 1급 means no 전산회계 course is proposed; a 48-year-old appears in the masked plan as 40대.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.e2e import test_browser as ui
from tests.e2e.conftest import BROWSER_MARKS, Server, chat_ready, framed_shot, last_question, say, table_rows
from tests.e2e.test_browser import log_in, shot

browser, page = ui.browser, ui.page  # the same headless Debian Chromium and page fixtures as test_browser.py

pytestmark = BROWSER_MARKS

FACTS = "48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시 연동, 월 250 이상 정규직, 주말 휴무 원함"
PROGRAM_MARKS = ("✅", "❌", "❓")


def field(page: Any, name: str) -> Any:
    return page.locator(f'[id="{name}"]')


def row_text(answer: Any, label: str) -> str:
    """The value next to a label in the profile table ('' when the row is absent)."""
    for row in answer.locator("tbody tr").all():
        cells = [c.strip() for c in row.locator("td").all_inner_texts()]
        if len(cells) == 2 and cells[0] == label:
            return cells[1]
    return ""


def test_counselor_consultation_profile_matches_training_screening_plan(
        page: Any, server: Server, tmp_path: Path) -> None:
    log_in(page, server, "kim")
    chat_ready(page)
    say(page, FACTS)

    # ---- the profile: the button shows what the conversation filled in ----------------------------------------
    profiles = page.locator(".ai-message", has_text="구직자 프로필")
    before = profiles.count()
    page.get_by_role("button", name="👤 프로필 보기").first.click()
    page.wait_for_function(
        "n => [...document.querySelectorAll('.ai-message')].filter(e => e.innerText.includes('구직자 프로필'))"
        ".length > n", arg=before)
    profile = profiles.nth(before)  # this answer (a locator is lazy: .last would later be the edited one)
    assert row_text(profile, "경력") == "회계 사무 12년"
    assert row_text(profile, "자격증") == "전산회계 1급"
    assert row_text(profile, "거주지 (읍·면·동)") == "연동"
    assert row_text(profile, "희망 임금 (월)") == "250만원 이상"
    assert row_text(profile, "고용형태") == "정규직"
    assert row_text(profile, "주말 휴무") == "필요"
    assert row_text(profile, "나이") == "48"
    assert "미입력: 희망 직종" in profile.inner_text()  # not said yet: the counselor fills it in the form

    # ---- the ⚙ form is filled from the same thread; the counselor sets 희망 직종 there -------------------------
    page.locator("#chat-settings-open-modal").click()
    assert field(page, "seeker:experience").input_value() == "회계 사무 12년"
    assert field(page, "seeker:district").input_value() == "연동"
    assert field(page, "seeker:desired_monthly_wage").input_value() == "250"
    assert field(page, "profile:age").input_value() == "48"
    assert field(page, "seeker:desired_occupation").input_value() == ""
    dialog = page.get_by_role("dialog")
    assert "전산회계 1급" in dialog.inner_text()  # the certificate tag
    field(page, "seeker:desired_occupation").fill("회계 사무원")
    dialog.get_by_role("button", name="확인").click()
    edited = page.locator(".ai-message", has_text="프로필을 고쳤습니다").last
    edited.wait_for()
    assert row_text(edited, "희망 직종") == "회계 사무원"
    assert row_text(edited, "경력") == "회계 사무 12년"  # the other fields are kept
    page.wait_for_timeout(500)
    framed_shot(page, "consult-profile", profile, edited)  # as the conversation filled it, then after the edit

    # ---- matches with a score and reasons, using the edited wish --------------------------------------------
    matches = say(page, "이분께 맞는 일자리 매칭해 줘")
    text = matches.inner_text()
    assert "일자리 매칭" in text
    assert "희망 직종: 회계 사무원" in text  # the form's edit reached the next answer
    assert "희망 직종을 듣지 못해" not in text
    rows = table_rows(matches)
    assert len(rows) >= 3
    scores = [int(r["점수"]) for r in rows]
    assert all(0 <= s <= 100 for s in scores) and scores == sorted(scores, reverse=True)
    for r in rows:
        reasons = [x for x in r["✔ 추천 이유"].split(" / ") if x.strip()]
        assert 2 <= len(reasons) <= 4, r
    assert any("전산회계 1급" in r["✔ 추천 이유"] for r in rows)  # the held certificate is a reason
    assert all(r["지역"].startswith("제주시") for r in rows[:3])  # lives in 연동: the nearest come first
    matches.locator("table").last.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)
    shot(page, "consult-matches", docs=True)

    # ---- training: the gap is named; nothing for the certificate already held ------------------------------
    training = say(page, "이분께 맞는 훈련과정")
    text = training.inner_text()
    assert "목표 직종: 회계 사무원 (희망 직종)" in text
    assert "ERP" in text and "→" in text  # "ERP 실무 경험 없음 → ERP 회계 실무"
    courses = table_rows(training)
    assert courses
    assert not any("전산회계" in c["과정"] for c in courses)  # holds 전산회계 1급
    assert any("ERP" in c["채워 주는 역량"] for c in courses)
    training.locator("table").last.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)
    shot(page, "consult-training", docs=True)

    # ---- every program screened, one line each ---------------------------------------------------------------
    screening = say(page, "받을 수 있는 제도 한눈에")
    text = screening.inner_text()
    m = re.search(r"구직자 제도 (\d+)개", text)
    assert m, text[:500]
    programs = table_rows(screening)
    assert len(programs) == int(m.group(1)) >= 4
    assert len({p["제도"] for p in programs}) == len(programs)  # one line per program
    assert all(p["판정"][:1] in PROGRAM_MARKS for p in programs), [p["판정"] for p in programs]
    names = " ".join(p["제도"] for p in programs)
    assert "구직급여" in names and "국민내일배움카드" in names
    screening.locator("table").last.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)
    shot(page, "consult-screening", docs=True)

    # ---- the 취업활동계획 draft, masked, downloaded as .docx -------------------------------------------------
    plan = say(page, "취업활동계획 초안 만들어 줘")
    text = plan.inner_text()
    assert "취업활동계획" in text and "목표 직종" in text and "추천 일자리" in text
    assert "40대" in text and "48세" not in text  # masked by default: 연령대, not the age
    docx_link = plan.locator("a.inline-file[download$='.docx']")
    docx_link.wait_for()
    with page.expect_download() as info:
        docx_link.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.suffix == ".docx"

    import docx

    document = docx.Document(str(target))
    body = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert "목표 직종" in body and "추천 일자리" in body
    assert "회계 사무원" in body
    assert "40대" in body and "48세" not in body
    framed_shot(page, "consult-plan", last_question(page), plan)
