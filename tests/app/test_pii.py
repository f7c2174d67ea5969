"""knowledge.pii: personal data is masked before it is stored, logged or sent; ordinary figures are kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.pii import describe_kinds, find_pii, luhn_ok, mask_pii, rrn_checksum_ok

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def with_check_digit(first12: str) -> str:
    total = sum(int(d) * w for d, w in zip(first12, WEIGHTS, strict=True))
    return first12 + str((11 - total % 11) % 10)


def test_checksum_accepts_a_valid_number_and_rejects_a_changed_digit() -> None:
    rrn = with_check_digit("900101123456")
    assert rrn_checksum_ok(rrn)
    wrong = rrn[:-1] + str((int(rrn[-1]) + 1) % 10)
    assert not rrn_checksum_ok(wrong)
    assert not rrn_checksum_ok("12345")


@pytest.mark.parametrize("sep", ["-", " ", ".", " - ", "", "－"])
def test_rrn_is_masked_with_any_separator(sep: str) -> None:
    rrn = with_check_digit("850315234567")
    text = f"제 주민번호는 {rrn[:6]}{sep}{rrn[6:]} 입니다"
    masked, kinds = mask_pii(text)
    assert kinds == ["rrn"]
    assert masked == "제 주민번호는 [주민등록번호] 입니다"


def test_rrn_with_a_wrong_check_digit_is_still_masked_but_marked_invalid() -> None:
    rrn = with_check_digit("900101123456")
    wrong = rrn[:-1] + str((int(rrn[-1]) + 3) % 10)
    (match,) = find_pii(f"번호 {wrong[:6]}-{wrong[6:]}")
    assert match.kind == "rrn" and match.valid is False
    assert "[주민등록번호]" in mask_pii(f"번호 {wrong[:6]}-{wrong[6:]}")[0]


def test_full_width_digits_are_found_and_the_rest_of_the_text_is_kept() -> None:
    rrn = with_check_digit("990909123456")
    text = f"（{rrn[:6]}-{rrn[6:]}）".translate(FULLWIDTH) + " 감사합니다"
    masked, kinds = mask_pii(text)
    assert kinds == ["rrn"]
    assert masked == "（[주민등록번호]） 감사합니다"


def test_foreigner_registration_number() -> None:
    masked, kinds = mask_pii("외국인등록번호 850505-5123456 입니다")
    assert kinds == ["foreigner_rn"]
    assert "850505" not in masked and "[외국인등록번호]" in masked


@pytest.mark.parametrize(
    "phone",
    ["010-1234-5678", "01012345678", "010 1234 5678", "010.1234.5678", "+82 10-1234-5678", "064-710-1234",
     "02-123-4567", "０１０－１２３４－５６７８"],
)
def test_phone_numbers(phone: str) -> None:
    masked, kinds = mask_pii(f"연락처 {phone}로 주세요")
    assert kinds == ["phone"]
    assert masked == "연락처 [전화번호]로 주세요"


def test_email_glued_to_a_korean_particle() -> None:
    masked, kinds = mask_pii("kim.minsu_01@naver.com으로 보내 주세요")
    assert (masked, kinds) == ("[이메일]으로 보내 주세요", ["email"])


@pytest.mark.parametrize("card", ["4111-1111-1111-1111", "4111 1111 1111 1111", "4111.1111.1111.1111"])
def test_card_numbers(card: str) -> None:
    masked, kinds = mask_pii(f"카드 {card} 결제")
    assert kinds == ["card"] and masked == "카드 [카드번호] 결제"
    assert luhn_ok(re.sub(r"\D", "", card))


@pytest.mark.parametrize("text", ["국민은행 123456-78-901234", "농협 302 1234 5678 91", "계좌번호: 1002-123-456789"])
def test_bank_accounts(text: str) -> None:
    masked, kinds = mask_pii(text)
    assert kinds == ["account"]
    assert "[계좌번호]" in masked and not re.search(r"\d{4}", masked)


def test_several_kinds_are_listed_once_in_order() -> None:
    text = "전화 010-1111-2222, 다른 번호 010-3333-4444, 메일 a@b.kr"
    masked, kinds = mask_pii(text)
    assert kinds == ["phone", "email"]
    assert masked.count("[전화번호]") == 2
    assert describe_kinds(kinds) == "전화번호, 이메일"


@pytest.mark.parametrize(
    "text",
    [
        "월급 2,500,000원, 4년 근속, 45세 권고사직",
        "2025-01-01부터 2025.12.31까지",
        "10000000000원",
        "고용보험법 제40조 제1항 제1호",
        "구인인증번호 K151232211010001",
        "과정ID AIG20240000123456-3",
        "국민내일배움카드 500000 300000",
        "☎1350, 1577-1234",
        "서귀포 호텔 일자리",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert mask_pii(text) == (text, [])


@settings(max_examples=80, deadline=None)
@given(
    yy=st.integers(0, 99),
    mm=st.integers(1, 12),
    dd=st.integers(1, 28),
    g=st.sampled_from("12345678"),
    rest=st.integers(0, 99999),
    sep=st.sampled_from(["-", " ", ".", "", " - "]),
    before=st.text(alphabet="가나다라 마바사", max_size=8),
    after=st.text(alphabet="가나다라 마바사", max_size=8),
)
def test_any_registration_number_disappears(
    yy: int, mm: int, dd: int, g: str, rest: int, sep: str, before: str, after: str
) -> None:
    first12 = f"{yy:02d}{mm:02d}{dd:02d}{g}{rest:05d}"
    number = with_check_digit(first12)
    text = f"{before} {number[:6]}{sep}{number[6:]} {after}"
    masked, kinds = mask_pii(text)
    assert kinds and kinds[0] in ("rrn", "foreigner_rn")
    assert number[6:] not in masked.replace(" ", "").replace("-", "").replace(".", "")
    assert masked.startswith(before) and masked.endswith(after)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Nd"]), max_size=60))
def test_text_without_digits_or_at_sign_is_unchanged(text: str) -> None:
    if "@" in text or "＠" in text:
        return
    assert mask_pii(text) == (text, [])
