"""Django validators over the pure rules of ``cchc.domain.identity``, with the messages people
read, and the password rules of ``AUTH_PASSWORD_VALIDATORS`` in plain Vietnamese."""

from __future__ import annotations

from django.contrib.auth.password_validation import (
    UserAttributeSimilarityValidator,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.domain.identity import CitizenIdProblem, citizen_id_problem
from cchc.org.models import User

MSG_CCCD_FORMAT = _("Số CCCD gồm đúng 12 chữ số.")
MSG_CCCD_PROVINCE = _(
    "Ba chữ số đầu của số CCCD (mã tỉnh nơi đăng ký khai sinh) không đúng. Vui lòng kiểm tra "
    "lại trên thẻ căn cước."
)
MSG_CCCD_BIRTH_YEAR = _(
    "Chữ số thứ 4 đến thứ 6 của số CCCD (thế kỷ, giới tính và năm sinh) không đúng. Vui lòng "
    "kiểm tra lại trên thẻ căn cước."
)
CITIZEN_ID_MESSAGES = {
    CitizenIdProblem.FORMAT: MSG_CCCD_FORMAT,
    CitizenIdProblem.PROVINCE: MSG_CCCD_PROVINCE,
    CitizenIdProblem.BIRTH_YEAR: MSG_CCCD_BIRTH_YEAR,
}

MSG_PASSWORD_TOO_SHORT = _("Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự.")
MSG_PASSWORD_TOO_COMMON = _(
    "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, rất dễ bị đoán. Hãy chọn mật khẩu khác."
)
MSG_PASSWORD_NUMERIC = _("Mật khẩu không được chỉ gồm chữ số.")
MSG_PASSWORD_SIMILAR = _(
    "Mật khẩu quá giống thông tin cá nhân của bạn (họ tên, thư điện tử, số điện thoại, số CCCD)."
)
PASSWORD_MESSAGES = {
    "password_too_short": MSG_PASSWORD_TOO_SHORT,
    "password_too_common": MSG_PASSWORD_TOO_COMMON,
    "password_entirely_numeric": MSG_PASSWORD_NUMERIC,
    "password_too_similar": MSG_PASSWORD_SIMILAR,
}
# Besides Django's defaults (username, names, e-mail): what a citizen is tempted to reuse.
_PERSONAL_ATTRIBUTES = ("full_name", "email", "phone", "citizen_id")


def validate_citizen_id(value: str) -> None:
    """A well-formed CCCD number (``cchc.domain.identity``), judged against today's date."""
    problem = citizen_id_problem(value, today=timezone.localdate())
    if problem is not None:
        raise ValidationError(CITIZEN_ID_MESSAGES[problem], code=f"citizen_id_{problem}")


def validate_citizen_password(password: str, user: User) -> None:
    """``AUTH_PASSWORD_VALIDATORS`` (length, common passwords, all digits, similarity) plus
    similarity to the citizen's own details, each failure in Vietnamese."""
    errors: list[ValidationError] = []
    for validate in (
        lambda: validate_password(password, user),
        lambda: UserAttributeSimilarityValidator(_PERSONAL_ATTRIBUTES).validate(password, user),
    ):
        try:
            validate()
        except ValidationError as error:
            errors.extend(error.error_list)
    messages: list[ValidationError] = []
    seen: set[str] = set()
    for error in errors:
        code = error.code or ""
        if code in seen:
            continue
        seen.add(code)
        if code in PASSWORD_MESSAGES:
            messages.append(
                ValidationError(PASSWORD_MESSAGES[code], code=code, params=error.params)
            )
        else:
            messages.append(error)
    if messages:
        raise ValidationError(messages)
