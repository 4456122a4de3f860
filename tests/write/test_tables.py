"""Tables in the .docx: the template's styles, repeated header rows, unsplit rows, merges, and
横排 attachments on a landscape section of their own (GB/T 9704 cl. 8)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

from gongwen import layout
from gongwen.model import Notice
from gongwen.write import TemplateError, render_bytes
from gongwen.write.template import default_template_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

PROBLEMS: list[dict[str, Any]] = [
    {
        "problem": {
            "statement": "学习不够。",
            "measures": ["加强学习。", "完善制度。"],
            "status": "已完成",
            "responsible": "社区党委",
            "deadline": "2023年6月底前",
        }
    },
    {"problem": {"statement": "制度不全。", "measures": ["建立制度。"], "status": "正在推进"}},
]

MERGED = {
    "table": {
        "title": "统计表",
        "header": [
            [{"text": "序号", "rows": 2}, {"text": "整改情况", "span": 2}],
            ["措施", "户数"],
        ],
        "rows": [["1", "加强学习", "1,200"]],
        "note": "截至6月底。",
    }
}


def _notice(**attachment: Any) -> Notice:
    return Notice.model_validate(
        {
            "title": "关于巡察整改情况的通报",
            "body": ["巡察反馈的2个问题中，已完成1个。", *PROBLEMS, MERGED],
            "attachments": [
                {"title": "整改台账", "body": [{"table": {"from_problems": True}}], **attachment}
            ],
            "signature": {"organs": ["某社区党委"], "date": "2023-06-30"},
            "imprint": {"printer": "某社区党委", "print_date": "2023-06-30"},
        }
    )


def _document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _tables(root: etree._Element) -> list[etree._Element]:
    return [t for t in root.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblStyle") is not None]


def _cell_text(tc: etree._Element) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.iter(f"{W}p"))


@pytest.fixture(scope="module")
def landscape() -> bytes:
    return render_bytes(_notice(orientation="landscape"))


def test_tables_take_the_template_style_and_fill_the_type_area(landscape: bytes) -> None:
    merged, ledger = _tables(_document(landscape))
    for table, width in (
        (merged, layout.TYPE_AREA_WIDTH_TWIPS),
        (ledger, layout.LANDSCAPE_TYPE_AREA_WIDTH_TWIPS),
    ):
        assert table.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "GwTable"
        grid = [int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")]
        assert sum(grid) == width  # 156 mm portrait, 225 mm on a 横排 page


def test_header_rows_repeat_and_no_row_splits(landscape: bytes) -> None:
    merged, ledger = _tables(_document(landscape))
    for table, header_rows in ((merged, 2), (ledger, 1)):
        rows = table.findall(f"{W}tr")
        for index, row in enumerate(rows):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
            repeated = row.find(f"{W}trPr/{W}tblHeader") is not None
            assert repeated == (index < header_rows)


def test_header_cells_are_hei_and_serials_centred(landscape: bytes) -> None:
    _, ledger = _tables(_document(landscape))
    header, first = ledger.findall(f"{W}tr")[:2]
    styles = {p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in header.iter(f"{W}p")}
    assert styles == {"GwTableHeader"}
    cells = first.findall(f"{W}tc")
    assert [_cell_text(c) for c in cells] == [
        "1",
        "学习不够。",
        "一是加强学习。\n二是完善制度。",  # one paragraph a line: no stretched justified line
        "社区党委",
        "2023年6月底前",
        "已完成",
    ]
    serial = cells[0].find(f"{W}p/{W}pPr/{W}jc")
    assert serial is not None and serial.get(f"{W}val") == "center"


def test_merged_header_cells_span_and_merge(landscape: bytes) -> None:
    merged, _ = _tables(_document(landscape))
    first, second = merged.findall(f"{W}tr")[:2]
    assert first.find(f"{W}tc/{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"
    span = first.findall(f"{W}tc")[1].find(f"{W}tcPr/{W}gridSpan")
    assert span is not None and span.get(f"{W}val") == "2"
    continued = second.find(f"{W}tc/{W}tcPr/{W}vMerge")
    assert continued is not None and continued.get(f"{W}val") is None


def test_cell_text_is_single_spaced_off_the_grid() -> None:
    with zipfile.ZipFile(default_template_path()) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    for style_id in ("GwTableHeader", "GwTableText"):
        (style,) = [s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id]
        spacing = style.find(f"{W}pPr/{W}spacing")
        assert spacing.get(f"{W}lineRule") == "auto" and spacing.get(f"{W}line") == "240"
        assert style.find(f"{W}pPr/{W}snapToGrid").get(f"{W}val") == "0"
        size = style.find(f"{W}rPr/{W}sz").get(f"{W}val")
        assert int(size) == layout.pt_to_half_points(layout.TABLE_SIZE_PT)  # 四号


def test_landscape_attachment_is_a_section_of_its_own(landscape: bytes) -> None:
    root = _document(landscape)
    sections = list(root.iter(f"{W}sectPr"))
    assert len(sections) == 3  # body, 横排 attachment, then back to portrait for the 版记
    orientations = [s.find(f"{W}pgSz").get(f"{W}orient") for s in sections]
    assert orientations == [None, "landscape", None]
    turned = sections[1]
    size = turned.find(f"{W}pgSz")
    assert (int(size.get(f"{W}w")), int(size.get(f"{W}h"))) == (16838, 11906)
    margins = turned.find(f"{W}pgMar")
    # cl. 8: the same margins on the same edges of the paper, the page turned
    assert int(margins.get(f"{W}top")) == layout.mm_to_twips(28)
    assert int(margins.get(f"{W}left")) == layout.mm_to_twips(35)
    # its footers are the template's turned ones; numbering continues (no restart)
    references = {r.get(f"{W}type"): r.get(R_ID) for r in turned.iter(f"{W}footerReference")}
    assert references == {"default": "rIdGwLandscapeOdd", "even": "rIdGwLandscapeEven"}
    assert all(s.find(f"{W}pgNumType") is None for s in sections)


def test_a_landscape_attachment_at_the_end_turns_the_last_section() -> None:
    notice = _notice(orientation="landscape")
    notice.imprint = None
    sections = list(_document(render_bytes(notice)).iter(f"{W}sectPr"))
    assert [s.find(f"{W}pgSz").get(f"{W}orient") for s in sections] == [None, "landscape"]


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_notice_with_tables_passes_openxml_audit(orientation: str, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(render_bytes(_notice(orientation=orientation)))
    result = OpenXmlValidator().validate(str(out))
    assert result.is_valid, [str(e) for e in result.errors]


def test_template_without_table_styles_refuses_only_a_notice_with_a_table(tmp_path: Path) -> None:
    source = default_template_path()
    custom = tmp_path / "old.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(custom, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/styles.xml":
                root = etree.fromstring(data)
                for style in list(root.iter(f"{W}style")):
                    if style.get(f"{W}styleId", "").startswith("GwTable"):
                        root.remove(style)
                data = etree.tostring(root)
            dst.writestr(info, data)
    plain = Notice(title="T", body=["正文。"])
    assert render_bytes(plain, template=custom)
    with pytest.raises(TemplateError, match=r"GwTableHeader \(表头\)"):
        render_bytes(_notice(), template=custom)


def test_attachments_turn_and_turn_back() -> None:
    """横排, 横排, then portrait: one turned section for the two, then portrait again; the
    second turned attachment starts a new page by a page break, the portrait one by the
    section break."""
    table = {"table": {"header": [["序号", "事项"]], "rows": [["1", "甲"]]}}
    notice = Notice.model_validate(
        {
            "title": "T",
            "body": ["正文。"],
            "attachments": [
                {"title": "表一", "orientation": "landscape", "body": [table]},
                {"title": "表二", "orientation": "landscape", "body": [table]},
                {"title": "说明", "body": ["说明文字。"]},
            ],
        }
    )
    root = _document(render_bytes(notice))
    sections = list(root.iter(f"{W}sectPr"))
    assert [s.find(f"{W}pgSz").get(f"{W}orient") for s in sections] == [None, "landscape", None]
    labels = [
        p
        for p in root.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is not None
        and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "GwAttachmentLabel"
    ]
    breaks = [p.find(f"{W}pPr/{W}pageBreakBefore") is not None for p in labels]
    assert breaks == [False, True, False]
