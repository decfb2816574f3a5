"""The electronic receipt (biên lai điện tử) of an online payment, as a printable page and as
a PDF rendered by WeasyPrint with the official forms' fonts and layout
(``cchc.dossiers.printing``, ``dossiers/print/base.html``). Reads only."""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from cchc.core.templatetags.vn import vn_datetime
from cchc.domain.money import vnd_in_words
from cchc.domain.workdays import VN_TZ
from cchc.dossiers import printing
from cchc.dossiers.models import Payment
from cchc.dossiers.payments.gateway import GATEWAYS, get_gateway
from cchc.org.models import Agency

MSG_NO_RECEIPT = N_("Giao dịch này chưa được thanh toán nên chưa có biên lai.")
TEMPLATE_PDF = "portal/payments/payment_receipt_print.html"


class ReceiptNotAvailable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _gateway_label(provider: str) -> str:
    if provider in GATEWAYS:
        return str(get_gateway(provider).label)
    return provider


def _heading(agency: Agency) -> dict:
    """The issuing agency in the national heading's left column (as on the official forms)."""
    parent = agency.parent if agency.parent_id else None
    return {"parent": parent.name.upper() if parent else "", "name": agency.name.upper()}


def receipt_context(payment: Payment) -> dict:
    """What a receipt shows. ``ReceiptNotAvailable`` unless the payment is a paid online
    payment."""
    if payment.state != Payment.State.PAID or payment.method != Payment.Method.ONLINE:
        raise ReceiptNotAvailable(_(MSG_NO_RECEIPT))
    dossier = payment.dossier
    snapshot = dossier.procedure_version.snapshot
    paid_at = payment.paid_at.astimezone(VN_TZ) if payment.paid_at else None
    lines = list(dossier.fee_lines.order_by("id"))
    return {
        "payment": payment,
        "dossier": dossier,
        "reference": dossier.reference,
        "receipt_number": payment.receipt_number,
        "payer_name": dossier.applicant_name,
        "payer_address": dossier.applicant_address,
        "procedure_name": snapshot.get("name") or dossier.procedure.name,
        "procedure_code": snapshot.get("code") or dossier.procedure.code,
        "agency": dossier.receiving_agency,
        "fee_lines": lines,
        "fees_total": sum(line.amount_vnd for line in lines),
        "amount": payment.amount_vnd,
        "amount_in_words": vnd_in_words(payment.amount_vnd),
        "paid_at_text": vn_datetime(paid_at) if paid_at else "",
        "gateway_label": _gateway_label(payment.provider),
        "provider_ref": payment.provider_ref,
    }


def render_receipt_pdf(payment: Payment) -> bytes:
    """The receipt as PDF (Vietnamese whatever the reader's interface language)."""
    with translation.override("vi"):
        context = receipt_context(payment)
        dossier = payment.dossier
        context.update(
            heading=_heading(dossier.receiving_agency),
            place_date=printing.place_date_text(payment.paid_at or dossier.created_at),
            fonts=printing.font_faces(),
        )
        html = render_to_string(TEMPLATE_PDF, context)
    return printing.html_to_pdf(html)


def receipt_filename(payment: Payment) -> str:
    """``bien-lai-BL-20250306-000001.pdf``: ASCII only, safe in a header."""
    number = re.sub(r"[^A-Za-z0-9._-]+", "-", payment.receipt_number).strip("-.") or "giao-dich"
    return f"bien-lai-{number}.pdf"
