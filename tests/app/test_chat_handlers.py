"""app.chat handlers with Chainlit's message/step/session objects replaced by recording fakes.

The assistant is a stub that streams real ``Event`` objects; what is checked is what each role gets to see,
what reaches the assistant (masked text, server-side role) and that admin features stay admin-only.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from app import admin, auth, chat, ratelimit, render
from app.users import UserStore
from graphs.answer import AnswerResult, JobCard, ToolCallOut
from graphs.capabilities.eligibility import compose as eligibility_compose
from graphs.capabilities.job_search import compose as jobs_compose
from graphs.eligibility import check_eligibility
from graphs.profile import Profile
from graphs.service import Event
from ingest.pipeline import IngestReport, SourceReport
from tests.app.test_ratelimit import Clock

# ---- fakes -----------------------------------------------------------------------------------------------------


@dataclass
class Record:
    kind: str  # "send" | "update" | "token" | "step" | "remove" | "action" | "remove_action"
    obj: Any
    content: str


@dataclass
class FakeUI:
    log: list[Record] = field(default_factory=list)
    user: Any = None
    session: dict[str, Any] = field(default_factory=dict)  # cl.user_session

    def messages(self, kind: str | None = None) -> list[Record]:
        return [r for r in self.log if kind is None or r.kind == kind]

    def final_texts(self) -> list[str]:
        """The last content of each message object, in first-seen order."""
        seen: dict[int, str] = {}
        for r in self.log:
            if r.kind in ("send", "update"):
                seen[id(r.obj)] = r.content
        return list(seen.values())


def make_fake_cl(ui: FakeUI) -> SimpleNamespace:
    class Message:
        def __init__(self, content: str = "", author: str | None = None, type: str = "assistant_message",
                     actions: list[Any] | None = None, elements: list[Any] | None = None, id: str | None = None,
                     parent_id: str | None = None) -> None:
            self.content, self.author, self.type = content, author, type
            self.actions, self.elements = actions or [], elements or []
            self.id, self.parent_id = id or str(uuid.uuid4()), parent_id

        async def send(self) -> Message:
            ui.log.append(Record("send", self, self.content))
            return self

        async def remove(self) -> bool:
            ui.log.append(Record("remove", self, self.id))
            return True

        async def update(self) -> bool:
            ui.log.append(Record("update", self, self.content))
            return True

        async def stream_token(self, token: str) -> None:
            self.content += token
            ui.log.append(Record("token", self, token))

    class Step:
        def __init__(self, name: str = "", type: str = "undefined", **kw: Any) -> None:
            self.name, self.type, self.input, self.output = name, type, "", ""

        async def __aenter__(self) -> Step:
            return self

        async def __aexit__(self, *exc: Any) -> None:
            ui.log.append(Record("step", self, self.output))

    @dataclass
    class Text:
        name: str
        content: str
        display: str = "inline"

    @dataclass
    class Plotly:
        name: str
        figure: Any
        display: str = "inline"
        size: str = "medium"

    @dataclass
    class Action:
        name: str
        payload: dict[str, Any]
        label: str = ""
        tooltip: str = ""
        forId: str | None = None

        async def send(self, for_id: str) -> None:
            self.forId = for_id
            ui.log.append(Record("action", self, self.label))

        async def remove(self) -> None:
            ui.log.append(Record("remove_action", self, self.label))

    @dataclass
    class User:
        identifier: str
        display_name: str | None = None
        metadata: dict[str, Any] = field(default_factory=dict)

    def session_get(key: str, default: Any = None) -> Any:
        return ui.user if key == "user" else ui.session.get(key, default)

    session = SimpleNamespace(get=session_get, set=ui.session.__setitem__)
    return SimpleNamespace(Message=Message, Step=Step, Text=Text, Plotly=Plotly, Action=Action, User=User,
                           user_session=session,
                           context=SimpleNamespace(session=SimpleNamespace(thread_id="thread-1", id="session-1")))


class StubAssistant:
    """Streams a job-search result built by the real templated composer; records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []

    def stream(self, question: str, *, role: str = "citizen", thread_id: str | None = None) -> Iterator[Event]:
        self.calls.append((question, role, thread_id or ""))
        jobs = [{"id": "K1", "title": "호텔 프런트", "company": "중문호텔", "region": "서귀포시", "district": "중문동",
                 "wage_type": "월급", "wage_min": 2_400_000, "wage_max": 2_700_000, "monthly_pay_max": 2_700_000,
                 "employment_type": "정규직", "close_date": "2026-12-31", "url": None}]
        out = {"query": "호텔", "filters": {"region": "서귀포시"}, "jobs": jobs, "relax": []}
        call = ToolCallOut(name="search_jobs", args={"query": "호텔", "region": "서귀포시"}, result=out)
        yield Event("step", step=call)
        who = "counselor" if role == "counselor" else "citizen"
        text, cites = jobs_compose.jobs_answer(out, who, describe="서귀포시")  # type: ignore[arg-type]
        blocks = jobs_compose.jobs_blocks(out, who, describe="서귀포시")  # type: ignore[arg-type]
        yield Event("result", result=AnswerResult(answer=text, route="job_search", citations=cites, tool_calls=[call],
                                                  blocks=blocks,
                                                  jobs=[JobCard.model_validate(j) for j in jobs], role=role))  # type: ignore[arg-type]


