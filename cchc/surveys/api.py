"""API v1: a survey campaign's results (issue 11 §4), for the Department of Home Affairs.

``GET /api/v1/surveys/{campaign_code}/results`` answers the five elements with their index
(share of "satisfied" or "very satisfied" answers), Wilson 95 % interval and answer count, and
their mean with its interval — overall, per agency and per stratum (agency × service). Only a
Home Affairs token may read it (any other role: 403, before the campaign is looked up, so a 403
never says whether a code exists); an unknown code is a 404. Computed by
``cchc.surveys.services.campaign_results`` — the staff page and the XLSX show the same figures.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Path, Router, Schema
from pydantic import Field

from cchc.core.api import ErrorOut, RefusalOut
from cchc.core.validation import ApiText
from cchc.domain.survey import Interval, SurveyResult
from cchc.org.auth import bearer
from cchc.org.models import User
from cchc.satisfaction.models import Aspect
from cchc.surveys.models import Campaign
from cchc.surveys.services import campaign_results

router = Router(tags=["Khảo sát sự hài lòng"], auth=bearer)

CampaignCode = Annotated[ApiText, Path(max_length=40, description="Mã đợt khảo sát")]
Element = Literal["access", "procedure", "civil_servant", "result", "feedback"]


class IntervalOut(Schema):
    low: float = Field(..., ge=0, le=1, description="Cận dưới của khoảng tin cậy 95%")
    high: float = Field(..., ge=0, le=1, description="Cận trên của khoảng tin cậy 95%")


class ElementOut(Schema):
    element: Element = Field(..., description="Tiêu chí SIPAS")
    name: str
    answers: int = Field(..., ge=0, description="Số câu trả lời theo thang mức hài lòng")
    satisfied: int = Field(..., ge=0, description="Số câu trả lời hài lòng hoặc rất hài lòng")
    index: float | None = Field(
        ..., ge=0, le=1, description="Chỉ số (tỷ lệ hài lòng); null khi chưa có câu trả lời"
    )
    interval: IntervalOut | None = Field(..., description="Khoảng tin cậy 95% theo Wilson")


class ResultOut(Schema):
    answers: int = Field(..., ge=0)
    index: float | None = Field(
        ..., ge=0, le=1, description="Chỉ số chung: trung bình các tiêu chí có câu trả lời"
    )
    interval: IntervalOut | None = Field(
        ..., description="Trung bình cận dưới và cận trên của các tiêu chí"
    )
    elements: list[ElementOut]


class AgencyResultOut(ResultOut):
    agency_code: str
    agency_name: str


class ServiceResultOut(AgencyResultOut):
    service: str = Field(..., description="Dịch vụ (tên thủ tục hoặc dịch vụ sự nghiệp công)")
    procedure_code: str | None
    population: int = Field(..., ge=0, description="Tổng thể N")
    target: int = Field(..., ge=0, description="Cỡ mẫu n = N / (1 + N·e²)")


class CampaignResultsOut(Schema):
    code: str
    name: str
    period_start: date
    period_end: date
    status: Literal["open", "closed"]
    margin: float = Field(..., gt=0, lt=1, description="Sai số e")
    overall: ResultOut
    agencies: list[AgencyResultOut]
    services: list[ServiceResultOut]


def _interval(interval: Interval | None) -> dict | None:
    return None if interval is None else {"low": interval.low, "high": interval.high}


def _result(result: SurveyResult) -> dict:
    return {
        "answers": result.answers,
        "index": result.index,
        "interval": _interval(result.interval),
        "elements": [
            {
                "element": row.element,
                "name": str(Aspect(row.element).label),
                "answers": row.answers,
                "satisfied": row.satisfied,
                "index": row.index,
                "interval": _interval(row.interval),
            }
            for row in result.elements
        ],
    }


@router.get(
    "/{campaign_code}/results",
    response={200: CampaignResultsOut, 403: RefusalOut, 404: ErrorOut},
    summary="Kết quả đợt khảo sát (Sở Nội vụ)",
)
def survey_results(request: HttpRequest, campaign_code: CampaignCode) -> dict:
    if request.auth.role != User.Role.HOME_AFFAIRS:
        raise PermissionDenied
    campaign = Campaign.objects.filter(code=campaign_code).first()
    if campaign is None:
        raise Http404
    results = campaign_results(campaign)
    return {
        "code": campaign.code,
        "name": campaign.name,
        "period_start": campaign.period_start,
        "period_end": campaign.period_end,
        "status": campaign.status,
        "margin": float(campaign.margin),
        "overall": _result(results.overall),
        "agencies": [
            {"agency_code": a.code, "agency_name": a.name, **_result(r)}
            for a, r in results.by_agency
        ],
        "services": [
            {
                "agency_code": s.agency.code,
                "agency_name": s.agency.name,
                "service": s.service_name,
                "procedure_code": s.procedure.code if s.procedure_id else None,
                "population": s.population,
                "target": s.target,
                **_result(r),
            }
            for s, r in results.by_stratum
        ],
    }
