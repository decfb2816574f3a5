"""How the PAR Index results read on pages and in printouts: percents with one decimal and a
decimal comma, points without trailing zeros, and the rank change in words."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def pct(value: object) -> str:
    """``Decimal("85.71")`` (a percent already) → ``85,7%``; nothing → ``—``."""
    if value is None or value == "":
        return "—"
    number = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{number:f}".replace(".", ",") + "%"


@register.filter
def pts(value: object) -> str:
    """``Decimal("12.50")`` → ``12,5``; ``Decimal("82.00")`` → ``82``."""
    if value is None or value == "":
        return "—"
    number = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return f"{number:f}".replace(".", ",")


@register.filter
def rank_change(value: int | None) -> str:
    """Last year's rank minus this year's: ``↑3 bậc``, ``↓18 bậc``, ``Giữ nguyên``, or
    ``Mới`` for a unit without a rank last year."""
    if value is None:
        return _("Mới")
    if value == 0:
        return _("Giữ nguyên")
    places = abs(value)
    text = ngettext("%(n)d bậc", "%(n)d bậc", places) % {"n": places}
    return f"↑{text}" if value > 0 else f"↓{text}"
