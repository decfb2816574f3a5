"""The result returned electronically reaches its applicant (issue 8): a full-process online
dossier whose applicant chose "Nhận bản điện tử trên Cổng dịch vụ công", approved with the
signed result PDF and returned "Điện tử", ends on the citizen's dossier page with the result to
download — as an attachment, never rendered, each opening logged like the papers (DOMAIN A10),
and the notices say where it is. An officer's opening of the result is logged the same way and
shown to the applicant."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cchc.core.models import OutboxMessage
from cchc.dossiers.models import DocumentAccess, Dossier
from cchc.dossiers.services import (
    DossierInputError,
    dossier_accept,
    dossier_approve,
    dossier_forward,
    dossier_pay,
    dossier_return,
)
from cchc.dossiers.views._shared import store_result_file
from cchc.org.models import User
from tests.factories import UserFactory
from tests.portal.apply_helpers import PDF, pdf
from tests.portal.test_apply import apply_url, form_data, latest, page_url, text

pytestmark = pytest.mark.django_db

SIGNED = PDF + b"% ky so: Pham Duc Lanh\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def result_url(d: Dossier) -> str:
    return reverse("portal:dossier_result", args=[d.public_id])


def officer_result_url(d: Dossier) -> str:
    return reverse("dossiers:result_file", args=[d.code])


def applied_for_an_electronic_result(client, world) -> Dossier:
    """Filed on the portal by ``citizen`` (who chose to be told by e-mail at a verified
    address), choosing the electronic result; received, forwarded and approved by the leader
    with the signed PDF. The 75.000 đ fee is still owed."""
    citizen = world.citizen
    User.objects.filter(pk=citizen.pk).update(
        notify_email=True, email="dan@example.vn", email_verified_at=timezone.now()
    )
    citizen.refresh_from_db()
    client.force_login(citizen)
    response = client.post(
        apply_url(), form_data(action="submit", return_method="electronic", doc_0=pdf())
    )
    assert response.status_code == 302, text(response)
    d = latest(citizen)
    assert (d.status, d.return_method) == ("submitted", "electronic")
    d = dossier_accept(actor=world.counter_officer, dossier=d)
    d = dossier_forward(actor=world.specialist, dossier=d)
    signed = store_result_file(SimpleUploadedFile("gp.pdf", SIGNED, "application/pdf"))
    d = dossier_approve(actor=world.leader, dossier=d, result_number="125/GPXD", result_file=signed)
    assert d.status == Dossier.Status.RESULT_READY and d.result_file
    return d


def returned_electronically(d: Dossier, counter_officer) -> Dossier:
    dossier_pay(actor=counter_officer, dossier=d)
    return dossier_return(actor=counter_officer, dossier=d, method="electronic")


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_result_returned_electronically_is_downloaded_by_its_applicant(
    client, world, citizen, counter_officer
):
    d = applied_for_an_electronic_result(client, world)

    # Ready but not returned (the fee is owed): not yet the applicant's, and the page says when.
    page = text(client.get(page_url(d)))
    assert result_url(d) not in page
    assert "Kết quả điện tử sẽ có tại đây khi cơ quan trả kết quả" in page
    assert client.get(result_url(d)).status_code == 404

    d = returned_electronically(d, counter_officer)
    page = text(client.get(page_url(d)))
    response = client.get(result_url(d), REMOTE_ADDR="203.0.113.7")

    assert f'href="{result_url(d)}"' in page
    assert "Kết quả giải quyết" in page and "125/GPXD" in page
    assert "Đã trả kết quả điện tử" in page  # the status hint: the process ends here
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"ket-qua-{d.code}.pdf" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert body(response) == SIGNED
    access = DocumentAccess.objects.get(dossier=d)
    assert (access.kind, access.user, access.agency, access.ip) == (
        DocumentAccess.Kind.RESULT,
        citizen,
        None,
        "203.0.113.7",
    )
    assert access.document is None and access.document_name == "Kết quả giải quyết số 125/GPXD"


def test_the_notices_say_where_the_electronic_result_is(client, world, counter_officer, settings):
    d = applied_for_an_electronic_result(client, world)
    d = returned_electronically(d, counter_officer)
    page = f"{settings.CCHC_PUBLIC_URL}{page_url(d)}"

    ready = OutboxMessage.objects.get(template="result_ready", channel="email")
    returned = OutboxMessage.objects.get(template="returned", channel="email")

    assert "Kết quả điện tử sẽ có trên trang hồ sơ" in ready.body and page in ready.body
    assert "Tải kết quả điện tử (bản có chữ ký số)" in returned.body and page in returned.body


def test_only_the_applicant_downloads_the_result_on_the_portal(
    client, world, citizen, counter_officer, other_agency_officer
):
    d = returned_electronically(applied_for_an_electronic_result(client, world), counter_officer)
    stranger = UserFactory(username="t.stranger", full_name="Lê Văn Lạ", role=User.Role.CITIZEN)

    client.force_login(stranger)
    assert client.get(result_url(d)).status_code == 404
    client.force_login(counter_officer)
    assert client.get(result_url(d)).status_code == 403  # officers use their own pages
    client.logout()
    assert client.get(result_url(d)).status_code == 302
    client.force_login(other_agency_officer)
    assert client.get(officer_result_url(d)).status_code == 404
    assert client.post(officer_result_url(d)).status_code == 405
    assert not DocumentAccess.objects.filter(dossier=d).exists()


def test_an_officer_opening_the_result_is_served_like_a_paper_and_shown_to_the_applicant(
    client, world, citizen, counter_officer
):
    d = applied_for_an_electronic_result(client, world)
    client.force_login(counter_officer)

    response = client.get(officer_result_url(d), REMOTE_ADDR="10.1.2.3")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]
    assert body(response) == SIGNED
    access = DocumentAccess.objects.get(dossier=d)
    assert (access.kind, access.user, access.agency, access.ip) == (
        DocumentAccess.Kind.RESULT,
        counter_officer,
        counter_officer.agency,
        "10.1.2.3",
    )
    client.force_login(citizen)
    page = text(client.get(page_url(d)))
    assert "Cán bộ đã mở giấy tờ của hồ sơ" in page
    assert (
        f"Trần Thị Tiếp Nhận ({counter_officer.agency.name}): Kết quả giải quyết số 125/GPXD"
        in page
    )


def test_a_result_returned_on_paper_also_leaves_its_electronic_copy_to_the_applicant(
    client, world, citizen, counter_officer
):
    """Returned in person, the signed PDF is still the applicant's copy on the portal
    (Decree 45/2020: results are kept in the citizen's electronic data store)."""
    d = applied_for_an_electronic_result(client, world)
    dossier_pay(actor=counter_officer, dossier=d)
    d = dossier_return(actor=counter_officer, dossier=d, method="in_person")
    client.force_login(citizen)

    page = text(client.get(page_url(d)))

    assert f'href="{result_url(d)}"' in page and "Bản điện tử của kết quả" in page
    assert client.get(result_url(d)).status_code == 200


# --- an electronic return that would reach nobody is refused ---------------------------------


def test_an_electronic_return_without_the_signed_file_is_refused_and_changes_nothing(client, world):
    from cchc.dossiers.services.processing import MSG_ELECTRONIC_NO_FILE

    d = applied_for_an_electronic_result(client, world)
    Dossier.objects.filter(pk=d.pk).update(result_file="")  # approved without the PDF
    dossier_pay(actor=world.counter_officer, dossier=d)
    d.refresh_from_db()
    events = d.event_count
    with pytest.raises(DossierInputError) as refused:
        dossier_return(actor=world.counter_officer, dossier=d, method="electronic")
    assert (refused.value.template, refused.value.field) == (MSG_ELECTRONIC_NO_FILE, "method")
    d.refresh_from_db()
    assert (d.status, d.event_count) == (Dossier.Status.RESULT_READY, events)
    # In person it goes (the applicant collects the paper).
    d = dossier_return(actor=world.counter_officer, dossier=d, method="in_person")
    assert d.status == Dossier.Status.RETURNED


def test_a_counter_dossier_cannot_be_returned_electronically_to_nobody(world):
    from cchc.dossiers.services import dossier_change_return_method
    from cchc.dossiers.services.processing import MSG_ELECTRONIC_NO_ACCOUNT
    from tests.dossiers.helpers import at, receive

    d = receive(world, now=at(2025, 3, 3))  # at the counter: no portal account to deliver to
    with pytest.raises(DossierInputError) as refused:
        dossier_change_return_method(
            actor=world.counter_officer, dossier=d, method="electronic", now=at(2025, 3, 3, 10)
        )
    assert refused.value.template == MSG_ELECTRONIC_NO_ACCOUNT
    d = dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4))
    signed = store_result_file(SimpleUploadedFile("gp.pdf", SIGNED, "application/pdf"))
    d = dossier_approve(
        actor=world.leader,
        dossier=d,
        result_number="9/GPXD",
        result_file=signed,
        now=at(2025, 3, 5),
    )
    dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 3, 5, 10))
    with pytest.raises(DossierInputError) as refused:
        dossier_return(
            actor=world.counter_officer, dossier=d, method="electronic", now=at(2025, 3, 6)
        )
    assert refused.value.template == MSG_ELECTRONIC_NO_ACCOUNT
    d.refresh_from_db()
    assert d.status == Dossier.Status.RESULT_READY and d.return_method == "in_person"
