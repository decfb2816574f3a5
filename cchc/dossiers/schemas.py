"""API v1 schemas of dossiers: what comes in (and the checks on what the counter types about
the applicant) and what goes out (``dossier_detail``, the one body of every staff endpoint).

Bodies are parsed by pydantic; rules that need a Vietnamese sentence (CCCD, tax code, phone,
e-mail) are checked by ``applicant_data`` and raise ``ApiInputError`` naming the field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Prefetch
from ninja import Schema
from pydantic import ConfigDict, Field, StrictBool, StrictInt

from cchc.core.api import PATTERN_MESSAGES, ApiInputError, RequiredText, documented
from cchc.core.validation import TEXT_PATTERN, ApiDate, ApiMoment, ApiText
from cchc.domain import lifecycle
from cchc.domain.identity import normalize_phone
from cchc.domain.lifecycle import TransitionError
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Apology, Dossier, DossierEvent, DossierStep, Payment
from cchc.dossiers.selectors import dossier_overdue
from cchc.dossiers.services import ApplicantData, DocumentData
from cchc.dossiers.services._common import situation
from cchc.org.identity import applicant_id_message
from cchc.org.models import User

MSG_PHONE = "số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0"
MSG_EMAIL = "địa chỉ thư điện tử không đúng định dạng"

# What ``normalize_phone`` and ``phone_ok`` accept: 10 digits starting with 0 (or +84 / 84 and
# 9 digits), with spaces, dots, dashes, brackets or tabs anywhere; or nothing at all.
_NOISE = r"[ .()\t-]*"
PHONE_PATTERN = rf"^{_NOISE}((\+{_NOISE}8{_NOISE}4|8{_NOISE}4|0)({_NOISE}[0-9]){{9}}{_NOISE})?$"
# Addresses Django's EmailValidator accepts, in ASCII (dot-atom local part, host names, a TLD
# of letters); or nothing at all.
_ATOM = r"[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+"
_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_PATTERN = rf"^$|^{_ATOM}(\.{_ATOM})*@({_LABEL}\.)+[A-Za-z]{{2,24}}$"
PATTERN_MESSAGES.update({PHONE_PATTERN: MSG_PHONE, EMAIL_PATTERN: MSG_EMAIL})


# --- Input ---------------------------------------------------------------------------------


class InputSchema(Schema):
    """A request body: unknown fields are refused (never silently dropped)."""

    model_config = ConfigDict(extra="forbid")


class ApplicantIn(InputSchema):
    kind: Literal["person", "organization"] = Field("person", description="Cá nhân hoặc tổ chức")
    full_name: RequiredText = Field(..., max_length=255, description="Họ tên cá nhân / tên tổ chức")
    id_number: ApiText = Field(
        "",
        max_length=20,
        description=(
            "Cá nhân: số CCCD (12 chữ số: mã tỉnh, thế kỷ và giới tính, năm sinh, số ngẫu "
            "nhiên); tổ chức: mã số thuế (10 chữ số, hoặc 13 với chi nhánh, ví dụ "
            "0101234567-001)"
        ),
    )
    phone: ApiText = Field(
        "",
        max_length=20,
        pattern=PHONE_PATTERN,
        description="Số điện thoại: 10 chữ số, bắt đầu bằng 0 (hoặc +84)",
    )
    email: ApiText = Field("", max_length=254, pattern=EMAIL_PATTERN)
    address: ApiText = Field("", max_length=255, description="Địa chỉ")


class DocumentIn(InputSchema):
    name: RequiredText = Field(..., max_length=500, description="Tên giấy tờ")
    original: StrictBool = Field(True, description="Bản chính (true) hay bản sao (false)")
    copies: StrictInt = Field(1, ge=1, le=100, description="Số bản")


class IntakeIn(InputSchema):
    procedure_code: RequiredText = Field(
        ..., max_length=30, description="Mã thủ tục hành chính trong danh mục"
    )
    channel: Literal["in_person", "online", "postal"] = Field("in_person")
    return_method: Literal["in_person", "postal", "electronic"] = Field("in_person")
    delivery_address: ApiText = Field("", max_length=255, description="Địa chỉ nhận kết quả")
    applicant: ApplicantIn
    documents: list[DocumentIn] = Field(default_factory=list, max_length=100)
    received_at: ApiMoment | None = Field(
        None,
        description=(
            "Chỉ khi nhập bù hồ sơ giấy (cần quyền dossiers.backdate_intake): thời điểm tiếp "
            "nhận thật, ISO 8601 có múi giờ"
        ),
    )
    reason: ApiText = Field(
        "", max_length=2000, description="Lý do nhập bù (bắt buộc với received_at)"
    )


class DossierListQuery(Schema):
    # Left out means no filter (None, which is not validated): a query string has no null.
    status: Literal[tuple(Dossier.Status.values)] = Field(  # type: ignore[valid-type]
        None, description="Trạng thái hồ sơ"
    )
    overdue: Literal["true", "false", "1", "0"] = Field(
        None, description="true: chỉ hồ sơ quá hạn; false: loại ra"
    )
    agency: ApiText = Field("", max_length=20, description="Mã định danh cơ quan tiếp nhận")
    procedure: ApiText = Field("", max_length=30, description="Mã thủ tục")
    received_from: ApiDate = Field(None, description="Tiếp nhận từ ngày (YYYY-MM-DD)")
    received_to: ApiDate = Field(None, description="đến hết ngày (YYYY-MM-DD)")
    q: ApiText = Field("", max_length=100, description="Mã hồ sơ, tên, số điện thoại, số giấy tờ")
    cursor: str = Field(
        "",
        max_length=100,
        pattern=r"^[A-Za-z0-9_-]*$",
        description="Con trỏ trang sau: dùng nguyên đường dẫn 'next'",
    )


class PublicLookupQuery(Schema):
    # Any other text is a 404 like a wrong phone, at both doors (cchc.dossiers.public).
    phone: Annotated[str, documented(pattern=TEXT_PATTERN)] = Field(
        ..., min_length=1, max_length=20, description="Số điện thoại người nộp"
    )


def applicant_data(applicant: ApplicantIn) -> ApplicantData:
    """The applicant as the services take it, or ``ApiInputError`` naming the bad field."""
    id_number = applicant.id_number.strip()
    problem = applicant_id_message(applicant.kind, id_number) if id_number else None
    if problem:
        raise ApiInputError("applicant.id_number", problem)
    email = applicant.email.strip()
    if email:
        try:  # the pattern says the same; Django's validator has the last word
            validate_email(email)
        except ValidationError:
            raise ApiInputError("applicant.email", MSG_EMAIL) from None
    return ApplicantData(
        full_name=" ".join(applicant.full_name.split()),
        kind=applicant.kind,
        id_number=id_number,
        phone=normalize_phone(applicant.phone),
        email=email,
        address=applicant.address.strip(),
    )


def document_data(documents: list[DocumentIn]) -> list[DocumentData]:
    return [DocumentData(name=d.name, original=d.original, copies=d.copies) for d in documents]


# --- Output ---------------------------------------------------------------------------------


class StepOut(Schema):
    order: int
    name: str
    agency: str
    role: str
    holder: str | None
    holder_name: str | None
    due_at: str | None


class RouteStepOut(StepOut):
    state: str
    started_at: str | None
    finished_at: str | None


class EventOut(Schema):
    seq: int
    action: str
    at: str
    actor: str
    from_status: str
    to_status: str
    from_holder: str
    to_holder: str
    note: str
    data: dict


class ApologyOut(Schema):
    issued_at: str
    reason: str
    old_due_at: str
    new_due_at: str
    timely: bool
    agency: str


class ApplicantOut(Schema):
    kind: str
    full_name: str
    id_number: str
    phone: str
    email: str
    address: str


class DocumentOut(Schema):
    name: str
    original: bool
    copies: int


class FeeOut(Schema):
    name: str
    amount_vnd: int
    financial_obligation: bool


class DossierSummaryOut(Schema):
    code: str
    status: str
    status_label: str
    procedure_code: str
    procedure_name: str
    receiving_agency: str
    applicant_name: str
    received_at: str | None
    due_at: str | None
    overdue: bool
    timeliness: Literal["early", "on_time", "late"] | None
    current_step: StepOut | None


class DossierOut(DossierSummaryOut):
    receiving_agency_name: str
    channel: str
    return_method: str
    legal_due_at: str | None
    finished_at: str | None
    returned_at: str | None
    outcome: str
    result_number: str
    closing_reason: str
    backdated: bool
    visits: int
    applicant: ApplicantOut
    documents: list[DocumentOut]
    steps: list[RouteStepOut]
    events: list[EventOut]
    apologies: list[ApologyOut]
    fees: list[FeeOut]
    paid_vnd: int
    allowed_actions: list[str]


class DossierPageOut(Schema):
    items: list[DossierSummaryOut]
    next: str | None


class PublicApologyOut(Schema):
    issued_at: str
    new_due_at: str
    reason: str


class PublicDossierOut(Schema):
    code: str
    status: str
    status_label: str
    procedure_code: str
    procedure_name: str
    received_at: str | None
    due_at: str | None
    finished_at: str | None
    returned_at: str | None
    timeliness: Literal["early", "on_time", "late"] | None
    apologies: list[PublicApologyOut]


# --- Serialisation: one body for every staff endpoint ----------------------------------------

DETAIL_PREFETCH = (
    Prefetch("events", queryset=DossierEvent.objects.order_by("seq")),
    Prefetch("apologies", queryset=Apology.objects.select_related("agency").order_by("issued_at")),
    Prefetch("steps", queryset=DossierStep.objects.select_related("agency", "holder")),
    "documents",
    "fee_lines",
    Prefetch(
        "payments",
        queryset=Payment.objects.filter(state=Payment.State.PAID),
        to_attr="paid_payments",
    ),
)


def local_iso(moment: datetime | None) -> str | None:
    """ISO 8601 in the province's zone (``…+07:00``)."""
    return moment.astimezone(VN_TZ).isoformat() if moment else None


