"""The default storage of uploaded files: the file system, encrypted at rest.

Every ``FileField`` of the platform (dossier papers and results, feedback attachments, PAR
Index and plan evidence) and every direct ``default_storage`` use goes through this class
(``STORAGES["default"]``): ``save`` seals the content (``cchc.core.filecrypt``) while it streams
to disk — a large upload Django kept in a temporary file is read from it and encrypted, never
moved as it is — and ``open`` gives back the content, decrypted chunk by chunk, seekable, with
its real size (``FileResponse`` sets ``Content-Length`` from it). A file written before
encryption was on is read as it is. Names, listing, deletion and times are the file system's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from django.core.files import File
from django.core.files.storage import FileSystemStorage

from cchc.core import filecrypt


class _EncryptingContent(File):
    """The content to save, sealed as it is read (no ``temporary_file_path``: the storage
    must stream it, not move the plain file into place). Each ``chunks()`` call starts a fresh
    encryption, so the storage may retry under another name."""

    def __init__(self, content: File, key: bytes) -> None:
        super().__init__(None, name=getattr(content, "name", None))
        self._content = content
        self._key = key

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return filecrypt.encrypt_stream(self._content.chunks(filecrypt.CHUNK), key=self._key)


class EncryptedFileSystemStorage(FileSystemStorage):
    """``FileSystemStorage`` whose files are encrypted at rest with the newest configured key."""

    def _save(self, name: str, content: File) -> str:
        key = filecrypt.keyring().primary
        return super()._save(name, _EncryptingContent(content, key))

    def _open(self, name: str, mode: str = "rb") -> File:
        if any(flag in mode for flag in "wa+"):
            raise ValueError(
                f"Stored files are encrypted: write them with save(), not open() in mode {mode!r}."
            )
        stream = filecrypt.open_decrypted(self.path(name))
        wrapped = File(stream, name=name)
        raw = getattr(stream, "raw", None)
        if isinstance(raw, filecrypt.DecryptingReader):
            wrapped.size = raw.size
        return wrapped

    def size(self, name: str) -> int:
        """The size of the content (not of its encrypted form)."""
        path = self.path(name)
        with open(path, "rb") as handle:
            encrypted = filecrypt.read_header(handle) is not None
        stored = os.path.getsize(path)
        return filecrypt.plain_size(stored) if encrypted else stored

    def is_encrypted(self, name: str) -> bool:
        return filecrypt.stored_key_id(self.path(name)) is not None

    def walk(self, folder: str = "") -> Iterator[str]:
        """Every file name under ``folder`` (the whole storage by default), skipping the
        temporary files a re-encryption in progress leaves beside its target."""
        root = self.path(folder) if folder else self.location
        for directory, _dirs, files in os.walk(root):
            for file_name in sorted(files):
                if file_name.startswith(".reencrypt-"):
                    continue
                full = os.path.join(directory, file_name)
                yield os.path.relpath(full, self.location).replace("\\", "/")
