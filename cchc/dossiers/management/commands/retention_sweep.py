from argparse import ArgumentParser

from django.conf import settings
from django.core.management.base import BaseCommand

from cchc.dossiers.jobs import drafts_expire, uploads_sweep


class Command(BaseCommand):
    help = (
        "Thời hạn lưu giữ: xoá hồ sơ nháp không ai sửa quá CCHC_DRAFT_RETENTION_DAYS ngày (cùng "
        "tệp của chúng) và tệp tải lên bị bỏ dở quá CCHC_UPLOAD_RETENTION_HOURS giờ."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xoá gì.")

    def handle(self, *args: object, **options: object) -> None:
        dry_run = bool(options["dry_run"])
        drafts = drafts_expire(dry_run=dry_run)
        files = uploads_sweep(dry_run=dry_run)
        verb = "Sẽ xoá" if dry_run else "Đã xoá"
        self.stdout.write(
            f"{verb} {drafts.drafts} hồ sơ nháp quá {settings.CCHC_DRAFT_RETENTION_DAYS} ngày "
            f"({drafts.files} tệp) và {files} tệp tải lên bị bỏ dở quá "
            f"{settings.CCHC_UPLOAD_RETENTION_HOURS} giờ."
        )
        if drafts.kept:
            self.stdout.write(f"Giữ lại {len(drafts.kept)} bản nháp còn được tham chiếu.")
