"""API v1 of the reform plans (``/api/v1/plans/…``).

``GET /api/v1/plans/{year}?agency=<code>`` answers an agency's plan of that year (the caller's
unit when ``agency`` is left out) and its tasks: officers' bearer tokens, scoped like the
dossiers — Home Affairs reads every plan, an agency its own plan whole and, of another plan
(the province's), the tasks it leads or coordinates. No plan, or one outside the caller's
scope, is a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.http import HttpRequest
from ninja import Path, Query, Router, Schema
from pydantic import Field

from cchc.core.validation import ApiText
from cchc.org.auth import bearer
from cchc.plans.models import MAX_YEAR, MIN_YEAR, Area, PlanTask
from cchc.plans.plan_selectors import plan_of_year, tasks_for

router = Router(tags=["Kế hoạch cải cách hành chính"], auth=bearer)

AreaCode = Literal[tuple(Area.values)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(PlanTask.Status.values)]  # type: ignore[valid-type]


class PlanPath(Schema):
    year: int = Field(..., ge=MIN_YEAR, le=MAX_YEAR, description="Năm kế hoạch (YYYY)")


class PlanQuery(Schema):
    agency: ApiText = Field(
        "",
        max_length=13,
        description="Mã định danh của cơ quan; bỏ trống: cơ quan của người gọi",
    )


class PlanHeadOut(Schema):
    number: str = Field(..., description="Số, ký hiệu của kế hoạch (rỗng khi chưa ghi)")
    date: dt.date | None = Field(..., description="Ngày ban hành (YYYY-MM-DD)")
    agency_code: str = Field(..., description="Mã định danh của cơ quan ban hành")


class PlanTaskOut(Schema):
    number: str = Field(..., description="Số thứ tự trong phụ lục")
    area: AreaCode = Field(..., description="Lĩnh vực cải cách")
    content: str
    product: str
    lead_agency_code: str | None = Field(
        ..., description="Cơ quan chủ trì; null khi chủ trì là một nhóm (các sở, UBND cấp huyện…)"
    )
    coordinating_agency_codes: list[str]
    timing: str = Field(..., description="Thời gian thực hiện như ghi trong kế hoạch")
    due_date: dt.date | None = Field(..., description="Hạn hoàn thành; null khi thường xuyên")
    status: StatusCode
    progress: int = Field(..., ge=0, le=100, description="Tiến độ (%)")


class PlanOut(Schema):
    plan: PlanHeadOut
    tasks: list[PlanTaskOut]


@router.get("/{year}", response=PlanOut, summary="Kế hoạch CCHC của một cơ quan trong một năm")
def plan_get(request: HttpRequest, path: Path[PlanPath], query: Query[PlanQuery]) -> dict:
    """The plan and the tasks the caller may see, in the appendix's order."""
    plan = plan_of_year(request.auth, path.year, query.agency.strip())
    return {
        "plan": {"number": plan.number, "date": plan.date, "agency_code": plan.agency.code},
        "tasks": [
            {
                "number": t.number,
                "area": t.area,
                "content": t.content,
                "product": t.product,
                "lead_agency_code": t.lead_agency.code if t.lead_agency else None,
                "coordinating_agency_codes": sorted(a.code for a in t.coordinating_agencies.all()),
                "timing": t.timing_text,
                "due_date": t.due_date,
                "status": t.status,
                "progress": t.progress,
            }
            for t in tasks_for(request.auth, plan)
        ],
    }
