"""Who may open what: view decorators built on the role rules of ``org.selectors``."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from cchc.org.selectors import is_staff_user


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Officers only: anonymous users go to the sign-in page, citizens get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_staff_user(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
