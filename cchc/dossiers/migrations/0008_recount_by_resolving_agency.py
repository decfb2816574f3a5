"""Data: every dossier gets the agency that resolves it, and the dossier counters are recounted
from the event log with the resolving agency as their first dimension.

A frozen copy of the rules of ``cchc.dossiers.services.intake.resolving_agency`` and
``cchc.dossiers.counters.stats_recount`` as they were written (a migration never imports app
code): later changes to those modules do not change what this migration did. The step counters
(new) start empty: judging an earlier hand-over needs the working calendar, which a migration
cannot use; ``manage.py stats_rebuild`` counts them (docs/deployment.md, Upgrades)."""

from zoneinfo import ZoneInfo

from django.db import migrations

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
COUNTERS_BY_ACTION = {
    "refuse": "refused",
    "return_result": "returned",
    "withdraw": "withdrawn",
    "stop": "stopped",
}


def _unit(agency, Agency):
    while agency.level == "division" and agency.parent_id:
        agency = Agency.objects.get(pk=agency.parent_id)
    return agency


def fill_resolving_agency(apps, schema_editor):
    Agency = apps.get_model("org", "Agency")
    Dossier = apps.get_model("dossiers", "Dossier")
    ProcedureVersion = apps.get_model("catalog", "ProcedureVersion")
    pairs = Dossier.objects.values_list("procedure_version_id", "receiving_agency_id").distinct()
    for version_id, receiving_id in list(pairs):
        snapshot = ProcedureVersion.objects.get(pk=version_id).snapshot
        code = next((s["agency"] for s in reversed(snapshot["steps"]) if s["role"] == "leader"), "")
        agency = Agency.objects.filter(code=code).first() if code else None
        agency = _unit(agency or Agency.objects.get(pk=receiving_id), Agency)
        Dossier.objects.filter(
            procedure_version_id=version_id, receiving_agency_id=receiving_id
        ).update(resolving_agency_id=agency.pk)


def recount(apps, schema_editor):
    DossierEvent = apps.get_model("dossiers", "DossierEvent")
    DossierDailyStat = apps.get_model("dossiers", "DossierDailyStat")
    daily, fee_bearing = {}, set()

    def add(table, key, name):
        row = table.setdefault(key, {})
        row[name] = row.get(name, 0) + 1

    events = (
        DossierEvent.objects.select_related("dossier", "dossier__procedure_version")
        .order_by("dossier_id", "seq")
        .iterator(chunk_size=2000)
    )
    for event in events:
        d = event.dossier
        snapshot = d.procedure_version.snapshot
        day = event.at.astimezone(VN_TZ).date()
        key = (
            d.resolving_agency_id or d.receiving_agency_id,
            d.receiving_agency_id,
            d.procedure_id,
            day,
            d.channel,
            snapshot["online_mode"],
        )
        data = event.data or {}
        action = event.action
        if action == "receive":
            add(daily, key, "received")
            if any(fee["amount_vnd"] > 0 for fee in snapshot["fees"]):
                fee_bearing.add(d.pk)
                add(daily, key, "fee_bearing")
        elif action == "request_payment" and d.pk not in fee_bearing:
            fee_bearing.add(d.pk)
            add(daily, key, "fee_bearing")
        elif action == "request_supplement":
            stage = data.get("stage")
            add(daily, key, "intake_supplements" if stage == "intake" else "processing_supplements")
        elif action in ("approve", "reject"):
            add(daily, key, f"finished_{data['timeliness']}")
            if action == "reject":
                add(daily, key, "rejected")
        elif action == "apologize":
            add(daily, key, "apologies")
            if data.get("timely"):
                add(daily, key, "apologies_timely")
        elif action in COUNTERS_BY_ACTION:
            add(daily, key, COUNTERS_BY_ACTION[action])
        if data.get("visit") == 3:
            add(daily, key, "third_visits")
        if action in ("pay", "confirm_payment") and data.get("settled"):
            add(daily, key, "paid")
            if data.get("method") == "online":
                add(daily, key, "paid_online")

    DossierDailyStat.objects.all().delete()
    names = (
        "resolving_agency_id",
        "receiving_agency_id",
        "procedure_id",
        "day",
        "channel",
        "online_mode",
    )
    DossierDailyStat.objects.bulk_create(
        [DossierDailyStat(**dict(zip(names, k, strict=True)), **v) for k, v in daily.items()],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0007_resolving_agency_dimension"),
    ]

    operations = [
        migrations.RunPython(fill_resolving_agency, migrations.RunPython.noop),
        migrations.RunPython(recount, migrations.RunPython.noop),
    ]
