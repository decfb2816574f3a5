from django.core.management.base import BaseCommand

from cchc.feedback.jobs import feedback_remind_job


class Command(BaseCommand):
    help = (
        "Nhắc cơ quan các phản ánh, kiến nghị sắp đến hạn, quá hạn trả lời hoặc quá hạn "
        "phân loại, chuyển (chạy định kỳ)."
    )

    def handle(self, *args: object, **options: object) -> None:
        sent = feedback_remind_job()
        self.stdout.write(f"Đã gửi {sent} lời nhắc.")
