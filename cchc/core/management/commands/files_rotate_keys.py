from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from cchc.core.files import files_rotate_keys


class Command(BaseCommand):
    help = (
        "Mã hoá lại mọi tệp lưu trữ bằng khoá mới nhất (khoá đầu tiên của CCHC_FILE_KEYS / "
        "CCHC_FILE_KEY_FILE); sau đó có thể bỏ các khoá cũ."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không ghi gì.")

    def handle(self, *args: object, **options: object) -> None:
        report = files_rotate_keys(dry_run=bool(options["dry_run"]))
        pending = report.plain + report.old_key
        if options["dry_run"]:
            self.stdout.write(
                f"Sẽ mã hoá lại {pending} tệp ({report.old_key} tệp khoá cũ, {report.plain} "
                f"tệp chưa mã hoá) trên {report.scanned} tệp."
            )
        else:
            self.stdout.write(
                f"Đã mã hoá lại {report.rewritten} tệp bằng khoá mới nhất (đã duyệt "
                f"{report.scanned} tệp)."
            )
        if report.failed:
            raise CommandError(
                f"Không mã hoá lại được {len(report.failed)} tệp (khoá cũ vẫn cần giữ): "
                f"{report.failed[:5]}"
            )
