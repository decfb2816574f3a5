"""The campaign's results as an XLSX workbook (progress per stratum, then the element indexes
with their 95 % intervals overall, per agency and per stratum — agency × service) and as a DOCX
report in the administrative layout of the duty annex (``cchc.core.docx``)."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cchc.core import docx
from cchc.core.templatetags.vn import decimal_vn, percent
from cchc.core.xlsx import FONT, a4_landscape, workbook_bytes, write_header, write_row, write_titles
from cchc.domain.survey import Interval, SurveyResult
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


# --- the DOCX report --------------------------------------------------------------------------


def _share(value: float | None) -> str:
    return percent(value) if value is not None else "—"


def _interval(interval: Interval | None) -> str:
    return f"{percent(interval.low)} – {percent(interval.high)}" if interval else "—"


def _result_table(result: SurveyResult) -> str:
    """The five elements and the overall index of one scope: answers, satisfied, index, 95 %."""
    rows = [
        [
            str(Aspect(row.element).label),
            str(row.answers),
            str(row.satisfied),
            _share(row.index),
            _interval(row.interval),
        ]
        for row in result.elements
    ]
    rows.append(
        [
            _("Chỉ số chung (trung bình các tiêu chí)"),
            str(result.answers),
            "",
            _share(result.index),
            _interval(result.interval),
        ]
    )
    return docx.grid_table(
        (3271, 1200, 1300, 1100, 2200),
        [
            _("Tiêu chí"),
            _("Số câu trả lời"),
            _("Số hài lòng, rất hài lòng"),
            _("Chỉ số"),
            _("Khoảng tin cậy 95%"),
        ],
        rows,
        right_aligned=frozenset({1, 2, 3, 4}),
    )


def method_text() -> str:
    """The method paragraph of the report: the domain's rules (``cchc.domain.survey``)."""
    return _(
        "Cỡ mẫu của mỗi nhóm (một cơ quan × một dịch vụ) tính theo công thức Yamane "
        "n = N / (1 + N·e²), làm tròn lên, N là số hồ sơ trả kết quả trong kỳ; mẫu được chọn "
        "ngẫu nhiên có thể lặp lại theo hạt giống của đợt. Chỉ số của một tiêu chí là tỷ lệ câu "
        "trả lời “hài lòng” hoặc “rất hài lòng” (mức 4, 5 của thang 5 mức; hai mức trên của "
        "thang 3 mức), khoảng tin cậy 95% theo Wilson (z = 1,96), luôn nằm trong [0; 1]. Chỉ "
        "số chung là trung bình các tiêu chí có câu trả lời; khoảng tin cậy của nó là trung "
        "bình cận dưới và cận trên của các tiêu chí: các tiêu chí do cùng người trả lời nên sai "
        "số không độc lập, lấy trung bình các cận là trường hợp rộng nhất, dễ kiểm tra lại và "
        "luôn chứa chỉ số chung."
    )


def results_docx(campaign: Campaign) -> bytes:
    """The report ("Báo cáo kết quả khảo sát") of a campaign, A4 portrait, in Vietnamese: the
    campaign and its sample, the overall result, per agency, per service, then the method."""
    c = "center"
    results = campaign_results(campaign)
    progress = campaign_progress(campaign)
    with translation.override("vi"):
        received = {
            channel: sum(row["by_channel"][channel] for row in progress)
            for channel in ("online", "paper", "phone")
        }
        body = [
            docx.para(
                docx.run(_("BÁO CÁO KẾT QUẢ KHẢO SÁT MỨC ĐỘ HÀI LÒNG"), bold=True, size=28),
                align=c,
                after=0,
            ),
            docx.para(docx.run(f"{campaign.code} — {campaign.name}", bold=True), align=c),
            docx.para(docx.run(_("I. ĐỢT KHẢO SÁT"), bold=True)),
            docx.para(
                docx.run(
                    _(
                        "Hồ sơ trả kết quả từ ngày %(start)s đến ngày %(end)s; sai số e = "
                        "%(margin)s; phiếu nhận được: %(online)s trực tuyến, %(paper)s phiếu "
                        "giấy, %(phone)s qua điện thoại."
                    )
                    % {
                        "start": campaign.period_start.strftime("%d/%m/%Y"),
                        "end": campaign.period_end.strftime("%d/%m/%Y"),
                        "margin": decimal_vn(campaign.margin * 100) + "%",
                        "online": received["online"],
                        "paper": received["paper"],
                        "phone": received["phone"],
                    }
                ),
                align="both",
                indent=True,
            ),
            docx.grid_table(
                (2300, 2171, 900, 900, 1000, 1800),
                [
                    _("Cơ quan, đơn vị"),
                    _("Dịch vụ"),
                    _("Tổng thể N"),
                    _("Cỡ mẫu n"),
                    _("Tổng số phiếu"),
                    _("Trực tuyến / giấy / điện thoại"),
                ],
                [
                    [
                        row["stratum"].agency.name,
                        row["stratum"].service_name,
                        str(row["population"]),
                        str(row["target"]),
                        str(row["responses"]),
                        " / ".join(
                            str(row["by_channel"][ch]) for ch in ("online", "paper", "phone")
                        ),
                    ]
                    for row in progress
                ],
                right_aligned=frozenset({2, 3, 4, 5}),
            ),
            docx.para(),
            docx.para(docx.run(_("II. KẾT QUẢ CHUNG"), bold=True)),
            _result_table(results.overall),
            docx.para(),
            docx.para(docx.run(_("III. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ"), bold=True)),
        ]
        for agency, result in results.by_agency:
            body += [docx.para(docx.run(agency.name, bold=True)), _result_table(result)]
        body += [docx.para(), docx.para(docx.run(_("IV. KẾT QUẢ THEO DỊCH VỤ"), bold=True))]
        for stratum, result in results.by_stratum:
            body += [
                docx.para(docx.run(f"{stratum.agency.name} — {stratum.service_name}", bold=True)),
                _result_table(result),
            ]
        body += [
            docx.para(),
            docx.para(docx.run(_("V. PHƯƠNG PHÁP"), bold=True)),
            docx.para(docx.run(method_text()), align="both", indent=True),
        ]
    return docx.docx_bytes(docx.document_xml(body))
