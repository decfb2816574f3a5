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
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status

from cchc.catalog.models import Procedure
from cchc.core.api import ApiInputError, parse_moment
from cchc.core.ratelimit import client_ip
from cchc.domain.lifecycle import MSG_ROLE
from cchc.domain.workdays import VN_TZ
from cchc.dossiers import services
from cchc.dossiers.actions import BY_INPUT, ActionBody, perform
from cchc.dossiers.models import Dossier
from cchc.dossiers.public import JSON as PUBLIC_JSON
from cchc.dossiers.public import public_lookup
from cchc.dossiers.schemas import (
    DETAIL_PREFETCH,
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
from cchc.dossiers.services._common import MSG_NO_DOSSIER_ROLE
from cchc.dossiers.services.drafts import MSG_NOT_OWNER
from cchc.dossiers.services.intake import MSG_NOT_INTAKE_ROLE
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
MSG_NO_FORM = "Không có mẫu in này."

_CURSOR = re.compile(r"d(\d{1,18})")

# Refusals that depend on who asks, not on the dossier's state: a 403, not a 409.
PERMISSION_REFUSALS = frozenset({MSG_ROLE, MSG_NO_DOSSIER_ROLE, MSG_NOT_INTAKE_ROLE, MSG_NOT_OWNER})


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
def dossier_act(request: HttpRequest, code: str, payload: ActionBody) -> dict:
    """One action of the dossier's lifecycle (the fields each takes: ``ActionBody``); 409
    with ``allowed_actions`` when it is not allowed now for the caller."""
    dossier = dossier_get_for_user(request.auth, code)
    arguments = payload.arguments(dossier)
    perform(BY_INPUT[type(payload)], actor=request.auth, dossier=dossier, arguments=arguments)
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
