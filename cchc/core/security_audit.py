"""The security events the platform records by itself, wherever the action starts.

Sign-ins are written from Django's ``user_logged_in`` / ``user_login_failed`` /
``user_logged_out`` signals and axes' ``user_locked_out``: every sign-in form (officers'
``/tai-khoan/``, citizens' ``/dich-vu-cong/tai-khoan/``, ``/admin/login/``) goes through
``authenticate()`` and ``login()``, so none is missed. Changes of a user's privileges (role,
agency, staff, superuser, active, groups and permissions) and passwords are found by comparing
the row before and after each save — whoever saves it: the admin site, a portal page, a
management command. Admin actions are the admin's own ``LogEntry`` rows, each written out as it
is created.

Model signals carry no request: :class:`RequestContextMiddleware` keeps the current one in a
context variable so that these lines still say who acted and from which address. Out of a
request (a command, a job) they say neither — the line's ``path`` is then empty.

Signals are used here, against the house's habit, because the audit must not depend on every
door remembering to call it; nothing here changes any state.
"""

from __future__ import annotations

import contextvars
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from cchc.core.ratelimit import client_ip
from cchc.core.security_log import DENIED, FAILURE, SUCCESS, security_event

_current_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "cchc_security_request", default=None
)

# The user fields whose change is a change of what the person may do.
PRIVILEGE_FIELDS = ("role", "agency_id", "is_staff", "is_superuser", "is_active")
_WATCHED = (*PRIVILEGE_FIELDS, "password")
_BEFORE = "_cchc_security_before"


