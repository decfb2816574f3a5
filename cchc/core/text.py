"""Text helpers shared by every app: accent- and case-folding for Vietnamese search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, strip Vietnamese diacritics (đ → d) and collapse spaces.

    ``fold("Cấp Giấy phép  xây dựng")`` → ``"cap giay phep xay dung"``. Search columns store
    the folded text and queries are folded the same way, so search ignores diacritics and case
    identically on SQLite and PostgreSQL (docs/decisions/0002-search-folded-columns.md).
    """
    if not text:
        return ""
    lowered = text.replace("Đ", "d").replace("đ", "d").lower()
    decomposed = unicodedata.normalize("NFD", lowered)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip()
