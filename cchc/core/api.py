"""API v1: the working calendar (due dates and working days), and what every router of API v1
shares: the error bodies, required text, and input errors explained in Vietnamese."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from cchc.core.calendar import current_calendar
from cchc.core.validation import (
    API_DATE_RANGE,
    API_ERROR_TYPES,
    API_MESSAGES,
    TEXT_RULE,
    ApiDate,
    ApiMoment,
    ApiText,
    year_in_range,
)
from cchc.domain.workdays import VN_TZ, CalendarError

router = Router(tags=["Lịch làm việc"])

MAX_WORKING_DAYS = Decimal(1000)
MAX_WORKING_HOURS = Decimal(8000)
MAX_RANGE_DAYS = 3700

_MESSAGES = {
    **API_MESSAGES,
    "missing": "bắt buộc phải có",
    "date_from_datetime_parsing": "không phải ngày dạng YYYY-MM-DD",
    "date_parsing": "không phải ngày dạng YYYY-MM-DD",
    "date_from_datetime_inexact": "không phải ngày dạng YYYY-MM-DD",
    "int_parsing": "phải là số nguyên",
    "decimal_parsing": "phải là số",
    "greater_than_equal": "quá nhỏ",
    "less_than_equal": "quá lớn",
    "string_too_long": "quá dài",
    "string_too_short": "không được để trống",
    "string_pattern_mismatch": "không đúng định dạng",
    "string_type": "phải là chuỗi chữ",
    "too_long": "quá nhiều phần tử",
    "too_short": "cần ít nhất một phần tử",
    "list_type": "phải là danh sách",
    "model_type": "phải là đối tượng JSON",
    "model_attributes_type": "phải là đối tượng JSON",
    "dict_type": "phải là đối tượng JSON",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "extra_forbidden": "không phải tham số của thao tác này",
    "json_invalid": "không phải JSON hợp lệ",
    "literal_error": "không thuộc các giá trị cho phép",
    "enum": "không thuộc các giá trị cho phép",
    "union_tag_invalid": "không thuộc các giá trị cho phép",
    "union_tag_not_found": "bắt buộc phải có",
    "text_blank": "không được để trống",
}
# Messages for a field's own ``pattern`` (``explain_validation_errors``), by pattern.
PATTERN_MESSAGES: dict[str, str] = {}


# --- What every router shares -----------------------------------------------------------------


class ErrorOut(Schema):
    detail: str


class InputErrorItem(Schema):
    param: str
    message: str


class InputErrorOut(Schema):
    detail: str
    errors: list[InputErrorItem]


class RefusalOut(Schema):
    """An action refused: for the caller's role (403) or in the current state (409)."""

    detail: str
    allowed_actions: list[str]


# Refused characters (cchc.core.validation.TEXT_PATTERN) and the whitespace Python's
# ``str.strip`` removes that is not refused: required text must hold something else.
_REFUSED = r"\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF"
_SPACE = r"\t\n\r \xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
REQUIRED_TEXT_PATTERN = rf"^[^{_REFUSED}]*[^{_REFUSED}{_SPACE}][^{_REFUSED}]*$"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text_blank", "không được để trống")
    return value


@dataclass(frozen=True)
class _NotBlank:
    """Text that must hold more than spaces; its JSON-schema pattern says both rules (no
    refused character, something besides spaces) so that generated clients send such text."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_not_blank, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update(pattern=REQUIRED_TEXT_PATTERN, minLength=1)
        return json_schema


RequiredText = Annotated[str, TEXT_RULE, _NotBlank()]


@dataclass(frozen=True)
class Documented:
    """JSON-schema keywords shown in the document and not checked by pydantic: for an input
    whose every other value the endpoint answers otherwise (the public lookup answers 404 for
    any code or phone it does not know, at both its doors)."""

    keywords: tuple[tuple[str, object], ...]

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update(self.keywords)
        return json_schema


def documented(**keywords: object) -> Documented:
    return Documented(tuple(keywords.items()))


"""Text an API input must give (a reason, a name): no refused character, not only spaces."""


class ApiInputError(Exception):
    """A parameter that parsed but makes no sense; answered as 422 by config.api."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


_SOURCES = ("query", "path", "body")


