"""Issue 14, item 10: a citizen's request for erasure, and the export, both logged.

What the law lets us remove is removed (drafts never submitted and their files, account
messages, sessions, the account's personal fields); submitted dossiers with their papers and
history are kept (archives); a confirmation goes to each verified contact."""

from __future__ import annotations

import json
import logging

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from cchc.core.models import OutboxMessage
from cchc.dossiers.models import DocumentAccess, Dossier, DossierDocument, DossierEvent
from cchc.dossiers.services import (
    ApplicantData,
    DocumentData,
    IntakeRequest,
    dossier_accept,
    dossier_create_draft,
    dossier_submit,
)
from cchc.dossiers.services.documents import document_access_record
from cchc.dossiers.uploads import store_upload
from cchc.org.models import ConsentRecord, User
from cchc.portal.accounts.services import (
    CLOSED_NAME,
    ProfileData,
    citizen_erase,
    citizen_signup,
    citizen_verify_contact,
)
from cchc.portal.accounts.services.erasure import ERASED_SUBJECT
from cchc.portal.accounts.verification import verification_token
from tests.portal.apply_helpers import pdf

pytestmark = pytest.mark.django_db

PASSWORD = "mùa thu Hà Nội có hoa sữa"
EMAIL = "lan.pham@example.vn"
PHONE = "0987654321"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def make_citizen(*, verified: bool = True) -> User:
    user = citizen_signup(
        profile=ProfileData(
            full_name="Phạm Thị Lan",
            address="Số 5 đường Lê Lợi, tỉnh Bình Sơn",
            email=EMAIL,
            phone=PHONE,
        ),
        citizen_id="038185004321",
        password=PASSWORD,
        consent_email=True,
        consent_sms=True,
    )
    if verified:
        for channel in ("email", "phone"):
            citizen_verify_contact(token=verification_token(user, channel))
    user.refresh_from_db()
    return user


def request_for(world, user) -> IntakeRequest:
    return IntakeRequest(
        procedure=world.building_permit,
        applicant=ApplicantData(
            full_name=user.full_name, id_number=user.citizen_id, email=EMAIL, phone=PHONE
        ),
        receiving_agency=world.construction,
        documents=[DocumentData(name="Căn cước công dân", file=store_upload(pdf("cccd.pdf")))],
    )


def draft_of(world, user) -> Dossier:
    draft = dossier_create_draft(applicant_user=user, request=request_for(world, user))
    # the applicant opened their own paper: an access row exists on the draft
    document_access_record(document=draft.documents.get(), user=user, ip="127.0.0.1")
    return draft


def submitted_of(world, user) -> Dossier:
    draft = dossier_create_draft(applicant_user=user, request=request_for(world, user))
    dossier_submit(actor=user, dossier=draft)
    return dossier_accept(actor=world.counter_officer, dossier=draft)


def security_lines(caplog, event: str) -> list[dict]:
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "cchc.security"]
    return [line for line in lines if line["event"] == event]


