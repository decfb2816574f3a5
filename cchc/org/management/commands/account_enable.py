from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from cchc.org.jobs import account_enable
from cchc.org.models import User


class Command(BaseCommand):
    help = (
        "Mở lại một tài khoản đã bị khoá (ví dụ tài khoản quản trị duy nhất bị khoá do không "
        "sử dụng); việc mở được ghi vào nhật ký an toàn thông tin."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: object, **options: object) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Không có tài khoản {options['username']}.")
        account_enable(user=user)
        self.stdout.write(f"Đã mở lại tài khoản {user.username}.")
