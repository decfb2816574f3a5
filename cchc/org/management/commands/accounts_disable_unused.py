from django.conf import settings
from django.core.management.base import BaseCommand

from cchc.org.jobs import accounts_disable_unused


class Command(BaseCommand):
    help = (
        "Khoá tài khoản cán bộ, quản trị không đăng nhập quá CCHC_ACCOUNT_IDLE_DAYS ngày "
        "(chạy hằng ngày; công dân không bị khoá)."
    )

    def handle(self, *args: object, **options: object) -> None:
        disabled = accounts_disable_unused()
        days = settings.CCHC_ACCOUNT_IDLE_DAYS
        self.stdout.write(f"Đã khoá {len(disabled)} tài khoản không sử dụng quá {days} ngày.")
        for username in disabled:
            self.stdout.write(f"  {username}")
