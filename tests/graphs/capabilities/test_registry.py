"""The capability registry: every registered capability is complete (gold data, a renderer for each block kind it
emits, follow-up texts, examples it claims), routes come from one place, claims follow priority and roles."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, get_args

import pytest

from app import render
from graphs import blocks
from graphs.capabilities import registry
from graphs.capabilities.registry import Capability, CapabilityRequest
from graphs.nlu import understand
from graphs.nlu.models import Route
from ingest.stats import run_stats_ingest
from knowledge.config import Settings
from tests.conftest import TODAY, make_settings

CAPS = registry.capabilities()


def problems(cap: Capability) -> list[str]:
    """What a registered capability lacks; empty when it is complete."""
    found: list[str] = []
    if not cap.gold.is_file() or cap.gold.stat().st_size == 0:
        found.append(f"no gold data at {cap.gold}")
    if not cap.follow_ups or any(not f.label.strip() or not f.question.strip() for f in cap.follow_ups):
        found.append("no follow-up texts")
    if not cap.blocks:
        found.append("declares no block kinds")
    for kind in cap.blocks:
        if kind not in render.BLOCK_RENDERERS:
            found.append(f"no chat renderer for block kind '{kind}'")
        if kind not in blocks.MARKDOWN_RENDERERS:
            found.append(f"no Markdown (CLI) renderer for block kind '{kind}'")
    if not cap.examples:
        found.append("no example messages")
    if not cap.label.strip() or not cap.roles:
        found.append("no label or roles")
    return found


def test_capabilities_are_registered_from_their_folders() -> None:
    assert {"trends", "posting_check", "posting_draft"} <= {c.name for c in CAPS}
    for name in registry.KNOWN:
        assert registry.get(name).name == name
        assert (Path(registry.__file__).parent / name / "capability.py").is_file()
    assert [c.priority for c in CAPS] == sorted(c.priority for c in CAPS)


@pytest.mark.parametrize("cap", CAPS, ids=lambda c: c.name)
def test_every_registered_capability_is_complete(cap: Capability) -> None:
    assert problems(cap) == []


def test_an_incomplete_capability_is_reported(tmp_path: Path) -> None:
    base = registry.get("trends")
    bare = dataclasses.replace(base, name="bare", gold=tmp_path / "missing.yaml", follow_ups=(),
                               blocks=("markdown", "video"), examples=())  # type: ignore[arg-type]
    found = problems(bare)
    assert any("gold" in p for p in found)
    assert any("follow-up" in p for p in found)
    assert any("'video'" in p for p in found)
    assert any("example" in p for p in found)


def test_every_block_kind_has_both_renderers() -> None:
    assert set(blocks.BLOCK_KINDS) == set(blocks.MARKDOWN_RENDERERS) == set(render.BLOCK_RENDERERS)


def test_routes_are_declared_once() -> None:
    assert Route is registry.Route
    names = registry.route_names()
    assert len(names) == len(set(names))
    assert set(registry.BUILTIN_ROUTES) <= set(names)
    assert {c.route for c in CAPS} <= set(names)
    assert all(registry.route_label(r) for r in names)


def test_the_graph_has_one_node_per_capability(full_kb: Any) -> None:
    from graphs.graph import Deps, build_graph

    nodes = set(build_graph(Deps(kb=full_kb)).get_graph().nodes)
    assert {c.route for c in CAPS} <= nodes
    assert set(registry.BUILTIN_ROUTES) <= nodes


def test_a_capability_cannot_be_registered_twice_or_over_a_builtin_route() -> None:
    trends = registry.get("trends")
    with pytest.raises(registry.RegistryError):
        registry.register(trends)
    with pytest.raises(registry.RegistryError):
        registry.register(dataclasses.replace(trends, name="other", route="policy_qa", priority=999))
    with pytest.raises(registry.RegistryError):
        registry.register(dataclasses.replace(trends, name="other", route="greeting", priority=999))


def test_the_nlu_routes_belong_to_registered_capabilities() -> None:
    """The core routes the graph answers itself, plus one registered capability per route the NLU decides."""
    assert set(registry.BUILTIN_ROUTES) | registry.NLU_ROUTES == set(get_args(Route))
    core = {c.route: c for c in CAPS if c.routed_by_nlu}
    assert set(core) == registry.NLU_ROUTES
    assert all(c.node is not None and c.llm_writes for c in core.values())
    assert all(c.evaluate is None for c in core.values())  # scored by the assistant-wide sets of goyong eval
    assert {c.name for c in registry.evaluated()} == {c.name for c in CAPS} - {c.name for c in core.values()}


def test_an_unknown_route_is_answered_as_out_of_scope(full_kb: Any) -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    from graphs.graph import Deps, build_graph

    graph = build_graph(Deps(kb=full_kb), InMemorySaver())
    state = graph.invoke({"messages": [("user", "안녕하세요")]}, {"configurable": {"thread_id": "t-route"}})
    assert state["result"]["route"] == "greeting"
    graph.update_state({"configurable": {"thread_id": "t-route"}},
                       {"understanding": {**state["understanding"], "route": "removed_capability"}}, as_node="understand")
    state = graph.invoke(None, {"configurable": {"thread_id": "t-route"}})
    assert state["result"]["route"] == "out_of_scope"


# ---- claims ----------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def stats_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = make_settings(tmp_path_factory.mktemp("registry") / "data")
    assert run_stats_ingest(settings, today=TODAY).ok
    return settings


@pytest.mark.parametrize("cap", CAPS, ids=lambda c: c.name)
def test_examples_are_claimed_and_answer_with_declared_blocks(cap: Capability, stats_settings: Settings,
                                                            full_kb: Any) -> None:
    kb: Any = SimpleNamespace(settings=stats_settings, retriever=full_kb.retriever)  # statistics + the bundled index
    for text in cap.examples:
        u = understand(text, today=TODAY)
        for role in cap.roles:
            if cap.routed_by_nlu:  # the NLU decides its route; no capability claims the message over it
                assert u.route == cap.route and registry.claim(text, u, role) is None, (text, role)
            else:
                assert registry.claim(text, u, role) is cap, (text, role)
        out = cap.run(CapabilityRequest(text=text, role=cap.roles[-1], today=TODAY, kb=kb,
                                        understanding=u.model_dump(mode="json")))
        assert out.blocks, text
        assert out.kinds <= set(cap.blocks), (text, out.kinds)
        assert out.markdown().strip()


@pytest.mark.parametrize("text", [
    "실업급여 얼마 받아요?", "서귀포 호텔 일자리", "제주시 시급 만이천원 이상 카페", "남원 감귤 시즌 계절 일자리",
    "서귀포시 연봉 3000 넘는 정규직 호텔 일자리", "올해 최저시급 얼마예요?", "구인공고에 나이 제한 써도 돼요?",
    "채용절차법은 직원 몇 명 이상인 회사에 적용돼요?", "육아휴직 급여 첫 3개월 상한액이 얼마예요?", "안녕하세요",
    "국민취업지원제도 신청 조건 알려줘", "애월 카페 알바 구해요", "제주시 사무직 일자리 구합니다",
    "편의점 야간 알바 자리 있어요?", "채용공고 어디서 봐요?",
])
def test_other_questions_are_not_claimed(text: str) -> None:
    u = understand(text, today=TODAY)
    assert registry.claim(text, u, "counselor") is None


def test_no_claim_over_a_crisis() -> None:
    text = "다음 공고 점검해줘: 죽고 싶어요 너무 힘들어서 더는 못 버티겠어요 살기 싫어요"
    u = understand(text, today=TODAY)
    assert u.route == "crisis"
    assert registry.claim(text, u, "counselor") is None


@pytest.fixture
def extra_capability(monkeypatch: pytest.MonkeyPatch) -> Iterator[Capability]:
    """A counselor-only capability asked before every other one, claiming every message with '인재'."""
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    cap = dataclasses.replace(registry.get("trends"), name="talent", route="talent", label="인재추천",
                              roles=("counselor",), priority=-1, claims=lambda text, u: "인재" in text)
    registry.register(cap)
    yield cap


def test_claims_follow_priority_and_roles(extra_capability: Capability) -> None:
    text = "인재 추천해 주세요 제주 고용률 추이"
    u = understand(text, today=TODAY)
    assert registry.claim(text, u, "counselor") is extra_capability  # priority -1 is asked first
    assert registry.claim(text, u, "citizen") is registry.get("trends")  # not offered to citizens