class EligibilityStub:
    """Streams a voluntary-resignation check composed by the real templated composer for the asking role."""

    def stream(self, question: str, *, role: str = "citizen", thread_id: str | None = None) -> Iterator[Event]:
        profile = Profile(age=45, unit_period_days=400, separation_reason="voluntary", separation_date=date(2026, 3, 31))
        out = check_eligibility("unemployment_benefit", profile, today=date(2026, 11, 21)).model_dump(mode="json")
        text, cites = eligibility_compose.eligibility_answer(out, "counselor" if role == "counselor" else "citizen", ask=None)
        yield Event("result", result=AnswerResult(answer=text, route="eligibility", citations=cites, eligibility=[out],
                                                  role=role))  # type: ignore[arg-type]


class FakeManager:
    def __init__(self) -> None:
        self.runs: list[bool] = []
        self.busy = False

    def run(self, kb: Any, *, rebuild: bool = False, progress: admin.IngestProgress | None = None) -> IngestReport:
        self.runs.append(rebuild)
        if progress:
            progress.update("policies", 129, 129)
        return IngestReport(run_id="20261121T000000", started_at=datetime(2026, 11, 21), seconds=1.5,
                            sources=[SourceReport(source="policies", records=129, unchanged=129)])


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Iterator[tuple[FakeUI, StubAssistant, FakeManager]]:
    ui = FakeUI()
    monkeypatch.setattr(chat, "cl", make_fake_cl(ui))
    store = UserStore(tmp_path / "users.json", rounds=4)
    store.add("kim", "counselor-pass", "counselor")
    store.add("boss", "admin-pass-1", "admin")
    auth.set_user_store(store)
    assistant = StubAssistant()
    chat.set_assistant(assistant)  # type: ignore[arg-type]
    manager = FakeManager()
    monkeypatch.setattr(admin, "get_manager", lambda: manager)
    monkeypatch.setattr(chat, "get_knowledge_base", lambda: object())
    monkeypatch.setattr(chat, "STREAM_DELAY_S", 0.0)
    monkeypatch.setattr(chat, "PROGRESS_EVERY_S", 0.01)
    monkeypatch.setattr(chat, "RATE_LIMITER", ratelimit.RateLimiter())  # a fresh budget per test
    yield ui, assistant, manager
    chat.set_assistant(None)
    auth.set_user_store(None)


def as_user(ui: FakeUI, identifier: str) -> None:
    ui.user = SimpleNamespace(identifier=identifier)


def user_message(ui: FakeUI, text: str) -> Any:
    return chat.cl.Message(content=text, type="user_message")


async def drain() -> None:
    for _ in range(50):
        pending = [t for t in chat._background if not t.done()]
        if not pending:
            return
        await asyncio.gather(*pending)


