"""Every change to a dossier, one function per action (ARCHITECTURE "One door per state
change"): atomic, row-locked, checked against ``cchc.domain.lifecycle``, one event each.
Names are ``dossier_<verb>`` so ``grep dossier_`` finds every operation."""

from cchc.dossiers.services._common import DossierInputError
from cchc.dossiers.services.intake import (
    ApplicantData,
    DocumentData,
    IntakeRequest,
    dossier_accept,
    dossier_create_draft,
    dossier_receive,
    dossier_record_visit,
    dossier_refuse,
    dossier_register,
    dossier_request_supplement,
    dossier_submit,
    dossier_submit_supplement,
    dossier_withdraw,
)
from cchc.dossiers.services.processing import (
    dossier_apologize,
    dossier_approve,
    dossier_confirm_payment,
    dossier_forward,
    dossier_pay,
    dossier_record_shipment,
    dossier_reject,
    dossier_request_payment,
    dossier_return,
    dossier_send_back,
    dossier_stop,
)

__all__ = [
    "ApplicantData",
    "DocumentData",
    "DossierInputError",
    "IntakeRequest",
    "dossier_accept",
    "dossier_apologize",
    "dossier_approve",
    "dossier_confirm_payment",
    "dossier_create_draft",
    "dossier_forward",
    "dossier_pay",
    "dossier_receive",
    "dossier_record_shipment",
    "dossier_record_visit",
    "dossier_refuse",
    "dossier_register",
    "dossier_reject",
    "dossier_request_payment",
    "dossier_request_supplement",
    "dossier_return",
    "dossier_send_back",
    "dossier_stop",
    "dossier_submit",
    "dossier_submit_supplement",
    "dossier_withdraw",
]
