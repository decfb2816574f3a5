"""Pages of the two-step sign-in (``cchc.org.twofactor``): enrol a device, enter a code, and an
officer's page to turn it on or off. Thin views: check who asks, call the module, render."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cchc.core.validation import CleanTextFormMixin
from cchc.org import twofactor
from cchc.org.permissions import staff_required

QR_LABEL = gettext_noop("Mã QR chứa khoá bí mật để thêm tài khoản vào ứng dụng xác thực")


class CodeForm(CleanTextFormMixin, forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Mã xác thực (6 chữ số)"),
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "class": "form-control form-control-lg otp-code",
            }
        ),
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return str(settings.LOGIN_REDIRECT_URL)


def _refused(form: CodeForm, error: twofactor.CodeRefused) -> None:
    form.add_error("token", _(error.message) % error.params if error.params else _(error.message))


@never_cache
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    """First time: scan the QR code (or type the secret) into an authenticator app, then enter
    the code it shows."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not twofactor.may_enrol(user):
        raise PermissionDenied
    if twofactor.confirmed_device(user) is not None:
        return redirect("otp_manage" if user.is_verified() else "otp_verify")
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            twofactor.enrol(request, device, form.cleaned_data["token"])
        except twofactor.CodeRefused as error:
            _refused(form, error)
        else:
            messages.success(request, _("Đã bật xác thực hai bước cho tài khoản."))
            return redirect(_next_url(request))
    context = {
        "form": form,
        "qr_svg": twofactor.qr_svg(device.config_url, _(QR_LABEL)),
        "secret": twofactor.secret_text(device),
        "required": twofactor.is_administrator(user),
        "next": _next_url(request),
    }
    return render(request, "org/otp_enrol.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def verify_view(request: HttpRequest) -> HttpResponse:
    """After the password: the code from the authenticator app."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if user.is_verified():
        return redirect(_next_url(request))
    if twofactor.confirmed_device(user) is None:
        return redirect("otp_enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            twofactor.verify(request, form.cleaned_data["token"])
        except twofactor.CodeRefused as error:
            _refused(form, error)
        else:
            return redirect(_next_url(request))
    status = 200 if not form.errors else 400
    context = {"form": form, "next": _next_url(request)}
    return render(request, "org/otp_verify.html", context, status=status)


@never_cache
@require_http_methods(["GET"])
@staff_required
def manage_view(request: HttpRequest) -> HttpResponse:
    """An officer's page: whether the two-step sign-in is on, to turn it on or off."""
    user = request.user
    device = twofactor.confirmed_device(user)
    context = {
        "device": device,
        "required": twofactor.is_administrator(user),
        "form": CodeForm(),
    }
    return render(request, "org/otp_manage.html", context)


@never_cache
@require_POST
@staff_required
def remove_view(request: HttpRequest) -> HttpResponse:
    """An officer turns the two-step sign-in off, giving a current code. Administrators cannot:
    for them it is required (another administrator removes a lost phone's device)."""
    user = request.user
    if twofactor.is_administrator(user):
        raise PermissionDenied
    device = twofactor.confirmed_device(user)
    if device is None:
        return redirect("otp_manage")
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            twofactor.check_code(request, device, form.cleaned_data["token"], "otp.remove")
        except twofactor.CodeRefused as error:
            _refused(form, error)
        else:
            twofactor.remove(user=user, request=request)
            messages.success(request, _("Đã tắt xác thực hai bước."))
            return redirect("otp_manage")
    context = {"device": device, "required": False, "form": form}
    return render(request, "org/otp_manage.html", context, status=400)
