"""The 版记 on 封四 when a notice is printed on both sides (GB/T 9704 cl. 7.4, 7.5).

The 版记 is put in a section of its own that starts on an even page (``w:type evenPage``): the
word processor adds a blank page before it when the text ends on an even page. The section's
footers are an empty footer part the renderer adds, so neither the 版记 page nor the blank page
before it carries a page number (cl. 7.5: 版记页前有空白页的，空白页和版记页均不编排页码),
while the text's section keeps the template's odd and even footers, and numbering runs on.

gongwen cannot see where the text's pages end when it writes the .docx, so the 版记 always gets
a page of its own: when the last page of text is even and has room, the standard would allow
the 版记 at its foot, and this costs two pages (README, layout notes).
"""

from __future__ import annotations

import copy

from lxml import etree

from gongwen import layout
from gongwen.ooxml import CONTENT_TYPES_NS, PKG_RELS_NS, REL_NS, W_NS, qn

__all__ = [
    "BLANK_FOOTER_PART",
    "BLANK_FOOTER_RELATIONSHIP",
    "add_blank_footer_relationship",
    "add_footer_content_type",
    "back_cover_section",
    "blank_footer_xml",
    "end_text_section",
]

BLANK_FOOTER_PART = "word/footerGongwenBlank.xml"
BLANK_FOOTER_RELATIONSHIP = "rIdGongwenBlankFooter"
"""The relationship id of the empty footer (chosen not to collide with a template's rIdN)."""

_R, _PACKAGE_R, _TYPES = REL_NS, PKG_RELS_NS, CONTENT_TYPES_NS
_FOOTER_TYPE = f"{_R}/footer"
_FOOTER_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_W = W_NS


def blank_footer_xml() -> bytes:
    """A footer part holding one empty paragraph, an exact line filling the footer's space.

    LibreOffice sizes a footer to its content and ends the text area above it, so an empty
    footer would move the 版记's last rule below the 版心 (2.8 to 4.3 mm, measured). One exact
    line from the footer's distance up to the bottom margin, 1984 - 1450 = 534 twips, puts the
    text area's bottom back at 35 mm from the paper's edge (cl. 5.2.1), as Word puts it anyway.

    >>> b'w:line="534"' in blank_footer_xml()
    True
    """
    ftr = etree.Element(qn("w:ftr"), nsmap={"w": _W})
    ppr = etree.SubElement(etree.SubElement(ftr, qn("w:p")), qn("w:pPr"))
    etree.SubElement(ppr, qn("w:snapToGrid")).set(qn("w:val"), "0")
    spacing = etree.SubElement(ppr, qn("w:spacing"))
    height = layout.BOTTOM_MARGIN_TWIPS - layout.FOOTER_DISTANCE_TWIPS
    for name, value in (("before", "0"), ("after", "0"), ("line", str(height))):
        spacing.set(qn(f"w:{name}"), value)
    spacing.set(qn("w:lineRule"), "exact")
    return bytes(etree.tostring(ftr, xml_declaration=True, encoding="UTF-8", standalone=True))


def add_blank_footer_relationship(rels: bytes) -> bytes:
    """word/_rels/document.xml.rels with the empty footer's relationship added."""
    root = etree.fromstring(rels)
    etree.SubElement(
        root,
        f"{{{_PACKAGE_R}}}Relationship",
        Id=BLANK_FOOTER_RELATIONSHIP,
        Type=_FOOTER_TYPE,
        Target=BLANK_FOOTER_PART.removeprefix("word/"),
    )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def add_footer_content_type(types: bytes) -> bytes:
    """[Content_Types].xml with the empty footer part declared."""
    root = etree.fromstring(types)
    etree.SubElement(
        root,
        f"{{{_TYPES}}}Override",
        PartName="/" + BLANK_FOOTER_PART,
        ContentType=_FOOTER_CONTENT,
    )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def end_text_section(content: etree._Element, final: etree._Element) -> None:
    """End the text's section at the last paragraph of ``content`` and make ``final`` (the
    document's last section properties, which will hold the 版记) start on an even page with
    blank footers.

    The text's section is a copy of ``final`` as the template made it: odd and even page
    numbers. Numbering is not restarted, so it runs on across the break.
    """
    text_section = copy.deepcopy(final)
    paragraphs = content.findall(qn("w:p"))
    if not paragraphs:
        return
    last = paragraphs[-1]
    ppr = last.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        last.insert(0, ppr)
    ppr.append(text_section)  # sectPr comes after every other child of CT_PPr
    back_cover_section(final)


def back_cover_section(final: etree._Element) -> None:
    """Make ``final``, the section that holds the 版记, start on an even page with blank
    footers (cl. 7.4, 7.5): after the text's own section, or after a 横排 section that has
    already ended (cl. 8)."""
    for reference in final.findall(qn("w:footerReference")):
        final.remove(reference)
    for kind in ("default", "even"):
        reference = etree.Element(qn("w:footerReference"))
        reference.set(qn("w:type"), kind)
        reference.set(f"{{{_R}}}id", BLANK_FOOTER_RELATIONSHIP)
        final.insert(0, reference)
    for previous in final.findall(qn("w:type")):
        final.remove(previous)
    start = etree.Element(qn("w:type"))
    start.set(qn("w:val"), "evenPage")
    size = final.find(qn("w:pgSz"))
    if size is not None:
        size.addprevious(start)
    else:
        final.append(start)
