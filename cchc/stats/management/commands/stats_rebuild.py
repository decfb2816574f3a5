"""Check or rebuild every summary counter the report reads from the records they summarise:
the dossier and step counters from the dossiers' event logs, the rating counters from the
ratings, the feedback counters from the feedback items' history. Use ``--check`` after a
restore or an upgrade (exit status 1 when anything differs), then without it to mend what
differs."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from cchc.dossiers.counters import counters_check, counters_rebuild
from cchc.feedback.services import feedback_check, feedback_rebuild
from cchc.satisfaction.services import satisfaction_check, satisfaction_rebuild

SHOWN = 50


class Command(BaseCommand):
    help = (
        "Kiểm tra (--check) hoặc tính lại các bảng số liệu tổng hợp từ nhật ký hồ sơ, đánh giá "
        "và phản ánh, kiến nghị."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Chỉ so sánh, không ghi; mã thoát 1 khi có khác biệt.",
        )

    def handle(self, *args: object, check: bool = False, **options: object) -> None:
        if check:
            found = counters_check() + satisfaction_check() + feedback_check()
            for diff in found[:SHOWN]:
                self.stdout.write(
                    f"{diff.table} {diff.key} {diff.counter}: "
                    f"đang lưu {diff.stored}, tính lại {diff.recounted}"
                )
            if len(found) > SHOWN:
                self.stdout.write(f"… và {len(found) - SHOWN} khác biệt nữa")
            self.stdout.write(f"{len(found)} khác biệt.")
            if found:
                raise SystemExit(1)
            return
        rows = counters_rebuild() + satisfaction_rebuild() + feedback_rebuild()
        self.stdout.write(f"Đã tính lại: {rows} dòng số liệu tổng hợp.")
