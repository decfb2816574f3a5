"""Who may open the citizen's dossier pages (STYLE "Access before logic"): a signed-in citizen,
and only their own dossiers — anything else is a 404 that confirms nothing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse

from cchc.dossiers.models import Dossier
from cchc.dossiers.selectors import dossier_get_for_user
from cchc.org.models import User
from cchc.org.selectors import is_staff_user


def portal_login_url() -> str:
    """The portal's sign-in page, or the site's while the portal has none."""
    try:
        return reverse("portal:login")
    except NoReverseMatch:
        return settings.LOGIN_URL


def citizen_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Citizens only: anonymous visitors go to the portal's sign-in page; officer accounts,
    which work for agencies, do not apply through the portal (403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), portal_login_url())
        if is_staff_user(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def own_dossier(user: User, public_id: uuid.UUID | str) -> Dossier:
    """The dossier ``user`` applied for, or ``Http404`` (another's dossier does not exist)."""
    dossier = dossier_get_for_user(user, str(public_id))
    if dossier.applicant_user_id != user.pk:
        raise Http404
    return dossier
