"""The world the benchmark stands on: a synthetic province built with the real seeding code.

The demo province's agencies, catalogue and users (``cchc.demo.seed``), grown to a province's
size: about 60 units that resolve dossiers (the 16 departments with procedures and 43
communes: the demo's 32 and 11 more), 1,500 procedures (the demo's 419 and variants of them
published through ``procedure_publish``, so every version's snapshot is the real one), a
counter officer, a specialist and a leader in each unit, and an API token for the demo
department's counter officer (the intake measurement). No dossier: the loader
(bench/load.py) brings them.

Run with Django configured (``bench/run.sh`` does it): ``python bench/world.py [PROCEDURES]``
prints one JSON document, the world as the loader, the clients and the measurements read it.
"""

from __future__ import annotations

import json
import os
import random
import sys
from decimal import Decimal
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import transaction  # noqa: E402

from cchc.catalog.models import Procedure  # noqa: E402
from cchc.core.calendar import calendar_seed, current_calendar_version, office_hours  # noqa: E402
from cchc.core.models import CalendarDay  # noqa: E402
from cchc.demo import procedures as procedure_data  # noqa: E402
from cchc.demo.seed import (  # noqa: E402
    DEMO_DEPARTMENT,
    SeedReport,
    seed_agencies,
    seed_catalogue,
    seed_users,
)
from cchc.domain.workdays import hours_to_seconds  # noqa: E402
from cchc.dossiers.services.intake import resolving_agency  # noqa: E402
from cchc.org.models import Agency, ApiToken, User  # noqa: E402

RECEIVER = "demo.receiver"
PROCEDURES = 1500
# Eleven communes more than the demo's 32: with the 16 departments that resolve dossiers, the
# province has about 60 units (a mid-sized province after the 2025 merger of communes).
EXTRA_COMMUNES = [
    "Tân Phú",
    "Phú Mỹ",
    "An Lạc",
    "Hòa Phú",
    "Bình An",
    "Phước Thành",
    "Mỹ Thạnh",
    "Long Phú",
    "Thạnh Lộc",
    "Đông Hòa",
    "Tây Hòa",
]
OFFICER_ROLES = (User.Role.COUNTER_OFFICER, User.Role.SPECIALIST, User.Role.LEADER)
OFFICER_NAMES = [
    "Nguyễn Thị Hạnh",
    "Trần Văn Long",
    "Lê Minh Tuấn",
    "Phạm Thị Thu",
    "Hoàng Quốc Việt",
    "Võ Thị Mai",
    "Đặng Văn Khoa",
    "Bùi Thị Ngọc",
    "Đỗ Minh Đức",
    "Huỳnh Thị Lan",
]


def _extra_communes(keyed: dict, report: SeedReport) -> None:
    province = keyed["province"]
    communes = keyed["_communes"]
    for n, name in enumerate(EXTRA_COMMUNES, start=1):
        code = f"{532 + n}.00.00.H99"
        agency, created = Agency.objects.get_or_create(
            code=code,
            defaults={
                "name": f"Ủy ban nhân dân xã {name}",
                "short_name": f"UBND xã {name}",
                "level": Agency.Level.COMMUNE,
                "parent": province,
            },
        )
        report.agencies_created += created
        communes[f"bench-{n}"] = agency


