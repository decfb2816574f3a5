from django.core.management.base import BaseCommand

from cchc.plans.plan_jobs import plans_flag_late_job


class Command(BaseCommand):
    help = (
        "Đánh dấu nhiệm vụ kế hoạch CCHC quá hạn, nhắc nhiệm vụ sắp đến hạn, quá hạn "
        "(chạy định kỳ)."
    )

    def handle(self, *args: object, **options: object) -> None:
        sent = plans_flag_late_job()
        self.stdout.write(f"Đã gửi {sent} lời nhắc.")
