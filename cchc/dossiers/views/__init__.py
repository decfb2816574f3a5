"""Officer pages of the one-stop system (``/can-bo/ho-so/``): intake, worklists, the dossier
page with its actions, and the leader's alerts. Thin views over the services and selectors."""

from cchc.dossiers.views.alerts import alerts_view, notice_read_all_view, notice_read_view
from cchc.dossiers.views.detail import dossier_action_view, dossier_detail_view
from cchc.dossiers.views.files import dossier_file_view, result_file_view
from cchc.dossiers.views.intake import intake_procedures_view, intake_view
from cchc.dossiers.views.payments import payment_refund_view, payment_review_view
from cchc.dossiers.views.worklist import bulk_view, worklist_counts_view, worklist_view

__all__ = [
    "alerts_view",
    "bulk_view",
    "dossier_action_view",
    "dossier_detail_view",
    "dossier_file_view",
    "intake_procedures_view",
    "intake_view",
    "notice_read_all_view",
    "notice_read_view",
    "payment_refund_view",
    "payment_review_view",
    "result_file_view",
    "worklist_counts_view",
    "worklist_view",
]
