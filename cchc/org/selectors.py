"""Scoped reads for the organisation: which agencies a user may see.

ARCHITECTURE "Scoped reads": every staff-visible query filters by the acting user's agency
(and its subtree where the role allows). ``agencies_visible_to`` is the one place that rule
lives; every staff selector of every app builds on it. An object outside the scope is a 404.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from cchc.org.models import Agency, User

# Roles that look across the whole province: the Department of Home Affairs evaluates every
# agency, the appraisal council scores them, administrators run the system.
PROVINCE_WIDE_ROLES = frozenset(
    {User.Role.HOME_AFFAIRS, User.Role.COUNCIL_MEMBER, User.Role.SYSTEM_ADMIN}
)
AGENCY_ROLES = frozenset(
    {User.Role.COUNTER_OFFICER, User.Role.SPECIALIST, User.Role.LEADER, User.Role.REFORM_OFFICER}
)


def is_staff_user(user: object) -> bool:
    """An authenticated officer (any role but citizen) or a superuser."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.role != User.Role.CITIZEN)


def sees_whole_province(user: object) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.role in PROVINCE_WIDE_ROLES)


def agency_scope_root(user: object) -> Agency | None:
    """The unit whose records an agency officer sees: their agency, or — for someone placed in
    a division (phòng) — the department or commune that division belongs to."""
    if not getattr(user, "is_authenticated", False) or user.role not in AGENCY_ROLES:
        return None
    agency = user.agency
    while agency is not None and agency.level == Agency.Level.DIVISION and agency.parent_id:
        agency = agency.parent
    return agency


def agencies_visible_to(user: object) -> QuerySet[Agency]:
    """Agencies whose records ``user`` may see.

    Province-wide roles see all; agency roles see their unit's subtree and the units merged
    into it (their history); citizens and anonymous users see none.
    """
    if sees_whole_province(user):
        return Agency.objects.all()
    root = agency_scope_root(user)
    if root is None:
        return Agency.objects.none()
    # Memoised on the user object: one request asks several times (tabs, counts, lists) and
    # the merger map does not change while it runs.
    memo = getattr(user, "_cchc_predecessor_paths", None)
    if memo is None or memo[0] != root.pk:
        paths = list(Agency.objects.filter(merged_into=root).values_list("path", flat=True))
        memo = (root.pk, paths)
        user._cchc_predecessor_paths = memo
    predecessor_paths = memo[1]
    condition = Q(path__startswith=root.path)
    for path in predecessor_paths:
        condition |= Q(path__startswith=path)
    return Agency.objects.filter(condition)


def agency_get_for_user(user: object, code: str) -> Agency:
    """The agency with ``code`` if ``user`` may see it, else ``Http404``."""
    agency = agencies_visible_to(user).filter(code=code).first()
    if agency is None:
        raise Http404
    return agency
