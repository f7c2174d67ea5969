"""The Chainlit chat app for citizens, counselors and admins (started by ``goyong serve``).

Roles come only from the authenticated identity (``app.auth.role_of``), checked again for every message and
every action: citizens never reach tool steps, counselor details or admin commands, whatever they type or post.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import chainlit as cl
from chainlit.auth import get_token_from_cookies, set_auth_cookie
from chainlit.auth.jwt import decode_jwt
from chainlit.data import get_data_layer
from chainlit.server import app as fastapi_app
from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from app import admin, auth, history, profile_panel, ratelimit, render
from app.auth import AppRole
from knowledge.base import get_knowledge_base
from knowledge.config import get_settings
from knowledge.pii import describe_kinds, mask_pii

if TYPE_CHECKING:
    from graphs.answer import AnswerResult
    from graphs.service import Assistant, Event

logger = logging.getLogger(__name__)

STREAM_DELAY_S = 0.012  # pause between streamed pieces of a templated answer
PROGRESS_EVERY_S = 0.7
ERROR_TEXT = (
    "죄송합니다. 답을 만드는 중에 문제가 생겼습니다. 잠시 뒤 다시 물어봐 주세요. "
    "급한 문의는 고용노동부 고객상담센터 ☎1350으로 연락해 주세요."
)

# ---- shared services -------------------------------------------------------------------------------------------
_assistant: Assistant | None = None
_assistant_lock = threading.Lock()
_background: set[asyncio.Task[Any]] = set()
RATE_LIMITER = ratelimit.RateLimiter()
# Agent turns are CPU-bound Python: they run in a pool of their own, as many at once as there are cores. More
# threads only fight over the GIL and starve the event loop; and in the default executor they queued in front of
# logins (bcrypt) and other short jobs, which then timed out under load (tests/e2e/test_load.py found it).
AGENT_WORKERS = max(2, min(4, os.cpu_count() or 2))


@functools.cache
def agent_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=AGENT_WORKERS, thread_name_prefix="agent")


def get_assistant() -> Assistant:
    """The one Assistant of this process, on the shared knowledge base (opened by ``goyong serve``)."""
    global _assistant
    with _assistant_lock:
        if _assistant is None:
            from graphs.service import Assistant

            _assistant = Assistant.from_settings(get_knowledge_base())
        return _assistant


def set_assistant(assistant: Assistant | None) -> None:
    global _assistant
    with _assistant_lock:
        _assistant = assistant


def current_user() -> cl.User | None:
    return cl.user_session.get("user")  # type: ignore[no-any-return]


def current_role() -> AppRole:
    user = current_user()
    return auth.role_of(user.identifier if user else None)


async def rate_limited() -> bool:
    """Take one message from this session's budget; when it is spent, say so at once (no answer is run).

    Keyed by the socket session, never by anything the client sends; the role is not involved.
    """
    session_id = str(cl.context.session.id)
    if RATE_LIMITER.allow(session_id):
        return False
    logger.info("rate limit: message refused (retry in %.1f s)", RATE_LIMITER.retry_after(session_id))
    await cl.Message(content=ratelimit.RATE_LIMITED_TEXT).send()
    return True


def _spawn(coro: Any) -> asyncio.Task[Any]:
    task = asyncio.create_task(coro)
    _background.add(task)
    task.add_done_callback(_background.discard)
    return task


# ---- authentication ----------------------------------------------------------------------------------------------
def _user(identity: auth.Identity) -> cl.User:
    return cl.User(identifier=identity.identifier, display_name=identity.display_name, metadata=identity.metadata)


@cl.password_auth_callback
async def password_login(username: str, password: str) -> cl.User | None:
    identity = await asyncio.to_thread(auth.login, username, password)  # bcrypt: off the event loop
    if identity is None:
        logger.info("failed staff login")
        return None
    logger.info("staff login: %s (%s)", identity.identifier, identity.role)
    return _user(identity)


async def citizen_entry(request: Request) -> Response:
    """``/citizen``: start as an anonymous citizen (a fresh ``guest:`` identity with a short-lived token)."""
    identity = auth.new_guest()
    secret = os.environ.get("CHAINLIT_AUTH_SECRET")
    if not secret:
        return Response("CHAINLIT_AUTH_SECRET이 설정되지 않았습니다", status_code=500)
    if data_layer := get_data_layer():
        try:
            await data_layer.create_user(_user(identity))
        except Exception:  # the token still works; Chainlit creates the user on first use
            logger.exception("could not persist guest user")
    response = RedirectResponse("/", status_code=303)
    set_auth_cookie(request, response, auth.guest_token(identity, secret))
    return response


async def serve_chat_file(request: Request, key: str) -> Response:
    """A stored source panel, only for the user whose thread it belongs to."""
    data_layer = get_data_layer()
    token = get_token_from_cookies(request.cookies)
    if not token or not isinstance(data_layer, history.MaskingDataLayer) or data_layer.storage is None:
        return Response(status_code=404)
    try:
        user = decode_jwt(token)
    except Exception:
        return Response(status_code=401)
    persisted = await data_layer.get_user(user.identifier)
    object_key = history.object_key_from_path(key)
    if persisted is None or object_key.split("/", 1)[0] != persisted.id:
        return Response(status_code=404)
    found = data_layer.storage.read(object_key)
    if found is None:
        return Response(status_code=404)
    data, mime = found
    return Response(content=data, media_type=mime)


def _install_routes() -> None:
    """Our routes must precede Chainlit's catch-all ``GET /{path}`` that serves the web app."""
    router = fastapi_app.router
    if any(getattr(r, "path", None) == "/citizen" for r in router.routes):
        return
    n = len(router.routes)
    fastapi_app.add_api_route("/citizen", citizen_entry, methods=["GET", "POST"], include_in_schema=False)
    fastapi_app.add_api_route(history.FILES_ROUTE + "/{key:path}", serve_chat_file, methods=["GET"],
                              include_in_schema=False)
    added = router.routes[n:]
    del router.routes[n:]
    router.routes[0:0] = added


