"""Keeping the dossier summary counters exact: called by the dossier services inside their
transaction; recounted from the event log to check them or rebuild them."""

from __future__ import annotations

from datetime import date

from django.db.models import F

from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import COUNTERS, DossierDailyStat, DossierEvent


def stats_bump(
    *,
    agency_id: int,
    procedure_id: int,
    day: date,
    channel: str,
    online_mode: str = "none",
    **increments: int,
) -> None:
    """Add ``increments`` (counter name → amount) to one day's row, creating it if needed.

    Insert-if-missing then ``UPDATE … SET n = n + k``: two concurrent transactions never lose
    an increment (the row lock of the update serialises them).
    """
    unknown = set(increments) - set(COUNTERS)
    if unknown:
        raise ValueError(f"unknown counters: {sorted(unknown)}")
    if not any(increments.values()):
        return
    key = {
        "agency_id": agency_id,
        "procedure_id": procedure_id,
        "day": day,
        "channel": channel,
        "online_mode": online_mode,
    }
    updated = DossierDailyStat.objects.filter(**key).update(
        **{name: F(name) + amount for name, amount in increments.items() if amount}
    )
    if updated:
        return
    DossierDailyStat.objects.bulk_create([DossierDailyStat(**key)], ignore_conflicts=True)
    DossierDailyStat.objects.filter(**key).update(
        **{name: F(name) + amount for name, amount in increments.items() if amount}
    )


def stats_recount() -> dict[tuple, dict[str, int]]:
    """Recompute every counter from the dossiers' event logs (the exactness check of the
    summary table, and the way to rebuild it). Keys are ``(agency_id, procedure_id, day,
    channel, online_mode)``; only non-zero counters are returned."""
    counts: dict[tuple, dict[str, int]] = {}

    def add(key: tuple, name: str, amount: int = 1) -> None:
        row = counts.setdefault(key, {})
        row[name] = row.get(name, 0) + amount

    events = DossierEvent.objects.select_related("dossier", "dossier__procedure_version").order_by(
        "dossier_id", "seq"
    )
    for event in events.iterator(chunk_size=2000):
        d = event.dossier
        mode = d.procedure_version.snapshot["online_mode"]
        key = (
            d.receiving_agency_id,
            d.procedure_id,
            event.at.astimezone(VN_TZ).date(),
            d.channel,
            mode,
        )
        data = event.data or {}
        action = event.action
        if action == "receive":
            add(key, "received")
        elif action == "refuse":
            add(key, "refused")
        elif action == "request_supplement":
            stage = data.get("stage")
            add(key, "intake_supplements" if stage == "intake" else "processing_supplements")
        elif action in ("approve", "reject"):
            add(key, f"finished_{data['timeliness']}")
            if action == "reject":
                add(key, "rejected")
        elif action == "return_result":
            add(key, "returned")
        elif action == "withdraw":
            add(key, "withdrawn")
        elif action == "stop":
            add(key, "stopped")
        elif action == "apologize":
            add(key, "apologies")
            if data.get("timely"):
                add(key, "apologies_timely")
        if data.get("visit") == 3:
            add(key, "third_visits")
        if action in ("pay", "confirm_payment") and data.get("settled"):
            add(key, "paid")
            if data.get("method") == "online":
                add(key, "paid_online")
    return counts


def stats_stored() -> dict[tuple, dict[str, int]]:
    """The summary table in the same shape as ``stats_recount`` (zero counters left out)."""
    stored: dict[tuple, dict[str, int]] = {}
    keys = ("agency_id", "procedure_id", "day", "channel", "online_mode")
    for row in DossierDailyStat.objects.values(*keys, *COUNTERS):
        values = {name: row[name] for name in COUNTERS if row[name]}
        if values:
            stored[tuple(row[k] for k in keys)] = values
    return stored
