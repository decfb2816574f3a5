"""What the soak's simulated visitors need from the database they run against, as JSON.

``python bench/soak/world.py OUT.json`` (with the application's environment: the database of
scripts/serve_prod.sh, seeded by ``seed_demo``) writes:

- ``procedures``: codes of procedures in force (the catalogue and its pages);
- ``online``: for each counter officer we sign in as, the procedures a citizen can apply for
  online at that officer's agency, and that agency's code (the form's ``receiving_agency``);
- ``lookups``: (code, phone) of dossiers that have a code (the public lookup);
- ``agencies``: codes of the departments and communes (the transparency pages);
- ``words``: words of procedure names (the catalogue's search box);
- ``citizen`` and ``officers``: the demo accounts the visitors sign in as (none of them is an
  administrator), and the demo password.

Read-only: it changes nothing.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from cchc.catalog.models import Procedure  # noqa: E402
from cchc.demo.seed import DEMO_PASSWORD  # noqa: E402
from cchc.dossiers.models import Dossier  # noqa: E402
from cchc.dossiers.services import DossierInputError, draft_options  # noqa: E402
from cchc.org.models import Agency, User  # noqa: E402

CITIZEN = "demo.citizen"
COUNTER_OFFICERS = ("demo.receiver", "demo.xa.motcua")
MAX_LOOKUPS = 400


def world() -> dict:
    officers = {}
    for username in COUNTER_OFFICERS:
        user = User.objects.get(username=username)
        if user.is_staff or user.is_superuser:
            raise SystemExit(f"{username} is an administrator: the soak signs in as officers only")
        officers[username] = {"agency": user.agency.code, "procedures": []}
    in_force = list(
        Procedure.objects.filter(status__in=Procedure.IN_FORCE)
        .order_by("code")
        .values_list("code", "name")
    )
    for code, _name in in_force:
        procedure = Procedure.objects.get(code=code)
        try:
            options = draft_options(procedure)
        except DossierInputError:
            continue
        if not options.documents:
            continue
        agencies = {a.code for a in options.agencies}
        for entry in officers.values():
            if entry["agency"] in agencies:
                entry["procedures"].append(code)
    online = {u: e for u, e in officers.items() if e["procedures"]}
    if not online:
        raise SystemExit("no procedure can be applied for online at the officers' agencies")
    lookups = list(
        Dossier.objects.exclude(code=None)
        .exclude(applicant_phone="")
        .order_by("-id")
        .values_list("code", "applicant_phone")[:MAX_LOOKUPS]
    )
    agencies = sorted(
        Agency.objects.filter(level__in=(Agency.Level.DEPARTMENT, Agency.Level.COMMUNE))
        .exclude(code="")
        .values_list("code", flat=True)
    )
    words = sorted({w for _c, name in in_force for w in name.split() if len(w) >= 4})
    random.Random(14).shuffle(words)
    return {
        "procedures": [code for code, _name in in_force],
        "online": online,
        "lookups": lookups,
        "agencies": agencies,
        "words": words[:200],
        "citizen": CITIZEN,
        "officers": sorted(online),
        "password": DEMO_PASSWORD,
    }


if __name__ == "__main__":
    data = world()
    Path(sys.argv[1]).write_text(json.dumps(data, ensure_ascii=False, indent=1))
    print(
        f"world: {len(data['procedures'])} procedures, "
        + ", ".join(f"{u}: {len(e['procedures'])} online" for u, e in data["online"].items())
        + f", {len(data['lookups'])} dossiers to look up, {len(data['agencies'])} agencies"
    )