# ---- tests -------------------------------------------------------------------------------------------------------


def test_citizen_sees_searching_then_the_table_and_no_tool_steps(env: Any) -> None:
    ui, assistant, _ = env
    as_user(ui, "guest:123")
    asyncio.run(chat.on_message(user_message(ui, "서귀포 호텔 일자리")))
    assert assistant.calls == [("서귀포 호텔 일자리", "citizen", "thread-1")]
    assert ui.messages("step") == []
    first = ui.messages("send")[0]
    assert first.content == render.SEARCHING
    assert ui.messages("token"), "the answer is streamed"
    final = ui.final_texts()[-1]
    assert "| 1 | **호텔 프런트** | 중문호텔 | 서귀포시 중문동 |" in final and "K1" not in final
    msg = first.obj
    assert {a.label for a in msg.actions} == {"🎓 이 직무 훈련과정 보기", "🔁 조건 바꿔 다시 찾기"}
    assert msg.elements and msg.elements[0].display == "side" and msg.elements[0].name in final


def test_counselor_sees_each_tool_step_with_input_and_output(env: Any) -> None:
    ui, assistant, _ = env
    as_user(ui, "kim")
    asyncio.run(chat.on_message(user_message(ui, "서귀포 호텔 일자리")))
    assert assistant.calls[0][1] == "counselor"
    (step,) = ui.messages("step")
    assert step.obj.name == "채용정보 검색 (search_jobs)" and step.obj.type == "tool"
    assert '"region": "서귀포시"' in step.obj.input and "중문호텔" in step.obj.output
    assert render.SEARCHING not in [r.content for r in ui.messages("send")]
    assert "K1" in ui.final_texts()[-1]  # counselor columns


def test_personal_data_is_masked_before_the_assistant_sees_it(env: Any) -> None:
    ui, assistant, _ = env
    as_user(ui, "guest:1")
    msg = user_message(ui, "제 번호 010-2222-3333, 주민번호 900101-1234568 인데 서귀포 일자리")
    asyncio.run(chat.on_message(msg))
    asked = assistant.calls[0][0]
    assert "010-2222-3333" not in asked and "900101" not in asked
    assert "[전화번호]" in asked and "[주민등록번호]" in asked
    assert msg.content == asked  # the shown (and stored) user message is the masked one
    assert any(r.obj is msg and r.kind == "update" for r in ui.log)
    notice = next(r.content for r in ui.messages("send") if r.content.startswith("🔒"))
    assert "주민등록번호" in notice and "전화번호" in notice


@pytest.mark.parametrize("who", ["guest:1", "kim"])
def test_admin_commands_are_refused_for_citizens_and_counselors(env: Any, who: str) -> None:
    ui, assistant, manager = env
    as_user(ui, who)
    for text in ("/색인", "/색인 전체", "/색인기록"):
        asyncio.run(chat.on_message(user_message(ui, text)))
    action = SimpleNamespace(payload={"rebuild": True}, name="admin_ingest")
    asyncio.run(chat.on_admin_ingest(action))  # a payload posted directly to /project/action
    asyncio.run(chat.on_admin_history(SimpleNamespace(payload={}, name="admin_history")))
    asyncio.run(chat.run_ingest_for_admin(True))
    assert manager.runs == [] and assistant.calls == []
    refusals = [r for r in ui.messages("send") if r.content == render.refusal_admin()]
    assert len(refusals) == 6


def test_forged_token_metadata_cannot_make_an_admin(env: Any) -> None:
    ui, _, manager = env
    ui.user = SimpleNamespace(identifier="guest:x", metadata={"role": "admin"})
    asyncio.run(chat.on_message(user_message(ui, "/색인")))
    assert manager.runs == []


