"""Official forms (Mẫu 01–05) as PDF and the tracking book (Mẫu 06) as XLSX: rendered from
dossiers built through the services, read back (text extracted from the PDF, cells from the
workbook) and checked for the code, names with their diacritics and dd/mm/yyyy dates."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date, datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from cchc.core.calendar import current_calendar
from cchc.dossiers import printing
from cchc.dossiers.handovers import step_result
from cchc.dossiers.models import Dossier, DossierEvent
from cchc.dossiers.printing import (
    FORM_KINDS,
    FormNotAvailable,
    control_rows,
    form_filename,
    render_form,
    tracking_book,
)
from cchc.dossiers.selectors import Worklist, dossier_worklist
from cchc.dossiers.services import (
    ApplicantData,
    IntakeRequest,
    dossier_apologize,
    dossier_approve,
    dossier_forward,
    dossier_pay,
    dossier_refuse,
    dossier_register,
    dossier_reject,
    dossier_request_supplement,
    dossier_return,
    dossier_submit_supplement,
    dossier_withdraw,
)
from cchc.org.models import User
from tests.dossiers.helpers import APPLICANT, at, receive
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CODE = "000.00.05.H98-250707-0001"
SUPPLEMENT_ITEMS = [
    "Bản vẽ thiết kế xây dựng có chữ ký của chủ đầu tư",
    "Giấy chứng nhận quyền sử dụng đất (bản sao có chứng thực)",
]


# --- Building dossiers through the services --------------------------------------------------


def build_late_dossier(world):
    """Received Mon 07/07/2025 09:00 (due 28/07 09:00), a supplement 08/07 → 10/07 moves the due
    moment to 30/07 09:00, an apology on 29/07 sets 06/08 17:00, the specialist hands over late
    on 31/07, the leader approves an hour later, the result is returned on 01/08."""
    d = receive(world, now=at(2025, 7, 7))
    dossier_request_supplement(
        actor=world.specialist,
        dossier=d,
        items=SUPPLEMENT_ITEMS,
        reason="Hồ sơ thiếu bản vẽ và giấy tờ về đất",
        legal_basis="Điều 95 Luật Xây dựng số 50/2014/QH13",
        now=at(2025, 7, 8),
    )
    dossier_submit_supplement(actor=world.counter_officer, dossier=d, now=at(2025, 7, 10))
    dossier_apologize(
        actor=world.specialist,
        dossier=d,
        reason="Cần lấy ý kiến của cơ quan quản lý đất đai",
        new_due_at=at(2025, 8, 6, 17),
        now=at(2025, 7, 29),
    )
    dossier_forward(actor=world.specialist, dossier=d, note="Đủ điều kiện", now=at(2025, 7, 31))
    dossier_approve(actor=world.leader, dossier=d, result_number="45/GPXD", now=at(2025, 7, 31, 10))
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 7, 31, 14))
    dossier_return(actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, 8, 1))
    d.refresh_from_db()
    return d


@pytest.fixture
def late(world):
    return build_late_dossier(world)


@pytest.fixture
def rejected(world):
    """Received Mon 14/07/2025 09:00; the specialist hands over after one working day, the
    leader rejects after exactly the 4 working hours of the approval step."""
    d = receive(world, now=at(2025, 7, 14))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 7, 15))
    dossier_reject(
        actor=world.leader,
        dossier=d,
        reason="Công trình nằm trong hành lang bảo vệ đê điều, không được phép xây dựng.",
        now=at(2025, 7, 15, 14),
    )
    d.refresh_from_db()
    return d


def registered(world, now=None):
    request = IntakeRequest(procedure=world.building_permit, applicant=APPLICANT)
    return dossier_register(
        actor=world.counter_officer, request=request, now=now or at(2025, 7, 7, 10)
    )


@pytest.fixture
def refused(world):
    """Presented at the counter, asked for supplements at intake, then refused."""
    d = registered(world)
    dossier_request_supplement(
        actor=world.counter_officer,
        dossier=d,
        items=["Tờ khai theo mẫu"],
        reason="Thiếu tờ khai",
        now=at(2025, 7, 7, 10, 30),
    )
    dossier_refuse(
        actor=world.counter_officer,
        dossier=d,
        reason="Thủ tục không thuộc thẩm quyền giải quyết của Sở Xây dựng.",
        now=at(2025, 7, 8, 9),
    )
    d.refresh_from_db()
    return d


# --- Reading a PDF back ---------------------------------------------------------------------


def read_pdf(pdf: bytes) -> tuple[PdfReader, str]:
    """The reader and the whole text, NFC-normalised with whitespace collapsed (pypdf breaks
    lines where the layout wraps them)."""
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(unicodedata.normalize("NFC", text).split())


def font_names(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def assert_national_heading(text: str) -> None:
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text


# --- Mẫu 01 ---------------------------------------------------------------------------------


def test_receipt_has_code_names_dates_fees_signatures_and_qr_caption(
    world, django_assert_max_num_queries
):
    d = Dossier.objects.get(pk=receive(world, now=at(2025, 7, 7)).pk)
    # A bounded piece of work: a few reads (the dossier's relations, documents, fees, the
    # receipt event, the rating link) and one A4 page, whatever the machine's speed.
    with django_assert_max_num_queries(8):
        pdf = render_form(d, "receipt")
    reader, text = read_pdf(pdf)
    assert len(reader.pages) == 1 and len(pdf) < 100_000

    assert d.code == CODE
    assert f"Mã hồ sơ: {CODE}" in text
    assert_national_heading(text)
    assert "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM" in text
    assert "SỞ XÂY DỰNG" in text
    assert "Bình Sơn, ngày 07 tháng 7 năm 2025" in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "Bộ phận tiếp nhận và trả kết quả Sở Xây dựng" in text
    assert "Cán bộ tiếp nhận: Trần Thị Tiếp Nhận" in text
    assert "Tiếp nhận hồ sơ của: Nguyễn Văn Bình" in text
    assert "Số 5 đường Lê Lợi, phường Tân An, tỉnh Bình Sơn" in text
    assert "0987654321" in text and "binh.nguyen@example.vn" in text
    assert "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ" in text
    assert "1.009794" in text
    assert "Đơn đề nghị cấp giấy phép xây dựng" in text and "Bản chính" in text
    assert "Thời gian giải quyết hồ sơ theo quy định là: 15 ngày làm việc" in text
    assert "Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 07/07/2025" in text
    # 15 working days from Monday 07/07/2025 09:00 (no holiday in July).
    assert "Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 28/07/2025" in text
    assert "điều chỉnh" not in text
    assert "Hình thức nhận kết quả: Trực tiếp" in text
    assert "Lệ phí: 75.000 đ" in text
    assert "NGƯỜI NỘP HỒ SƠ" in text and "NGƯỜI TIẾP NHẬN HỒ SƠ" in text
    assert "Quét mã để tra cứu và đánh giá" in text
    assert f"http://127.0.0.1:8000/tra-cuu/?ma={CODE}" in "".join(text.split())

    fonts = font_names(reader)
    assert fonts and all("Tinos" in name for name in fonts), fonts
    assert any(name.endswith("Tinos-Bold") for name in fonts)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_receipt_qr_code_links_to_the_public_lookup(world, settings):
    settings.CCHC_PUBLIC_URL = "https://dichvucong.binhson.gov.vn"
    assert printing.lookup_url(CODE) == f"https://dichvucong.binhson.gov.vn/tra-cuu/?ma={CODE}"
    uri = printing.qr_data_uri(printing.lookup_url(CODE))
    assert uri.startswith("data:image/svg+xml;base64,")


def test_receipt_names_the_postal_address_for_a_result_sent_by_post(world):
    d = receive(
        world,
        now=at(2025, 7, 7),
        return_method="postal",
        delivery_address="Số 12 đường Trần Phú, phường Tân An, tỉnh Bình Sơn",
    )
    context = printing.BUILDERS["receipt"](d)
    assert context["return_method"] == "Bưu chính công ích"
    assert context["postal_address"] == "Số 12 đường Trần Phú, phường Tân An, tỉnh Bình Sơn"
    assert context["due_text"] == "09 giờ 00 phút, ngày 28/07/2025"
    assert context["moved_due_text"] == ""


def test_reprinted_receipt_keeps_the_first_appointment_and_shows_the_new_one(late):
    _, text = read_pdf(render_form(late, "receipt"))
    assert "Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 28/07/2025" in text
    assert "điều chỉnh thành: 17 giờ 00 phút, ngày 06/08/2025" in text
    # Documents added by a supplement during processing are not on the receipt.
    assert "Bản vẽ thiết kế" not in text


# --- Mẫu 02 ---------------------------------------------------------------------------------


def test_supplement_form_lists_every_item_numbered_with_reason_basis_and_officer(late):
    _, text = read_pdf(render_form(late, "supplement"))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert_national_heading(text)
    assert f"Mã hồ sơ: {CODE}" in text
    assert "Nguyễn Văn Bình" in text and "Sở Xây dựng" in text
    assert f"1. {SUPPLEMENT_ITEMS[0]}" in text
    assert f"2. {SUPPLEMENT_ITEMS[1]}" in text
    assert "Lý do: Hồ sơ thiếu bản vẽ và giấy tờ về đất" in text
    assert "Căn cứ: Điều 95 Luật Xây dựng số 50/2014/QH13" in text
    assert "Giai đoạn: Trong quá trình giải quyết" in text
    assert "Thời gian yêu cầu: 09 giờ 00 phút, ngày 08/07/2025" in text
    assert "Thời gian tiếp nhận hồ sơ: 09 giờ 00 phút, ngày 07/07/2025" in text
    assert "Bình Sơn, ngày 08 tháng 7 năm 2025" in text
    # Issued by the specialist's division, under its department.
    assert "PHÒNG QUẢN LÝ HOẠT ĐỘNG XÂY DỰNG" in text
    assert "NGƯỜI HƯỚNG DẪN" in text and "Lê Văn Chuyên" in text


# --- Mẫu 03 ---------------------------------------------------------------------------------


def test_refusal_form_for_a_dossier_rejected_at_approval(rejected):
    _, text = read_pdf(render_form(rejected, "refusal"))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ" in text
    assert_national_heading(text)
    assert f"Mã hồ sơ: {rejected.code}" in text
    assert "Nguyễn Văn Bình" in text
    assert "Sở Xây dựng thông báo không giải quyết hồ sơ này" in text
    assert "Công trình nằm trong hành lang bảo vệ đê điều, không được phép xây dựng." in text
    assert "Thời gian từ chối: 14 giờ 00 phút, ngày 15/07/2025" in text
    assert "Thời gian tiếp nhận hồ sơ: 09 giờ 00 phút, ngày 14/07/2025" in text
    assert "Bình Sơn, ngày 15 tháng 7 năm 2025" in text
    assert "Phạm Đức Lãnh" in text


# --- Mẫu 04 ---------------------------------------------------------------------------------


def test_apology_form_has_addressee_old_and_new_appointment_reason_and_signer(late):
    _, text = read_pdf(render_form(late, "apology"))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert_national_heading(text)
    assert "SỞ XÂY DỰNG" in text
    assert f"Mã hồ sơ: {CODE}" in text
    assert "Kính gửi: Nguyễn Văn Bình" in text
    assert "Số 5 đường Lê Lợi, phường Tân An, tỉnh Bình Sơn" in text
    assert "0987654321" in text
    assert "Vào lúc 09 giờ 00 phút, ngày 07/07/2025, Sở Xây dựng tiếp nhận" in text
    # The appointment at the time of the apology: moved by the two days of supplement.
    assert "Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 00 phút, ngày 30/07/2025" in text
    assert "Lý do: Cần lấy ý kiến của cơ quan quản lý đất đai" in text
    assert "Sở Xây dựng xin lỗi Ông/Bà" in text
    assert "17 giờ 00 phút, ngày 06/08/2025" in text
    assert "Bình Sơn, ngày 29 tháng 7 năm 2025" in text
    assert "THỦ TRƯỞNG CƠ QUAN" in text and "Lê Văn Chuyên" in text


# --- Mẫu 05 ---------------------------------------------------------------------------------


def test_control_sheet_rows_are_the_hand_overs_with_their_step_result(late):
    rows = [r for r in control_rows(late) if not r["note_only"]]
    assert [r["number"] for r in rows] == [1, 2, 3, 4]
    assert [r["at"] for r in rows] == [
        "09 giờ 00 phút, ngày 07/07/2025",  # received, handed to the specialist
        "09 giờ 00 phút, ngày 31/07/2025",  # specialist → leader
        "10 giờ 00 phút, ngày 31/07/2025",  # leader → counter
        "09 giờ 00 phút, ngày 01/08/2025",  # counter → applicant
    ]
    # Each step against its own due moment (DOMAIN A3): the counter hands over at 09:00 on the
    # day its 4 h end (14:00 → on time); the specialist after its due moment (its 110 h moved
    # by the paused days); the leader at 10:00, due 15:00 the same day; the return the next
    # morning, due 12:00 on 31/07.
    assert [r["result"] for r in rows] == ["Đúng hạn", "Trễ hạn", "Đúng hạn", "Trễ hạn"]
    assert rows[0]["from"] == "Sở Xây dựng — Trần Thị Tiếp Nhận"
    assert rows[1]["from"] == "Sở Xây dựng — Lê Văn Chuyên"  # took it from the queue
    assert rows[1]["to"] == "Sở Xây dựng — Lãnh đạo"
    assert rows[1]["note"] == "Chuyển bước tiếp theo — Đủ điều kiện"
    assert rows[3]["to"] == "Tổ chức, cá nhân: Nguyễn Văn Bình"
    notes = [r["text"] for r in control_rows(late) if r["note_only"]]
    assert len(notes) == 3
    assert notes[0].startswith("09 giờ 00 phút, ngày 08/07/2025: Yêu cầu bổ sung")
    assert "hẹn lại 17 giờ 00 phút, ngày 06/08/2025" in notes[2]


def test_control_sheet_pdf_shows_every_hand_over_in_order(late):
    reader, text = read_pdf(render_form(late, "control-sheet"))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert_national_heading(text)
    assert f"Mã hồ sơ: {CODE}" in text
    assert "Tổ chức, cá nhân: Nguyễn Văn Bình" in text
    assert "Cơ quan tiếp nhận: Sở Xây dựng" in text
    assert "Thời gian tiếp nhận: 09 giờ 00 phút, ngày 07/07/2025" in text
    assert "Thời gian hẹn trả kết quả: 09 giờ 00 phút, ngày 28/07/2025" in text
    assert "hẹn lại: 17 giờ 00 phút, ngày 06/08/2025" in text
    for label in ("Bên giao", "Bên nhận", "Người giao", "Người nhận", "Kết quả giải quyết"):
        assert label in text
    # One result per hand-over row, top to bottom.
    results = re.findall(r"Trước hạn|Đúng hạn|Trễ hạn", text)
    assert results == ["Đúng hạn", "Trễ hạn", "Đúng hạn", "Trễ hạn"]
    table = text[text.index("Ghi chú") :]
    moments = [
        "09 giờ 00 phút, ngày 07/07/2025",
        "09 giờ 00 phút, ngày 31/07/2025",
        "10 giờ 00 phút, ngày 31/07/2025",
        "09 giờ 00 phút, ngày 01/08/2025",
    ]
    positions = [table.index(m) for m in moments]
    assert positions == sorted(positions)
    assert "Lê Văn Chuyên" in table and "Phạm Đức Lãnh" in table
    assert "Yêu cầu bổ sung, hoàn thiện hồ sơ" in table
    assert all("Tinos" in name for name in font_names(reader))


def test_step_on_exactly_its_due_moment_is_on_time(rejected):
    rows = [r for r in control_rows(rejected) if not r["note_only"]]
    # Counter: handed over 09:00, due 14:00 the same day; specialist: one working day of
    # 110 h, days before its due date; leader: 09:00 → 14:00, exactly its 4 working hours.
    assert [r["result"] for r in rows] == ["Đúng hạn", "Trước hạn", "Đúng hạn"]


def build_day_boundary_dossier(world):
    """Received Mon 07/07/2025 09:00; the specialist hands over Tue 08/07 16:00, so the
    leader's 4 working hours run over the night to Wed 09/07 11:00; the leader approves Wed
    10:00 (on the due date, before the due moment); the return step's 2 h end Wed 12:00 and
    the result is returned Thu 10/07 08:30."""
    d = receive(world, now=at(2025, 7, 7))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 7, 8, 16))
    dossier_approve(actor=world.leader, dossier=d, result_number="7/GPXD", now=at(2025, 7, 9, 10))
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 7, 9, 11))
    dossier_return(
        actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, 7, 10, 8, 30)
    )
    d.refresh_from_db()
    return d


def test_control_sheet_judges_each_step_by_its_own_due_date_across_a_day_boundary(world):
    d = build_day_boundary_dossier(world)
    _, text = read_pdf(render_form(d, "control-sheet"))
    results = re.findall(r"Trước hạn|Đúng hạn|Trễ hạn", text)
    # The leader used 3 of its 4 working hours but handed over on its due date: on time,
    # not early (early is a date before the due date, DOMAIN A3).
    assert results == ["Đúng hạn", "Trước hạn", "Đúng hạn", "Trễ hạn"]
    table = text[text.index("Ghi chú") :]
    # Each row names the step's due moment it was judged by.
    for due in ("14 giờ 00 phút, ngày 07/07/2025", "11 giờ 00 phút, ngày 09/07/2025"):
        assert f"Hạn: {due}" in table


def test_a_hand_over_half_an_hour_after_a_closing_due_moment_is_late(world):
    # The leader's 4 working hours run from 13:00 to 17:00. Approving at 17:30 uses no more
    # working time than the budget (the old rule said "on time"), yet it is after the due moment.
    d = receive(world, now=at(2025, 7, 7))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 7, 8, 13))
    dossier_approve(
        actor=world.leader, dossier=d, result_number="8/GPXD", now=at(2025, 7, 8, 17, 30)
    )
    rows = [r for r in control_rows(d) if not r["note_only"]]
    assert rows[2]["result"] == "Trễ hạn"
    assert rows[2]["due"] == "17 giờ 00 phút, ngày 08/07/2025"


def test_events_kept_before_the_step_due_moment_was_recorded_are_judged_the_same(world):
    d = build_day_boundary_dossier(world)
    expected = [r["result"] for r in control_rows(d) if not r["note_only"]]
    for event in d.events.all():  # as rows written before the step's due moment was kept
        event.data.pop("step_due_at", None)
        DossierEvent.objects.filter(pk=event.pk).update(data=event.data)
    assert [r["result"] for r in control_rows(d) if not r["note_only"]] == expected


def test_place_and_date_line_follows_decree_30(settings):
    settings.CCHC_PROVINCE_NAME = "Tỉnh Bình Sơn"
    assert printing.place_date_text(date(2025, 1, 5)) == "Bình Sơn, ngày 05 tháng 01 năm 2025"
    assert printing.place_date_text(date(2025, 2, 28)) == "Bình Sơn, ngày 28 tháng 02 năm 2025"
    assert printing.place_date_text(date(2025, 12, 9)) == "Bình Sơn, ngày 09 tháng 12 năm 2025"
    # A moment is dated in Vietnam's time zone: 31/07 23:30 local is 16:30 UTC.
    assert printing.place_date_text(at(2025, 7, 31, 23, 30)) == (
        "Bình Sơn, ngày 31 tháng 7 năm 2025"
    )
    settings.CCHC_PROVINCE_NAME = "Thành phố Hà Nội"
    assert printing.place_name() == "Hà Nội"


def test_forms_load_only_the_vendored_fonts_and_inline_images():
    fetcher = printing.local_only_fetcher()
    font = printing.font_faces()[0]["url"]
    assert fetcher.fetch(font).read(4) == b"\x00\x01\x00\x00"  # a TrueType file
    for url in ("http://127.0.0.1:8000/", "file:///etc/passwd", "https://example.com/x.css"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_hand_over_is_judged_by_the_steps_due_moment():
    due = at(2025, 7, 9, 11)
    calendar = current_calendar()

    def result(handed_over_at, data=None, budget=None, used=None):
        event = DossierEvent(
            at=handed_over_at,
            data={"step_due_at": due.isoformat()} if data is None else data,
            step_budget_seconds=budget,
            step_used_seconds=used,
        )
        return step_result(event, calendar)

    assert result(at(2025, 7, 8, 16, 59)) == "early"
    assert result(at(2025, 7, 9, 8)) == "on_time"
    assert result(due) == "on_time"
    assert result(at(2025, 7, 9, 11, 1)) == "late"
    assert result(at(2025, 7, 9, 10), data={}) is None  # closed no step
    assert result(at(2025, 7, 9, 10), data={}, budget=3600, used=7200) == "late"


# --- Forms a dossier does not have ------------------------------------------------------------


def test_forms_not_available_say_why_in_vietnamese(world):
    submitted = registered(world)
    received = receive(world, now=at(2025, 7, 7))
    cases = [
        (submitted, "receipt", printing.MSG_NOT_RECEIVED),
        (submitted, "control-sheet", printing.MSG_NO_CONTROL_SHEET),
        (received, "supplement", printing.MSG_NO_SUPPLEMENT),
        (received, "refusal", printing.MSG_NOT_REFUSED),
        (received, "apology", printing.MSG_NO_APOLOGY),
    ]
    for dossier, kind, message in cases:
        with pytest.raises(FormNotAvailable) as caught:
            render_form(dossier, kind)
        assert caught.value.message == message, kind
    with pytest.raises(ValueError):
        render_form(received, "receipt-and-more")
    assert set(FORM_KINDS) == set(printing.TEMPLATES) == set(printing.FILE_PREFIXES)


def test_form_filenames_are_ascii_and_name_the_dossier(world):
    d = receive(world, now=at(2025, 7, 7))
    assert form_filename(d, "receipt") == f"phieu-hen-{CODE}.pdf"
    assert form_filename(d, "control-sheet") == f"phieu-kiem-soat-{CODE}.pdf"
    submitted = registered(world)
    name = form_filename(submitted, "refusal")
    assert name.isascii() and name.startswith("phieu-tu-choi-TN-") and name.endswith(".pdf")


# --- Mẫu 06: the tracking book ----------------------------------------------------------------


def commune_counter(world):
    return UserFactory(
        username="t.commune.counter",
        full_name="Đinh Thị Xã",
        role=User.Role.COUNTER_OFFICER,
        agency=world.commune,
    )


def test_tracking_book_lists_the_agencys_dossiers_of_the_period(
    world, late, django_assert_max_num_queries
):
    first = receive(world, now=at(2025, 7, 1, 6))  # 30/06 23:00 UTC: a July dossier locally
    last = receive(world, now=at(2025, 7, 31, 16, 30))
    receive(world, now=at(2025, 6, 30, 16))  # before the period
    receive(world, now=at(2025, 8, 1, 8))  # after the period
    registered(world)  # never received
    receive(
        world,
        commune_counter(world),
        procedure=world.birth_registration,
        now=at(2025, 7, 15),
        applicant=ApplicantData(full_name="Trần Văn Xã"),
    )

    with django_assert_max_num_queries(8):
        content = tracking_book(
            agencies=[world.construction], date_from=date(2025, 7, 1), date_to=date(2025, 7, 31)
        )
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "SỞ XÂY DỰNG"
    assert sheet["A2"].value == "SỔ THEO DÕI HỒ SƠ"
    assert sheet["A3"].value == "Từ ngày 01/07/2025 đến ngày 31/07/2025"
    header = [c.value for c in sheet[5]]
    assert header == [
        "STT",
        "Mã hồ sơ",
        "Thủ tục hành chính",
        "Tổ chức, cá nhân",
        "Ngày nhận",
        "Ngày hẹn trả",
        "Ngày chuyển",
        "Ngày có kết quả",
        "Ngày trả kết quả",
        "Hình thức nhận kết quả",
        "Ký nhận",
        "Ghi chú",
    ]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
    assert [r[1] for r in rows] == [first.code, late.code, last.code]
    assert [r[0] for r in rows] == [1, 2, 3]
    assert first.code == "000.00.05.H98-250701-0001"

    row = rows[1]
    assert row[2] == "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"
    assert row[3].startswith("Nguyễn Văn Bình")
    assert row[4] == datetime(2025, 7, 7, 9, 0)
    assert row[5] == datetime(2025, 8, 6, 17, 0)  # the appointment after the apology
    assert row[6] == datetime(2025, 7, 31, 9, 0)  # first hand-over onwards
    assert row[7] == datetime(2025, 7, 31, 10, 0)
    assert row[8] == datetime(2025, 8, 1, 9, 0)
    assert row[9] == "Trực tiếp"
    assert row[10] is None
    assert "Trễ hạn" in row[11] and "Bổ sung hồ sơ 1 lần" in row[11]
    assert "xin lỗi" in row[11]
    assert rows[0][4] == datetime(2025, 7, 1, 6, 0)  # local wall-clock time, not UTC
    assert rows[0][6] is None and rows[0][8] is None

    for column in "EFGHI":
        cell = sheet[f"{column}7"]
        assert cell.number_format == "dd/mm/yyyy hh:mm", column
        assert isinstance(cell.value, datetime) and cell.value.tzinfo is None


def test_tracking_book_of_another_agency_holds_only_its_dossiers(world):
    receive(world, now=at(2025, 7, 7))
    commune_dossier = receive(
        world,
        commune_counter(world),
        procedure=world.birth_registration,
        now=at(2025, 7, 15),
        applicant=ApplicantData(full_name="Trần Văn Xã"),
    )
    content = tracking_book(
        agencies=[world.commune], date_from=date(2025, 7, 1), date_to=date(2025, 7, 31)
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
    assert [(r[1], r[3]) for r in rows] == [(commune_dossier.code, "Trần Văn Xã")]
    with pytest.raises(ValueError):
        tracking_book(
            agencies=[world.commune], date_from=date(2025, 8, 1), date_to=date(2025, 7, 1)
        )


# --- Views ----------------------------------------------------------------------------------


def form_url(dossier, kind="receipt"):
    return reverse("dossier_print:form", kwargs={"code": dossier.code, "kind": kind})


def test_officer_of_the_agency_gets_the_pdf_inline(client, world, counter_officer):
    d = receive(world, now=at(2025, 7, 7))
    client.force_login(counter_officer)
    response = client.get(form_url(d))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="phieu-hen-{CODE}.pdf"'
    _, text = read_pdf(response.content)
    assert CODE in text and "Nguyễn Văn Bình" in text


def test_form_of_another_agencys_dossier_is_not_found(client, world, other_agency_officer):
    d = receive(world, now=at(2025, 7, 7))
    client.force_login(other_agency_officer)
    assert client.get(form_url(d)).status_code == 404


def test_anonymous_is_sent_to_sign_in_and_citizens_are_refused(client, world, citizen):
    d = receive(world, now=at(2025, 7, 7))
    response = client.get(form_url(d))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    client.force_login(citizen)
    assert client.get(form_url(d)).status_code == 403


def test_unknown_kind_missing_form_and_wrong_method(client, world, counter_officer):
    d = receive(world, now=at(2025, 7, 7))
    client.force_login(counter_officer)
    assert client.get(form_url(d, "bien-lai")).status_code == 404
    response = client.get(form_url(d, "apology"))
    assert response.status_code == 404
    assert printing.MSG_NO_APOLOGY in response.content.decode()
    assert client.post(form_url(d)).status_code == 405


def test_refused_dossier_prints_its_refusal_by_public_id(client, refused, counter_officer):
    assert refused.code is None
    url = reverse("dossier_print:form", kwargs={"code": str(refused.public_id), "kind": "refusal"})
    client.force_login(counter_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('inline; filename="phieu-tu-choi-TN-')
    _, text = read_pdf(response.content)
    assert f"Mã hồ sơ: {refused.reference}" in text
    assert "Sở Xây dựng thông báo không tiếp nhận hồ sơ này" in text
    assert "Thủ tục không thuộc thẩm quyền giải quyết của Sở Xây dựng." in text
    assert "Thời gian từ chối: 09 giờ 00 phút, ngày 08/07/2025" in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text and "Trần Thị Tiếp Nhận" in text
    assert "Nguyễn Văn Bình" in text


BOOK = "dossier_print:tracking_book"


def test_tracking_book_download_for_the_officers_unit(client, world, late, counter_officer):
    client.force_login(counter_officer)
    response = client.get(reverse(BOOK), {"from": "01/07/2025", "to": "31/07/2025"})
    assert response.status_code == 200
    assert response["Content-Type"] == printing.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == (
        'attachment; filename="so-theo-doi-ho-so-000.00.05.H98-01072025-31072025.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[1].value for row in sheet.iter_rows(min_row=6)] == [late.code]


def test_tracking_book_rejects_bad_dates_and_foreign_agencies(
    client, world, counter_officer, other_agency_officer, home_affairs_evaluator
):
    url = reverse(BOOK)
    client.force_login(counter_officer)
    for params in (
        {"from": "31/02/2025", "to": "31/07/2025"},
        {"from": "hôm qua", "to": "31/07/2025"},
        {"from": "01/08/2025", "to": "01/07/2025"},
        {"from": "01/01/2024", "to": "31/07/2025"},
    ):
        response = client.get(url, params)
        assert response.status_code == 400, params
        assert "ngày" in response.content.decode().lower()
    response = client.get(url, {"from": "31/02/2025"})
    assert "Ngày không hợp lệ" in response.content.decode()
    assert client.get(url, {"agency": world.justice.code}).status_code == 404
    client.force_login(other_agency_officer)
    assert client.get(url, {"agency": world.construction.code}).status_code == 404
    client.force_login(home_affairs_evaluator)
    assert client.get(url).status_code == 400  # no unit of their own: must choose one
    response = client.get(
        url, {"agency": world.construction.code, "from": "2025-07-01", "to": "2025-07-31"}
    )
    assert response.status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


# --- A bug found in the services (for the lead engineer) -------------------------------------


def test_withdrawn_dossier_leaves_the_holders_worklist(world):
    d = receive(world, now=at(2025, 7, 7))
    dossier_forward(actor=world.specialist, dossier=d, to_user=world.leader, now=at(2025, 7, 8))
    assert list(dossier_worklist(world.leader, Worklist.MINE, now=at(2025, 7, 8, 10))) == [d]
    dossier_withdraw(
        actor=world.counter_officer, dossier=d, reason="Người nộp xin rút", now=at(2025, 7, 9)
    )
    d.refresh_from_db()
    assert d.status == "withdrawn"
    assert list(dossier_worklist(world.leader, Worklist.MINE, now=at(2025, 7, 9, 10))) == []
    assert d.current_step is None or d.current_step.state == "done"
