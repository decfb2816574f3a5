"""API v1: one-stop dossiers — receive at the counter, read, list, act, print; and the public
status lookup by code and phone.

Every staff endpoint needs a bearer token and reads through ``cchc.dossiers.selectors``: a
dossier outside the caller's scope is a 404 on every endpoint. Every change goes through one
service of ``cchc.dossiers.services``; a ``TransitionError`` answers 409 with the actions
allowed now, a ``DossierInputError`` 422 naming the field (handlers in ``config.api``).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status

from cchc.catalog.models import Procedure
from cchc.core.api import ApiInputError, parse_moment
from cchc.core.ratelimit import client_ip
from cchc.domain.lifecycle import Action
from cchc.domain.workdays import VN_TZ
from cchc.dossiers import services
from cchc.dossiers.models import Dossier, Payment
from cchc.dossiers.public import JSON as PUBLIC_JSON
from cchc.dossiers.public import public_lookup
from cchc.dossiers.schemas import (
    DETAIL_PREFETCH,
    ActionIn,
    ConflictOut,
    DossierListQuery,
    DossierOut,
    DossierPageOut,
    ErrorOut,
    InputErrorOut,
    IntakeIn,
    PublicDossierOut,
    PublicLookupQuery,
    api_code,
    applicant_data,
    document_data,
    dossier_detail,
    dossier_summary,
)
from cchc.dossiers.selectors import (
    Filters,
    Worklist,
    dossier_get_for_user,
    dossier_worklist,
    keyset_page,
)
from cchc.dossiers.services._common import MSG_TO_USER
from cchc.org.auth import bearer
from cchc.org.models import User

router = Router(tags=["Hồ sơ một cửa"], auth=bearer)
public_router = Router(tags=["Tra cứu hồ sơ (công khai)"])

MSG_UNKNOWN_PROCEDURE = "không có thủ tục mã này trong danh mục"
MSG_REQUIRED = "bắt buộc phải có"
MSG_BAD_STATUS = "không phải trạng thái hồ sơ (ví dụ received, processing, result_ready)"
MSG_BAD_BOOL = "phải là true hoặc false"
MSG_BAD_DAY = "không phải ngày dạng YYYY-MM-DD"
MSG_DAY_ORDER = "phải không sớm hơn ngày 'received_from'"
MSG_BAD_CURSOR = "con trỏ trang không hợp lệ (dùng nguyên đường dẫn 'next')"
MSG_SUPPLEMENT_ITEM = "mỗi nội dung cần bổ sung phải là một chuỗi chữ"
MSG_PAYMENT_ITEM = 'mỗi khoản phải có dạng {"name": "…", "amount_vnd": số nguyên dương}'
MSG_PAYMENT_METHOD = "hình thức thanh toán phải là cash, online hoặc bank_transfer"
MSG_NO_FORM = "Không có mẫu in này."

_CURSOR = re.compile(r"d(\d{1,18})")


def _detail(user: User, code: str) -> dict:
    dossier = dossier_get_for_user(user, code)
    prefetch_related_objects([dossier], *DETAIL_PREFETCH)
    return dossier_detail(dossier, user=user, now=timezone.now())


def _received_detail(user: User, dossier: Dossier) -> dict:
    """The body of a dossier just received by ``user``, from the rows the receipt wrote
    (``Dossier.receipt_rows``) instead of reading them back: a new dossier has no apology and
    no payment yet, and its receiving officer sees it. Equal to ``_detail`` (tested)."""
    rows = getattr(dossier, "receipt_rows", None)
    if rows is None:
        return _detail(user, api_code(dossier))
    written = {
        "events": [rows.event],
        "apologies": [],
        "steps": rows.steps,
        "documents": rows.documents,
        "fee_lines": rows.fee_lines,
    }
    dossier._prefetched_objects_cache = {}
    for name, objects in written.items():  # as prefetch_related_objects leaves them
        queryset = getattr(dossier, name).all()
        queryset._result_cache, queryset._prefetch_done = list(objects), True
        dossier._prefetched_objects_cache[name] = queryset
    dossier.paid_payments = []
    return dossier_detail(dossier, user=user, now=timezone.now())


# --- Parsing --------------------------------------------------------------------------------


def intake_request(payload: IntakeIn) -> tuple[services.IntakeRequest, datetime | None]:
    procedure = Procedure.objects.filter(code=payload.procedure_code.strip()).first()
    if procedure is None:
        raise ApiInputError("procedure_code", MSG_UNKNOWN_PROCEDURE)
    received_at = None
    if payload.received_at is not None:
        received_at = parse_moment("received_at", payload.received_at)
    request = services.IntakeRequest(
        procedure=procedure,
        applicant=applicant_data(payload.applicant),
        channel=payload.channel,
        return_method=payload.return_method,
        documents=document_data(payload.documents),
        delivery_address=payload.delivery_address,
    )
    return request, received_at


def _day(param: str, raw: str) -> date | None:
    if not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ApiInputError(param, MSG_BAD_DAY) from None


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=VN_TZ)


def list_filters(query: DossierListQuery) -> tuple[Filters, int | None]:
    """The list's filters and the keyset cursor; ``received_to`` is inclusive (a local day)."""
    if query.status and query.status not in Dossier.Status.values:
        raise ApiInputError("status", MSG_BAD_STATUS)
    overdue = {"": None, "true": True, "1": True, "false": False, "0": False}.get(
        query.overdue.strip().lower(), "bad"
    )
    if overdue == "bad":
        raise ApiInputError("overdue", MSG_BAD_BOOL)
    first, last = _day("received_from", query.received_from), _day("received_to", query.received_to)
    if first and last and last < first:
        raise ApiInputError("received_to", MSG_DAY_ORDER)
    filters = Filters(
        status=query.status,
        overdue=overdue,
        agency_code=query.agency.strip(),
        procedure_code=query.procedure.strip(),
        received_from=_local_midnight(first) if first else None,
        received_to=_local_midnight(last + timedelta(days=1)) if last else None,
        q=query.q,
    )
    return filters, decode_cursor(query.cursor)


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"d{pk}".encode()).decode().rstrip("=")