def test_admin_ingest_shows_progress_then_the_report(env: Any) -> None:
    ui, _, manager = env
    as_user(ui, "boss")

    async def scenario() -> None:
        await chat.on_message(user_message(ui, "/색인 전체"))
        await drain()

    asyncio.run(scenario())
    assert manager.runs == [True]
    texts = ui.final_texts()
    assert any("| 정책 문서 | 129 | 0 | 0 | 0 | 129 | 0 |" in t for t in texts)
    first = next(r.content for r in ui.messages("send") if "색인" in r.content)
    assert first.startswith("🔄 **색인 중…**")


def test_admin_history_lists_past_runs(env: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ui, _, _ = env
    as_user(ui, "boss")
    report = IngestReport(run_id="20261120T101010", started_at=datetime(2026, 11, 20, 10, 10), seconds=3.0)
    monkeypatch.setattr(admin, "past_runs", lambda d, limit=10: [report])
    asyncio.run(chat.on_message(user_message(ui, "/색인기록")))
    assert "20261120T101010" in ui.final_texts()[-1]


def test_welcome_has_role_starters_and_admin_buttons_only_for_admin(env: Any) -> None:
    ui, _, _ = env
    for who, admin_buttons in (("guest:9", False), ("kim", False), ("boss", True)):
        ui.log.clear()
        as_user(ui, who)
        asyncio.run(chat.on_chat_start())
        (welcome,) = ui.messages("send")
        names = [a.name for a in welcome.obj.actions]
        assert ("admin_ingest" in names) is admin_buttons
        labels = [a.label for a in welcome.obj.actions if a.name == "starter"]
        role = auth.role_of(who)
        assert labels == render.starters_for(role)
        assert "공식 결정이 아닙니다" in welcome.content


def test_starter_and_follow_up_buttons_ask_as_the_same_role(env: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ui, assistant, _ = env
    monkeypatch.setattr(chat, "get_data_layer", lambda: None)
    as_user(ui, "guest:5")
    asyncio.run(chat.on_starter(SimpleNamespace(payload={"i": 1})))
    asyncio.run(chat.on_starter(SimpleNamespace(payload={"i": 99})))  # unknown index: ignored
    asyncio.run(chat.on_starter(SimpleNamespace(payload={"i": "x"})))
    asyncio.run(chat.on_ask(SimpleNamespace(payload={"q": "/색인"})))  # a forged follow-up is still refused
    asyncio.run(chat.on_ask(SimpleNamespace(payload={"q": "연락처 010-1111-2222 호텔 일자리"})))
    assert [c[0] for c in assistant.calls] == ["서귀포 호텔 일자리", "연락처 [전화번호] 호텔 일자리"]
    assert all(c[1] == "citizen" for c in assistant.calls)
    echoed = [r.content for r in ui.messages("send") if r.obj.type == "user_message"]
    assert echoed == ["서귀포 호텔 일자리", "/색인", "연락처 [전화번호] 호텔 일자리"]


def test_assistant_failure_gives_a_polite_message(env: Any) -> None:
    ui, _, _ = env

    class Broken:
        def stream(self, *a: Any, **kw: Any) -> Iterator[Event]:
            raise RuntimeError("boom")
            yield  # pragma: no cover

    chat.set_assistant(Broken())  # type: ignore[arg-type]
    as_user(ui, "guest:2")
    asyncio.run(chat.on_message(user_message(ui, "실업급여")))
    assert ui.final_texts()[-1] == chat.ERROR_TEXT


def test_password_login(env: Any) -> None:
    ok = asyncio.run(chat.password_login("kim", "counselor-pass"))
    assert ok is not None and ok.identifier == "kim" and ok.metadata["role"] == "counselor"
    assert asyncio.run(chat.password_login("kim", "wrong")) is None
    assert asyncio.run(chat.password_login("guest:1", "anything")) is None


def test_citizen_entry_sets_a_guest_cookie(env: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from chainlit.auth.jwt import decode_jwt
    from fastapi.testclient import TestClient

    monkeypatch.setattr(chat, "get_data_layer", lambda: None)
    client = TestClient(chat.fastapi_app)
    response = client.get("/citizen", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    token = response.cookies.get("access_token")
    assert token
    user = decode_jwt(token)
    assert auth.is_guest(user.identifier) and auth.role_of(user.identifier) == "citizen"
    other = client.get("/citizen", follow_redirects=False).cookies.get("access_token")
    assert decode_jwt(other).identifier != user.identifier  # type: ignore[arg-type]


# ---- rate limit ------------------------------------------------------------------------------------------------


def limited(monkeypatch: pytest.MonkeyPatch, burst: int) -> Clock:
    """A rate limiter of ``burst`` messages, refilling one a second, on a clock the test moves."""
    clock = Clock()
    monkeypatch.setattr(chat, "RATE_LIMITER", ratelimit.RateLimiter(burst=burst, per_second=1.0, clock=clock))
    return clock


def test_a_flood_from_one_session_gets_the_notice_without_running_the_assistant(
    env: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui, assistant, _ = env
    clock = limited(monkeypatch, 5)
    as_user(ui, "kim")

    async def flood() -> None:
        await asyncio.gather(*(chat.on_message(user_message(ui, f"서귀포 호텔 일자리 {i}")) for i in range(50)))

    asyncio.run(flood())
    assert len(assistant.calls) == 5, "only the burst reaches the assistant"
    notices = [r for r in ui.messages("send") if r.content == ratelimit.RATE_LIMITED_TEXT]
    assert len(notices) == 45
    assert len(ui.messages("step")) == 5  # the admitted ones are answered as usual

    clock.now += 1.0  # one second later the session has one message again, with its role unchanged
    ui.log.clear()
    asyncio.run(chat.on_message(user_message(ui, "서귀포 호텔 일자리")))
    assert assistant.calls[-1] == ("서귀포 호텔 일자리", "counselor", "thread-1")
    assert len(ui.messages("step")) == 1 and "구인인증번호" in ui.final_texts()[-1]
    assert ratelimit.RATE_LIMITED_TEXT not in ui.final_texts()


def test_buttons_share_the_session_budget_and_other_sessions_are_not_affected(
    env: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui, assistant, manager = env
    limited(monkeypatch, 2)
    as_user(ui, "boss")
    asyncio.run(chat.on_message(user_message(ui, "서귀포 호텔 일자리")))
    asyncio.run(chat.on_ask(SimpleNamespace(payload={"q": "제주시 일자리"})))
    ui.log.clear()
    asyncio.run(chat.on_ask(SimpleNamespace(payload={"q": "호텔 일자리"})))
    asyncio.run(chat.on_admin_ingest(SimpleNamespace(payload={"rebuild": False}, name="admin_ingest")))
    asyncio.run(chat.on_admin_history(SimpleNamespace(payload={}, name="admin_history")))
    assert [r.content for r in ui.messages("send")] == [ratelimit.RATE_LIMITED_TEXT] * 3
    assert len(assistant.calls) == 2 and manager.runs == []

    monkeypatch.setattr(chat.cl.context, "session", SimpleNamespace(thread_id="thread-2", id="session-2"))
    asyncio.run(chat.on_message(user_message(ui, "서귀포 호텔 일자리")))
    assert assistant.calls[-1] == ("서귀포 호텔 일자리", "counselor", "thread-2")  # staff view, as before


# ---- "자세히" toggle -------------------------------------------------------------------------------------------


def _details_button(message: Any) -> Any:
    return next(a for a in message.actions if a.name == "details")


def test_citizen_opens_and_closes_the_details_under_the_answer(env: Any) -> None:
    ui, _, _ = env
    chat.set_assistant(EligibilityStub())  # type: ignore[arg-type]
    as_user(ui, "guest:7")
    asyncio.run(chat.on_message(user_message(ui, "자진퇴사했는데 실업급여 받을 수 있나요?")))
    answer = ui.messages("send")[0].obj
    final = ui.final_texts()[-1]
    assert "요건 점검" not in final and "받을 수 없는 것으로 보여요" in final
    button = _details_button(answer)
    assert button.label == render.DETAILS_SHOW and button.payload == {"m": answer.id}  # only the answer's id

    ui.log.clear()
    asyncio.run(chat.on_details(button))
    (shown,) = ui.messages("send")
    assert shown.obj.parent_id == answer.id
    assert "요건 점검:" in shown.content and "고용보험법 제58조" in shown.content and "❌" in shown.content
    (hide,) = ui.messages("action")
    assert hide.obj.label == render.DETAILS_HIDE and hide.obj.forId == answer.id
    assert [r.obj for r in ui.messages("remove_action")] == [button]

    ui.log.clear()
    asyncio.run(chat.on_details(hide.obj))
    (removed,) = ui.messages("remove")
    assert removed.content == shown.obj.id and ui.messages("send") == []
    (again,) = ui.messages("action")
    assert again.obj.label == render.DETAILS_SHOW and again.obj.forId == answer.id


def test_details_of_an_unknown_or_forged_answer_are_not_shown(env: Any) -> None:
    ui, _, _ = env
    chat.set_assistant(EligibilityStub())  # type: ignore[arg-type]
    as_user(ui, "guest:8")
    asyncio.run(chat.on_message(user_message(ui, "자진퇴사했는데 실업급여 받을 수 있나요?")))
    ui.log.clear()
    for payload in ({"m": "someone-elses-message"}, {}, {"m": {"text": "가짜 안내"}}):
        asyncio.run(chat.on_details(chat.cl.Action(name="details", payload=payload)))
    assert [r.content for r in ui.messages("send")] == [render.DETAILS_GONE] * 3
    assert ui.messages("action") == [] and ui.messages("remove") == []


def test_counselor_gets_the_checklist_inline_and_no_toggle(env: Any) -> None:
    ui, _, _ = env
    chat.set_assistant(EligibilityStub())  # type: ignore[arg-type]
    as_user(ui, "kim")
    asyncio.run(chat.on_message(user_message(ui, "자진퇴사했는데 실업급여 받을 수 있나요?")))
    final = ui.final_texts()[-1]
    assert "요건 점검:" in final and "고용보험법 제58조" in final
    answer = next(r.obj for r in ui.log if r.kind == "send" and r.obj.type == "assistant_message")
    assert "details" not in [a.name for a in answer.actions]


class TrendStub:
    """Streams what the graph's trends node returns: the registered capability's blocks over a real stats store."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def stream(self, question: str, *, role: str = "citizen", thread_id: str | None = None) -> Iterator[Event]:
        from graphs.capabilities import registry
        from graphs.capabilities.registry import CapabilityRequest

        cap = registry.get("trends")
        out = cap.run(CapabilityRequest(text=question, role=role, today=date(2026, 11, 21),  # type: ignore[arg-type]
                                        kb=SimpleNamespace(settings=self.settings)))  # type: ignore[arg-type]
        yield Event("result", result=AnswerResult(answer=out.markdown(), route=cap.route, blocks=out.blocks,
                                                  citations=out.citations, role=role))  # type: ignore[arg-type]


def test_a_trend_answer_shows_an_inline_plotly_chart(env: Any, tmp_path: Any) -> None:
    import plotly.graph_objects as go

    from ingest.stats import run_stats_ingest
    from tests.conftest import make_settings

    ui, _, _ = env
    settings = make_settings(tmp_path / "data")
    assert run_stats_ingest(settings, today=date(2026, 11, 21)).ok
    chat.set_assistant(TrendStub(settings))  # type: ignore[arg-type]
    as_user(ui, "kim")
    asyncio.run(chat.on_message(user_message(ui, "요즘 제주 고용 동향 어때요? 업종별로")))
    msg = ui.messages("send")[-1].obj
    charts = [e for e in msg.elements if type(e).__name__ == "Plotly"]
    assert len(charts) == 1 and charts[0].display == "inline"
    assert isinstance(charts[0].figure, go.Figure) and charts[0].figure.data
    assert "산업별 취업자" in charts[0].name and "📊 **" in ui.final_texts()[-1]
    assert {a.label for a in msg.actions} >= {"🏢 업종별 구인 현황"}
