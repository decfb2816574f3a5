"""Officer screens of the one-stop system, through the real stack (URLs, middleware,
templates): access, intake at the counter, every action on the dossier page, clocks and the
late-dossier banner, worklists with their query counts, bulk actions and the leader's alerts."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.domain.lifecycle import MSG_FEES, MSG_OVERDUE
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.actions import BY_SLUG
from cchc.dossiers.jobs import dossiers_escalate
from cchc.dossiers.models import Dossier, DossierEvent, Shipment, SupplementRequest
from cchc.dossiers.services import (
    ApplicantData,
    IntakeRequest,
    dossier_apologize,
    dossier_approve,
    dossier_create_draft,
    dossier_forward,
    dossier_pay,
    dossier_record_visit,
    dossier_request_supplement,
    dossier_submit,
    dossier_submit_supplement,
)
from cchc.dossiers.views.worklist import BULK_REPORT_KEY
from tests.dossiers.helpers import APPLICANT, receive
from tests.world import BUILDING_PERMIT

pytestmark = pytest.mark.django_db

WORKLIST = "/can-bo/ho-so/"
INTAKE = "/can-bo/ho-so/tiep-nhan/"
ALERTS = "/can-bo/ho-so/canh-bao/"
TABS = ["to_receive", "mine", "queue", "due_today", "overdue", "supplement", "ready"]
PRINT_KINDS = ["receipt", "supplement", "refusal", "apology", "control-sheet"]


# --- helpers ---------------------------------------------------------------------------------


def fresh(world, **extra) -> Dossier:
    """A dossier received a minute ago at the construction department's counter."""
    return receive(world, now=timezone.now() - timedelta(minutes=1), **extra)


def overdue(world) -> Dossier:
    """Received 45 days ago (15 working days): past its due moment, no apology."""
    return receive(world, now=timezone.now() - timedelta(days=45))


def page(d: Dossier) -> str:
    return reverse("dossiers:detail", args=[d.code or str(d.public_id)])


def act(d: Dossier, slug: str) -> str:
    return reverse("dossiers:action", args=[d.code or str(d.public_id), slug])


def ready(world, d: Dossier, *, pay: bool = True) -> Dossier:
    d = dossier_forward(actor=world.specialist, dossier=d)
    d = dossier_approve(actor=world.leader, dossier=d, result_number="01/GPXD")
    if pay:
        dossier_pay(actor=world.counter_officer, dossier=d)
    return d


def online(world) -> Dossier:
    """An online dossier waiting in the construction department's intake queue."""
    request = IntakeRequest(
        procedure=world.building_permit, applicant=APPLICANT, receiving_agency=world.construction
    )
    draft = dossier_create_draft(applicant_user=world.citizen, request=request)
    return dossier_submit(actor=world.citizen, dossier=draft)


def local(moment: datetime) -> str:
    return moment.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M")


def future_office_moment(working_days: int = 3) -> datetime:
    cal = current_calendar()
    day = timezone.now().astimezone(VN_TZ).date()
    for _ in range(working_days):
        day = cal.next_working_day(day)
    return datetime.combine(day, time(10, 0), tzinfo=VN_TZ)


def intake_data(outcome: str = "receive", *, ticked: bool = True, **overrides) -> dict:
    data = {
        "procedure": BUILDING_PERMIT,
        "outcome": outcome,
        "doc-TOTAL_FORMS": "4",
        "doc-INITIAL_FORMS": "4",
        "doc-MIN_NUM_FORMS": "0",
        "doc-MAX_NUM_FORMS": "1000",
        "applicant_kind": "person",
        "applicant_name": "Nguyễn Văn Bình",
        "applicant_id_number": "001090012345",
        "applicant_phone": "0987654321",
        "applicant_email": "binh.nguyen@example.vn",
        "applicant_address": "Số 5 đường Lê Lợi, phường Tân An",
        "channel": "in_person",
        "return_method": "in_person",
        "delivery_address": "",
        "other_items": "",
        "reason": "",
        "received_at": "",
        "backdate_reason": "",
    }
    for i in range(4):
        data[f"doc-{i}-form"] = "original"
        data[f"doc-{i}-copies"] = "1"
        data[f"doc-{i}-name"] = ""
    if ticked:
        data["doc-0-received"] = "on"
    data.update(overrides)
    return data


def counts() -> tuple[int, int]:
    return Dossier.objects.count(), DossierEvent.objects.count()


def text(response) -> str:
    return response.content.decode()


# --- access ----------------------------------------------------------------------------------


def staff_pages(d: Dossier) -> list[str]:
    return [
        WORKLIST,
        f"{WORKLIST}so-luong/",
        INTAKE,
        f"{INTAKE}thu-tuc/?q=xay+dung",
        ALERTS,
        page(d),
    ]


def test_anonymous_is_sent_to_sign_in_from_every_page(client, world):
    d = fresh(world)
    for url in [*staff_pages(d), reverse("dossiers:result_file", args=[d.code])]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    response = client.post(act(d, "chuyen"))
    assert response.status_code == 302


def test_citizen_gets_403_on_staff_pages(client, world, citizen):
    d = fresh(world)
    client.force_login(citizen)
    for url in staff_pages(d):
        assert client.get(url).status_code == 403, url
    assert client.post(act(d, "chuyen")).status_code == 403


