"""The campaign's results as an XLSX workbook: progress per stratum, then the element indexes
with their 95 % intervals overall, per agency and per stratum (agency × service)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cchc.core.xlsx import FONT, a4_landscape, workbook_bytes, write_header, write_row, write_titles
from cchc.domain.survey import SurveyResult
from cchc.satisfaction.models import Aspect
from cchc.surveys.models import Campaign
from cchc.surveys.services import campaign_progress, campaign_results

SHARE = "0.0%"


def _result_rows(label: str, result: SurveyResult) -> list[list[object]]:
    rows: list[list[object]] = []
    for row in result.elements:
        rows.append(
            [
                label,
                str(Aspect(row.element).label),
                row.answers,
                row.satisfied,
                row.index,
                row.interval.low if row.interval else None,
                row.interval.high if row.interval else None,
            ]
        )
    rows.append(
        [
            label,
            _("Chỉ số chung (trung bình các tiêu chí)"),
            result.answers,
            None,
            result.index,
            result.interval.low if result.interval else None,
            result.interval.high if result.interval else None,
        ]
    )
    return rows


def results_workbook(campaign: Campaign) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Kết quả")
    columns = [
        (_("Phạm vi"), 40),
        (_("Tiêu chí"), 40),
        (_("Số câu trả lời"), 12),
        (_("Số hài lòng, rất hài lòng"), 14),
        (_("Chỉ số"), 10),
        (_("Cận dưới (95%)"), 12),
        (_("Cận trên (95%)"), 12),
    ]
    write_titles(
        sheet,
        [
            (_("KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG"), Font(name=FONT, bold=True, size=14)),
            (f"{campaign.code} — {campaign.name}", Font(name=FONT, size=12)),
        ],
        len(columns),
    )
    write_header(sheet, 4, columns)
    results = campaign_results(campaign)
    rows = _result_rows(_("Toàn đợt khảo sát"), results.overall)
    for agency, result in results.by_agency:
        rows += _result_rows(agency.name, result)
    for stratum, result in results.by_stratum:
        rows += _result_rows(f"{stratum.agency.name} — {stratum.service_name}", result)
    for offset, values in enumerate(rows, start=5):
        write_row(sheet, offset, values, formats={5: SHARE, 6: SHARE, 7: SHARE})
    a4_landscape(sheet, header_row=4)

    progress = book.create_sheet(_("Tiến độ"))
    p_columns = [
        (_("Cơ quan, đơn vị"), 40),
        (_("Dịch vụ"), 40),
        (_("Tổng thể N"), 10),
        (_("Cỡ mẫu n"), 10),
        (_("Mã phiếu đã phát"), 12),
        (_("Trực tuyến"), 10),
        (_("Phiếu giấy"), 10),
        (_("Điện thoại"), 10),
        (_("Tổng số phiếu"), 10),
    ]
    write_header(progress, 1, p_columns)
    for offset, row in enumerate(campaign_progress(campaign), start=2):
        write_row(
            progress,
            offset,
            [
                row["stratum"].agency.name,
                row["stratum"].service_name,
                row["population"],
                row["target"],
                row["tokens"],
                row["by_channel"]["online"],
                row["by_channel"]["paper"],
                row["by_channel"]["phone"],
                row["responses"],
            ],
        )
    a4_landscape(progress, header_row=1)
    return workbook_bytes(book)
