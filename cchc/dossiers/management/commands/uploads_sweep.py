from django.core.management.base import BaseCommand

from cchc.dossiers.jobs import uploads_sweep


class Command(BaseCommand):
    help = "Xoá tệp tải lên không thuộc hồ sơ nào (quá 1 ngày), do tiến trình bị ngắt giữa chừng."

    def handle(self, *args: object, **options: object) -> None:
        removed = uploads_sweep()
        self.stdout.write(f"Đã xoá {removed} tệp không thuộc hồ sơ nào.")
