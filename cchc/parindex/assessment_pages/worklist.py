"""The assessments worklist: the tabs of the reader's role (the unit's reform officer and
leader: their unit's assessments, those to fill or clarify first; Home Affairs: those to
review, in clarification, to publish; the council: those appraised), counted in one query, and
a page of the tab's assessments. And the publication of a framework's finalised results (Home
Affairs)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from cchc.org.models import User
from cchc.org.permissions import staff_required
from cchc.parindex import selectors, services
from cchc.parindex.assessment_pages.forms import ConfirmForm
from cchc.parindex.models import Assessment, Framework, UnitKind
from cchc.parindex.services import AssessmentError

PAGE_SIZE = 50
S = Assessment.Status
R = User.Role


@dataclass(frozen=True)
class Tab:
    name: str
    label: object
    statuses: tuple[str, ...]


TABS = {
    tab.name: tab
    for tab in (
        Tab("can-thuc-hien", _("Cần thực hiện"), (S.DRAFT, S.CLARIFICATION)),
        Tab("tu-danh-gia", _("Đang tự đánh giá"), (S.DRAFT,)),
        Tab("cho-tham-dinh", _("Chờ thẩm định"), (S.SUBMITTED,)),
        Tab("giai-trinh", _("Đang giải trình"), (S.CLARIFICATION,)),
        Tab("cho-hoi-dong", _("Chờ hội đồng xác nhận"), (S.APPRAISED,)),
        Tab("cho-cong-bo", _("Chờ công bố"), (S.FINALISED,)),
        Tab("dang-tham-dinh", _("Đang thẩm định"), (S.SUBMITTED, S.APPRAISED, S.FINALISED)),
        Tab("da-cong-bo", _("Đã công bố"), (S.PUBLISHED,)),
        Tab("tat-ca", _("Tất cả"), tuple(S.values)),
    )
}
UNIT_TABS = ("can-thuc-hien", "dang-tham-dinh", "da-cong-bo", "tat-ca")
ROLE_TABS = {
    R.HOME_AFFAIRS: ("cho-tham-dinh", "giai-trinh", "cho-cong-bo", "da-cong-bo", "tat-ca"),
    R.COUNCIL_MEMBER: ("cho-hoi-dong", "da-cong-bo", "tat-ca"),
    R.SYSTEM_ADMIN: (
        "tu-danh-gia",
        "cho-tham-dinh",
        "giai-trinh",
        "cho-hoi-dong",
        "cho-cong-bo",
        "da-cong-bo",
        "tat-ca",
    ),
}
# Only Home Affairs publishes (the services' table): nobody else is offered the page.
PUBLISHERS = {R.HOME_AFFAIRS}
MSG_PUBLISHED = _("Đã công bố kết quả Chỉ số CCHC của %(count)s đơn vị.")


def tabs_for(user: User) -> tuple[str, ...]:
    if user.is_superuser and user.role not in ROLE_TABS:
        return ROLE_TABS[R.SYSTEM_ADMIN]
    return ROLE_TABS.get(user.role, UNIT_TABS)


def _number(value: str, default: int | None) -> int | None:
    return int(value) if value.isdigit() and 0 < len(value) < 7 else default


@require_http_methods(["GET"])
@staff_required
def worklist_view(request: HttpRequest) -> HttpResponse:
    names = tabs_for(request.user)
    tab = TABS[request.GET.get("tab") if request.GET.get("tab") in names else names[0]]
    page = _number(request.GET.get("trang", ""), 1) or 1
    year = _number(request.GET.get("nam", ""), None)
    scoped = selectors.assessments_for(request.user)
    if year is not None:
        scoped = scoped.filter(framework__year=year)
    counts = scoped.aggregate(
        **{name: Count("pk", filter=Q(status__in=TABS[name].statuses)) for name in names}
    )
    start = (page - 1) * PAGE_SIZE
    rows = list(
        scoped.filter(status__in=tab.statuses)
        .select_related("framework", "agency")
        .order_by("-framework__year", "framework__unit_kind", "agency__code", "pk")[
            start : start + PAGE_SIZE + 1
        ]
    )
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    base = {"tab": tab.name, **({"nam": year} if year else {})}
    publishable = []
    if request.user.role in PUBLISHERS:
        seen = set()
        for a in rows:
            if a.status == S.FINALISED and a.framework_id not in seen:
                seen.add(a.framework_id)
                publishable.append(a.framework)
    context = {
        "tab": tab,
        "tabs": [(TABS[n], counts[n]) for n in names],
        "rows": rows,
        "year": year,
        "publishable": publishable,
        "next_query": urlencode({**base, "trang": page + 1}) if more else "",
        "prev_query": urlencode({**base, "trang": page - 1}) if page > 1 else "",
    }
    return render(request, "parindex/assessment/worklist.html", context)


def _framework(year: int, kind: str) -> Framework:
    if kind not in UnitKind.values:
        raise Http404
    framework = Framework.objects.filter(year=year, unit_kind=kind).first()
    if framework is None:
        raise Http404
    return framework


@require_http_methods(["GET", "POST"])
@staff_required
def publish_view(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    """The framework's finalised assessments and the button that publishes them, ranked."""
    if request.user.role not in PUBLISHERS:
        raise PermissionDenied
    framework = _framework(year, kind)
    finalised = list(
        selectors.assessments_for(request.user)
        .filter(framework=framework, status=S.FINALISED)
        .select_related("agency")
        .order_by("-total", "agency__code")
    )
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    context = {"framework": framework, "finalised": finalised, "form": form}
    if request.method == "GET":
        return render(request, "parindex/assessment/framework_publish.html", context)
    try:
        results = services.framework_publish(framework, actor=request.user)
    except AssessmentError as refused:
        form.add_error(None, refused.message)
        return render(request, "parindex/assessment/framework_publish.html", context, status=400)
    messages.success(request, MSG_PUBLISHED % {"count": len(results)})
    return redirect(f"{reverse('parindex:assessments')}?tab=da-cong-bo")
