"""Reads for the public catalogue pages beyond ``cchc.catalog.selectors``: the agencies a
citizen can choose from, and whether any procedure in force still has a district level."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from cchc.catalog.models import Procedure
from cchc.org.models import Agency


def agency_list_for_catalog() -> QuerySet[Agency]:
    """Agencies that exist today and receive or decide at least one procedure in force."""
    today = timezone.localdate()
    receiving = Procedure.receiving_agencies.through.objects.filter(
        procedure__status__in=Procedure.IN_FORCE
    ).values("agency_id")
    competent = Procedure.objects.filter(
        status__in=Procedure.IN_FORCE, competent_agency__isnull=False
    ).values("competent_agency_id")
    return (
        Agency.objects.filter(Q(pk__in=receiving) | Q(pk__in=competent))
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .order_by("name")
        .only("code", "name")
    )


def has_district_procedures() -> bool:
    """Districts ended on 30/06/2025 (Decree 118/2025): the level is offered only while a
    procedure in force still carries it (history)."""
    return Procedure.objects.filter(status__in=Procedure.IN_FORCE, at_district=True).exists()
