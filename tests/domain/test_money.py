"""Amounts in Vietnamese words (the "Số tiền bằng chữ" line of a receipt): examples from
receipts, and properties over every amount below a thousand billion đồng."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc.domain.money import vnd_in_words

EXAMPLES = {
    0: "Không đồng",
    1: "Một đồng",
    10: "Mười đồng",
    11: "Mười một đồng",
    15: "Mười lăm đồng",
    20: "Hai mươi đồng",
    21: "Hai mươi mốt đồng",
    24: "Hai mươi tư đồng",
    25: "Hai mươi lăm đồng",
    105: "Một trăm linh năm đồng",
    110: "Một trăm mười đồng",
    1_000: "Một nghìn đồng",
    1_005: "Một nghìn không trăm linh năm đồng",
    10_000: "Mười nghìn đồng",
    50_000: "Năm mươi nghìn đồng",
    75_000: "Bảy mươi lăm nghìn đồng",
    100_000: "Một trăm nghìn đồng",
    215_000: "Hai trăm mười lăm nghìn đồng",
    1_500_000: "Một triệu năm trăm nghìn đồng",
    1_000_005: "Một triệu không trăm linh năm đồng",
    1_005_000: "Một triệu không trăm linh năm nghìn đồng",
    2_050_000: "Hai triệu không trăm năm mươi nghìn đồng",
    1_000_000_000: "Một tỷ đồng",
    1_000_000_005: "Một tỷ không trăm linh năm đồng",
    3_000_500_000: "Ba tỷ năm trăm nghìn đồng",
    1_234_567_891_011: (
        "Một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi mốt "
        "nghìn không trăm mười một đồng"
    ),
    1_000_000_000_000: "Một nghìn tỷ đồng",
}


@pytest.mark.parametrize(("amount", "words"), EXAMPLES.items())
def test_amounts_read_as_on_receipts(amount, words):
    assert vnd_in_words(amount) == words


@pytest.mark.parametrize("bad", [-1, 1.5, "75000", None, True])
def test_only_whole_non_negative_amounts_are_read(bad):
    with pytest.raises(ValueError):
        vnd_in_words(bad)


# --- Properties -------------------------------------------------------------------------------

UNITS = {"nghìn": 10**3, "triệu": 10**6}
DIGIT_WORDS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


def _group_value(words: list[str]) -> int:
    """Read back one group of at most three digits ("hai trăm linh năm" → 205)."""
    value, digit = 0, 0
    for word in words:
        if word == "trăm":
            value += digit * 100
            digit = 0
        elif word == "mươi":
            value += digit * 10
            digit = 0
        elif word == "mười":
            value += 10
        elif word == "linh":
            continue
        else:
            digit = DIGIT_WORDS[word]
    return value + digit


def _below_billion(words: list[str]) -> int:
    total, group = 0, []
    for word in words:
        if word in UNITS:
            total += _group_value(group) * UNITS[word]
            group = []
        else:
            group.append(word)
    return total + _group_value(group)


def read_back(text: str) -> int:
    """An independent reader of the words, to show that no two amounts share them."""
    words = text.lower().split()
    assert words[-1] == "đồng"
    words = words[:-1]
    if "tỷ" not in words:
        return _below_billion(words)
    cut = len(words) - 1 - words[::-1].index("tỷ")
    return read_back(" ".join([*words[:cut], "đồng"])) * 10**9 + _below_billion(words[cut + 1 :])


amounts = st.integers(min_value=0, max_value=10**12 - 1)


@given(amounts)
def test_words_are_never_empty_start_with_a_capital_and_end_with_dong(amount):
    text = vnd_in_words(amount)
    assert text.strip() == text and "  " not in text
    assert text[0].isupper() and text[1:] == text[1:].lower()
    assert text.endswith(" đồng") and len(text.split()) >= 2


@given(amounts)
def test_the_words_read_back_to_the_amount(amount):
    assert read_back(vnd_in_words(amount)) == amount


@given(amounts, amounts)
def test_different_amounts_give_different_words(a, b):
    if a != b:
        assert vnd_in_words(a) != vnd_in_words(b)


@given(st.integers(min_value=1, max_value=999).map(lambda n: n * 1000))
def test_whole_thousands_end_in_nghin_dong(amount):
    assert vnd_in_words(amount).endswith("nghìn đồng")