def test_every_page_renders_for_the_right_officer(client, world):
    d = fresh(world)
    client.force_login(world.counter_officer)
    for url in [INTAKE, f"{INTAKE}?procedure={BUILDING_PERMIT}", page(d)]:
        assert client.get(url).status_code == 200, url
    for officer in (world.counter_officer, world.specialist, world.leader):
        client.force_login(officer)
        for tab in TABS:
            assert client.get(WORKLIST, {"tab": tab}).status_code == 200
        assert client.get(f"{WORKLIST}so-luong/").status_code == 200
        assert client.get(page(d)).status_code == 200
    client.force_login(world.leader)
    assert client.get(ALERTS).status_code == 200


def test_only_counter_officers_and_leaders_open_intake(client, world):
    client.force_login(world.specialist)
    assert client.get(INTAKE).status_code == 403
    client.force_login(world.leader)
    assert client.get(INTAKE).status_code == 200


def test_other_agency_officer_gets_404_on_every_dossier_endpoint(client, world):
    d = fresh(world)
    client.force_login(world.other_agency_officer)
    assert client.get(page(d)).status_code == 404
    assert client.get(reverse("dossiers:detail", args=[str(d.public_id)])).status_code == 404
    assert client.get(reverse("dossiers:result_file", args=[d.code])).status_code == 404
    for slug in BY_SLUG:
        assert client.post(act(d, slug), {"reason": "x"}).status_code == 404, slug
    for kind in PRINT_KINDS:
        url = reverse("dossier_print:form", args=[d.code, kind])
        assert client.get(url).status_code == 404, kind
    for tab in TABS:
        assert client.get(WORKLIST, {"tab": tab}).context["rows"] == []
    d.refresh_from_db()
    assert d.status == "received" and d.event_count == 1


def test_wrong_methods_get_405(client, world):
    d = fresh(world)
    client.force_login(world.specialist)
    assert client.get(act(d, "chuyen")).status_code == 405
    assert client.post(page(d)).status_code == 405
    assert client.get(f"{WORKLIST}hang-loat/").status_code == 405


def test_unknown_action_is_404(client, world):
    d = fresh(world)
    client.force_login(world.specialist)
    assert client.post(act(d, "khong-co")).status_code == 404


def test_menu_shows_entries_by_role(client, world):
    expectations = {
        world.counter_officer: ({"Tiếp nhận", "Hồ sơ"}, {"Cảnh báo"}),
        world.specialist: ({"Hồ sơ"}, {"Tiếp nhận", "Cảnh báo"}),
        world.leader: ({"Tiếp nhận", "Hồ sơ", "Cảnh báo"}, set()),
    }
    for officer, (shown, hidden) in expectations.items():
        client.force_login(officer)
        nav = text(client.get("/")).split("</nav>")[0]
        for label in shown:
            assert f">{label}</a>" in nav, (officer, label)
        for label in hidden:
            assert f">{label}</a>" not in nav, (officer, label)


# --- intake ----------------------------------------------------------------------------------


def test_procedure_search_ignores_diacritics_and_keeps_to_the_unit(client, world):
    client.force_login(world.counter_officer)
    response = client.get(f"{INTAKE}thu-tuc/", {"q": "cap giay phep xay dung"})
    assert "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ" in text(response)
    response = client.get(f"{INTAKE}thu-tuc/", {"q": "dang ky khai sinh"})
    assert "Đăng ký khai sinh" not in text(response)
    assert "Không có thủ tục nào khớp" in text(response)
    # Without script the search box submits to the page itself.
    response = client.get(INTAKE, {"q": "giay phep"})
    assert f"?procedure={BUILDING_PERMIT}" in text(response)


def test_procedure_of_another_unit_is_not_offered_for_intake(client, world):
    client.force_login(world.counter_officer)
    response = client.get(INTAKE, {"procedure": world.birth_registration.code})
    assert response.status_code == 200
    assert "Không tìm thấy thủ tục" in text(response)
    assert 'name="outcome"' not in text(response)


def test_intake_page_shows_the_checklist_and_three_outcomes(client, world):
    client.force_login(world.counter_officer)
    response = client.get(INTAKE, {"procedure": BUILDING_PERMIT})
    body = text(response)
    assert '<label class="form-check-label" for="id_doc-0-received">Đơn đề nghị theo mẫu' in body
    for value in ("receive", "supplement", "refuse"):
        assert f'name="outcome" value="{value}"' in body
    assert "received_at" not in body  # back-office entry needs its own permission


def test_receive_at_the_counter_issues_code_due_moment_and_receipt_link(client, world):
    client.force_login(world.counter_officer)
    response = client.post(INTAKE, intake_data(**{"doc-1-name": "Bản vẽ thiết kế"}))
    assert response.status_code == 302
    d = Dossier.objects.latest("id")
    assert response["Location"] == page(d)
    assert d.status == "received"
    assert d.code.startswith("000.00.05.H98-") and d.code.endswith("-0001")
    assert d.due_at is not None and d.due_at > d.received_at
    assert d.received_by == world.counter_officer and d.visit_count == 1
    assert [doc.name for doc in d.documents.order_by("id")] == [
        "Đơn đề nghị theo mẫu",
        "Bản vẽ thiết kế",
    ]
    event = d.events.get()
    assert event.action == "receive" and event.actor == world.counter_officer
    assert not event.data.get("backdated")
    body = text(client.get(response["Location"]))
    assert "Đã tiếp nhận hồ sơ" in body
    assert "In phiếu hẹn (Mẫu 01)" in body
    assert reverse("dossier_print:form", args=[d.code, "receipt"]) in body


