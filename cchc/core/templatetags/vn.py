"""Template filters for numbers people see (ARCHITECTURE): dd/mm/yyyy dates, 24 h times, VND
with dot thousands separators, percentages with one decimal, working-time clocks."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def vnd(amount: object) -> str:
    """``1500000`` → ``1.500.000 đ``; empty for ``None``."""
    if amount is None or amount == "":
        return ""
    value = int(Decimal(str(amount)))
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):,}".replace(",", ".") + " đ"


@register.filter
def thousands(amount: object) -> str:
    """``12345`` → ``12.345``."""
    if amount is None or amount == "":
        return ""
    return f"{int(amount):,}".replace(",", ".")


@register.filter
def vn_date(value: date | datetime | None) -> str:
    """A date or moment as dd/mm/yyyy (in Vietnam's time zone for moments)."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%d/%m/%Y")
    return value.strftime("%d/%m/%Y")


@register.filter
def vn_datetime(value: datetime | None) -> str:
    """A moment as ``HH:MM dd/mm/yyyy`` in Vietnam's time zone."""
    if value is None or value == "":
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%H:%M %d/%m/%Y")


@register.filter
def percent(value: object) -> str:
    """``0.9876`` → ``98,8%`` (one decimal)."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value)) * 100
    return f"{number:.1f}".replace(".", ",") + "%"


@register.filter
def decimal_vn(value: object) -> str:
    """``Decimal("0.50")`` → ``0,5``."""
    if value is None or value == "":
        return ""
    text = f"{Decimal(str(value)).normalize():f}"
    return text.replace(".", ",")


def working_duration_text(seconds: int, day_seconds: int = 8 * 3600) -> str:
    """``(days, hours, minutes)`` of working time in words: "1 ngày 3 giờ", "45 phút"."""
    from cchc.domain.workdays import split_duration

    days, hours, minutes = split_duration(abs(seconds), day_seconds)
    parts = []
    if days:
        parts.append(_("%(n)s ngày") % {"n": days})
    if hours:
        parts.append(_("%(n)s giờ") % {"n": hours})
    if minutes and not days:
        parts.append(_("%(n)s phút") % {"n": minutes})
    return " ".join(parts) or _("dưới 1 phút")


@register.filter
def working_duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return working_duration_text(int(seconds))
