"""The citizen's pages for feedback and petitions (phản ánh, kiến nghị), at ``/phan-anh/``.

- ``send``: anyone sends an item (Decree 20/2008 Art. 6–7: no anonymous item); the service
  ``feedback_receive`` registers it or refuses with a ``FeedbackError`` shown next to its
  field, storing nothing.
- ``sent``: the code, the 5-working-day classification deadline and how to follow it.
- ``follow``: the sender follows an item by code + phone (POST: the phone never travels in an
  address), rate-limited per client like the dossier lookup, one answer for a wrong code or a
  wrong phone; within the window, asks for it to be looked at again (``feedback_reopen``).
- ``list`` and ``detail``: the published answers (Art. 19) — only the moderated public texts,
  never the sender's personal data (the querysets do not even load those columns).
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from cchc.catalog.models import Procedure
from cchc.core.ratelimit import client_ip, hit
from cchc.core.text import fold
from cchc.domain import feedback as rules
from cchc.feedback.models import Category, FeedbackItem, Kind, Status
from cchc.feedback.public_forms import MAX_CODE, FollowForm, ReopenForm, SendForm
from cchc.feedback.services import (
    FeedbackError,
    FeedbackInput,
    Sender,
    feedback_lookup,
    feedback_receive,
    feedback_reopen,
    reopen_window,
)
from cchc.org.models import Agency, User

PAGE_SIZE = 20
MAX_QUERY = 200
SESSION_SENT = "feedback_sent"
SESSION_FOLLOWED = "feedback_followed"
MAX_FOLLOWED = 10

# The columns the public pages read: never a sender_* column.
PUBLIC_COLUMNS = (
    "code",
    "kind",
    "category",
    "status",
    "received_at",
    "answered_at",
    "published_at",
    "published_title",
    "published_content",
    "published_answer",
    "handling_agency__code",
    "handling_agency__name",
    "receiving_agency__code",
    "receiving_agency__name",
    "procedure__code",
    "procedure__name",
)

STATUS_EXPLAINED = {
    Status.RECEIVED: gettext_lazy(
        "Đã tiếp nhận. Cơ quan tiếp nhận sẽ phân loại và chuyển đến cơ quan có trách nhiệm "
        "trong 5 ngày làm việc."
    ),
    Status.NOT_ACCEPTED: gettext_lazy(
        "Phản ánh, kiến nghị không đủ điều kiện tiếp nhận. Lý do đã được gửi cho bạn."
    ),
    Status.HANDLING: gettext_lazy("Cơ quan có trách nhiệm đang xem xét, xử lý."),
    Status.AWAITING_APPROVAL: gettext_lazy(
        "Đã có dự thảo trả lời, đang chờ lãnh đạo cơ quan duyệt."
    ),
    Status.ANSWERED: gettext_lazy("Cơ quan có trách nhiệm đã trả lời (nội dung bên dưới)."),
    Status.PUBLISHED: gettext_lazy(
        "Đã trả lời; câu trả lời đã được công khai (không kèm thông tin cá nhân của bạn)."
    ),
    Status.FORWARDED_OUT: gettext_lazy(
        "Đã được chuyển đến cơ quan có thẩm quyền ngoài hệ thống; cơ quan đó sẽ trả lời bạn."
    ),
    Status.MERGED: gettext_lazy("Được xử lý chung với một phản ánh, kiến nghị khác cùng nội dung."),
}


# --- send ---------------------------------------------------------------------------------------


def _initial(request: HttpRequest) -> dict:
    initial: dict = {}
    code = request.GET.get("ho_so", "").strip()[:MAX_CODE]
    if code:
        initial["dossier_code"] = code
    user = request.user
    if getattr(user, "is_authenticated", False) and user.role == User.Role.CITIZEN:
        initial.update(
            sender_name=user.get_full_name(),
            sender_phone=user.phone,
            sender_address=user.address,
            sender_email=user.email,
        )
    return initial


def _place_error(form: SendForm, refused: FeedbackError) -> None:
    """The service's refusal next to the field it names (else at the top of the form)."""
    field = refused.field if refused.field in form.fields else None
    form.add_error(field, refused.message)