def _step(step: DossierStep | None) -> dict | None:
    if step is None:
        return None
    holder = step.holder if step.holder_id else None
    return {
        "order": step.order,
        "name": step.name,
        "agency": step.agency.code,
        "role": step.role,
        "holder": holder.username if holder else None,
        "holder_name": holder.get_full_name() if holder else None,
        "due_at": local_iso(step.due_at),
    }


def api_code(dossier: Dossier) -> str:
    """How the API names a dossier: its code once received, its public id before."""
    return dossier.code or str(dossier.public_id)


def dossier_summary(dossier: Dossier, now: datetime) -> dict:
    """A list row: needs only the columns ``selectors.LIST_RELATED`` joins."""
    return {
        "code": api_code(dossier),
        "status": dossier.status,
        "status_label": str(dossier.get_status_display()),
        "procedure_code": dossier.procedure.code,
        "procedure_name": dossier.procedure.name,
        "receiving_agency": dossier.receiving_agency.code,
        "applicant_name": dossier.applicant_name,
        "received_at": local_iso(dossier.received_at),
        "due_at": local_iso(dossier.due_at),
        "overdue": dossier_overdue(dossier, now),
        "timeliness": dossier.timeliness or None,
        "current_step": _step(dossier.current_step),
    }


def allowed_actions_for(dossier: Dossier, user: User, now: datetime) -> list[str]:
    """What ``user`` may do now; empty for a caller without a dossier role."""
    try:
        return [a.value for a in lifecycle.allowed_actions(situation(dossier, user, now))]
    except TransitionError:
        return []


