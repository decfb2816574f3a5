"""Citizen uploads: type from content, size and count limits, unsafe names, random storage
names under MEDIA_ROOT, nothing left behind when anything refuses — checked on the upload
module and through the real apply page (URLs, middleware, multipart parsing)."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from cchc.dossiers.models import Dossier, DossierDocument
from cchc.dossiers.services import (
    DocumentData,
    DossierInputError,
    DraftDetails,
    dossier_start_draft,
    dossier_update_draft,
)
from cchc.dossiers.services.drafts import MSG_AGENCY
from cchc.dossiers.uploads import (
    ERR_EMPTY,
    ERR_EXTENSION,
    ERR_NAME,
    ERR_TOO_BIG,
    ERR_TOO_MANY,
    ERR_TOTAL,
    ERR_TYPE,
    UploadRefused,
    check_upload,
    discard_on_error,
    store_upload,
    store_uploads,
)
from tests.dossiers.helpers import APPLICANT
from tests.portal.apply_helpers import (
    HTML,
    JPEG,
    PDF,
    PNG,
    jpeg,
    pdf,
    png,
    stored_files,
    upload,
)
from tests.world import BUILDING_PERMIT

pytestmark = pytest.mark.django_db

STORED_NAME = re.compile(r"^dossiers/\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|jpg|png)$")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def apply_url() -> str:
    return reverse("portal:apply", args=[BUILDING_PERMIT])


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


def refused_and_nothing_stored(response, message: str, media) -> None:
    assert response.status_code == 422
    assert message in response.content.decode()
    assert stored_files(media) == []
    assert not DossierDocument.objects.exists()
    assert not Dossier.objects.filter(status=Dossier.Status.DRAFT).exists()


# --- the upload module ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "kind", "ext"),
    [(pdf, "application/pdf", "pdf"), (jpeg, "image/jpeg", "jpg"), (png, "image/png", "png")],
)
def test_pdf_jpeg_and_png_are_stored_under_a_random_name_with_their_hash(media, make, kind, ext):
    stored = store_upload(make())

    assert STORED_NAME.match(stored.name) and stored.name.endswith(f".{ext}")
    assert stored.content_type == kind
    path = media / stored.name
    with default_storage.open(stored.name) as handle:
        content = handle.read()
    assert content == make().read()
    assert stored.size == len(content) and stored.sha256 == hashlib.sha256(content).hexdigest()
    assert stored_files(media) == [path]
    assert path.read_bytes() != content  # encrypted at rest (issue 14)


def test_the_type_comes_from_the_content_not_the_announced_content_type(media):
    stored = store_upload(upload("scan.png", PNG, content_type="application/x-msdownload"))

    assert stored.content_type == "image/png"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("trang.html.pdf", HTML, ERR_TYPE.format(name="trang.html.pdf")),
        ("rong.pdf", b"", ERR_EMPTY.format(name="rong.pdf")),
        ("anh.pdf", PNG, ERR_EXTENSION.format(name="anh.pdf", kind="PNG", extensions=".png")),
        ("don", PDF, ERR_EXTENSION.format(name="don", kind="PDF", extensions=".pdf")),
        ("...", PDF, ERR_NAME.format(name="...")),
        ("don\x00.pdf", PDF, ERR_NAME.format(name="don.pdf")),
    ],
)
def test_bad_files_are_refused_in_words_and_nothing_is_stored(media, name, content, message):
    with pytest.raises(UploadRefused) as refused:
        store_upload(upload(name, content))

    assert refused.value.messages == [message]
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused(media, settings):
    settings.CCHC_UPLOAD_MAX_FILE_BYTES = 10 * 1024 * 1024
    big = upload("ban-ve.pdf", PDF + b"0" * (10 * 1024 * 1024))

    with pytest.raises(UploadRefused) as refused:
        store_upload(big)

    assert refused.value.messages == [ERR_TOO_BIG.format(name="ban-ve.pdf", limit="10 MB")]
    assert stored_files(media) == []


def test_a_path_traversal_name_is_kept_only_as_a_clean_name(media):
    evil = pdf()
    evil._name = "../../etc/passwd.pdf"  # as a client could send it, before any sanitising

    stored = store_upload(evil)

    assert stored.original_name == "passwd.pdf"
    assert STORED_NAME.match(stored.name)
    assert stored_files(media) == [media / stored.name]
    assert not (media.parent / "etc").exists()


def test_windows_path_elements_are_dropped_too(media):
    assert check_upload(upload("C:\\Users\\dan\\..\\don.pdf", PDF)).label == "PDF"
    assert store_upload(upload("C:\\Users\\dan\\don.pdf", PDF)).original_name == "don.pdf"


def test_storing_several_files_stores_all_or_none(media):
    with pytest.raises(UploadRefused):
        store_uploads([pdf(), png(), upload("x.pdf", HTML)])

    assert stored_files(media) == []


def test_files_stored_before_a_refusing_service_are_deleted(media, world, citizen):
    stored = store_uploads([pdf(), jpeg()])
    assert len(stored_files(media)) == 2

    with pytest.raises(DossierInputError) as refused, discard_on_error(stored):
        dossier_start_draft(
            applicant_user=citizen,
            procedure=world.building_permit,
            details=DraftDetails(applicant=APPLICANT, receiving_agency=world.justice),
        )

    assert refused.value.message == MSG_AGENCY
    assert stored_files(media) == []
    assert not Dossier.objects.filter(applicant_user=citizen).exists()


# --- through the apply page -------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_on_the_page(client, citizen, media, settings):
    settings.CCHC_UPLOAD_MAX_FILE_BYTES = 1024
    client.force_login(citizen)

    response = client.post(apply_url(), form_data(doc_0=upload("don.pdf", PDF + b"0" * 2000)))

    refused_and_nothing_stored(response, ERR_TOO_BIG.format(name="don.pdf", limit="1 KB"), media)


def test_an_html_file_renamed_pdf_is_refused_on_the_page(client, citizen, media):
    client.force_login(citizen)

    response = client.post(apply_url(), form_data(doc_0=upload("don.pdf", HTML)))

    refused_and_nothing_stored(response, ERR_TYPE.format(name="don.pdf"), media)


def test_an_empty_file_is_refused_on_the_page(client, citizen, media):
    client.force_login(citizen)

    response = client.post(apply_url(), form_data(doc_0=upload("don.pdf", b"")))

    refused_and_nothing_stored(response, ERR_EMPTY.format(name="don.pdf"), media)


def test_twenty_one_files_are_refused_on_the_page(client, citizen, media):
    client.force_login(citizen)
    extras = [pdf(f"trang-{n}.pdf") for n in range(20)]

    response = client.post(apply_url(), form_data(doc_0=pdf(), extra=extras))

    message = ERR_TOO_MANY.format(limit=20, existing=0, adding=21)
    refused_and_nothing_stored(response, message, media)


def test_the_dossier_total_is_limited(client, citizen, media, settings):
    settings.CCHC_UPLOAD_MAX_TOTAL_BYTES = 300
    client.force_login(citizen)

    response = client.post(apply_url(), form_data(doc_0=pdf(), extra=[pdf("b.pdf"), pdf("c.pdf")]))

    message = ERR_TOTAL.format(limit="300 byte", existing="0 byte", adding=f"{3 * len(PDF)} byte")
    refused_and_nothing_stored(response, message, media)


def test_a_name_of_dots_is_refused_on_the_page(client, citizen, media):
    client.force_login(citizen)

    response = client.post(apply_url(), form_data(doc_0=upload("...", PDF)))

    refused_and_nothing_stored(response, ERR_NAME.format(name="..."), media)


def _multipart(boundary: str, fields: dict, files: list[tuple[str, str, bytes]]) -> bytes:
    parts = []
    for key, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for key, filename, content in files:
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{key}"; filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def test_a_path_traversal_name_sent_raw_is_stored_under_a_random_name(client, citizen, media):
    client.force_login(citizen)
    boundary = "cchc-test-boundary"
    body = _multipart(boundary, form_data(), [("doc_0", "../../etc/passwd.pdf", PDF)])

    response = client.post(
        apply_url(), data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )

    assert response.status_code == 302
    document = DossierDocument.objects.get(dossier__applicant_user=citizen)
    assert STORED_NAME.match(document.file.name)
    assert stored_files(media) == [media / document.file.name]
    assert not (media.parent / "etc").exists()


def test_pdf_jpeg_and_png_are_accepted_on_the_page(client, citizen, media):
    client.force_login(citizen)

    response = client.post(
        apply_url(), form_data(doc_0=pdf(), extra=[jpeg("mat-truoc.jpg"), png("mat-sau.png")])
    )

    assert response.status_code == 302
    documents = list(DossierDocument.objects.filter(dossier__applicant_user=citizen))
    assert [(d.name, d.content_type) for d in documents] == [
        ("Đơn đề nghị theo mẫu", "application/pdf"),
        ("mat-truoc.jpg", "image/jpeg"),
        ("mat-sau.png", "image/png"),
    ]
    assert {media / d.file.name for d in documents} == set(stored_files(media))
    assert [d.size for d in documents] == [len(PDF), len(JPEG), len(PNG)]


def test_the_dossier_limits_are_checked_again_under_the_row_lock(media, settings, world, citizen):
    settings.CCHC_UPLOAD_MAX_FILES = 1
    first = store_uploads([pdf()])
    draft = dossier_start_draft(
        applicant_user=citizen,
        procedure=world.building_permit,
        details=DraftDetails(applicant=APPLICANT, receiving_agency=world.construction),
        documents=[DocumentData(name="Đơn đề nghị theo mẫu", file=first[0])],
    )
    second = store_uploads([png()])

    with pytest.raises(DossierInputError) as refused, discard_on_error(second):
        dossier_update_draft(
            actor=citizen, dossier=draft, add=[DocumentData(name="Ảnh", file=second[0])]
        )

    assert refused.value.message == ERR_TOO_MANY.format(limit=1, existing=1, adding=1)
    assert stored_files(media) == [media / first[0].name]
    assert draft.documents.count() == 1
