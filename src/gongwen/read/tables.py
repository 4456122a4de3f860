"""Tables of a .docx into the table item, and what a paragraph holds that the model cannot.

* :func:`is_content_table` tells a table of content (gongwen's ``GwTable``, or a table typed
  in Word or WPS with at least two rows and two columns) from a table used for layout (a
  joint 发文机关标志, a 版记 drawn as a table): layout tables are read as paragraphs.
* :func:`read_table` reads the grid — horizontal merges (``w:gridSpan``), vertical merges
  (``w:vMerge``), skipped grid columns (``w:gridBefore``/``w:gridAfter``) — into the data of
  a :class:`gongwen.model.Table`: header rows are the rows marked to repeat (``w:tblHeader``),
  or, in a table typed by hand, the first row and the rows its vertically merged cells cover.
* :func:`omitted` names what a paragraph holds that the model cannot: images, text boxes,
  footnotes and endnotes, comments, tracked changes, equations, embedded objects. The reader
  reports each, so nothing is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from gongwen.i18n import N_
from gongwen.ooxml import DRAWING_NS, MATH_NS, MC_NS, W_NS

__all__ = [
    "OMITTED",
    "TableRead",
    "is_content_table",
    "omitted",
    "read_table",
]

W, MATH = W_NS, MATH_NS
CONTENT_TABLE_STYLE = "GwTable"
"""The style gongwen's renderer gives a table of content (templates/notice.docx)."""


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_TR, _TC, _TCPR, _P = _w("tr"), _w("tc"), _w("tcPr"), _w("p")


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    return element.get(_w("val"), default)


def _int(value: str | None, default: int) -> int:
    return int(value) if value is not None and value.isdigit() else default


def is_content_table(tbl: etree._Element) -> bool:
    """A table of content, not one used to lay a page out.

    >>> from lxml import etree
    >>> t = etree.fromstring(f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblStyle w:val="GwTable"/>'
    ...                      '</w:tblPr></w:tbl>')
    >>> is_content_table(t)
    True
    """
    pr = tbl.find(_w("tblPr"))
    if pr is not None and _val(pr.find(_w("tblStyle"))) == CONTENT_TABLE_STYLE:
        return True
    if pr is not None and pr.find(_w("tblpPr")) is not None:
        return False  # floating: the 版记, a text frame
    rows = tbl.findall(_TR)
    columns = max((_row_columns(row) for row in rows), default=0)
    return len(rows) >= 2 and columns >= 2


def _row_columns(row: etree._Element) -> int:
    pr = row.find(_w("trPr"))
    before = _int(_val(pr.find(_w("gridBefore"))), 0) if pr is not None else 0
    after = _int(_val(pr.find(_w("gridAfter"))), 0) if pr is not None else 0
    return before + after + sum(_span(tc) for tc in row.findall(_TC))


def _span(tc: etree._Element) -> int:
    pr = tc.find(_TCPR)
    return _int(_val(pr.find(_w("gridSpan"))) if pr is not None else None, 1)


def _merge(tc: etree._Element) -> str | None:
    """``restart``, ``continue`` or None (w:vMerge without a value continues)."""
    pr = tc.find(_TCPR)
    merge = pr.find(_w("vMerge")) if pr is not None else None
    if merge is None:
        return None
    return "restart" if merge.get(_w("val")) == "restart" else "continue"


@dataclass
class _Cell:
    text: str
    column: int
    span: int
    merge: str | None


@dataclass
class TableRead:
    """A table read from a .docx: the table item's data, and what did not fit the model."""

    data: dict[str, Any]
    split_merges: int = 0
    """Merged cells in body rows, written out cell by cell (the model merges header cells
    only): their text is repeated down a vertical merge, left in the first column of a
    horizontal one."""
    paragraphs: list[etree._Element] = field(default_factory=list)
    """The cells' paragraphs in document order."""


def read_table(tbl: etree._Element, paragraph_text: Callable[[etree._Element], str]) -> TableRead:
    """The data of a :class:`gongwen.model.Table` from a ``w:tbl``; cell paragraphs are joined
    with line breaks."""
    grid_widths = [_int(c.get(_w("w")), 0) for c in tbl.iter(_w("gridCol"))]
    rows: list[list[_Cell]] = []
    marked_header = 0
    paragraphs: list[etree._Element] = []
    for tr in tbl.findall(_TR):
        pr = tr.find(_w("trPr"))
        column = _int(_val(pr.find(_w("gridBefore"))), 0) if pr is not None else 0
        cells: list[_Cell] = []
        for tc in tr.findall(_TC):
            cell_paragraphs = list(tc.iter(_P))
            paragraphs += cell_paragraphs
            text = "\n".join(paragraph_text(p) for p in cell_paragraphs).strip("\n")
            cells.append(_Cell(text, column, _span(tc), _merge(tc)))
            column += _span(tc)
        if pr is not None and pr.find(_w("tblHeader")) is not None and marked_header == len(rows):
            marked_header += 1
        rows.append(cells)
    columns = max(
        [sum(c.span for c in row) + (row[0].column if row else 0) for row in rows]
        + [len(grid_widths)]
    )
    pr = tbl.find(_w("tblPr"))
    ours = pr is not None and _val(pr.find(_w("tblStyle"))) == CONTENT_TABLE_STYLE
    # gongwen marks every header row; in a table typed by hand the first row is the header
    header_count = marked_header if ours or marked_header else _typed_header_rows(rows)
    header_count = min(header_count, len(rows))
    data: dict[str, Any] = {}
    header = [_header_row(rows, i, header_count) for i in range(header_count)]
    if header:
        data["header"] = header
    body, split = _body_rows(rows[header_count:], columns)
    if body:
        data["rows"] = body
    elif not header:
        data["rows"] = [[""] * max(columns, 1)]
    if len(grid_widths) == columns and all(w > 0 for w in grid_widths):
        data["widths"] = grid_widths
    return TableRead(data, split, paragraphs)


