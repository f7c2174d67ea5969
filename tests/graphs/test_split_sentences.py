"""Quoted sentences stay whole: a word that merely ends in 다/요 ("하한액보다", "4주마다") is not a sentence end."""

from graphs.tools import split_sentences


def test_the_46th_articles_floor_and_cap_sentence_is_not_cut_at_boda() -> None:
    text = ("구직급여일액은 기초일액의 60%입니다. 다만 이 금액이 하한액보다 낮으면 하한액을, 상한액보다 높으면 "
            "상한액을 받습니다. 실업인정은 4주마다 받아요")
    assert split_sentences(text) == [
        "구직급여일액은 기초일액의 60%입니다.",
        "다만 이 금액이 하한액보다 낮으면 하한액을, 상한액보다 높으면 상한액을 받습니다.",
        "실업인정은 4주마다 받아요",
    ]


def test_a_polite_ending_without_a_period_still_ends_a_sentence() -> None:
    assert split_sentences("신청은 고용24에서 합니다 방문 신청도 됩니다") == ["신청은 고용24에서 합니다", "방문 신청도 됩니다"]
