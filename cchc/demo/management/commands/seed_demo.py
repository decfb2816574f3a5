from argparse import ArgumentParser

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cchc.demo.seed import DEMO_ADMIN_OTP_SECRET, DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu tỉnh mẫu (cơ quan, thủ tục, tài khoản demo). Chạy lại không tạo trùng."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Cho phép chạy khi CCHC_DEBUG=false (tài khoản demo có mật khẩu công khai!)",
        )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "Dữ liệu demo có mật khẩu công khai: chỉ nạp khi CCHC_DEBUG=true "
                "(hoặc thêm --allow-production nếu thật sự muốn)."
            )
        report = seed_demo(progress=lambda step: self.stdout.write(f"  {step}"))
        self.stdout.write(
            f"Tỉnh mẫu: thêm {report.agencies_created} cơ quan, {report.procedures_created} "
            f"thủ tục, {report.users_created} tài khoản, {report.dossiers_created} hồ sơ mẫu, "
            f"{report.feedback_created} phản ánh, kiến nghị mẫu."
        )
        self.stdout.write("")
        self.stdout.write(f"Tài khoản demo (mật khẩu chung: {DEMO_PASSWORD})")
        for login in report.logins:
            where = f" — {login.agency}" if login.agency else ""
            self.stdout.write(f"  {login.username:<18} {login.role}{where}")
        self.stdout.write("")
        self.stdout.write(
            "demo.admin xác thực hai bước sau mật khẩu: mã 6 chữ số từ ứng dụng xác thực với "
            f"khoá {DEMO_ADMIN_OTP_SECRET}, hoặc chạy `make demo-otp` để in mã hiện tại."
        )
        self.stdout.write("")
        self.stdout.write("Mở http://127.0.0.1:8000 — quản trị: http://127.0.0.1:8000/admin/")
