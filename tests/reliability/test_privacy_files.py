"""Issue 14, item 10: uploaded files are encrypted at rest, keys outside the database.

What the disk holds is not the content; what the platform reads back (downloads, sizes,
hashes, the orphan sweep) is the content; files written before encryption still open and are
encrypted in place by a command; keys rotate and the old key can then be removed."""

from __future__ import annotations

import io
import json
import logging
import os
import secrets
import subprocess
import sys
import tracemalloc

import pytest
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.http import FileResponse
from django.test import Client
from django.urls import reverse

from cchc.core import filecrypt
from cchc.core.checks import check_file_keys
from cchc.core.files import files_encrypt
from tests.core.test_security import ROOT, production_env
from tests.dossiers.helpers import receive

KEY_A = filecrypt.generate_key()
KEY_B = filecrypt.generate_key()
CONTENT = b"%PDF-1.4\nCan cuoc cong dan 036095001234 Tran Van An\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.CCHC_FILE_KEYS = [KEY_A]
    settings.CCHC_FILE_KEY_FILE = ""
    return tmp_path


def raw(media, name: str) -> bytes:
    return (media / name).read_bytes()


def write_plain(media, name: str, content: bytes) -> None:
    """A file as the platform wrote it before encryption was switched on."""
    path = media / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def security_lines(caplog) -> list[dict]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "cchc.security"]


def test_a_stored_file_is_not_its_content_on_disk_but_reads_back_whole(media):
    name = default_storage.save("dossiers/2026/12/cccd.pdf", ContentFile(CONTENT))

    on_disk = raw(media, name)
    assert on_disk.startswith(filecrypt.MAGIC)
    assert b"036095001234" not in on_disk and b"%PDF" not in on_disk
    with default_storage.open(name) as handle:
        assert handle.read() == CONTENT
    assert default_storage.size(name) == len(CONTENT)


@pytest.mark.parametrize(
    "size", [0, 1, filecrypt.CHUNK - 1, filecrypt.CHUNK, 3 * filecrypt.CHUNK + 7]
)
def test_content_of_every_size_round_trips_and_seeks(media, size):
    content = os.urandom(size)
    name = default_storage.save("dossiers/x.bin", ContentFile(content))

    with default_storage.open(name) as handle:
        assert handle.size == size
        assert handle.read() == content
        handle.seek(max(0, size - 10))
        assert handle.read() == content[max(0, size - 10) :]


def test_a_ten_megabyte_upload_streams_through_in_chunks(media):
    content = os.urandom(10 * 1024 * 1024)
    name = default_storage.save("dossiers/big.pdf", ContentFile(content))

    response = FileResponse(default_storage.open(name), as_attachment=True, filename="a.pdf")
    assert int(response["Content-Length"]) == len(content)
    pieces = list(response.streaming_content)
    assert b"".join(pieces) == content
    assert max(len(p) for p in pieces) <= FileResponse.block_size
    assert os.path.getsize(media / name) > len(content)  # the tags and the header


def test_sealing_and_reading_a_ten_megabyte_file_holds_a_few_chunks_not_the_file(media, tmp_path):
    source = tmp_path / "scan.pdf"
    with source.open("wb") as handle:
        for _ in range(160):
            handle.write(os.urandom(filecrypt.CHUNK))
    tracemalloc.start()
    try:
        with source.open("rb") as handle:
            name = default_storage.save("dossiers/scan.pdf", File(handle, name="scan.pdf"))
        _now, saving = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        response = FileResponse(default_storage.open(name))
        total = sum(len(piece) for piece in response.streaming_content)
        _now, reading = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert total == 160 * filecrypt.CHUNK
    # a tenth of the file at most (Fernet would hold it whole, and its base64 copy)
    assert saving < 1024 * 1024 and reading < 1024 * 1024, (saving, reading)


def test_an_altered_file_refuses_to_open_instead_of_giving_wrong_content(media):
    name = default_storage.save("dossiers/x.pdf", ContentFile(CONTENT))
    data = bytearray(raw(media, name))
    data[-1] ^= 1
    (media / name).write_bytes(bytes(data))

    with pytest.raises(filecrypt.FileDecryptionError), default_storage.open(name) as handle:
        handle.read()


def test_a_truncated_file_refuses_to_open(media):
    content = os.urandom(2 * filecrypt.CHUNK + 5)
    name = default_storage.save("dossiers/x.bin", ContentFile(content))
    (media / name).write_bytes(raw(media, name)[: filecrypt.HEADER_BYTES + filecrypt.SEALED_CHUNK])

    with pytest.raises(filecrypt.FileDecryptionError), default_storage.open(name) as handle:
        handle.read()


def test_a_file_written_before_encryption_still_opens_and_is_encrypted_in_place(media, caplog):
    write_plain(media, "dossiers/2025/01/old.pdf", CONTENT)
    before = os.stat(media / "dossiers/2025/01/old.pdf").st_mtime_ns
    with default_storage.open("dossiers/2025/01/old.pdf") as handle:
        assert handle.read() == CONTENT
    out = io.StringIO()

    call_command("files_encrypt", "--dry-run", stdout=out)
    assert "Sẽ mã hoá 1 tệp" in out.getvalue()
    assert raw(media, "dossiers/2025/01/old.pdf") == CONTENT
    with caplog.at_level(logging.INFO, logger="cchc.security"):
        call_command("files_encrypt", stdout=out)

    assert "Đã mã hoá 1 tệp" in out.getvalue()
    on_disk = raw(media, "dossiers/2025/01/old.pdf")
    assert on_disk.startswith(filecrypt.MAGIC) and b"036095001234" not in on_disk
    with default_storage.open("dossiers/2025/01/old.pdf") as handle:
        assert handle.read() == CONTENT
    # the orphan sweep judges a file's age by its time: encrypting it does not make it new
    assert os.stat(media / "dossiers/2025/01/old.pdf").st_mtime_ns == before
    assert files_encrypt().rewritten == 0  # a second run has nothing to do
    lines = [line for line in security_lines(caplog) if line["event"] == "files.encrypt"]
    assert [(line["dry_run"], line["plain"], line["rewritten"]) for line in lines] == [
        (True, 1, 0),
        (False, 1, 1),
        (False, 0, 0),
    ]