_install_routes()


# ---- persistence -----------------------------------------------------------------------------------------------
@cl.data_layer
def data_layer() -> history.MaskingDataLayer:
    return history.build_data_layer(get_settings())


@cl.on_app_startup
async def startup() -> None:
    await history.ensure_schema(history.chat_db_url(get_settings()))


@cl.on_feedback
async def on_feedback(feedback: Any) -> None:
    logger.info("feedback %s on %s (comment: %s)", feedback.value, feedback.forId, "yes" if feedback.comment else "no")


# ---- conversation ------------------------------------------------------------------------------------------------
def _welcome_actions(role: AppRole) -> list[cl.Action]:
    actions = [cl.Action(name="starter", payload={"i": i}, label=q, tooltip="이 질문으로 시작")
               for i, q in enumerate(render.starters_for(role))]
    actions.append(cl.Action(name="show_profile", payload={}, label=profile_panel.SHOW_LABEL,
                             tooltip="이 대화에서 알게 된 구직 조건 (⚙ 설정에서 고칠 수 있음)"))
    if auth.is_admin(role):
        actions += [
            cl.Action(name="admin_ingest", payload={"rebuild": False}, label="🔄 색인 다시 만들기", tooltip="/색인"),
            cl.Action(name="admin_history", payload={}, label="📋 색인 기록", tooltip="/색인기록"),
        ]
    return actions


@cl.on_chat_start
async def on_chat_start() -> None:
    role = current_role()
    user = current_user()
    name = user.identifier if user and role != "citizen" else ""
    await cl.Message(content=render.welcome_text(role, name), actions=_welcome_actions(role)).send()
    await send_profile_settings(role)


@cl.on_chat_resume
async def on_chat_resume(thread: Any) -> None:
    logger.info("resumed thread %s", thread.get("id") if isinstance(thread, dict) else "?")
    await send_profile_settings(current_role())


