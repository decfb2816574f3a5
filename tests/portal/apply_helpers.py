"""Tiny real files for upload tests (PIL is not available): a minimal PDF, a 1×1 PNG written
with ``zlib`` and ``struct``, and the well-known smallest baseline JPEG (1×1, JFIF)."""

from __future__ import annotations

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG = (
    b"\x89PNG\r\n\x1a\n"
    + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))  # 1×1, 8-bit grey
    + _png_chunk(b"IDAT", zlib.compress(b"\x00\xff"))  # filter 0, one white pixel
    + _png_chunk(b"IEND", b"")
)

JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010101004800480000"
    "ffdb004300030202020202030202020303030304060404040404080606050609080a0a090809090a0c0f0c0a0b0e0b09090d110d0e0f101011100a0c12131210130f101010"
    "ffc9000b080001000101011100ffcc000600101005ffda0008010100003f00d2cf20ffd9"
)

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(name: str = "don-de-nghi.pdf") -> SimpleUploadedFile:
    return upload(name, PDF)


def png(name: str = "anh.png") -> SimpleUploadedFile:
    return upload(name, PNG, "image/png")


def jpeg(name: str = "anh.jpg") -> SimpleUploadedFile:
    return upload(name, JPEG, "image/jpeg")


def stored_files(root) -> list:
    """Every file under ``root`` (the test's MEDIA_ROOT)."""
    return sorted(p for p in root.rglob("*") if p.is_file())
