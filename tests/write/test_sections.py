"""The 版记 on 封四 of a double-sided notice: sections, footers and parts in the .docx."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from gongwen import load_notice
from gongwen.read.docx import read_docx_bytes
from gongwen.write import render_bytes
from gongwen.write.sections import BLANK_FOOTER_PART, BLANK_FOOTER_RELATIONSHIP
from tests.conftest import EXAMPLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W}


def _parts(sides: str) -> dict[str, bytes]:
    notice = load_notice(EXAMPLES / "full.yaml")
    notice.presentation.sides = sides  # type: ignore[assignment]
    for attachment in notice.attachments:  # no 横排 section of its own (cl. 8; test_tables)
        attachment.orientation = "portrait"
    with zipfile.ZipFile(io.BytesIO(render_bytes(notice))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_single_sided_has_one_section_and_no_blank_footer() -> None:
    parts = _parts("single")
    document = etree.fromstring(parts["word/document.xml"])
    assert len(document.findall(".//w:sectPr", NS)) == 1
    assert BLANK_FOOTER_PART not in parts


def test_double_sided_puts_the_imprint_in_an_even_page_section_with_blank_footers() -> None:
    parts = _parts("double")
    document = etree.fromstring(parts["word/document.xml"])
    text_section, imprint_section = document.findall(".//w:sectPr", NS)
    # the text keeps the template's odd and even page numbers
    text_refs = {r.get(f"{{{R}}}id") for r in text_section.findall("w:footerReference", NS)}
    assert BLANK_FOOTER_RELATIONSHIP not in text_refs and len(text_refs) == 2
    # the 版记's section starts on an even page, both its footers blank (cl. 7.5)
    assert imprint_section.find("w:type", NS).get(f"{{{W}}}val") == "evenPage"
    references = imprint_section.findall("w:footerReference", NS)
    assert {r.get(f"{{{W}}}type") for r in references} == {"default", "even"}
    assert {r.get(f"{{{R}}}id") for r in references} == {BLANK_FOOTER_RELATIONSHIP}
    # numbering is not restarted
    assert imprint_section.find("w:pgNumType", NS) is None
    # the 版记 (its floating table) comes after the section break
    body = document.find("w:body", NS)
    children = list(body)
    breaker = next(i for i, c in enumerate(children) if c.find(".//w:sectPr", NS) is not None)
    assert [c for c in children[breaker:] if c.tag == f"{{{W}}}tbl"]
    assert not [c for c in children[:breaker] if c.find("w:tblPr/w:tblpPr", NS) is not None]
    # the part exists, is related and declared
    assert BLANK_FOOTER_PART in parts
    assert BLANK_FOOTER_RELATIONSHIP.encode() in parts["word/_rels/document.xml.rels"]
    assert b"/" + BLANK_FOOTER_PART.encode() in parts["[Content_Types].xml"]
    footer = etree.fromstring(parts[BLANK_FOOTER_PART])
    assert "".join(footer.itertext()) == ""


def test_double_sided_reads_back_like_single_sided() -> None:
    notice = load_notice(EXAMPLES / "full.yaml")
    single = read_docx_bytes(render_bytes(notice)).notice
    notice.presentation.sides = "double"
    double = read_docx_bytes(render_bytes(notice)).notice
    single.presentation.sides = "double"
    assert double == single
