"""Citizen uploads (tệp đính kèm hồ sơ): checked from their content, stored under a random
name outside the web root, before the dossier row that lists them commits.

Rules (issue 4, ARCHITECTURE "Data is never lost"):

* Only PDF, JPEG and PNG, recognised by their first bytes (``%PDF-``, ``FF D8 FF``,
  ``89 50 4E 47 0D 0A 1A 0A``); the declared extension must name the same type. The browser's
  content type is ignored.
* No empty file, no file over ``CCHC_UPLOAD_MAX_FILE_BYTES``; per dossier at most
  ``CCHC_UPLOAD_MAX_FILES`` files and ``CCHC_UPLOAD_MAX_TOTAL_BYTES`` in all, counting the files
  already on it.
* The original name is metadata only: path elements are dropped, names with control characters
  (NUL…) or made only of dots are refused. The stored name is ``uuid4().hex`` plus the sniffed
  extension, under ``MEDIA_ROOT/dossiers/YYYY/MM/`` (``MEDIA_URL`` is not served: files leave
  only through views that check access, as attachments).
* Store first, then call the dossier service inside :func:`discard_on_error`: when the service
  refuses, the files just stored are deleted — no orphan is left behind.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

logger = logging.getLogger(__name__)

UPLOAD_DIR = "dossiers"
HEAD_BYTES = 8
MAX_NAME_LENGTH = 200

ERR_EMPTY = gettext_noop("Tệp “{name}” không có nội dung (0 byte). Hãy chọn lại tệp.")
ERR_TOO_BIG = gettext_noop(
    "Tệp “{name}” lớn hơn {limit} — mỗi tệp tối đa {limit}. Hãy giảm dung lượng (ví dụ quét "
    "với độ phân giải thấp hơn) rồi tải lại."
)
ERR_TYPE = gettext_noop(
    "Tệp “{name}” không phải tệp PDF, JPEG hoặc PNG (hệ thống kiểm tra nội dung tệp, không "
    "dựa vào tên tệp)."
)
ERR_EXTENSION = gettext_noop(
    "Tên tệp “{name}” không khớp với nội dung: tệp là {kind}, tên tệp phải có đuôi {extensions}."
)
ERR_NAME = gettext_noop(
    "Tên tệp “{name}” không hợp lệ (có ký tự điều khiển hoặc chỉ gồm dấu chấm). Hãy đổi tên "
    "tệp rồi tải lại."
)
ERR_TOO_MANY = gettext_noop(
    "Mỗi hồ sơ có tối đa {limit} tệp: hồ sơ đã có {existing} tệp, lần này thêm {adding} tệp."
)
ERR_TOTAL = gettext_noop(
    "Tổng dung lượng các tệp của một hồ sơ tối đa {limit}: hồ sơ đã có {existing}, lần này "
    "thêm {adding}."
)
ERR_STORAGE_FULL = gettext_noop(
    "Nơi lưu trữ tệp của hệ thống đã đầy nên chưa lưu được tệp “{name}”. Hồ sơ chưa được "
    "lưu; vui lòng thử lại sau ít phút hoặc liên hệ Bộ phận Một cửa."
)
# Errors of the upload volume, not of the file: it is full (or over its quota).
STORAGE_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
ERR_NOT_KEPT = gettext_noop(
    "Các tệp vừa tải lên chưa được lưu vào hồ sơ và đã được xoá. Vui lòng chọn lại tệp."
)


class FileKind(Enum):
    """An accepted type: its content type, the extensions that may name it, the one stored."""

    PDF = ("application/pdf", ("pdf",), "pdf", "PDF")
    JPEG = ("image/jpeg", ("jpg", "jpeg", "jpe"), "jpg", "JPEG")
    PNG = ("image/png", ("png",), "png", "PNG")

    def __init__(
        self, content_type: str, extensions: tuple[str, ...], stored_ext: str, label: str
    ) -> None:
        self.content_type = content_type
        self.extensions = extensions
        self.stored_ext = stored_ext
        self.label = label


MAGIC: tuple[tuple[bytes, FileKind], ...] = (
    (b"%PDF-", FileKind.PDF),
    (b"\xff\xd8\xff", FileKind.JPEG),
    (b"\x89PNG\r\n\x1a\n", FileKind.PNG),
)


class UploadRefused(ValueError):
    """One or more files break a rule; ``messages`` are for people (Vietnamese)."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class StoredFile:
    """A file written to storage: what ``DocumentData.file`` carries into the dossier."""

    name: str  # the storage path, e.g. "dossiers/2025/03/3f2c….pdf"
    original_name: str  # sanitised, metadata only
    content_type: str
    size: int
    sha256: str


