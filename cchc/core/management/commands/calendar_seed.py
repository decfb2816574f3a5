from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from cchc.core.calendar import calendar_seed


class Command(BaseCommand):
    help = (
        "Bổ sung ngày lễ, nghỉ bù, làm bù từ gói holidays cho các năm chỉ định "
        "(ngày đã có trong lịch được giữ nguyên)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("first_year", type=int)
        parser.add_argument("last_year", type=int)

    def handle(self, *args: object, **options: object) -> None:
        first, last = options["first_year"], options["last_year"]
        if not 2000 <= first <= last <= 2100:
            raise CommandError("Năm không hợp lệ (2000–2100, năm đầu không sau năm cuối).")
        added = calendar_seed(first_year=first, last_year=last)
        self.stdout.write(f"Đã thêm {added} ngày vào lịch làm việc ({first}–{last}).")
