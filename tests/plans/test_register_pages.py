"""The modernisation registers' pages: scoped, forms through the services, the CSV import with
its errors, never a 500 on bad input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cchc.plans.models import DocumentExchange, IsoRegister, Plan
from tests.plans.test_register_services import HEADER, enter


def test_an_agency_enters_a_month_and_sees_the_share_against_its_target(client, world):
    Plan.objects.create(
        year=2025, agency=world.construction, title="KH", target_document_share=Decimal("90")
    )
    client.force_login(world.reform_officer)
    url = reverse("plans:register_documents", args=[world.construction.code])
    response = client.post(
        url,
        {
            "month": "03/2025",
            "sent_total": "10",
            "sent_electronic": "5",
            "received_total": "10",
            "received_electronic": "5",
        },
    )
    assert response.status_code == 302
    assert DocumentExchange.objects.get().month == date(2025, 3, 1)
    page = client.get(url + "?nam=2025").content.decode()
    assert "50,00%" in page
    assert "chỉ tiêu 90" in page


def test_bad_months_and_counts_are_shown_on_the_form(client, world):
    client.force_login(world.reform_officer)
    url = reverse("plans:register_documents", args=[world.construction.code])
    for month, sent_e in (("13/2025", "1"), ("03/2025", "11"), ("abc", "x"), ("01/2099", "1")):
        response = client.post(
            url,
            {
                "month": month,
                "sent_total": "10",
                "sent_electronic": sent_e,
                "received_total": "0",
                "received_electronic": "0",
            },
        )
        assert response.status_code == 400
    assert not DocumentExchange.objects.exists()


def test_another_agencys_register_is_a_404(client, world):
    client.force_login(world.reform_officer)
    for name in ("plans:register_documents", "plans:register_iso"):
        assert client.get(reverse(name, args=[world.justice.code])).status_code == 404
    overview = client.get(reverse("plans:registers") + "?nam=abcd")
    assert overview.status_code == 200
    assert world.justice.name not in overview.content.decode()


def test_the_iso_form_saves_the_procedures_covered(client, world):
    client.force_login(world.leader)
    url = reverse("plans:register_iso", args=[world.construction.code])
    assert world.building_permit.code in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "status": "certified",
            "certificate": "GCN 123",
            "certified_on": "03/02/2025",
            "next_audit": "03/02/2026",
            "procedures": [world.building_permit.code],
        },
    )
    assert response.status_code == 302
    register = IsoRegister.objects.get()
    assert list(register.procedures.all()) == [world.building_permit]
    bad = client.post(url, {"status": "certified", "procedures": [world.birth_registration.code]})
    assert bad.status_code == 400


def test_home_affairs_imports_a_csv_and_a_broken_one_lists_its_errors(client, world):
    client.force_login(world.home_affairs_evaluator)
    url = reverse("plans:register_documents_csv")
    broken = HEADER + f"{world.construction.code},01/2025,1,2,1,1\n"
    response = client.post(url, {"file": SimpleUploadedFile("vb.csv", broken.encode())})
    assert response.status_code == 400
    assert "Dòng 2, cột Văn bản đi điện tử" in response.content.decode()
    assert not DocumentExchange.objects.exists()
    good = HEADER + f"{world.construction.code},01/2025,4,2,4,2\n"
    response = client.post(url, {"file": SimpleUploadedFile("vb.csv", good.encode())})
    assert response.status_code == 302
    binary = client.post(url, {"file": SimpleUploadedFile("vb.csv", b"\x00\x01PK\x03")})
    assert binary.status_code == 400
    assert "không phải văn bản CSV" in binary.content.decode()
    overview = client.get(reverse("plans:registers") + "?nam=2025").content.decode()
    assert "50,00" in overview


def test_the_overview_shows_iso_coverage(client, world):
    enter(world)
    client.force_login(world.home_affairs_evaluator)
    response = client.get(reverse("plans:registers") + "?nam=2025")
    assert response.status_code == 200
    assert "Tỷ lệ cơ quan, đơn vị áp dụng ISO 9001" in response.content.decode()
