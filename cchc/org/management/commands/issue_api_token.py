from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from cchc.core.security_log import security_event
from cchc.org.models import ApiToken, User


class Command(BaseCommand):
    help = "Cấp khoá API (bearer token) cho một người dùng và in khoá ra màn hình một lần."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="Tên gợi nhớ của khoá")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Số ngày khoá còn hiệu lực (mặc định CCHC_API_TOKEN_DAYS, 365)",
        )

    def handle(self, *args: object, **options: object) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Không có người dùng '{options['username']}'.")
        if not user.is_active:
            raise CommandError(f"Người dùng '{user.username}' đã bị khoá.")
        if options["days"] is not None and options["days"] < 1:
            raise CommandError("--days phải từ 1 trở lên.")
        _token, raw = ApiToken.issue(user, name=options["name"], days=options["days"])
        security_event(
            "api.token_issue", target=user.username, token=raw[:12], expires=_token.expires_at
        )
        self.stdout.write(raw)
