"""API v1: the serving-quality index (Decision 766/QĐ-TTg) of every agency that resolves
dossiers, over a period — public, no sign-in, no personal data (agencies' figures only).

``GET /api/v1/serving-index?from=YYYY-MM-DD&to=YYYY-MM-DD[&agency_kind=department|commune]``
answers the agencies ordered by rank, each with its total (out of 100), its competition rank
(1-2-2-4), its six groups (points out of the maximum that applies) and its indicators
(numerator, denominator, points, maximum, and whether the value was entered by the reform
office). Computed by ``cchc.stats.serving.serving_index`` — the dashboards and the public
pages show the same figures. A period that ends before it starts or spans more than a year is
a 422 that names the parameter. The body of each period and kind is cached for
``CCHC_PUBLIC_CACHE_SECONDS`` (default 300), as the public pages are: the endpoint is public and
a year of a large province takes most of a second to compute (make bench).

``GET /api/v1/satisfaction/duty-flags?year=YYYY`` (Home Affairs' token; 403 for other roles,
401 without): the DOMAIN A8 duty flags of the year per agency and officer
(``cchc.stats.duty``), the same figures as the page "Đánh giá thực thi công vụ theo ý kiến
người dân".
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from cchc.core.api import ApiInputError, RefusalOut
from cchc.core.validation import ApiDate
from cchc.org.auth import bearer
from cchc.org.models import Agency, User
from cchc.stats.duty import DutyFlags, DutyRow, duty_flags_of_year
from cchc.stats.serving import AgencyIndex, ServingIndex, serving_index

router = Router(tags=["Chỉ số phục vụ người dân, doanh nghiệp (công khai)"])

MAX_SPAN_DAYS = 366
FIRST_YEAR = 2000
LAST_YEAR = 2100
API_DAY_ORDER = "phải không sớm hơn ngày 'from'"
API_SPAN = f"khoảng ngày không được dài quá {MAX_SPAN_DAYS} ngày (một năm)"


class ServingIndexQuery(Schema):
    from_: ApiDate = Field(..., alias="from", description="Từ ngày (YYYY-MM-DD)")
    to: ApiDate = Field(..., description="Đến ngày (YYYY-MM-DD), không quá một năm sau 'from'")
    agency_kind: Literal["department", "commune"] | None = Field(
        None, description="Chỉ các sở, ban, ngành (department) hoặc chỉ các xã, phường (commune)"
    )


class GroupPointsOut(Schema):
    code: str = Field(..., description="Mã nhóm: CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH")
    name: str
    points: float | None = Field(
        ..., description="Điểm của nhóm; null khi không chỉ tiêu nào của nhóm được áp dụng"
    )
    max: float = Field(..., description="Điểm tối đa của các chỉ tiêu được áp dụng")


class IndicatorPointsOut(Schema):
    code: str
    group: str
    numerator: int | None = Field(..., description="Tử số; null khi không có số liệu")
    denominator: int | None = Field(..., description="Mẫu số; null khi không có số liệu")
    points: float | None = Field(
        ..., description="Điểm; null khi không áp dụng (không tính vào điểm tối đa)"
    )
    max: float = Field(..., description="Điểm tối đa của chỉ tiêu")
    entered: bool = Field(..., description="Số liệu do Cán bộ CCHC nhập, không do hệ thống đếm")


class AgencyIndexOut(Schema):
    agency_code: str = Field(..., description="Mã định danh điện tử của cơ quan")
    agency_name: str
    total: float | None = Field(
        ...,
        description=(
            "Tổng điểm trên thang 100 (quy đổi khi có chỉ tiêu không áp dụng); null khi không "
            "chỉ tiêu nào được áp dụng"
        ),
    )
    rank: int = Field(..., ge=1, description="Thứ hạng (đồng hạng 1-2-2-4)")
    groups: list[GroupPointsOut]
    indicators: list[IndicatorPointsOut]


class ServingIndexOut(Schema):
    from_: date = Field(..., alias="from")
    to: date
    agencies: list[AgencyIndexOut]


def _number(value: object) -> float | None:
    return None if value is None else float(value)


def _agency(a: AgencyIndex) -> dict:
    return {
        "agency_code": a.code,
        "agency_name": a.name,
        "total": _number(a.total),
        "rank": a.rank,
        "groups": [
            {"code": g.code, "name": g.name, "points": _number(g.points), "max": g.max_points}
            for g in a.groups
        ],
        "indicators": [
            {
                "code": i.code,
                "group": i.group,
                "numerator": i.numerator,
                "denominator": i.denominator,
                "points": _number(i.points),
                "max": i.max_points,
                "entered": i.entered,
            }
            for i in a.indicators
        ],
    }


def serving_index_data(index: ServingIndex) -> dict:
    """The API's body for ``index`` (also for pages that offer the figures as JSON)."""
    return {
        "from": index.day_from,
        "to": index.day_to,
        "agencies": [_agency(a) for a in index.agencies],
    }


