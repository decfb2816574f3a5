"""The modernisation registers (seeds 000 §7a, 004 V.6, V.10): an agency's ISO 9001 status and
its documents sent and received per month, how many electronically — entered by the agency or
imported from a CSV export of the document system — and the shares compared with the plan's
targets. The monthly counts are measures of the indicator engine (``documents_total``,
``documents_electronic``: ``cchc.stats.measures`` source ``REGISTERED``), counted by
``document_measures``, which ``PlansConfig.ready`` registers.

Refusals raise ``PlanError(message, field)``; nothing is written.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from cchc.catalog.models import Procedure
from cchc.core.validation import is_clean_text, year_in_range
from cchc.org.models import Agency, User
from cchc.plans.models import DocumentExchange, IsoRegister, Plan
from cchc.plans.services import PlanError

logger = logging.getLogger(__name__)

EDITOR_ROLES = (User.Role.REFORM_OFFICER, User.Role.LEADER)
PROVINCE_ROLES = (User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN)
CSV_MAX_BYTES = 1024 * 1024
CSV_MAX_ROWS = 20000
CSV_COLUMNS = (
    "agency_code",
    "month",
    "sent_total",
    "sent_electronic",
    "received_total",
    "received_electronic",
)
CSV_HEADER_LABELS = {
    "agency_code": ("ma co quan", "mã cơ quan", "agency code", "agency_code"),
    "month": ("thang", "tháng", "month"),
    "sent_total": ("van ban di", "văn bản đi", "sent total", "sent_total"),
    "sent_electronic": (
        "van ban di dien tu",
        "văn bản đi điện tử",
        "sent electronic",
        "sent_electronic",
    ),
    "received_total": ("van ban den", "văn bản đến", "received total", "received_total"),
    "received_electronic": (
        "van ban den dien tu",
        "văn bản đến điện tử",
        "received electronic",
        "received_electronic",
    ),
}
MONTH_RE = re.compile(r"^(\d{1,2})/(\d{4})$")

MSG_NOT_ALLOWED = _("Bạn không có quyền cập nhật sổ theo dõi của cơ quan này.")
MSG_STATUS = _("Chọn trạng thái áp dụng ISO 9001.")
MSG_TEXT = _("Có ký tự điều khiển không hiển thị được; xoá ký tự đó rồi nhập lại.")
MSG_DATE = _("Ngày phải trong khoảng năm 1900–2100.")
MSG_CERTIFICATE = _("Nhập số quyết định công bố hoặc số giấy chứng nhận.")
MSG_CERTIFIED_ON = _("Nhập ngày công bố, chứng nhận.")
MSG_PROCEDURES = _("Thủ tục không thuộc thẩm quyền hoặc tiếp nhận của cơ quan: %(codes)s.")
MSG_MONTH_FUTURE = _("Tháng ở tương lai: chỉ nhập đến tháng hiện tại.")
MSG_MONTH = _("Nhập tháng theo dạng mm/yyyy, ví dụ 03/2025.")
MSG_COUNT = _("Nhập số nguyên không âm.")
MSG_ELECTRONIC = _("Số văn bản điện tử không được lớn hơn tổng số văn bản.")
MSG_CSV_EMPTY = _("Tệp CSV không có nội dung.")
MSG_CSV_BIG = _("Tệp CSV quá lớn (tối đa 1 MB).")
MSG_CSV_BINARY = _("Tệp không phải văn bản CSV mã hoá UTF-8.")
MSG_CSV_HEADER = _(
    "Dòng 1 phải là tiêu đề các cột: mã cơ quan; tháng (mm/yyyy); văn bản đi; văn bản đi điện "
    "tử; văn bản đến; văn bản đến điện tử."
)
MSG_CSV_ROWS = _("Tệp CSV có quá nhiều dòng (tối đa 20.000).")
MSG_CSV_NO_ROWS = _("Tệp CSV không có dòng số liệu nào.")
MSG_CSV_AGENCY = _("Không có cơ quan mã “%(code)s”.")
MSG_CSV_SCOPE = _("Cơ quan “%(code)s” không thuộc phạm vi của bạn.")
MSG_CSV_COLUMNS = _("Dòng phải có đủ 6 cột.")
MSG_CSV_DUPLICATE = _("Cơ quan và tháng này đã có ở dòng %(line)s.")
MSG_CSV_LINE = _("Dòng %(line)s, cột %(column)s: %(message)s")


# --- who may write ----------------------------------------------------------------------------


def may_edit(actor: User, agency: Agency) -> bool:
    """The unit's reform officer or leader, Home Affairs and the administrator."""
    if not getattr(actor, "is_authenticated", False):
        return False
    if actor.role in PROVINCE_ROLES:
        return True
    return (
        actor.role in EDITOR_ROLES
        and actor.agency_id is not None
        and actor.agency.unit.pk == agency.unit.pk
    )


