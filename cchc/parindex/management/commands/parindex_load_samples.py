"""Load the sample PAR Index frameworks (departments, communes, the province) for a year."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cchc.parindex.models import Framework
from cchc.parindex.samples import SAMPLE_KINDS, sample_load


class Command(BaseCommand):
    help = (
        "Tạo các bộ tiêu chí Chỉ số CCHC mẫu (sở, ban, ngành; cấp xã; cấp tỉnh) cho một năm. "
        "Bộ đã có thì bỏ qua, trừ khi dùng --replace (chỉ thay được bộ đang xây dựng)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--kind", choices=[str(k) for k in SAMPLE_KINDS], action="append")
        parser.add_argument("--replace", action="store_true")

    def handle(
        self, *args: object, year: int, kind: list[str] | None, replace: bool, **options: object
    ) -> None:
        failed = False
        for unit_kind in kind or SAMPLE_KINDS:
            existing = Framework.objects.filter(year=year, unit_kind=unit_kind).first()
            if existing is not None and not replace:
                self.stdout.write(f"{existing}: đã có, bỏ qua.")
                continue
            result = sample_load(unit_kind, year=year)
            if result.ok:
                self.stdout.write(f"{result.framework}: {result.criteria} mục.")
            else:
                failed = True
                for error in result.errors:
                    self.stderr.write(str(error))
        if failed:
            raise CommandError("Không tạo được bộ tiêu chí mẫu.")