def test_receive_with_a_required_document_missing_names_it_and_writes_nothing(client, world):
    client.force_login(world.counter_officer)
    before = counts()
    response = client.post(INTAKE, intake_data(ticked=False))
    assert response.status_code == 422
    assert "Còn thiếu thành phần hồ sơ bắt buộc: Đơn đề nghị theo mẫu" in text(response)
    assert counts() == before


def test_applicant_fields_are_validated_and_nothing_is_written(client, world):
    client.force_login(world.counter_officer)
    before = counts()
    data = intake_data(
        applicant_id_number="12345",
        applicant_phone="987654321",
        applicant_email="khong-phai-email",
        return_method="postal",
    )
    body = text(client.post(INTAKE, data))
    assert "gồm đúng 12 chữ số" in body
    assert "10 chữ số, bắt đầu bằng số 0" in body
    assert "thư điện tử không hợp lệ" in body
    assert "cần địa chỉ nhận" in body
    assert counts() == before


def test_organisation_applicant_takes_a_tax_code(client, world):
    client.force_login(world.counter_officer)
    data = intake_data(
        applicant_kind="organization",
        applicant_name="Công ty TNHH Xây dựng An Bình",
        applicant_id_number="0101234567-001",
    )
    assert client.post(INTAKE, data).status_code == 302
    assert Dossier.objects.latest("id").applicant_id_number == "0101234567-001"


def test_supplement_at_intake_lists_every_missing_item_in_one_request(client, world):
    client.force_login(world.counter_officer)
    data = intake_data(
        "supplement", ticked=False, other_items="Bản vẽ mặt bằng có chữ ký\nGiấy ủy quyền"
    )
    response = client.post(INTAKE, data)
    assert response.status_code == 302
    d = Dossier.objects.latest("id")
    assert d.status == "intake_supplement" and d.code is None
    request = SupplementRequest.objects.get(dossier=d)
    assert request.stage == "intake"
    assert request.items == [
        "Đơn đề nghị theo mẫu",
        "Bản vẽ mặt bằng có chữ ký",
        "Giấy ủy quyền",
    ]
    assert request.reason  # the default reason when the officer leaves it empty
    assert list(d.events.values_list("action", flat=True)) == ["submit", "request_supplement"]
    body = text(client.get(response["Location"]))
    assert reverse("dossier_print:form", args=[str(d.public_id), "supplement"]) in body


def test_supplement_with_nothing_missing_is_refused_and_writes_nothing(client, world):
    client.force_login(world.counter_officer)
    before = counts()
    response = client.post(INTAKE, intake_data("supplement"))
    assert response.status_code == 422
    assert "không có nội dung nào để yêu cầu bổ sung" in text(response)
    assert counts() == before


def test_refusal_needs_a_reason(client, world):
    client.force_login(world.counter_officer)
    before = counts()
    response = client.post(INTAKE, intake_data("refuse"))
    assert response.status_code == 422
    assert "Từ chối tiếp nhận cần ghi rõ lý do" in text(response)
    assert counts() == before
    response = client.post(
        INTAKE, intake_data("refuse", reason="Thủ tục thuộc thẩm quyền Ủy ban nhân dân cấp xã.")
    )
    assert response.status_code == 302
    d = Dossier.objects.latest("id")
    assert d.status == "refused" and d.closing_reason.startswith("Thủ tục thuộc")
    assert list(d.events.values_list("action", flat=True)) == ["submit", "refuse"]
    body = text(client.get(response["Location"]))
    assert reverse("dossier_print:form", args=[str(d.public_id), "refusal"]) in body


def grant_backdate(user):
    user.user_permissions.add(Permission.objects.get(codename="backdate_intake"))


def test_back_office_entry_needs_the_permission(client, world):
    client.force_login(world.counter_officer)
    before = counts()
    past = local(timezone.now() - timedelta(days=3))
    data = intake_data(received_at=past, backdate_reason="Nhập bù hồ sơ giấy do mất điện")
    response = client.post(INTAKE, data)
    assert response.status_code == 422
    assert "Không có quyền nhập bù hồ sơ giấy" in text(response)
    assert counts() == before


def test_back_office_entry_needs_a_reason_and_is_marked_in_the_event_log(client, world):
    grant_backdate(world.counter_officer)
    client.force_login(world.counter_officer)
    assert 'name="received_at"' in text(client.get(INTAKE, {"procedure": BUILDING_PERMIT}))
    past = timezone.now().replace(second=0, microsecond=0) - timedelta(days=3)
    before = counts()
    response = client.post(INTAKE, intake_data(received_at=local(past)))
    assert response.status_code == 422
    assert "Nhập bù hồ sơ giấy cần ghi rõ lý do" in text(response)
    assert counts() == before
    data = intake_data(received_at=local(past), backdate_reason="Mất kết nối mạng ngày 26")
    response = client.post(INTAKE, data)
    assert response.status_code == 302
    d = Dossier.objects.latest("id")
    assert d.backdated and d.received_at == past
    event = d.events.get()
    assert event.data["backdated"] is True
    assert event.data["reason"] == "Mất kết nối mạng ngày 26"
    assert event.at == past
    assert "Nhập bù hồ sơ giấy" in text(client.get(page(d)))


def test_back_office_time_must_be_typed_dd_mm_yyyy(client, world):
    grant_backdate(world.counter_officer)
    client.force_login(world.counter_officer)
    data = intake_data(received_at="2025-03-03 09:00", backdate_reason="Nhập bù")
    response = client.post(INTAKE, data)
    assert response.status_code == 422
    assert "dd/mm/yyyy HH:MM" in text(response)


# --- the dossier page and its actions --------------------------------------------------------