@never_cache
@require_http_methods(["GET", "POST"])
def send_view(request: HttpRequest) -> HttpResponse:
    template = "feedback/public/send.html"
    if request.method == "GET":
        form = SendForm(initial=_initial(request))
        return render(request, template, {"form": form})
    form = SendForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        user = request.user if request.user.is_authenticated else None
        try:
            item = feedback_receive(
                FeedbackInput(
                    kind=data["kind"],
                    category=data["category"],
                    title=data["title"],
                    content=data["content"],
                    sender=Sender(
                        name=data["sender_name"],
                        address=data["sender_address"],
                        phone=data["sender_phone"],
                        email=data["sender_email"],
                    ),
                    dossier_code=data["dossier_code"],
                    procedure=form.procedure_object(),
                    subject_agency=form.agency(),
                ),
                channel="portal",
                actor=user,
                files=data["attachments"],
            )
        except FeedbackError as refused:
            _place_error(form, refused)
        else:
            request.session[SESSION_SENT] = item.code
            return redirect("feedback_public:sent")
    return render(request, template, {"form": form}, status=422)


@never_cache
@require_GET
def sent_view(request: HttpRequest) -> HttpResponse:
    code = request.session.get(SESSION_SENT, "")
    item = (
        FeedbackItem.objects.filter(code=code)
        .select_related("receiving_agency")
        .only("code", "received_at", "forward_due_at", "receiving_agency__name")
        .first()
        if code
        else None
    )
    if item is None:
        return redirect("feedback_public:send")
    return render(request, "feedback/public/sent.html", {"item": item})


# --- follow and reopen ------------------------------------------------------------------------


def _limited(request: HttpRequest) -> int | None:
    """The follow page's rate limit per client (the dossier lookup's numbers)."""
    return hit(
        "public-feedback",
        client_ip(request),
        limit=getattr(settings, "CCHC_PUBLIC_LOOKUP_LIMIT", 30),
        window=getattr(settings, "CCHC_PUBLIC_LOOKUP_WINDOW", 60),
    )


