"""Citizen account pages: sign up, sign in, my account, export, erasure, close. Thin views:
check who is asking, validate a form, call one service, render or redirect."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.views import (
    INTERNAL_RESET_SESSION_TOKEN,
    LoginView,
    PasswordResetConfirmView,
    redirect_to_login,
)
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cchc.core.ratelimit import client_ip, hit
from cchc.core.security_log import security_event
from cchc.org.models import User
from cchc.portal.access import citizen_required
from cchc.portal.accounts.forms import (
    CitizenLoginForm,
    CitizenSetPasswordForm,
    CloseAccountForm,
    PasswordChangeForm,
    PasswordResetRequestForm,
    ProfileForm,
    SignupForm,
)
from cchc.portal.accounts.privacy import LEGAL_BASIS, NOTICE_VERSION, privacy_notice
from cchc.portal.accounts.services import (
    AccountInputError,
    account_change_password,
    citizen_close_account,
    citizen_erase,
    citizen_export,
    citizen_request_password_reset,
    citizen_reset_password,
    citizen_send_verification,
    citizen_signup,
    citizen_update_profile,
    citizen_verify_contact,
    erasure_preview,
    password_reset_minutes,
)
from cchc.portal.accounts.verification import CHANNELS, VerificationLinkError, verify_link_hours

# Sign-ups per client address per window: enough for a family or a commune office helping
# people at the counter, too few for scripted account creation.
SIGNUP_LIMIT = 20
SIGNUP_WINDOW = 3600
# Password confirmations for closing an account, per account per window (the form must not
# become a way to guess the password of a signed-in session).
CLOSE_LIMIT = 5
CLOSE_WINDOW = 900
# Password-reset requests: per client address (a page an attacker could script), and per
# e-mail or phone (each request sends a message: nobody's inbox or phone may be flooded).
RESET_LIMIT = 10
RESET_WINDOW = 3600
RESET_PER_ACCOUNT_LIMIT = 3
# Verification links asked for again, per account and channel: each one sends a message.
VERIFY_RESEND_LIMIT = 3
VERIFY_RESEND_WINDOW = 3600
BACKEND = "cchc.portal.accounts.backends.EmailOrPhoneBackend"
MSG_LINK_SENT_EMAIL = N_(
    "Đã gửi liên kết xác minh tới %(to)s. Thông báo về hồ sơ chỉ gửi tới thư điện tử đã xác minh."
)
MSG_LINK_SENT_PHONE = N_(
    "Đã gửi liên kết xác minh tới số %(to)s. Thông báo về hồ sơ chỉ gửi tới số đã xác minh."
)


def _notice_context() -> dict:
    return {
        "notice": privacy_notice(),
        "notice_version": NOTICE_VERSION,
        "notice_legal_basis": LEGAL_BASIS,
    }


def _too_many(request: HttpRequest, retry_after: int) -> HttpResponse:
    minutes = max(1, -(-retry_after // 60))
    response = render(request, "portal/accounts/too_many.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def _apply_error(form: SignupForm | ProfileForm, error: AccountInputError) -> None:
    form.add_error(error.field if error.field in form.fields else None, str(error.message))


@never_cache
@require_http_methods(["GET", "POST"])
def signup_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("portal:account")
    if request.method == "POST":
        retry_after = hit(
            "portal-signup", client_ip(request), limit=SIGNUP_LIMIT, window=SIGNUP_WINDOW
        )
        if retry_after:
            return _too_many(request, retry_after)
        form = SignupForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                user = citizen_signup(
                    profile=form.profile(),
                    citizen_id=data["citizen_id"],
                    password=data["password1"],
                    consent_email=data["notify_email"],
                    consent_sms=data["notify_sms"],
                )
            except AccountInputError as error:
                _apply_error(form, error)
            else:
                login(request, user, backend=BACKEND)
                messages.success(request, _("Đã tạo tài khoản. Chào mừng bạn!"))
                _tell_links_sent(request, user)
                return redirect("portal:account")
    else:
        form = SignupForm()
    return render(request, "portal/accounts/signup.html", {"form": form, **_notice_context()})


class CitizenLoginView(LoginView):
    """Sign in with e-mail, phone or username (axes locks after repeated failures)."""

    template_name = "portal/accounts/login.html"
    authentication_form = CitizenLoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        try:
            return reverse("portal:my_dossiers")
        except NoReverseMatch:  # the dossier pages are optional for this view
            return str(reverse_lazy("portal:account"))


login_view = CitizenLoginView.as_view()


@never_cache
@require_http_methods(["GET", "POST"])
@citizen_required
def account_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, account=user)
        if form.is_valid():
            try:
                updated = citizen_update_profile(
                    user=user,
                    profile=form.profile(),
                    notify_email=form.cleaned_data["notify_email"],
                    notify_sms=form.cleaned_data["notify_sms"],
                )
            except AccountInputError as error:
                _apply_error(form, error)
            else:
                messages.success(request, _("Đã lưu thay đổi."))
                _tell_links_sent(request, updated)
                return redirect("portal:account")
    else:
        form = ProfileForm(account=user)
    contacts = [
        (channel, label, value, verified_at)
        for channel, label, value, verified_at in (
            ("email", _("Thư điện tử"), user.email, user.email_verified_at),
            ("phone", _("Số điện thoại"), user.phone, user.phone_verified_at),
        )
        if value
    ]
    context = {
        "form": form,
        "account": user,
        "contacts": contacts,
        "consents": user.consents.order_by("-at", "-pk")[:20],
        **_notice_context(),
    }
    return render(request, "portal/accounts/account.html", context)


def _tell_links_sent(request: HttpRequest, user: User, sent: tuple[str, ...] = ()) -> None:
    """Say where verification links just went: ``sent``, or what the sign-up or profile
    service left on the account (``verification_links_sent``)."""
    for channel in sent or getattr(user, "verification_links_sent", ()):
        if channel == "email":
            messages.info(request, _(MSG_LINK_SENT_EMAIL) % {"to": user.email})
        else:
            messages.info(request, _(MSG_LINK_SENT_PHONE) % {"to": user.phone})


@never_cache
@require_POST
@citizen_required
def verify_send_view(request: HttpRequest) -> HttpResponse:
    """Send the verification link of one contact again (from the account page)."""
    channel = request.POST.get("channel", "")
    if channel not in CHANNELS:
        messages.error(request, _("Yêu cầu không hợp lệ."))
        return redirect("portal:account")
    user = request.user
    key = f"{user.pk}:{channel}"
    retry_after = hit("portal-verify", key, limit=VERIFY_RESEND_LIMIT, window=VERIFY_RESEND_WINDOW)
    if retry_after:
        return _too_many(request, retry_after)
    if citizen_send_verification(user=user, channel=channel) is None:
        messages.info(request, _("Không có gì cần xác minh."))
    else:
        _tell_links_sent(request, user, (channel,))
    return redirect("portal:account")


@never_cache
@require_GET
def verify_contact_view(request: HttpRequest, token: str) -> HttpResponse:
    """The link of a verification message: works signed in or not, once or many times."""
    try:
        user, channel, _newly = citizen_verify_contact(token=token)
    except VerificationLinkError as error:
        status = 400 if error.reason == "invalid" else 410
        context = {"reason": error.reason, "hours": verify_link_hours()}
        return render(request, "portal/accounts/verify_failed.html", context, status=status)
    context = {"channel": channel, "value": user.email if channel == "email" else user.phone}
    return render(request, "portal/accounts/verify_done.html", context)


@never_cache
@require_GET
@citizen_required
def account_export_view(request: HttpRequest) -> HttpResponse:
    data = citizen_export(user=request.user)
    security_event(
        "export.personal_data",
        request=request,
        export="citizen_own_data",
        dossiers=len(data["dossiers"]),
    )
    body = json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    filename = f"du-lieu-ca-nhan-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@citizen_required
def account_close_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        retry_after = hit("portal-close", str(user.pk), limit=CLOSE_LIMIT, window=CLOSE_WINDOW)
        if retry_after:
            return _too_many(request, retry_after)
        form = CloseAccountForm(request.POST, account=user)
        if form.is_valid():
            citizen_close_account(user=user)
            logout(request)
            return redirect("portal:account_closed")
    else:
        form = CloseAccountForm(account=user)
    return render(request, "portal/accounts/account_close.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
@citizen_required
def account_erase_view(request: HttpRequest) -> HttpResponse:
    """The request for erasure of one's personal data, confirmed with the password."""
    user = request.user
    if request.method == "POST":
        retry_after = hit("portal-close", str(user.pk), limit=CLOSE_LIMIT, window=CLOSE_WINDOW)
        if retry_after:
            return _too_many(request, retry_after)
        form = CloseAccountForm(request.POST, account=user)
        if form.is_valid():
            report = citizen_erase(user=user, request=request)
            logout(request)
            request.session["erasure_report"] = {
                "drafts": report.drafts_removed,
                "kept": report.dossiers_kept,
            }
            return redirect("portal:account_erased")
    else:
        form = CloseAccountForm(account=user)
    context = {"form": form, "preview": erasure_preview(user=user)}
    return render(request, "portal/accounts/account_erase.html", context)