@router.get(
    "",
    response=ServingIndexOut,
    by_alias=True,
    summary="Chỉ số phục vụ người dân, doanh nghiệp theo cơ quan (Quyết định 766/QĐ-TTg)",
)
def serving_index_get(request: HttpRequest, query: Query[ServingIndexQuery]) -> dict:
    """Every agency that resolved dossiers in the period, ordered by rank. Figures come from
    the platform's summary counters, its catalogue and the values its reform office entered;
    an indicator without a value does not apply and the total is rescaled to 100 (see
    docs/guide/serving-index.md)."""
    if query.to < query.from_:
        raise ApiInputError("to", API_DAY_ORDER)
    if (query.to - query.from_).days + 1 > MAX_SPAN_DAYS:
        raise ApiInputError("to", API_SPAN)
    kind = query.agency_kind or ""
    key = f"cchc:public:serving-index:{query.from_}:{query.to}:{kind}"
    body = cache.get(key)
    if body is None:
        body = serving_index_data(
            serving_index(day_from=query.from_, day_to=query.to, agency_kind=kind)
        )
        cache.set(key, body, int(getattr(settings, "CCHC_PUBLIC_CACHE_SECONDS", 300)))
    return body


# --- The A8 duty flags (Home Affairs) ---------------------------------------------------------

duty_router = Router(tags=["Đánh giá thực thi công vụ theo ý kiến người dân"], auth=bearer)
API_DUTY_ROLE = "Chỉ Sở Nội vụ xem được kết quả đánh giá thực thi công vụ qua API."
DUTY_ROLES = frozenset({User.Role.HOME_AFFAIRS})


class DutyYearQuery(Schema):
    year: int = Field(..., ge=FIRST_YEAR, le=LAST_YEAR, description="Năm đánh giá (YYYY)")


class DutyRowOut(Schema):
    code: str = Field(..., description="Mã định danh của cơ quan, hoặc tài khoản của cán bộ")
    name: str
    ratings: int = Field(..., ge=0, description="Lượt đánh giá trong năm")
    not_satisfied: int = Field(..., ge=0, description="Lượt không hài lòng trong năm")
    share: float = Field(..., ge=0, le=1, description="Tỷ lệ không hài lòng (0–1)")
    enough_ratings: bool = Field(
        ..., description="Đủ số lượt đánh giá tối thiểu (min_ratings) để xét"
    )
    flagged: bool = Field(
        ..., description="Trên 50% không hài lòng trong năm: không hoàn thành nhiệm vụ"
    )
    flagged_two_years: bool = Field(
        ..., description="Năm nay và năm trước đều trên 50%: đề xuất thay thế"
    )


class DutyFlagsOut(Schema):
    year: int
    min_ratings: int = Field(..., ge=0, description="Số lượt đánh giá tối thiểu trong năm để xét")
    agencies: list[DutyRowOut]
    officers: list[DutyRowOut]


def _duty_row(row: DutyRow) -> dict:
    return {
        "code": row.code,
        "name": row.name,
        "ratings": row.ratings.total,
        "not_satisfied": row.not_satisfied,
        "share": float(row.share),
        "enough_ratings": row.enough_ratings,
        "flagged": row.flagged,
        "flagged_two_years": row.flagged_two_years,
    }


def duty_flags_data(flags: DutyFlags) -> dict:
    return {
        "year": flags.year,
        "min_ratings": flags.min_ratings,
        "agencies": [_duty_row(r) for r in flags.agencies],
        "officers": [_duty_row(r) for r in flags.officers],
    }


@duty_router.get(
    "/duty-flags",
    response={200: DutyFlagsOut, 403: RefusalOut},
    summary="Cơ quan, cán bộ có trên 50% lượt đánh giá không hài lòng trong năm (DOMAIN A8)",
)
def duty_flags_get(request: HttpRequest, query: Query[DutyYearQuery]) -> dict:
    """Every agency (as resolving agency) and officer rated in the year, worst first: the
    year's ratings, "not satisfied" count and share, whether there were enough ratings to judge
    (``min_ratings``, setting ``CCHC_DUTY_MIN_RATINGS``), the > 50 % flag and the two-years
    flag. For the Department of Home Affairs' token only (see docs/guide/duty-flags.md)."""
    user = request.auth
    if not (user.is_superuser or user.role in DUTY_ROLES):
        raise PermissionDenied(API_DUTY_ROLE)
    return duty_flags_data(duty_flags_of_year(Agency.objects.all(), query.year, province=True))