def _variants(wanted: int, rnd: random.Random) -> list[dict]:
    """The demo's procedures and, up to ``wanted``, variants of them: same field, agency,
    documents and fees, another code, a varied time, online mode and fee (a province's
    catalogue holds many procedures of the same shape)."""
    rows = list(procedure_data.PROCEDURES)
    if wanted < len(rows):  # a smaller province (the tests'): every field and agency still
        return rows[:: -(-len(rows) // wanted)]
    taken = {row["code"] for row in rows}
    n = 0
    while len(rows) < wanted:
        base = procedure_data.PROCEDURES[n % len(procedure_data.PROCEDURES)]
        n += 1
        code = f"3.{900000 + n:06d}"
        if code in taken:
            continue
        row = dict(base)
        row["code"] = code
        row["name"] = f"{base['name']} (trường hợp {n // len(procedure_data.PROCEDURES) + 2})"
        if base["unit"] == "working_days":
            days = Decimal(base["time"]) * Decimal(rnd.choice(("0.5", "1", "1", "1.5", "2")))
            row["time"] = str(max(days.quantize(Decimal("1")), Decimal(1)))
        row["online"] = rnd.choices(("none", "partial", "full"), (2, 3, 5))[0]
        row["fees"] = [
            [name, amount * rnd.choice((1, 1, 2)) if amount else amount]
            for name, amount in base["fees"]
        ]
        rows.append(row)
    return rows[:wanted]


def _officers(units: list[Agency]) -> dict[int, dict[str, int]]:
    """A counter officer, a specialist and a leader in each unit (no password: nobody signs
    in as them; they are the actors of the loaded events)."""
    existing = {u.username: u for u in User.objects.filter(username__startswith="bench.")}
    new = []
    for i, unit in enumerate(units):
        for role in OFFICER_ROLES:
            username = f"bench.{unit.code}.{role}"
            if username in existing:
                continue
            user = User(
                username=username,
                full_name=OFFICER_NAMES[(i * 3 + len(new)) % len(OFFICER_NAMES)],
                role=role,
                agency=unit,
                job_title="",
            )
            user.set_unusable_password()
            new.append(user)
    User.objects.bulk_create(new)
    keyed: dict[int, dict[str, int]] = {}
    for user in User.objects.filter(username__startswith="bench."):
        keyed.setdefault(user.agency_id, {})[user.role] = user.pk
        keyed[user.agency_id][f"{user.role}_name"] = user.full_name
    return keyed


def _procedures(units_by_code: dict[str, Agency]) -> list[dict]:
    """Every procedure in force with what the loader needs of its current version: the
    snapshot's steps, fees, online mode and time, its receiving agencies and the unit that
    resolves a dossier received at each (``resolving_agency``, the service's own rule)."""
    found = []
    for procedure in (
        Procedure.objects.filter(status__in=Procedure.IN_FORCE)
        .prefetch_related("versions", "receiving_agencies")
        .order_by("code")
    ):
        version = max(procedure.versions.all(), key=lambda v: v.number)
        snapshot = version.snapshot
        receiving = sorted(procedure.receiving_agencies.all(), key=lambda a: a.code)
        if not receiving:
            continue
        # The rule gives the receiving unit itself or one fixed unit; asked once per procedure.
        first = resolving_agency(snapshot, receiving[0])
        same = first.pk == receiving[0].unit.pk
        amount = Decimal(snapshot["processing_time"])
        if snapshot["processing_unit"] == Procedure.TimeUnit.WORKING_HOURS:
            seconds = hours_to_seconds(amount)
        else:
            seconds = int(amount * office_hours().day_seconds)
        cutoff = snapshot.get("cutoff_time")
        found.append(
            {
                "id": procedure.pk,
                "code": procedure.code,
                "version_id": version.pk,
                "online_mode": snapshot["online_mode"],
                "seconds": seconds,
                "cutoff": cutoff,
                "fees": [
                    [fee["name"], fee["amount_vnd"]]
                    for fee in snapshot["fees"]
                    if fee["amount_vnd"] > 0
                ],
                "steps": [
                    [
                        step["order"],
                        step["name"],
                        step["role"],
                        units_by_code[step["agency"]].pk if step["agency"] else None,
                        hours_to_seconds(step["budget_hours"]),
                    ]
                    for step in snapshot["steps"]
                ],
                "receiving": [agency.pk for agency in receiving],
                "resolving": None if same else first.pk,
                "commune": procedure.competent_agency_id is None,
            }
        )
    return found


@transaction.atomic
def build(procedures: int = PROCEDURES) -> dict:
    report = SeedReport()
    if not CalendarDay.objects.exists():
        calendar_seed(first_year=2015, last_year=2030)
    keyed = seed_agencies(report)
    _extra_communes(keyed, report)
    rows = _variants(procedures, random.Random(766))
    with mock.patch.object(procedure_data, "PROCEDURES", rows):
        seed_catalogue(keyed, report)
    seed_users(keyed, report)
    department = keyed[DEMO_DEPARTMENT]
    officer = User.objects.select_related("agency").get(username=RECEIVER)
    # The department's most common kind of dossier: a building permit, received at its counter.
    in_force = Procedure.objects.filter(
        status__in=Procedure.IN_FORCE, competent_agency__isnull=False
    ).order_by("code")
    procedure = in_force.filter(competent_agency=department).first() or in_force.first()
    department = procedure.competent_agency
    version = procedure.versions.order_by("-number").first()
    _, raw = ApiToken.issue(officer, name="bench")
    all_agencies = list(Agency.objects.all())
    by_code = {agency.code: agency for agency in all_agencies}
    catalogue = _procedures(by_code)
    used = {pk for p in catalogue for pk in p["receiving"]}
    used |= {p["resolving"] for p in catalogue if p["resolving"]}
    used |= {step[3] for p in catalogue for step in p["steps"] if step[3]}
    units = [agency for agency in all_agencies if agency.pk in used]
    officers = _officers(units)
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
        "calendar_version": current_calendar_version(),
        "agencies": [
            {
                "id": agency.pk,
                "code": agency.code,
                "name": agency.name,
                "level": agency.level,
                "officers": officers[agency.pk],
            }
            for agency in sorted(units, key=lambda a: a.code)
        ],
        "procedures": catalogue,
    }


if __name__ == "__main__":
    print(json.dumps(build(int(sys.argv[1]) if len(sys.argv) > 1 else PROCEDURES)))