def explain_validation_errors(errors: list[dict]) -> list[dict]:
    """Turn pydantic's error list into ``[{"param", "message"}]`` with Vietnamese reasons."""
    explained = []
    for error in errors:
        # Clients know a parameter by its name, not by where ninja read it from.
        location = [str(part) for part in error.get("loc", ()) if part not in _SOURCES]
        kind = error.get("type", "")
        if kind.startswith("union_tag"):  # the discriminator is missing or unknown: name it
            location.append(str(error.get("ctx", {}).get("discriminator", "?")).strip("'"))
        param = ".".join(location) or "?"
        message = error.get("msg") if kind in API_ERROR_TYPES else _MESSAGES.get(kind)
        if kind == "string_pattern_mismatch":
            message = PATTERN_MESSAGES.get(error.get("ctx", {}).get("pattern"), message)
        if message is None:
            message = f"không hợp lệ ({error.get('msg', kind)})"
        elif kind in ("greater_than_equal", "less_than_equal") and "ctx" in error:
            bound = next(iter(error["ctx"].values()), "")
            message = f"{message} (giới hạn {bound})"
        explained.append({"param": param, "message": message})
    return explained


_OFFSET_SPACE = re.compile(r" (\d{2}:?\d{2})$")


def parse_moment(param: str, raw: str) -> datetime:
    """An ISO 8601 moment with its offset. A ``+`` sent unencoded in a query string arrives as
    a space; it is put back rather than refused."""
    text = _OFFSET_SPACE.sub(r"+\1", raw.strip())
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ApiInputError(
            param, "không phải thời điểm ISO 8601 (ví dụ 2025-01-06T09:00:00+07:00)"
        ) from exc
    if moment.tzinfo is None:
        raise ApiInputError(param, "phải ghi rõ múi giờ (ví dụ +07:00)")
    if not year_in_range(moment):
        raise ApiInputError(param, API_DATE_RANGE)
    return moment


def _positive_decimal(param: str, raw: str, limit: Decimal) -> Decimal:
    try:
        value = Decimal(raw.strip().replace(",", "."))
    except (InvalidOperation, AttributeError) as exc:
        raise ApiInputError(param, "phải là số (ví dụ 1 hoặc 0.5)") from exc
    if not value.is_finite():
        raise ApiInputError(param, "phải là số hữu hạn")
    if value < 0:
        raise ApiInputError(param, "không được âm")
    if value > limit:
        raise ApiInputError(param, f"không được vượt quá {limit}")
    return value


class DueDateQuery(Schema):
    start: ApiMoment = Field(..., description="Thời điểm tiếp nhận, ISO 8601 có múi giờ")
    working_days: ApiText | None = Field(
        None, max_length=40, description="Số ngày làm việc (có thể lẻ, ví dụ 0.5)"
    )
    working_hours: ApiText | None = Field(None, max_length=40, description="Số giờ làm việc")


class DueDateOut(Schema):
    start: str
    due_at: str
    calendar_version: int


@router.get("/due-date", response=DueDateOut, summary="Tính hạn giải quyết theo thời gian làm việc")
def due_date(request: HttpRequest, query: Query[DueDateQuery]) -> dict:
    """DOMAIN A2: adds T working days or H working hours through office hours only; a due
    moment landing exactly on a closing time stays there."""
    start = query.start
    if (query.working_days is None) == (query.working_hours is None):
        raise ApiInputError(
            "working_days", "cần đúng một trong hai: working_days hoặc working_hours"
        )
    calendar = current_calendar()
    try:
        if query.working_days is not None:
            days = _positive_decimal("working_days", query.working_days, MAX_WORKING_DAYS)
            due = calendar.add_working_days(start, days)
        else:
            hours = _positive_decimal("working_hours", query.working_hours or "", MAX_WORKING_HOURS)
            due = calendar.add_working_hours(start, hours)
    except CalendarError as exc:
        raise ApiInputError("start", str(exc)) from exc
    return {
        "start": start.astimezone(VN_TZ).isoformat(),
        "due_at": due.astimezone(VN_TZ).isoformat(),
        "calendar_version": calendar.version,
    }


class WorkingDaysQuery(Schema):
    from_: ApiDate = Field(..., alias="from", description="Từ ngày (YYYY-MM-DD)")
    to: ApiDate = Field(..., description="Đến ngày (YYYY-MM-DD)")


class WorkingDaysOut(Schema):
    days: list[str]
    calendar_version: int


@router.get("/working-days", response=WorkingDaysOut, summary="Các ngày làm việc trong khoảng")
def working_days(request: HttpRequest, query: Query[WorkingDaysQuery]) -> dict:
    if query.to < query.from_:
        raise ApiInputError("to", "phải không sớm hơn ngày 'from'")
    if (query.to - query.from_).days > MAX_RANGE_DAYS:
        raise ApiInputError("to", f"khoảng ngày không được dài quá {MAX_RANGE_DAYS} ngày")
    calendar = current_calendar()
    days = calendar.working_days(query.from_, query.to)
    return {"days": [d.isoformat() for d in days], "calendar_version": calendar.version}
