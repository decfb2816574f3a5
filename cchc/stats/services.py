"""Writes of the stats app: the values of the serving-quality index the reform office enters
for what the platform does not hold (``EnteredValue``). One door, used by the admin and by any
page: checked (``EnteredValue.clean``: an entered indicator, a unit, the period in order, the
numerator within the denominator, no overlap with another entry), stamped with who entered it
and when, in one transaction."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from cchc.org.models import Agency, User
from cchc.stats.models import EnteredValue


@transaction.atomic
def entered_value_save(
    *,
    actor: User,
    indicator_code: str,
    agency: Agency,
    period_from: date,
    period_to: date,
    numerator: int,
    denominator: int,
    note: str = "",
    entry: EnteredValue | None = None,
    now: datetime | None = None,
) -> EnteredValue:
    """Enter a value, or correct ``entry``: ``ValidationError`` (nothing written) when it does
    not hold. The entry keeps the last person who wrote it and when."""
    if entry is not None:
        entry = EnteredValue.objects.select_for_update().get(pk=entry.pk)
    else:
        entry = EnteredValue()
    entry.indicator_code = indicator_code.strip()
    entry.agency = agency
    entry.period_from = period_from
    entry.period_to = period_to
    entry.numerator = numerator
    entry.denominator = denominator
    entry.note = note.strip()
    entry.entered_by = actor
    entry.entered_at = now or timezone.now()
    entry.full_clean()
    entry.save()
    return entry
