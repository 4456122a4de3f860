"""Placeholder seal images made at test time: a red ring on a transparent background.

gongwen never ships a seal; the tests draw a plain ring (no text, no emblem), written as a PNG
with zlib and struct only.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def ring_png(width: int = 240, height: int | None = None) -> bytes:
    """A red elliptical ring ``width`` × ``height`` pixels, RGBA, transparent elsewhere."""
    height = height or width
    cx, cy = (width - 1) / 2, (height - 1) / 2
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(width):
            d = ((x - cx) / (width / 2)) ** 2 + ((y - cy) / (height / 2)) ** 2
            inside = 0.80 <= d <= 0.98
            row += b"\xe6\x00\x12\xd0" if inside else b"\x00\x00\x00\x00"
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


def write_ring(path: Path, width: int = 240, height: int | None = None) -> Path:
    path.write_bytes(ring_png(width, height))
    return path
