"""별표2 causes said in verb form or with everyday spellings (found by trying unseen questions by hand)."""

from __future__ import annotations

from datetime import date

import pytest

from graphs.nlu import understand

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("상사가 맨날 욕하고 괴롭혀서 못 참고 나왔어요 실업급여 안되죠?", "직장 내 괴롭힘"),
        ("사장이 소리 지르고 욕해서 그만뒀어요 실업급여 돼요?", "직장 내 괴롭힘"),
        ("팀장이 계속 괴롭혔어요. 결국 퇴사했는데 실업급여 받을 수 있을까요", "직장 내 괴롭힘"),
        ("월급이 최저임금도 안돼서 그만뒀는데 실업급여 가능?", "최저임금 미달"),
        ("시급이 최저시급도 안됐어요 그래서 관뒀는데 실업급여 나와요?", "최저임금 미달"),
    ],
)
def test_stated_cause_in_verb_form_is_a_just_cause(text: str, label: str) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "eligibility" and u.program == "unemployment_benefit"
    assert u.profile.separation_reason == "voluntary_justified"
    assert u.profile.just_cause == label


@pytest.mark.parametrize("text", ["욕실 청소 알바 그만뒀어요 실업급여 되나요", "욕심 없이 다녔는데 퇴사했어요 실업급여 돼요?"])
def test_words_that_only_contain_the_syllable_are_no_cause(text: str) -> None:
    assert understand(text, today=TODAY).profile.just_cause is None
