"""Bearer-token authentication for API v1 (``Authorization: Bearer cchc_…``)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from cchc.core.security_audit import api_token_event
from cchc.org.models import ApiToken, User

# last_used_at is bookkeeping, not security: write it at most once a minute per token.
_TOUCH_SECONDS = 60


def user_for_token(raw: str) -> User | None:
    """The active user owning ``raw``, or ``None`` for an unknown, expired, revoked or
    inactive one (the API answers 401 either way: it tells nobody which)."""
    if not raw or not raw.startswith(ApiToken.PREFIX):
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user", "user__agency")
        .filter(key_hash=ApiToken.digest(raw), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > _TOUCH_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


class BearerAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        api_token_event(request, token, user)
        if user is not None:
            request.user = user
        return user


def optional_token_user(request: HttpRequest) -> User | None:
    """For public endpoints that show more to a signed-in caller: the token's user, if any."""
    header = request.headers.get("Authorization", "")
    scheme, _, raw = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return user_for_token(raw.strip())


bearer = BearerAuth()
