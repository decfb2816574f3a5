"""The reconciliation form: closing a flagged online payment once the money is back."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.dossiers.forms._base import StyledForm


class RefundForm(StyledForm):
    note = forms.CharField(
        label=_("Chứng từ hoàn tiền"),
        max_length=200,
        help_text=_("Số, ngày của chứng từ hoàn tiền hoặc mã giao dịch hoàn của cổng thanh toán."),
    )
