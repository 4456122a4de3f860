"""A deterministic zip writer that takes entries already deflated.

The standard library's ``zipfile`` deflates every entry on every write and stamps it with the
clock. A template's parts never change between renders, so they are deflated once
(:func:`deflate`) and copied into each output as they are; only the document and its
properties are deflated per render. Every entry carries the same fixed date, so the same
input gives the same bytes on every run and machine. The layout is the zip APPNOTE's:
local headers and data, then the central directory, then its end record; no zip64 (a notice
is far below 4 GiB).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01, the earliest date a zip can hold
_VERSION = 20  # 2.0: deflate
_DEFLATED = 8
_UTF8_NAMES = 0x800  # general-purpose flag bit 11: names are UTF-8
_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")


@dataclass(frozen=True)
class Entry:
    """One zip member, deflated, with what its headers need."""

    name: str
    data: bytes
    """The deflated bytes."""
    crc: int
    size: int
    """The size before deflating."""


def deflate(name: str, raw: bytes, level: int = 6) -> Entry:
    """Deflate ``raw`` as the member ``name``.

    >>> entry = deflate("word/document.xml", b"<w:document/>" * 100)
    >>> (entry.size, len(entry.data) < entry.size)
    (1300, True)
    """
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = compressor.compress(raw) + compressor.flush()
    return Entry(name, data, zlib.crc32(raw), len(raw))


def write_zip(entries: Iterable[Entry]) -> bytes:
    """A zip archive of the entries, in the order given.

    >>> import io, zipfile
    >>> blob = write_zip([deflate("a.xml", b"<a/>"), deflate("b/c.xml", b"<c/>")])
    >>> with zipfile.ZipFile(io.BytesIO(blob)) as z:
    ...     z.testzip(), z.read("b/c.xml"), z.getinfo("a.xml").date_time
    (None, b'<c/>', (1980, 1, 1, 0, 0, 0))
    """
    out = bytearray()
    central = bytearray()
    count = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAMES
        offset = len(out)
        out += _LOCAL.pack(
            b"PK\x03\x04", _VERSION, flags, _DEFLATED, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.data), entry.size, len(name), 0,
        )  # fmt: skip
        out += name
        out += entry.data
        central += _CENTRAL.pack(
            b"PK\x01\x02", _VERSION, _VERSION, flags, _DEFLATED, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.data), entry.size, len(name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += name
        count += 1
    directory_offset = len(out)
    out += central
    out += _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), directory_offset, 0)
    return bytes(out)


__all__ = ["Entry", "deflate", "write_zip"]