class RequestContextMiddleware:
    """Keeps the request being served where model signals can find it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def current_request() -> HttpRequest | None:
    return _current_request.get()


def _acting_user(request: HttpRequest | None) -> Any:
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


# --- sign-in, sign-out, lockout ----------------------------------------------------------------


def _attempted(credentials: dict | None) -> str:
    """The name a failed sign-in tried (never the password, which Django has masked)."""
    credentials = credentials or {}
    for key in ("username", "email", "identifier", "login"):
        value = credentials.get(key)
        if value:
            return str(value)
    return ""


def on_logged_in(sender: object, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    security_event("auth.login", request=request, user=user)


def on_login_failed(
    sender: object, credentials: dict | None = None, request: HttpRequest | None = None, **kw: Any
) -> None:
    security_event(
        "auth.login",
        request=request,
        outcome=FAILURE,
        attempted=_attempted(credentials),
        # axes has already counted this failure: true when the name (or the address) is
        # locked now, whether by this try or before it.
        locked=bool(getattr(request, "axes_locked_out", False)),
    )


def on_locked_out(
    sender: object, request: HttpRequest | None = None, username: str | None = None, **kw: Any
) -> None:
    security_event("auth.lockout", request=request, outcome=DENIED, attempted=username or "")


def on_logged_out(
    sender: object, request: HttpRequest | None = None, user: Any = None, **kw: Any
) -> None:
    security_event("auth.logout", request=request, user=user)


# --- users: privileges and passwords -----------------------------------------------------------


def on_user_pre_save(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.pk is None:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not set(update_fields) & {
        *_WATCHED,
        "agency",
    }:
        return  # e.g. last_login on sign-in: nothing watched can change
    before = sender._base_manager.filter(pk=instance.pk).values(*_WATCHED).first()
    setattr(instance, _BEFORE, before)


def _change_text(before: dict, after: dict) -> str:
    return "; ".join(f"{name}: {before[name]} → {after[name]}" for name in after)


def on_user_post_save(
    sender: type, instance: Any, created: bool, raw: bool = False, **kw: Any
) -> None:
    if raw:
        return
    request = current_request()
    actor = _acting_user(request)
    target = {"target": instance.username, "target_id": instance.pk}
    if created:
        security_event(
            "account.create",
            request=request,
            user=actor,
            role=getattr(instance, "role", ""),
            is_staff=instance.is_staff,
            is_superuser=instance.is_superuser,
            **target,
        )
        return
    before = instance.__dict__.pop(_BEFORE, None)
    if before is None:
        return
    after = {name: getattr(instance, name) for name in PRIVILEGE_FIELDS}
    changed = {name: value for name, value in after.items() if before[name] != value}
    if changed:
        security_event(
            "account.role_change",
            request=request,
            user=actor,
            changes=_change_text(before, changed),
            **target,
        )
    if before["password"] != instance.password:
        # Changed by its owner (signed in as themselves), else reset: by a link sent to the
        # owner (nobody signed in) or by an administrator (the actor).
        own = actor is not None and actor.pk == instance.pk
        event = "account.password_change" if own else "account.password_reset"
        security_event(event, request=request, user=actor, **target)


def on_user_m2m_changed(
    sender: type, instance: Any, action: str, reverse: bool, model: type, pk_set: Any, **kw: Any
) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    request = current_request()
    relation = "groups" if model._meta.model_name == "group" else "permissions"
    security_event(
        "account.permission_change",
        request=request,
        user=_acting_user(request),
        target=instance.username,
        target_id=instance.pk,
        relation=relation,
        action=action.removeprefix("post_"),
        ids=",".join(str(pk) for pk in sorted(pk_set or ())),
    )


# --- the admin site ----------------------------------------------------------------------------

_ADMIN_ACTIONS = {1: "admin.add", 2: "admin.change", 3: "admin.delete"}


def on_log_entry_saved(
    sender: type, instance: Any, created: bool, raw: bool = False, **kw: Any
) -> None:
    if raw or not created:
        return
    content_type = instance.content_type
    security_event(
        _ADMIN_ACTIONS.get(instance.action_flag, "admin.action"),
        request=current_request(),
        user=instance.user,
        model=f"{content_type.app_label}.{content_type.model}" if content_type else "",
        object_id=str(instance.object_id or ""),
        object=instance.object_repr,
        change=instance.get_change_message(),
    )


# --- API tokens --------------------------------------------------------------------------------


def api_token_event(request: HttpRequest, raw: str, user: Any) -> None:
    """Record a use of an API token: every refused one (per client address, and at most once
    per ``CCHC_API_TOKEN_LOG_MINUTES``, so a scanner cannot flood the log) and each accepted
    one at most once per token per ``CCHC_API_TOKEN_LOG_MINUTES``. The line names the token by
    its stored hint (its first 12 characters), never the secret."""
    window = max(settings.CCHC_API_TOKEN_LOG_MINUTES, 0) * 60
    if user is not None:
        key = "seclog:token:" + hashlib.sha256(raw.encode()).hexdigest()[:32]
    else:
        key = "seclog:token-refused:" + (security_address(request) or "-")
    if window and not cache.add(key, 1, timeout=window):
        return
    security_event(
        "api.token",
        request=request,
        user=user,
        outcome=SUCCESS if user is not None else FAILURE,
        token=raw[:12] if user is not None else "",
        window_minutes=window // 60,
    )


def security_address(request: HttpRequest) -> str:
    return client_ip(request)


# --- deployment check ------------------------------------------------------------------------


def check_security_log_retention(app_configs: object = None, **kwargs: object) -> list:
    """``check --deploy``: the log must be kept at least 12 months (Decree 331/2026 Art.
    13.2(b)); 366 days covers a leap year."""
    from django.core.checks import Error

    if settings.CCHC_SECURITY_LOG_DAYS >= 366:
        return []
    return [
        Error(
            f"CCHC_SECURITY_LOG_DAYS={settings.CCHC_SECURITY_LOG_DAYS}: the security log must "
            "be kept at least 12 months.",
            hint="Set CCHC_SECURITY_LOG_DAYS to 366 or more (default 400).",
            id="seclog.E001",
        )
    ]


# --- wiring ------------------------------------------------------------------------------------


def connect() -> None:
    """Connect the receivers (``CoreConfig.ready``); idempotent through ``dispatch_uid``."""
    from axes.signals import user_locked_out
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
    from django.core.checks import Tags, register
    from django.db.models.signals import m2m_changed, post_save, pre_save

    user_model = get_user_model()
    user_logged_in.connect(on_logged_in, dispatch_uid="seclog-login")
    user_login_failed.connect(on_login_failed, dispatch_uid="seclog-login-failed")
    user_logged_out.connect(on_logged_out, dispatch_uid="seclog-logout")
    user_locked_out.connect(on_locked_out, dispatch_uid="seclog-lockout")
    pre_save.connect(on_user_pre_save, sender=user_model, dispatch_uid="seclog-user-pre")
    post_save.connect(on_user_post_save, sender=user_model, dispatch_uid="seclog-user-post")
    for relation in (user_model.groups.through, user_model.user_permissions.through):
        m2m_changed.connect(on_user_m2m_changed, sender=relation, dispatch_uid=f"seclog-{relation}")
    post_save.connect(on_log_entry_saved, sender=LogEntry, dispatch_uid="seclog-admin")
    register(check_security_log_retention, Tags.security, deploy=True)
