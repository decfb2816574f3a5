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
from typing import Annotated

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Path, Query, Router, Status
from pydantic import WithJsonSchema

from cchc.catalog.models import Procedure
from cchc.core.api import ApiInputError, ErrorOut, RefusalOut, documented
from cchc.core.ratelimit import client_ip
from cchc.core.validation import TEXT_PATTERN, ApiText
from cchc.domain.lifecycle import MSG_ROLE
from cchc.domain.workdays import VN_TZ
from cchc.dossiers import services
from cchc.dossiers.actions import BY_INPUT, ActionBody, perform
from cchc.dossiers.models import Dossier
from cchc.dossiers.public import JSON as PUBLIC_JSON
from cchc.dossiers.public import public_lookup
from cchc.dossiers.schemas import (
    DETAIL_PREFETCH,
    DossierListQuery,
    DossierOut,
    DossierPageOut,
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
MSG_NO_FORM = "Không có mẫu in này."
MSG_DAY_ORDER = "phải không sớm hơn ngày 'received_from'"
MSG_BAD_CURSOR = "con trỏ trang không hợp lệ (dùng nguyên đường dẫn 'next')"

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


def intake_request(payload: IntakeIn) -> services.IntakeRequest:
    procedure = Procedure.objects.filter(code=payload.procedure_code.strip()).first()
    if procedure is None:
        raise ApiInputError("procedure_code", MSG_UNKNOWN_PROCEDURE)
    return services.IntakeRequest(
        procedure=procedure,
        applicant=applicant_data(payload.applicant),
        channel=payload.channel,
        return_method=payload.return_method,
        documents=document_data(payload.documents),
        delivery_address=payload.delivery_address,
    )


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=VN_TZ)


def list_filters(query: DossierListQuery) -> tuple[Filters, int | None]:
    """The list's filters and the keyset cursor; ``received_to`` is inclusive (a local day)."""
    first, last = query.received_from, query.received_to
    if first and last and last < first:
        raise ApiInputError("received_to", MSG_DAY_ORDER)
    filters = Filters(
        status=query.status or "",
        overdue=None if query.overdue is None else query.overdue in ("true", "1"),
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

# Besides these, config.api documents what every endpoint may answer (400, 401, 404 for a
# path, 413 and 415 for a body, 422 for any input).
REFUSALS = {403: RefusalOut, 409: RefusalOut}
DossierCode = Annotated[
    ApiText, Path(max_length=40, description="Mã hồ sơ, hoặc mã định danh trước khi tiếp nhận")
]
# printing.FORM_KINDS (not imported here: WeasyPrint is heavy to load); another kind is a 404.
# The public lookup answers 404 for any code it does not know, at both its doors.
PublicCode = Annotated[
    str,
    documented(maxLength=40, pattern=TEXT_PATTERN),
    Path(description="Mã hồ sơ (in trên giấy tiếp nhận)"),
]
FORM_KINDS = ("receipt", "supplement", "refusal", "apology", "control-sheet")
FormKind = Annotated[
    str, WithJsonSchema({"type": "string", "enum": list(FORM_KINDS)}), Path(description="Mẫu")
]


@router.post(
    "", response={201: DossierOut, **REFUSALS}, summary="Tiếp nhận hồ sơ tại Bộ phận Một cửa"
)
def dossier_create(request: HttpRequest, payload: IntakeIn) -> Status:
    """Receive a complete dossier (Mẫu 01): code, due moment, route. ``received_at`` is
    back-office entry of a paper dossier and needs the ``dossiers.backdate_intake`` permission
    and a ``reason``."""
    dossier = services.dossier_receive(
        actor=request.auth,
        request=intake_request(payload),
        received_at=payload.received_at,
        reason=payload.reason,
    )
    return Status(201, _received_detail(request.auth, dossier))


@router.get("", response=DossierPageOut, summary="Danh sách hồ sơ")
def dossier_list(request: HttpRequest, query: Query[DossierListQuery]) -> dict:
    """The caller's dossiers, newest first, a page at a time (follow ``next``)."""
    filters, after = list_filters(query)
    queryset = dossier_worklist(request.auth, Worklist.ALL, filters=filters)
    rows, last = keyset_page(queryset, after=after, size=settings.CCHC_API_PAGE_SIZE)
    now = timezone.now()
    return {"items": [dossier_summary(d, now) for d in rows], "next": _next_url(request, last)}


@router.get("/{code}", response=DossierOut, summary="Chi tiết hồ sơ")
def dossier_get(request: HttpRequest, code: DossierCode) -> dict:
    return _detail(request.auth, code)


@router.post(
    "/{code}/actions", response={200: DossierOut, **REFUSALS}, summary="Thực hiện thao tác"
)
def dossier_act(request: HttpRequest, code: DossierCode, payload: ActionBody) -> dict:
    """One action of the dossier's lifecycle (the fields each takes: ``ActionBody``); 403 when
    the caller's role may not take it, 409 when the dossier's state does not allow it now, both
    with ``allowed_actions``."""
    dossier = dossier_get_for_user(request.auth, code)
    arguments = payload.arguments(dossier)
    perform(BY_INPUT[type(payload)], actor=request.auth, dossier=dossier, arguments=arguments)
    return _detail(request.auth, api_code(dossier))


@router.get(
    "/{code}/forms/{kind}.pdf",
    response={200: None, 404: ErrorOut},
    summary="In biểu mẫu (receipt, supplement, refusal, apology, control-sheet)",
    openapi_extra={
        "responses": {
            200: {
                "description": "Biểu mẫu PDF",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def dossier_form(request: HttpRequest, code: DossierCode, kind: FormKind) -> HttpResponse:
    from cchc.dossiers import printing  # imported late: WeasyPrint is heavy to load

    dossier = dossier_get_for_user(request.auth, code)
    if kind not in FORM_KINDS:
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
    response={200: PublicDossierOut, 404: ErrorOut, 429: ErrorOut},
    summary="Tra cứu tình trạng hồ sơ (mã hồ sơ và số điện thoại)",
    openapi_extra={
        "responses": {
            429: {
                "headers": {
                    "Retry-After": {
                        "description": "Số giây chờ trước khi tra cứu lại",
                        "required": True,
                        "schema": {"type": "string", "pattern": "^[0-9]+$"},
                    }
                }
            }
        }
    },
)
def dossier_public(
    request: HttpRequest, code: PublicCode, query: Query[PublicLookupQuery]
) -> HttpResponse:
    """No login. Needs the applicant's phone as a second factor; limited per client address.
    ``config.wsgi`` answers the same URL before Django with the same function
    (``cchc.dossiers.public``)."""
    answer = public_lookup(code, query.phone, client_ip(request))
    response = HttpResponse(answer.body, status=answer.status, content_type=PUBLIC_JSON)
    for name, value in answer.headers:
        response[name] = value
    return response
