"""Số liệu chỉ số phục vụ nhập tay: the page where the reform office enters the values of the
serving-quality index the platform does not hold (announced procedures, synchronisation with
the national portal, digitised components, the population database…), for the agencies in its
scope, and sees what was entered, by whom and when (docs/guide/serving-index.md).

Reform officers enter for their unit (and the units merged into it), the Department of Home
Affairs and administrators for the whole province; leaders see the entries of their unit. Every
entry goes through ``entered_value_save`` (checked, stamped); a refused entry is a 400 with the
reason under the field, nothing written."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cchc.org.models import User
from cchc.org.permissions import staff_required
from cchc.stats.forms import EnteredValueForm, EntryPeriodForm
from cchc.stats.selectors import ENTRIES_SHOWN, entered_values_for_user
from cchc.stats.services import entered_value_save

ENTERING_ROLES = frozenset(
    {User.Role.REFORM_OFFICER, User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN}
)
VIEWING_ROLES = ENTERING_ROLES | {User.Role.LEADER, User.Role.COUNCIL_MEMBER}


def can_enter_index_values(user: User) -> bool:
    return bool(user.is_superuser or user.role in ENTERING_ROLES)


def can_view_index_values(user: User) -> bool:
    return bool(user.is_superuser or user.role in VIEWING_ROLES)


@require_http_methods(["GET", "POST"])
@staff_required
def entered_values_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not can_view_index_values(user):
        raise PermissionDenied
    period = EntryPeriodForm(request.GET)
    form = EnteredValueForm(user=user, data=request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if not can_enter_index_values(user):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                entered_value_save(
                    actor=user,
                    indicator_code=data["indicator_code"],
                    agency=data["agency"],
                    period_from=data["period_from"],
                    period_to=data["period_to"],
                    numerator=data["numerator"],
                    denominator=data["denominator"],
                    note=data["note"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã ghi số liệu."))
                return redirect(request.get_full_path())
        status = 400
    entries = []
    if period.is_valid():
        entries = entered_values_for_user(
            user, day_from=period.cleaned_data["date_from"], day_to=period.cleaned_data["date_to"]
        )
    else:
        status = 400
    context = {
        "period": period,
        "form": form if can_enter_index_values(user) else None,
        "entries": entries,
        "shown": ENTRIES_SHOWN,
    }
    return render(request, "stats/entered_values.html", context, status=status)
