"""The inspection minute (biên bản kiểm tra công tác cải cách hành chính) as DOCX, in the
administrative layout of Decree 30/2020 (``cchc.core.docx``): the issuing body and the national
heading side by side, the title, place and date, the inspection team, the scope, the findings
with their requirements and deadlines in a table, the conclusion, then the signatures of the
team's head and of the inspected agency's representative."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from cchc.core import docx
from cchc.core.validation import scrub_text
from cchc.dossiers.printing import place_date_text
from cchc.plans.models import Inspection


def _lines(text: str) -> list[str]:
    return [line.strip() for line in scrub_text(text or "").splitlines() if line.strip()]


def minute_filename(inspection: Inspection) -> str:
    return f"bien-ban-kiem-tra-{inspection.agency.code}-{inspection.date_from:%Y%m%d}.docx"


def minute_docx(inspection: Inspection) -> bytes:
    """The minute of ``inspection`` (A4 portrait, Vietnamese)."""
    c = "center"
    inspector = inspection.inspector
    parent = inspector.parent if inspector.parent_id else None
    findings = list(inspection.findings.all())
    with translation.override("vi"):
        left = [
            docx.para(docx.run(parent.name.upper(), size=25), align=c, after=0) if parent else "",
            docx.para(docx.run(inspector.name.upper(), bold=True, size=25), align=c, after=0),
            docx.para(docx.run("———", size=20), align=c, after=0),
            docx.para(
                docx.run(_("Số: %(number)s") % {"number": inspection.minute_number or "…"}),
                align=c,
                after=0,
            ),
        ]
        right = [
            docx.para(
                docx.run(_("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), bold=True, size=25),
                align=c,
                after=0,
            ),
            docx.para(docx.run(_("Độc lập - Tự do - Hạnh phúc"), bold=True, size=27), align=c),
            docx.para(docx.run("———————", size=20), align=c, after=0),
            docx.para(docx.run(place_date_text(inspection.date_to), italic=True), align=c),
        ]
        body = [
            docx.two_columns((3969, left), (5102, right)),
            docx.para(),
            docx.para(
                docx.run(_("BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH"), bold=True, size=28),
                align=c,
                after=0,
            ),
            docx.para(
                docx.run(
                    _("Tại %(agency)s (%(kind)s)")
                    % {"agency": inspection.agency.name, "kind": inspection.get_kind_display()},
                    bold=True,
                ),
                align=c,
            ),
            docx.para(
                docx.run(
                    _("Thời gian kiểm tra: từ ngày %(start)s đến ngày %(end)s.")
                    % {
                        "start": f"{inspection.date_from:%d/%m/%Y}",
                        "end": f"{inspection.date_to:%d/%m/%Y}",
                    }
                ),
                align="both",
                indent=True,
            ),
            docx.para(docx.run(_("I. THÀNH PHẦN ĐOÀN KIỂM TRA"), bold=True)),
            *(docx.para(docx.run(line), indent=True) for line in _lines(inspection.members)),
            docx.para(docx.run(_("II. NỘI DUNG, PHẠM VI KIỂM TRA"), bold=True)),
            *(
                docx.para(docx.run(line), align="both", indent=True)
                for line in _lines(inspection.scope)
            ),
            docx.para(docx.run(_("III. TỒN TẠI, HẠN CHẾ VÀ YÊU CẦU KHẮC PHỤC"), bold=True)),
        ]
        if findings:
            body.append(
                docx.grid_table(
                    (700, 3300, 3300, 1771),
                    (
                        _("TT"),
                        _("Tồn tại, hạn chế"),
                        _("Yêu cầu khắc phục"),
                        _("Thời hạn"),
                    ),
                    [
                        (
                            str(i),
                            scrub_text(f.content),
                            scrub_text(f.requirement),
                            f"{f.due_date:%d/%m/%Y}",
                        )
                        for i, f in enumerate(findings, start=1)
                    ],
                )
            )
        else:
            body.append(docx.para(docx.run(_("Không phát hiện tồn tại, hạn chế.")), indent=True))
        body += [
            docx.para(docx.run(_("IV. KẾT LUẬN"), bold=True)),
            *(
                docx.para(docx.run(line), align="both", indent=True)
                for line in _lines(inspection.conclusion)
            ),
            docx.para(),
        ]
        inspected = [
            docx.para(docx.run(_("ĐẠI DIỆN CƠ QUAN ĐƯỢC KIỂM TRA"), bold=True), align=c, after=0),
            docx.para(docx.run(_("(Ký, ghi rõ họ tên)"), italic=True), align=c, after=0),
        ]
        team = [
            docx.para(docx.run(_("TRƯỞNG ĐOÀN KIỂM TRA"), bold=True), align=c, after=0),
            docx.para(docx.run(_("(Ký, ghi rõ họ tên)"), italic=True), align=c, after=0),
        ]
        body.append(docx.two_columns((4536, inspected), (4535, team)))
    return docx.docx_bytes(docx.document_xml(body))
