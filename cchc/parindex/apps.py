from collections.abc import Iterator

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def evidence_files() -> Iterator[str]:
    """The stored files of evidence and remediation tasks (kept by the sweep of orphan
    uploads)."""
    from cchc.parindex.models import Evidence, RemediationTask

    yield from Evidence.objects.exclude(file="").values_list("file", flat=True)
    yield from RemediationTask.objects.exclude(evidence_file="").values_list(
        "evidence_file", flat=True
    )


class ParIndexConfig(AppConfig):
    name = "cchc.parindex"
    label = "parindex"
    verbose_name = _("Chỉ số cải cách hành chính")

    def ready(self) -> None:
        from cchc.dossiers.uploads import register_upload_references

        register_upload_references(evidence_files)