def test_page_shows_the_route_clock_documents_and_timeline(client, world):
    d = fresh(world)
    client.force_login(world.counter_officer)
    body = text(client.get(page(d)))
    for expected in (
        d.code,
        "Mới tiếp nhận",
        "Thẩm định hồ sơ",
        "Phê duyệt kết quả",
        "Hàng chờ (chưa phân công)",
        "Đơn đề nghị cấp giấy phép xây dựng",
        "Nhật ký xử lý",
        "75.000 đ",
    ):
        assert expected in body, expected
    assert 'class="clock clock-ok" data-testid="dossier-clock">còn ' in body


def test_only_the_actions_allowed_now_are_shown(client, world):
    d = fresh(world)
    client.force_login(world.specialist)
    body = text(client.get(page(d)))
    assert act(d, "chuyen") in body
    assert act(d, "yeu-cau-bo-sung") in body
    for slug in ("phe-duyet", "tra-ket-qua", "tiep-nhan", "dung-giai-quyet", "thu-phi"):
        assert act(d, slug) not in body, slug
    client.force_login(world.counter_officer)
    body = text(client.get(page(d)))
    assert act(d, "thu-phi") in body and act(d, "luot-den") in body
    assert act(d, "chuyen") not in body and act(d, "phe-duyet") not in body


def test_a_user_with_no_dossier_role_sees_no_actions(client, world, home_affairs_evaluator):
    d = fresh(world)
    client.force_login(home_affairs_evaluator)
    body = text(client.get(page(d)))
    assert "Bạn không có thao tác nào" in body
    assert "/thao-tac/" not in body


def test_forbidden_post_answers_with_the_vietnamese_message_and_changes_nothing(client, world):
    d = fresh(world)
    client.force_login(world.specialist)
    response = client.post(act(d, "phe-duyet"), {"phe-duyet-result_number": "1/GP"})
    assert response.status_code == 409
    expected = "Không thể thực hiện “Phê duyệt, ban hành kết quả” khi hồ sơ đang ở trạng thái"
    assert f"{expected} “Mới tiếp nhận”." in text(response)
    d = dossier_forward(actor=world.specialist, dossier=d)
    response = client.post(act(d, "phe-duyet"), {"phe-duyet-result_number": "1/GP"})
    assert response.status_code == 409
    assert "không được thực hiện “Phê duyệt, ban hành kết quả” ở bước hiện tại" in text(response)
    d.refresh_from_db()
    assert d.status == "processing" and d.event_count == 2 and d.result_number == ""


def test_forbidden_message_names_the_role_in_vietnamese(client, world):
    d = dossier_forward(actor=world.specialist, dossier=fresh(world))
    client.force_login(world.specialist)
    response = client.post(act(d, "phe-duyet"), {"phe-duyet-result_number": "1/GP"})
    assert "“specialist”" not in text(response)
    assert "Vai trò “Chuyên viên xử lý” không được thực hiện" in text(response)


