from django.core.management.base import BaseCommand

from cchc.parindex.jobs import parindex_remind_job


class Command(BaseCommand):
    help = (
        "Nhắc đơn vị các bản đánh giá Chỉ số CCHC và nhiệm vụ khắc phục sắp đến hạn, quá hạn "
        "(chạy định kỳ)."
    )

    def handle(self, *args: object, **options: object) -> None:
        sent = parindex_remind_job()
        self.stdout.write(f"Đã gửi {sent} lời nhắc.")