async def stream_events(assistant: Assistant, text: str, role: str, thread_id: str) -> AsyncIterator[Event]:
    """``Assistant.stream`` run in a worker thread, its events handed to the event loop through a queue."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Any] = asyncio.Queue()
    done = object()

    def work() -> None:
        try:
            for event in assistant.stream(text, role=role, thread_id=thread_id):  # type: ignore[arg-type]
                loop.call_soon_threadsafe(queue.put_nowait, event)
        except BaseException as exc:  # surfaced to the chat loop
            loop.call_soon_threadsafe(queue.put_nowait, exc)
        finally:
            loop.call_soon_threadsafe(queue.put_nowait, done)

    loop.run_in_executor(agent_pool(), work)  # work() never raises: errors arrive through the queue
    while True:
        item = await queue.get()
        if item is done:
            break
        if isinstance(item, BaseException):
            raise item
        yield item


async def _show_step(call: Any) -> None:
    view = render.step_view(call)
    async with cl.Step(name=view.name, type="tool", language="json", show_input="json") as step:
        step.input = view.input
        step.output = view.output


def _elements(rendered: render.Rendered) -> list[Any]:
    elements: list[Any] = [cl.Text(name=p.name, content=p.content, display="side") for p in rendered.sources]
    if rendered.charts:
        import plotly.graph_objects as go

        elements += [cl.Plotly(name=c.name, figure=go.Figure(c.figure), display="inline", size="large")
                     for c in rendered.charts]
    elements += [cl.File(name=f.name, content=f.content(), mime=f.mime, display="inline") for f in rendered.files]
    return elements


def _actions(rendered: render.Rendered, message_id: str) -> list[cl.Action]:
    """The answer's buttons; "자세히" carries only the answer's id, its text stays on the server (see on_details)."""
    actions = []
    for a in rendered.actions:
        if a.name == "details":
            _remember_details(message_id, rendered.details)
            actions.append(_details_action(message_id, shown=False))
        else:
            actions.append(cl.Action(name=a.name, payload=a.payload, label=a.label, tooltip=a.tooltip))
    return actions


# ---- "자세히": a citizen's checklist and formulas, shown and hidden under the answer -------------------------------
DETAILS_KEY = "details"  # user session: {answer message id: {"text": Markdown, "shown": id of the shown message}}
MAX_DETAILS = 20  # answers of a session whose details can still be opened (the oldest are forgotten)


def _details_store() -> dict[str, dict[str, str | None]]:
    store = cl.user_session.get(DETAILS_KEY)
    if not isinstance(store, dict):
        store = {}
        cl.user_session.set(DETAILS_KEY, store)
    return store


def _remember_details(message_id: str, text: str) -> None:
    store = _details_store()
    store[message_id] = {"text": text, "shown": None}
    for old in list(store)[:-MAX_DETAILS]:
        del store[old]


def _details_action(message_id: str, *, shown: bool) -> cl.Action:
    return cl.Action(name="details", payload={"m": message_id}, tooltip=render.DETAILS_TOOLTIP,
                     label=render.DETAILS_HIDE if shown else render.DETAILS_SHOW)


async def answer(text: str, role: AppRole) -> AnswerResult | None:
    """Stream one answer: citizens see "찾는 중…", counselors see each tool step with its input and output."""
    staff = auth.is_staff(role)
    msg = cl.Message(content="")
    if not staff:
        msg.content = render.SEARCHING
        await msg.send()
    sent = not staff
    streamed = False
    result: AnswerResult | None = None
    try:
        assistant = await asyncio.to_thread(get_assistant)
        thread_id = cl.context.session.thread_id
        async for event in stream_events(assistant, text, auth.assistant_role(role), thread_id):
            if event.kind == "token" and event.text:
                if not streamed:
                    msg.content = ""
                    streamed = True
                await msg.stream_token(event.text)
            elif event.kind == "step" and event.step is not None and staff:
                await _show_step(event.step)
            elif event.kind == "result":
                result = event.result
    except Exception:
        logger.exception("answer failed")
        msg.content = ERROR_TEXT
        await (msg.update() if sent else msg.send())
        return None
    if result is None:
        msg.content = ERROR_TEXT
        await (msg.update() if sent else msg.send())
        return None
    rendered = render.render_answer(result, role)
    if not streamed:  # templated answer: show it piece by piece like a typed reply
        msg.content = ""
        for piece in render.stream_chunks(rendered.content):
            await msg.stream_token(piece)
            await asyncio.sleep(STREAM_DELAY_S)
    msg.content = rendered.content
    msg.elements = _elements(rendered)  # type: ignore[assignment]
    msg.actions = _actions(rendered, msg.id)
    await (msg.update() if sent else msg.send())
    await send_profile_settings(role)  # the turn may have filled the profile: refresh the ⚙ form
    return result


async def handle_text(raw: str, role: AppRole) -> None:
    """A citizen's or staff member's text, already masked: admin commands or a question for the assistant."""
    command = admin.parse_command(raw)
    if command is not None:
        kind, opts = command
        if not auth.is_admin(role):
            logger.warning("refused admin command from role %s", role)
            await cl.Message(content=render.refusal_admin()).send()
            return
        if kind == "history":
            await show_ingest_history()
        else:
            _spawn(run_ingest_for_admin(bool(opts.get("rebuild"))))
        return
    if profile_panel.is_show_command(raw):  # "프로필 보기", "/프로필"
        view = await _profile_view(role)
        await cl.Message(content=profile_panel.profile_markdown(view, auth.assistant_role(role))).send()
        return
    await answer(raw, role)


async def _mask_user_message(message: cl.Message) -> str:
    masked, kinds = mask_pii(message.content or "")
    if kinds:
        logger.info("masked personal data in a message: %s", ",".join(kinds))
        message.content = masked
        await message.update()
        await cl.Message(content=render.pii_notice(describe_kinds(kinds))).send()
    return masked


@cl.on_message
async def on_message(message: cl.Message) -> None:
    role = current_role()
    text = await _mask_user_message(message)
    if await rate_limited():
        return
    await handle_text(text.strip(), role)


# ---- buttons -------------------------------------------------------------------------------------------------------
async def _ask_from_button(question: str) -> None:
    """A follow-up or starter button: shown as the user's message, answered like one (same role checks)."""
    if await rate_limited():
        return
    role = current_role()
    masked, _ = mask_pii(question)
    user = current_user()
    await cl.Message(content=masked, author=user.identifier if user else "User", type="user_message").send()
    async with cl.Step(name="on_message", type="run") as run:
        run.input = masked
        await handle_text(masked, role)
    if data_layer_ := get_data_layer():
        try:
            await data_layer_.update_thread(cl.context.session.thread_id, name=masked)
        except Exception:
            logger.debug("could not rename thread", exc_info=True)


