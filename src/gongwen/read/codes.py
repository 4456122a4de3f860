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
from gongwen.recognise.defects import DEFECTS

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
    ReaderCode("RD005", _I, "lines above the title (page furniture) dropped; the title chosen"),
    ReaderCode("RD006", _I, "no line names a kind of document; the first line taken as title"),
    ReaderCode("RD007", _I, "a 发文字号 printed in brackets after the title moved to the 版头"),
    ReaderCode("RD008", _I, "a subtitle or speaker line before the 主送机关 kept as body text"),
    # Dates and numbers that lost characters
    ReaderCode("RD010", _W, "a date lost its 年/月 (2022412日); repaired, as only one date fits"),
    ReaderCode("RD011", _W, "retired: reported as GW505 (one code a defect)"),
    ReaderCode(
        "RD012", _W, "a numeral lost after 第 (区委第巡察组); restored from the same document"
    ),
    ReaderCode("RD013", _W, "retired: reported as GW110 (one code a defect)"),
    ReaderCode("RD014", _W, "retired: reported as GW506 (one code a defect)"),
    # Headings
    ReaderCode("RD020", _W, "a heading lost its ordinal (“)聚焦…”); numbered from its place"),
    ReaderCode("RD021", _W, "a heading ordinal lost its opening bracket (“四)”); read as （四）"),
    ReaderCode("RD022", _W, "retired: reported as GW101/GW102 (one code a defect)"),
    ReaderCode(
        "RD023", _W, "a heading skips a level (1. directly under 一、); nested one level down"
    ),
    ReaderCode("RD024", _I, "a heading run into its paragraph; read as a run-in heading"),
    ReaderCode("RD025", _W, "a heading ordinal with no heading text"),
    ReaderCode("RD026", _I, "the outermost headings are below 一、 (（一） or 1.); kept so"),
    # Problems
    ReaderCode("RD030", _I, "问题N lost its colon"),
    ReaderCode(
        "RD031", _W, "问题N ran into digits of its text (问题82019年); number settled by the count"
    ),
    ReaderCode("RD032", _W, "retired: reported as GW104 (one code a defect)"),
    ReaderCode("RD033", _I, "an item numbered 1. 2. with a label read as a problem"),
    ReaderCode("RD034", _I, "完成情况 read into the problem's status"),
    ReaderCode("RD035", _I, "a problem written 关于“…”的问题 read as the quoted text"),
    ReaderCode("RD036", _I, "a problem label with a Chinese numeral (问题三：) read as 问题N"),
    ReaderCode("RD037", _I, "a deadline read from a status (正在推进，计划于…前完成)"),
    # Measures
    ReaderCode("RD040", _W, "a measure lost the numeral of its lead (“是加强…” after 一是, 二是)"),
    ReaderCode("RD041", _W, "a measure without 一是/二是 in a list of led measures"),
    ReaderCode("RD042", _W, "retired: reported as GW107 (one code a defect)"),
    ReaderCode("RD043", _W, "a 整改情况 label with no problem before it kept as a paragraph"),
    # Counts and sentences
    ReaderCode("RD050", _W, "retired: reported as GW201/GW202 (one code a defect)"),
    ReaderCode("RD051", _W, "a paragraph lost its closing punctuation; 。 added"),
    ReaderCode("RD052", _W, "a paragraph stops inside a sentence (ends in ，); no 。 added"),
    ReaderCode("RD053", _W, "a numeral lost before 届/次/轮/点 with no 第 (市届人大); not changed"),
    ReaderCode("RD054", _W, "an organ named 巡视 in one place and 巡察 in others; not changed"),
    ReaderCode("RD055", _W, "a date lost its 日 (2023年9月15); added only to a 成文日期 alone"),
    ReaderCode("RD056", _W, "an organ name cut short (根据委巡察工作领导小组); not changed"),
    ReaderCode("RD057", _W, "a line after 附件说明 that is not an attachment; kept in the body"),
    # Blocks at the end
    ReaderCode("RD060", _W, "a paragraph that looks like a contact block could not be read as one"),
    ReaderCode("RD061", _W, "images, text boxes or embedded objects in a .docx paragraph skipped"),
    # Markdown (gongwen.read.markdown)
    ReaderCode("RD070", _I, "Markdown formatting (emphasis, code, links, HTML tags) dropped"),
    ReaderCode("RD071", _W, "Markdown content with no place in a notice (images, [TOC]) dropped"),
    ReaderCode("RD072", _W, "a Markdown table read as lines of text, one row a paragraph"),
    ReaderCode("RD073", _W, "a Markdown code block read as plain paragraphs"),
    ReaderCode("RD074", _I, "Markdown list bullets or quote marks dropped; the items kept"),
    ReaderCode("RD075", _W, "a Markdown heading level with no 公文 level (###### or a second #)"),
    ReaderCode("RD076", _W, "a heading's # level and its typed ordinal disagree; the ordinal wins"),
    # Content of a .docx the model cannot hold: named, never dropped silently
    ReaderCode("RD062", _W, "an image in a .docx paragraph left out"),
    ReaderCode("RD063", _W, "a text box in a .docx paragraph left out (its text is not read)"),
    ReaderCode("RD064", _W, "a footnote or endnote in a .docx paragraph left out"),
    ReaderCode("RD065", _W, "a comment (批注) on a .docx paragraph left out"),
    ReaderCode(
        "RD066", _W, "tracked changes in a .docx paragraph: read as accepted, deletions left out"
    ),
    ReaderCode("RD067", _W, "an equation in a .docx paragraph left out"),
    ReaderCode("RD068", _W, "merged cells in a table's body rows written out cell by cell"),
    ReaderCode("RD069", _W, "a .docx table that could not be placed in the notice left out"),
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
    """A finding with the level of its code; a defect the checker owns
    (:mod:`gongwen.recognise.defects`) is reported under the checker's code.

    >>> str(finding("RD010", "日期“2022412日”", file="a.txt", line=7))
    'a.txt:7: 警告 RD010: 日期“2022412日”'
    """
    shared = {d.code for d in DEFECTS.values()}
    level = Level.WARNING if code in shared else CODES[code].level
    return Finding(code, level, message, Location(file, line, path), fix)


LEFT_OUT_CODES: Final = frozenset(
    {"RD061", "RD062", "RD063", "RD064", "RD065", "RD066", "RD067", "RD069"}
)
"""Codes that say content of the source was left out because the model cannot hold it (objects,
images, text boxes, notes, comments, deleted revisions, equations, a table with no place):
``gongwen parse --strict`` and ``gongwen format --strict`` refuse a file with any of them."""
