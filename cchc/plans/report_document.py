"""A periodic report as a document in the administrative layout of Decree 30/2020: the issuing
body and the national heading side by side, the number and symbol, the place and date, the
title "BÁO CÁO / Kết quả thực hiện công tác cải cách hành chính quý I năm 2026", the sections
(results with the tables of figures, limitations and causes, proposals), the recipients
("Nơi nhận") and the signature block. DOCX through the house's writer (``cchc.core.docx``),
PDF through ``html_to_pdf`` (WeasyPrint, vendored fonts). The figures are the report's
(``report_services.figures_of``: frozen once submitted). Always Vietnamese."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cchc.core import docx
from cchc.core.templatetags.vn import percent, thousands
from cchc.core.validation import scrub_text
from cchc.domain import indicators
from cchc.dossiers.printing import font_faces, html_to_pdf, place_date_text
from cchc.plans.models import Period, PeriodicReport, PlanTask
from cchc.plans.report_services import figures_of, is_province

FORMATS = ("docx", "pdf")
CONTENT_TYPES = {"pdf": "application/pdf", "docx": docx.CONTENT_TYPE}


@dataclass
class FigureTable:
    title: str
    header: list[str]
    rows: list[list[str]]
    figures: frozenset[int] = frozenset({1})


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[FigureTable] = field(default_factory=list)
    # (agency name, paragraphs): the units' narratives in the province's report.
    by_agency: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class ReportDocument:
    parent: str
    agency: str
    number: str
    place_date: str
    title: str
    subtitle: str
    sections: list[Section]
    recipients: list[str]
    sign_title: str
    signer: str


def period_phrase(period: str) -> str:
    return {
        Period.Q1: _("quý I"),
        Period.H1: _("6 tháng đầu năm"),
        Period.Q3: _("9 tháng"),
        Period.YEAR: "",
    }[Period(period)]


def report_subtitle(year: int, period: str) -> str:
    phrase = period_phrase(period)
    text = _("Kết quả thực hiện công tác cải cách hành chính")
    return f"{text} {phrase} {_('năm')} {year}" if phrase else f"{text} {_('năm')} {year}"


def _count(value: object) -> str:
    return thousands(value or 0)


def _rate(value: object) -> str:
    return percent(value) if value not in (None, "") else "—"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in scrub_text(text or "").splitlines() if line.strip()]


def one_stop_rows(o: dict) -> list[list[str]]:
    return [
        [_("Số hồ sơ tiếp nhận"), _count(o.get("received"))],
        [_("Trong đó: trực tuyến"), _count(o.get("online"))],
        [_("Trong đó: qua dịch vụ bưu chính công ích"), _count(o.get("postal"))],
        [_("Số hồ sơ đã giải quyết"), _count(o.get("finished"))],
        [_("Giải quyết trước hạn"), _count(o.get("finished_early"))],
        [_("Giải quyết đúng hạn"), _count(o.get("finished_on_time"))],
        [_("Giải quyết quá hạn"), _count(o.get("finished_late"))],
        [_("Tỷ lệ giải quyết đúng hạn"), _rate(o.get("on_time_share"))],
        [_("Văn bản xin lỗi"), _count(o.get("apologies"))],
        [_("Hồ sơ phải đi lại lần thứ ba"), _count(o.get("third_visits"))],
    ]


def figure_tables(figures: dict) -> list[FigureTable]:
    label, value = _("Nội dung"), _("Kết quả")
    plan = figures.get("plan") or {"total": 0, "by_status": {}}
    statuses = dict(PlanTask.Status.choices)
    feedback = figures.get("feedback") or {}
    satisfaction = figures.get("satisfaction") or {}
    tables = [
        FigureTable(
            _("1. Tiến độ thực hiện kế hoạch cải cách hành chính"),
            [label, value],
            [[_("Tổng số nhiệm vụ"), _count(plan.get("total"))]]
            + [
                [str(statuses[s]), _count(plan.get("by_status", {}).get(s))]
                for s in PlanTask.Status.values
            ],
        ),
        FigureTable(
            _("2. Tiếp nhận và giải quyết thủ tục hành chính"),
            [label, value],
            one_stop_rows(figures.get("one_stop") or {}),
        ),
        FigureTable(
            _("3. Tiếp nhận, xử lý phản ánh, kiến nghị"),
            [label, value],
            [
                [_("Số phản ánh, kiến nghị tiếp nhận"), _count(feedback.get("received"))],
                [_("Đã trả lời"), _count(feedback.get("answered"))],
                [_("Trả lời đúng hạn"), _count(feedback.get("answered_on_time"))],
                [_("Trả lời quá hạn"), _count(feedback.get("answered_late"))],
                [_("Đã công khai"), _count(feedback.get("published"))],
                [_("Đang quá hạn xử lý"), _count(feedback.get("overdue"))],
            ],
        ),
        FigureTable(
            _("4. Mức độ hài lòng của người dân, tổ chức"),
            [label, value],
            [
                [_("Số lượt đánh giá"), _count(satisfaction.get("ratings"))],
                [_("Hài lòng, rất hài lòng"), _count(satisfaction.get("satisfied"))],
                [_("Tỷ lệ hài lòng"), _rate(satisfaction.get("satisfied_share"))],
            ]
            + [
                [
                    f"{flag['name']}",
                    _("Đề xuất thay thế")
                    if flag["flag"] == indicators.REPLACE
                    else _("Không hoàn thành nhiệm vụ"),
                ]
                for flag in satisfaction.get("duty_flags", [])
            ],
        ),
    ]
    index = figures.get("index")
    tables.append(
        FigureTable(
            _("5. Chỉ số cải cách hành chính"),
            [label, value],
            [
                [_("Năm đánh giá"), str(index["year"])],
                [_("Điểm đạt được"), f"{index['total']}/{index['max_points']}".replace(".", ",")],
                [_("Tỷ lệ điểm"), f"{index['percent']}%".replace(".", ",")],
                [_("Xếp loại"), index["classification"] or "—"],
                [_("Xếp hạng"), str(index["rank"] or "—")],
            ]
            if index
            else [[_("Chưa có kết quả công bố"), "—"]],
        )
    )
    agencies = figures.get("agencies")
    if agencies is not None:
        tables.append(
            FigureTable(
                _("6. Tổng hợp số liệu báo cáo của các cơ quan, đơn vị"),
                [
                    _("Cơ quan, đơn vị"),
                    _("Tiếp nhận"),
                    _("Trực tuyến"),
                    _("Bưu chính"),
                    _("Trước hạn"),
                    _("Đúng hạn"),
                    _("Quá hạn"),
                    _("Xin lỗi"),
                    _("Đi lại lần 3"),
                ],
                [
                    [
                        a["name"],
                        *(
                            _count(a["one_stop"].get(key))
                            for key in (
                                "received",
                                "online",
                                "postal",
                                "finished_early",
                                "finished_on_time",
                                "finished_late",
                                "apologies",
                                "third_visits",
                            )
                        ),
                    ]
                    for a in agencies
                ],
                figures=frozenset(range(1, 9)),
            )
        )
    return tables


def build_document(report: PeriodicReport) -> ReportDocument:
    figures = figures_of(report)
    agency = report.agency
    parent = agency.parent if agency.parent_id else None
    province = is_province(agency)
    agencies = figures.get("agencies") or []
    with translation.override("vi"):
        results = Section(_("I. KẾT QUẢ ĐẠT ĐƯỢC"), _lines(report.results), figure_tables(figures))
        limitations = Section(_("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"), _lines(report.limitations))
        proposals = Section(_("III. ĐỀ XUẤT, KIẾN NGHỊ"), _lines(report.proposals))
        if province:
            results.by_agency = [(a["name"], _lines(a["results"])) for a in agencies]
            limitations.by_agency = [(a["name"], _lines(a["limitations"])) for a in agencies]
            proposals.by_agency = [(a["name"], _lines(a["proposals"])) for a in agencies]
        moment = report.snapshot_at or timezone.now()
        recipients = _lines(report.recipients) or [_("- Sở Nội vụ;"), _("- Lưu: VT.")]
        return ReportDocument(
            parent=parent.name.upper() if parent and not province else "",
            agency=agency.name.upper(),
            number=_("Số: %(number)s") % {"number": report.number or "……/BC"},
            place_date=place_date_text(moment),
            title=_("BÁO CÁO"),
            subtitle=report_subtitle(report.year, report.period),
            sections=[results, limitations, proposals],
            recipients=recipients,
            sign_title=scrub_text(report.signer_title).upper(),
            signer=scrub_text(report.signer_name),
        )


# --- DOCX ---------------------------------------------------------------------------------------


def _docx_table(table: FigureTable) -> str:
    if len(table.header) == 2:
        widths = (6500, docx.WIDTH - 6500)
    else:
        first = 2300
        rest = (docx.WIDTH - first) // (len(table.header) - 1)
        widths = (first, *([rest] * (len(table.header) - 1)))
    rows = table.rows or [["—"] + [""] * (len(table.header) - 1)]
    return docx.grid_table(widths, table.header, rows, right_aligned=table.figures)


def report_docx(report: PeriodicReport) -> bytes:
    doc = build_document(report)
    c = "center"
    with translation.override("vi"):
        republic = _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        motto = _("Độc lập - Tự do - Hạnh phúc")
        to = _("Nơi nhận:")
    left = [
        docx.para(docx.run(doc.parent, size=25), align=c, after=0) if doc.parent else "",
        docx.para(docx.run(doc.agency, bold=True, size=25), align=c, after=0),
        docx.para(docx.run("———", size=20), align=c, after=0),
        docx.para(docx.run(doc.number), align=c, after=0),
    ]
    right = [
        docx.para(docx.run(republic, bold=True, size=25), align=c, after=0),
        docx.para(docx.run(motto, bold=True, size=27), align=c, after=0),
        docx.para(docx.run("———————", size=20), align=c, after=0),
        docx.para(docx.run(doc.place_date, italic=True), align=c, after=0),
    ]
    body = [
        docx.two_columns((3969, left), (5102, right)),
        docx.para(),
        docx.para(docx.run(doc.title, bold=True, size=28), align=c, after=0),
        docx.para(docx.run(doc.subtitle, bold=True), align=c),
    ]
    for section in doc.sections:
        body.append(docx.para(docx.run(section.heading, bold=True)))
        body.extend(docx.para(docx.run(p), align="both", indent=True) for p in section.paragraphs)
        for name, paragraphs in section.by_agency:
            if paragraphs:
                body.append(docx.para(docx.run(name, bold=True, italic=True), indent=True))
                body.extend(docx.para(docx.run(p), align="both", indent=True) for p in paragraphs)
        for table in section.tables:
            body.append(docx.para(docx.run(table.title, bold=True, italic=True)))
            body.append(_docx_table(table))
            body.append(docx.para(after=0))
    recipients = [docx.para(docx.run(to, bold=True, italic=True, size=24), after=0)] + [
        docx.para(docx.run(line, size=22), after=0) for line in doc.recipients
    ]
    sign = [
        docx.para(docx.run(doc.sign_title, bold=True), align=c, after=0),
        *(docx.para(after=0) for _ in range(4)),
        docx.para(docx.run(doc.signer, bold=True), align=c, after=0),
    ]
    body.append(docx.two_columns((4536, recipients), (4535, sign)))
    return docx.docx_bytes(docx.document_xml(body))


# --- PDF ----------------------------------------------------------------------------------------


def report_pdf(report: PeriodicReport) -> bytes:
    doc = build_document(report)
    with translation.override("vi"):
        html = render_to_string("plans/reports/print.html", {"doc": doc, "fonts": font_faces()})
    return html_to_pdf(html)


def report_filename(report: PeriodicReport, fmt: str) -> str:
    """``bao-cao-cchc-000.00.05.H98-q1-2026.docx``: ASCII only, safe in a header."""
    code = re.sub(r"[^A-Za-z0-9._-]+", "-", report.agency.code).strip("-.")
    return f"bao-cao-cchc-{code}-{report.period}-{report.year}.{fmt}"


def render_report(report: PeriodicReport, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown report format: {fmt!r}")
    return report_pdf(report) if fmt == "pdf" else report_docx(report)
