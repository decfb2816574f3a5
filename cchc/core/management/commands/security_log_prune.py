from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from cchc.core.security_files import security_log_prune


class Command(BaseCommand):
    help = (
        "Xoá các tệp nhật ký an toàn thông tin cũ hơn CCHC_SECURITY_LOG_DAYS ngày (mặc định "
        "400; chạy hằng ngày, Celery beat chạy sẵn)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--days", type=int, default=None, help="Số ngày giữ lại (mặc định theo cấu hình)"
        )

    def handle(self, *args: object, **options: object) -> None:
        days = options["days"]
        if days is not None and days < 366:
            raise CommandError(
                "--days phải từ 366 trở lên: nhật ký phải được giữ ít nhất 12 tháng."
            )
        result = security_log_prune(days=days)
        self.stdout.write(f"Đã xoá {len(result.removed)} tệp, giữ lại {result.kept} tệp.")
