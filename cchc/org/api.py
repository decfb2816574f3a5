"""API v1: who am I (checks a bearer token)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from cchc.org.auth import bearer
from cchc.org.selectors import agencies_visible_to

router = Router(tags=["Tài khoản"])


class MeOut(Schema):
    username: str
    full_name: str
    role: str
    agency: str | None
    visible_agencies: int


@router.get("", response=MeOut, auth=bearer, summary="Người dùng của khoá API")
def me(request: HttpRequest) -> dict:
    user = request.auth
    return {
        "username": user.username,
        "full_name": user.get_full_name(),
        "role": user.role,
        "agency": user.agency.code if user.agency else None,
        "visible_agencies": agencies_visible_to(user).count(),
    }