def dossier_detail(dossier: Dossier, *, user: User, now: datetime) -> dict:
    """The dossier body of every staff endpoint; expects ``DETAIL_PREFETCH`` to be loaded."""
    return {
        **dossier_summary(dossier, now),
        "receiving_agency_name": dossier.receiving_agency.name,
        "channel": dossier.channel,
        "return_method": dossier.return_method,
        "legal_due_at": local_iso(dossier.legal_due_at),
        "finished_at": local_iso(dossier.finished_at),
        "returned_at": local_iso(dossier.returned_at),
        "outcome": dossier.outcome,
        "result_number": dossier.result_number,
        "closing_reason": dossier.closing_reason,
        "backdated": dossier.backdated,
        "visits": dossier.visit_count,
        "applicant": {
            "kind": dossier.applicant_kind,
            "full_name": dossier.applicant_name,
            "id_number": dossier.applicant_id_number,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
            "address": dossier.applicant_address,
        },
        "documents": [
            {"name": d.name, "original": d.original, "copies": d.copies}
            for d in dossier.documents.all()
        ],
        "steps": [
            {
                **_step(s),
                "state": s.state,
                "started_at": local_iso(s.started_at),
                "finished_at": local_iso(s.finished_at),
            }
            for s in dossier.steps.all()
        ],
        "events": [
            {
                "seq": e.seq,
                "action": e.action,
                "at": local_iso(e.at),
                "actor": e.actor_name,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "from_holder": e.from_holder,
                "to_holder": e.to_holder,
                "note": e.note,
                "data": e.data,
            }
            for e in dossier.events.all()
        ],
        "apologies": [
            {
                "issued_at": local_iso(a.issued_at),
                "reason": a.reason,
                "old_due_at": local_iso(a.old_due_at),
                "new_due_at": local_iso(a.new_due_at),
                "timely": a.timely,
                "agency": a.agency.code,
            }
            for a in dossier.apologies.all()
        ],
        "fees": [
            {
                "name": f.name,
                "amount_vnd": f.amount_vnd,
                "financial_obligation": f.is_financial_obligation,
            }
            for f in dossier.fee_lines.all()
        ],
        "paid_vnd": sum(p.amount_vnd for p in dossier.paid_payments),
        "allowed_actions": allowed_actions_for(dossier, user, now),
    }