def test_happy_path_through_the_page(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    d = fresh(world)
    client.force_login(world.specialist)
    response = client.post(
        act(d, "chuyen"), {"chuyen-to_user": world.leader.pk, "chuyen-note": "Đủ điều kiện"}
    )
    assert response.status_code == 302 and response["Location"] == page(d)
    d.refresh_from_db()
    assert d.status == "processing" and d.current_step.holder == world.leader
    assert d.events.latest("seq").action == "forward"

    client.force_login(world.leader)
    pdf = SimpleUploadedFile("gp.pdf", b"%PDF-1.4 ket qua", content_type="application/pdf")
    response = client.post(
        act(d, "phe-duyet"),
        {
            "phe-duyet-result_number": "15/GPXD",
            "phe-duyet-signer": "Phạm Đức Lãnh",
            "phe-duyet-result_file": pdf,
        },
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == "result_ready" and d.result_number == "15/GPXD" and d.outcome == "approved"
    assert d.result_file.name.startswith("results/")
    file_response = client.get(reverse("dossiers:result_file", args=[d.code]))
    assert file_response["Content-Type"] == "application/pdf"
    assert b"".join(file_response.streaming_content).startswith(b"%PDF-1.4")

    client.force_login(world.counter_officer)
    body = text(client.get(page(d)))
    assert act(d, "thu-phi") in body
    response = client.post(act(d, "tra-ket-qua"), {"tra-ket-qua-method": "in_person"})
    assert response.status_code == 409
    assert MSG_FEES in text(response)
    response = client.post(
        act(d, "thu-phi"),
        {
            "thu-phi-amount_vnd": "75.000",
            "thu-phi-method": "cash",
            "thu-phi-receipt_number": "BL-1",
        },
    )
    assert response.status_code == 302
    assert d.payments.get().amount_vnd == 75000
    response = client.post(
        act(d, "tra-ket-qua"),
        {
            "tra-ket-qua-method": "postal",
            "tra-ket-qua-carrier": "Bưu điện Việt Nam (VNPost)",
            "tra-ket-qua-tracking_number": "EE123456789VN",
        },
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == "returned" and d.return_method == "postal"
    assert Shipment.objects.get(dossier=d).tracking_number == "EE123456789VN"
    response = client.post(act(d, "luot-den"), {"luot-den-purpose": "Hỏi về giấy phép"})
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.visit_count == 2
    assert list(d.events.order_by("seq").values_list("action", flat=True)) == [
        "receive",
        "forward",
        "approve",
        "pay",
        "return_result",
        "record_visit",
    ]


def test_result_file_must_be_a_pdf(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    d = dossier_forward(actor=world.specialist, dossier=fresh(world))
    client.force_login(world.leader)
    fake = SimpleUploadedFile("gp.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        act(d, "phe-duyet"),
        {"phe-duyet-result_number": "1", "phe-duyet-signer": "A", "phe-duyet-result_file": fake},
    )
    assert response.status_code == 422
    assert "phải là tệp PDF" in text(response)
    d.refresh_from_db()
    assert d.status == "processing"


def test_a_result_stored_for_an_approval_refused_under_the_lock_is_deleted(
    client, world, settings, tmp_path, monkeypatch
):
    """The page's check passes, then another leader approves before this request takes the
    row lock: the service refuses (409) and the signed PDF just stored, which names the
    applicant and no row refers to, is deleted at once rather than left to the sweep."""
    from cchc.dossiers.views import detail

    settings.MEDIA_ROOT = str(tmp_path)
    d = dossier_forward(actor=world.specialist, dossier=fresh(world))
    page_check = detail.check_allowed

    def check_then_another_leader_approves(dossier, user, action, now):
        page_check(dossier, user, action, now)
        dossier_approve(
            actor=world.leader, dossier=Dossier.objects.get(pk=dossier.pk), result_number="14/GPXD"
        )

    monkeypatch.setattr(detail, "check_allowed", check_then_another_leader_approves)
    client.force_login(world.leader)
    pdf = SimpleUploadedFile("gp.pdf", b"%PDF-1.4 ket qua", content_type="application/pdf")
    response = client.post(
        act(d, "phe-duyet"),
        {
            "phe-duyet-result_number": "15/GPXD",
            "phe-duyet-signer": "A",
            "phe-duyet-result_file": pdf,
        },
    )

    assert response.status_code == 409
    d.refresh_from_db()
    assert d.result_number == "14/GPXD" and not d.result_file
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_supplement_send_back_payment_and_rejection_through_the_page(client, world):
    d = fresh(world)
    client.force_login(world.specialist)
    response = client.post(
        act(d, "yeu-cau-bo-sung"),
        {
            "yeu-cau-bo-sung-items": ["Đơn đề nghị theo mẫu"],
            "yeu-cau-bo-sung-other_items": "Bản vẽ kết cấu",
            "yeu-cau-bo-sung-reason": "Bản vẽ thiếu chữ ký",
        },
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == "supplement_requested"
    assert d.supplements.get().items == ["Đơn đề nghị theo mẫu", "Bản vẽ kết cấu"]
    body = text(client.get(page(d)))
    assert "tạm dừng" in body and "clock-paused" in body

    client.force_login(world.counter_officer)
    response = client.post(act(d, "nhan-bo-sung"), {"nhan-bo-sung-documents": "Bản vẽ kết cấu"})
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == "processing" and d.documents.filter(supplement__isnull=False).count() == 1

    client.force_login(world.specialist)
    client.post(act(d, "chuyen"), {})
    client.force_login(world.leader)
    response = client.post(act(d, "tra-lai"), {"tra-lai-reason": "Cần thẩm định lại"})
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.current_step.role == "specialist" and d.current_step.holder == world.specialist

    client.force_login(world.specialist)
    response = client.post(
        act(d, "yeu-cau-nghia-vu-tai-chinh"),
        {
            "yeu-cau-nghia-vu-tai-chinh-name_1": "Tiền sử dụng đất",
            "yeu-cau-nghia-vu-tai-chinh-amount_1": "1.500.000",
        },
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == "awaiting_payment"
    assert d.fee_lines.filter(is_financial_obligation=True).get().amount_vnd == 1_500_000

    client.force_login(world.counter_officer)
    response = client.post(
        act(d, "xac-nhan-nghia-vu-tai-chinh"),
        {"xac-nhan-nghia-vu-tai-chinh-method": "bank_transfer"},
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == "processing"

    client.force_login(world.specialist)
    client.post(act(d, "chuyen"), {})
    client.force_login(world.leader)
    response = client.post(
        act(d, "tu-choi-giai-quyet"), {"tu-choi-giai-quyet-reason": "Không phù hợp quy hoạch"}
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == "result_ready" and d.outcome == "rejected"
    assert reverse("dossier_print:form", args=[d.code, "refusal"]) in text(client.get(page(d)))


def test_payment_request_needs_a_complete_line(client, world):
    d = dossier_forward(actor=world.specialist, dossier=fresh(world))
    client.force_login(world.leader)
    response = client.post(
        act(d, "yeu-cau-nghia-vu-tai-chinh"), {"yeu-cau-nghia-vu-tai-chinh-name_1": "Thuế"}
    )
    assert response.status_code == 422
    assert "Trường này là bắt buộc" in text(response)


def test_stop_and_withdraw_through_the_page(client, world):
    stopped, withdrawn = fresh(world), fresh(world)
    client.force_login(world.leader)
    response = client.post(
        act(stopped, "dung-giai-quyet"), {"dung-giai-quyet-reason": "Có tranh chấp đất"}
    )
    assert response.status_code == 302
    client.force_login(world.counter_officer)
    response = client.post(act(withdrawn, "rut-ho-so"), {"rut-ho-so-reason": "Người nộp xin rút"})
    assert response.status_code == 302
    stopped.refresh_from_db()
    withdrawn.refresh_from_db()
    assert stopped.status == "stopped" and withdrawn.status == "withdrawn"


def test_reason_forms_reject_empty_reasons(client, world):
    d = fresh(world)
    client.force_login(world.leader)
    response = client.post(act(d, "dung-giai-quyet"), {"dung-giai-quyet-reason": ""})
    assert response.status_code == 422
    assert "Trường này là bắt buộc" in text(response)
    d.refresh_from_db()
    assert d.status == "received"


def test_online_dossiers_are_received_from_the_intake_queue(client, world):
    received, supplemented, refused = online(world), online(world), online(world)
    client.force_login(world.counter_officer)
    response = client.get(WORKLIST, {"tab": "to_receive"})
    assert received.reference in text(response)
    body = text(client.get(page(received)))
    for slug in ("tiep-nhan", "yeu-cau-bo-sung", "tu-choi-tiep-nhan"):
        assert act(received, slug) in body
    response = client.post(act(received, "tiep-nhan"), {})
    assert response.status_code == 422  # the officer confirms the check first
    response = client.post(act(received, "tiep-nhan"), {"tiep-nhan-checked": "on"})
    received.refresh_from_db()
    assert received.status == "received" and received.code
    assert response["Location"] == page(received)

    response = client.post(
        act(supplemented, "yeu-cau-bo-sung"),
        {"yeu-cau-bo-sung-other_items": "Bản vẽ", "yeu-cau-bo-sung-reason": "Thiếu bản vẽ"},
    )
    supplemented.refresh_from_db()
    assert supplemented.status == "intake_supplement"
    response = client.post(
        act(refused, "tu-choi-tiep-nhan"), {"tu-choi-tiep-nhan-reason": "Sai thẩm quyền"}
    )
    refused.refresh_from_db()
    assert refused.status == "refused"


def test_overdue_dossier_shows_the_red_banner_and_the_apology_first(client, world):
    d = overdue(world)
    client.force_login(world.specialist)
    body = text(client.get(page(d)))
    assert "Hồ sơ quá hạn — cần lập phiếu xin lỗi và hẹn lại" in body
    assert body.index('id="action-xin-loi" open') < body.index(
        "<form", body.index("actions-heading")
    )
    assert act(d, "chuyen") not in body
    assert "quá hạn" in body
    response = client.post(act(d, "chuyen"), {})
    assert response.status_code == 409 and MSG_OVERDUE in text(response)

    new_due = future_office_moment()
    response = client.post(
        act(d, "xin-loi"),
        {"xin-loi-reason": "Chờ ý kiến cơ quan phối hợp", "xin-loi-new_due_at": local(new_due)},
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.apology_count == 1 and d.due_at == new_due
    body = text(client.get(page(d)))
    assert "cần lập phiếu xin lỗi" not in body
    assert act(d, "chuyen") in body
    assert reverse("dossier_print:form", args=[d.code, "apology"]) in body


def test_apology_outside_office_hours_is_an_error_on_the_field(client, world):
    d = overdue(world)
    client.force_login(world.specialist)
    sunday = future_office_moment()
    while sunday.weekday() != 6:
        sunday += timedelta(days=1)
    response = client.post(
        act(d, "xin-loi"), {"xin-loi-reason": "Chậm", "xin-loi-new_due_at": local(sunday)}
    )
    assert response.status_code == 422
    assert 'id="id_xin-loi-new_due_at_error"' in text(response)
    assert "giờ làm việc của ngày làm việc" in text(response)
    d.refresh_from_db()
    assert d.apology_count == 0


def test_forward_to_someone_outside_the_next_step_is_refused_on_the_field(client, world):
    d = fresh(world)
    client.force_login(world.specialist)
    response = client.post(act(d, "chuyen"), {"chuyen-to_user": world.other_agency_officer.pk})
    assert response.status_code == 422  # not even a choice of the form
    d.refresh_from_db()
    assert d.status == "received"


def test_third_visit_is_flagged(client, world):
    d = fresh(world)
    dossier_record_visit(actor=world.counter_officer, dossier=d, purpose="Hỏi tiến độ")
    client.force_login(world.counter_officer)
    assert "Lần đến thứ" not in text(client.get(page(d)))
    dossier_record_visit(actor=world.counter_officer, dossier=d, purpose="Hỏi tiến độ lần 2")
    assert "Lần đến thứ 3" in text(client.get(page(d)))


def test_every_print_link_on_the_page_is_a_pdf(client, world):
    d = fresh(world)
    dossier_request_supplement(actor=world.specialist, dossier=d, items=["Bản vẽ"], reason="Thiếu")
    late = overdue(world)
    dossier_apologize(
        actor=world.specialist, dossier=late, reason="Chậm", new_due_at=future_office_moment()
    )
    client.force_login(world.counter_officer)
    client.post(INTAKE, intake_data("refuse", reason="Sai thẩm quyền"))
    refused = Dossier.objects.latest("id")
    seen = set()
    for dossier in (d, late, refused):
        body = text(client.get(page(dossier)))
        for kind in PRINT_KINDS:
            url = reverse("dossier_print:form", args=[dossier.code or str(dossier.public_id), kind])
            if url in body:
                seen.add(kind)
                response = client.get(url)
                assert response.status_code == 200, (dossier, kind)
                assert response["Content-Type"] == "application/pdf"
    assert seen == set(PRINT_KINDS)


# --- worklists -------------------------------------------------------------------------------


def test_worklists_hold_the_right_dossiers(client, world):
    waiting = fresh(world)
    mine = dossier_forward(actor=world.specialist, dossier=fresh(world), to_user=world.leader)
    late = overdue(world)
    client.force_login(world.specialist)
    queue = text(client.get(WORKLIST, {"tab": "queue"}))
    assert waiting.code in queue and late.code in queue and mine.code not in queue
    client.force_login(world.leader)
    assert mine.code in text(client.get(WORKLIST, {"tab": "mine"}))
    overdue_tab = text(client.get(WORKLIST, {"tab": "overdue"}))
    assert late.code in overdue_tab and waiting.code not in overdue_tab
    assert "quá hạn" in overdue_tab
    tabs = text(client.get(f"{WORKLIST}so-luong/", {"tab": "overdue"}))
    assert 'aria-current="page"' in tabs and "text-bg-danger" in tabs


def test_worklist_filters_and_htmx_partial(client, world):
    other = ApplicantData(full_name="Lê Thị Hoa", id_number="001190000001", phone="0911222333")
    first, second = fresh(world), fresh(world, applicant=other)
    client.force_login(world.specialist)
    body = text(client.get(WORKLIST, {"tab": "queue", "q": "0911222333"}))
    assert second.code in body and first.code not in body
    body = text(client.get(WORKLIST, {"tab": "queue", "q": first.code}))
    assert first.code in body and second.code not in body
    body = text(client.get(WORKLIST, {"tab": "queue", "overdue": "yes"}))
    assert first.code not in body
    today = timezone.localdate().strftime("%d/%m/%Y")
    yesterday = (timezone.localdate() - timedelta(days=1)).strftime("%d/%m/%Y")
    body = text(client.get(WORKLIST, {"tab": "queue", "received_to": yesterday}))
    assert first.code not in body
    body = text(client.get(WORKLIST, {"tab": "queue", "received_from": today}))
    assert first.code in body
    response = client.get(
        WORKLIST,
        {"tab": "queue", "procedure": BUILDING_PERMIT},
        headers={"HX-Request": "true", "HX-Target": "worklist-results"},
    )
    assert response.status_code == 200
    assert "<html" not in text(response) and first.code in text(response)
    response = client.get(WORKLIST, {"tab": "queue", "received_from": "31/02/2025"})
    assert response.status_code == 200
    assert "Nhập ngày theo dạng dd/mm/yyyy" in text(response)


def test_worklist_pages_with_a_keyset_cursor(client, world):
    made = [fresh(world) for _ in range(27)]
    client.force_login(world.specialist)
    first = client.get(WORKLIST, {"tab": "queue"})
    rows = first.context["rows"]
    assert len(rows) == 25
    assert first.context["next_query"]
    assert rows[0]["dossier"].pk == made[-1].pk
    second = client.get(f"{WORKLIST}?{first.context['next_query']}")
    second_rows = second.context["rows"]
    assert len(second_rows) == 2 and not second.context["next_query"]
    seen = {r["dossier"].pk for r in rows} | {r["dossier"].pk for r in second_rows}
    assert seen == {d.pk for d in made}


def measure(client, url: str, params: dict) -> int:
    client.get(url, params)  # warm the calendar cache: not what is measured
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def test_worklist_queries_are_bounded_and_do_not_grow_with_rows(client, world):
    for _ in range(3):
        fresh(world)
    client.force_login(world.specialist)
    params = {"tab": "queue"}
    small = measure(client, WORKLIST, params)
    small_counts = measure(client, f"{WORKLIST}so-luong/", params)
    for _ in range(27):
        fresh(world)
    large = measure(client, WORKLIST, params)
    large_counts = measure(client, f"{WORKLIST}so-luong/", params)
    assert small == large <= 12
    assert small_counts == large_counts <= 20
    print(f"worklist queries: {small} (3 rows), {large} (30 rows); tab counts: {large_counts}")


def test_worklist_page_stays_within_the_budget(client, world, django_assert_max_num_queries):
    for _ in range(30):
        fresh(world)
    client.force_login(world.counter_officer)
    client.get(WORKLIST, {"tab": "queue"})
    with django_assert_max_num_queries(12):
        assert client.get(WORKLIST, {"tab": "ready"}).status_code == 200


def test_bulk_forward_reports_each_dossier_and_the_one_that_failed(client, world):
    good = [fresh(world), fresh(world)]
    late = overdue(world)
    client.force_login(world.specialist)
    codes = [good[0].code, late.code, good[1].code, "000.00.03.H98-250101-9999"]
    response = client.post(
        f"{WORKLIST}hang-loat/", {"action": "forward", "tab": "queue", "codes": codes}
    )
    assert response.status_code == 302 and response["Location"].endswith("?tab=queue")
    report = client.session[BULK_REPORT_KEY]
    assert [row["ok"] for row in report] == [True, False, True, False]
    assert report[1]["message"] == MSG_OVERDUE
    assert report[3]["message"] == "Không tìm thấy hồ sơ."
    for d in good:
        d.refresh_from_db()
        assert d.status == "processing" and d.current_step.role == "leader"
    late.refresh_from_db()
    assert late.status == "received"
    body = text(client.get(response["Location"]))
    assert "Kết quả thao tác hàng loạt" in body and "Không thực hiện được" in body
    assert BULK_REPORT_KEY not in client.session


def test_bulk_forward_to_a_named_leader(client, world):
    d = fresh(world)
    client.force_login(world.specialist)
    client.post(
        f"{WORKLIST}hang-loat/",
        {"action": "forward", "tab": "queue", "codes": [d.code], "to_user": world.leader.pk},
    )
    d.refresh_from_db()
    assert d.current_step.holder == world.leader


def test_bulk_return_reports_the_dossier_with_fees_outstanding(client, world):
    paid = [ready(world, fresh(world)), ready(world, fresh(world))]
    unpaid = ready(world, fresh(world), pay=False)
    client.force_login(world.counter_officer)
    body = text(client.get(WORKLIST, {"tab": "ready"}))
    assert 'form="bulk-form"' in body and "Trả kết quả" in body
    codes = [paid[0].code, unpaid.code, paid[1].code]
    client.post(
        f"{WORKLIST}hang-loat/",
        {"action": "return", "method": "in_person", "tab": "ready", "codes": codes},
    )
    report = client.session[BULK_REPORT_KEY]
    assert [row["ok"] for row in report] == [True, False, True]
    assert report[1]["message"] == MSG_FEES
    for d in paid:
        d.refresh_from_db()
        assert d.status == "returned" and d.return_method == "in_person"
    unpaid.refresh_from_db()
    assert unpaid.status == "result_ready"


def test_bulk_without_selection_is_a_clear_error(client, world):
    client.force_login(world.specialist)
    response = client.post(
        f"{WORKLIST}hang-loat/", {"action": "forward", "tab": "queue"}, follow=True
    )
    assert "Chọn ít nhất một hồ sơ" in text(response)


# --- alerts ----------------------------------------------------------------------------------


def test_leader_sees_escalations_and_unread_notices_and_marks_them_read(client, world):
    late = overdue(world)
    assert dossiers_escalate(timezone.now()) >= 1
    client.force_login(world.leader)
    body = text(client.get(ALERTS))
    assert late.code in body and "Quá hạn" in body
    notice = OutboxMessage.objects.filter(user=world.leader, channel="internal").latest("id")
    assert notice.subject in body
    response = client.post(
        reverse("dossiers:notice_read", args=[notice.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "Đã đánh dấu đã xem" in text(response)
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert notice.subject not in text(client.get(ALERTS))


def test_a_notice_of_someone_else_is_404(client, world):
    overdue(world)
    dossiers_escalate(timezone.now())
    notice = OutboxMessage.objects.filter(user=world.leader, channel="internal").latest("id")
    client.force_login(world.specialist)
    assert client.post(reverse("dossiers:notice_read", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_every_notice_read(client, world):
    overdue(world)
    dossiers_escalate(timezone.now())
    client.force_login(world.leader)
    response = client.post(reverse("dossiers:notice_read_all"), follow=True)
    assert "thông báo là đã xem" in text(response)
    assert not OutboxMessage.objects.filter(
        user=world.leader, channel="internal", read_at__isnull=True
    ).exists()


# --- regressions of bugs found while building these pages (fixed in the services) --------


def paused_long_ago(world) -> Dossier:
    """Received 45 days ago, supplement requested the next day: waiting on the applicant since,
    so its clock has stood still for 44 days."""
    d = receive(world, now=timezone.now() - timedelta(days=45))
    dossier_request_supplement(
        actor=world.specialist,
        dossier=d,
        items=["Bản vẽ mặt bằng"],
        reason="Thiếu bản vẽ",
        now=timezone.now() - timedelta(days=44),
    )
    d.refresh_from_db()
    return d


def test_a_paused_dossier_is_never_shown_overdue(client, world):
    d = paused_long_ago(world)
    client.force_login(world.specialist)
    body = text(client.get(page(d)))
    assert "tạm dừng · còn" in body
    assert "quá hạn" not in body.split("Nhật ký xử lý")[0]
    assert "cần lập phiếu xin lỗi" not in body


def test_step_clock_stands_still_while_paused(world):
    from cchc.dossiers.selectors import dossier_clock, step_clock

    d = paused_long_ago(world)
    assert dossier_clock(d)["seconds"] > 0
    assert step_clock(d.current_step)["seconds"] > 0


def test_hand_over_from_a_queue_step_names_the_officer(client, world):
    d = dossier_forward(actor=world.specialist, dossier=fresh(world), to_user=world.leader)
    assert world.specialist.full_name in d.events.latest("seq").from_holder
    client.force_login(world.leader)
    route = text(client.get(page(d))).split("route-heading")[2].split("</table>")[0]
    assert world.specialist.full_name in route


def test_second_intake_supplement_asks_for_its_own_reason(client, world):
    d = online(world)
    dossier_request_supplement(actor=world.counter_officer, dossier=d, items=["Bản vẽ"], reason="")
    dossier_submit_supplement(actor=world.counter_officer, dossier=d)
    client.force_login(world.counter_officer)
    body = text(client.get(page(d)))
    assert "lần yêu cầu bổ sung thứ hai ở khâu tiếp nhận" in body
    response = client.post(
        act(d, "yeu-cau-bo-sung"), {"yeu-cau-bo-sung-other_items": "Giấy ủy quyền"}
    )
    assert response.status_code == 422
    d.refresh_from_db()
    assert d.status == "submitted" and d.intake_supplement_count == 1


def test_the_route_table_calls_a_step_late_by_its_own_due_moment(client, world):
    """The leader's 4 working hours run 13:00–17:00; approving at 17:30 uses no more working
    time than the budget, yet it is after the step's due moment: late, as on Mẫu 05 (A3)."""
    from cchc.dossiers.services import dossier_approve, dossier_forward
    from tests.dossiers.helpers import at

    d = receive(world, now=at(2025, 7, 7))
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 7, 8, 13))
    dossier_approve(
        actor=world.leader, dossier=d, result_number="8/GPXD", now=at(2025, 7, 8, 17, 30)
    )
    client.force_login(world.leader)
    response = client.get(page(d))
    rows = {row["step"].role: row for row in response.context["steps"]}
    assert rows["leader"]["late"] is True
    assert rows["specialist"]["late"] is False  # handed over a day early
