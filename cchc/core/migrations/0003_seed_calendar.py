"""Seed the working calendar for 2015–2030 from the holidays package (DOMAIN A2)."""

from django.db import migrations


def seed(apps, schema_editor):
    from cchc.core.holiday_source import source_label, vn_calendar_exceptions

    CalendarVersion = apps.get_model("core", "CalendarVersion")
    CalendarDay = apps.get_model("core", "CalendarDay")
    CalendarDayChange = apps.get_model("core", "CalendarDayChange")
    if CalendarDay.objects.exists():
        return
    rows = vn_calendar_exceptions(2015, 2030)
    version = CalendarVersion.objects.create(
        number=1, note=f"Khởi tạo từ {source_label()} (2015–2030)"
    )
    CalendarDay.objects.bulk_create(
        CalendarDay(
            date=r.date,
            is_working=r.is_working,
            kind=r.kind,
            reason=r.reason,
            legal_source=r.legal_source,
            version=version,
        )
        for r in rows
    )
    CalendarDayChange.objects.bulk_create(
        CalendarDayChange(
            version=version,
            date=r.date,
            was_working=None,
            is_working=r.is_working,
            reason=r.reason,
            legal_source=r.legal_source,
        )
        for r in rows
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
