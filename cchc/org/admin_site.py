"""The admin site (/admin/) with the two-step check: django-otp's ``OTPAdminSite`` rule — a
person counts as staff here only in a session verified with a code — on Django's own sign-in
page. The code itself is asked by ``cchc.org.middleware.TwoFactorGateMiddleware`` right after
the password (the same pages as the back office), so the admin's sign-in form stays Django's."""

from __future__ import annotations

from django.contrib.admin import AdminSite
from django.http import HttpRequest


class CchcAdminSite(AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        verified = getattr(user, "is_verified", None)
        return super().has_permission(request) and verified is not None and verified()
