"""Periodic jobs of the organisation app: accounts left unused are disabled (issue 14, item 9).

``accounts_disable_unused`` runs once a day under Celery beat (``cchc.org.tasks``) or as the
management command of the same name. An officer's or administrator's account with no sign-in
for ``CCHC_ACCOUNT_IDLE_DAYS`` (45) days — counted from the last sign-in, or from the account's
creation when it never signed in, or from the day an administrator enabled it again, and with
no API token used in that time either — is disabled (``is_active`` false, ``idle_disabled_at``
set) and each one is written to the security log (``account.disable``). Citizens are never
disabled this way: they apply a few times in their lives and an account waiting for the next
time is the normal case. An administrator enables an account again in the admin (the user's
page, or the list's action), which is logged as ``account.enable``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from cchc.core.security_log import security_event
from cchc.org.models import ApiToken, User


def unused_accounts(*, now: datetime | None = None, days: int | None = None) -> QuerySet[User]:
    """Active officer and administrator accounts unused for ``days`` (default
    ``CCHC_ACCOUNT_IDLE_DAYS``) days at ``now``."""
    now = now or timezone.now()
    days = settings.CCHC_ACCOUNT_IDLE_DAYS if days is None else days
    cutoff = now - timedelta(days=days)
    officers = Q(is_superuser=True) | Q(is_staff=True) | ~Q(role=User.Role.CITIZEN)
    signed_in_lately = Q(last_login__gte=cutoff) | Q(
        last_login__isnull=True, date_joined__gte=cutoff
    )
    token_used = ApiToken.objects.filter(user=OuterRef("pk"), last_used_at__gte=cutoff)
    return (
        User.objects.filter(officers, is_active=True)
        .exclude(signed_in_lately)
        .exclude(reactivated_at__gte=cutoff)
        .exclude(Exists(token_used))
        .order_by("pk")
    )


def accounts_disable_unused(*, now: datetime | None = None) -> list[str]:
    """Disable the unused officer and administrator accounts; returns their usernames. Does
    nothing when ``CCHC_ACCOUNT_IDLE_DAYS`` is 0. Idempotent: a second run finds none."""
    days = settings.CCHC_ACCOUNT_IDLE_DAYS
    if days <= 0:
        return []
    now = now or timezone.now()
    disabled: list[str] = []
    for pk in list(unused_accounts(now=now, days=days).values_list("pk", flat=True)):
        with transaction.atomic():
            user = User.objects.select_for_update().get(pk=pk)
            if not user.is_active:
                continue
            last = user.last_login or user.date_joined
            user.is_active = False
            user.idle_disabled_at = now
            user.save(update_fields=["is_active", "idle_disabled_at"])
            security_event(
                "account.disable",
                user=user,
                reason="unused",
                idle_days=days,
                last_activity=last.isoformat() if last else None,
            )
        disabled.append(user.username)
    return disabled


def account_enable(
    *, user: User, request: HttpRequest | None = None, now: datetime | None = None
) -> User:
    """Enable an account again (an administrator's decision): its idle count starts anew."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        locked.is_active = True
        locked.idle_disabled_at = None
        locked.reactivated_at = now or timezone.now()
        locked.save(update_fields=["is_active", "idle_disabled_at", "reactivated_at"])
        security_event(
            "account.enable",
            request=request,
            target_user_id=locked.pk,
            target_username=locked.username,
        )
    return locked