def _text(value: object, field: str) -> str:
    text = str(value or "").strip()
    if not is_clean_text(text):
        raise PlanError(MSG_TEXT, field)
    return text


def _optional_day(value: object, field: str) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, date) or not year_in_range(value):
        raise PlanError(MSG_DATE, field)
    return value


# --- ISO 9001 -------------------------------------------------------------------------------


def procedures_of(unit: Agency) -> QuerySet[Procedure]:
    """The catalogue's procedures the unit covers: its competent agency's, or the ones it
    receives when no competent agency is named (ISO 9001 is applied to them)."""
    return (
        Procedure.objects.filter(
            Q(competent_agency=unit) | Q(competent_agency__isnull=True, receiving_agencies=unit)
        )
        .exclude(status=Procedure.Status.DRAFT)
        .distinct()
        .order_by("code")
    )


def iso_save(
    agency: Agency,
    *,
    actor: User,
    status: str,
    certificate: str = "",
    certified_on: date | None = None,
    scope: str = "",
    next_audit: date | None = None,
    procedure_codes: list[str] | tuple[str, ...] = (),
    standard: str = "",
) -> IsoRegister:
    """Write the unit's ISO 9001 register (created on first use)."""
    unit = agency.unit
    if not may_edit(actor, unit):
        raise PlanError(MSG_NOT_ALLOWED)
    if status not in IsoRegister.Status.values:
        raise PlanError(MSG_STATUS, "status")
    certificate = _text(certificate, "certificate")[:100]
    scope = _text(scope, "scope")
    standard = _text(standard, "standard")[:50]
    certified_on = _optional_day(certified_on, "certified_on")
    next_audit = _optional_day(next_audit, "next_audit")
    if status in (IsoRegister.Status.APPLIED, IsoRegister.Status.CERTIFIED):
        if not certificate:
            raise PlanError(MSG_CERTIFICATE, "certificate")
        if certified_on is None:
            raise PlanError(MSG_CERTIFIED_ON, "certified_on")
    codes = sorted({str(code).strip() for code in procedure_codes if str(code).strip()})
    procedures = list(procedures_of(unit).filter(code__in=codes))
    unknown = sorted(set(codes) - {p.code for p in procedures})
    if unknown:
        raise PlanError(str(MSG_PROCEDURES) % {"codes": ", ".join(unknown)}, "procedures")
    with transaction.atomic():
        register, _created = IsoRegister.objects.select_for_update().get_or_create(agency=unit)
        register.status = status
        register.certificate = certificate
        register.certified_on = certified_on
        register.scope = scope
        register.next_audit = next_audit
        if standard:
            register.standard = standard
        register.updated_by = actor
        register.save()
        register.procedures.set(procedures)
        return register


# --- documents sent and received ------------------------------------------------------------


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _check_month(month: date) -> date:
    if not isinstance(month, date) or not year_in_range(month):
        raise PlanError(MSG_MONTH, "month")
    month = _month_start(month)
    if month > _month_start(timezone.localdate()):
        raise PlanError(MSG_MONTH_FUTURE, "month")
    return month