@cl.action_callback("starter")
async def on_starter(action: cl.Action) -> None:
    starters = render.starters_for(current_role())
    try:
        question = starters[int(action.payload.get("i", -1))]
    except (ValueError, TypeError, IndexError):
        return
    await _ask_from_button(question)


@cl.action_callback("ask")
async def on_ask(action: cl.Action) -> None:
    question = str(action.payload.get("q", ""))[:300].strip()
    if question:
        await _ask_from_button(question)


@cl.action_callback("details")
async def on_details(action: cl.Action) -> None:
    """Show the answer's details (checklist, formulas) right after it, or hide them again: the button toggles.

    The text comes from this session's own store, keyed by the answer's id; the client sends only that id."""
    answer_id = str(action.payload.get("m", ""))
    entry = _details_store().get(answer_id)
    if entry is None:
        await cl.Message(content=render.DETAILS_GONE).send()
        return
    await action.remove()
    if entry["shown"]:
        await cl.Message(content="", id=entry["shown"]).remove()
        entry["shown"] = None
    else:
        shown = cl.Message(content=str(entry["text"]), parent_id=answer_id)
        await shown.send()
        entry["shown"] = shown.id
    await _details_action(answer_id, shown=bool(entry["shown"])).send(for_id=answer_id)


# ---- the person's profile: "👤 프로필 보기" and the ⚙ settings form (app/profile_panel.py) ----------------------
def _widget(w: profile_panel.Widget) -> Any:
    from chainlit import input_widget as iw

    common: dict[str, Any] = {"id": w.id, "label": w.label, "description": w.description}
    if w.kind == "text":
        return iw.TextInput(initial=w.initial, placeholder=w.placeholder, **common)
    if w.kind == "number":
        return iw.NumberInput(initial=w.initial, **common)
    if w.kind == "switch":
        return iw.Switch(initial=bool(w.initial), **common)
    if w.kind == "select":
        return iw.Select(values=list(w.values), initial_value=w.initial, **common)
    if w.kind == "multiselect":
        return iw.MultiSelect(values=list(w.values), initial=list(w.initial), **common)
    return iw.Tags(initial=list(w.initial), **common)


async def _profile_view(role: AppRole) -> dict[str, dict[str, Any]]:
    assistant = await asyncio.to_thread(get_assistant)
    return await asyncio.to_thread(assistant.profile, cl.context.session.thread_id, auth.assistant_role(role))


