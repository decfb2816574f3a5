"""Operations on the whole store of uploaded files: encrypting the files written before
encryption was on, and re-encrypting everything with the newest key (key rotation).

Both walk ``MEDIA_ROOT`` through the default storage, rewrite one file at a time in place
(``cchc.core.filecrypt.reencrypt_in_place``: written beside, flushed, renamed over — a crash
leaves each file whole, old or new), are idempotent (a second run finds nothing to do, an
interrupted one is simply run again) and record what they did in the security log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.files.storage import default_storage

from cchc.core import filecrypt
from cchc.core.security_log import FAILURE, SUCCESS, security_event


@dataclass
class FilesReport:
    """What one pass over the stored files found and did."""

    scanned: int = 0
    plain: int = 0
    old_key: int = 0
    rewritten: int = 0
    failed: list[str] = field(default_factory=list)


def _walk() -> list[str]:
    walk = getattr(default_storage, "walk", None)
    if walk is None:
        raise RuntimeError("The default storage is not the encrypted file storage.")
    return list(walk())


def files_encrypt(*, dry_run: bool = False) -> FilesReport:
    """Encrypt in place every stored file that is still plain (with the newest key)."""
    return _rewrite(event="files.encrypt", only_plain=True, dry_run=dry_run)


def files_rotate_keys(*, dry_run: bool = False) -> FilesReport:
    """Re-encrypt every stored file that is not sealed with the newest key (older keys, and
    plain files too). Afterwards the older keys open nothing and may be removed."""
    return _rewrite(event="files.rotate", only_plain=False, dry_run=dry_run)


def _rewrite(*, event: str, only_plain: bool, dry_run: bool) -> FilesReport:
    ring = filecrypt.keyring()
    report = FilesReport()
    for name in _walk():
        report.scanned += 1
        path = default_storage.path(name)
        current = filecrypt.stored_key_id(path)
        if current == ring.primary_id:
            continue
        if current is None:
            report.plain += 1
        else:
            report.old_key += 1
            if only_plain:
                continue
        if dry_run:
            continue
        try:
            if filecrypt.reencrypt_in_place(path, ring=ring):
                report.rewritten += 1
        except (OSError, filecrypt.FileKeyError):
            report.failed.append(name)
    security_event(
        event,
        outcome=FAILURE if report.failed else SUCCESS,
        dry_run=dry_run,
        scanned=report.scanned,
        plain=report.plain,
        old_key=report.old_key,
        rewritten=report.rewritten,
        failed=len(report.failed),
        key_id=ring.primary_id.hex(),
    )
    return report
