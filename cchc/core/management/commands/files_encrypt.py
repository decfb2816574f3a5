from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from cchc.core.files import files_encrypt


class Command(BaseCommand):
    help = (
        "Mã hoá tại chỗ các tệp đã lưu trước khi bật mã hoá (tệp còn ở dạng rõ), bằng khoá "
        "mới nhất."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không ghi gì.")

    def handle(self, *args: object, **options: object) -> None:
        report = files_encrypt(dry_run=bool(options["dry_run"]))
        verb = "Sẽ mã hoá" if options["dry_run"] else "Đã mã hoá"
        count = report.plain if options["dry_run"] else report.rewritten
        self.stdout.write(f"{verb} {count} tệp (đã duyệt {report.scanned} tệp).")
        if report.failed:
            raise CommandError(f"Không mã hoá được {len(report.failed)} tệp: {report.failed[:5]}")
