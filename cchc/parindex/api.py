"""API v1 of the PAR Index: published rankings (``/api/v1/parindex/…``) — public, no sign-in,
like ``/api/v1/serving-index``: the province publishes these figures (agencies' figures only,
no personal data).

``GET /api/v1/parindex/{year}/{unit_kind}/ranking`` answers the units of the published ranking
of that year and unit kind, ordered by rank (then agency code), each with its total, maximum,
percent, competition rank (1-2-2-4), rank change (last year's rank minus this year's: positive
= moved up, null when the unit had no rank last year), the classification (the band's name the
framework configures), its component index per field and whether it may be considered for
emulation awards (no component under 50 %). Published results only (``cchc.parindex.results``
reads the frozen ``PublishedResult`` rows): a year or kind with none is a 404; a kind that is
not one of ``province``, ``department``, ``district``, ``commune`` or a year outside 2000–2100
is a 422 that names the parameter.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from django.http import Http404, HttpRequest
from ninja import Path, Router, Schema
from pydantic import Field

from cchc.parindex.models import MAX_YEAR, MIN_YEAR
from cchc.parindex.results import Ranking, RankingRow, ranking

router = Router(tags=["Chỉ số cải cách hành chính (công khai)"])

UnitKindParam = Literal["province", "department", "district", "commune"]


class RankingPath(Schema):
    year: int = Field(..., ge=MIN_YEAR, le=MAX_YEAR, description="Năm đánh giá (YYYY)")
    unit_kind: UnitKindParam = Field(
        ...,
        description=(
            "Đối tượng: province (cấp tỉnh), department (sở, ban, ngành), district (cấp huyện), "
            "commune (cấp xã)"
        ),
    )


class ComponentOut(Schema):
    field_code: str = Field(..., description="Mã lĩnh vực")
    field_name: str
    points: float = Field(..., description="Điểm đạt được của lĩnh vực")
    max: float = Field(..., description="Điểm tối đa của lĩnh vực được áp dụng")
    percent: float | None = Field(
        ..., description="Chỉ số thành phần (%); null khi lĩnh vực không được áp dụng"
    )


class RankingRowOut(Schema):
    agency_code: str = Field(..., description="Mã định danh điện tử của cơ quan, đơn vị")
    agency_name: str
    total: float = Field(..., description="Tổng điểm (sau quy đổi khi không có điều tra)")
    max: float = Field(..., description="Điểm tối đa của bộ tiêu chí")
    percent: float = Field(..., description="Chỉ số CCHC (%)")
    rank: int | None = Field(..., ge=1, description="Thứ hạng (đồng hạng 1-2-2-4)")
    rank_change: int | None = Field(
        ...,
        description=(
            "Thứ hạng năm trước trừ thứ hạng năm nay (dương: tăng bậc); null khi năm trước "
            "đơn vị chưa được xếp hạng"
        ),
    )
    classification: str = Field(..., description="Xếp loại theo mức của bộ tiêu chí")
    components: list[ComponentOut]
    eligible_for_emulation: bool = Field(
        ..., description="Được xét thi đua: không có chỉ số thành phần nào dưới 50%"
    )


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def ranking_row_data(row: RankingRow) -> dict:
    return {
        "agency_code": row.agency.code,
        "agency_name": row.agency.name,
        "total": float(row.total),
        "max": float(row.max_points),
        "percent": float(row.percent),
        "rank": row.rank,
        "rank_change": row.rank_change,
        "classification": row.classification,
        "components": [
            {
                "field_code": c.field_code,
                "field_name": c.field_name,
                "points": float(c.points),
                "max": float(c.max_points),
                "percent": _number(c.percent),
            }
            for c in row.components
        ],
        "eligible_for_emulation": row.eligible,
    }


def ranking_data(found: Ranking) -> list[dict]:
    """The API's body for a published ranking (also for pages that offer it as JSON)."""
    return [ranking_row_data(row) for row in found.rows]


@router.get(
    "/{year}/{unit_kind}/ranking",
    response=list[RankingRowOut],
    summary="Xếp hạng Chỉ số CCHC đã công bố của một năm và một loại đơn vị",
)
def ranking_get(request: HttpRequest, path: Path[RankingPath]) -> list[dict]:
    """The published ranking, ordered by rank: total, maximum, percent, rank and its change
    from last year's published ranking of the same kind, classification, component index per
    field and emulation eligibility. 404 when nothing of that year and kind is published."""
    found = ranking(path.year, path.unit_kind)
    if found is None:
        raise Http404
    return ranking_data(found)
