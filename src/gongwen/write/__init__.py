"""Notice → .docx: the blocks of :mod:`gongwen.compose` written into a template's body.

The template owns styles, page setup and footers; the renderer writes paragraphs that name
style ids. Output is deterministic: fixed zip entry dates and document properties taken from
the notice's own date, so the same input gives byte-identical files.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from os import PathLike
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from gongwen import layout
from gongwen.atomic import write_bytes_atomic
from gongwen.compose import (
    BROKEN_TITLES_PROPERTY,
    PUBLISHED_PROPERTY,
    STATUSES_PROPERTY,
    Block,
    ImprintBlock,
    JointIssuerMark,
    Run,
    SectionBreak,
    TableLayout,
    broken_titles,
    compose,
    problem_statuses,
    unprinted_values,
)
from gongwen.findings import InputError
from gongwen.i18n import _
from gongwen.model import Notice
from gongwen.ooxml import (
    CONTENT_TYPES_PART,
    CORE_PART,
    CUSTOM_FMTID,
    CUSTOM_NS,
    CUSTOM_PART,
    DC_NS,
    DCTERMS_NS,
    DOCUMENT_PART,
    DOCUMENT_RELS_PART,
    FALLBACK_DATE,
    REL_NS,
    VT_NS,
    XSI_NS,
    qn,
)
from gongwen.tables import DETAILS_PROPERTY, TABLES_PROPERTY, details_property, tables_property
from gongwen.write import _oxml, _pictures, sections
from gongwen.write._zip import deflate, write_zip
from gongwen.write.inputs import NoticeInput, TemplateInput, as_notice, as_template
from gongwen.write.template import (
    Template,
    TemplateError,
    missing_table_styles,
)

CODE_OUTPUT_TYPE = "IN007"
"""render() was asked to write a kind of file it does not write."""

__all__ = ["TemplateError", "document_date", "render", "render_bytes"]


def document_date(notice: Notice) -> date:
    """The date a notice is dated by: 成文日期, else 印发日期, else its publication date.

    >>> document_date(Notice(title="T", body=["p"], published="2023-03-14"))
    datetime.date(2023, 3, 14)
    """
    return notice.dated or FALLBACK_DATE


def _write_block(
    parent: etree._Element,
    block: Block,
    styles: dict[layout.StyleRole, str],
    pictures: _pictures.Pictures | None = None,
) -> None:
    right = None
    if block.right_indent_chars is not None:
        chars = block.right_indent_chars
        right = (round(chars * 100), layout.chars_to_twips(chars))
    p = _oxml.paragraph(
        parent,
        styles[block.role],
        page_break_before=block.page_break_before,
        space_before_twips=block.space_before_twips,
        right_indent=right,
        tab_stops=block.tab_stops_twips,
        justification=block.justification,
        keep_next=block.keep_with_next,
    )
    _pictures.decorate(p, block)
    for run in block.runs:
        _oxml.run(p, run.text, None if run.style is None else styles[run.style])
    if block.seals:
        assert pictures is not None  # the document writer passes one
        for seal in block.seals:
            pictures.anchor(p, seal)


def _write_imprint(
    parent: etree._Element, imprint: ImprintBlock, styles: dict[layout.StyleRole, str]
) -> None:
    width = layout.TYPE_AREA_WIDTH_TWIPS
    thick = layout.IMPRINT_THICK_RULE_EIGHTH_PT if imprint.ruled else 0
    table = _oxml.floating_bottom_table(
        parent,
        width,
        top_eighths=thick,
        inside_eighths=layout.IMPRINT_THIN_RULE_EIGHTH_PT if imprint.ruled else 0,
        bottom_eighths=thick,
        left_twips=layout.LEFT_MARGIN_TWIPS,
    )
    for row in imprint.rows:
        _write_block(_oxml.table_cell(table, width), row, styles)


def _write_joint_mark(
    parent: etree._Element, mark: JointIssuerMark, styles: dict[layout.StyleRole, str]
) -> None:
    """Names justified to one width on the left, 文件 beside them at their middle (cl. 7.2.4)."""
    style = styles[layout.StyleRole.ISSUER_MARK]
    names, suffix = mark.names_width_twips, mark.suffix_width_twips
    row = _oxml.borderless_table(parent, (names, suffix))
    left = _oxml.cell(row, names)
    for index, organ in enumerate(mark.organs):
        before = mark.space_before_twips if index == 0 else None
        p = _oxml.paragraph(left, style, space_before_twips=before, justification="distribute")
        _oxml.run(p, organ)
    right = _oxml.cell(row, suffix)
    p = _oxml.paragraph(
        right, style, space_before_twips=mark.suffix_space_before_twips, justification="right"
    )
    _oxml.run(p, mark.suffix)


def _write_table(
    parent: etree._Element, table: TableLayout, styles: dict[layout.StyleRole, str]
) -> None:
    """表题, the table (header rows repeated, rows unsplit) and its 注 line."""
    if table.title is not None:
        _write_block(parent, table.title, styles)
    elif len(parent) and parent[-1].tag == qn("w:tbl"):
        # Two tables in a row would be joined into one by Word: keep a line between them.
        _oxml.paragraph(parent, styles[layout.StyleRole.BLANK])
    tbl = _oxml.content_table(parent, styles[layout.StyleRole.TABLE], table.widths_twips)
    widths = table.widths_twips
    for rows, header in ((table.header, True), (table.rows, False)):
        for row in rows:
            tr = _oxml.table_row(tbl, header=header)
            column = 0
            for cell in row:
                width = sum(widths[column : column + cell.span])
                tc = _oxml.merged_cell(tr, width, span=cell.span, merge=cell.merge)
                block = cell.block
                if cell.merge == "continue":
                    block = Block(block.role)  # the covered place holds an empty paragraph
                # One paragraph a line: a justified line ending in a break is stretched.
                for line in block.text.split("\n"):
                    _write_block(tc, replace(block, runs=(Run(line),)), styles)
                column += cell.span
    if table.note is not None:
        _write_block(parent, table.note, styles)


def _end_section(
    content: etree._Element,
    template_section: etree._Element | None,
    end: SectionBreak,
    template: Template,
) -> None:
    """Close the section before this point: its properties go in its last paragraph."""
    if template_section is None:
        return
    if not len(content) or content[-1].tag != qn("w:p"):
        _oxml.paragraph(content, template.style_ids[layout.StyleRole.BLANK])
    paragraph = content[-1]
    ppr = paragraph.find(_oxml.PPR)
    if ppr is None:
        ppr = etree.Element(_oxml.PPR)
        paragraph.insert(0, ppr)
    # Last in CT_PPr.
    ppr.append(_section_properties(template_section, end.orientation, template))


_R_ID = f"{{{REL_NS}}}id"


def _section_properties(
    template_section: etree._Element, orientation: str, template: Template
) -> etree._Element:
    if orientation != "landscape":
        return _oxml.section_properties(template_section, landscape=False, margins={})
    margins = {
        "top": layout.LANDSCAPE_TOP_MARGIN_TWIPS,
        "bottom": layout.LANDSCAPE_BOTTOM_MARGIN_TWIPS,
        "left": layout.LANDSCAPE_LEFT_MARGIN_TWIPS,
        "right": layout.LANDSCAPE_RIGHT_MARGIN_TWIPS,
    }
    sect = _oxml.section_properties(template_section, landscape=True, margins=margins)
    if template.landscape_footers is not None:
        # The page number where the portrait pages have it (cl. 8): the template's turned
        # footers. Without them the turned pages keep the portrait footers.
        odd, even = template.landscape_footers
        for reference in sect.iter(qn("w:footerReference")):
            kind = reference.get(qn("w:type"))
            if kind in ("default", "even"):
                reference.set(_R_ID, odd if kind == "default" else even)
    return sect


def _document_xml(notice: Notice, template: Template, pictures: _pictures.Pictures) -> bytes:
    root = etree.fromstring(template.document)
    body = root.find(qn("w:body"))
    assert body is not None  # the template loader checked it
    section = body.find(qn("w:sectPr"))
    content = etree.Element(qn("w:body"))
    elements = compose(notice)
    if any(isinstance(e, TableLayout) for e in elements):
        missing = missing_table_styles(template)
        if missing:
            raise TemplateError(
                _(
                    "{path}：公文有表格，模板却缺少样式 {styles}。请从 gongwen 的 "
                    "templates/notice.docx 复制过来并保留其名称"
                ).format(path=template.path, styles=_("、").join(missing))
            )
    double_sided = notice.presentation.sides == "double"
    for index, element in enumerate(elements):
        if isinstance(element, ImprintBlock):
            if double_sided and section is not None:
                if index and isinstance(elements[index - 1], SectionBreak):
                    sections.back_cover_section(section)  # the 横排 section ended the text
                else:
                    sections.end_text_section(content, section)  # the 版记 on 封四
                # the first paragraph of the 版记's page, which its table floats from
                _oxml.paragraph(content, template.style_ids[layout.StyleRole.BLANK])
            _write_imprint(content, element, template.style_ids)
        elif isinstance(element, JointIssuerMark):
            _write_joint_mark(content, element, template.style_ids)
        elif isinstance(element, TableLayout):
            _write_table(content, element, template.style_ids)
        elif isinstance(element, SectionBreak):
            if index == len(elements) - 1 and section is not None:
                # Nothing follows: the document's last section is this one.
                turned = _section_properties(section, element.orientation, template)
                section.getparent().replace(section, turned)  # type: ignore[union-attr]
                section = turned
            else:
                _end_section(content, section, element, template)
                if isinstance(elements[index + 1], ImprintBlock) and not double_sided:
                    # The 版记 floats at the foot of the next page; LibreOffice put it on the
                    # turned page when its table came straight after the section break.
                    _oxml.paragraph(content, template.style_ids[layout.StyleRole.BLANK])
        else:
            _write_block(content, element, template.style_ids, pictures)
    if notice.presentation.format == "letter" and section is not None:
        # 首页不显示页码 (cl. 10.1): a first page of its own, without a footer.
        _pictures.first_page_without_footer(section)
    if len(content) and content[-1].tag == qn("w:tbl"):
        # A body may not end with a table: Word wants a paragraph before the section break.
        _oxml.paragraph(content, template.style_ids[layout.StyleRole.BLANK])
    for child in list(content):
        if section is not None:
            section.addprevious(child)
        else:
            body.append(child)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _core_xml(template_core: bytes, notice: Notice) -> bytes:
    root = etree.fromstring(template_core)
    stamp = document_date(notice).isoformat() + "T00:00:00Z"
    for tag in (f"{{{DCTERMS_NS}}}created", f"{{{DCTERMS_NS}}}modified"):
        element = root.find(tag)
        if element is None:
            element = etree.SubElement(root, tag)
            element.set(f"{{{XSI_NS}}}type", "dcterms:W3CDTF")
        element.text = stamp
    title = root.find(f"{{{DC_NS}}}title")
    if title is None:
        title = etree.SubElement(root, f"{{{DC_NS}}}title")
    title.text = "".join(notice.title_lines)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _custom_xml(template_custom: bytes, notice: Notice) -> bytes:
    """The template's custom properties, with what a notice holds that the page does not show
    (the publication date, problems' statuses), so that the .docx reads back whole."""
    root = etree.fromstring(template_custom)
    values = {PUBLISHED_PROPERTY: notice.published.isoformat() if notice.published else ""}
    statuses = problem_statuses(notice)
    if any(statuses):
        values[STATUSES_PROPERTY] = ",".join(statuses)
    values.update(unprinted_values(notice))
    broken = broken_titles(notice)
    if broken:
        values[BROKEN_TITLES_PROPERTY] = ",".join(broken)
    tables = tables_property(notice)
    if tables is not None:
        values[TABLES_PROPERTY] = tables
    details = details_property(notice)
    if details is not None:
        values[DETAILS_PROPERTY] = details
    ids = [int(p.get("pid", "1")) for p in root]
    next_id = max(ids, default=1) + 1
    for name, value in values.items():
        prop = etree.SubElement(
            root, f"{{{CUSTOM_NS}}}property", fmtid=CUSTOM_FMTID, pid=str(next_id), name=name
        )
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
        next_id += 1
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def render_bytes(notice: NoticeInput, *, template: TemplateInput = None) -> bytes:
    """The .docx of a notice, as bytes.

    ``notice`` is a :class:`Notice`, a mapping of its fields or the path of a notice file;
    ``template`` a path, a python-docx ``Document`` or None (see :mod:`gongwen.write.inputs`).
    """
    model = as_notice(notice)
    loaded = as_template(template)
    pictures = _pictures.Pictures()
    document = _document_xml(model, loaded, pictures)
    back_cover = model.presentation.sides == "double" and model.imprint is not None
    entries = []
    for name, data in loaded.parts:
        if name == DOCUMENT_PART:
            entries.append(deflate(name, document))
        elif name == DOCUMENT_RELS_PART and (pictures.media or back_cover):
            rels = pictures.relationships(data) if pictures.media else data
            if back_cover:
                rels = sections.add_blank_footer_relationship(rels)
            entries.append(deflate(name, rels))
        elif name == CONTENT_TYPES_PART and (pictures.media or back_cover):
            types = pictures.content_types(data) if pictures.media else data
            if back_cover:
                types = sections.add_footer_content_type(types)
            entries.append(deflate(name, types))
        elif name == CORE_PART:
            entries.append(deflate(name, _core_xml(data, model)))
        elif name == CUSTOM_PART:
            entries.append(deflate(name, _custom_xml(data, model)))
        else:
            entries.append(loaded.deflated[name])
    entries += [deflate(name, data) for name, data in pictures.parts()]
    if back_cover:
        entries.append(deflate(sections.BLANK_FOOTER_PART, sections.blank_footer_xml()))
    return write_zip(entries)


OUTPUT_SUFFIXES = (".docx", ".pdf")
"""What :func:`render` writes to a path: a .docx, or a PDF through LibreOffice."""


def render(
    notice: NoticeInput,
    target: str | Path | BinaryIO,
    *,
    template: TemplateInput = None,
) -> None:
    """Render a notice (a :class:`Notice`, a mapping of fields or a notice file) to a path or a
    binary stream.

    A path ending in .docx is written atomically: the file appears whole or not at all. One
    ending in .pdf is converted through LibreOffice (:class:`gongwen.office.convert.ToolMissing`
    when it is not installed); any other suffix is refused before anything is written.
    """
    suffix = Path(target).suffix.lower() if isinstance(target, str | PathLike) else None
    if suffix is not None and suffix not in OUTPUT_SUFFIXES:
        raise InputError.single(
            CODE_OUTPUT_TYPE,
            _("不能写成“{suffix}”文件：只能写 .docx 或 .pdf").format(
                suffix=suffix or _("（无扩展名）")
            ),
            file=str(target),
        )
    data = render_bytes(notice, template=template)
    if suffix == ".pdf":
        assert isinstance(target, str | PathLike)
        _write_pdf(data, Path(target))
    elif isinstance(target, str | PathLike):
        write_bytes_atomic(target, data)
    else:
        target.write(data)


def _write_pdf(docx: bytes, target: Path) -> None:
    from gongwen.office.convert import to_pdf  # LibreOffice only when a PDF is asked for

    with tempfile.TemporaryDirectory(prefix="gongwen-render-") as work:
        source = Path(work) / f"{target.stem or 'notice'}.docx"
        source.write_bytes(docx)
        to_pdf(source, target)