def decode_cursor(raw: str) -> int | None:
    if not raw:
        return None
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    match = _CURSOR.fullmatch(text)
    if match is None:
        raise ApiInputError("cursor", MSG_BAD_CURSOR)
    return int(match.group(1))


def _next_url(request: HttpRequest, last: int | None) -> str | None:
    if last is None:
        return None
    params = request.GET.copy()
    params["cursor"] = encode_cursor(last)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


# --- Actions: one service each --------------------------------------------------------------


def _supplement_items(payload: ActionIn) -> list[str]:
    if any(not isinstance(item, str) for item in payload.items):
        raise ApiInputError("items", MSG_SUPPLEMENT_ITEM)
    return payload.items


def _payment_items(payload: ActionIn) -> list[tuple[str, int]]:
    lines = []
    for index, item in enumerate(payload.items):
        name = item.get("name") if isinstance(item, dict) else None
        amount = item.get("amount_vnd") if isinstance(item, dict) else None
        valid_amount = isinstance(amount, int) and not isinstance(amount, bool) and amount > 0
        if not isinstance(name, str) or not name.strip() or not valid_amount:
            raise ApiInputError(f"items.{index}", MSG_PAYMENT_ITEM)
        lines.append((name, amount))
    return lines


def _payment_method(payload: ActionIn) -> str:
    method = payload.method or Payment.Method.CASH
    if method not in Payment.Method.values:
        raise ApiInputError("method", MSG_PAYMENT_METHOD)
    return method


