from django.core.management.base import BaseCommand

from cchc.parindex.jobs import parindex_refresh_job


class Command(BaseCommand):
    help = "Tính lại các tiêu chí Chỉ số CCHC lấy số liệu trên hệ thống (chạy định kỳ)."

    def handle(self, *args: object, **options: object) -> None:
        count = parindex_refresh_job()
        self.stdout.write(f"Đã tính lại {count} bản đánh giá.")
