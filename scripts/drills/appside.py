"""The application's side of the backup and failover drills, run with the application's
environment (CCHC_DATABASE_URL, CCHC_MEDIA_ROOT…):

  python scripts/drills/appside.py intake COUNT TAG   COUNT dossiers received by the demo
                                                      counter officer through the intake
                                                      service, each with an uploaded PDF
  python scripts/drills/appside.py token              a bearer token for the demo counter
                                                      officer and a procedure it may receive
                                                      (JSON: {"token", "procedure_code"})
  python scripts/drills/appside.py checksums          SHA-256 of every uploaded file, read
                                                      through Django's storage (JSON)
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.files.storage import default_storage  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from cchc.catalog.models import Procedure  # noqa: E402
from cchc.dossiers.services import (  # noqa: E402
    ApplicantData,
    DocumentData,
    IntakeRequest,
    dossier_receive,
)
from cchc.dossiers.uploads import store_upload  # noqa: E402
from cchc.org.models import ApiToken, User  # noqa: E402

RECEIVER = "demo.receiver"


def _receivable_procedure(officer: User) -> Procedure:
    """The first procedure in force the officer's agency receives (seed_demo publishes some)."""
    for procedure in Procedure.objects.order_by("code"):
        try:
            dossier_receive(actor=officer, request=_request(procedure, "thử", with_file=False))
        except Exception:
            continue
        return procedure
    raise SystemExit(f"{RECEIVER} may receive no procedure: run seed_demo first")


def _request(procedure: Procedure, tag: str, *, with_file: bool) -> IntakeRequest:
    documents = [DocumentData(name="Đơn đề nghị", original=True, copies=1)]
    if with_file:
        body = b"%PDF-1.4\n% CCHC drill " + tag.encode() + b"\n" + os.urandom(2048) + b"\n%%EOF\n"
        stored = store_upload(SimpleUploadedFile(f"don-{tag}.pdf", body, "application/pdf"))
        documents.append(
            DocumentData(name="Bản chụp giấy tờ", original=False, copies=1, file=stored)
        )
    return IntakeRequest(
        procedure=procedure,
        applicant=ApplicantData(
            full_name=f"Người nộp {tag}",
            id_number="001090012345",
            phone="0987654321",
            address="Số 5 đường Lê Lợi, tỉnh Bình Sơn",
        ),
        documents=documents,
    )


def intake(count: int, tag: str) -> None:
    officer = User.objects.get(username=RECEIVER)
    procedure = _receivable_procedure(officer)
    for number in range(count):
        dossier_receive(
            actor=officer, request=_request(procedure, f"{tag}-{number}", with_file=True)
        )
    print(json.dumps({"received": count + 1, "procedure_code": procedure.code}))


def token() -> None:
    officer = User.objects.get(username=RECEIVER)
    procedure = _receivable_procedure(officer)
    _token, raw = ApiToken.issue(officer, name="drill")
    print(json.dumps({"token": raw, "procedure_code": procedure.code}))


def _walk(directory: str) -> list[str]:
    dirs, files = default_storage.listdir(directory)
    names = [f"{directory}/{name}" if directory else name for name in files]
    for sub in dirs:
        names += _walk(f"{directory}/{sub}" if directory else sub)
    return names


def checksums() -> None:
    result = {}
    for name in sorted(_walk("")):
        digest = hashlib.sha256()
        with default_storage.open(name, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 16), b""):
                digest.update(chunk)
        result[name] = digest.hexdigest()
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "intake":
        intake(int(sys.argv[2]), sys.argv[3])
    elif command == "token":
        token()
    elif command == "checksums":
        checksums()
    else:
        raise SystemExit(__doc__)
