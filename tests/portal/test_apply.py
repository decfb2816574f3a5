"""Applying online and following one's dossiers, through the real stack: drafts saved, edited
and submitted into the counter's intake queue, required documents, postal choices, the online
supplement, withdrawal, "my dossiers" with its timeline in plain Vietnamese, and who may
download a document (as an attachment, never rendered)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from cchc.catalog.models import Procedure, RequiredDocument
from cchc.catalog.services import procedure_publish
from cchc.core.calendar import current_calendar
from cchc.core.templatetags.vn import vn_datetime
from cchc.domain.lifecycle import TransitionError
from cchc.dossiers.counters import stats_recount, stats_stored
from cchc.dossiers.models import DocumentAccess, Dossier, DossierDocument, DossierEvent
from cchc.dossiers.selectors import Worklist, dossier_worklist
from cchc.dossiers.services import (
    DossierInputError,
    DraftDetails,
    dossier_accept,
    dossier_apologize,
    dossier_record_shipment,
    dossier_request_supplement,
    dossier_start_draft,
    dossier_submit_draft,
    dossier_update_draft,
)
from cchc.dossiers.services.drafts import (
    MSG_CHANNEL,
    MSG_MISSING_DOCUMENTS,
    MSG_NOT_DRAFT,
    MSG_NOT_OWNER,
    UPDATE_DRAFT,
)
from cchc.org.models import Agency, User
from cchc.portal.apply.forms import MSG_WITHDRAW_REASON
from tests.dossiers.helpers import APPLICANT
from tests.factories import AgencyFactory, ProcedureFactory, UserFactory, add_standard_steps
from tests.portal.apply_helpers import jpeg, pdf, png, stored_files
from tests.twofactor import sign_in_verified
from tests.world import BIRTH_REGISTRATION, BUILDING_PERMIT

pytestmark = pytest.mark.django_db

REQUIRED = "Đơn đề nghị theo mẫu"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def form_data(**extra) -> dict:
    data = {
        "applicant_kind": "person",
        "applicant_name": "Nguyễn Thị Dân",
        "applicant_id_number": "001203004567",
        "applicant_phone": "0912345678",
        "applicant_email": "dan@example.vn",
        "applicant_address": "Số 1 đường Lê Lợi, phường Tân An",
        "receiving_agency": "000.00.05.H98",
        "channel": "online",
        "return_method": "in_person",
        "delivery_address": "",
        "action": "save",
    }
    data.update(extra)
    return data


def apply_url(code: str = BUILDING_PERMIT) -> str:
    return reverse("portal:apply", args=[code])


def draft_url(d: Dossier) -> str:
    return reverse("portal:draft", args=[d.public_id])


def page_url(d: Dossier) -> str:
    return reverse("portal:my_dossier", args=[d.public_id])


def file_url(d: Dossier, doc: DossierDocument) -> str:
    return reverse("portal:dossier_file", args=[d.public_id, doc.pk])


def officer_file_url(d: Dossier, doc: DossierDocument) -> str:
    return reverse("dossiers:file", args=[d.code or str(d.public_id), doc.pk])


def text(response) -> str:
    return response.content.decode()


def latest(citizen) -> Dossier:
    return Dossier.objects.filter(applicant_user=citizen).latest("id")


def submitted(client, citizen) -> Dossier:
    """An online dossier the citizen submitted through the portal (one PDF)."""
    client.force_login(citizen)
    response = client.post(apply_url(), form_data(action="submit", doc_0=pdf()))
    assert response.status_code == 302, text(response)
    dossier = latest(citizen)
    assert dossier.status == Dossier.Status.SUBMITTED
    return dossier


def details(world, **extra) -> DraftDetails:
    return DraftDetails(applicant=APPLICANT, receiving_agency=world.construction, **extra)


@pytest.fixture
def other_citizen(world):
    return UserFactory(username="t.citizen2", full_name="Trần Văn Khách", role=User.Role.CITIZEN)


# --- access -----------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(apply_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_officers_do_not_apply_on_the_portal(client, counter_officer):
    client.force_login(counter_officer)

    assert client.get(apply_url()).status_code == 403
    assert client.get(reverse("portal:my_dossiers")).status_code == 403


def test_an_unknown_procedure_is_404(client, citizen):
    client.force_login(citizen)

    assert client.get(apply_url("1.999999")).status_code == 404


def test_a_procedure_without_an_online_service_cannot_be_applied_for(client, citizen, world):
    procedure = ProcedureFactory(code="2.000111", online_mode=Procedure.OnlineMode.NONE)
    procedure.receiving_agencies.set([world.construction])
    add_standard_steps(procedure)
    procedure_publish(actor=None, procedure=procedure, decision_number="1/QĐ", decision_date=None)
    client.force_login(citizen)

    response = client.get(apply_url("2.000111"))

    assert response.status_code == 404
    assert "chưa cung cấp dịch vụ công trực tuyến" in text(response)


def test_wrong_methods_are_405(client, citizen):
    client.force_login(citizen)
    d = dossier_start_draft(applicant_user=citizen, procedure=_permit(), details=_details())

    assert client.get(reverse("portal:withdraw", args=[d.public_id])).status_code == 405
    assert client.get(reverse("portal:supplement", args=[d.public_id])).status_code == 405
    assert client.post(reverse("portal:my_dossiers")).status_code == 405


def _permit() -> Procedure:
    return Procedure.objects.get(code=BUILDING_PERMIT)


def _details() -> DraftDetails:
    return DraftDetails(
        applicant=APPLICANT, receiving_agency=Agency.objects.get(code="000.00.05.H98")
    )


# --- the form ---------------------------------------------------------------------------------


def test_the_applicant_is_prefilled_from_the_account(client, citizen):
    citizen.address = "Số 9 đường Trần Phú, phường Tân An"
    citizen.email = "dan@example.vn"
    citizen.save()
    client.force_login(citizen)

    body = text(client.get(apply_url()))

    for value in ("Nguyễn Thị Dân", "001203004567", "0912345678", "dan@example.vn", "Trần Phú"):
        assert value in body
    assert 'name="doc_0"' in body and REQUIRED in body
    assert "Lưu nháp" in body and "Nộp hồ sơ" in body


def test_a_commune_procedure_is_received_by_every_commune(client, citizen, world):
    AgencyFactory(
        code="000.10.02.H98",
        name="Ủy ban nhân dân xã Bình Minh",
        level=Agency.Level.COMMUNE,
        parent=world.province,
    )
    client.force_login(citizen)

    body = text(client.get(apply_url(BIRTH_REGISTRATION)))

    assert "Ủy ban nhân dân phường Tân An" in body and "Ủy ban nhân dân xã Bình Minh" in body
    assert "Sở Xây dựng" not in body


def test_the_receiving_agency_must_be_one_of_the_procedures(client, citizen, world):
    client.force_login(citizen)

    response = client.post(apply_url(), form_data(receiving_agency=world.justice.code))

    assert response.status_code == 422
    assert not Dossier.objects.filter(applicant_user=citizen).exists()


def test_postal_return_needs_a_delivery_address(client, citizen):
    client.force_login(citizen)

    response = client.post(apply_url(), form_data(return_method="postal", delivery_address=""))

    assert response.status_code == 422
    assert "Nhận kết quả qua bưu chính cần địa chỉ nhận." in text(response)


def test_postal_submission_and_return_are_offered_only_when_the_procedure_allows(
    client, citizen, world
):
    Procedure.objects.filter(pk=world.building_permit.pk).update(
        postal_submission=False, postal_return=False
    )
    procedure_publish(actor=None, procedure=_permit(), decision_number="2/QĐ", decision_date=None)
    client.force_login(citizen)

    body = text(client.get(apply_url()))
    response = client.post(apply_url(), form_data(channel="postal"))

    assert 'value="postal"' not in body
    assert response.status_code == 422
    with pytest.raises(DossierInputError) as refused:
        dossier_start_draft(
            applicant_user=citizen,
            procedure=_permit(),
            details=details(world, channel=Dossier.Channel.POSTAL),
        )
    assert refused.value.message == MSG_CHANNEL


def test_a_postal_submission_with_postal_return_lands_in_the_queue_as_postal(
    client, citizen, counter_officer
):
    client.force_login(citizen)

    response = client.post(
        apply_url(),
        form_data(
            action="submit",
            channel="postal",
            return_method="postal",
            delivery_address="Số 9 đường Trần Phú, phường Tân An",
            doc_0=pdf(),
        ),
    )

    assert response.status_code == 302
    d = latest(citizen)
    assert (d.status, d.channel, d.return_method) == ("submitted", "postal", "postal")
    assert d.delivery_address == "Số 9 đường Trần Phú, phường Tân An"
    assert d in dossier_worklist(counter_officer, Worklist.TO_RECEIVE)
    assert "gửi hồ sơ giấy qua bưu chính công ích" in text(client.get(page_url(d)))


def test_electronic_return_is_only_for_full_process_services(client, citizen, world):
    Procedure.objects.filter(pk=world.building_permit.pk).update(
        online_mode=Procedure.OnlineMode.PARTIAL
    )
    procedure_publish(actor=None, procedure=_permit(), decision_number="3/QĐ", decision_date=None)
    client.force_login(citizen)

    assert 'value="electronic"' not in text(client.get(apply_url()))
    assert client.post(apply_url(), form_data(return_method="electronic")).status_code == 422


# --- drafts -----------------------------------------------------------------------------------


def test_saving_a_draft_keeps_it_private(client, citizen, counter_officer, media):
    client.force_login(citizen)

    response = client.post(apply_url(), form_data(doc_0=pdf(), extra=[jpeg("cccd.jpg")]))

    d = latest(citizen)
    assert response.status_code == 302 and response["Location"] == draft_url(d)
    assert (d.status, d.channel, d.applicant_user) == ("draft", "online", citizen)
    assert [doc.name for doc in d.documents.all()] == [REQUIRED, "cccd.jpg"]
    assert len(stored_files(media)) == 2
    assert list(d.events.values_list("action", flat=True)) == ["create"]
    assert d not in dossier_worklist(counter_officer, Worklist.TO_RECEIVE)
    body = text(client.get(draft_url(d)))
    assert "Hồ sơ nháp" in body and "cccd.jpg" in body


def test_editing_a_draft_replaces_a_slot_file_and_removes_an_extra(
    client, citizen, media, django_capture_on_commit_callbacks
):
    client.force_login(citizen)
    client.post(apply_url(), form_data(doc_0=pdf(), extra=[jpeg("cccd.jpg")]))
    d = latest(citizen)
    first, extra = list(d.documents.order_by("id"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            draft_url(d), form_data(applicant_phone="0987000111", doc_0=pdf("don-moi.pdf"))
        )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(draft_url(d), {"action": "remove", "document": extra.pk})

    assert response.status_code == 302
    d.refresh_from_db()
    documents = list(d.documents.all())
    assert [doc.name for doc in documents] == [REQUIRED]
    assert documents[0].pk != first.pk
    assert d.applicant_phone == "0987000111"
    assert stored_files(media) == [media / documents[0].file.name]
    events = list(d.events.order_by("seq"))
    assert [e.action for e in events] == ["create", UPDATE_DRAFT, UPDATE_DRAFT]
    assert events[1].data["changed"] == ["applicant_phone"]
    assert events[1].data["removed"] == [REQUIRED] and events[1].data["added"] == [REQUIRED]
    assert events[2].data["removed"] == ["cccd.jpg"]


def test_a_document_of_another_dossier_cannot_be_removed(client, citizen, world):
    client.force_login(citizen)
    mine = dossier_start_draft(applicant_user=citizen, procedure=_permit(), details=_details())
    other = dossier_start_draft(applicant_user=citizen, procedure=_permit(), details=_details())
    client.post(draft_url(other), form_data(doc_0=pdf()))
    doc = other.documents.get()

    response = client.post(draft_url(mine), {"action": "remove", "document": doc.pk})

    assert response.status_code == 404
    assert DossierDocument.objects.filter(pk=doc.pk).exists()


def test_only_the_applicant_edits_only_a_draft(world, citizen, other_citizen):
    d = dossier_start_draft(applicant_user=citizen, procedure=_permit(), details=_details())

    with pytest.raises(TransitionError) as not_owner:
        dossier_update_draft(actor=other_citizen, dossier=d, details=details(world))
    assert not_owner.value.message == MSG_NOT_OWNER
    DossierDocument.objects.create(dossier=d, name=REQUIRED, file="dossiers/x.pdf", size=1)
    dossier_submit_draft(actor=citizen, dossier=d)
    with pytest.raises(TransitionError) as submitted_already:
        dossier_update_draft(actor=citizen, dossier=d, details=details(world))
    assert submitted_already.value.message == MSG_NOT_DRAFT
    assert d.events.count() == 2


def test_saving_an_unchanged_draft_writes_nothing(world, citizen):
    d = dossier_start_draft(applicant_user=citizen, procedure=_permit(), details=_details())

    dossier_update_draft(actor=citizen, dossier=d, details=_details())

    assert list(d.events.values_list("action", flat=True)) == ["create"]


def test_a_submitted_dossiers_draft_page_leads_to_its_page(client, citizen):
    d = submitted(client, citizen)

    response = client.get(draft_url(d))

    assert response.status_code == 302 and response["Location"] == page_url(d)


# --- submitting -------------------------------------------------------------------------------


def test_a_submitted_draft_lands_in_the_counter_officers_intake_queue(
    client, citizen, counter_officer, other_agency_officer
):
    client.force_login(citizen)
    client.post(apply_url(), form_data(doc_0=pdf()))
    d = latest(citizen)

    response = client.post(draft_url(d), form_data(action="submit"))

    d.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == page_url(d)
    assert d.status == Dossier.Status.SUBMITTED and d.submitted_at is not None
    assert list(d.events.values_list("action", flat=True)) == ["create", "submit"]
    assert d in dossier_worklist(counter_officer, Worklist.TO_RECEIVE)
    assert d not in dossier_worklist(other_agency_officer, Worklist.TO_RECEIVE)
    client.force_login(counter_officer)
    assert "Chờ tiếp nhận" in text(client.get(reverse("dossiers:worklist")))


def test_submitting_without_a_required_document_is_refused_and_keeps_the_draft(client, citizen):
    client.force_login(citizen)

    response = client.post(
        apply_url(), form_data(action="submit", extra=[jpeg("anh.jpg")]), follow=True
    )

    d = latest(citizen)
    assert d.status == Dossier.Status.DRAFT
    assert MSG_MISSING_DOCUMENTS.format(names=REQUIRED) in text(response)
    assert [doc.name for doc in d.documents.all()] == ["anh.jpg"]
    assert "submit" not in d.events.values_list("action", flat=True)


def test_every_missing_required_document_is_named(world, citizen):
    RequiredDocument.objects.create(procedure=_permit(), order=2, name="Bản vẽ thiết kế")
    RequiredDocument.objects.create(
        procedure=_permit(), order=3, name="Ảnh hiện trạng", is_optional=True
    )
    procedure_publish(actor=None, procedure=_permit(), decision_number="4/QĐ", decision_date=None)
    d = dossier_start_draft(applicant_user=citizen, procedure=_permit(), details=_details())

    with pytest.raises(DossierInputError) as refused:
        dossier_submit_draft(actor=citizen, dossier=d)

    names = f"{REQUIRED}; Bản vẽ thiết kế"
    assert refused.value.message == MSG_MISSING_DOCUMENTS.format(names=names)
    d.refresh_from_db()
    assert d.status == Dossier.Status.DRAFT


def test_a_complete_application_is_submitted_in_one_step(client, citizen, counter_officer):
    d = submitted(client, citizen)

    assert d.documents.get().name == REQUIRED
    assert d in dossier_worklist(counter_officer, Worklist.TO_RECEIVE)


# --- supplement, withdrawal -------------------------------------------------------------------


def test_the_citizen_supplements_online_when_the_counter_asks(client, citizen, counter_officer):
    d = submitted(client, citizen)
    dossier_request_supplement(
        actor=counter_officer, dossier=d, items=["Bản vẽ mặt bằng"], reason="Thiếu bản vẽ"
    )

    body = text(client.get(page_url(d)))
    response = client.post(
        reverse("portal:supplement", args=[d.public_id]),
        {"supplement-item_0": png("mat-bang.png"), "supplement-note": "Đã bổ sung bản vẽ"},
    )

    assert "Bản vẽ mặt bằng" in body and "Thiếu bản vẽ" in body
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == Dossier.Status.SUBMITTED
    added = d.documents.get(supplement__isnull=False)
    assert (added.name, added.content_type) == ("Bản vẽ mặt bằng", "image/png")
    assert d.supplements.get().fulfilled_at is not None
    event = d.events.latest("seq")
    assert (event.action, event.actor, event.note) == (
        "submit_supplement",
        citizen,
        "Đã bổ sung bản vẽ",
    )


def test_the_citizen_supplements_during_processing_and_the_clock_resumes(
    client, citizen, counter_officer, specialist
):
    d = submitted(client, citizen)
    dossier_accept(actor=counter_officer, dossier=d)
    dossier_request_supplement(
        actor=specialist, dossier=d, items=["Giấy tờ đất"], reason="Chưa rõ nguồn gốc đất"
    )

    response = client.post(
        reverse("portal:supplement", args=[d.public_id]), {"supplement-item_0": pdf("dat.pdf")}
    )

    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == Dossier.Status.PROCESSING and d.clock_paused_at is None


def test_an_empty_supplement_is_refused(client, citizen, counter_officer, media):
    d = submitted(client, citizen)
    dossier_request_supplement(actor=counter_officer, dossier=d, items=["Bản vẽ"], reason="Thiếu")

    response = client.post(reverse("portal:supplement", args=[d.public_id]), {})

    assert response.status_code == 422
    assert "Tải lên ít nhất một tệp bổ sung" in text(response)
    d.refresh_from_db()
    assert d.status == Dossier.Status.INTAKE_SUPPLEMENT


def test_no_supplement_form_without_a_request(client, citizen):
    d = submitted(client, citizen)

    response = client.post(
        reverse("portal:supplement", args=[d.public_id]), {"supplement-item_0": pdf()}
    )

    assert response.status_code == 302
    assert d.documents.count() == 1


def test_the_citizen_withdraws_with_a_reason(client, citizen, counter_officer):
    d = submitted(client, citizen)
    url = reverse("portal:withdraw", args=[d.public_id])

    refused = client.post(url, {"withdraw-reason": ""})
    response = client.post(url, {"withdraw-reason": "Nộp nhầm thủ tục"})

    assert refused.status_code == 422 and str(MSG_WITHDRAW_REASON) in text(refused)
    assert response.status_code == 302
    d.refresh_from_db()
    assert (d.status, d.closing_reason) == ("withdrawn", "Nộp nhầm thủ tục")
    assert d not in dossier_worklist(counter_officer, Worklist.TO_RECEIVE)
    assert client.get(page_url(d)).context["withdraw_form"] is None


# --- my dossiers ------------------------------------------------------------------------------


def test_my_dossiers_pages_with_a_keyset_and_shows_only_mine(
    client, citizen, other_citizen, django_assert_max_num_queries
):
    mine = [
        dossier_start_draft(applicant_user=citizen, procedure=_permit(), details=_details())
        for _ in range(23)
    ]
    theirs = dossier_start_draft(
        applicant_user=other_citizen, procedure=_permit(), details=_details()
    )
    client.force_login(citizen)

    with django_assert_max_num_queries(8):
        first = client.get(reverse("portal:my_dossiers"))
    cursor = first.context["next_cursor"]
    second = client.get(reverse("portal:my_dossiers"), {"after": cursor})

    assert [d.pk for d in first.context["dossiers"]] == [d.pk for d in reversed(mine)][:20]
    assert [d.pk for d in second.context["dossiers"]] == [d.pk for d in reversed(mine)][20:]
    assert second.context["next_cursor"] is None
    assert str(theirs.public_id) not in text(first) + text(second)
    assert "Đang soạn" in text(first)


def test_the_dossier_page_tells_the_story_in_plain_vietnamese(
    client, citizen, counter_officer, specialist
):
    d = submitted(client, citizen)
    dossier_request_supplement(actor=counter_officer, dossier=d, items=["Bản vẽ"], reason="Thiếu")
    client.post(reverse("portal:supplement", args=[d.public_id]), {"supplement-item_0": pdf()})
    dossier_accept(actor=counter_officer, dossier=d)
    d.refresh_from_db()
    new_due = current_calendar().add_working_days(d.due_at, Decimal(2))
    dossier_apologize(
        actor=specialist, dossier=d, reason="Cần xác minh thực địa", new_due_at=new_due
    )
    received = d.events.get(action="receive")

    body = text(client.get(page_url(d)))

    assert f"Hồ sơ đã được tiếp nhận lúc {vn_datetime(received.at)} tại Sở Xây dựng." in body
    assert "Cán bộ yêu cầu bổ sung: Bản vẽ." in body
    assert "Bạn đã nộp hồ sơ bổ sung lúc" in body
    assert (
        f"Xin lỗi và hẹn lại ngày trả kết quả: {vn_datetime(new_due)}. Lý do: Cần xác minh thực địa"
    ) in body
    assert vn_datetime(new_due) in body and d.code in body


def test_the_payment_and_rating_links_appear_when_due(client, citizen, counter_officer):
    d = submitted(client, citizen)
    assert "Thanh toán phí, lệ phí" not in text(client.get(page_url(d)))

    dossier_accept(actor=counter_officer, dossier=d)
    body = text(client.get(page_url(d)))

    assert "Thanh toán phí, lệ phí" in body and "75.000 đ" in body
    assert reverse("portal:payment_start", args=[d.public_id]) in body
    assert reverse("portal:rate", args=[d.public_id]) not in body


def test_postal_shipments_are_shown_to_the_citizen(client, citizen, counter_officer):
    d = submitted(client, citizen)
    dossier_record_shipment(
        actor=counter_officer,
        dossier=d,
        direction="inbound",
        carrier="Bưu điện Việt Nam (VNPost)",
        tracking_number="EB123456789VN",
    )

    body = text(client.get(page_url(d)))

    assert "EB123456789VN" in body and "Bưu điện Việt Nam (VNPost)" in body
    assert "Cơ quan đã nhận hồ sơ giấy qua bưu chính" in body


# --- files: who may download, and how ---------------------------------------------------------


def test_documents_are_served_as_attachments_with_nosniff(client, citizen):
    d = submitted(client, citizen)
    doc = d.documents.get()

    response = client.get(file_url(d, doc))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_another_citizens_dossier_and_files_are_404(client, citizen, other_citizen):
    d = submitted(client, citizen)
    doc = d.documents.get()
    client.force_login(other_citizen)

    assert client.get(page_url(d)).status_code == 404
    assert client.get(file_url(d, doc)).status_code == 404
    assert client.get(draft_url(d)).status_code == 404
    assert client.post(reverse("portal:withdraw", args=[d.public_id]), {}).status_code == 404
    d.refresh_from_db()
    assert d.status == Dossier.Status.SUBMITTED


def test_a_document_id_of_another_dossier_is_404(client, citizen, other_citizen):
    mine = submitted(client, citizen)
    theirs = submitted(client, other_citizen)
    client.force_login(citizen)

    assert client.get(file_url(mine, theirs.documents.get())).status_code == 404


def test_officers_download_within_their_scope_only(
    client, citizen, counter_officer, specialist, other_agency_officer
):
    d = submitted(client, citizen)
    doc = d.documents.get()

    for officer, status in (
        (counter_officer, 200),
        (specialist, 200),
        (other_agency_officer, 404),
        (citizen, 403),
    ):
        client.force_login(officer)
        response = client.get(officer_file_url(d, doc))
        assert response.status_code == status, officer
        if status == 200:
            assert response["Content-Disposition"].startswith("attachment;")
            assert response["X-Content-Type-Options"] == "nosniff"


def test_every_opening_of_a_paper_is_logged_and_shown_to_the_applicant(
    client, citizen, counter_officer, other_agency_officer, admin_user
):
    """DOMAIN A10: identity papers are sensitive; who opened them is recorded, refused
    attempts are not openings, and the applicant sees the officers and can export them all."""
    d = submitted(client, citizen)
    doc = d.documents.get()
    client.get(file_url(d, doc), REMOTE_ADDR="203.0.113.9")  # the applicant
    client.force_login(other_agency_officer)
    assert client.get(officer_file_url(d, doc)).status_code == 404
    client.force_login(counter_officer)
    assert client.get(officer_file_url(d, doc), REMOTE_ADDR="10.1.2.3").status_code == 200

    rows = list(DocumentAccess.objects.filter(dossier=d).order_by("at", "pk"))
    assert [(r.user, r.agency, r.ip, r.document) for r in rows] == [
        (citizen, None, "203.0.113.9", doc),
        (counter_officer, counter_officer.agency, "10.1.2.3", doc),
    ]
    assert rows[1].user_name == counter_officer.get_full_name() == "Trần Thị Tiếp Nhận"
    assert rows[1].document_name == doc.name

    # a province-wide role has no agency of its own: its role is shown instead
    sign_in_verified(client, admin_user)
    assert client.get(officer_file_url(d, doc)).status_code == 200

    client.force_login(citizen)
    page = text(client.get(page_url(d)))
    assert "Cán bộ đã mở giấy tờ của hồ sơ" in page
    assert f"Trần Thị Tiếp Nhận ({counter_officer.agency.name}): {doc.name}" in page
    assert f"{admin_user.get_full_name()} ({admin_user.get_role_display()}): {doc.name}" in page
    assert page.count(f"): {doc.name}</li>") == 2  # the applicant's own download is not listed
    export = json.loads(client.get(reverse("portal:account_export")).content)
    [mine] = [x for x in export["dossiers"] if x["reference"] == d.reference]
    assert [(a["by"], a["agency"]) for a in mine["document_accesses"]] == [
        (citizen.get_full_name(), None),
        ("Trần Thị Tiếp Nhận", counter_officer.agency.name),
        (admin_user.get_full_name(), None),
    ]


def test_the_access_log_is_read_only_in_the_admin(client, citizen, admin_user):
    d = submitted(client, citizen)
    client.get(file_url(d, d.documents.get()))
    access = DocumentAccess.objects.get(dossier=d)
    sign_in_verified(client, admin_user)
    listing = client.get(reverse("admin:dossiers_documentaccess_changelist"))
    assert listing.status_code == 200 and str(d) in text(listing)
    assert client.get(reverse("admin:dossiers_documentaccess_add")).status_code == 403
    url = reverse("admin:dossiers_documentaccess_delete", args=[access.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert DocumentAccess.objects.filter(pk=access.pk).exists()


def test_officers_never_see_a_drafts_files(client, citizen, counter_officer):
    client.force_login(citizen)
    client.post(apply_url(), form_data(doc_0=pdf()))
    d = latest(citizen)
    client.force_login(counter_officer)

    assert client.get(officer_file_url(d, d.documents.get())).status_code == 404


def test_a_file_missing_from_storage_is_404_not_500(client, citizen, media):
    d = submitted(client, citizen)
    doc = d.documents.get()
    (media / doc.file.name).unlink()

    assert client.get(file_url(d, doc)).status_code == 404


def test_events_of_the_portal_are_ordinary_dossier_events(client, citizen):
    d = submitted(client, citizen)

    events = DossierEvent.objects.filter(dossier=d).order_by("seq")

    assert [(e.action, e.from_status, e.to_status) for e in events] == [
        ("create", "", "draft"),
        ("submit", "draft", "submitted"),
    ]


def test_portal_dossiers_keep_the_summary_counters_exact(client, citizen, counter_officer):
    received = submitted(client, citizen)
    dossier_accept(actor=counter_officer, dossier=received)
    withdrawn = submitted(client, citizen)
    client.post(reverse("portal:withdraw", args=[withdrawn.public_id]), {"withdraw-reason": "Nhầm"})
    client.post(apply_url(), form_data(channel="postal", doc_0=pdf()))  # a draft counts nothing

    stored = stats_stored()
    assert stored == stats_recount()
    online = [counts for key, counts in stored.items() if key[4] == "online"]  # the channel
    assert sum(c.get("received", 0) for c in online) == 1
    assert sum(c.get("withdrawn", 0) for c in online) == 1
