import time
from argparse import ArgumentParser

from django.core.management.base import BaseCommand

from cchc.core.jobs import outbox_deliver


class Command(BaseCommand):
    help = (
        "Gửi các thư điện tử, tin nhắn SMS đang chờ trong hộp thư đi (chạy định kỳ; "
        "--loop 60 để chạy liên tục mỗi 60 giây khi không có Celery)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="Số thông báo tối đa mỗi lượt")
        parser.add_argument("--loop", type=int, default=0, metavar="N", help="Lặp lại mỗi N giây")

    def handle(self, *args: object, **options: object) -> None:
        while True:
            report = outbox_deliver(limit=options["limit"])
            if report.claimed or not options["loop"]:  # a loop speaks only when it sent
                self.stdout.write(
                    f"Đã gửi {report.sent}, chờ gửi lại {report.retrying}, "
                    f"không gửi được {report.failed}."
                )
            if not options["loop"]:
                return
            time.sleep(options["loop"])