def _retry_text(seconds: int) -> str:
    if seconds < 60:
        return ngettext("%(n)s giây", "%(n)s giây", seconds) % {"n": seconds}
    return _("%(n)s phút") % {"n": (seconds + 59) // 60}


def _can_reopen(item: FeedbackItem) -> bool:
    situation = rules.Situation(
        status=rules.Status(item.status),
        role=rules.Role.SENDER,
        answered_at=item.answered_at,
        now=timezone.now(),
        reopen_window=reopen_window(),
    )
    return rules.Action.REOPEN in rules.allowed_actions(situation)


def _followed(request: HttpRequest) -> list[str]:
    return list(request.session.get(SESSION_FOLLOWED, []))


def _remember(request: HttpRequest, code: str) -> None:
    """The codes proved with their phone in this session: reopening needs no phone again."""
    codes = [c for c in _followed(request) if c != code] + [code]
    request.session[SESSION_FOLLOWED] = codes[-MAX_FOLLOWED:]


def _result_context(item: FeedbackItem) -> dict:
    return {
        "item": item,
        "status_label": Status(item.status).label if item.status in Status.values else "",
        "status_explained": STATUS_EXPLAINED.get(item.status, ""),
        "show_answer": item.status in (Status.ANSWERED, Status.PUBLISHED) and item.answer,
        "can_reopen": _can_reopen(item),
        "reopen_until": (item.answered_at + reopen_window()) if item.answered_at else None,
        "reopen_form": ReopenForm(initial={"code": item.code}),
    }


def _too_many(request: HttpRequest, form: object, retry_after: int) -> HttpResponse:
    response = render(
        request,
        "feedback/public/follow.html",
        {"form": form, "retry_after": _retry_text(retry_after)},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def follow_view(request: HttpRequest) -> HttpResponse:
    template = "feedback/public/follow.html"
    if request.method == "GET":
        code = request.GET.get("ma", "").strip()[:MAX_CODE]
        return render(request, template, {"form": FollowForm(initial={"code": code})})
    if request.POST.get("action") == "reopen":
        return _reopen(request)
    form = FollowForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=422)
    retry_after = _limited(request)
    if retry_after is not None:
        return _too_many(request, form, retry_after)
    item = feedback_lookup(form.cleaned_data["code"], form.cleaned_data["phone"])
    if item is None:
        return render(request, template, {"form": form, "not_found": True}, status=404)
    _remember(request, item.code)
    return render(request, template, {"form": form, **_result_context(item)})


def _reopen(request: HttpRequest) -> HttpResponse:
    template = "feedback/public/follow.html"
    reopen_form = ReopenForm(request.POST)
    code = (request.POST.get("code") or "").strip().upper()[:MAX_CODE]
    form = FollowForm(initial={"code": code})
    # Only a code proved with its phone in this session (the phone is not sent again).
    if code not in _followed(request):
        return render(request, template, {"form": form, "not_found": True}, status=404)
    item = FeedbackItem.objects.select_related("handling_agency", "receiving_agency").get(code=code)
    if reopen_form.is_valid():
        try:
            item = feedback_reopen(
                item, phone=item.sender_phone, reason=reopen_form.cleaned_data["reason"]
            )
        except FeedbackError as refused:
            field = "reason" if refused.field in ("reason", "") else None
            reopen_form.add_error(field, refused.message)
        else:
            context = {"form": form, "reopened": True, **_result_context(item)}
            return render(request, template, context)
    context = {"form": form, **_result_context(item), "reopen_form": reopen_form}
    return render(request, template, context, status=422)


# --- the published answers ----------------------------------------------------------------------


def published_items() -> QuerySet[FeedbackItem]:
    """Published items with only their public columns."""
    return (
        FeedbackItem.objects.filter(status=Status.PUBLISHED, published_at__isnull=False)
        .select_related("handling_agency", "receiving_agency", "procedure")
        .only(*PUBLIC_COLUMNS)
    )


def _filters(params: object) -> dict[str, str]:
    category = params.get("nhom", "")
    return {
        "q": params.get("q", "")[:MAX_QUERY].strip(),
        "agency": params.get("co_quan", "")[:13],
        "procedure": params.get("thu_tuc", "")[:30],
        "category": category if category in Category.values else "",
    }


def _search(items: QuerySet[FeedbackItem], filters: dict[str, str]) -> QuerySet[FeedbackItem]:
    for word in fold(filters["q"]).split()[:10]:
        items = items.filter(published_search__contains=word)
    if filters["agency"]:
        code = filters["agency"]
        items = items.filter(
            Q(handling_agency__code=code)
            | Q(subject_agency__code=code)
            | Q(receiving_agency__code=code)
        )
    if filters["procedure"]:
        items = items.filter(procedure__code=filters["procedure"])
    if filters["category"]:
        items = items.filter(category=filters["category"])
    return items


@require_GET
def list_view(request: HttpRequest) -> HttpResponse:
    filters = _filters(request.GET)
    items = _search(published_items(), filters).order_by("-published_at", "-pk")
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("trang"))
    labels = dict(Category.choices)
    for item in page:
        item.category_label = labels.get(item.category, item.category)
    query = request.GET.copy()
    query.pop("trang", None)
    published = FeedbackItem.objects.filter(status=Status.PUBLISHED, published_at__isnull=False)
    agencies = (
        Agency.objects.filter(
            Q(pk__in=published.values("handling_agency_id"))
            | Q(pk__in=published.values("subject_agency_id"))
        )
        .order_by("name")
        .values_list("code", "name")
    )
    procedures = (
        Procedure.objects.filter(pk__in=published.values("procedure_id"))
        .order_by("name")
        .values_list("code", "name")
    )
    context = {
        "page": page,
        "filters": filters,
        "query": query.urlencode(),
        "agencies": list(agencies),
        "procedures": list(procedures),
        "categories": Category.choices,
    }
    return render(request, "feedback/public/list.html", context)


@require_GET
def detail_view(request: HttpRequest, code: str) -> HttpResponse:
    item = published_items().filter(code=code[:MAX_CODE]).first()
    if item is None:
        raise Http404
    context = {
        "item": item,
        "category_label": dict(Category.choices).get(item.category, ""),
        "kind_label": dict(Kind.choices).get(item.kind, ""),
    }
    return render(request, "feedback/public/detail.html", context)
