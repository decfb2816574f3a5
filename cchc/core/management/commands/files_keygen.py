from django.core.management.base import BaseCommand

from cchc.core.filecrypt import generate_key


class Command(BaseCommand):
    help = (
        "In ra một khoá mới để mã hoá tệp lưu trữ (đặt vào đầu CCHC_FILE_KEYS hoặc "
        "CCHC_FILE_KEY_FILE)."
    )

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(generate_key())
