"""Forms of the citizen account pages. They validate input and hand plain values to the
services; passwords are never rendered back into a page. Every text field refuses control
characters (``cchc.core.validation``); passwords are left as typed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import CleanTextFormMixin
from cchc.org.forms import LockoutMessageMixin
from cchc.org.models import PHONE_VALIDATOR, User
from cchc.portal.accounts.backends import normalize_identifier, normalize_phone
from cchc.portal.accounts.services import (
    MSG_CONTACT_REQUIRED,
    MSG_EMAIL_FOR_NOTICES,
    MSG_EMAIL_TAKEN,
    MSG_PHONE_FOR_NOTICES,
    MSG_PHONE_TAKEN,
    ProfileData,
    email_taken,
    phone_taken,
)
from cchc.portal.accounts.validators import validate_citizen_id, validate_citizen_password

MSG_PASSWORD_MISMATCH = _("Hai lần nhập mật khẩu không khớp nhau.")
MSG_WRONG_PASSWORD = _("Mật khẩu không đúng.")
MSG_LOGIN_INVALID = _(
    "Thông tin đăng nhập hoặc mật khẩu không đúng. Sau %(limit)s lần sai liên tiếp, tài khoản "
    "bị tạm khoá %(minutes)s phút."
)
MSG_EMAIL_INVALID = _("Thư điện tử không đúng định dạng, ví dụ: ten@example.vn.")
MSG_REQUIRED = _("Vui lòng nhập thông tin này.")
MSG_SAME_PASSWORD = _("Mật khẩu mới phải khác mật khẩu hiện tại.")
MSG_IDENTIFIER_INVALID = _(
    "Vui lòng nhập thư điện tử (ví dụ: ten@example.vn) hoặc số điện thoại di động 10 chữ số "
    "đã dùng khi đăng ký."
)


PASSWORD_HELP = _(
    "Ít nhất 12 ký tự, không phải mật khẩu phổ biến, không chỉ gồm chữ số. Một câu ngắn dễ nhớ "
    "là lựa chọn tốt."
)


def _new_password(label: str, help_text: str = "") -> Any:
    return forms.CharField(
        label=label,
        help_text=help_text,
        strip=False,
        error_messages={"required": MSG_REQUIRED},
        widget=forms.PasswordInput(attrs={"class": "form-control", "autocomplete": "new-password"}),
    )


def check_new_password(form: forms.Form, first: str, second: str, account: User) -> None:
    """The two typings of a new password match and the password keeps the citizen rules for
    ``account`` (each failure attached to the field, in Vietnamese)."""
    password1, password2 = form.cleaned_data.get(first), form.cleaned_data.get(second)
    if password1 and password2 and password1 != password2:
        form.add_error(second, ValidationError(MSG_PASSWORD_MISMATCH, code="mismatch"))
    elif password1:
        try:
            validate_citizen_password(password1, account)
        except ValidationError as error:
            form.add_error(first, error)


def _text(label: str, *, autocomplete: str, required: bool = True, max_length: int = 255) -> Any:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={"required": MSG_REQUIRED},
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": autocomplete}),
    )


class ContactFieldsMixin(CleanTextFormMixin, forms.Form):
    """Name, address, e-mail and phone, shared by sign-up and the profile form."""

    full_name = _text(_("Họ và tên"), autocomplete="name", max_length=150)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        error_messages={"invalid": MSG_EMAIL_INVALID},
        widget=forms.EmailInput(attrs={"class": "form-control", "autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Số điện thoại"),
        required=False,
        max_length=20,
        help_text=_("10 chữ số, bắt đầu bằng số 0."),
        widget=forms.TextInput(
            attrs={"class": "form-control", "autocomplete": "tel", "inputmode": "tel"}
        ),
    )
    address = _text(_("Địa chỉ"), autocomplete="street-address")

    # The user whose own e-mail and phone do not count as "taken" (None at sign-up).
    account: User | None = None

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if email_taken(email, exclude=self.account):
            raise ValidationError(MSG_EMAIL_TAKEN, code="email_taken")
        return email

    def clean_phone(self) -> str:
        phone = normalize_phone(self.cleaned_data["phone"])
        if phone:
            PHONE_VALIDATOR(phone)
            if phone_taken(phone, exclude=self.account):
                raise ValidationError(MSG_PHONE_TAKEN, code="phone_taken")
        return phone

    def clean(self) -> dict:
        cleaned = super().clean()
        email, phone = cleaned.get("email"), cleaned.get("phone")
        if not email and not phone and "email" not in self.errors and "phone" not in self.errors:
            self.add_error("email", ValidationError(MSG_CONTACT_REQUIRED, code="contact"))
        if cleaned.get("notify_email") and not email and "email" not in self.errors:
            self.add_error("notify_email", ValidationError(MSG_EMAIL_FOR_NOTICES))
        if cleaned.get("notify_sms") and not phone and "phone" not in self.errors:
            self.add_error("notify_sms", ValidationError(MSG_PHONE_FOR_NOTICES))
        return cleaned

    def profile(self) -> ProfileData:
        data = self.cleaned_data
        return ProfileData(
            full_name=data["full_name"],
            address=data["address"],
            email=data.get("email") or "",
            phone=data.get("phone") or "",
        )


class SignupForm(ContactFieldsMixin):
    citizen_id = forms.CharField(
        label=_("Số định danh cá nhân (số CCCD)"),
        max_length=20,
        error_messages={"required": MSG_REQUIRED},
        help_text=_("12 chữ số in trên thẻ căn cước."),
        widget=forms.TextInput(
            attrs={"class": "form-control", "inputmode": "numeric", "autocomplete": "off"}
        ),
    )
    password1 = _new_password(_("Mật khẩu"), PASSWORD_HELP)
    password2 = _new_password(_("Nhập lại mật khẩu"))
    # Consent is the basis for notifications: the boxes start unticked (Law 91/2025).
    notify_email = forms.BooleanField(
        label=_("Tôi đồng ý nhận thông báo về hồ sơ qua thư điện tử."),
        required=False,
        initial=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    notify_sms = forms.BooleanField(
        label=_("Tôi đồng ý nhận thông báo về hồ sơ qua tin nhắn SMS."),
        required=False,
        initial=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    field_order = [
        "full_name",
        "citizen_id",
        "email",
        "phone",
        "address",
        "password1",
        "password2",
        "notify_email",
        "notify_sms",
    ]

    def clean_citizen_id(self) -> str:
        value = "".join(self.cleaned_data["citizen_id"].split())
        validate_citizen_id(value)
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        candidate = User(
            username=cleaned.get("email") or cleaned.get("phone") or "",
            full_name=cleaned.get("full_name") or "",
            email=cleaned.get("email") or "",
            phone=cleaned.get("phone") or "",
            citizen_id=cleaned.get("citizen_id") or "",
        )
        check_new_password(self, "password1", "password2", candidate)
        return cleaned


class ProfileForm(ContactFieldsMixin):
    notify_email = forms.BooleanField(
        label=_("Nhận thông báo về hồ sơ qua thư điện tử"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    notify_sms = forms.BooleanField(
        label=_("Nhận thông báo về hồ sơ qua tin nhắn SMS"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args: Any, account: User, **kwargs: Any) -> None:
        self.account = account
        kwargs.setdefault(
            "initial",
            {
                "full_name": account.full_name,
                "email": account.email,
                "phone": account.phone,
                "address": account.address,
                "notify_email": account.notify_email,
                "notify_sms": account.notify_sms,
            },
        )
        super().__init__(*args, **kwargs)


class CitizenLoginForm(LockoutMessageMixin, CleanTextFormMixin, AuthenticationForm):
    """E-mail, phone number or username, and password."""

    error_messages = {
        "invalid_login": MSG_LOGIN_INVALID,
        "inactive": _("Tài khoản này đã bị khoá hoặc đã đóng."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Thư điện tử, số điện thoại hoặc tên đăng nhập")
        self.fields["username"].error_messages["required"] = MSG_REQUIRED
        self.fields["password"].label = _("Mật khẩu")
        self.fields["password"].error_messages["required"] = MSG_REQUIRED
        self.fields["username"].widget = forms.TextInput(
            attrs={"autocomplete": "username", "autofocus": True, "class": "form-control"}
        )
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "form-control"}
        )

    def clean_username(self) -> str:
        # Canonical before authenticate(): axes counts failures per identifier as given.
        return normalize_identifier(self.cleaned_data["username"])


class CloseAccountForm(CleanTextFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Nhập mật khẩu để xác nhận"),
        strip=False,
        error_messages={"required": MSG_REQUIRED},
        widget=forms.PasswordInput(
            attrs={"class": "form-control", "autocomplete": "current-password"}
        ),
    )

    def __init__(self, *args: Any, account: User, **kwargs: Any) -> None:
        self.account = account
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.account.check_password(password):
            raise ValidationError(MSG_WRONG_PASSWORD, code="wrong_password")
        return password


class PasswordResetRequestForm(CleanTextFormMixin, forms.Form):
    """The e-mail address or phone number of the account whose password was forgotten."""

    identifier = forms.CharField(
        label=_("Thư điện tử hoặc số điện thoại đã đăng ký"),
        max_length=254,
        error_messages={"required": MSG_REQUIRED},
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autofocus": True, "class": "form-control"}
        ),
    )

    def clean_identifier(self) -> str:
        value = normalize_identifier(self.cleaned_data["identifier"])
        if "@" in value:
            try:
                forms.EmailField().clean(value)
            except ValidationError as error:
                raise ValidationError(MSG_IDENTIFIER_INVALID, code="invalid") from error
        elif not PHONE_VALIDATOR.regex.fullmatch(value):
            raise ValidationError(MSG_IDENTIFIER_INVALID, code="invalid")
        return value


class CitizenSetPasswordForm(CleanTextFormMixin, forms.Form):
    """A new password from a reset link, checked by the same rules as at sign-up. Takes the
    account as its first argument, as Django's reset view passes it."""

    new_password1 = _new_password(_("Mật khẩu mới"), PASSWORD_HELP)
    new_password2 = _new_password(_("Nhập lại mật khẩu mới"))

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        cleaned = super().clean()
        check_new_password(self, "new_password1", "new_password2", self.user)
        return cleaned


class PasswordChangeForm(CitizenSetPasswordForm):
    """The current password, then a new one by the same rules as at sign-up."""

    old_password = forms.CharField(
        label=_("Mật khẩu hiện tại"),
        strip=False,
        error_messages={"required": MSG_REQUIRED},
        widget=forms.PasswordInput(
            attrs={"class": "form-control", "autocomplete": "current-password", "autofocus": True}
        ),
    )

    field_order = ["old_password", "new_password1", "new_password2"]

    def clean(self) -> dict:
        cleaned = super().clean()
        old, new = cleaned.get("old_password"), cleaned.get("new_password1")
        if old and new and old == new:
            self.add_error("new_password1", ValidationError(MSG_SAME_PASSWORD, code="same"))
        return cleaned
