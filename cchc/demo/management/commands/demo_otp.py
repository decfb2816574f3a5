from argparse import ArgumentParser

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cchc.demo.seed import demo_admin_code


class Command(BaseCommand):
    help = (
        "In mã xác thực hai bước hiện tại của demo.admin (khoá công khai của dữ liệu demo), "
        "thay cho ứng dụng xác thực trên điện thoại."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--allow-production", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError("Chỉ dùng cho dữ liệu demo (CCHC_DEBUG=true).")
        self.stdout.write(demo_admin_code())
