"""Notice → .docx: the blocks of :mod:`gongwen.compose` written into a template's body.

The template owns styles, page setup and footers; the renderer writes paragraphs that name
style ids. Output is deterministic: fixed zip entry dates and document properties taken from
the notice's own date, so the same input gives byte-identical files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from gongwen import layout
from gongwen.atomic import write_bytes_atomic
from gongwen.compose import (
    PUBLISHED_PROPERTY,
    STATUSES_PROPERTY,
    Block,
    ImprintBlock,
    JointIssuerMark,
    compose,
    problem_statuses,
    unprinted_values,
)
from gongwen.loader import load_notice
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
    VT_NS,
    XSI_NS,
    qn,
)
from gongwen.write import _oxml, _pictures
from gongwen.write._zip import deflate, write_zip
from gongwen.write.template import (
    Template,
    TemplateError,
    load_template,
)

__all__ = ["TemplateError", "document_date", "render", "render_bytes"]


def document_date(notice: Notice) -> date:
    """The date a notice is dated by: 成文日期, else 印发日期, else its publication date.

    >>> document_date(Notice(title="T", body=["p"], published="2023-03-14"))
    datetime.date(2023, 3, 14)
    """
    if notice.signature is not None:
        return notice.signature.date
    if notice.imprint is not None:
        return notice.imprint.print_date
    return notice.published or FALLBACK_DATE


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


def _document_xml(notice: Notice, template: Template, pictures: _pictures.Pictures) -> bytes:
    root = etree.fromstring(template.document)
    body = root.find(qn("w:body"))
    assert body is not None  # the template loader checked it
    section = body.find(qn("w:sectPr"))
    content = etree.Element(qn("w:body"))
    for element in compose(notice):
        if isinstance(element, ImprintBlock):
            _write_imprint(content, element, template.style_ids)
        elif isinstance(element, JointIssuerMark):
            _write_joint_mark(content, element, template.style_ids)
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
    ids = [int(p.get("pid", "1")) for p in root]
    next_id = max(ids, default=1) + 1
    for name, value in values.items():
        prop = etree.SubElement(
            root, f"{{{CUSTOM_NS}}}property", fmtid=CUSTOM_FMTID, pid=str(next_id), name=name
        )
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
        next_id += 1
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def render_bytes(notice: Notice, *, template: str | Path | None = None) -> bytes:
    """The .docx of a notice, as bytes."""
    loaded = load_template(template)
    pictures = _pictures.Pictures()
    document = _document_xml(notice, loaded, pictures)
    entries = []
    for name, data in loaded.parts:
        if name == DOCUMENT_PART:
            entries.append(deflate(name, document))
        elif pictures.media and name == DOCUMENT_RELS_PART:
            entries.append(deflate(name, pictures.relationships(data)))
        elif pictures.media and name == CONTENT_TYPES_PART:
            entries.append(deflate(name, pictures.content_types(data)))
        elif name == CORE_PART:
            entries.append(deflate(name, _core_xml(data, notice)))
        elif name == CUSTOM_PART:
            entries.append(deflate(name, _custom_xml(data, notice)))
        else:
            entries.append(loaded.deflated[name])
    entries += [deflate(name, data) for name, data in pictures.parts()]
    return write_zip(entries)


def render(
    notice: Notice | str | Path,
    target: str | Path | BinaryIO,
    *,
    template: str | Path | None = None,
) -> None:
    """Render a notice (a :class:`Notice` or a notice file) to a path or a binary stream.

    A path is written atomically: the file appears whole or not at all.
    """
    model = notice if isinstance(notice, Notice) else load_notice(notice)
    data = render_bytes(model, template=template)
    if isinstance(target, str | Path):
        write_bytes_atomic(target, data)
    else:
        target.write(data)
