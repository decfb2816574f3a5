from argparse import ArgumentParser
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cchc.catalog.excel import export_procedures
from cchc.catalog.models import Procedure
from cchc.catalog.selectors import procedure_list


class Command(BaseCommand):
    help = "Xuất danh mục TTHC ra tệp Excel theo mẫu của hệ thống (docs/catalog-excel.md)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="Đường dẫn tệp .xlsx sẽ ghi")
        parser.add_argument("--field", default="", help="Chỉ xuất một lĩnh vực (mã lĩnh vực)")
        parser.add_argument(
            "--status", default="", choices=["", *Procedure.Status.values], help="Một trạng thái"
        )

    def handle(self, *args: object, **options: object) -> None:
        queryset = procedure_list(
            field_code=str(options["field"]), status=str(options["status"]), in_force_only=False
        )
        try:
            Path(str(options["file"])).write_bytes(export_procedures(queryset))
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp: {exc}") from exc
        self.stdout.write(f"Đã xuất {queryset.count()} thủ tục ra {options['file']}.")
