"""Data: the new ``returned_electronic`` counter counted from the event log for the results
returned before it existed (a ``return_result`` event whose data says ``method: electronic``),
so that ``stats_rebuild --check`` stays at zero differences after the upgrade.

A frozen copy of the counter key of ``cchc.dossiers.counters.stats_recount`` as it was written
(a migration never imports app code)."""

from zoneinfo import ZoneInfo

from django.db import migrations
from django.db.models import F

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def count(apps, schema_editor):
    DossierEvent = apps.get_model("dossiers", "DossierEvent")
    DossierDailyStat = apps.get_model("dossiers", "DossierDailyStat")
    totals = {}
    events = (
        DossierEvent.objects.filter(action="return_result", data__method="electronic")
        .select_related("dossier", "dossier__procedure_version")
        .order_by("dossier_id", "seq")
        .iterator(chunk_size=2000)
    )
    for event in events:
        d = event.dossier
        key = (
            d.resolving_agency_id or d.receiving_agency_id,
            d.receiving_agency_id,
            d.procedure_id,
            event.at.astimezone(VN_TZ).date(),
            d.channel,
            d.procedure_version.snapshot["online_mode"],
        )
        totals[key] = totals.get(key, 0) + 1
    for (resolving, receiving, procedure, day, channel, mode), amount in totals.items():
        # The row exists: the same event counted the result as returned.
        DossierDailyStat.objects.filter(
            resolving_agency_id=resolving,
            receiving_agency_id=receiving,
            procedure_id=procedure,
            day=day,
            channel=channel,
            online_mode=mode,
        ).update(returned_electronic=F("returned_electronic") + amount)


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0012_returned_electronic_counter"),
    ]

    operations = [migrations.RunPython(count, migrations.RunPython.noop)]
