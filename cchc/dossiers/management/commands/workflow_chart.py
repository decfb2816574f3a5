from argparse import ArgumentParser
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cchc.dossiers.workflow_doc import workflow_markdown


class Command(BaseCommand):
    help = "Sinh docs/workflow.md (sơ đồ trạng thái hồ sơ) từ bảng chuyển trạng thái."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--check", action="store_true", help="Chỉ kiểm tra, không ghi")

    def handle(self, *args: object, **options: object) -> None:
        path = Path(settings.BASE_DIR) / "docs" / "workflow.md"
        text = workflow_markdown()
        if options["check"]:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise SystemExit("docs/workflow.md is out of date: run manage.py workflow_chart")
            return
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"Đã ghi {path}")
