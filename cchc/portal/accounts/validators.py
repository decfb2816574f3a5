"""The password rules of ``AUTH_PASSWORD_VALIDATORS`` in plain Vietnamese for citizens. The
CCCD validator lives in ``cchc.org.identity`` with the other identification checks."""

from __future__ import annotations

from django.contrib.auth.password_validation import (
    UserAttributeSimilarityValidator,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cchc.org.identity import validate_citizen_id  # noqa: F401 (the accounts forms use it)
from cchc.org.models import User

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
