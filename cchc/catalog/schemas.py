"""API v1 schemas of the catalogue."""

from __future__ import annotations

from ninja import Schema
from pydantic import Field as PydanticField

from cchc.core.validation import ApiText


class ProcedureListQuery(Schema):
    q: ApiText = PydanticField(
        "", max_length=200, description="Tìm theo mã hoặc tên (không dấu cũng được)"
    )
    field: ApiText = PydanticField("", max_length=30, description="Mã lĩnh vực")
    agency: ApiText = PydanticField("", max_length=13, description="Mã định danh cơ quan")
    page: int = PydanticField(1, ge=1, le=100000, description="Trang, bắt đầu từ 1")


class ProcedureItem(Schema):
    code: str
    name: str
    field: str
    agency: str
    processing_days: float
    online_mode: str
    fee_vnd: int


class ProcedurePage(Schema):
    items: list[ProcedureItem]
    count: int
    next: str | None


class ProcedureDocumentOut(Schema):
    name: str
    form: str
    count: int
    optional: bool


class ProcedureFeeOut(Schema):
    name: str
    amount_vnd: int


class ProcedureStepOut(Schema):
    order: int
    name: str
    agency: str | None
    role: str
    budget_hours: float


class ProcedureVersionOut(Schema):
    number: int
    status: str
    decision_number: str
    decision_date: str | None


class ProcedureDetail(Schema):
    code: str
    name: str
    field: str
    field_code: str
    status: str
    version: int
    levels: list[str]
    agency: str
    agency_code: str | None
    receiving_agencies: list[str]
    processing_time: float
    processing_unit: str
    processing_days: float
    cutoff_time: str | None
    supplement_clock: str
    online_mode: str
    legacy_level: int
    postal_submission: bool
    postal_return: bool
    inter_agency: bool
    result_name: str
    fee_vnd: int
    fees: list[ProcedureFeeOut]
    documents: list[ProcedureDocumentOut]
    legal_bases: list[str]
    steps: list[ProcedureStepOut]
    decision_number: str
    decision_date: str | None
    versions: list[ProcedureVersionOut]
