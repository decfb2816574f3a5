"""What citizens type on the portal goes through the shared checks (cchc.core.validation): a
control character in a name, address or note is refused with a message before anything is
written; Vietnamese text passes unchanged."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from cchc.dossiers.models import Dossier, Payment
from cchc.org.models import User
from cchc.satisfaction.models import Rating
from tests.portal.test_accounts import SIGNUP, make_citizen
from tests.portal.test_apply import apply_url, form_data, submitted, text
from tests.portal.test_payments import citizen_client, dossier, sandbox_pay, text_of  # noqa: F401
from tests.satisfaction.test_rating import FORM as RATING
from tests.satisfaction.test_rating import ready

pytestmark = pytest.mark.django_db

MSG_CONTROL = "Có ký tự điều khiển không hiển thị được (U+0001"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    cache.clear()
    yield tmp_path
    cache.clear()


@pytest.mark.parametrize("field", ["applicant_name", "applicant_address"])
def test_an_online_application_with_a_control_character_is_refused(client, citizen, field):
    client.force_login(citizen)
    before = Dossier.objects.count()
    response = client.post(apply_url(), form_data(**{field: "Nguyễn\x01 Thị Dân"}))
    assert response.status_code in (200, 422)
    assert MSG_CONTROL in text(response)
    assert Dossier.objects.count() == before


def test_a_withdrawal_reason_with_a_control_character_is_refused(client, citizen):
    d = submitted(client, citizen)
    response = client.post(
        reverse("portal:withdraw", args=[d.public_id]), {"withdraw-reason": "Nộp\x01 nhầm"}
    )
    assert response.status_code == 422 and MSG_CONTROL in text(response)
    d.refresh_from_db()
    assert d.status == "submitted"


@pytest.mark.parametrize("field", ["full_name", "address"])
def test_sign_up_refuses_a_control_character_and_creates_no_account(client, world, field):
    users = User.objects.count()
    response = client.post(reverse("portal:signup"), {**SIGNUP, field: "Trần\x01 Văn An"})
    assert response.status_code == 200
    assert MSG_CONTROL in text(response)
    assert User.objects.count() == users


def test_the_profile_refuses_a_control_character_and_keeps_the_address(client, world):
    user = make_citizen(email="binh.le@example.vn")
    client.force_login(user)
    response = client.post(
        reverse("portal:account"),
        {"full_name": "Lê Thị Bình", "address": "Số 10\x01", "email": "binh.le@example.vn"},
    )
    assert MSG_CONTROL in text(response)
    user.refresh_from_db()
    assert user.address == "Số 9 đường Hùng Vương, tỉnh Bình Sơn"


def test_the_password_reset_request_says_so_in_vietnamese(client, world):
    response = client.post(reverse("portal:password_reset"), {"identifier": "an\x01@example.vn"})
    assert MSG_CONTROL in text(response)


def test_the_citizen_sign_in_says_so_in_vietnamese(client, world):
    response = client.post(
        reverse("portal:login"), {"username": "an\x01@example.vn", "password": "x" * 12}
    )
    assert MSG_CONTROL in text(response)


def test_the_payment_receipt_pdf_survives_a_name_stored_with_a_control_character(
    citizen_client,  # noqa: F811
    dossier,  # noqa: F811
):
    Dossier.objects.filter(pk=dossier.pk).update(applicant_name="Nguyễn\x01 Thị Dân")
    sandbox_pay(citizen_client, dossier, "success")
    payment = Payment.objects.get(dossier=dossier)
    response = citizen_client.get(reverse("portal:payment_receipt_pdf", args=[payment.public_id]))
    assert response.status_code == 200
    assert "Nguyễn Thị Dân" in text_of(response.content)


def test_a_rating_comment_with_a_control_character_is_refused(client, world):
    d = ready(world, applicant_user=world.citizen)
    client.force_login(world.citizen)
    url = reverse("portal:rate", args=[d.public_id])
    response = client.post(url, {**RATING, "comment": "Nhanh\x01, đúng hẹn."})
    assert MSG_CONTROL in text(response)
    assert not Rating.objects.filter(dossier=d).exists()
