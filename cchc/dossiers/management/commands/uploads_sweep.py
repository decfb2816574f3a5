from argparse import ArgumentParser

from django.conf import settings
from django.core.management.base import BaseCommand

from cchc.dossiers.jobs import uploads_sweep


class Command(BaseCommand):
    help = (
        "Xoá tệp tải lên không thuộc hồ sơ nào (quá CCHC_UPLOAD_RETENTION_HOURS giờ), do tiến "
        "trình bị ngắt hoặc người dùng bỏ dở."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xoá.")

    def handle(self, *args: object, **options: object) -> None:
        removed = uploads_sweep(dry_run=bool(options["dry_run"]))
        verb = "Sẽ xoá" if options["dry_run"] else "Đã xoá"
        hours = settings.CCHC_UPLOAD_RETENTION_HOURS
        self.stdout.write(f"{verb} {removed} tệp không thuộc hồ sơ nào (quá {hours} giờ).")
