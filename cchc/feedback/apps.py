from collections.abc import Iterator

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def attachment_files() -> Iterator[str]:
    """The stored files of feedback attachments (kept by the sweep of orphan uploads)."""
    from cchc.feedback.models import FeedbackAttachment

    yield from FeedbackAttachment.objects.exclude(file="").values_list("file", flat=True)


class FeedbackConfig(AppConfig):
    name = "cchc.feedback"
    label = "feedback"
    verbose_name = _("Phản ánh, kiến nghị")

    def ready(self) -> None:
        from cchc.dossiers.uploads import register_upload_references

        register_upload_references(attachment_files)