def test_keys_rotate_and_the_old_key_can_then_be_removed(media, settings, caplog):
    first = default_storage.save("dossiers/a.pdf", ContentFile(CONTENT))
    second = default_storage.save("results/b.pdf", ContentFile(CONTENT + b"2"))
    settings.CCHC_FILE_KEYS = [KEY_B, KEY_A]  # the new key first; the old one still opens
    with default_storage.open(first) as handle:
        assert handle.read() == CONTENT
    out = io.StringIO()

    with caplog.at_level(logging.INFO, logger="cchc.security"):
        call_command("files_rotate_keys", stdout=out)

    assert "Đã mã hoá lại 2 tệp" in out.getvalue()
    settings.CCHC_FILE_KEYS = [KEY_B]  # the old key retired
    with default_storage.open(first) as handle:
        assert handle.read() == CONTENT
    with default_storage.open(second) as handle:
        assert handle.read() == CONTENT + b"2"
    line = [line for line in security_lines(caplog) if line["event"] == "files.rotate"][-1]
    assert (line["rewritten"], line["failed"], line["outcome"]) == (2, 0, "success")
    assert line["key_id"] == filecrypt.key_id(filecrypt.parse_key(KEY_B, source="t")).hex()
    assert KEY_A not in json.dumps(line) and KEY_B not in json.dumps(line)


def test_a_file_whose_key_was_removed_too_early_does_not_open(media, settings):
    name = default_storage.save("dossiers/a.pdf", ContentFile(CONTENT))
    settings.CCHC_FILE_KEYS = [KEY_B]

    with pytest.raises(filecrypt.FileDecryptionError, match="files_rotate_keys"):
        default_storage.open(name)


def test_keys_come_from_a_key_file_newest_first(media, settings, tmp_path):
    key_file = tmp_path / "keys"
    key_file.write_text(f"# keys of the upload store\n{KEY_B}\n{KEY_A}\n")
    key_file.chmod(0o600)
    settings.CCHC_FILE_KEYS = []
    settings.CCHC_FILE_KEY_FILE = str(key_file)

    name = default_storage.save("dossiers/a.pdf", ContentFile(CONTENT))

    assert filecrypt.stored_key_id(media / name) == filecrypt.key_id(
        filecrypt.parse_key(KEY_B, source="t")
    )


def file_key_errors() -> list:
    # the check itself (its registration is proven by the ``manage.py check`` test below)
    return [m for m in check_file_keys() if m.id == "core.E010"]


def test_production_without_a_key_refuses_to_start(settings):
    settings.DEBUG = False
    settings.CCHC_FILE_KEYS = []
    settings.CCHC_FILE_KEY_FILE = ""

    errors = file_key_errors()

    assert len(errors) == 1 and "CCHC_FILE_KEYS" in errors[0].msg


def test_a_malformed_key_is_an_error_even_in_debug(settings):
    settings.DEBUG = True
    settings.CCHC_FILE_KEYS = ["not-a-key"]

    assert file_key_errors() and "32 bytes" in file_key_errors()[0].msg


def test_development_generates_its_key_once_readable_only_by_its_owner(settings, tmp_path):
    settings.DEBUG = True
    settings.CCHC_FILE_KEYS = []
    settings.CCHC_FILE_KEY_FILE = ""
    settings.CCHC_FILE_DEV_KEY_FILE = str(tmp_path / "var" / "file-keys")

    first = filecrypt.load_keyring()
    second = filecrypt.load_keyring()

    assert first == second and len(first.keys) == 1
    assert (tmp_path / "var" / "file-keys").stat().st_mode & 0o077 == 0
    assert file_key_errors() == []


def test_manage_py_refuses_to_run_in_production_without_a_key(tmp_path):
    env = production_env()
    env.update(
        CCHC_DEBUG="false",
        CCHC_SECRET_KEY=secrets.token_urlsafe(50),
        CCHC_DATABASE_URL=f"sqlite:///{tmp_path}/x.sqlite3",
        CCHC_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        CCHC_SMS_BACKEND="cchc.core.sms.ProviderSmsBackend",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "core.E010" in result.stderr and "CCHC_FILE_KEYS" in result.stderr


@pytest.mark.django_db
def test_a_download_whose_key_was_removed_is_a_503_that_says_so_not_a_500(
    media, settings, world, counter_officer
):
    dossier = receive(world)
    document = dossier.documents.first()
    document.file.save("cccd.pdf", ContentFile(CONTENT))
    settings.CCHC_FILE_KEYS = [KEY_B]  # KEY_A removed before files_rotate_keys ran
    client = Client(raise_request_exception=False)
    client.force_login(counter_officer)

    response = client.get(reverse("dossiers:file", args=[dossier.code, document.pk]))

    assert response.status_code == 503 and response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Tệp tạm thời không mở được" in page and "Tệp không bị mất" in page
    assert (media / document.file.name).is_file()  # kept for the operator to restore the key
    settings.CCHC_FILE_KEYS = [KEY_B, KEY_A]  # the key back: the same link serves the file
    response = client.get(reverse("dossiers:file", args=[dossier.code, document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