def _recipient(payload: ActionIn) -> User | None:
    if not payload.to_user.strip():
        return None
    user = (
        User.objects.select_related("agency")
        .filter(username=payload.to_user.strip(), is_active=True)
        .first()
    )
    if user is None:  # same answer as an unfit recipient: usernames are not enumerable
        raise services.DossierInputError(MSG_TO_USER, "to_user")
    return user


def _new_due(payload: ActionIn) -> datetime:
    if not payload.new_due_at.strip():
        raise ApiInputError("new_due_at", MSG_REQUIRED)
    return parse_moment("new_due_at", payload.new_due_at)


ActionFn = Callable[[User, Dossier, ActionIn], object]
S = services
ACTIONS: dict[Action, ActionFn] = {
    Action.SUBMIT: lambda u, d, p: S.dossier_submit(actor=u, dossier=d),
    Action.RECEIVE: lambda u, d, p: S.dossier_accept(actor=u, dossier=d),
    Action.REQUEST_SUPPLEMENT: lambda u, d, p: S.dossier_request_supplement(
        actor=u, dossier=d, items=_supplement_items(p), reason=p.reason, legal_basis=p.legal_basis
    ),
    Action.SUBMIT_SUPPLEMENT: lambda u, d, p: S.dossier_submit_supplement(
        actor=u, dossier=d, documents=document_data(p.documents), note=p.note
    ),
    Action.REFUSE: lambda u, d, p: S.dossier_refuse(actor=u, dossier=d, reason=p.reason),
    Action.FORWARD: lambda u, d, p: S.dossier_forward(
        actor=u, dossier=d, to_user=_recipient(p), note=p.note
    ),
    Action.SEND_BACK: lambda u, d, p: S.dossier_send_back(actor=u, dossier=d, reason=p.reason),
    Action.REQUEST_PAYMENT: lambda u, d, p: S.dossier_request_payment(
        actor=u, dossier=d, items=_payment_items(p), note=p.note
    ),
    Action.CONFIRM_PAYMENT: lambda u, d, p: S.dossier_confirm_payment(
        actor=u, dossier=d, method=_payment_method(p), receipt_number=p.receipt_number
    ),
    Action.APPROVE: lambda u, d, p: S.dossier_approve(
        actor=u, dossier=d, result_number=p.result_number, note=p.note, signer=p.signer
    ),
    Action.REJECT: lambda u, d, p: S.dossier_reject(actor=u, dossier=d, reason=p.reason),
    Action.APOLOGIZE: lambda u, d, p: S.dossier_apologize(
        actor=u, dossier=d, reason=p.reason, new_due_at=_new_due(p)
    ),
    Action.RETURN_RESULT: lambda u, d, p: S.dossier_return(
        actor=u,
        dossier=d,
        method=p.method or d.return_method,
        carrier=p.carrier,
        tracking_number=p.tracking_number,
        note=p.note,
    ),
    Action.WITHDRAW: lambda u, d, p: S.dossier_withdraw(actor=u, dossier=d, reason=p.reason),
    Action.STOP: lambda u, d, p: S.dossier_stop(actor=u, dossier=d, reason=p.reason),
    Action.RECORD_VISIT: lambda u, d, p: S.dossier_record_visit(
        actor=u, dossier=d, purpose=p.purpose
    ),
    Action.CHANGE_RETURN_METHOD: lambda u, d, p: S.dossier_change_return_method(
        actor=u, dossier=d, method=p.method, delivery_address=p.delivery_address
    ),
    Action.RECORD_SHIPMENT: lambda u, d, p: S.dossier_record_shipment(
        actor=u,
        dossier=d,
        direction=p.direction,
        carrier=p.carrier,
        tracking_number=p.tracking_number,
        handed_over_at=parse_moment("handed_over_at", p.handed_over_at)
        if p.handed_over_at.strip()
        else None,
    ),
    Action.PAY: lambda u, d, p: S.dossier_pay(
        actor=u,
        dossier=d,
        amount_vnd=p.amount_vnd,
        method=_payment_method(p),
        receipt_number=p.receipt_number,
    ),
}


