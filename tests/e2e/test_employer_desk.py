"""Issue 13 in the browser: the employer desk, end to end in the real Chainlit UI.

A counselor drafts a posting from simple conditions and sees its legal check, pastes an edited version with the
flaws real postings carry (an age limit, one sex, looks and height) and gets each finding with its article and a
rewrite, pastes the fixed text and gets none, then asks for candidates from the anonymized pool: pool ids and age
bands only, never a name or a phone number. A citizen asking the same gets no candidates.
The flawed phrases and their articles come from the law (policy-facts §6: 고령자고용법 제4조의4, 남녀고용평등법 제7조).
"""

from __future__ import annotations

import re
from typing import Any

from tests.e2e import test_browser as ui
from tests.e2e.conftest import BROWSER_MARKS, Server, chat_ready, framed_shot, last_question, say, table_rows
from tests.e2e.test_browser import log_in, shot, start_as_citizen

browser, page = ui.browser, ui.page  # the same headless Debian Chromium and page fixtures as test_browser.py

pytestmark = BROWSER_MARKS

DRAFT = "호텔 객실관리 구인공고 초안 작성해줘. 월 260만원, 주5일, 서귀포"
POSTING = """[구인공고] 호텔 객실관리 모집 (서귀포시)
- 모집직종: 객실 청소원
- 직무내용: 객실 청소 및 침구 교체, 비품 보충
- 자격요건: {requirements}
- 근무조건: 정규직, 주 5일, 09:00~18:00 (휴게 1시간)
- 임금: 월급 2,600,000원
- 접수방법: 고용24 온라인 입사지원"""
FLAWED = "다음 공고 점검해줘:\n" + POSTING.format(requirements="25세 이하 여성, 용모단정, 키 160cm 이상")
FIXED = "고친 공고 다시 점검해줘:\n" + POSTING.format(requirements="연령·성별 무관, 복장 단정, 장시간 서서 근무 가능자")
TALENT = "이 공고에 맞는 인재 추천해줘"
PHONE = re.compile(r"01[016789][-\s.]?\d{3,4}[-\s.]?\d{4}|0\d{1,2}-\d{3,4}-\d{4}")
POOL_ID = re.compile(r"S-\d{4}")
AGE_BAND = re.compile(r"^(?:[1-9]0대(?: 이상)?|-)$")
SECTIONS = ("모집직종", "직무내용", "자격요건", "근무조건", "임금", "복리후생", "전형방법", "접수방법")


def test_counselor_drafts_checks_fixes_and_gets_candidates(page: Any, server: Server) -> None:
    log_in(page, server, "kim")
    chat_ready(page)

    # ---- the draft, in 고용24's structure, checked before it is shown --------------------------------------------
    draft = say(page, DRAFT)
    text = draft.inner_text()
    assert "구인공고 초안" in text
    assert all(f"■ {s}" in text for s in SECTIONS), text[:800]
    assert "월급 2,600,000원" in text and "서귀포시" in text and "주 5일" in text
    check_line = draft.get_by_text("법 위반 소지 점검")
    assert "통과" in check_line.inner_text()
    framed_shot(page, "employer-draft", last_question(page), draft)

    # ---- the edited posting with flaws: each finding with the span, the article and a rewrite -----------------
    check = say(page, FLAWED)
    text = check.inner_text()
    assert "구인공고 점검" in text
    findings = {
        "25세 이하": "고령자고용법",  # 연령 제한: 제4조의4
        "여성": "남녀고용평등법",  # 성별: 제7조 제1항
        "키 160cm 이상": "남녀고용평등법",  # 신체조건: 제7조 제2항
    }
    for span, law in findings.items():
        item = check.locator("li", has_text=f"“{span}”").first
        item_text = item.inner_text()
        assert law in item_text, item_text
        assert "✏️ 고쳐 쓰기" in item_text, item_text
    assert "제4조의4" in text and "제7조" in text
    assert not re.search(r"위반 0건", text)
    framed_shot(page, "employer-check", last_question(page), check)

    # ---- the fixed text: no findings ----------------------------------------------------------------------------
    fixed = say(page, FIXED)
    text = fixed.inner_text()
    assert "위반 0건 · 확인 필요 0건" in text
    assert "✏️ 고쳐 쓰기" not in text

    # ---- candidates for the checked posting: pool ids, age bands, reasons; nothing personal -----------------------
    candidates = say(page, TALENT)
    text = candidates.inner_text()
    assert "인재 추천" in text and "이 대화에서 점검한 공고" in text
    rows = table_rows(candidates)
    assert len(rows) >= 3
    headers = set(rows[0])
    assert {"구직자", "연령대", "점수", "✔ 추천 이유"} <= headers
    assert not headers & {"이름", "성명", "연락처", "전화번호", "나이", "생년월일", "주소"}
    for r in rows:
        assert re.fullmatch(r"S-\d{4}", r["구직자"]), r
        assert AGE_BAND.match(r["연령대"]), r
        assert r["✔ 추천 이유"] not in ("", "-"), r
    assert len({r["구직자"] for r in rows}) == len(rows)
    assert not PHONE.search(text)
    assert not re.search(r"\d{2}세", " ".join(r["연령대"] for r in rows))  # bands only, never an age
    framed_shot(page, "employer-candidates", last_question(page), candidates)


def test_citizen_gets_no_candidates(page: Any, server: Server) -> None:
    start_as_citizen(page, server)
    chat_ready(page)
    draft = say(page, DRAFT)
    assert "구인공고 초안" in draft.inner_text()  # employers using the public chat may draft
    answer = say(page, TALENT)
    text = answer.inner_text()
    assert not POOL_ID.search(text)  # the seeker pool is staff data
    assert "인재 추천 —" not in text
    assert all("구직자" not in h for h in answer.locator("th").all_inner_texts())
    shot(page, "citizen-no-candidates")
