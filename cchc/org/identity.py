"""The checks on a person's or organisation's identification and phone number, with the
messages people read — one place for the counter's intake form, the portal's forms, the
citizen sign-up and the API. The rules themselves are pure (``cchc.domain.identity``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.domain.identity import (
    ApplicantIdProblem,
    applicant_id_problem,
    normalize_phone,
    phone_ok,
)

MSG_PHONE = _("Số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.")
MSG_CCCD_FORMAT = _("Số CCCD gồm đúng 12 chữ số.")
MSG_CCCD_PROVINCE = _(
    "Ba chữ số đầu của số CCCD (mã tỉnh nơi đăng ký khai sinh) không đúng. Vui lòng kiểm tra "
    "lại trên thẻ căn cước."
)
MSG_CCCD_BIRTH_YEAR = _(
    "Chữ số thứ 4 đến thứ 6 của số CCCD (thế kỷ, giới tính và năm sinh) không đúng. Vui lòng "
    "kiểm tra lại trên thẻ căn cước."
)
MSG_TAX_CODE = _("Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với chi nhánh (ví dụ 0101234567-001).")

APPLICANT_ID_MESSAGES = {
    ApplicantIdProblem.CITIZEN_ID_FORMAT: MSG_CCCD_FORMAT,
    ApplicantIdProblem.CITIZEN_ID_PROVINCE: MSG_CCCD_PROVINCE,
    ApplicantIdProblem.CITIZEN_ID_BIRTH_YEAR: MSG_CCCD_BIRTH_YEAR,
    ApplicantIdProblem.TAX_CODE: MSG_TAX_CODE,
}


def applicant_id_message(kind: str, number: str) -> str | None:
    """The message for a malformed CCCD (person) or tax code (organisation), else ``None``."""
    problem = applicant_id_problem(kind, number, today=timezone.localdate())
    return None if problem is None else str(APPLICANT_ID_MESSAGES[problem])


def validate_citizen_id(value: str) -> None:
    """Django validator: a well-formed CCCD number, judged against today's date."""
    problem = applicant_id_problem("person", value, today=timezone.localdate())
    if problem is not None:
        raise ValidationError(APPLICANT_ID_MESSAGES[problem], code=problem.value)


def clean_phone(raw: str) -> str:
    """The normalised phone number, or ``ValidationError`` with the Vietnamese message."""
    phone = normalize_phone(raw)
    if not phone_ok(phone):
        raise ValidationError(MSG_PHONE, code="phone")
    return phone
