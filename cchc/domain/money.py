"""Amounts of money in Vietnamese words — plain Python, no Django.

A receipt (biên lai thu phí, lệ phí — Circular 32/2025/TT-BTC and before it 303/2016/TT-BTC)
writes the amount in figures and in words ("Số tiền bằng chữ"). The reading follows the usual
accounting convention:

* groups of three digits from the right: đơn vị, nghìn, triệu, tỷ; above a thousand billion the
  scales repeat with "tỷ" ("một nghìn tỷ", "một triệu tỷ");
* a group that is all zeros is skipped; a group after the leading one is read in full, with
  "không trăm" and "linh" ("một triệu không trăm linh năm");
* after a tens digit: 1 reads "mốt" (from twenty up), 4 reads "tư" (from twenty up) and
  5 reads "lăm"; "mười" stands for ten;
* the words start with a capital letter and end with "đồng".
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu")
BILLION = 1_000_000_000
CURRENCY = "đồng"


def _group(number: int, *, full: bool) -> list[str]:
    """Words for ``0 < number < 1000``; ``full`` reads the hundreds even when zero (a group
    that follows another group)."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 5 and tens:
            words.append("lăm")
        elif units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 4 and tens >= 2:
            words.append("tư")
        else:
            words.append(DIGITS[units])
    return words


def _below_billion(number: int, *, full: bool) -> list[str]:
    """Words for ``0 < number < 10**9``; ``full`` when something bigger was read before."""
    groups = [(number // 1000**i) % 1000 for i in range(2, -1, -1)]  # triệu, nghìn, đơn vị
    words: list[str] = []
    for position, group in enumerate(groups):
        if not group:
            continue
        words += _group(group, full=full or bool(words))
        scale = SCALES[2 - position]
        if scale:
            words.append(scale)
    return words


def _number(number: int, *, full: bool = False) -> list[str]:
    if number < BILLION:
        return _below_billion(number, full=full)
    billions, rest = divmod(number, BILLION)
    words = [*_number(billions, full=full), "tỷ"]
    if rest:
        words += _number(rest, full=True)
    return words


def vnd_in_words(amount: int) -> str:
    """The amount in Vietnamese words: ``75000`` → "Bảy mươi lăm nghìn đồng",
    ``1000005`` → "Một triệu không trăm linh năm đồng", ``0`` → "Không đồng".

    Raises ``ValueError`` for a negative amount or anything that is not a whole number."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValueError(f"amount must be a whole number of đồng, not {amount!r}")
    if amount < 0:
        raise ValueError(f"amount must not be negative: {amount}")
    words = _number(amount) if amount else [DIGITS[0]]
    text = " ".join([*words, CURRENCY])
    return text[0].upper() + text[1:]
