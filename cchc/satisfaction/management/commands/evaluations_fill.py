from django.core.management.base import BaseCommand

from cchc.satisfaction.jobs import evaluations_fill


class Command(BaseCommand):
    help = (
        "Tính phiếu đánh giá giải quyết hồ sơ (chín chỉ số) cho hồ sơ đã trả kết quả "
        "(chạy định kỳ)."
    )

    def handle(self, *args: object, **options: object) -> None:
        filled = evaluations_fill()
        self.stdout.write(f"Đã tính {filled} phiếu đánh giá.")
