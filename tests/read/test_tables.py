"""Tables read back from .docx — gongwen's own and ones typed in Word or WPS, merged cells
included — and content the model cannot hold, each named in a finding."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zlib
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from gongwen.i18n import use_language
from gongwen.model import Notice, Table
from gongwen.read.docx import read_docx_bytes
from gongwen.read.tables import omitted
from gongwen.tables import header_grid
from gongwen.write import render_bytes
from tests.test_tables import tables

ROOT = Path(__file__).resolve().parents[2]


def _notice(body_tables: list[Table], attachment_tables: list[Table], landscape: bool) -> Notice:
    return Notice.model_validate(
        {
            "title": "关于巡察整改情况的通报",
            "body": [
                "现将整改情况通报如下。",
                {"problem": {"statement": "学习不够。", "measures": ["加强学习。"]}},
                *({"table": t.model_dump()} for t in body_tables),
                "以上情况，特此通报。",
            ],
            "attachments": [
                {
                    "title": "统计表",
                    "orientation": "landscape" if landscape else "portrait",
                    "body": [{"table": t.model_dump()} for t in attachment_tables] or ["见正文。"],
                }
            ],
        }
    )


@given(
    st.lists(tables(), min_size=1, max_size=2),
    st.lists(tables(), max_size=2),
    st.booleans(),
    st.none() | st.text(alphabet="截至六月底情况说明", min_size=1, max_size=12),
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_rendered_table_reads_back_equal(
    body: list[Table], attached: list[Table], landscape: bool, note: str | None
) -> None:
    body[0] = body[0].model_copy(update={"note": note})
    notice = _notice(body, attached, landscape)
    result = read_docx_bytes(render_bytes(notice))
    assert result.notice == notice
    assert not result.findings


def test_a_ledger_reads_back_as_derived_from_the_problems() -> None:
    notice = _notice([Table(from_problems=True, title="整改台账")], [], landscape=False)
    notice.body[1].deadline = "2023年6月底前"  # type: ignore[union-attr]
    back = read_docx_bytes(render_bytes(notice)).notice
    assert back == notice
    assert back.body[2] == Table(from_problems=True, title="整改台账")


# --- tables typed in Word ------------------------------------------------------------------


def _hand_typed() -> tuple[bytes, Table]:
    """A notice typed in Word: a 整改台账 whose header has 序号 over two rows and 整改情况
    over two columns, made with python-docx as Word makes it (w:gridSpan, w:vMerge)."""
    document = docx.Document()
    document.add_paragraph("关于巡察整改情况的通报", style="Title")
    document.add_paragraph("各社区党委：")
    document.add_paragraph("现将整改情况通报如下。")
    table = document.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    cells = table.rows
    cells[0].cells[0].merge(cells[1].cells[0]).text = "序号"  # vertical
    cells[0].cells[1].merge(cells[1].cells[1]).text = "问题"
    cells[0].cells[2].merge(cells[0].cells[3]).text = "整改情况"  # horizontal
    cells[1].cells[2].text = "措施"
    cells[1].cells[3].text = "完成情况"
    for row, values in zip(
        cells[2:],
        [["1", "学习不够。", "加强学习。", "已完成"], ["2", "制度不全。", "", "正在推进"]],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    second = table.rows[3].cells[2]
    second.text = "建立制度。"
    second.add_paragraph("每月检查。")  # two paragraphs: one cell, two lines
    document.add_paragraph("特此通报。")
    out = io.BytesIO()
    document.save(out)
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:gridCol"))]
    expected = Table(
        header=[
            [
                {"text": "序号", "rows": 2},
                {"text": "问题", "rows": 2},
                {"text": "整改情况", "span": 2},
            ],
            ["措施", "完成情况"],
        ],
        rows=[
            ["1", "学习不够。", "加强学习。", "已完成"],
            ["2", "制度不全。", "建立制度。\n每月检查。", "正在推进"],
        ],
        widths=widths,
    )
    return out.getvalue(), expected


def test_a_table_typed_in_word_with_merged_header_cells_reads_as_its_model() -> None:
    data, expected = _hand_typed()
    result = read_docx_bytes(data, file="typed.docx")
    tables_read = [item for item in result.notice.body if isinstance(item, Table)]
    assert tables_read == [expected]
    texts = [getattr(item, "text", None) for item in result.notice.body]
    assert texts[0] == "现将整改情况通报如下。" and texts[-1] == "特此通报。"
    assert not [f for f in result.findings if f.code.startswith("RD06")]


def test_merged_body_cells_are_split_with_a_finding() -> None:
    document = docx.Document()
    document.add_paragraph("关于整改情况的通报", style="Title")
    document.add_paragraph("现将情况通报如下。")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["序号", "问题", "责任单位"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text, table.rows[2].cells[0].text = "1", "2"
    table.rows[1].cells[1].text, table.rows[2].cells[1].text = "甲。", "乙。"
    table.rows[1].cells[2].merge(table.rows[2].cells[2]).text = "社区党委"
    out = io.BytesIO()
    document.save(out)
    result = read_docx_bytes(out.getvalue())
    (table_read,) = [i for i in result.notice.body if isinstance(i, Table)]
    assert table_read.rows == [["1", "甲。", "社区党委"], ["2", "乙。", "社区党委"]]
    assert [f.code for f in result.findings if f.code == "RD068"] == ["RD068"]


def test_a_layout_table_is_still_read_as_paragraphs() -> None:
    """A one-column table (a 版记 drawn as a table) holds paragraphs, not a table of content."""
    document = docx.Document()
    document.add_paragraph("关于整改情况的通报", style="Title")
    document.add_paragraph("现将情况通报如下。")
    table = document.add_table(rows=2, cols=1)
    table.rows[0].cells[0].text = "抄送：区委办公室。"
    table.rows[1].cells[0].text = "某街道党政办公室\t2023年6月16日印发"
    out = io.BytesIO()
    document.save(out)
    result = read_docx_bytes(out.getvalue())
    assert not [i for i in result.notice.body if isinstance(i, Table)]
    assert result.notice.imprint is not None


# --- content the model cannot hold -----------------------------------------------------------


def _png() -> bytes:
    """A 1 x 1 white PNG, made here (no image committed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _with_left_out_content() -> bytes:
    """A notice typed in Word with an image, a footnote and a tracked change."""
    document = docx.Document()
    document.add_paragraph("关于整改情况的通报", style="Title")
    document.add_paragraph("现将情况通报如下。")
    pictured = document.add_paragraph("整改前后对比照片如下。")
    pictured.add_run().add_picture(io.BytesIO(_png()), width=Mm(10))
    noted = document.add_paragraph("依据有关规定开展整改。")
    reference = etree.SubElement(noted.runs[0]._r, qn("w:footnoteReference"))
    reference.set(qn("w:id"), "1")
    changed = document.add_paragraph("整改工作")
    inserted = etree.SubElement(changed._p, qn("w:ins"))
    inserted.set(qn("w:id"), "7")
    inserted.set(qn("w:author"), "张三")
    run = etree.SubElement(inserted, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "已经"
    deleted = etree.SubElement(changed._p, qn("w:del"))
    deleted.set(qn("w:id"), "8")
    deleted.set(qn("w:author"), "张三")
    etree.SubElement(etree.SubElement(deleted, qn("w:r")), qn("w:delText")).text = "尚未"
    changed.add_run("完成。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_image_footnote_and_tracked_change_each_get_one_finding() -> None:
    result = read_docx_bytes(_with_left_out_content(), file="typed.docx")
    left_out = [f for f in result.findings if f.code in ("RD062", "RD064", "RD066")]
    assert sorted(f.code for f in left_out) == ["RD062", "RD064", "RD066"]
    by_code = {f.code: f for f in left_out}
    assert "图片" in by_code["RD062"].message and by_code["RD062"].location.line == 3
    assert "脚注" in by_code["RD064"].message and by_code["RD064"].location.line == 4
    assert "删除1处" in by_code["RD066"].message and by_code["RD066"].location.line == 5
    with use_language("en"):
        english = {f.code: f.message for f in read_docx_bytes(_with_left_out_content()).findings}
    assert english["RD062"].startswith("images in the paragraph “整改前后对比照片如下。”")
    assert "footnotes" in english["RD064"] and "1 deleted" in english["RD066"]
    texts = [getattr(i, "text", "") for i in result.notice.body]
    assert "整改工作已经完成。" in texts  # the insertion accepted, the deletion left out


def test_parse_strict_refuses_a_document_with_content_left_out(tmp_path: Path) -> None:
    path = tmp_path / "typed.docx"
    path.write_bytes(_with_left_out_content())
    command = [sys.executable, "-m", "gongwen.cli", "parse"]
    strict = subprocess.run([*command, "--strict", str(path)], capture_output=True, text=True)
    assert strict.returncode == 2
    assert "RD062" in strict.stderr and "--strict" in strict.stderr
    assert strict.stdout == ""  # nothing written
    lenient = subprocess.run([*command, str(path)], capture_output=True, text=True)
    assert lenient.returncode == 0 and "title:" in lenient.stdout


def test_parse_strict_accepts_a_clean_document(tmp_path: Path) -> None:
    data, _ = _hand_typed()
    path = tmp_path / "typed.docx"
    path.write_bytes(data)
    out = subprocess.run(
        [sys.executable, "-m", "gongwen.cli", "parse", "--strict", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    assert "table:" in out.stdout


# --- generated tables typed by hand --------------------------------------------------------


def _typed_in_word(table: Table, mark_header: bool) -> tuple[bytes, list[int]]:
    """``table`` as a Word user types it: merged cells made with Word's own merge (python-docx
    writes the w:gridSpan and w:vMerge Word does), "重复标题行" set or not."""
    document = docx.Document()
    document.add_paragraph("关于整改情况的通报", style="Title")
    document.add_paragraph("现将情况通报如下。")
    typed = document.add_table(rows=len(table.header) + len(table.rows), cols=table.columns)
    for row in header_grid(table):
        for cell in row:
            if cell.continued:
                continue
            start = typed.cell(cell.row, cell.column)
            if cell.span > 1 or cell.rows > 1:
                end = typed.cell(cell.row + cell.rows - 1, cell.column + cell.span - 1)
                start = start.merge(end)
            start.text = cell.text
    for index, values in enumerate(table.rows):
        for column, value in enumerate(values):
            typed.cell(len(table.header) + index, column).text = value
    if mark_header:
        for row in typed.rows[: len(table.header)]:
            etree.SubElement(row._tr.get_or_add_trPr(), qn("w:tblHeader"))
    document.add_paragraph("特此通报。")
    out = io.BytesIO()
    document.save(out)
    widths = [int(c.get(qn("w:w"))) for c in typed._tbl.iter(qn("w:gridCol"))]
    return out.getvalue(), widths


def _typeable(table: Table) -> bool:
    """A table Word users make: a header, at least one body row, two columns or more."""
    return bool(table.header) and bool(table.rows) and table.columns >= 2


@given(tables().filter(_typeable), st.booleans())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_generated_table_typed_in_word_reads_as_its_model(table: Table, marked: bool) -> None:
    # Without "重复标题行", a second header row shows itself only by a cell merged down into
    # it (序号 over two rows): mark the header when nothing else tells.
    merged_down = any(cell.rows > 1 for cell in table.header[0])
    mark = marked or (len(table.header) > 1 and not merged_down)
    data, widths = _typed_in_word(table, mark)
    result = read_docx_bytes(data)
    read = [item for item in result.notice.body if isinstance(item, Table)]
    expected = Table(header=table.header, rows=table.rows, widths=widths)
    assert read == [expected]
    assert not [f for f in result.findings if f.code.startswith("RD06")]


@pytest.mark.parametrize(
    ("inner", "kind"),
    [
        (
            '<w:r><w:drawing><wps:txbx xmlns:wps="urn:x"><w:txbxContent><w:p/></w:txbxContent>'
            "</wps:txbx></w:drawing></w:r>",
            "textbox",
        ),
        (
            '<w:commentRangeStart w:id="0"/><w:r><w:t>字</w:t></w:r>'
            '<w:r><w:commentReference w:id="0"/></w:r>',
            "comment",
        ),
        (
            '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
            "<m:r><m:t>x</m:t></m:r></m:oMath>",
            "equation",
        ),
        ("<w:r><w:object/></w:r>", "object"),
        ('<w:r><w:drawing><c:chart xmlns:c="urn:chart"/></w:drawing></w:r>', "object"),
    ],
)
def test_each_kind_left_out_is_named(inner: str, kind: str) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paragraph = etree.fromstring(f'<w:p xmlns:w="{w}">{inner}</w:p>')
    assert omitted(paragraph) == Counter({kind: 1})


def test_a_table_laying_out_the_issuer_mark_is_read_as_paragraphs() -> None:
    """Two organs stacked left of 文件 in a 2 x 2 table above the title: not a table of
    content, whatever its shape — its stand-in lands outside the body, so it is read again as
    its cells' paragraphs, as before tables were read."""
    document = docx.Document()
    mark = document.add_table(rows=2, cols=2)
    mark.cell(0, 0).text = "中共某街道工作委员会"
    mark.cell(1, 0).text = "某街道办事处"
    mark.cell(0, 1).merge(mark.cell(1, 1)).text = "文件"
    document.add_paragraph("某党发〔2023〕5号")
    document.add_paragraph("关于做好巡察整改工作的通知", style="Title")
    document.add_paragraph("各社区党委：")
    document.add_paragraph("现将有关事项通知如下。")
    out = io.BytesIO()
    document.save(out)
    result = read_docx_bytes(out.getvalue())
    assert not [i for i in result.notice.body if isinstance(i, Table)]
    assert not {"RD068", "RD069"} & {f.code for f in result.findings}
    assert result.notice.header is not None and result.notice.header.issuer_mark is not None
    assert result.notice.title == "关于做好巡察整改工作的通知"
    assert [getattr(i, "text", "") for i in result.notice.body] == ["现将有关事项通知如下。"]