def _counts(values: dict[str, object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for field in CSV_COLUMNS[2:]:
        raw = values.get(field)
        try:
            number = int(str(raw).strip()) if not isinstance(raw, int) else raw
        except (TypeError, ValueError):
            raise PlanError(MSG_COUNT, field) from None
        if number < 0 or number > 2_000_000_000:
            raise PlanError(MSG_COUNT, field)
        found[field] = number
    if found["sent_electronic"] > found["sent_total"]:
        raise PlanError(MSG_ELECTRONIC, "sent_electronic")
    if found["received_electronic"] > found["received_total"]:
        raise PlanError(MSG_ELECTRONIC, "received_electronic")
    return found


def _write_month(
    unit: Agency, month: date, counts: dict[str, int], *, actor: User, source: str
) -> DocumentExchange:
    row = DocumentExchange.objects.select_for_update().filter(agency=unit, month=month).first()
    now = timezone.now()
    if row is not None:
        # The register keeps one row per agency and month: the replaced figures and who had
        # entered them are written to the log (a history table is for the lead to add).
        logger.info(
            "document exchange %s %s replaced by %s: was %s/%s sent, %s/%s received, entered "
            "by %s at %s (%s)",
            unit.code,
            f"{month:%m/%Y}",
            actor.pk,
            row.sent_electronic,
            row.sent_total,
            row.received_electronic,
            row.received_total,
            row.entered_by_id,
            row.entered_at.isoformat(),
            row.source,
        )
        for field, value in counts.items():
            setattr(row, field, value)
        row.source = source
        row.entered_by = actor
        row.entered_at = now
        row.save()
        return row
    return DocumentExchange.objects.create(
        agency=unit, month=month, source=source, entered_by=actor, entered_at=now, **counts
    )


def document_month_save(
    agency: Agency,
    *,
    actor: User,
    month: date,
    sent_total: object,
    sent_electronic: object,
    received_total: object,
    received_electronic: object,
) -> DocumentExchange:
    """Enter (or re-enter: the figures are replaced, with who and when) one month's counts."""
    unit = agency.unit
    if not may_edit(actor, unit):
        raise PlanError(MSG_NOT_ALLOWED)
    month = _check_month(month)
    counts = _counts(
        {
            "sent_total": sent_total,
            "sent_electronic": sent_electronic,
            "received_total": received_total,
            "received_electronic": received_electronic,
        }
    )
    with transaction.atomic():
        return _write_month(
            unit, month, counts, actor=actor, source=DocumentExchange.Source.ENTERED
        )


@dataclass
class CsvResult:
    rows: int
    errors: list[str]


def _csv_text(data: bytes) -> str:
    if not data:
        raise PlanError(MSG_CSV_EMPTY, "file")
    if len(data) > CSV_MAX_BYTES:
        raise PlanError(MSG_CSV_BIG, "file")
    if b"\x00" in data:
        raise PlanError(MSG_CSV_BINARY, "file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError(MSG_CSV_BINARY, "file") from None
    if not is_clean_text(text):
        raise PlanError(MSG_CSV_BINARY, "file")
    return text


def _is_header(cells: list[str]) -> bool:
    if len(cells) != len(CSV_COLUMNS):
        return False
    return all(
        cell.strip().lower() in CSV_HEADER_LABELS[column]
        for cell, column in zip(cells, CSV_COLUMNS, strict=True)
    )


def _parse_month(text: str) -> date:
    match = MONTH_RE.match(text.strip())
    if not match:
        raise PlanError(MSG_MONTH, "month")
    month, year = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise PlanError(MSG_MONTH, "month")
    try:
        return _check_month(date(year, month, 1))
    except ValueError:
        raise PlanError(MSG_MONTH, "month") from None


COLUMN_NAMES = {
    "agency_code": _("Mã cơ quan"),
    "month": _("Tháng"),
    "sent_total": _("Văn bản đi"),
    "sent_electronic": _("Văn bản đi điện tử"),
    "received_total": _("Văn bản đến"),
    "received_electronic": _("Văn bản đến điện tử"),
}


def document_csv_import(data: bytes, *, actor: User) -> CsvResult:
    """Import the document system's export: a header line, then one line per agency and month
    (agency code, month mm/yyyy, sent, sent electronically, received, received electronically;
    separated by commas or semicolons). All or nothing: any error names its line and column and
    nothing is stored. A month already in the register is replaced."""
    text = _csv_text(data)
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    lines = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not lines or not _is_header(lines[0]):
        raise PlanError(MSG_CSV_HEADER, "file")
    if len(lines) - 1 > CSV_MAX_ROWS:
        raise PlanError(MSG_CSV_ROWS, "file")
    agencies = {a.code: a for a in Agency.objects.all()}
    errors: list[str] = []
    parsed: list[tuple[Agency, date, dict[str, int]]] = []
    seen: dict[tuple[int, date], int] = {}

    def error(line: int, column: str, message: object) -> None:
        errors.append(
            _g(str(MSG_CSV_LINE))
            % {"line": line, "column": COLUMN_NAMES.get(column, column), "message": message}
        )

    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(CSV_COLUMNS):
            error(number, "", MSG_CSV_COLUMNS)
            continue
        values = dict(zip(CSV_COLUMNS, (c.strip() for c in cells), strict=True))
        agency = agencies.get(values["agency_code"])
        if agency is None:
            error(number, "agency_code", str(MSG_CSV_AGENCY) % {"code": values["agency_code"]})
            continue
        unit = agency.unit
        if not may_edit(actor, unit):
            error(number, "agency_code", str(MSG_CSV_SCOPE) % {"code": values["agency_code"]})
            continue
        try:
            month = _parse_month(values["month"])
            counts = _counts(values)
        except PlanError as refused:
            error(number, refused.field, refused.message)
            continue
        key = (unit.pk, month)
        if key in seen:
            error(number, "month", str(MSG_CSV_DUPLICATE) % {"line": seen[key]})
            continue
        seen[key] = number
        parsed.append((unit, month, counts))
    if not errors and not parsed:
        raise PlanError(MSG_CSV_NO_ROWS, "file")
    if errors:
        return CsvResult(rows=0, errors=errors)
    with transaction.atomic():
        for unit, month, counts in parsed:
            _write_month(unit, month, counts, actor=actor, source=DocumentExchange.Source.CSV)
    return CsvResult(rows=len(parsed), errors=[])


# --- shares and targets ---------------------------------------------------------------------


def share(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in %, 2 decimals; ``None`` when there is nothing to share."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True)
class DocumentShare:
    agency: Agency
    total: int
    electronic: int
    share: Decimal | None
    target: Decimal | None

    @property
    def reached(self) -> bool | None:
        if self.share is None or self.target is None:
            return None
        return self.share >= self.target


def _targets(year: int, field: str) -> dict[int, Decimal]:
    return {
        row["agency_id"]: row[field]
        for row in Plan.objects.filter(year=year, **{f"{field}__isnull": False}).values(
            "agency_id", field
        )
    }


def document_shares(
    day_from: date, day_to: date, agencies: list[Agency] | None = None
) -> list[DocumentShare]:
    """The electronic share of each unit over the months of the period (a month counts when
    its first day lies in the period), with its plan's target of the period's year (the
    province's plan when the unit has none)."""
    rows = DocumentExchange.objects.filter(month__gte=day_from, month__lte=day_to)
    if agencies is not None:
        rows = rows.filter(agency__in=agencies)
    sums = {
        r["agency_id"]: r
        for r in rows.values("agency_id").annotate(
            sent=Sum("sent_total"),
            sent_e=Sum("sent_electronic"),
            received=Sum("received_total"),
            received_e=Sum("received_electronic"),
        )
    }
    units = (
        agencies
        if agencies is not None
        else list(Agency.objects.filter(pk__in=list(sums)).order_by("code"))
    )
    targets = _targets(day_from.year, "target_document_share")
    province_target = _province_target(targets)
    found = []
    for unit in units:
        row = sums.get(unit.pk)
        total = (row["sent"] + row["received"]) if row else 0
        electronic = (row["sent_e"] + row["received_e"]) if row else 0
        found.append(
            DocumentShare(
                unit,
                total,
                electronic,
                share(electronic, total),
                targets.get(unit.pk, province_target),
            )
        )
    return found


def _province_target(targets: dict[int, Decimal]) -> Decimal | None:
    province = Agency.objects.filter(level=Agency.Level.PROVINCE).order_by("code").first()
    return targets.get(province.pk) if province else None


@dataclass(frozen=True)
class IsoCoverage:
    units: int
    applied: int
    share: Decimal | None
    target: Decimal | None


def iso_coverage(year: int, units: list[Agency]) -> IsoCoverage:
    """The share of ``units`` whose ISO 9001 system is applied or certified, against the
    province's target of ``year``."""
    applied = IsoRegister.objects.filter(
        agency__in=units,
        status__in=(IsoRegister.Status.APPLIED, IsoRegister.Status.CERTIFIED),
    ).count()
    targets = _targets(year, "target_iso_share")
    return IsoCoverage(len(units), applied, share(applied, len(units)), _province_target(targets))


# --- the indicator engine's measures --------------------------------------------------------


def document_measures(
    measures: set[str], day_from: date, day_to: date, agencies: object, agency_kind: str
) -> dict[int, dict[str, int]]:
    """``documents_total`` and ``documents_electronic`` per unit over the months of the period
    (one query), for ``cchc.stats.measures.register_measure_provider``."""
    rows = DocumentExchange.objects.filter(month__gte=day_from, month__lte=day_to)
    if agencies is not None:
        rows = rows.filter(agency__in=agencies)
    if agency_kind:
        rows = rows.filter(agency__level=agency_kind)
    found: dict[int, dict[str, int]] = {}
    for row in rows.values("agency_id").annotate(
        sent=Sum("sent_total"),
        sent_e=Sum("sent_electronic"),
        received=Sum("received_total"),
        received_e=Sum("received_electronic"),
    ):
        line = {
            "documents_total": (row["sent"] or 0) + (row["received"] or 0),
            "documents_electronic": (row["sent_e"] or 0) + (row["received_e"] or 0),
        }
        found[row["agency_id"]] = {name: line[name] for name in measures if name in line}
    return found
