"""Data: each rating is the resolving agency's (its dossier's) with the receiving agency as the
second dimension, and the daily agency counters are recounted from the ratings."""

from zoneinfo import ZoneInfo

from django.db import migrations
from django.db.models import OuterRef, Subquery

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def recount(apps, schema_editor):
    Dossier = apps.get_model("dossiers", "Dossier")
    Rating = apps.get_model("satisfaction", "Rating")
    SatisfactionDailyStat = apps.get_model("satisfaction", "SatisfactionDailyStat")
    of_dossier = Dossier.objects.filter(pk=OuterRef("dossier_id"))
    Rating.objects.update(
        resolving_agency_id=Subquery(of_dossier.values("resolving_agency_id")[:1]),
        receiving_agency_id=Subquery(of_dossier.values("receiving_agency_id")[:1]),
    )
    daily = {}
    rows = Rating.objects.values_list(
        "resolving_agency_id", "receiving_agency_id", "rated_at", "overall"
    )
    for resolving, receiving, rated_at, overall in rows.iterator(chunk_size=2000):
        row = daily.setdefault((resolving, receiving, rated_at.astimezone(VN_TZ).date()), {})
        row[overall] = row.get(overall, 0) + 1
    SatisfactionDailyStat.objects.all().delete()
    SatisfactionDailyStat.objects.bulk_create(
        [
            SatisfactionDailyStat(
                resolving_agency_id=k[0], receiving_agency_id=k[1], day=k[2], **counts
            )
            for k, counts in daily.items()
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("satisfaction", "0002_resolving_agency_dimension"),
        ("dossiers", "0008_recount_by_resolving_agency"),
    ]

    operations = [migrations.RunPython(recount, migrations.RunPython.noop)]