async def send_profile_settings(role: AppRole) -> None:
    """The ⚙ settings form, filled from this thread's profile (a citizen's own; no staff-only fields)."""
    try:
        view = await _profile_view(role)
        widgets = [_widget(w) for w in profile_panel.settings_widgets(view, auth.assistant_role(role))]
        await cl.ChatSettings(widgets).send()
    except Exception:  # the form is a convenience: a failure must not break the conversation
        logger.exception("could not fill the profile settings")


@cl.on_settings_update
async def on_settings_update(values: dict[str, Any]) -> None:
    """The counselor (or the citizen, their own) edited the ⚙ form: write the changed fields into the thread."""
    from graphs.service import ProfileEditError

    role = current_role()
    arole = auth.assistant_role(role)
    try:
        view = await _profile_view(role)
        seeker, person = profile_panel.edits_from_settings(values, view, arole)
        if not (seeker or person):
            return
        assistant = await asyncio.to_thread(get_assistant)
        view = await asyncio.to_thread(functools.partial(assistant.update_profile, cl.context.session.thread_id,
                                                         arole, seeker=seeker, profile=person))
    except (profile_panel.ProfileInputError, ProfileEditError) as exc:
        await cl.Message(content=f"⚠️ 프로필을 고치지 못했습니다: {exc}").send()
        await send_profile_settings(role)
        return
    await cl.Message(content="✅ 프로필을 고쳤습니다. 다음 답부터 반영됩니다.\n\n"
                             + profile_panel.profile_markdown(view, arole)).send()


@cl.action_callback("show_profile")
async def on_show_profile(action: cl.Action) -> None:
    role = current_role()
    view = await _profile_view(role)
    await cl.Message(content=profile_panel.profile_markdown(view, auth.assistant_role(role))).send()


@cl.action_callback("refine")
async def on_refine(action: cl.Action) -> None:
    payload = action.payload if isinstance(action.payload, dict) else {}
    await cl.Message(content=str(payload.get("prompt") or render.REFINE_PROMPT)).send()


@cl.action_callback("admin_ingest")
async def on_admin_ingest(action: cl.Action) -> None:
    if not auth.is_admin(current_role()):
        logger.warning("refused admin_ingest action from role %s", current_role())
        await cl.Message(content=render.refusal_admin()).send()
        return
    if await rate_limited():
        return
    _spawn(run_ingest_for_admin(bool(action.payload.get("rebuild"))))


@cl.action_callback("admin_history")
async def on_admin_history(action: cl.Action) -> None:
    if not auth.is_admin(current_role()):
        await cl.Message(content=render.refusal_admin()).send()
        return
    if await rate_limited():
        return
    await show_ingest_history()


# ---- admin -----------------------------------------------------------------------------------------------------------
async def show_ingest_history() -> None:
    reports = await asyncio.to_thread(admin.past_runs, get_settings().reports_dir)
    await cl.Message(content=admin.history_table(reports)).send()


async def run_ingest_for_admin(rebuild: bool) -> None:
    """Re-ingest in a worker thread on the shared knowledge base; a message shows live progress then the report."""
    if not auth.is_admin(current_role()):  # checked again: this is the only place ingest starts
        await cl.Message(content=render.refusal_admin()).send()
        return
    manager = admin.get_manager()
    if manager.busy:
        await cl.Message(content="이미 색인이 실행 중입니다. 끝나면 그 결과가 표시됩니다.").send()
        return
    kb = get_knowledge_base()
    state = admin.IngestProgress(rebuild=rebuild)
    msg = cl.Message(content=admin.progress_text(state))
    await msg.send()
    task = asyncio.ensure_future(asyncio.to_thread(manager.run, kb, rebuild=rebuild, progress=state))
    while not task.done():
        await asyncio.wait({task}, timeout=PROGRESS_EVERY_S)
        if not task.done():
            msg.content = admin.progress_text(state)
            await msg.update()
    try:
        report = task.result()
    except admin.IngestBusy:
        msg.content = "이미 색인이 실행 중입니다. 끝나면 그 결과가 표시됩니다."
    except Exception as exc:
        logger.exception("admin ingest failed")
        msg.content = f"❌ 색인에 실패했습니다: {exc}"
    else:
        msg.content = admin.report_table(report)
    await msg.update()
