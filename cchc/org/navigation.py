"""The main menu, by role. Each app adds its entries here; a page shows only what the
signed-in user may open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cchc.core.security_views import can_read_security_log
from cchc.org.selectors import is_staff_user


@dataclass(frozen=True)
class MenuItem:
    label: str | Promise
    url_name: str
    visible: Callable[[object], bool]
    # A page (htmx, loaded after the page) that renders a count badge for the entry: the
    # page itself runs no query for it.
    badge_url_name: str = ""


def _anyone(user: object) -> bool:
    return True


def _staff(user: object) -> bool:
    return is_staff_user(user)


def _admin(user: object) -> bool:
    return bool(getattr(user, "is_staff", False))


def _security_admin(user: object) -> bool:
    return can_read_security_log(user)


def _role_in(*roles: str) -> Callable[[object], bool]:
    def visible(user: object) -> bool:
        return bool(getattr(user, "is_authenticated", False) and user.role in roles)

    return visible


MENU: list[MenuItem] = [
    MenuItem(_("Trang chủ"), "home", _anyone),
    MenuItem(_("Bảng điều khiển"), "stats:dashboard", _staff),
    MenuItem(_("Tiếp nhận"), "dossiers:intake", _role_in("counter_officer", "leader")),
    MenuItem(_("Hồ sơ"), "dossiers:worklist", _role_in("counter_officer", "specialist", "leader")),
    MenuItem(_("Cảnh báo"), "dossiers:alerts", _role_in("leader")),
    MenuItem(
        _("Phản ánh, kiến nghị"),
        "feedback:worklist",
        _role_in("counter_officer", "specialist", "leader", "reform_officer", "home_affairs"),
        badge_url_name="feedback:attention",
    ),
    MenuItem(
        _("Đối soát thanh toán"), "dossiers:payment_review", _role_in("counter_officer", "leader")
    ),
    MenuItem(
        _("Thống kê"),
        "stats:report",
        _role_in("leader", "reform_officer", "home_affairs", "council_member", "system_admin"),
    ),
    MenuItem(
        _("Khảo sát"), "surveys:list", _role_in("reform_officer", "home_affairs", "system_admin")
    ),
    MenuItem(
        _("Chỉ số CCHC"),
        "parindex:assessments",
        _role_in("reform_officer", "leader", "home_affairs", "council_member", "system_admin"),
    ),
    MenuItem(
        _("Kế hoạch, báo cáo"),
        "plans:plans",
        _role_in("reform_officer", "leader", "home_affairs", "system_admin"),
    ),
    MenuItem(_("Danh mục TTHC"), "catalog:procedure_list", _staff),
    MenuItem(_("Nhật ký an toàn"), "security_log", _security_admin),
    MenuItem(_("Quản trị"), "admin:index", _admin),
]


def _citizen(user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and not is_staff_user(user)


def _anonymous(user: object) -> bool:
    return not getattr(user, "is_authenticated", False)


# The citizen portal's own menu (templates/portal/base.html).
PORTAL_MENU: list[MenuItem] = [
    MenuItem(_("Trang chủ"), "portal:home", _anyone),
    MenuItem(_("Thủ tục hành chính"), "portal:catalog", _anyone),
    MenuItem(_("Tra cứu hồ sơ"), "portal:lookup", _anyone),
    MenuItem(_("Kết quả giải quyết"), "transparency:province", _anyone),
    MenuItem(_("Hồ sơ của tôi"), "portal:my_dossiers", _citizen),
    MenuItem(_("Tài khoản"), "portal:account", _citizen),
    MenuItem(_("Đăng nhập"), "portal:login", _anonymous),
    MenuItem(_("Đăng ký"), "portal:signup", _anonymous),
]


def menu_for(request: HttpRequest, menu: list[MenuItem] | None = None) -> list[dict]:
    user = getattr(request, "user", None)
    items = []
    for item in MENU if menu is None else menu:
        if not item.visible(user):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        badge_url = ""
        if item.badge_url_name:
            try:
                badge_url = reverse(item.badge_url_name)
            except NoReverseMatch:
                badge_url = ""
        items.append(
            {
                "label": item.label,
                "url": url,
                "active": request.path == url,
                "badge_url": badge_url,
            }
        )
    return items
