"""Values every page needs: the province name and the navigation for the user's role."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from cchc.org.navigation import PORTAL_MENU, menu_for


def site(request: HttpRequest) -> dict:
    return {
        "province_name": settings.CCHC_PROVINCE_NAME,
        "menu": menu_for(request),
        "portal_menu": menu_for(request, PORTAL_MENU),
    }
