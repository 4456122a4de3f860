"""Notices as .docx into models: rendered by gongwen (exact), or typed by hand in Word.

The file is checked by :func:`gongwen.read.safety.open_docx` (zip bombs, DTDs, entities)
and its XML read with lxml's safe parser; python-docx is not needed to read.

* A document whose paragraphs carry gongwen's styles (GwTitle, GwProblem, GwMeasure …) was
  rendered by gongwen: each paragraph's style says what it is, and the blocks are read back
  exactly by :func:`gongwen.read.blocks.notice_from_blocks`.
* Any other document was typed by hand: its paragraphs' text goes through the same parser as
  plain text, with heading styles ("heading 1", "标题 1") and outline levels as hints for
  headings whose ordinal was not typed, and a "Title" style marking the title.
"""

from __future__ import annotations

import io
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from gongwen.compose import NOTE_LEAD, Block, Run
from gongwen.findings import Finding, InputError
from gongwen.i18n import _
from gongwen.layout import CHARACTER_STYLE_ROLES, HEADING_ROLES, StyleRole
from gongwen.loader import read_bytes
from gongwen.model import Paragraph, Problem, Section, Table
from gongwen.ooxml import (
    DOCUMENT_PART,
    STYLES_PART,
    W_NS,
)
from gongwen.read.blocks import LinedBlock, notice_from_blocks
from gongwen.read.codes import finding
from gongwen.read.docx_properties import apply_properties, created_date, custom_properties
from gongwen.read.docx_styles import Style, outline_level, styles_of
from gongwen.read.parse import ReadResult, SourceParagraph, parse_paragraphs
from gongwen.read.safety import MAX_DOCX_BYTES, limit_paragraphs, open_docx, parse_xml
from gongwen.read.tables import OMITTED, TableRead, is_content_table, omitted, read_table
from gongwen.tables import (
    DETAILS_PROPERTY,
    TABLES_PROPERTY,
    apply_details_property,
    apply_tables_property,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["document_bytes", "paragraph_texts", "read_docx", "read_docx_bytes"]


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_P, _R, _T, _TAB, _BR, _CR, _TBL, _PPR = (
    _w(t) for t in ("p", "r", "t", "tab", "br", "cr", "tbl", "pPr")
)
_SKIPPED = frozenset(
    {_w("del"), _w("moveFrom"), _w("instrText"), _w("delText"), _w("txbxContent"), _w("rPr")}
)
_CONTAINERS = frozenset(
    {
        _TBL,
        _w("tr"),
        _w("tc"),
        _w("sdt"),
        _w("sdtContent"),
        _w("customXml"),
        _w("ins"),
        _w("moveTo"),
    }
)
_OBJECTS = frozenset({_w("drawing"), _w("pict"), _w("object")})
_GONGWEN_ROLES = frozenset(StyleRole) - {StyleRole.NORMAL, *HEADING_ROLES} - CHARACTER_STYLE_ROLES


@dataclass(frozen=True)
class _Paragraph:
    style: Style | None
    runs: tuple[str, ...]
    number: int
    outline_level: int | None
    omitted: Counter[str]
    landscape: bool = False

    @property
    def text(self) -> str:
        return "".join(self.runs)


@dataclass(frozen=True)
class _Table:
    """A table of content (:func:`gongwen.read.tables.is_content_table`) and its cells'
    paragraphs, which keep their numbers so that lines match :func:`paragraph_texts`."""

    read: TableRead
    cells: tuple[_Paragraph, ...]
    landscape: bool = False

    @property
    def number(self) -> int:
        return self.cells[0].number if self.cells else 0


def _run_text(run: etree._Element) -> str:
    parts: list[str] = []
    for child in run:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BR:
            if child.get(_w("type")) in (None, "textWrapping"):
                parts.append("\n")
        elif child.tag == _CR:
            parts.append("\n")
        elif child.tag == _w("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _runs(element: etree._Element, out: list[str], objects: list[bool]) -> None:
    for child in element:
        if child.tag in _SKIPPED:
            continue
        if child.tag == _R:
            if any(c.tag in _OBJECTS or c.tag.endswith("}AlternateContent") for c in child):
                objects.append(True)
            out.append(_run_text(child))
        elif child.tag in _OBJECTS:
            objects.append(True)
        elif child.tag != _PPR:
            _runs(child, out, objects)  # hyperlinks, smart tags, fields, insertions


def _paragraph(child: etree._Element, styles: dict[str, Style], number: int) -> _Paragraph:
    ppr = child.find(_PPR)
    style_el = ppr.find(_w("pStyle")) if ppr is not None else None
    style_id = style_el.get(_w("val")) if style_el is not None else None
    outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
    runs: list[str] = []
    objects: list[bool] = []
    _runs(child, runs, objects)
    return _Paragraph(
        styles.get(style_id or "Normal") if style_id or styles else None,
        tuple(runs),
        number,
        outline_level(outline),
        omitted(child),
    )


def _paragraph_text(p: etree._Element) -> str:
    runs: list[str] = []
    _runs(p, runs, [])
    return "".join(runs)


def _paragraphs(body: etree._Element, styles: dict[str, Style]) -> list[_Paragraph | _Table]:
    """Paragraphs and tables of content in document order, each paragraph numbered (a
    table's cells' paragraphs too), each marked when its section is landscape (横排)."""
    out: list[_Paragraph | _Table] = []
    count = 0
    section_start = 0

    def visit(parent: etree._Element) -> None:
        nonlocal count, section_start
        for child in parent:
            if child.tag == _P:
                count += 1
                out.append(_paragraph(child, styles, count))
                ppr = child.find(_PPR)
                sect = ppr.find(_w("sectPr")) if ppr is not None else None
                if sect is not None:
                    _close_section(sect, section_start)
                    section_start = len(out)
            elif child.tag == _TBL and is_content_table(child):
                read = read_table(child, _paragraph_text)
                cells = []
                for p in read.paragraphs:
                    count += 1
                    cells.append(_paragraph(p, styles, count))
                out.append(_Table(read, tuple(cells)))
            elif child.tag in _CONTAINERS:
                visit(child)  # layout tables, content controls, tracked insertions

    def _close_section(sect: etree._Element, start: int) -> None:
        size = sect.find(_w("pgSz"))
        if size is not None and size.get(_w("orient")) == "landscape":
            for index in range(start, len(out)):
                out[index] = replace(out[index], landscape=True)

    visit(body)
    final = body.find(_w("sectPr"))
    if final is not None:
        _close_section(final, section_start)
    return out


def _flat(items: list[_Paragraph | _Table]) -> list[_Paragraph]:
    """Every paragraph, a table's cells' included, in document order."""
    return [p for item in items for p in (item.cells if isinstance(item, _Table) else (item,))]


def read_docx_bytes(data: bytes, *, file: str | None = None) -> ReadResult:
    """Read a notice from the bytes of a .docx; see the module docstring for how."""
    source = file if file is not None else "<docx>"
    parts = open_docx(data, file=source)
    document = parse_xml(parts[DOCUMENT_PART], part=DOCUMENT_PART, file=source)
    styles_xml = parts.get(STYLES_PART)
    styles = styles_of(parse_xml(styles_xml, part=STYLES_PART, file=source) if styles_xml else None)
    body = document.find(_w("body"))
    items = _paragraphs(body, styles) if body is not None else []
    limit_paragraphs(((p.number, p.text) for p in _flat(items)), file=source)
    notes = _left_out(items, source)
    paragraphs = _flat(items)
    if any(p.style is not None and p.style.role in _GONGWEN_ROLES for p in paragraphs):
        rendered = _rendered(items, parts, source, notes)
        if body is not None and _back_cover(body):
            rendered.notice.presentation.sides = "double"  # the 版记 on 封四
        return rendered
    tables = {_marker(i): item for i, item in enumerate(t for t in items if isinstance(t, _Table))}
    result = parse_paragraphs(_hand_made(items), source=source, findings=notes)
    read, unplaced = _with_tables(result, tables)
    if not unplaced:
        return read
    # A table outside the body (a 发文机关标志 or a 版记 laid out as a table) is read as its
    # cells' paragraphs, as if it were a layout table.
    flat: list[_Paragraph | _Table] = []
    for item in items:
        if isinstance(item, _Table) and any(item is table for table in unplaced):
            flat += item.cells
        else:
            flat.append(item)
    tables = {_marker(i): item for i, item in enumerate(t for t in flat if isinstance(t, _Table))}
    result = parse_paragraphs(_hand_made(flat), source=source, findings=_left_out(flat, source))
    read, unplaced = _with_tables(result, tables)
    lost = [
        finding("RD069", _("表格未能放入公文结构，未读取"), file=source, line=table.number)
        for table in unplaced
    ]
    return ReadResult(read.notice, [*read.findings, *lost], read.lines, source, read.metadata)


def _rendered(
    items: list[_Paragraph | _Table], parts: dict[str, bytes], source: str, notes: list[Finding]
) -> ReadResult:
    """A document gongwen rendered: each paragraph's style names its role, a 表题 and a 注
    line belong to the table they stand by."""
    blocks: list[LinedBlock] = []
    landscape_lines: set[int] = set()
    for index, item in enumerate(items):
        if item.landscape:
            landscape_lines.add(item.number)
        if isinstance(item, _Table):
            data = dict(item.read.data)
            data.pop("widths", None)  # derived from the cells unless the property says more
            before = blocks[-1] if blocks else None
            if before is not None and before.block.role == StyleRole.TABLE_TITLE:
                data["title"] = before.block.text
                blocks.pop()
            after = items[index + 1] if index + 1 < len(items) else None
            note = _role(after) == StyleRole.TABLE_NOTE and isinstance(after, _Paragraph)
            if note and isinstance(after, _Paragraph):
                data["note"] = after.text.removeprefix(NOTE_LEAD)
            blocks.append(LinedBlock(Block(StyleRole.TABLE), item.number, table=data))
            continue
        if _role(item) == StyleRole.TABLE_NOTE and blocks and blocks[-1].table is not None:
            continue  # read with its table
        role = _role(item) or StyleRole.NORMAL
        blocks.append(LinedBlock(Block(role, tuple(Run(r) for r in item.runs)), item.number))
    parts_created = created_date(parts, source)
    properties = custom_properties(parts, source)
    result = notice_from_blocks(blocks, source=source, created=parts_created, properties=properties)
    apply_properties(result.notice, properties)
    if DETAILS_PROPERTY in properties:
        apply_details_property(result.notice, properties[DETAILS_PROPERTY])
    if TABLES_PROPERTY in properties:  # after the problems' details: a ledger shows them
        apply_tables_property(result.notice, properties[TABLES_PROPERTY])
    for path, line in result.lines.items():
        match = re.fullmatch(r"attachments\[(\d+)\]", path)
        if match and line in landscape_lines:
            result.notice.attachments[int(match[1])].orientation = "landscape"
    return ReadResult(
        result.notice, [*notes, *result.findings], result.lines, source, result.metadata
    )


def _role(item: _Paragraph | _Table | None) -> StyleRole | None:
    if isinstance(item, _Paragraph) and item.style is not None:
        return item.style.role
    return None


def _left_out(items: list[_Paragraph | _Table], source: str) -> list[Finding]:
    """One finding for each kind of content a paragraph holds that the model cannot."""
    out: list[Finding] = []
    for item in items:
        if isinstance(item, _Table) and item.read.split_merges:
            out.append(
                finding(
                    "RD068",
                    _(
                        "表格正文中的合并单元格已拆分为单个单元格（{count}处），"
                        "纵向合并的文字逐行重复"
                    ).format(count=item.read.split_merges),
                    file=source,
                    line=item.number,
                )
            )
        for p in item.cells if isinstance(item, _Table) else (item,):
            where = f"“{p.text[:16]}…”" if len(p.text) > 16 else f"“{p.text}”"
            kinds = p.omitted
            for kind, code in _CODE_OF_LEFT_OUT.items():
                if kind == "revision":
                    count = kinds["insertion"] + kinds["deletion"]
                    if count:
                        message = _(
                            "段落 {text} 含未接受的修订（插入{inserted}处、删除{deleted}处）："
                            "按接受修订读取，删除的文字未保留"
                        ).format(text=where, inserted=kinds["insertion"], deleted=kinds["deletion"])
                        out.append(finding(code, message, file=source, line=p.number))
                    continue
                if kinds[kind]:
                    message = _("段落 {text} 中的{kind}（{count}处）未读取").format(
                        text=where, kind=_(OMITTED[kind]), count=kinds[kind]
                    )
                    out.append(finding(code, message, file=source, line=p.number))
    return out


_CODE_OF_LEFT_OUT = {
    "image": "RD062",
    "textbox": "RD063",
    "footnote": "RD064",
    "endnote": "RD064",
    "comment": "RD065",
    "revision": "RD066",
    "equation": "RD067",
    "object": "RD061",
}
"""The reader's code for each kind of content left out (``revision``: tracked changes); every
one is in :data:`gongwen.read.codes.LEFT_OUT_CODES` (a test keeps them so)."""


def _marker(index: int) -> str:
    """The stand-in text of table ``index`` while a hand-made document's paragraphs are parsed:
    two private-use characters, which no recogniser reads as anything but a paragraph."""
    return "\ue000" + chr(0xE100 + index)


def _back_cover(body: etree._Element) -> bool:
    """Whether a section starts on an even page: the renderer's 版记 on 封四 (double-sided)."""
    return any(
        kind.get(_w("val")) == "evenPage"
        for section in body.iter(_w("sectPr"))
        for kind in section.findall(_w("type"))
    )


def _hand_made(items: list[_Paragraph | _Table]) -> list[SourceParagraph]:
    out: list[SourceParagraph] = []
    blank = False
    tables = 0
    for p in items:
        if isinstance(p, _Table):
            out.append(SourceParagraph(_marker(tables), p.number, blank))
            tables += 1
            blank = False
            continue
        text = p.text
        if not text.strip():
            blank = bool(out)
            continue
        style = p.style
        level = p.outline_level or (style.heading_level if style else None)
        if style is not None and style.role in HEADING_ROLES and level is None:
            level = HEADING_ROLES.index(style.role) + 1
        title = bool(style and style.title)
        out.append(SourceParagraph(text, p.number, blank, level if not title else None, title))
        blank = False
    return out


def _with_tables(result: ReadResult, tables: dict[str, _Table]) -> tuple[ReadResult, list[_Table]]:
    """The parsed notice with each table's stand-in paragraph replaced by the table, and the
    tables whose stand-in did not land in a body (read as the title, an organ, …)."""
    if not tables:
        return result, []
    notice = result.notice
    lines = dict(result.lines)
    placed: set[str] = set()

    def visit(items: list[Any], path: str) -> None:
        index = 0
        while index < len(items):
            item = items[index]
            here = f"{path}[{index}]"
            if isinstance(item, Paragraph) and item.text in tables:
                table = tables[item.text]
                items[index] = Table.model_validate(table.read.data)
                lines[f"{here}.table"] = table.number
                placed.add(item.text)
            elif isinstance(item, Section):
                visit(item.body, f"{here}.section.body")
            elif isinstance(item, Problem):
                # A table straight after a problem's measures was read as one of them.
                stand_ins = [m for m in item.measures if m.rstrip("。") in tables]
                for measure in stand_ins:
                    item.measures.remove(measure)
                    key = measure.rstrip("。")
                    items.insert(index + 1, Paragraph(text=key))
            index += 1

    visit(notice.body, "body")
    for number, attachment in enumerate(notice.attachments):
        visit(attachment.body, f"attachments[{number}].body")
    unplaced = [table for key, table in tables.items() if key not in placed]
    read = ReadResult(notice, list(result.findings), lines, result.source, result.metadata)
    return read, unplaced


def paragraph_texts(data: bytes, *, file: str | None = None) -> list[str]:
    """The text of every paragraph of a .docx as typed; item N - 1 is paragraph N of
    :attr:`ReadResult.lines` (used by ``gongwen check`` to read ordinals and punctuation)."""
    source = file if file is not None else "<docx>"
    document = parse_xml(
        open_docx(data, file=source)[DOCUMENT_PART], part=DOCUMENT_PART, file=source
    )
    body = document.find(_w("body"))
    texts = [p.text for p in _flat(_paragraphs(body, {}))] if body is not None else []
    limit_paragraphs(enumerate(texts, start=1), file=source)
    return texts


def read_docx(path: str | Path | DocxDocument) -> ReadResult:
    """Read a notice from a .docx file (at most :data:`~gongwen.read.safety.MAX_DOCX_BYTES`),
    or from a python-docx ``Document`` open in memory."""
    if not isinstance(path, str | os.PathLike):
        return read_docx_bytes(document_bytes(path), file="<docx.Document>")
    return read_docx_bytes(read_bytes(path, MAX_DOCX_BYTES), file=str(path))


def document_bytes(document: DocxDocument) -> bytes:
    """A python-docx ``Document`` saved to bytes, as a file of it would hold."""
    save = getattr(document, "save", None)
    if not callable(save) or not type(document).__module__.startswith("docx."):
        raise InputError.single(
            "RD106",
            _("不能当作 .docx 读取：{type}（应为文件路径或 python-docx 的 Document）").format(
                type=type(document).__name__
            ),
        )
    stream = io.BytesIO()
    save(stream)
    return stream.getvalue()
