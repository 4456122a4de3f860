"""XML-level tests of templates/notice.docx and of tools/make_template.py that builds it."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Length
from lxml import etree

from gongwen import layout
from gongwen.layout import CHARACTER_STYLE_ROLES, HEADING_ROLES, StyleRole

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "templates" / "notice.docx"
SCRIPT = REPO / "tools" / "make_template.py"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
THEME_FONT_ATTRIBUTES = {"asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"}
WORD_DEFAULT_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList"}
EM_DASH = "\N{EM DASH}"


def run_script(output: Path) -> bytes:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(output)],
        check=True,
        capture_output=True,
    )
    return output.read_bytes()


@pytest.fixture(scope="module")
def fresh_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """Two independent runs of the script, in separate processes."""
    directory = tmp_path_factory.mktemp("templates")
    return run_script(directory / "first.docx"), run_script(directory / "second.docx")


@pytest.fixture(scope="module")
def parts() -> dict[str, bytes]:
    with zipfile.ZipFile(TEMPLATE) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(parts: dict[str, bytes], name: str) -> etree._Element:
    return etree.fromstring(parts[name])


@pytest.fixture(scope="module")
def styles(parts: dict[str, bytes]) -> etree._Element:
    return xml(parts, "word/styles.xml")


@pytest.fixture(scope="module")
def sect_pr(parts: dict[str, bytes]) -> etree._Element:
    found = xml(parts, "word/document.xml").find("w:body/w:sectPr", NS)
    assert found is not None
    return found


def attr(element: etree._Element | None, name: str) -> str | None:
    return None if element is None else element.get(f"{{{W}}}{name}")


def style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, f"style {style_id} missing"
    return found


def style_chain(styles: etree._Element, style_id: str) -> Iterator[etree._Element]:
    """The style and its basedOn ancestors, nearest first."""
    current: str | None = style_id
    while current is not None:
        element = style(styles, current)
        yield element
        current = attr(element.find("w:basedOn", NS), "val")


def effective(styles: etree._Element, style_id: str, path: str, name: str) -> str | None:
    """The value of attribute ``name`` on ``path`` as the style inherits it; docDefaults last."""
    for element in style_chain(styles, style_id):
        value = attr(element.find(path, NS), name)
        if value is not None:
            return value
    defaults = styles.find("w:docDefaults", NS)
    assert defaults is not None
    kind = "w:rPrDefault/" if path.startswith("w:rPr") else "w:pPrDefault/"
    return attr(defaults.find(kind + path, NS), name)


def effective_fonts(styles: etree._Element, style_id: str) -> dict[str, str | None]:
    return {
        slot: effective(styles, style_id, "w:rPr/w:rFonts", slot)
        for slot in ("ascii", "hAnsi", "eastAsia", "cs")
    }


BODY_LIKE = (
    StyleRole.NORMAL,
    *HEADING_ROLES,
    StyleRole.PROBLEM,
    StyleRole.MEASURES_LABEL,
    StyleRole.MEASURE,
    StyleRole.CONTACT,
    StyleRole.NOTE,
)
NO_FIRST_LINE_INDENT = (
    StyleRole.TITLE,
    StyleRole.ATTACHMENT_TITLE,
    StyleRole.ADDRESSEE,
    StyleRole.ATTACHMENT_LABEL,
    StyleRole.COPY_NUMBER,
    StyleRole.CLASSIFICATION,
    StyleRole.URGENCY,
    StyleRole.ISSUER_MARK,
    StyleRole.DOCUMENT_NUMBER,
    StyleRole.SIGNER,
    StyleRole.SIGNATURE,
    StyleRole.SIGNATURE_DATE,
    StyleRole.RED_RULE,
    StyleRole.BLANK,
    StyleRole.IMPRINT,
    StyleRole.IMPRINT_PRINTER,
)


# --- section ----------------------------------------------------------------------------------
def test_page_is_a4_with_the_gbt9704_margins(sect_pr: etree._Element) -> None:
    size = sect_pr.find("w:pgSz", NS)
    margins = sect_pr.find("w:pgMar", NS)
    assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")
    assert attr(size, "orient") in (None, "portrait")
    assert {k: attr(margins, k) for k in ("top", "bottom", "left", "right", "gutter")} == {
        # 37 mm less the drop of the first line's characters in their grid line, so the
        # characters start 37 mm down (gongwen.layout.TEMPLATE_TOP_MARGIN_TWIPS; measured in
        # tests/layout).
        "top": "1918",
        "bottom": "1984",
        "left": "1587",
        "right": "1474",
        "gutter": "0",
    }


def test_type_area_is_156_by_225_mm() -> None:
    section = docx.Document(str(TEMPLATE)).sections[0]
    assert section.page_width is not None and section.left_margin is not None
    assert section.right_margin is not None and section.page_height is not None
    assert section.top_margin is not None and section.bottom_margin is not None
    width = Length(section.page_width - section.left_margin - section.right_margin)
    height = Length(section.page_height - section.top_margin - section.bottom_margin)
    assert abs(width.mm - 156) < 0.05
    # The 22 grid lines fill the text area exactly (so Word and LibreOffice start them at the
    # same place); the characters span the 225 mm 版心 (tests/layout measures them).
    assert height.twips == 22 * 588


def test_document_grid_is_22_lines_of_588_twips(sect_pr: etree._Element) -> None:
    grid = sect_pr.find("w:docGrid", NS)
    assert attr(grid, "type") == "lines"  # not linesAndChars: 14 chars a line in LibreOffice
    assert attr(grid, "linePitch") == "588"  # see gongwen.layout.LINE_PITCH_TWIPS
    assert attr(grid, "charSpace") is None


def test_footer_distance_puts_the_number_7_mm_below_the_type_area(
    sect_pr: etree._Element, styles: etree._Element
) -> None:
    footer = int(attr(sect_pr.find("w:pgMar", NS), "footer") or 0)
    for role in (StyleRole.PAGE_ODD, StyleRole.PAGE_EVEN):
        assert effective(styles, role, "w:pPr/w:spacing", "lineRule") == "exact"
        line = int(effective(styles, role, "w:pPr/w:spacing", "line") or 0)
        assert line == 280  # 14 pt
        top_of_number_mm = (footer + line) * 25.4 / 1440
        assert abs(top_of_number_mm - 28) < 0.05  # 35 mm bottom margin - 7 mm (cl. 7.5)


def test_no_title_page_and_no_header(sect_pr: etree._Element) -> None:
    assert sect_pr.find("w:titlePg", NS) is None
    assert sect_pr.find("w:headerReference", NS) is None
    references = {attr(r, "type") for r in sect_pr.findall("w:footerReference", NS)}
    assert references == {"default", "even"}


# --- settings and package -----------------------------------------------------------------------
def test_settings(parts: dict[str, bytes]) -> None:
    settings = xml(parts, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert attr(settings.find("w:themeFontLang", NS), "eastAsia") == "zh-CN"
    assert settings.find("w:rsids", NS) is None
    assert settings.find("w:attachedTemplate", NS) is None
    modes = [
        attr(c, "val")
        for c in settings.iterfind("w:compat/w:compatSetting", NS)
        if attr(c, "name") == "compatibilityMode"
    ]
    assert modes == ["15"]


def test_python_docx_sees_odd_and_even_footers() -> None:
    document = docx.Document(str(TEMPLATE))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    assert not section.footer.is_linked_to_previous
    assert not section.even_page_footer.is_linked_to_previous
    assert not section.different_first_page_header_footer


def test_slim_package(parts: dict[str, bytes]) -> None:
    names = set(parts)
    assert not any("stylesWithEffects" in name for name in names)
    assert not any(name.startswith(("customXml/", "word/glossary/")) for name in names)
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/webSettings.xml" not in names
    content_types = parts["[Content_Types].xml"].decode()
    assert "stylesWithEffects" not in content_types and "jpeg" not in content_types
    for rels in (n for n in names if n.endswith(".rels")):
        text = parts[rels].decode()
        assert "stylesWithEffects" not in text and "thumbnail" not in text, rels


def test_template_is_small() -> None:
    assert TEMPLATE.stat().st_size < 30_000


def test_core_properties_carry_no_author(parts: dict[str, bytes]) -> None:
    core = xml(parts, "docProps/core.xml")
    local_names = {etree.QName(child).localname for child in core}
    assert local_names == {"created", "modified"}
    assert {child.text for child in core} == {"2012-07-01T00:00:00Z"}


def test_word_would_open_it_cleanly() -> None:
    from openxml_audit import OpenXmlValidator  # type: ignore[import-untyped]

    result = OpenXmlValidator().validate(TEMPLATE)
    assert result.is_valid, [str(error) for error in result.errors]


# --- reproducibility ---------------------------------------------------------------------------
def test_two_runs_give_identical_bytes(fresh_builds: tuple[bytes, bytes]) -> None:
    first, second = fresh_builds
    assert first == second


def test_zip_entries_are_dated_1980_in_a_fixed_order(fresh_builds: tuple[bytes, bytes]) -> None:
    for source in (TEMPLATE, io.BytesIO(fresh_builds[0])):
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_committed_template_is_what_the_script_builds(
    fresh_builds: tuple[bytes, bytes], parts: dict[str, bytes]
) -> None:
    # Compared entry by entry rather than as bytes: another zlib may deflate differently.
    with zipfile.ZipFile(io.BytesIO(fresh_builds[0])) as archive:
        rebuilt_parts = {name: archive.read(name) for name in archive.namelist()}
    assert list(rebuilt_parts) == list(parts), "run tools/make_template.py and commit"
    for name, content in parts.items():
        assert rebuilt_parts[name] == content, f"{name} differs: run tools/make_template.py"


# --- fonts ---------------------------------------------------------------------------------------
def test_no_theme_font_attribute_anywhere(parts: dict[str, bytes]) -> None:
    for name, content in parts.items():
        if not name.startswith("word/") or not name.endswith(".xml") or "theme/" in name:
            continue
        for element in etree.fromstring(content).iter():
            used = {etree.QName(a).localname for a in element.attrib} & THEME_FONT_ATTRIBUTES
            assert not used, f"{name}: {etree.QName(element).localname} uses {used}"


def test_every_rfonts_names_all_four_faces(parts: dict[str, bytes]) -> None:
    checked = 0
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        for rfonts in xml(parts, name).iter(f"{{{W}}}rFonts"):
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                assert attr(rfonts, slot), f"{name}: rFonts without w:{slot}"
            checked += 1
    assert checked >= len(StyleRole) + 1  # every role style and docDefaults


def test_doc_defaults_are_16_pt_fangsong_in_chinese(styles: etree._Element) -> None:
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert rpr is not None
    assert attr(rpr.find("w:sz", NS), "val") == "32"
    fonts = rpr.find("w:rFonts", NS)
    assert {k: attr(fonts, k) for k in ("ascii", "hAnsi", "eastAsia", "cs", "hint")} == {
        "ascii": "Times New Roman",
        "hAnsi": "仿宋_GB2312",
        "eastAsia": "仿宋_GB2312",
        "cs": "Times New Roman",
        "hint": "eastAsia",
    }
    lang = rpr.find("w:lang", NS)
    assert (attr(lang, "val"), attr(lang, "eastAsia")) == ("en-US", "zh-CN")


@pytest.mark.parametrize(
    ("role", "face"),
    [
        (StyleRole.NORMAL, "仿宋_GB2312"),
        (StyleRole.TITLE, "方正小标宋简体"),
        (StyleRole.ATTACHMENT_TITLE, "方正小标宋简体"),
        (StyleRole.ISSUER_MARK, "方正小标宋简体"),
        (StyleRole.HEADING_1, "黑体"),
        (StyleRole.HEADING_2, "楷体_GB2312"),
        (StyleRole.HEADING_3, "仿宋_GB2312"),
        (StyleRole.HEADING_4, "仿宋_GB2312"),
        (StyleRole.CLASSIFICATION, "黑体"),
        (StyleRole.URGENCY, "黑体"),
        (StyleRole.ATTACHMENT_LABEL, "黑体"),
        (StyleRole.IMPRINT_COPY_TO, "仿宋_GB2312"),
        (StyleRole.SIGNER_NAME, "楷体_GB2312"),
        (StyleRole.KAI, "楷体_GB2312"),
        (StyleRole.HEI, "黑体"),
    ],
)
def test_style_faces(styles: etree._Element, role: StyleRole, face: str) -> None:
    fonts = effective_fonts(styles, role)
    assert fonts == {
        "ascii": "Times New Roman",
        "hAnsi": face,
        "eastAsia": face,
        "cs": "Times New Roman",
    }


# --- styles --------------------------------------------------------------------------------
def test_every_role_has_a_style_of_the_right_type(styles: etree._Element) -> None:
    for role in StyleRole:
        expected = "character" if role in CHARACTER_STYLE_ROLES else "paragraph"
        assert attr(style(styles, role), "type") == expected, role
        assert style(styles, role).find("w:qFormat", NS) is not None, role


def test_no_other_styles(styles: etree._Element) -> None:
    ids = [attr(s, "styleId") for s in styles.iterfind("w:style", NS)]
    assert len(ids) == len(set(ids))
    assert set(ids) == {r.value for r in StyleRole} | WORD_DEFAULT_STYLES
    assert styles.find("w:latentStyles", NS) is None


def test_normal_is_the_default_paragraph_style(styles: etree._Element) -> None:
    defaults = styles.findall("w:style[@w:type='paragraph'][@w:default='1']", NS)
    assert [attr(s, "styleId") for s in defaults] == ["Normal"]


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_headings_are_word_builtin_outline_levels(styles: etree._Element, level: int) -> None:
    heading = style(styles, f"Heading{level}")
    assert attr(heading.find("w:name", NS), "val") == f"heading {level}"
    assert attr(heading.find("w:basedOn", NS), "val") == "Normal"
    assert attr(heading.find("w:pPr/w:outlineLvl", NS), "val") == str(level - 1)
    assert heading.find("w:pPr/w:keepNext", NS) is not None
    bold = heading.find("w:rPr/w:b", NS)
    assert bold is None or attr(bold, "val") in ("0", "false")
    assert heading.find("w:rPr/w:color", NS) is None
    sid = f"Heading{level}"
    assert effective(styles, sid, "w:pPr/w:spacing", "before") in (None, "0")
    assert effective(styles, sid, "w:pPr/w:spacing", "after") in (None, "0")


@pytest.mark.parametrize("role", BODY_LIKE)
def test_body_like_styles(styles: etree._Element, role: StyleRole) -> None:
    assert effective(styles, role, "w:rPr/w:sz", "val") == "32"
    assert effective(styles, role, "w:rPr/w:spacing", "val") == "-5"
    # Justified, but for the contact block: an e-mail address cannot break, and justifying
    # the line before it spreads its characters.
    justified = "left" if role == StyleRole.CONTACT else "both"
    assert effective(styles, role, "w:pPr/w:jc", "val") == justified
    assert effective(styles, role, "w:pPr/w:ind", "firstLineChars") == "200"
    assert effective(styles, role, "w:pPr/w:ind", "firstLine") == "640"
    # The line height comes from the docGrid, so body text stays on the grid.
    assert effective(styles, role, "w:pPr/w:spacing", "lineRule") is None


@pytest.mark.parametrize("role", NO_FIRST_LINE_INDENT)
def test_styles_without_first_line_indent(styles: etree._Element, role: StyleRole) -> None:
    # Both forms must be zeroed: Word prefers a *Chars value inherited from Normal.
    assert effective(styles, role, "w:pPr/w:ind", "firstLineChars") == "0"
    assert effective(styles, role, "w:pPr/w:ind", "firstLine") == "0"


@pytest.mark.parametrize("role", [StyleRole.TITLE, StyleRole.ATTACHMENT_TITLE])
def test_titles(styles: etree._Element, role: StyleRole) -> None:
    assert effective(styles, role, "w:rPr/w:sz", "val") == "44"
    assert effective(styles, role, "w:pPr/w:jc", "val") == "center"
    assert effective(styles, role, "w:rPr/w:b", "val") in (None, "0")
    assert effective(styles, role, "w:rPr/w:spacing", "val") in (None, "0")


def test_issuer_mark_is_red_and_centred(styles: etree._Element) -> None:
    sid = StyleRole.ISSUER_MARK
    assert effective(styles, sid, "w:rPr/w:color", "val") == "FF0000"
    assert effective(styles, sid, "w:rPr/w:sz", "val") == "44"
    assert effective(styles, sid, "w:pPr/w:jc", "val") == "center"


@pytest.mark.parametrize(
    ("role", "jc"),
    [
        (StyleRole.ADDRESSEE, "both"),
        (StyleRole.COPY_NUMBER, "left"),
        (StyleRole.CLASSIFICATION, "left"),
        (StyleRole.URGENCY, "left"),
        (StyleRole.ATTACHMENT_LABEL, "left"),
        (StyleRole.DOCUMENT_NUMBER, "center"),
        (StyleRole.SIGNER, "left"),  # the 签发人 is placed by a tab stop
        (StyleRole.SIGNATURE, "right"),
        (StyleRole.SIGNATURE_DATE, "right"),
    ],
)
def test_alignment(styles: etree._Element, role: StyleRole, jc: str) -> None:
    assert effective(styles, role, "w:pPr/w:jc", "val") == jc


def test_attachment_note_hangs_at_five_characters(styles: etree._Element) -> None:
    ind = style(styles, StyleRole.ATTACHMENT_NOTE).find("w:pPr/w:ind", NS)
    assert {k: attr(ind, k) for k in ("leftChars", "left", "hangingChars", "hanging")} == {
        "leftChars": "500",
        "left": "1600",
        "hangingChars": "300",
        "hanging": "960",
    }


def test_date_and_signature_right_indents(styles: etree._Element) -> None:
    assert effective(styles, StyleRole.SIGNATURE_DATE, "w:pPr/w:ind", "rightChars") == "400"
    assert effective(styles, StyleRole.SIGNATURE_DATE, "w:pPr/w:ind", "right") == "1280"
    # The renderer overrides the 署名's right indent in twips; a rightChars would win over it.
    assert effective(styles, StyleRole.SIGNATURE, "w:pPr/w:ind", "rightChars") is None
    assert effective(styles, StyleRole.SIGNATURE, "w:pPr/w:ind", "right") == "1280"
    assert effective(styles, StyleRole.SIGNER, "w:pPr/w:ind", "rightChars") == "100"
    assert effective(styles, StyleRole.SIGNER, "w:pPr/w:ind", "right") == "320"


def test_red_rule_is_a_thin_red_bottom_border(styles: etree._Element) -> None:
    rule = style(styles, StyleRole.RED_RULE)
    bottom = rule.find("w:pPr/w:pBdr/w:bottom", NS)
    assert (attr(bottom, "val"), attr(bottom, "color"), attr(bottom, "sz")) == (
        "single",
        "FF0000",
        "8",
    )
    assert effective(styles, StyleRole.RED_RULE, "w:pPr/w:spacing", "lineRule") == "exact"
    assert int(effective(styles, StyleRole.RED_RULE, "w:pPr/w:spacing", "line") or 999) <= 40
    assert attr(rule.find("w:pPr/w:snapToGrid", NS), "val") == "0"
    # The border spans the indents, which must be zero for a 156 mm rule.
    for side in ("left", "right", "leftChars", "rightChars"):
        assert effective(styles, StyleRole.RED_RULE, "w:pPr/w:ind", side) in (None, "0")


def test_imprint_styles(styles: etree._Element) -> None:
    for role in (StyleRole.IMPRINT, StyleRole.IMPRINT_COPY_TO, StyleRole.IMPRINT_PRINTER):
        assert effective(styles, role, "w:rPr/w:sz", "val") == "28", role
        assert effective(styles, role, "w:pPr/w:ind", "right") == "320", role
        assert effective(styles, role, "w:rPr/w:spacing", "val") in (None, "0"), role
        assert effective(styles, role, "w:pPr/w:spacing", "lineRule") == "exact", role
    assert effective(styles, StyleRole.IMPRINT, "w:pPr/w:ind", "left") == "320"
    # 抄送: first line at 1 字, continuation lines after "抄送：" (3 × 14 pt = 840 twips).
    copy_to = style(styles, StyleRole.IMPRINT_COPY_TO).find("w:pPr/w:ind", NS)
    assert (attr(copy_to, "left"), attr(copy_to, "hanging")) == ("1160", "840")
    # 印发日期 on a right tab at the right indent, measured from the text column's left edge.
    tabs = style(styles, StyleRole.IMPRINT_PRINTER).findall("w:pPr/w:tabs/w:tab", NS)
    assert [(attr(t, "val"), attr(t, "pos")) for t in tabs] == [("right", "8525")]
    assert layout.TYPE_AREA_WIDTH_TWIPS - 320 == 8525


@pytest.mark.parametrize(
    ("role", "jc", "side"),
    [(StyleRole.PAGE_ODD, "right", "right"), (StyleRole.PAGE_EVEN, "left", "left")],
)
def test_page_number_styles(styles: etree._Element, role: StyleRole, jc: str, side: str) -> None:
    assert effective(styles, role, "w:pPr/w:jc", "val") == jc
    assert effective(styles, role, "w:pPr/w:ind", side) == "320"
    assert effective(styles, role, "w:rPr/w:sz", "val") == "28"
    assert set(effective_fonts(styles, role).values()) == {"宋体"}


# --- footers -------------------------------------------------------------------------------
def footer_paragraph(reference_type: str) -> etree._Element:
    section = docx.Document(str(TEMPLATE)).sections[0]
    footer = section.footer if reference_type == "default" else section.even_page_footer
    paragraphs: list[etree._Element] = footer._element.findall(qn("w:p"))
    assert len(paragraphs) == 1
    return paragraphs[0]


@pytest.mark.parametrize(
    ("reference_type", "style_id"),
    [("default", StyleRole.PAGE_ODD), ("even", StyleRole.PAGE_EVEN)],
)
def test_footer_is_dash_page_field_dash(reference_type: str, style_id: StyleRole) -> None:
    paragraph = footer_paragraph(reference_type)
    assert attr(paragraph.find("w:pPr/w:pStyle", NS), "val") == style_id
    sequence: list[str] = []
    for run in paragraph.iterfind("w:r", NS):
        for child in run:
            local = etree.QName(child).localname
            if local == "fldChar":
                sequence.append(f"<{attr(child, 'fldCharType')}>")
            elif local == "instrText":
                sequence.append(f"[{child.text}]")
            elif local == "t":
                sequence.append(child.text or "")
    assert sequence[0] == f"{EM_DASH} "
    assert sequence[1:4] == ["<begin>", "[ PAGE ]", "<separate>"]
    assert sequence[4].isdigit(), "a PAGE field without a cached result makes Word repair"
    assert sequence[5:] == ["<end>", f" {EM_DASH}"]
