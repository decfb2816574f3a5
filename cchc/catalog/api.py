"""API v1: the procedure catalogue (public; a staff token also sees drafts)."""

from __future__ import annotations

from typing import Annotated

from django.conf import settings
from django.http import HttpRequest
from ninja import Path, Query, Router

from cchc.catalog.models import Procedure
from cchc.catalog.schemas import ProcedureDetail, ProcedureListQuery, ProcedurePage
from cchc.catalog.selectors import procedure_get, procedure_list
from cchc.core.validation import ApiText
from cchc.org.auth import optional_token_user
from cchc.org.selectors import is_staff_user

router = Router(tags=["Thủ tục hành chính"])


def agency_label(procedure: Procedure) -> str:
    if procedure.competent_agency:
        return procedure.competent_agency.name
    return procedure.competent_text or "Cơ quan tiếp nhận hồ sơ"


@router.get("", response=ProcedurePage, summary="Danh sách, tìm kiếm thủ tục")
def procedures(request: HttpRequest, query: Query[ProcedureListQuery]) -> dict:
    staff = is_staff_user(optional_token_user(request))
    queryset = procedure_list(
        q=query.q, field_code=query.field, agency_code=query.agency, in_force_only=not staff
    )
    size = settings.CCHC_API_PAGE_SIZE
    offset = (query.page - 1) * size
    count = queryset.count()
    rows = list(queryset[offset : offset + size])
    next_url = None
    if offset + size < count:
        params = request.GET.copy()
        params["page"] = str(query.page + 1)
        next_url = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
    return {
        "items": [
            {
                "code": p.code,
                "name": p.name,
                "field": p.field.name,
                "agency": agency_label(p),
                "processing_days": float(p.processing_days),
                "online_mode": p.online_mode,
                "fee_vnd": p.fee_total,
            }
            for p in rows
        ],
        "count": count,
        "next": next_url,
    }


ProcedureCode = Annotated[ApiText, Path(max_length=30, description="Mã thủ tục")]


@router.get("/{code}", response=ProcedureDetail, summary="Chi tiết thủ tục")
def procedure_detail(request: HttpRequest, code: ProcedureCode) -> dict:
    staff = is_staff_user(optional_token_user(request))
    p = procedure_get(code, in_force_only=not staff)
    return {
        "code": p.code,
        "name": p.name,
        "field": p.field.name,
        "field_code": p.field.code,
        "status": p.status,
        "version": p.version,
        "levels": [lvl for lvl in ("province", "district", "commune") if getattr(p, f"at_{lvl}")],
        "agency": agency_label(p),
        "agency_code": p.competent_agency.code if p.competent_agency else None,
        "receiving_agencies": [a.code for a in p.receiving_agencies.all()],
        "processing_time": float(p.processing_time),
        "processing_unit": p.processing_unit,
        "processing_days": float(p.processing_days),
        "cutoff_time": p.cutoff_time.strftime("%H:%M") if p.cutoff_time else None,
        "supplement_clock": p.supplement_clock,
        "online_mode": p.online_mode,
        "legacy_level": p.legacy_level,
        "postal_submission": p.postal_submission,
        "postal_return": p.postal_return,
        "inter_agency": p.inter_agency,
        "result_name": p.result_name,
        "fee_vnd": sum(f.amount_vnd for f in p.fees.all()),
        "fees": [{"name": f.name, "amount_vnd": f.amount_vnd} for f in p.fees.all()],
        "documents": [
            {"name": d.name, "form": d.form, "count": d.count, "optional": d.is_optional}
            for d in p.documents.all()
        ],
        "legal_bases": [b.text for b in p.legal_bases.all()],
        "steps": [
            {
                "order": s.order,
                "name": s.name,
                "agency": s.agency.code if s.agency else None,
                "role": s.role,
                "budget_hours": float(s.budget_hours),
            }
            for s in p.steps.all()
        ],
        "decision_number": p.decision_number,
        "decision_date": p.decision_date.isoformat() if p.decision_date else None,
        "versions": [
            {
                "number": v.number,
                "status": v.status,
                "decision_number": v.decision_number,
                "decision_date": v.decision_date.isoformat() if v.decision_date else None,
            }
            for v in p.versions.all()
        ],
    }