def test_erasure_removes_drafts_files_messages_sessions_and_keeps_submitted_dossiers(
    world, media, caplog, django_capture_on_commit_callbacks
):
    user = make_citizen()
    draft = draft_of(world, user)
    draft_file = media / draft.documents.get().file.name
    kept = submitted_of(world, user)
    kept_file = media / kept.documents.get().file.name
    kept_before = Dossier.objects.filter(pk=kept.pk).values().get()
    kept_events = list(kept.events.values_list("pk", flat=True))
    browser, other_browser = Client(), Client()
    browser.force_login(user)
    other_browser.force_login(user)
    assert draft_file.exists() and kept_file.exists()

    with (
        caplog.at_level(logging.INFO, logger="cchc.security"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = browser.post(reverse("portal:account_erase"), {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:account_erased")
    # the draft, its document, history, accesses and file are gone
    assert not Dossier.objects.filter(pk=draft.pk).exists()
    assert not DossierDocument.objects.filter(dossier_id=draft.pk).exists()
    assert not DossierEvent.objects.filter(dossier_id=draft.pk).exists()
    assert not DocumentAccess.objects.filter(dossier_id=draft.pk).exists()
    assert not draft_file.exists()
    # the submitted dossier, its paper and its history are kept, unchanged
    assert Dossier.objects.filter(pk=kept.pk).values().get() == kept_before
    assert list(kept.events.values_list("pk", flat=True)) == kept_events
    assert kept_file.exists()
    # the account: anonymised, closed, every session ended, account messages gone
    user.refresh_from_db()
    assert not user.is_active and user.full_name == CLOSED_NAME
    assert (user.email, user.phone, user.citizen_id, user.address) == ("", "", "", "")
    assert user.email_verified_at is None and user.phone_verified_at is None
    assert not OutboxMessage.objects.filter(user=user, template__startswith="verify_").exists()
    assert not any(
        s.get_decoded().get("_auth_user_id") == str(user.pk) for s in Session.objects.all()
    )
    assert other_browser.get(reverse("portal:account")).status_code == 302
    # consent records stay (proof of lawful processing)
    assert ConsentRecord.objects.filter(user=user, source="closure", granted=False).count() == 2
    # a confirmation to each verified contact
    confirmations = OutboxMessage.objects.filter(subject=ERASED_SUBJECT)
    assert {(m.channel, m.recipient) for m in confirmations} == {
        ("email", EMAIL),
        ("sms", PHONE),
    }
    # logged
    [line] = security_lines(caplog, "privacy.erasure")
    assert line["user_id"] == user.pk and line["outcome"] == "success"
    assert (line["drafts_removed"], line["files_removed"], line["dossiers_kept"]) == (1, 1, 1)
    assert EMAIL not in json.dumps(line) and "038185004321" not in json.dumps(line)
    done = browser.get(response["Location"])
    assert "Đã xoá 1 hồ sơ nháp; giữ lại 1 hồ sơ đã nộp" in done.content.decode()


def test_the_page_says_what_is_removed_and_what_the_archives_keep(client, world, media):
    user = make_citizen()
    draft_of(world, user)
    client.force_login(user)

    body = client.get(reverse("portal:account_erase")).content.decode()

    assert "Yêu cầu xoá dữ liệu cá nhân" in body
    assert "hiện có 1 hồ sơ nháp" in body
    assert "Pháp luật về lưu trữ buộc cơ quan giữ các tài liệu này" in body
    assert reverse("portal:account_erase") in client.get(reverse("portal:account")).content.decode()


def test_a_wrong_password_erases_nothing(client, world, media):
    user = make_citizen()
    draft = draft_of(world, user)
    client.force_login(user)

    response = client.post(reverse("portal:account_erase"), {"password": "sai-mat-khau-roi"})

    assert response.status_code == 200
    assert "Mật khẩu không đúng." in response.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.email == EMAIL
    assert Dossier.objects.filter(pk=draft.pk).exists()
    assert not OutboxMessage.objects.filter(subject=ERASED_SUBJECT).exists()


def test_no_confirmation_goes_to_an_unverified_contact(world, media):
    user = make_citizen(verified=False)

    citizen_erase(user=user)

    assert not OutboxMessage.objects.filter(subject=ERASED_SUBJECT).exists()
    assert not OutboxMessage.objects.filter(recipient__in=[EMAIL, PHONE]).exists()


def test_the_erasure_page_is_for_signed_in_citizens_only(client, world, counter_officer):
    assert client.get(reverse("portal:account_erase")).status_code == 302
    client.force_login(counter_officer)
    assert client.get(reverse("portal:account_erase")).status_code in (302, 403)


def test_the_export_is_logged(client, world, caplog):
    user = make_citizen()
    client.force_login(user)

    with caplog.at_level(logging.INFO, logger="cchc.security"):
        response = client.get(reverse("portal:account_export"))

    assert response.status_code == 200
    [line] = security_lines(caplog, "export.personal_data")
    assert line["export"] == "citizen_own_data"
    assert line["user_id"] == user.pk and line["path"] == reverse("portal:account_export")
