"""``manage.py issue_open311_key CLIENT_NAME [--agency CODE]``: register a client system of
the Open311 interface and print its api_key once (only its SHA-256 is kept; revoke it in the
administration)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext_lazy as _

from cchc.feedback.models import Open311Client
from cchc.feedback.open311.keys import open311_key_issue
from cchc.org.models import Agency

MSG_NAME = _("Tên hệ thống phải có từ 1 đến 100 ký tự.")
MSG_TAKEN = _(
    "Đã có hệ thống tên '%(name)s'. Thu hồi khoá cũ trong trang quản trị, rồi cấp với tên khác."
)
MSG_AGENCY = _("Không có cơ quan mã '%(code)s'.")


class Command(BaseCommand):
    help = "Cấp khoá api_key Open311 cho một hệ thống kết nối (in ra một lần duy nhất)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="tên hệ thống kết nối")
        parser.add_argument(
            "--agency", default="", help="mã cơ quan tiếp nhận các phản ánh hệ thống này gửi"
        )

    def handle(self, *args: object, name: str, agency: str, **options: object) -> None:
        name = name.strip()
        if not 1 <= len(name) <= 100:
            raise CommandError(str(MSG_NAME))
        if Open311Client.objects.filter(name=name).exists():
            raise CommandError(str(MSG_TAKEN) % {"name": name})
        receiver = None
        if agency:
            receiver = Agency.objects.filter(code=agency.strip()).first()
            if receiver is None:
                raise CommandError(str(MSG_AGENCY) % {"code": agency})
        client, key = open311_key_issue(name=name, agency=receiver)
        self.stdout.write(f"Hệ thống: {client.name}")
        if receiver is not None:
            self.stdout.write(f"Cơ quan tiếp nhận: {receiver.name}")
        self.stdout.write("api_key (chỉ hiện một lần, hãy lưu lại ngay):")
        self.stdout.write(key)
