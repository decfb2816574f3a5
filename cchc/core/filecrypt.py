"""Encryption at rest of stored files (mã hoá tệp lưu trữ): the format, the keys, and the
streams that write and read it.

Issue 14, item 10: ID-card images and dossier papers are sensitive personal data (Law
91/2025, Decree 356/2025). Every file the platform stores through Django's default storage
(``cchc.core.storage.EncryptedFileSystemStorage``) is written encrypted; a reader of the disk or
of a backup of ``MEDIA_ROOT`` sees only ciphertext.

The cipher is AES-256-GCM (the ``cryptography`` library) in the STREAM construction: the file is
cut into chunks of 64 KiB, each sealed on its own with a nonce made of a random per-file prefix,
the chunk's index and a "last chunk" flag, and the header as associated data. So a 10 MB paper
never sits whole in memory (Fernet would need the whole file and its base64 copy), any byte
range is read by opening one chunk (a download can seek), and a truncated, reordered or
altered file fails to open instead of yielding wrong content.

On disk::

    MAGIC (8 bytes, "CCHCENC1") | key id (8) | nonce prefix (7) | chunk 0 | chunk 1 | …
    chunk i = AES-GCM(key, prefix + i (4 bytes, big-endian) + last (1 byte), plaintext[i])

A file that does not start with ``MAGIC`` was written before encryption was switched on: it is
read as it is (plain), and ``manage.py files_encrypt`` encrypts it in place.

Keys live outside the database: ``CCHC_FILE_KEYS`` (comma-separated, newest first) and/or the
file named by ``CCHC_FILE_KEY_FILE`` (one key a line, newest first, readable only by the
service). A key is 32 random bytes in URL-safe base64 (``manage.py files_keygen``). New files
use the newest key; each file names its key by id (the first 8 bytes of the key's SHA-256), so
older keys keep opening older files until ``manage.py files_rotate_keys`` re-encrypted them.
In development and tests (``CCHC_DEBUG`` or pytest) with no key configured, a key is generated
once in ``var/file-keys`` (never committed); with debug off a system check refuses to start
without a configured key (``cchc.core.checks.check_file_keys``).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import io
import os
import secrets
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.signals import setting_changed

MAGIC = b"CCHCENC1"
KEY_ID_BYTES = 8
PREFIX_BYTES = 7
HEADER_BYTES = len(MAGIC) + KEY_ID_BYTES + PREFIX_BYTES
CHUNK = 64 * 1024
TAG = 16
SEALED_CHUNK = CHUNK + TAG


class FileKeyError(ValueError):
    """A key is missing, malformed, or unknown for a file (the message names the setting)."""


class FileDecryptionError(OSError):
    """A stored file is encrypted but does not open: altered, truncated, or its key was
    removed before the file was re-encrypted."""


# --- keys ---------------------------------------------------------------------------------


def generate_key() -> str:
    """A new key: 32 random bytes, URL-safe base64 (what ``CCHC_FILE_KEYS`` holds)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def parse_key(text: str, *, source: str) -> bytes:
    """The 32 bytes of a key written as URL-safe base64; ``FileKeyError`` otherwise."""
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise FileKeyError(
            f"{source}: a key must be 32 bytes in URL-safe base64 (44 characters, "
            "`manage.py files_keygen` prints one)."
        )
    return raw


