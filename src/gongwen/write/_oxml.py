"""The few WordprocessingML pieces python-docx has no API for, built with lxml, in one place.

Elements are created with ``lxml.etree.SubElement`` and Clark names: no XML text is ever
concatenated, and no style is looked up by name per paragraph.
"""

from __future__ import annotations

import copy
import functools

from lxml import etree

from gongwen.lazy_regex import lazy_compile
from gongwen.ooxml import W_NS, XML_NS, qn

P, PPR, PSTYLE, R, RPR, RSTYLE, T = (
    qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:rStyle", "w:t")
)
BR, TAB, VAL, SPACE = (
    qn("w:br"),
    qn("w:tab"),
    qn("w:val"),
    f"{{{XML_NS}}}space",
)


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a ``w:`` child with ``w:`` attributes.

    >>> p = etree.Element(qn("w:p"))
    >>> sub(p, "w:pPr").tag == qn("w:pPr")
    True
    """
    return etree.SubElement(parent, qn(tag), {qn(f"w:{k}"): v for k, v in attrs.items()})


def append_text(run: etree._Element, text: str) -> None:
    """Text into a run: ``\\n`` becomes ``w:br``, ``\\t`` becomes ``w:tab``.

    >>> r = etree.Element(R)
    >>> append_text(r, "甲\\n乙\\t丙")
    >>> [etree.QName(c).localname for c in r]
    ['t', 'br', 't', 'tab', 't']
    """
    if "\n" not in text and "\t" not in text:
        _t(run, text)
        return
    for piece in _BREAKS.split(text):
        if piece == "\n":
            etree.SubElement(run, BR)
        elif piece == "\t":
            etree.SubElement(run, TAB)
        elif piece:
            _t(run, piece)


_BREAKS = lazy_compile("([\n\t])")


def _t(run: etree._Element, text: str) -> None:
    t = etree.SubElement(run, T)
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(SPACE, "preserve")


def paragraph(
    parent: etree._Element,
    style_id: str,
    *,
    page_break_before: bool = False,
    space_before_twips: int | None = None,
    right_indent: tuple[int, int] | None = None,
    tab_stops: tuple[int, ...] = (),
    justification: str | None = None,
    keep_next: bool = False,
) -> etree._Element:
    """A ``w:p`` with its style and the direct formatting a block may carry.

    ``right_indent`` is ``(hundredths of a 字, twips)``: Word prefers the first, other
    readers the second, so both are written. ``tab_stops`` are left tabs in twips.
    """
    plain = not (page_break_before or tab_stops or justification or keep_next)
    if plain and space_before_twips is None and right_indent is None:
        p = copy.deepcopy(_plain_paragraph(style_id))  # most paragraphs: only a style
        parent.append(p)
        return p
    p = etree.SubElement(parent, P)
    ppr = etree.SubElement(p, PPR)
    etree.SubElement(ppr, PSTYLE, {VAL: style_id})
    # CT_PPr child order: pStyle, keepNext, keepLines, pageBreakBefore, …, spacing, ind, …
    if keep_next:
        etree.SubElement(ppr, qn("w:keepNext"))
    if page_break_before:
        etree.SubElement(ppr, qn("w:pageBreakBefore"))
    if tab_stops:
        tabs = sub(ppr, "w:tabs")
        for position in tab_stops:
            sub(tabs, "w:tab", val="left", pos=str(position))
    if space_before_twips is not None:
        sub(ppr, "w:spacing", before=str(space_before_twips))
    if right_indent is not None:
        chars, twips = right_indent
        sub(ppr, "w:ind", rightChars=str(chars), right=str(twips))
    if justification is not None:  # after w:ind in CT_PPr
        sub(ppr, "w:jc", val=justification)
    return p


@functools.lru_cache(maxsize=256)
def _plain_paragraph(style_id: str) -> etree._Element:
    """A ``w:p`` with only its style, to copy: faster than building three elements each time."""
    p = etree.Element(P, nsmap={"w": W_NS})
    etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: style_id})
    return p


def run(p: etree._Element, text: str, char_style_id: str | None = None) -> etree._Element:
    """A ``w:r`` with optional character style, holding ``text``."""
    r = etree.SubElement(p, R)
    if char_style_id is not None:
        rpr = etree.SubElement(r, RPR)
        etree.SubElement(rpr, RSTYLE, {VAL: char_style_id})
    append_text(r, text)
    return r


def border(parent: etree._Element, side: str, eighths: int) -> None:
    """A single black border line of ``eighths`` of a point on ``side``, or none when 0."""
    if eighths:
        sub(parent, f"w:{side}", val="single", sz=str(eighths), space="0", color="000000")
    else:
        sub(parent, f"w:{side}", val="nil")


def floating_bottom_table(
    parent: etree._Element,
    width_twips: int,
    top_eighths: int,
    inside_eighths: int,
    bottom_eighths: int,
    left_twips: int,
) -> etree._Element:
    """A one-column borderless table anchored to the bottom of the type area.

    Its top and bottom borders and the lines between rows are the given rules: the 版记
    (GB/T 9704 cl. 7.4.1), whose last rule lies on the bottom edge of the type area.
    Rows are added with :func:`table_cell`.

    Horizontally it is placed ``left_twips`` from the paper's left edge (the left margin),
    not centred in the margins: LibreOffice lays a floating table as wide as the text
    column out in the text flow, ignoring its anchoring, unless its position is relative to
    the page (writerfilter's FloatingTableConversion), and Word places it the same either way.
    """
    tbl = sub(parent, "w:tbl")
    pr = sub(tbl, "w:tblPr")
    # CT_TblPr child order: tblStyle, tblpPr, tblOverlap, bidiVisual, …, tblW, jc, …,
    # tblBorders, shd, tblLayout, tblCellMar, tblLook.
    sub(
        pr,
        "w:tblpPr",
        leftFromText="0",
        rightFromText="0",
        topFromText="0",
        bottomFromText="0",
        vertAnchor="margin",
        horzAnchor="page",
        tblpX=str(left_twips),
        tblpYSpec="bottom",
    )
    sub(pr, "w:tblOverlap", val="never")
    sub(pr, "w:tblW", w=str(width_twips), type="dxa")
    sub(pr, "w:jc", val="center")
    borders = sub(pr, "w:tblBorders")
    border(borders, "top", top_eighths)
    border(borders, "left", 0)
    border(borders, "bottom", bottom_eighths)
    border(borders, "right", 0)
    border(borders, "insideH", inside_eighths)
    border(borders, "insideV", 0)
    sub(pr, "w:tblLayout", type="fixed")
    margins = sub(pr, "w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        sub(margins, f"w:{side}", w="0", type="dxa")
    grid = sub(tbl, "w:tblGrid")
    sub(grid, "w:gridCol", w=str(width_twips))
    return tbl


def borderless_table(parent: etree._Element, widths_twips: tuple[int, ...]) -> etree._Element:
    """A centred table with no borders and no cell margins: for layout only, one row.

    Returns the row; add cells with :func:`cell`.
    """
    tbl = sub(parent, "w:tbl")
    pr = sub(tbl, "w:tblPr")
    sub(pr, "w:tblW", w=str(sum(widths_twips)), type="dxa")
    sub(pr, "w:jc", val="center")
    borders = sub(pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border(borders, side, 0)
    sub(pr, "w:tblLayout", type="fixed")
    margins = sub(pr, "w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        sub(margins, f"w:{side}", w="0", type="dxa")
    grid = sub(tbl, "w:tblGrid")
    for width in widths_twips:
        sub(grid, "w:gridCol", w=str(width))
    return sub(tbl, "w:tr")


def cell(row: etree._Element, width_twips: int) -> etree._Element:
    """A cell of the given width at the end of a row; put paragraphs in it."""
    tc = sub(row, "w:tc")
    tcpr = sub(tc, "w:tcPr")
    sub(tcpr, "w:tcW", w=str(width_twips), type="dxa")
    return tc


def table_cell(tbl: etree._Element, width_twips: int) -> etree._Element:
    """A new row with one cell of the given width; returns the cell to put paragraphs in."""
    tr = sub(tbl, "w:tr")
    trpr = sub(tr, "w:trPr")
    sub(trpr, "w:cantSplit")
    tc = sub(tr, "w:tc")
    tcpr = sub(tc, "w:tcPr")
    sub(tcpr, "w:tcW", w=str(width_twips), type="dxa")
    return tc


def content_table(
    parent: etree._Element, style_id: str, widths_twips: tuple[int, ...]
) -> etree._Element:
    """A table of content in the template's table style, as wide as its columns, fixed layout.

    Rules, cell margins and the text's look come from the style; rows are added with
    :func:`table_row`.
    """
    tbl = sub(parent, "w:tbl")
    pr = sub(tbl, "w:tblPr")
    # CT_TblPr child order: tblStyle, …, tblW, jc, …, tblLayout, tblCellMar, tblLook.
    sub(pr, "w:tblStyle", val=style_id)
    sub(pr, "w:tblW", w=str(sum(widths_twips)), type="dxa")
    sub(pr, "w:jc", val="center")
    sub(pr, "w:tblLayout", type="fixed")
    sub(pr, "w:tblLook", val="0020", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0")
    grid = sub(tbl, "w:tblGrid")
    for width in widths_twips:
        sub(grid, "w:gridCol", w=str(width))
    return tbl


def table_row(tbl: etree._Element, *, header: bool) -> etree._Element:
    """A row that never splits across pages (w:cantSplit); a header row is repeated at the
    top of every page the table runs onto (w:tblHeader)."""
    tr = sub(tbl, "w:tr")
    trpr = sub(tr, "w:trPr")
    sub(trpr, "w:cantSplit")  # CT_TrPr: cantSplit before tblHeader (both in the choice)
    if header:
        sub(trpr, "w:tblHeader")
    return tr


def merged_cell(
    row: etree._Element, width_twips: int, *, span: int = 1, merge: str | None = None
) -> etree._Element:
    """A cell spanning ``span`` grid columns (w:gridSpan), starting (``restart``) or
    continuing (``continue``) a vertical merge (w:vMerge), vertically centred."""
    tc = sub(row, "w:tc")
    tcpr = sub(tc, "w:tcPr")
    # CT_TcPr child order: tcW, gridSpan, vMerge, tcBorders, shd, noWrap, tcMar, textDirection,
    # tcFitText, vAlign.
    sub(tcpr, "w:tcW", w=str(width_twips), type="dxa")
    if span > 1:
        sub(tcpr, "w:gridSpan", val=str(span))
    if merge == "restart":
        sub(tcpr, "w:vMerge", val="restart")
    elif merge == "continue":
        sub(tcpr, "w:vMerge")
    sub(tcpr, "w:vAlign", val="center")
    return tc


def section_properties(
    template_sect_pr: etree._Element, *, landscape: bool, margins: dict[str, int]
) -> etree._Element:
    """A copy of the template's section properties for a section ending inside the body,
    turned to landscape when asked, with the given page margins (twips by side) and the
    next section starting on a new page; page numbering continues (no w:pgNumType start)."""
    sect = copy.deepcopy(template_sect_pr)
    size = sect.find(qn("w:pgSz"))
    if size is not None and landscape:
        width, height = size.get(qn("w:w"), "11906"), size.get(qn("w:h"), "16838")
        size.set(qn("w:w"), max(width, height, key=int))
        size.set(qn("w:h"), min(width, height, key=int))
        size.set(qn("w:orient"), "landscape")
    margin = sect.find(qn("w:pgMar"))
    if margin is not None:
        for side, twips in margins.items():
            margin.set(qn(f"w:{side}"), str(twips))
    grid = sect.find(qn("w:docGrid"))
    if grid is not None and landscape:
        # No line grid on a turned page: it holds a table, and LibreOffice centres a grid
        # in the text area, which moved the first line 4.4 mm below the margin (measured).
        sect.remove(grid)
    return sect


__all__ = [
    "append_text",
    "border",
    "borderless_table",
    "cell",
    "content_table",
    "floating_bottom_table",
    "merged_cell",
    "paragraph",
    "run",
    "section_properties",
    "sub",
    "table_cell",
    "table_row",
]