@never_cache
@require_GET
def account_erased_view(request: HttpRequest) -> HttpResponse:
    context = {"report": request.session.pop("erasure_report", None)}
    return render(request, "portal/accounts/account_erased.html", context)


@require_GET
def account_closed_view(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accounts/account_closed.html")


# --- forgotten password ------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def password_reset_view(request: HttpRequest) -> HttpResponse:
    """Ask for a reset link by e-mail address or phone number. The answer is the same whether
    or not an account matches, so the page tells nobody who has an account."""
    if request.method == "POST":
        retry_after = hit(
            "portal-reset", client_ip(request), limit=RESET_LIMIT, window=RESET_WINDOW
        )
        if retry_after:
            return _too_many(request, retry_after)
        form = PasswordResetRequestForm(request.POST)
        if form.is_valid():
            identifier = form.cleaned_data["identifier"]
            # Over the per-identifier limit nothing more is sent, and the page says the same.
            if not hit(
                "portal-reset-id", identifier, limit=RESET_PER_ACCOUNT_LIMIT, window=RESET_WINDOW
            ):
                citizen_request_password_reset(identifier=identifier)
            request.session["password_reset_channel"] = "email" if "@" in identifier else "sms"
            return redirect("portal:password_reset_sent")
    else:
        form = PasswordResetRequestForm()
    return render(request, "portal/accounts/password_reset.html", {"form": form})


@never_cache
@require_GET
def password_reset_sent_view(request: HttpRequest) -> HttpResponse:
    context = {
        "channel": request.session.get("password_reset_channel", "email"),
        "minutes": password_reset_minutes(),
    }
    return render(request, "portal/accounts/password_reset_sent.html", context)


class CitizenPasswordResetConfirmView(PasswordResetConfirmView):
    """Django's one-time link check (the token moves from the address into the session
    before the form is shown, so it never leaks in a Referer), for open citizen accounts only,
    with the sign-up password rules and the reset done by ``citizen_reset_password``."""

    form_class = CitizenSetPasswordForm
    template_name = "portal/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password_reset_done")
    reset_url_token = "dat-mat-khau"

    def get_user(self, uidb64: str) -> User | None:
        try:
            pk = int(force_str(urlsafe_base64_decode(uidb64)))
        except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
            return None
        return User.objects.filter(pk=pk, role=User.Role.CITIZEN, is_active=True).first()

    def form_valid(self, form: CitizenSetPasswordForm) -> HttpResponse:
        try:
            citizen_reset_password(user=self.user, password=form.cleaned_data["new_password1"])
        except AccountInputError:  # closed since the link was opened: the link is dead
            self.validlink = False
            return self.render_to_response(self.get_context_data(), status=409)
        finally:
            self.request.session.pop(INTERNAL_RESET_SESSION_TOKEN, None)
        return redirect(self.success_url)


