from django.core.management.base import BaseCommand

from cchc.dossiers.jobs import dossiers_escalate


class Command(BaseCommand):
    help = "Cảnh báo lãnh đạo các bước xử lý sắp đến hạn, quá hạn (chạy định kỳ)."

    def handle(self, *args: object, **options: object) -> None:
        sent = dossiers_escalate()
        self.stdout.write(f"Đã gửi {sent} cảnh báo.")
