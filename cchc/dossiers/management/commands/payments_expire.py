from django.core.management.base import BaseCommand

from cchc.dossiers.payments.jobs import payments_expire


class Command(BaseCommand):
    help = "Đánh dấu hết hạn các giao dịch thanh toán trực tuyến quá thời hạn (chạy định kỳ)."

    def handle(self, *args: object, **options: object) -> None:
        expired = payments_expire()
        self.stdout.write(f"Đã đánh dấu hết hạn {expired} giao dịch.")