def size_text(size: int) -> str:
    """``10485760`` → ``10 MB``, ``1536`` → ``1,5 KB`` (Vietnamese decimal comma)."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            value = f"{size / factor:.1f}".replace(".", ",").removesuffix(",0")
            return f"{value} {unit}"
    return f"{size} byte"


def upload_limits() -> dict:
    """The limits in force, for pages that explain them."""
    return {
        "max_file_bytes": settings.CCHC_UPLOAD_MAX_FILE_BYTES,
        "max_file_text": size_text(settings.CCHC_UPLOAD_MAX_FILE_BYTES),
        "max_total_text": size_text(settings.CCHC_UPLOAD_MAX_TOTAL_BYTES),
        "max_files": settings.CCHC_UPLOAD_MAX_FILES,
    }


def sniff(head: bytes) -> FileKind | None:
    """The accepted type whose signature ``head`` starts with, or ``None``."""
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    return None


def clean_name(raw: str | None) -> str:
    """The original name kept as metadata: its last path element, NFC, at most 200 characters;
    ``""`` when it is unusable (empty, control characters, only dots or spaces)."""
    name = unicodedata.normalize("NFC", raw or "")
    if any(unicodedata.category(char) == "Cc" for char in name):
        return ""
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name.strip(". "):
        return ""
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, ext = name.rpartition(".")
        if dot and len(ext) <= 10:
            name = stem[: MAX_NAME_LENGTH - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_NAME_LENGTH]
    return name


def _head(uploaded_file: UploadedFile) -> bytes:
    uploaded_file.seek(0)
    head = uploaded_file.read(HEAD_BYTES)
    uploaded_file.seek(0)
    return head


def check_upload(uploaded_file: UploadedFile) -> FileKind:
    """The type of one file, or ``UploadRefused`` saying why it cannot be accepted."""
    raw_name = getattr(uploaded_file, "name", "") or ""
    name = clean_name(raw_name)
    shown = name or raw_name.replace("\x00", "").strip()[:80] or "?"
    if not name:
        raise UploadRefused([_(ERR_NAME).format(name=shown)])
    size = uploaded_file.size or 0
    if size <= 0:
        raise UploadRefused([_(ERR_EMPTY).format(name=name)])
    limit = settings.CCHC_UPLOAD_MAX_FILE_BYTES
    if size > limit:
        raise UploadRefused([_(ERR_TOO_BIG).format(name=name, limit=size_text(limit))])
    kind = sniff(_head(uploaded_file))
    if kind is None:
        raise UploadRefused([_(ERR_TYPE).format(name=name)])
    _stem, dot, ext = name.rpartition(".")
    if not dot or ext.lower() not in kind.extensions:
        extensions = ", ".join(f".{e}" for e in kind.extensions)
        raise UploadRefused(
            [_(ERR_EXTENSION).format(name=name, kind=kind.label, extensions=extensions)]
        )
    return kind


def dossier_file_usage(dossier: object | None) -> tuple[int, int]:
    """(number of files, bytes) already attached to ``dossier`` (none for a new one)."""
    if dossier is None or getattr(dossier, "pk", None) is None:
        return 0, 0
    usage = dossier.documents.exclude(file="").aggregate(n=Count("id"), total=Sum("size"))
    return usage["n"] or 0, usage["total"] or 0


def batch_limits(
    files: Sequence[UploadedFile | StoredFile],
    *,
    existing_count: int = 0,
    existing_bytes: int = 0,
) -> list[str]:
    """The per-dossier limits (number of files, total size) broken by adding ``files``
    (uploaded, or already stored: anything with a ``size``)."""
    problems = []
    adding = len(files)
    if existing_count + adding > settings.CCHC_UPLOAD_MAX_FILES:
        problems.append(
            _(ERR_TOO_MANY).format(
                limit=settings.CCHC_UPLOAD_MAX_FILES, existing=existing_count, adding=adding
            )
        )
    added = sum(f.size or 0 for f in files)
    if existing_bytes + added > settings.CCHC_UPLOAD_MAX_TOTAL_BYTES:
        problems.append(
            _(ERR_TOTAL).format(
                limit=size_text(settings.CCHC_UPLOAD_MAX_TOTAL_BYTES),
                existing=size_text(existing_bytes),
                adding=size_text(added),
            )
        )
    return problems


def _storage_name(kind: FileKind) -> str:
    today = timezone.localdate()
    return f"{UPLOAD_DIR}/{today:%Y/%m}/{uuid.uuid4().hex}.{kind.stored_ext}"


def store_upload(uploaded_file: UploadedFile) -> StoredFile:
    """Check ``uploaded_file`` and write it under a random name; ``UploadRefused`` otherwise.

    The size and the SHA-256 are those of the bytes actually written (not the ones the client
    announced)."""
    kind = check_upload(uploaded_file)
    digest = hashlib.sha256()
    size = 0
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
        size += len(chunk)
    if size > settings.CCHC_UPLOAD_MAX_FILE_BYTES:  # the announced size was wrong
        limit = size_text(settings.CCHC_UPLOAD_MAX_FILE_BYTES)
        raise UploadRefused(
            [_(ERR_TOO_BIG).format(name=clean_name(uploaded_file.name), limit=limit)]
        )
    uploaded_file.seek(0)
    name = _storage_name(kind)
    try:
        saved = default_storage.save(name, uploaded_file)
    except OSError as exc:
        if exc.errno not in STORAGE_FULL_ERRNOS:
            raise
        # The storage leaves what it wrote before the disk filled: remove it, and say so in
        # words instead of a server error. Operators are told through the error log.
        logger.error("Upload volume full: could not store %s (%s)", name, exc)
        delete_stored([name])
        raise UploadRefused(
            [_(ERR_STORAGE_FULL).format(name=clean_name(uploaded_file.name))]
        ) from exc
    return StoredFile(
        name=saved,
        original_name=clean_name(uploaded_file.name),
        content_type=kind.content_type,
        size=size,
        sha256=digest.hexdigest(),
    )


def store_uploads(files: Sequence[UploadedFile]) -> list[StoredFile]:
    """Store every file, or none: if one fails, those already written are deleted."""
    stored: list[StoredFile] = []
    with discard_on_error(stored):
        for uploaded_file in files:
            stored.append(store_upload(uploaded_file))
    return stored


def delete_stored(files: Sequence[StoredFile | str]) -> None:
    """Delete files written by :func:`store_upload` (best effort: logged, never raised)."""
    for stored in files:
        name = stored if isinstance(stored, str) else stored.name
        if not name or not name.startswith(f"{UPLOAD_DIR}/"):
            continue
        try:
            default_storage.delete(name)
        except OSError:  # pragma: no cover - a full or read-only disk
            logger.exception("Could not delete the uploaded file %s", name)


@contextmanager
def discard_on_error(stored: list[StoredFile]) -> Iterator[list[StoredFile]]:
    """Delete ``stored`` if the block raises (the service refused, the database failed): the
    dossier rows never committed, so the files would be orphans."""
    try:
        yield stored
    except BaseException:
        delete_stored(stored)
        raise


# --- files other apps keep ----------------------------------------------------------------

# Apps above this one store files with ``store_upload`` (feedback attachments, PAR Index
# evidence) under the same folder as dossier papers. Each registers here, from its
# ``AppConfig.ready``, a function listing the storage names its rows refer to, so that the
# sweep of orphan files (``cchc.dossiers.jobs.uploads_sweep``) keeps them (ARCHITECTURE
# "Layers": a lower app takes what it needs of a higher one as a registered hook).
_REFERENCE_SOURCES: list[Callable[[], Iterable[str]]] = []


def register_upload_references(source: Callable[[], Iterable[str]]) -> None:
    """Declare ``source`` as a lister of stored files that must be kept (idempotent)."""
    if source not in _REFERENCE_SOURCES:
        _REFERENCE_SOURCES.append(source)


def referenced_by_other_apps() -> set[str]:
    """The storage names every registered app refers to."""
    names: set[str] = set()
    for source in _REFERENCE_SOURCES:
        names.update(name for name in source() if name)
    return names
