from argparse import ArgumentParser

from django.core.management.base import BaseCommand, CommandError

from cchc.catalog.excel import import_procedures
from cchc.org.models import User


class Command(BaseCommand):
    help = (
        "Nhập danh mục TTHC từ tệp Excel theo mẫu (docs/catalog-excel.md). Tất cả hoặc không: "
        "có lỗi thì không ghi gì, in từng lỗi và thoát với mã khác 0."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="Tệp .xlsx cần nhập")
        parser.add_argument(
            "--as", dest="username", default="", help="Người công bố ghi vào các phiên bản mới"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì vào danh mục"
        )

    def handle(self, *args: object, **options: object) -> None:
        actor = None
        if options["username"]:
            actor = User.objects.filter(username=options["username"], is_active=True).first()
            if actor is None:
                raise CommandError(f"Không có người dùng '{options['username']}' đang hoạt động.")
        try:
            with open(str(options["file"]), "rb") as file_obj:
                result = import_procedures(file_obj, actor=actor, dry_run=bool(options["dry_run"]))
        except OSError as exc:
            raise CommandError(f"Không mở được tệp: {exc}") from exc
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Không nhập được: {len(result.errors)} lỗi, chưa ghi gì.")
        prefix = "Kiểm tra xong (chưa ghi gì)" if options["dry_run"] else "Đã nhập"
        self.stdout.write(
            f"{prefix}: thêm mới {result.created}, cập nhật {result.updated}, "
            f"không đổi {result.unchanged} thủ tục; {result.versions} phiên bản mới."
        )
