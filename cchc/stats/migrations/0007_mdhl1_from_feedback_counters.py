"""Data: the default configuration's MDHL1 (Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn) is
counted by the platform now that it handles feedback and petitions (issue 10): answers
approved by their due moment / answers approved in the period, from ``FeedbackDailyStat``.
Until now the reform office entered it.

Only the row 0005 seeded is switched, and only while it is still entered (a rule the reform
office has changed in the admin is left as it is); backwards, the same row goes back to
entered. MDHL2 (satisfaction with the handling of feedback) stays entered: the platform does
not ask senders to rate the answer.

Written out here, not imported (a migration never imports app code)."""

from datetime import date

from django.db import migrations

VALID_FROM = date(2022, 6, 23)
CODE = "MDHL1"
ENTERED = "entered"
NUMERATOR = "feedback_answered_in_time"
DENOMINATOR = "feedback_answered"
ENTERED_NOTE = " Hệ thống không có số liệu này: Cán bộ CCHC nhập theo cơ quan và kỳ."
COUNTED_NOTE = (
    " Công thức của nền tảng: phản ánh, kiến nghị được lãnh đạo duyệt trả lời trong hạn / "
    "phản ánh, kiến nghị được duyệt trả lời trong kỳ (bảng số liệu phản ánh theo ngày, cơ "
    "quan trả lời); không có phản ánh nào được trả lời trong kỳ: đạt điểm tối đa."
)


def count(apps, schema_editor):
    IndexIndicator = apps.get_model("stats", "IndexIndicator")
    for row in IndexIndicator.objects.filter(
        code=CODE, valid_from=VALID_FROM, numerator=ENTERED, denominator=ENTERED
    ):
        row.numerator, row.denominator = NUMERATOR, DENOMINATOR
        row.source = row.source.replace(ENTERED_NOTE, "") + COUNTED_NOTE
        row.save(update_fields=["numerator", "denominator", "source"])


def enter(apps, schema_editor):
    IndexIndicator = apps.get_model("stats", "IndexIndicator")
    for row in IndexIndicator.objects.filter(
        code=CODE, valid_from=VALID_FROM, numerator=NUMERATOR, denominator=DENOMINATOR
    ):
        row.numerator = row.denominator = ENTERED
        row.source = row.source.replace(COUNTED_NOTE, "") + ENTERED_NOTE
        row.save(update_fields=["numerator", "denominator", "source"])


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0006_feedback_measures"),
    ]

    operations = [migrations.RunPython(count, enter)]
