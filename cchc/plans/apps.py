from collections.abc import Iterator

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def plan_files() -> Iterator[str]:
    """The stored files of task updates and inspection findings (kept by the sweep of orphan
    uploads)."""
    from cchc.plans.models import Finding, TaskUpdate

    yield from TaskUpdate.objects.exclude(file="").values_list("file", flat=True)
    yield from Finding.objects.exclude(evidence_file="").values_list("evidence_file", flat=True)
    yield from Finding.objects.exclude(closure_file="").values_list("closure_file", flat=True)


class PlansConfig(AppConfig):
    name = "cchc.plans"
    label = "plans"
    verbose_name = _("Kế hoạch, báo cáo, kiểm tra CCHC")

    def ready(self) -> None:
        from cchc.dossiers.uploads import register_upload_references
        from cchc.plans.register_services import document_measures
        from cchc.stats.measures import register_measure_provider

        register_upload_references(plan_files)
        # The electronic-document register's counts as measures of the serving index and the
        # PAR Index's live criteria (``documents_total``, ``documents_electronic``).
        register_measure_provider(document_measures)
