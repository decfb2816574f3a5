"""Who may open the citizen's pages: the one ``citizen_required`` of the portal (account,
dossiers, applying). Anonymous visitors go to the portal's sign-in page; officer accounts,
which work for agencies, are refused (403) with a sentence that says why."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from cchc.org.selectors import is_staff_user

MSG_CITIZENS_ONLY = N_(
    "Trang này dành cho tài khoản công dân trên Cổng dịch vụ công; cán bộ làm việc trên "
    "trang nghiệp vụ."
)


def portal_login_url() -> str:
    """The portal's sign-in page, or the site's while the portal has none."""
    try:
        return reverse("portal:login")
    except NoReverseMatch:
        return settings.LOGIN_URL


def citizen_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Citizens only: anonymous visitors sign in on the portal first; officers (any role but
    citizen, and superusers) get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), portal_login_url())
        if is_staff_user(request.user):
            raise PermissionDenied(_(MSG_CITIZENS_ONLY))
        return view(request, *args, **kwargs)

    return wrapper
