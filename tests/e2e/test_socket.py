"""Protocol-level tests against a running ``goyong serve``: Socket.IO on ``/ws/socket.io`` like the web client."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable

import httpx
import pytest
import socketio

from tests.e2e.conftest import ChatClient, Server, Turn, citizen_token, staff_token

pytestmark = pytest.mark.slow

REFUSAL = "색인 관리는 관리자만"


def test_citizen_gets_a_streamed_answer_with_sources(server: Server, chat_client: Callable[[str], ChatClient]) -> None:
    client = chat_client(citizen_token(server.base))
    welcome = client.snapshot().answers()[0]
    assert "공식 결정이 아닙니다" in welcome and "할 수 없는 일" in welcome
    turn = client.ask("실업급여 받을 수 있나요?")
    first = turn.of("new_message")
    assistant = [m for m in first if m.get("type") == "assistant_message"]
    assert assistant[0]["output"] == "찾는 중…"  # the citizen's only progress indicator
    msg_id = assistant[0]["id"]
    assert any(s["id"] == msg_id for s in turn.of("stream_start"))
    assert any(t["id"] == msg_id for t in turn.of("stream_token")), "the answer is streamed"
    final = turn.steps("assistant_message")[msg_id]["output"]
    assert "구직급여" in final and "출처" in final and "참고용" in final
    sources = [e for e in turn.of("element") if e.get("forId") == msg_id]
    assert sources and all(e["type"] == "text" and e["display"] == "side" for e in sources)
    assert all(e["name"] in final for e in sources)  # each name in the text becomes a clickable link
    assert any(re.search(r"\(\d{4}-\d{2}-\d{2} 시행\)", e["name"]) for e in sources)
    assert not turn.steps("tool"), "citizens never see tool steps"


def test_personal_data_is_masked_before_storage(server: Server, chat_client: Callable[[str], ChatClient]) -> None:
    client = chat_client(citizen_token(server.base))
    phone, rrn = "010-2345-6789", "900101-1234568"
    turn = client.ask(f"제 전화 {phone} 이고 주민번호 {rrn} 입니다. 실업급여 받을 수 있나요?")
    user_msgs = turn.steps("user_message")
    assert any("[전화번호]" in m.get("output", "") and "[주민등록번호]" in m.get("output", "")
               for m in user_msgs.values()), "the shown message is replaced by the masked one"
    assert any(a.startswith("🔒") and "주민등록번호" in a for a in turn.answers())
    time.sleep(1.5)  # persistence runs in background tasks
    con = sqlite3.connect(server.data_dir / "chat.sqlite")
    dump = "\n".join(con.iterdump())
    con.close()
    assert "[전화번호]" in dump
    assert phone not in dump and rrn not in dump and "1234568" not in dump
    assert phone not in server.output() and rrn not in server.output()


def test_counselor_job_search_keeps_the_region_filter(server: Server,
                                                      chat_client: Callable[[str], ChatClient]) -> None:
    client = chat_client(staff_token(server.base, "kim"))
    assert "상담사 화면" in client.snapshot().answers()[0]
    turn = client.ask("서귀포 호텔 일자리")
    tools = list(turn.steps("tool").values())
    assert [t["name"] for t in tools] == ["채용정보 검색 (search_jobs)"]
    assert '"region": "서귀포시"' in tools[0]["input"]
    answer = next(a for a in turn.answers() if "채용정보" in a and "| # |" in a)
    rows = [ln for ln in answer.splitlines() if re.match(r"^\| \d+ \|", ln)]
    assert rows, answer
    for row in rows:
        region = row.split(" | ")[3]
        assert region.startswith("서귀포시"), row
    assert "구인인증번호" in answer  # counselor columns
    labels = [a["label"] for a in turn.of("action")]
    assert "🎓 이 직무 훈련과정 보기" in labels and "🔁 조건 바꿔 다시 찾기" in labels


@pytest.mark.parametrize("who", ["citizen", "counselor"])
def test_non_admins_cannot_start_ingest(server: Server, chat_client: Callable[[str], ChatClient], who: str) -> None:
    token = citizen_token(server.base) if who == "citizen" else staff_token(server.base, "kim")
    client = chat_client(token)
    before = len(server.reports)
    turn = client.ask("/색인")
    assert any(REFUSAL in a for a in turn.answers())
    mark = len(client.events)
    response = client.action("admin_ingest", {"rebuild": True})  # the action payload posted directly
    assert response.status_code == 200
    client.wait(lambda t: any(REFUSAL in a for a in t.answers()), 30, since=mark)
    history = client.ask("/색인기록")
    assert any(REFUSAL in a for a in history.answers())
    time.sleep(1.0)
    assert len(server.reports) == before


def test_admin_reingests_while_chat_keeps_answering(server: Server,
                                                    chat_client: Callable[[str], ChatClient]) -> None:
    admin = chat_client(staff_token(server.base, "boss"))
    citizen = chat_client(citizen_token(server.base))
    before = len(server.reports)
    mark = admin.send("/색인")
    admin.wait(lambda t: any(a.startswith("🔄 **색인 중…**") for a in t.answers()), 30, since=mark)
    answered = citizen.ask("서귀포 호텔 일자리")  # served by the same process during the run
    assert any("채용정보" in a for a in answered.answers())
    done = admin.wait(lambda t: any(a.startswith("**색인 실행") for a in t.answers()), 240, since=mark)
    report = next(a for a in done.answers() if a.startswith("**색인 실행"))
    assert "✅ 완료" in report
    for name in ("정책 문서", "채용정보", "훈련과정"):
        assert re.search(rf"^\| {name} \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \|", report, re.M), report
    assert len(server.reports) == before + 1
    run_id = re.search(r"\*\*색인 실행 (\S+)\*\*", report).group(1)  # type: ignore[union-attr]
    history = admin.ask("/색인기록")
    assert any(run_id in a for a in history.answers())


def test_staff_history_resumes_and_citizens_get_no_history_list(server: Server,
                                                                chat_client: Callable[[str], ChatClient]) -> None:
    token = staff_token(server.base, "kim")
    first = chat_client(token)
    first.ask("청년 국취 1유형 요건")
    thread_id = first.thread()
    first.close()
    time.sleep(1.0)
    listed = httpx.post(f"{server.base}/project/threads", cookies={"access_token": token}, timeout=30,
                        json={"pagination": {"first": 20}, "filter": {}}).json()
    assert thread_id in [t["id"] for t in listed["data"]]
    resumed = ChatClient(server.base, token, thread_id=thread_id).connect()
    try:
        (thread,) = resumed.snapshot().of("resume_thread")
        outputs = " ".join(s.get("output") or "" for s in thread["steps"])
        assert "청년 국취 1유형 요건" in outputs and "국민취업지원제도" in outputs
        assert any(s["type"] == "tool" for s in thread["steps"])  # the counselor's tool steps are kept
        follow = resumed.ask("서귀포 호텔 일자리")
        assert any("채용정보" in a for a in follow.answers())
    finally:
        resumed.close()

    guest = citizen_token(server.base)
    citizen = chat_client(guest)
    citizen.ask("서귀포 호텔 일자리")
    time.sleep(1.0)
    mine = httpx.post(f"{server.base}/project/threads", cookies={"access_token": guest}, timeout=30,
                      json={"pagination": {"first": 20}, "filter": {}}).json()
    assert mine["data"] == []  # a shared kiosk never shows the previous visitor's chats
    refused = ChatClient(server.base, guest, thread_id=thread_id)
    with pytest.raises(socketio.exceptions.ConnectionError):  # someone else's thread: refused
        refused.connect()


def test_a_flood_from_one_session_is_answered_quickly_and_the_session_keeps_working(
    server: Server, chat_client: Callable[[str], ChatClient]
) -> None:
    from app.ratelimit import BURST, RATE_LIMITED_TEXT

    client = chat_client(staff_token(server.base, "kim"))
    mark = len(client.events)
    started = time.monotonic()
    for i in range(50):  # 50 messages within about a second, from one session
        client.send(f"서귀포 호텔 일자리 {i}")
        time.sleep(0.02)
    sent_in = time.monotonic() - started
    assert sent_in < 2.0

    def replies(turn: Turn) -> list[str]:
        return [a for a in turn.answers() if a and a != "찾는 중…"]

    notices = client.wait(lambda t: sum(a == RATE_LIMITED_TEXT for a in t.answers()) >= 50 - BURST - 3, 20,
                          since=mark)  # the notices come at once, not after the admitted answers
    notice_s = time.monotonic() - started
    done = client.wait(lambda t: len(t.of("task_end")) >= 50 and len(replies(t)) >= 50, 240, since=mark)
    all_s = time.monotonic() - started
    texts = replies(done)
    answered = [a for a in texts if a != RATE_LIMITED_TEXT]
    assert len(texts) == 50, f"every message gets exactly one reply: {len(texts)}"
    assert BURST <= len(answered) <= BURST + 3, len(answered)  # the burst, plus what refilled during the flood
    assert all("채용정보" in a for a in answered), answered[:2]
    assert notices and notice_s < 20 and all_s < 240

    time.sleep(BURST + 1)  # the bucket refills; a normal question gets a normal, counselor-level answer
    turn = client.ask("제주시 요양보호사 일자리")
    assert [t["name"] for t in turn.steps("tool").values()] == ["채용정보 검색 (search_jobs)"], "still a counselor"
    assert any("채용정보" in a for a in turn.answers())
    assert RATE_LIMITED_TEXT not in turn.answers()