password_reset_confirm_view = CitizenPasswordResetConfirmView.as_view()


@require_GET
def password_reset_done_view(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accounts/password_reset_done.html")


# --- changing one's password ---------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def password_change_view(request: HttpRequest, *, portal: bool) -> HttpResponse:
    """Change one's own password, citizen (``portal``: the portal's layout and sign-in page)
    or officer. The session it is done from stays signed in; every other one ends."""
    user = request.user
    if not user.is_authenticated:
        login_url = reverse("portal:login") if portal else None
        return redirect_to_login(request.get_full_path(), login_url)
    if request.method == "POST":
        # Each POST checks the current password: the page must not become a way to guess it.
        retry_after = hit("password-change", str(user.pk), limit=CLOSE_LIMIT, window=CLOSE_WINDOW)
        if retry_after:
            return _too_many(request, retry_after)
        form = PasswordChangeForm(user, request.POST)
        if form.is_valid():
            try:
                user = account_change_password(
                    user=user,
                    old_password=form.cleaned_data["old_password"],
                    password=form.cleaned_data["new_password1"],
                )
            except AccountInputError as error:
                form.add_error(error.field, str(error.message))
            else:
                update_session_auth_hash(request, user)
                messages.success(request, _("Đã đổi mật khẩu."))
                return redirect("portal:account" if portal else "home")
    else:
        form = PasswordChangeForm(user)
    base = "portal/base.html" if portal else "base.html"
    return render(
        request, "portal/accounts/password_change.html", {"form": form, "base_template": base}
    )
