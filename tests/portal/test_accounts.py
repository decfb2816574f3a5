"""Citizen accounts on the portal: sign up, sign in by e-mail or phone, my account, the
notification channels the citizen chose, export of one's data and closing the account."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from cchc.core.models import OutboxMessage
from cchc.dossiers.models import Dossier
from cchc.dossiers.notifications import notify_applicant
from cchc.dossiers.services import (
    ApplicantData,
    DocumentData,
    IntakeRequest,
    dossier_accept,
    dossier_create_draft,
    dossier_submit,
)
from cchc.org.forms import lockout_params
from cchc.org.identity import MSG_CCCD_BIRTH_YEAR, MSG_CCCD_FORMAT, MSG_CCCD_PROVINCE
from cchc.org.models import ConsentRecord, User
from cchc.portal.access import MSG_CITIZENS_ONLY
from cchc.portal.accounts import views
from cchc.portal.accounts.forms import MSG_LOGIN_INVALID, MSG_PASSWORD_MISMATCH
from cchc.portal.accounts.privacy import NOTICE_VERSION
from cchc.portal.accounts.services import (
    CLOSED_NAME,
    MSG_CONTACT_REQUIRED,
    MSG_EMAIL_TAKEN,
    MSG_PHONE_TAKEN,
    ProfileData,
    citizen_signup,
    citizen_verify_contact,
)
from cchc.portal.accounts.validators import (
    MSG_PASSWORD_NUMERIC,
    MSG_PASSWORD_SIMILAR,
    MSG_PASSWORD_TOO_COMMON,
)
from cchc.portal.accounts.verification import verification_token
from tests.dossiers.helpers import APPLICANT, receive
from tests.factories import PASSWORD as OFFICER_PASSWORD

pytestmark = pytest.mark.django_db

PASSWORD = "mùa thu Hà Nội có hoa sữa"
SIGNUP = {
    "full_name": "Trần Văn An",
    "citizen_id": "036095001234",
    "email": "an.tran@example.vn",
    "phone": "",
    "address": "Số 3 đường Trần Phú, phường Tân An, tỉnh Bình Sơn",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # The rate limiter counts in the cache, which outlives a test's database transaction.
    cache.clear()
    yield
    cache.clear()


def signup(client, **changes):
    return client.post(reverse("portal:signup"), {**SIGNUP, **changes})


def login(client, identifier, password=PASSWORD):
    return client.post(reverse("portal:login"), {"username": identifier, "password": password})


def make_citizen(
    *, email="", phone="", notify_email=False, notify_sms=False, verified=False, **extra
):
    """A citizen signed up through the service; with ``verified``, each contact's link (sent
    at sign-up) opened."""
    user = citizen_signup(
        profile=ProfileData(
            full_name=extra.get("full_name", "Lê Thị Bình"),
            address="Số 9 đường Hùng Vương, tỉnh Bình Sơn",
            email=email,
            phone=phone,
        ),
        citizen_id=extra.get("citizen_id", "038185004321"),
        password=PASSWORD,
        consent_email=notify_email,
        consent_sms=notify_sms,
    )
    if verified:
        for channel in ("email", "phone"):
            if getattr(user, channel):
                citizen_verify_contact(token=verification_token(user, channel))
        user.refresh_from_db()
    return user


def page(response) -> str:
    return response.content.decode()


def signed_in_user(client):
    return User.objects.filter(pk=client.session.get("_auth_user_id")).first()


# --- sign up --------------------------------------------------------------------------------


def test_a_citizen_signs_up_with_an_email_and_is_signed_in(client, world):
    response = signup(client, email="An.Tran@Example.VN")
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:account")
    user = User.objects.get(email="an.tran@example.vn")
    assert user.role == User.Role.CITIZEN and user.is_active
    assert user.full_name == "Trần Văn An" and user.citizen_id == "036095001234"
    assert user.address.startswith("Số 3 đường Trần Phú")
    assert user.check_password(PASSWORD)
    assert user.privacy_notice_version == NOTICE_VERSION and user.privacy_notice_at
    assert signed_in_user(client) == user
    assert "Trần Văn An" in page(client.get(reverse("portal:account")))


def test_a_citizen_signs_up_with_only_a_phone(client, world):
    response = signup(client, email="", phone="+84 987 111 222")
    assert response.status_code == 302
    user = User.objects.get(phone="0987111222")
    assert user.email == "" and user.role == User.Role.CITIZEN
    assert signed_in_user(client) == user


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"citizen_id": "03609500123"}, MSG_CCCD_FORMAT),
        ({"citizen_id": "03609500123x"}, MSG_CCCD_FORMAT),
        ({"citizen_id": "003095001234"}, MSG_CCCD_PROVINCE),
        ({"citizen_id": "036995001234"}, MSG_CCCD_BIRTH_YEAR),
        ({"password1": "1234567890123", "password2": "1234567890123"}, MSG_PASSWORD_NUMERIC),
        ({"password1": "password1234", "password2": "password1234"}, "phổ biến"),
        ({"password1": "ngắn quá", "password2": "ngắn quá"}, "cần ít nhất 12 ký tự"),
        (
            {"password1": "an.tran@example.vn", "password2": "an.tran@example.vn"},
            MSG_PASSWORD_SIMILAR,
        ),
        ({"password2": PASSWORD + "!"}, MSG_PASSWORD_MISMATCH),
        ({"email": "", "phone": ""}, MSG_CONTACT_REQUIRED),
        ({"phone": "12345"}, "Số điện thoại gồm 10 chữ số, bắt đầu bằng số 0."),
        ({"full_name": ""}, "Vui lòng nhập thông tin này."),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_stored(client, world, changes, message):
    users, consents = User.objects.count(), ConsentRecord.objects.count()
    response = signup(client, notify_email="on", **changes)
    assert response.status_code == 200
    text = page(response)
    assert "Chưa thể thực hiện" in text
    if message:
        assert str(message) in text
    assert (User.objects.count(), ConsentRecord.objects.count()) == (users, consents)
    assert signed_in_user(client) is None


def test_eleven_characters_are_too_short_and_twelve_are_enough(client, world):
    response = signup(client, password1="Hoa-sua-202", password2="Hoa-sua-202")
    assert "Mật khẩu quá ngắn: cần ít nhất 12 ký tự." in page(response)
    assert not User.objects.filter(email="an.tran@example.vn").exists()
    assert signup(client, password1="Hoa-sua-2025", password2="Hoa-sua-2025").status_code == 302


def test_a_common_password_is_refused_whatever_its_length(client, world):
    users = User.objects.count()
    response = signup(client, password1="1qaz2wsx3edc", password2="1qaz2wsx3edc")
    assert str(MSG_PASSWORD_TOO_COMMON) in page(response)
    assert User.objects.count() == users


def test_a_password_like_the_email_is_refused(client, world):
    response = signup(client, password1="an.tran@example", password2="an.tran@example")
    assert str(MSG_PASSWORD_SIMILAR) in page(response)


def test_a_taken_email_is_refused_in_any_case(client, world):
    make_citizen(email="an.tran@example.vn")
    users = User.objects.count()
    response = signup(client, email="AN.TRAN@example.vn")
    assert str(MSG_EMAIL_TAKEN) in page(response)
    assert User.objects.count() == users


def test_a_taken_phone_is_refused(client, citizen):
    response = signup(client, phone=citizen.phone)
    assert str(MSG_PHONE_TAKEN) in page(response)
    assert User.objects.filter(phone=citizen.phone).count() == 1


def test_an_officer_email_does_not_block_a_citizen(client, counter_officer):
    counter_officer.email = "an.tran@example.vn"
    counter_officer.save()
    assert signup(client).status_code == 302


def test_the_database_refuses_a_second_open_account_for_one_email(world):
    make_citizen(email="race@example.vn")
    twin = User(username="twin", role=User.Role.CITIZEN, email="Race@Example.vn")
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_passwords_are_never_echoed_back(client, world):
    response = signup(client, citizen_id="bad", password1=PASSWORD, password2=PASSWORD)
    assert response.status_code == 200
    assert PASSWORD not in page(response)


def test_the_consent_boxes_start_unticked_and_the_notice_is_shown(client, world):
    text = page(client.get(reverse("portal:signup")))
    for name in ("notify_email", "notify_sms"):
        box = text.split(f'name="{name}"')[1].split(">")[0]
        assert "checked" not in box
    assert "Thông báo về xử lý dữ liệu cá nhân" in text
    assert NOTICE_VERSION in text
    assert "không cần sự đồng ý" in text  # the account itself rests on the legal basis
    assert "91/2025/QH15" in text


def test_ticked_consent_is_recorded_with_time_and_notice_version(client, world):
    signup(client, phone="0987111222", notify_sms="on")
    user = User.objects.get(email="an.tran@example.vn")
    assert (user.notify_email, user.notify_sms) == (False, True)
    consent = ConsentRecord.objects.get(user=user)
    assert consent.purpose == ConsentRecord.Purpose.NOTIFY_SMS and consent.granted
    assert consent.notice_version == NOTICE_VERSION and consent.source == "signup"
    assert consent.at == user.privacy_notice_at


def test_no_consent_ticked_means_no_record_and_no_channel(client, world):
    signup(client)
    user = User.objects.get(email="an.tran@example.vn")
    assert (user.notify_email, user.notify_sms) == (False, False)
    assert not ConsentRecord.objects.filter(user=user).exists()


def test_consent_to_sms_needs_a_phone(client, world):
    response = signup(client, notify_sms="on")
    assert "vui lòng nhập số điện thoại" in page(response)
    assert not User.objects.filter(email="an.tran@example.vn").exists()


def test_sign_up_needs_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("portal:signup"), SIGNUP).status_code == 403
    assert not User.objects.filter(email="an.tran@example.vn").exists()


def test_sign_up_is_rate_limited_per_client_address(client, world, monkeypatch):
    monkeypatch.setattr(views, "SIGNUP_LIMIT", 2)
    signup(client, citizen_id="bad")
    signup(client, citizen_id="bad")
    response = signup(client)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Quá nhiều lần thử" in page(response)
    assert not User.objects.filter(email="an.tran@example.vn").exists()
    other = Client(REMOTE_ADDR="10.0.0.7")
    assert other.post(reverse("portal:signup"), SIGNUP).status_code == 302


def test_a_signed_in_citizen_is_sent_from_sign_up_to_the_account(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("portal:signup"))["Location"] == reverse("portal:account")


# --- sign in --------------------------------------------------------------------------------


def test_a_citizen_signs_in_by_email_in_any_case(client, world):
    user = make_citizen(email="binh.le@example.vn")
    response = login(client, "  Binh.Le@EXAMPLE.vn ")
    assert response.status_code == 302
    assert signed_in_user(client) == user


def test_a_citizen_signs_in_by_phone_in_any_spelling(client, world):
    user = make_citizen(phone="0987222333")
    assert login(client, "+84 987.222.333").status_code == 302
    assert signed_in_user(client) == user


def test_a_citizen_signs_in_by_username(client, world):
    user = make_citizen(email="binh.le@example.vn")
    assert login(client, user.username).status_code == 302
    assert signed_in_user(client) == user


def test_a_wrong_password_says_so_without_telling_which_part(client, world):
    make_citizen(email="binh.le@example.vn")
    for identifier in ("binh.le@example.vn", "nobody@example.vn", "0900000000"):
        response = login(client, identifier, "sai-mat-khau-roi")
        assert response.status_code == 200
        assert str(MSG_LOGIN_INVALID) % lockout_params() in page(response)
        assert "sai-mat-khau-roi" not in page(response)


def test_five_failures_lock_a_citizen_even_with_the_right_password(client, world):
    make_citizen(email="binh.le@example.vn")
    # five spellings of one address are one identifier, counted once by axes
    spellings = ["binh.le@example.vn", "BINH.LE@example.vn", " Binh.Le@Example.vn "]
    for spelling in [*spellings, "binh.le@EXAMPLE.VN"]:
        assert login(client, spelling, "sai-mat-khau-roi").status_code == 200
    login(client, "binh.le@example.vn", "sai-mat-khau-roi")
    response = login(client, "binh.le@example.vn")
    assert response.status_code == 429
    assert "tạm khoá" in page(response)
    assert signed_in_user(client) is None


def test_an_officer_can_use_the_portal_form_with_a_username(client, counter_officer):
    assert login(client, counter_officer.username, OFFICER_PASSWORD).status_code == 302
    assert signed_in_user(client) == counter_officer


# --- my account -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "account"),
        ("get", "account_export"),
        ("get", "account_close"),
        ("post", "verify_send"),
        ("get", "my_dossiers"),
    ],
)
def test_citizen_pages_send_visitors_to_sign_in_and_refuse_officers_alike(
    client, counter_officer, method, name
):
    """One rule for every citizen page (``cchc.portal.access.citizen_required``)."""
    url = reverse(f"portal:{name}")
    visit = getattr(client, method)

    anonymous = visit(url)
    client.force_login(counter_officer)
    officer = visit(url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("portal:login") + "?next=")
    assert officer.status_code == 403
    assert str(MSG_CITIZENS_ONLY) in page(officer)


def test_a_citizen_edits_name_address_and_contacts(client, world):
    user = make_citizen(email="binh.le@example.vn")
    client.force_login(user)
    response = client.post(
        reverse("portal:account"),
        {
            "full_name": "Lê Thị Bình An",
            "address": "Số 10 đường Hùng Vương",
            "email": "Binh.An@Example.vn",
            "phone": "0987 333 444",
            "notify_email": "on",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.address) == ("Lê Thị Bình An", "Số 10 đường Hùng Vương")
    assert (user.email, user.phone) == ("binh.an@example.vn", "0987333444")
    assert (user.notify_email, user.notify_sms) == (True, False)
    consent = ConsentRecord.objects.get(user=user)
    assert (consent.purpose, consent.granted, consent.source) == ("notify_email", True, "account")
    assert "Đã lưu thay đổi." in page(client.get(reverse("portal:account")))


def test_the_account_page_starts_from_the_channels_consented_at_sign_up(client, world):
    user = make_citizen(email="binh.le@example.vn", phone="0987222333", notify_sms=True)
    client.force_login(user)
    text = page(client.get(reverse("portal:account")))
    sms_box = text.split('name="notify_sms"')[1].split(">")[0]
    email_box = text.split('name="notify_email"')[1].split(">")[0]
    assert "checked" in sms_box and "checked" not in email_box


def test_switching_a_channel_off_withdraws_the_consent(client, world):
    user = make_citizen(email="binh.le@example.vn", notify_email=True)
    client.force_login(user)
    client.post(
        reverse("portal:account"),
        {"full_name": user.full_name, "address": user.address, "email": user.email},
    )
    user.refresh_from_db()
    assert user.notify_email is False
    history = list(ConsentRecord.objects.filter(user=user).values_list("granted", "source"))
    assert history == [(True, "signup"), (False, "account")]


def test_another_citizens_email_or_phone_cannot_be_taken(client, citizen, world):
    make_citizen(email="binh.le@example.vn")
    user = make_citizen(email="chi@example.vn", citizen_id="001300000001", full_name="Chi")
    client.force_login(user)
    form = {"full_name": "Chi", "address": "Bình Sơn", "email": "BINH.LE@example.vn"}
    response = client.post(reverse("portal:account"), form)
    assert str(MSG_EMAIL_TAKEN) in page(response)
    response = client.post(reverse("portal:account"), {**form, "email": "", "phone": citizen.phone})
    assert str(MSG_PHONE_TAKEN) in page(response)
    user.refresh_from_db()
    assert (user.email, user.phone) == ("chi@example.vn", "")


def test_keeping_ones_own_email_is_not_a_conflict(client, world):
    user = make_citizen(email="binh.le@example.vn")
    client.force_login(user)
    response = client.post(
        reverse("portal:account"),
        {"full_name": "Lê Bình", "address": user.address, "email": "BINH.LE@example.vn"},
    )
    assert response.status_code == 302


# --- the channels the citizen chose ---------------------------------------------------------


def online_dossier(world, user, *, email="", phone=""):
    request = IntakeRequest(
        procedure=world.building_permit,
        applicant=ApplicantData(
            full_name=user.full_name, id_number=user.citizen_id, email=email, phone=phone
        ),
        receiving_agency=world.construction,
        documents=[DocumentData(name="Đơn đề nghị cấp giấy phép xây dựng")],
    )
    draft = dossier_create_draft(applicant_user=user, request=request)
    dossier_submit(actor=user, dossier=draft)
    return dossier_accept(actor=world.counter_officer, dossier=draft)


def channels(dossier):
    rows = OutboxMessage.objects.filter(dossier_code=dossier.code, template="received")
    return {(m.channel, m.recipient) for m in rows}


def verified(user, *channels_):
    """Open the verification link the sign-up sent for each channel."""
    for channel in channels_:
        message = OutboxMessage.objects.filter(user=user, template=f"verify_{channel}").latest("pk")
        token = message.body.split("/xac-minh/")[1].split("/")[0]
        citizen_verify_contact(token=token)
    user.refresh_from_db()
    return user


def test_a_citizen_who_chose_only_sms_gets_no_email(world):
    user = make_citizen(email="binh.le@example.vn", phone="0987222333", notify_sms=True)
    verified(user, "phone")
    dossier = online_dossier(world, user, email="binh.le@example.vn", phone="0987222333")
    assert channels(dossier) == {("sms", "0987222333")}


def test_notices_go_to_the_verified_account_address_whatever_the_dossier_says(world):
    user = verified(make_citizen(email="binh.le@example.vn", notify_email=True), "email")
    assert channels(online_dossier(world, user)) == {("email", "binh.le@example.vn")}
    typed = online_dossier(world, user, email="someone.else@example.vn")
    assert channels(typed) == {("email", "binh.le@example.vn")}


def test_an_unverified_contact_gets_no_dossier_notice(world):
    user = make_citizen(
        email="binh.le@example.vn", phone="0987222333", notify_email=True, notify_sms=True
    )
    assert channels(online_dossier(world, user, email="binh.le@example.vn")) == set()
    verified(user, "email")
    assert channels(online_dossier(world, user)) == {("email", "binh.le@example.vn")}


def test_a_citizen_who_chose_nothing_gets_nothing(world):
    user = make_citizen(email="binh.le@example.vn", phone="0987222333")
    dossier = online_dossier(world, user, email="binh.le@example.vn", phone="0987222333")
    assert channels(dossier) == set()


def test_a_counter_dossier_without_an_account_keeps_email_and_sms(world):
    dossier = receive(world)
    assert channels(dossier) == {("email", APPLICANT.email), ("sms", APPLICANT.phone)}


# --- export ---------------------------------------------------------------------------------


def test_the_export_holds_my_dossiers_and_not_another_citizens(client, world):
    me = make_citizen(email="binh.le@example.vn", notify_email=True)
    other = make_citizen(email="chi@example.vn", citizen_id="001300000001", full_name="Chi")
    mine = online_dossier(world, me, email="binh.le@example.vn")
    theirs = online_dossier(world, other, email="chi@example.vn")
    client.force_login(me)
    response = client.get(reverse("portal:account_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="du-lieu-ca-nhan-'
    ) and response["Content-Disposition"].endswith('.json"')
    raw = response.content.decode("utf-8")
    assert "Lê Thị Bình" in raw  # UTF-8, not \u escapes
    data = json.loads(raw)
    assert data["profile"]["email"] == "binh.le@example.vn"
    assert data["profile"]["citizen_id"] == "038185004321"
    assert [c["purpose"] for c in data["privacy"]["consents"]] == ["notify_email"]
    assert data["privacy"]["notice_version"] == NOTICE_VERSION
    codes = [d["code"] for d in data["dossiers"]]
    assert codes == [mine.code]
    assert theirs.code not in raw and "chi@example.vn" not in raw
    exported = data["dossiers"][0]
    assert exported["procedure_code"] == world.building_permit.code
    assert exported["status"] == Dossier.Status.RECEIVED
    assert [e["action"] for e in exported["events"]][:2] == ["create", "submit"]
    assert exported["events"][-1]["to_status_label"] == "Mới tiếp nhận"
    assert exported["documents"][0]["name"] == "Đơn đề nghị cấp giấy phép xây dựng"
    assert data["ratings"] == []


def test_the_export_is_a_get_for_signed_in_citizens_only(client, world):
    assert client.get(reverse("portal:account_export")).status_code == 302
    client.force_login(make_citizen(email="binh.le@example.vn"))
    assert client.post(reverse("portal:account_export")).status_code == 405


# --- closing the account --------------------------------------------------------------------


def test_a_wrong_password_does_not_close_the_account(client, world):
    user = make_citizen(email="binh.le@example.vn")
    client.force_login(user)
    response = client.post(reverse("portal:account_close"), {"password": "sai-mat-khau-roi"})
    assert response.status_code == 200
    assert "Mật khẩu không đúng." in page(response)
    user.refresh_from_db()
    assert user.is_active and user.email == "binh.le@example.vn"
    assert "sai-mat-khau-roi" not in page(response)


def test_closing_deactivates_anonymises_and_keeps_the_dossiers(client, world):
    user = make_citizen(email="binh.le@example.vn", phone="0987222333", notify_sms=True)
    dossier = online_dossier(world, user, email="binh.le@example.vn", phone="0987222333")
    before = Dossier.objects.filter(pk=dossier.pk).values().get()
    client.force_login(user)
    response = client.post(reverse("portal:account_close"), {"password": PASSWORD})
    assert response["Location"] == reverse("portal:account_closed")
    assert signed_in_user(client) is None
    user.refresh_from_db()
    assert not user.is_active and user.closed_at is not None
    assert user.full_name == CLOSED_NAME
    assert (user.email, user.phone, user.citizen_id, user.address) == ("", "", "", "")
    assert not user.has_usable_password() and user.username.startswith("closed-")
    assert (user.notify_email, user.notify_sms) == (False, False)
    withdrawn = ConsentRecord.objects.filter(user=user).order_by("pk").last()
    assert (withdrawn.purpose, withdrawn.granted, withdrawn.source) == (
        "notify_sms",
        False,
        "closure",
    )
    # the official record is untouched and still attached to the account
    assert Dossier.objects.filter(pk=dossier.pk).values().get() == before
    assert Dossier.objects.get(pk=dossier.pk).applicant_user_id == user.pk
    closed = client.get(reverse("portal:account_closed"))
    assert "Tài khoản đã được đóng" in page(closed)


def test_a_closed_account_cannot_sign_in_and_frees_its_email(client, world):
    user = make_citizen(email="binh.le@example.vn", phone="0987222333")
    client.force_login(user)
    client.post(reverse("portal:account_close"), {"password": PASSWORD})
    for identifier in ("binh.le@example.vn", "0987222333"):
        assert str(MSG_LOGIN_INVALID) % lockout_params() in page(login(client, identifier))
    assert signup(client, email="binh.le@example.vn").status_code == 302


def test_a_closed_account_gets_no_more_notifications(client, world):
    user = make_citizen(email="binh.le@example.vn", notify_email=True)
    dossier = online_dossier(world, user, email="binh.le@example.vn")
    client.force_login(user)
    client.post(reverse("portal:account_close"), {"password": PASSWORD})
    dossier.refresh_from_db()
    dossier.event_count += 1  # a later change of the dossier
    notify_applicant(dossier, "result_ready")
    assert not OutboxMessage.objects.filter(template="result_ready").exists()


def test_password_confirmations_for_closing_are_rate_limited(client, world, monkeypatch):
    monkeypatch.setattr(views, "CLOSE_LIMIT", 1)
    user = make_citizen(email="binh.le@example.vn")
    client.force_login(user)
    client.post(reverse("portal:account_close"), {"password": "sai-mat-khau-1"})
    response = client.post(reverse("portal:account_close"), {"password": PASSWORD})
    assert response.status_code == 429
    user.refresh_from_db()
    assert user.is_active


def test_closing_needs_a_post_with_the_password(client, world):
    user = make_citizen(email="binh.le@example.vn")
    client.force_login(user)
    assert client.get(reverse("portal:account_close")).status_code == 200
    assert client.post(reverse("portal:account_close"), {}).status_code == 200
    user.refresh_from_db()
    assert user.is_active
