"""The world the benchmark stands on: the demo province's agencies and catalogue, its demo
users, and an API token for the department's counter officer — built with the real seeding
code (``cchc.demo.seed``), without the demo dossiers (the loader brings a million).

Run with Django configured (``bench/run.sh`` does it); prints a JSON line:
``{"token": …, "agency_id": …, "procedure_code": …, …}`` for the loader and the clients.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402

from cchc.catalog.models import Procedure  # noqa: E402
from cchc.core.calendar import calendar_seed  # noqa: E402
from cchc.core.models import CalendarDay  # noqa: E402
from cchc.demo.seed import (  # noqa: E402
    DEMO_DEPARTMENT,
    SeedReport,
    seed_agencies,
    seed_catalogue,
    seed_users,
)
from cchc.org.models import ApiToken, User  # noqa: E402

RECEIVER = "demo.receiver"


@transaction.atomic
def build() -> dict:
    report = SeedReport()
    if not CalendarDay.objects.exists():
        calendar_seed(first_year=2015, last_year=2030)
    keyed = seed_agencies(report)
    seed_catalogue(keyed, report)
    seed_users(keyed, report)
    department = keyed[DEMO_DEPARTMENT]
    officer = User.objects.select_related("agency").get(username=RECEIVER)
    # The department's most common kind of dossier: a building permit, received at its counter.
    procedure = (
        Procedure.objects.filter(competent_agency=department, status__in=Procedure.IN_FORCE)
        .order_by("code")
        .first()
    )
    version = procedure.versions.order_by("-number").first()
    _, raw = ApiToken.issue(officer, name="bench")
    return {
        "token": raw,
        "agency_id": department.pk,
        "agency_code": department.code,
        "agency_name": department.name,
        "officer_id": officer.pk,
        "officer_name": officer.get_full_name(),
        "procedure_id": procedure.pk,
        "procedure_code": procedure.code,
        "procedure_version_id": version.pk,
        "processing_days": float(procedure.processing_time),
        "agencies": report.agencies_created,
        "procedures": report.procedures_created,
    }


if __name__ == "__main__":
    print(json.dumps(build()))
