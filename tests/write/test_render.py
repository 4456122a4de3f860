"""The renderer: every example renders, opens, passes openxml-audit and is deterministic."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

from gongwen import InputError, load_notice, notice_from_data
from gongwen.layout import StyleRole
from gongwen.write import TemplateError, render, render_bytes
from gongwen.write.template import default_template_path
from tests.conftest import EXAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
CANONICAL = EXAMPLES / "erqi-xincun-2023.yaml"


def document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph, tables included, in order."""
    out = []
    for p in document_xml(data).iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        out.append(("" if style is None else style.get(f"{W}val", ""), text))
    return out


@pytest.fixture(scope="module")
def canonical() -> bytes:
    return render_bytes(load_notice(CANONICAL))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_renders_and_reopens_with_python_docx(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    render(load_notice(path), out)
    document = docx.Document(str(out))
    assert document.paragraphs, "no paragraphs"
    assert round(document.sections[0].page_width.mm) == 210  # A4, cl. 5.1


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_passes_openxml_audit(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    render(load_notice(path), out)
    result = OpenXmlValidator().validate(str(out))
    assert result.is_valid, [str(e) for e in result.errors]


def test_headings_carry_derived_ordinals_in_their_levels_styles(canonical: bytes) -> None:
    styled = paragraphs(canonical)
    levels = {
        StyleRole.HEADING_1: ["一、", "二、", "三、"],
        StyleRole.HEADING_2: ["（一）", "（二）", "（三）", "（四）"],
    }
    for role, ordinals in levels.items():
        texts = [text for style, text in styled if style == role.value]
        assert [t[: len(o)] for t, o in zip(texts, ordinals, strict=True)] == ordinals
    third = [text for style, text in styled if style == StyleRole.HEADING_3.value]
    # 1. restarts inside each （一）…（三）: 3 + 2 + 2 third-level headings in the seed.
    assert [t[:2] for t in third] == ["1.", "2.", "3.", "1.", "2.", "1.", "2."]


def test_problems_are_numbered_across_the_document_with_their_measures(canonical: bytes) -> None:
    styled = paragraphs(canonical)
    problems = [text for style, text in styled if style == StyleRole.PROBLEM.value]
    assert [p.split("：")[0] for p in problems] == [f"问题{n}" for n in range(1, 17)]
    measures = [text for style, text in styled if style == StyleRole.MEASURE.value]
    assert sum(m.startswith("三是") for m in measures) == 4  # 问题2, 3, 6 and 8
    labels = [text for style, text in styled if style == StyleRole.MEASURES_LABEL.value]
    assert labels == ["整改情况："] * 16


def test_closing_section_and_contact_block_are_rendered(canonical: bytes) -> None:
    styled = paragraphs(canonical)
    (contact,) = [text for style, text in styled if style == StyleRole.CONTACT.value]
    assert "82746503" in contact
    assert "eqxcbscdb@jn.shandong.cn" in contact
    assert any(text.startswith("欢迎广大干部群众") for _, text in styled)


def test_sealed_date_is_four_characters_from_the_right() -> None:
    notice = load_notice(EXAMPLES / "full.yaml")
    root = document_xml(render_bytes(notice))
    (date_p,) = [
        p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "GwDate"
    ]
    ind = date_p.find(f"{W}pPr/{W}ind")
    assert ind.get(f"{W}rightChars") == "400"  # 右空四字, cl. 7.3.5.1


def test_imprint_is_a_table_anchored_to_the_bottom_with_thick_and_thin_rules() -> None:
    root = document_xml(render_bytes(load_notice(EXAMPLES / "full.yaml")))
    *_, table = root.iter(f"{W}tbl")  # the last table; the joint 标志 is one too
    position = table.find(f"{W}tblPr/{W}tblpPr")
    assert position.get(f"{W}vertAnchor") == "margin"
    assert position.get(f"{W}tblpYSpec") == "bottom"
    borders = table.find(f"{W}tblPr/{W}tblBorders")
    sizes = {b: borders.find(f"{W}{b}").get(f"{W}sz") for b in ("top", "insideH", "bottom")}
    # 0.35 mm ≈ 0.99 pt → 8 eighths; 0.25 mm ≈ 0.71 pt → 6 eighths (cl. 7.4.1)
    assert sizes == {"top": "8", "insideH": "6", "bottom": "8"}


def test_no_theme_fonts_in_the_document() -> None:
    data = render_bytes(load_notice(EXAMPLES / "full.yaml"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                assert b"Theme=" not in archive.read(name).replace(b"Theme =", b""), name


def test_two_renders_are_byte_identical_even_across_processes(tmp_path: Path) -> None:
    first = render_bytes(load_notice(CANONICAL))
    script = (
        "import sys; from gongwen import load_notice; from gongwen.write import render_bytes;"
        f"sys.stdout.buffer.write(render_bytes(load_notice({str(CANONICAL)!r})))"
    )
    other = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, env=None
    ).stdout
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(other).hexdigest()


def test_zip_entries_carry_a_fixed_date(canonical: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(canonical)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2023-03-14T00:00:00Z" in core  # the notice's own (publication) date


def test_render_to_a_binary_stream() -> None:
    stream = io.BytesIO()
    render(load_notice(EXAMPLES / "minimal.yaml"), stream)
    assert stream.getvalue()[:2] == b"PK"


def test_custom_template_missing_styles_are_named(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    with pytest.raises(TemplateError) as info:
        render_bytes(load_notice(EXAMPLES / "minimal.yaml"), template=plain)
    message = str(info.value)
    assert "GwTitle (标题)" in message
    assert "GwProblem (问题)" in message


def test_custom_template_with_renamed_ids_is_used_by_style_name(tmp_path: Path) -> None:
    """Word may give a style a new id (a localised Word does); the name still finds it."""
    source = default_template_path()
    custom = tmp_path / "house.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(custom, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace(b'w:styleId="GwTitle"', b'w:styleId="a5"')
            dst.writestr(info, data)
    out = render_bytes(load_notice(EXAMPLES / "minimal.yaml"), template=custom)
    styles = [style for style, _ in paragraphs(out)]
    assert styles.count("a5") == 1
    assert "GwTitle" not in styles


def test_bad_input_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    with pytest.raises(InputError):
        render(tmp_path / "missing.yaml", out)
    assert list(tmp_path.iterdir()) == []


def test_quotes_and_dashes_stay_in_the_chinese_font() -> None:
    """They sit in the hAnsi range; the template maps hAnsi to the Chinese face (hint eastAsia)."""
    notice = notice_from_data({"title": "通知", "body": ["“急难盼愁”——这是……"]})
    root = document_xml(render_bytes(notice))
    runs = [r for r in root.iter(f"{W}r") if "“" in "".join(t.text or "" for t in r.iter(f"{W}t"))]
    assert runs
    for r in runs:  # no direct font on the run: the style's rFonts apply
        assert r.find(f"{W}rPr/{W}rFonts") is None
    with zipfile.ZipFile(default_template_path()) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}hAnsi") == fonts.get(f"{W}eastAsia") == "仿宋_GB2312"


def test_joint_issuer_mark_puts_wenjian_beside_the_stacked_names() -> None:
    """cl. 7.2.4: for a joint issue 文件 goes to the right of the names, centred on them."""
    root = document_xml(render_bytes(load_notice(EXAMPLES / "full.yaml")))
    mark = next(root.iter(f"{W}tbl"))  # the first table is the 标志; the 版记 comes last
    names, suffix = mark.iter(f"{W}tc")
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in names.iter(f"{W}p")]
    assert texts == ["中共X区青石街道工作委员会", "X区青石街道办事处"]
    assert "".join(t.text or "" for t in suffix.iter(f"{W}t")) == "文件"
    first = names.find(f"{W}p/{W}pPr/{W}spacing").get(f"{W}before")
    middle = suffix.find(f"{W}p/{W}pPr/{W}spacing").get(f"{W}before")
    # two names, each 2 grid lines of 588 twips: 文件 sits one grid line lower than the first
    assert int(middle) - int(first) == 588


def test_document_number_stands_on_the_line_of_the_last_signers() -> None:
    """cl. 7.2.5: with several 签发人 (two a line), the 字号 is on the last names' line."""
    notice = load_notice(EXAMPLES / "full.yaml")
    assert notice.header is not None
    notice.header.signers = ["王建国", "刘晓梅", "张三"]
    signer_lines = [t for s, t in paragraphs(render_bytes(notice)) if s == StyleRole.SIGNER.value]
    assert signer_lines == ["签发人：王建国\u3000刘晓梅", "X党发〔2023〕5号张三"]