# --- Staff endpoints ------------------------------------------------------------------------

ERRORS = {401: ErrorOut, 404: ErrorOut, 409: ConflictOut, 422: InputErrorOut}


@router.post(
    "", response={201: DossierOut, **ERRORS}, summary="Tiếp nhận hồ sơ tại Bộ phận Một cửa"
)
def dossier_create(request: HttpRequest, payload: IntakeIn) -> Status:
    """Receive a complete dossier (Mẫu 01): code, due moment, route. ``received_at`` is
    back-office entry of a paper dossier and needs the ``dossiers.backdate_intake`` permission
    and a ``reason``."""
    intake, received_at = intake_request(payload)
    dossier = services.dossier_receive(
        actor=request.auth, request=intake, received_at=received_at, reason=payload.reason
    )
    return Status(201, _received_detail(request.auth, dossier))


@router.get("", response={200: DossierPageOut, **ERRORS}, summary="Danh sách hồ sơ")
def dossier_list(request: HttpRequest, query: Query[DossierListQuery]) -> dict:
    """The caller's dossiers, newest first, a page at a time (follow ``next``)."""
    filters, after = list_filters(query)
    queryset = dossier_worklist(request.auth, Worklist.ALL, filters=filters)
    rows, last = keyset_page(queryset, after=after, size=settings.CCHC_API_PAGE_SIZE)
    now = timezone.now()
    return {"items": [dossier_summary(d, now) for d in rows], "next": _next_url(request, last)}


@router.get("/{code}", response={200: DossierOut, **ERRORS}, summary="Chi tiết hồ sơ")
def dossier_get(request: HttpRequest, code: str) -> dict:
    return _detail(request.auth, code)


@router.post("/{code}/actions", response={200: DossierOut, **ERRORS}, summary="Thực hiện thao tác")
def dossier_act(request: HttpRequest, code: str, payload: ActionIn) -> dict:
    """One action of the dossier's lifecycle; 409 with ``allowed_actions`` when it is not
    allowed now for the caller."""
    dossier = dossier_get_for_user(request.auth, code)
    ACTIONS[payload.action](request.auth, dossier, payload)
    return _detail(request.auth, api_code(dossier))


@router.get(
    "/{code}/forms/{kind}.pdf",
    response={404: ErrorOut, 401: ErrorOut},
    summary="In biểu mẫu (receipt, supplement, refusal, apology, control-sheet)",
    openapi_extra={"responses": {200: {"content": {"application/pdf": {}}}}},
)
def dossier_form(request: HttpRequest, code: str, kind: str) -> HttpResponse | Status:
    from cchc.dossiers import printing  # imported late: WeasyPrint is heavy to load

    dossier = dossier_get_for_user(request.auth, code)
    if kind not in printing.FORM_KINDS:
        return Status(404, {"detail": MSG_NO_FORM})
    try:
        pdf = printing.render_form(dossier, kind)
    except printing.FormNotAvailable as exc:
        return Status(404, {"detail": exc.message})
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = printing.form_filename(dossier, kind)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# --- Public lookup --------------------------------------------------------------------------


@public_router.get(
    "/{code}",
    response={200: PublicDossierOut, 404: ErrorOut, 422: InputErrorOut, 429: ErrorOut},
    summary="Tra cứu tình trạng hồ sơ (mã hồ sơ và số điện thoại)",
)
def dossier_public(
    request: HttpRequest, code: str, query: Query[PublicLookupQuery]
) -> HttpResponse:
    """No login. Needs the applicant's phone as a second factor; limited per client address.
    ``config.wsgi`` answers the same URL before Django with the same function
    (``cchc.dossiers.public``)."""
    answer = public_lookup(code, query.phone, client_ip(request))
    response = HttpResponse(answer.body, status=answer.status, content_type=PUBLIC_JSON)
    for name, value in answer.headers:
        response[name] = value
    return response
