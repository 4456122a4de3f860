"""The stable codes of what the reader reports: one table, one line of meaning each.

Codes never change meaning once published; a retired code is not reused. ``docs/reader.md``
lists them with examples. ``RD0xx`` are findings on a notice that was read (the reader still
returns a model); ``RD1xx`` are input errors (nothing is read, nothing written).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from gongwen.findings import Finding, Level, Location

__all__ = ["CODES", "LEFT_OUT_CODES", "ReaderCode", "finding"]


@dataclass(frozen=True)
class ReaderCode:
    """One code: its level and what it means."""

    code: str
    level: Level
    summary: str


_I, _W, _E = Level.INFO, Level.WARNING, Level.ERROR

_TABLE: Final = (
    # Page chrome and characters
    ReaderCode(
        "RD001",
        _I,
        "page chrome (发布日期, 浏览次数, 字体, 打印本页, breadcrumbs) kept as metadata or dropped",
    ),
    ReaderCode(
        "RD002", _I, "half-width punctuation in Chinese text made full-width (count per line)"
    ),
    ReaderCode("RD003", _W, "characters a Word document cannot hold removed"),
    ReaderCode("RD004", _I, "text decoded from GB18030/GBK or UTF-16, not UTF-8"),
    # Dates and numbers that lost characters
    ReaderCode("RD010", _W, "a date lost its 年/月 (2022412日); repaired, as only one date fits"),
    ReaderCode("RD011", _W, "a date lost its 年/月 and several dates fit; left as published"),
    ReaderCode(
        "RD012", _W, "a numeral lost after 第 (区委第巡察组); restored from the same document"
    ),
    ReaderCode(
        "RD013", _W, "a numeral lost after 第 and the document does not name it; left as published"
    ),
    ReaderCode(
        "RD014", _W, "digits run into the words around them (巡察91区委): 月/日 or punctuation lost"
    ),
    # Headings
    ReaderCode("RD020", _W, "a heading lost its ordinal (“)聚焦…”); numbered from its place"),
    ReaderCode("RD021", _W, "a heading ordinal lost its opening bracket (“四)”); read as （四）"),
    ReaderCode("RD022", _W, "heading ordinals skip or repeat"),
    ReaderCode(
        "RD023", _W, "a heading skips a level (1. directly under 一、); nested one level down"
    ),
    ReaderCode("RD024", _I, "a heading run into its paragraph; heading and text separated"),
    ReaderCode("RD025", _W, "a heading ordinal with no heading text"),
    # Problems
    ReaderCode("RD030", _I, "问题N lost its colon"),
    ReaderCode(
        "RD031", _W, "问题N ran into digits of its text (问题82019年); number settled by the count"
    ),
    ReaderCode("RD032", _W, "问题N numbers skip or repeat"),
    ReaderCode("RD033", _I, "an item numbered 1. 2. followed by 整改情况 read as a problem"),
    # Measures
    ReaderCode("RD040", _W, "a measure lost the numeral of its lead (“是加强…” after 一是, 二是)"),
    ReaderCode("RD041", _W, "a measure without 一是/二是 in a list of led measures"),
    ReaderCode("RD042", _W, "一是/二是 numbers skip or repeat"),
    ReaderCode("RD043", _W, "a 整改情况 label with no problem before it kept as a paragraph"),
    # Counts and sentences
    ReaderCode("RD050", _W, "a count stated in the text disagrees with the structure read"),
    ReaderCode("RD051", _W, "a paragraph lost its closing punctuation; 。 added"),
    # Blocks at the end
    ReaderCode("RD060", _W, "a paragraph that looks like a contact block could not be read as one"),
    ReaderCode("RD061", _W, "images, text boxes or embedded objects in a .docx paragraph skipped"),
    # Input errors: nothing is read
    ReaderCode("RD102", _E, "the text is neither UTF-8 nor GB18030/GBK, or is binary"),
    ReaderCode("RD103", _E, "the file is not a .docx (not a zip, or no word/document.xml)"),
    ReaderCode("RD104", _E, "the .docx expands too much (zip bomb: size, ratio or entry count)"),
    ReaderCode("RD105", _E, "the .docx holds XML with a DTD or entities, or malformed XML"),
    ReaderCode("RD106", _E, "the file type is not one the reader reads (.txt or .docx)"),
    ReaderCode("RD107", _E, "no notice found in the file (no title or no body)"),
)

CODES: Final = MappingProxyType({c.code: c for c in _TABLE})
"""Every reader code by its name."""


def finding(
    code: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    path: str | None = None,
    fix: str | None = None,
) -> Finding:
    """A finding with the level of its code.

    >>> str(finding("RD010", "日期“2022412日”", file="a.txt", line=7))
    'a.txt:7: warning RD010: 日期“2022412日”'
    """
    level = CODES[code].level
    return Finding(code, level, message, Location(file, line, path), fix)


LEFT_OUT_CODES: Final = frozenset({"RD061"})
"""Codes that say content of the source was left out because the model cannot hold it (images,
text boxes, embedded objects): ``gongwen format --strict`` refuses a draft with any of them."""
