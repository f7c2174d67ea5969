"""Bounded load test: 50 concurrent chat sessions × 10 turns through the real ``goyong serve`` (``make load``).

Each session is a Socket.IO client like the web app (40 citizens, 10 counselors, arriving 0.2 s apart); its
turns are sequential — the next question is sent when the previous answer has ended — with varied questions a
citizen or a counselor would ask. Every turn must end in a real answer (no error text, no rate-limit notice, no timeout). Latencies per
turn (send → end of the answer) are written to ``artifacts/load-test.json`` and summarised on the terminal.
The whole run has a hard deadline, so it always stops by itself.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from app.chat import ERROR_TEXT
from app.ratelimit import RATE_LIMITED_TEXT
from tests.e2e.conftest import ARTIFACTS, ChatClient, Server, citizen_token, staff_token

pytestmark = pytest.mark.load

SESSIONS = 50
TURNS = 10
COUNSELORS = 10
DEADLINE_S = 1500  # the whole run, including connecting
TURN_TIMEOUT_S = 300
RAMP_S = 0.2  # sessions arrive 0.2 s apart (all 50 are open after 10 s), as people do, not in one instant
SEARCHING = "찾는 중…"

CITIZEN_QUESTIONS = [
    "실업급여 받을 수 있나요?",
    "회사에서 권고사직 당했는데 실업급여 신청하려면 뭘 해야 하나요?",
    "서귀포 호텔 일자리 있어요?",
    "제주시에서 주 5일 사무보조 일자리 찾아요",
    "요양보호사 자격증 따는 훈련과정 알려주세요",
    "내일배움카드로 들을 수 있는 바리스타 과정 있나요",
    "국민취업지원제도 1유형 요건이 뭐예요",
    "청년일자리도약장려금은 누가 받을 수 있나요",
    "올해 최저시급 얼마예요",
    "45세이고 고용보험 4년, 월급 300만원이었는데 실업급여 하루 얼마 받아요?",
    "자진퇴사해도 실업급여 나오나요",
    "서귀포시 조리사 정규직 구해요",
    "애월 카페 아르바이트 있나요",
    "구직급여 며칠 동안 받을 수 있어요?",
    "지게차 운전 기능사 훈련과정",
    "안녕하세요",
]
COUNSELOR_QUESTIONS = [
    "청년 국취 1유형 요건",
    "서귀포 호텔 일자리",
    "제주시 요양보호사 채용정보 월 250만원 이상",
    "만 34세 구직자, 가구 중위소득 50% 이하면 국민취업지원제도 몇 유형인가요",
    "2026년 3월 권고사직, 52세, 피보험기간 7년, 월평균임금 280만원 구직급여 계산",
    "내일배움카드 자부담 비율",
    "전기기능사 과정 중 국민내일배움카드 되는 것",
    "계약만료로 퇴사한 경우 수급자격 제한 사유 있나요",
    "청년일자리도약장려금 참여 기업 요건",
    "조천읍 물류 상하차 일자리",
]


@dataclass
class SessionResult:
    role: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _final_answers(client: ChatClient, mark: int) -> list[str]:
    return [a for a in client.snapshot(mark).answers() if a and a != SEARCHING]


def run_session(base: str, index: int, deadline: float) -> SessionResult:
    staff = index < COUNSELORS
    questions = COUNSELOR_QUESTIONS if staff else CITIZEN_QUESTIONS
    result = SessionResult(role="counselor" if staff else "citizen")
    client: ChatClient | None = None
    time.sleep(index * RAMP_S)
    try:
        token = staff_token(base, "kim") if staff else citizen_token(base)
        client = ChatClient(base, token).connect()
        for turn in range(TURNS):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                result.errors.append(f"turn {turn}: overall deadline reached")
                break
            question = questions[(index * 3 + turn) % len(questions)]
            started = time.monotonic()
            try:
                mark = client.send(question)
                client.wait(lambda t: bool(t.of("task_end")) and any(a and a != SEARCHING for a in t.answers()),
                            min(TURN_TIMEOUT_S, remaining), since=mark)
            except AssertionError:
                result.errors.append(f"turn {turn} ({question}): no answer in time")
                break
            result.latencies.append(time.monotonic() - started)
            bad = [a for a in _final_answers(client, mark) if ERROR_TEXT in a or a == RATE_LIMITED_TEXT]
            if bad:
                result.errors.append(f"turn {turn} ({question}): {bad[0][:80]}")
    except Exception as exc:  # connection or login failures count as errors, they must not stop other sessions
        result.errors.append(f"{type(exc).__name__}: {exc}"[:200])
    finally:
        if client is not None:
            client.close()
    return result


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def test_fifty_sessions_ten_turns_each(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    deadline = started + DEADLINE_S
    with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
        futures = [pool.submit(run_session, server.base, i, deadline) for i in range(SESSIONS)]
        results = [f.result() for f in as_completed(futures, timeout=DEADLINE_S + TURN_TIMEOUT_S)]
    wall = time.monotonic() - started

    latencies = [x for r in results for x in r.latencies]
    errors = [e for r in results for e in r.errors]
    by_role = {role: [x for r in results if r.role == role for x in r.latencies] for role in ("citizen", "counselor")}
    server_errors = [ln for ln in server.output().splitlines() if "rror" in ln or "Traceback" in ln]
    summary = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sessions": SESSIONS, "turns_per_session": TURNS, "counselor_sessions": COUNSELORS,
        "ramp_s_between_sessions": RAMP_S,
        "turns_completed": len(latencies), "errors": len(errors), "error_samples": errors[:10],
        "server_error_lines": server_errors[-30:],
        "wall_s": round(wall, 1), "turns_per_s": round(len(latencies) / wall, 2) if wall else None,
        "turn_p50_s": round(_pct(latencies, 50), 2), "turn_p95_s": round(_pct(latencies, 95), 2),
        "turn_max_s": round(max(latencies), 2) if latencies else None,
        "by_role": {role: {"turns": len(v), "p50_s": round(_pct(v, 50), 2), "p95_s": round(_pct(v, 95), 2)}
                    for role, v in by_role.items()},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_avg_at_end": list(os.getloadavg())},
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load-test.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    with capsys.disabled():
        print(f"\nload: {SESSIONS} sessions × {TURNS} turns — {len(latencies)} turns in {wall:.0f} s, "
              f"{len(errors)} errors, per turn p50 {summary['turn_p50_s']} s / p95 {summary['turn_p95_s']} s "
              f"(artifacts/load-test.json)")
    assert not errors, (errors[:10], server_errors[-20:])
    assert len(latencies) == SESSIONS * TURNS