def _typed_header_rows(rows: list[list[_Cell]]) -> int:
    """In a table typed by hand: the first row, and the rows below it that its vertically
    merged cells cover (序号 over two header rows)."""
    if not rows:
        return 0
    count = 1
    starts = [c.column for c in rows[0] if c.merge == "restart"]
    while starts and count < len(rows):
        below = {c.column: c.merge for c in rows[count]}
        if any(below.get(column) == "continue" for column in starts):
            count += 1
        else:
            break
    return count if count < len(rows) else 1


def _header_row(rows: list[list[_Cell]], index: int, count: int) -> list[Any]:
    out: list[Any] = []
    for cell in rows[index]:
        if cell.merge == "continue" and index > 0:
            continue  # the cell above spans this row
        span = cell.span
        down = 1
        if cell.merge == "restart":
            for below in rows[index + 1 : count]:
                match = next((c for c in below if c.column == cell.column), None)
                if match is None or match.merge != "continue":
                    break
                down += 1
        out.append(cell.text if span == 1 and down == 1 else _spanning(cell.text, span, down))
    return out


def _spanning(text: str, span: int, rows: int) -> dict[str, Any]:
    cell: dict[str, Any] = {"text": text}
    if span > 1:
        cell["span"] = span
    if rows > 1:
        cell["rows"] = rows
    return cell


def _body_rows(rows: list[list[_Cell]], columns: int) -> tuple[list[list[str]], int]:
    out: list[list[str]] = []
    split = 0
    above: list[str] = [""] * columns
    for row in rows:
        values = [""] * columns
        for cell in row:
            if cell.column >= columns:
                continue
            if cell.merge == "continue":
                values[cell.column] = above[cell.column]
                split += 1
            else:
                values[cell.column] = cell.text
            if cell.span > 1:
                split += 1
        above = values
        out.append(values)
    return out, split


# ---------------------------------------------------------------------------------------------
# What a paragraph holds that the model cannot


OMITTED = {
    "image": N_("图片"),
    "textbox": N_("文本框"),
    "footnote": N_("脚注"),
    "endnote": N_("尾注"),
    "comment": N_("批注"),
    "insertion": N_("修订（插入）"),
    "deletion": N_("修订（删除）"),
    "equation": N_("公式"),
    "object": N_("嵌入对象"),
}
"""What the reader cannot hold, by kind, with the word a finding uses (a message: translate it
with :func:`gongwen.i18n._` where it is shown)."""

_KIND_OF = {
    _w("footnoteReference"): "footnote",
    _w("endnoteReference"): "endnote",
    _w("commentReference"): "comment",
    _w("ins"): "insertion",
    _w("moveTo"): "insertion",
    _w("del"): "deletion",
    _w("moveFrom"): "deletion",
    _w("object"): "object",
    f"{{{MATH}}}oMath": "equation",
}
_DRAWING_MAIN = DRAWING_NS
_VML = "urn:schemas-microsoft-com:vml"
_FALLBACK = f"{{{MC_NS}}}Fallback"
_PICTURES = (_w("drawing"), _w("pict"))
_IMAGES = (f"{{{_DRAWING_MAIN}}}blip", f"{{{_VML}}}imagedata")


def omitted(paragraph: etree._Element) -> Counter[str]:
    """What a ``w:p`` holds that the model cannot, counted by kind (see :data:`OMITTED`).

    A drawing is an image when it shows a picture, a text box when it holds text, else an
    embedded object (a chart, a shape). A tracked insertion's text is read (the change
    accepted), a deletion's is not; either way the reader says the revisions were there.

    >>> from lxml import etree
    >>> p = etree.fromstring(f'<w:p xmlns:w="{W}"><w:del><w:r><w:delText>旧</w:delText></w:r>'
    ...                      '</w:del><w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    >>> sorted(omitted(p).items())
    [('deletion', 1), ('footnote', 1)]
    """
    found: Counter[str] = Counter()
    for element in paragraph.iter():
        tag = element.tag
        if not isinstance(tag, str) or _inside(element, _FALLBACK):
            continue  # mc:Fallback repeats the mc:Choice for old readers
        kind = _KIND_OF.get(tag)
        if kind == "equation" and _inside(element, f"{{{MATH}}}oMath"):
            continue  # a nested equation is part of the outer one
        if kind is not None:
            found[kind] += 1
        elif tag in _PICTURES and not any(_inside(element, t) for t in _PICTURES):
            if any(e.tag in _IMAGES for e in element.iter()):
                found["image"] += 1
            elif any(e.tag == _w("txbxContent") for e in element.iter()):
                found["textbox"] += 1
            else:
                found["object"] += 1
    return found


def _inside(element: etree._Element, tag: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False
