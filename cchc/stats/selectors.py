"""Reads of the summary tables for dashboards: sums over agencies and days, and the online,
full-process and online-payment shares (DOMAIN B §5.2), without touching the dossier table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, Sum

from cchc.dossiers.models import DossierDailyStat
from cchc.org.selectors import agencies_visible_to
from cchc.stats.models import EnteredValue

ONLINE = "online"
OFFERING_ONLINE = ("partial", "full")


def share(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator as a fraction with 4 decimals; ``None`` when nothing to divide."""
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


@dataclass(frozen=True)
class Shares:
    """Counts behind the three channel shares of a period (received-day based)."""

    received: int
    received_online_offered: int
    online: int
    received_full_process: int
    online_full_process: int
    fee_bearing: int
    paid: int
    paid_online: int

    @property
    def online_share(self) -> Decimal | None:
        """Online dossiers / all dossiers of procedures that offer an online service."""
        return share(self.online, self.received_online_offered)

    @property
    def full_process_share(self) -> Decimal | None:
        """Full-process online dossiers / all dossiers of full-process procedures."""
        return share(self.online_full_process, self.received_full_process)

    @property
    def online_payment_share(self) -> Decimal | None:
        """Dossiers paid online / dossiers with a financial obligation (fees or charges owed):
        DOMAIN B §5.2's denominator, so a dossier not paid yet lowers the share."""
        return share(self.paid_online, self.fee_bearing)


def stats_shares(
    *, day_from: date, day_to: date, agency_ids: Iterable[int] | None = None
) -> Shares:
    """The channel shares over ``day_from``–``day_to`` (inclusive), for some resolving
    agencies or all. One aggregate query on the summary table."""
    rows = DossierDailyStat.objects.filter(day__gte=day_from, day__lte=day_to)
    if agency_ids is not None:
        rows = rows.filter(resolving_agency_id__in=list(agency_ids))
    return shares_from(rows.aggregate(**share_sums()))


def share_sums() -> dict[str, Sum]:
    """The sums behind ``Shares``, for ``aggregate`` or ``annotate`` on the summary table.
    Aggregate aliases may not shadow the model's fields: they carry an ``n_`` prefix that
    ``shares_from`` strips."""
    offered = Q(online_mode__in=OFFERING_ONLINE)
    full = Q(online_mode="full")
    online = Q(channel=ONLINE)
    return {
        "n_received": Sum("received"),
        "n_received_online_offered": Sum("received", filter=offered),
        "n_online": Sum("received", filter=online & offered),
        "n_received_full_process": Sum("received", filter=full),
        "n_online_full_process": Sum("received", filter=online & full),
        "n_fee_bearing": Sum("fee_bearing"),
        "n_paid": Sum("paid"),
        "n_paid_online": Sum("paid_online"),
    }


def shares_from(row: dict) -> Shares:
    """``Shares`` from a row of ``share_sums`` (other keys of the row are ignored)."""
    return Shares(**{f.name: row.get(f"n_{f.name}") or 0 for f in fields(Shares)})


ENTRIES_SHOWN = 500


def entered_values_for_user(user: object, *, day_from: date, day_to: date) -> list:
    """The values entered for the serving-quality index for the agencies ``user`` may see
    whose period overlaps ``day_from``–``day_to``, the latest periods first; at most
    ``ENTRIES_SHOWN`` (one query)."""
    return list(
        EnteredValue.objects.filter(
            agency__in=agencies_visible_to(user),
            period_from__lte=day_to,
            period_to__gte=day_from,
        )
        .select_related("agency", "entered_by")
        .order_by("-period_from", "indicator_code", "agency__path", "pk")[:ENTRIES_SHOWN]
    )