def key_id(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()[:KEY_ID_BYTES]


def _read_key_file(path: str, *, source: str) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise FileKeyError(f"{source}: cannot read {path} ({error.strerror}).") from error
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _ensure_dev_key_file(path: str) -> None:
    """Create the development key file once (mode 0600); two processes racing create one."""
    target = Path(path)
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".file-keys.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("# Development key of encrypted uploads (never used in production).\n")
            handle.write(generate_key() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process won the race
            os.link(temporary, target)  # atomic: the file appears whole or not at all
    finally:
        os.unlink(temporary)


@dataclass(frozen=True)
class Keyring:
    """The keys in force, newest first: the first seals new files, all of them open."""

    keys: tuple[bytes, ...]

    @property
    def primary(self) -> bytes:
        return self.keys[0]

    @property
    def primary_id(self) -> bytes:
        return key_id(self.keys[0])

    def find(self, wanted: bytes) -> bytes | None:
        for key in self.keys:
            if key_id(key) == wanted:
                return key
        return None


def configured_key_texts() -> list[tuple[str, str]]:
    """``(source, key text)`` of every configured key, newest first: ``CCHC_FILE_KEYS`` then
    the lines of ``CCHC_FILE_KEY_FILE``; the development file only when neither is set."""
    texts = [("CCHC_FILE_KEYS", text) for text in settings.CCHC_FILE_KEYS]
    if settings.CCHC_FILE_KEY_FILE:
        path = settings.CCHC_FILE_KEY_FILE
        texts += [(f"CCHC_FILE_KEY_FILE={path}", t) for t in _read_key_file(path, source=path)]
    if not texts and settings.CCHC_FILE_DEV_KEY_FILE:
        path = settings.CCHC_FILE_DEV_KEY_FILE
        _ensure_dev_key_file(path)
        texts = [(path, text) for text in _read_key_file(path, source=path)]
    return texts


def load_keyring() -> Keyring:
    """The keys of the settings (``FileKeyError`` when none is configured or one is bad)."""
    keys: list[bytes] = []
    for source, text in configured_key_texts():
        key = parse_key(text, source=source)
        if key not in keys:
            keys.append(key)
    if not keys:
        raise FileKeyError(
            "No key to encrypt stored files: set CCHC_FILE_KEYS or CCHC_FILE_KEY_FILE "
            "(docs/deployment.md, “Encryption keys”)."
        )
    return Keyring(tuple(keys))


_keyring: Keyring | None = None


def keyring() -> Keyring:
    """The keyring of the settings, loaded once per process (reset when a test changes them)."""
    global _keyring
    if _keyring is None:
        _keyring = load_keyring()
    return _keyring


def reset_keyring(**kwargs: object) -> None:
    global _keyring
    _keyring = None


def _on_setting_changed(*, setting: str, **kwargs: object) -> None:
    if setting.startswith("CCHC_FILE_") or setting == "DEBUG":
        reset_keyring()


setting_changed.connect(_on_setting_changed)


# --- the format ---------------------------------------------------------------------------


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def encrypt_stream(chunks: Iterable[bytes], *, key: bytes) -> Iterator[bytes]:
    """The encrypted form of the bytes ``chunks`` yields (any sizes), header first; memory
    stays at about two chunks whatever the file's size."""
    prefix = secrets.token_bytes(PREFIX_BYTES)
    header = MAGIC + key_id(key) + prefix
    cipher = AESGCM(key)
    yield header
    pending = bytearray()
    index = 0
    for piece in chunks:
        pending += piece
        # Keep at least one byte back: the last chunk must be sealed as the last one.
        while len(pending) > CHUNK:
            yield cipher.encrypt(_nonce(prefix, index, False), bytes(pending[:CHUNK]), header)
            del pending[:CHUNK]
            index += 1
    yield cipher.encrypt(_nonce(prefix, index, True), bytes(pending), header)


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


def read_header(handle: BinaryIO) -> bytes | None:
    """The header of an encrypted file (``handle`` left after it), or ``None`` for a plain
    one (``handle`` back at the start)."""
    head = handle.read(HEADER_BYTES)
    if len(head) == HEADER_BYTES and is_encrypted(head):
        return head
    handle.seek(0)
    return None


def plain_size(stored_size: int) -> int:
    """The size of the content of an encrypted file of ``stored_size`` bytes."""
    body = stored_size - HEADER_BYTES
    chunks = max(1, -(-body // SEALED_CHUNK))
    return max(0, body - TAG * chunks)


class DecryptingReader(io.RawIOBase):
    """A read-only, seekable view of the content of an encrypted file: reads open the chunks
    they need (one at a time, the last one kept)."""

    def __init__(self, handle: BinaryIO, header: bytes, ring: Keyring) -> None:
        super().__init__()
        key = ring.find(header[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES])
        if key is None:
            handle.close()
            raise FileDecryptionError(
                "The key this file was encrypted with is not configured (CCHC_FILE_KEYS / "
                "CCHC_FILE_KEY_FILE): it was removed before `files_rotate_keys` re-encrypted "
                "the file."
            )
        self._handle = handle
        self._header = header
        self._prefix = header[len(MAGIC) + KEY_ID_BYTES :]
        self._cipher = AESGCM(key)
        stored = os.fstat(handle.fileno()).st_size
        body = stored - HEADER_BYTES
        self._chunks = max(1, -(-body // SEALED_CHUNK))
        self.size = plain_size(stored)
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def _chunk(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        self._handle.seek(HEADER_BYTES + index * SEALED_CHUNK)
        sealed = self._handle.read(SEALED_CHUNK)
        last = index == self._chunks - 1
        try:
            plain = self._cipher.decrypt(_nonce(self._prefix, index, last), sealed, self._header)
        except InvalidTag:
            raise FileDecryptionError(
                "A stored file does not decrypt: it was altered or truncated on disk."
            ) from None
        self._cached = (index, plain)
        return plain

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if self._pos >= self.size or len(buffer) == 0:
            return 0
        index, offset = divmod(self._pos, CHUNK)
        plain = self._chunk(index)
        count = min(len(buffer), len(plain) - offset)
        buffer[:count] = plain[offset : offset + count]
        self._pos += count
        return count

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
        super().close()


def open_decrypted(path: str | os.PathLike[str], *, ring: Keyring | None = None) -> BinaryIO:
    """The content of the stored file at ``path``, encrypted or plain, as a seekable binary
    stream (a buffered reader over the decrypting view, or the plain file itself)."""
    handle = open(path, "rb")  # noqa: SIM115 - the stream returned owns it
    header = read_header(handle)
    if header is None:
        return handle
    return io.BufferedReader(DecryptingReader(handle, header, ring or keyring()), CHUNK)


def stored_key_id(path: str | os.PathLike[str]) -> bytes | None:
    """The id of the key the file at ``path`` is encrypted with; ``None`` when plain."""
    with open(path, "rb") as handle:
        header = read_header(handle)
    return None if header is None else header[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES]


def reencrypt_in_place(path: str | os.PathLike[str], *, ring: Keyring | None = None) -> bool:
    """Rewrite the file at ``path`` encrypted with the newest key (plain or older key → new);
    ``False`` when it already is. The new file is written beside the old one, flushed, then
    renamed over it (a crash leaves the old file or the new one, never half of one); its
    permissions and modification time are kept (the orphan sweep reads the time)."""
    ring = ring or keyring()
    if stored_key_id(path) == ring.primary_id:
        return False
    info = os.stat(path)
    directory = os.path.dirname(os.fspath(path))
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=".reencrypt-")
    try:
        with open_decrypted(path, ring=ring) as source, os.fdopen(fd, "wb") as target:
            for piece in encrypt_stream(iter(lambda: source.read(CHUNK), b""), key=ring.primary):
                target.write(piece)
            target.flush()
            os.fsync(target.fileno())
        os.chmod(temporary, info.st_mode & 0o777)
        os.utime(temporary, ns=(info.st_atime_ns, info.st_mtime_ns))
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return True
