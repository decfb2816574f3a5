"""Data: the per-officer daily rating counters counted from the ratings already given, and the
default thresholds of the list of officers often late (the province edits them in the admin)."""

from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import migrations

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SOURCE = (
    "Mặc định của hệ thống. Chỉ thị của UBND tỉnh Bình Định về nâng cao Chỉ số CCHC, mục 2c: "
    "chuyển đổi vị trí công tác đối với người thường xuyên trễ hẹn, nhũng nhiễu (không nêu con "
    "số); tỉnh điều chỉnh theo quyết định của mình."
)
A8 = (
    "Chỉ thị của UBND tỉnh Bình Định về nâng cao Chỉ số CCHC, mục 2d: trên 50% nhận xét gây "
    "khó khăn, nhũng nhiễu."
)
DEFAULTS = [
    ("late_steps", Decimal(5), 0, SOURCE),
    ("late_share", Decimal(20), 10, SOURCE),
    ("over_budget", Decimal(40), 0, SOURCE),
    ("not_satisfied", Decimal(50), 5, A8),
]


def forwards(apps, schema_editor):
    OfficerRating = apps.get_model("satisfaction", "OfficerRating")
    OfficerDailyStat = apps.get_model("satisfaction", "OfficerDailyStat")
    OfficerThreshold = apps.get_model("satisfaction", "OfficerThreshold")
    counts = {}
    rows = OfficerRating.objects.values_list(
        "officer_id", "agency_id", "rating__resolving_agency_id", "rated_at", "level"
    )
    for officer_id, agency_id, resolving_id, rated_at, level in rows.iterator(chunk_size=2000):
        key = (officer_id, agency_id or resolving_id, rated_at.astimezone(VN_TZ).date())
        row = counts.setdefault(key, {})
        row[level] = row.get(level, 0) + 1
    OfficerDailyStat.objects.all().delete()
    OfficerDailyStat.objects.bulk_create(
        [
            OfficerDailyStat(officer_id=k[0], agency_id=k[1], day=k[2], **levels)
            for k, levels in counts.items()
        ],
        batch_size=1000,
    )
    for kind, value, minimum, source in DEFAULTS:
        OfficerThreshold.objects.get_or_create(
            kind=kind, defaults={"value": value, "minimum": minimum, "source": source}
        )


class Migration(migrations.Migration):
    dependencies = [("satisfaction", "0005_officer_daily_counters_and_thresholds")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
