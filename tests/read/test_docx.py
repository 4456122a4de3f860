"""The .docx reader: gongwen's own notices read back exactly; hand-made ones read as text is."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from lxml import etree

from gongwen import load_notice
from gongwen.compose import compose, paragraphs
from gongwen.findings import Level
from gongwen.model import Notice, Paragraph, Problem, Section, Signature, walk
from gongwen.ooxml import FALLBACK_DATE
from gongwen.read import read_file, read_text
from gongwen.read.blocks import LinedBlock, notice_from_blocks
from gongwen.read.docx import read_docx_bytes
from gongwen.write import document_date, render_bytes
from tests.conftest import EXAMPLES, SEED
from tests.strategies import any_notices, notices

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


# ---------------------------------------------------------------------------------------------
# gongwen's own documents


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_rendered_reads_back_to_an_equal_model(path: Path) -> None:
    notice = load_notice(path)
    result = read_docx_bytes(render_bytes(notice), file=path.name)
    assert result.notice == notice
    assert result.findings == []


def test_statuses_and_publication_date_come_back_from_custom_properties() -> None:
    """The page shows neither; the renderer keeps them in docProps/custom.xml."""
    notice = load_notice(EXAMPLES / "full.yaml")
    statuses = [i.status for _, i in walk(notice.body) if isinstance(i, Problem)]
    assert len(set(statuses)) == 3  # 已完成, 正在推进, 长期坚持
    assert notice.signature is not None and notice.published is not None
    back = read_docx_bytes(render_bytes(notice)).notice
    assert [i.status for _, i in walk(back.body) if isinstance(i, Problem)] == statuses
    assert back.published == notice.published


def test_a_docx_without_gongwens_properties_still_reads() -> None:
    """A rendered notice whose custom properties were removed (another tool resaved it)
    reads back with no statuses and the date the document carries."""
    notice = load_notice(EXAMPLES / "full.yaml")
    data = render_bytes(notice)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    stripped = io.BytesIO()
    with zipfile.ZipFile(stripped, "w") as dst:
        for name, part in parts.items():
            if name != "docProps/custom.xml":
                dst.writestr(name, part)
    back = read_docx_bytes(stripped.getvalue()).notice
    assert all(i.status is None for _, i in walk(back.body) if isinstance(i, Problem))
    assert back.published is None  # dated by its signature, so no 发布日期 can be inferred


def test_lines_of_a_docx_are_paragraph_numbers() -> None:
    notice = load_notice(EXAMPLES / "erqi-xincun-2023.yaml")
    result = read_docx_bytes(render_bytes(notice))
    assert result.lines["title"] == 1
    assert result.lines["body[0].paragraph"] == 3  # title, a blank line, the introduction
    numbers = sorted(set(result.lines.values()))
    assert numbers[-1] <= len(compose(notice)) + 1


def test_an_undated_notice_reads_back_undated() -> None:
    """The renderer dates it by FALLBACK_DATE; the reader knows that date names no 发布日期."""
    notice = Notice(title="标题", body=["正文。"])
    assert document_date(notice) == FALLBACK_DATE
    assert read_docx_bytes(render_bytes(notice)).notice.published is None


def _blocks(notice: Notice) -> list[LinedBlock]:
    out = paragraphs(compose(notice))
    return [LinedBlock(block, n) for n, block in enumerate(out, start=1)]


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(notices())
def test_blocks_of_any_notice_read_back_to_it(notice: Notice) -> None:
    result = notice_from_blocks(_blocks(notice), source="<blocks>", created=notice.published)
    assert result.notice == notice


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(any_notices())
def test_any_notice_rendered_to_docx_reads_back_to_it(notice: Notice) -> None:
    assert read_docx_bytes(render_bytes(notice)).notice == notice


# ---------------------------------------------------------------------------------------------
# Documents typed by hand in Word


def _save(document: Any) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _hand_made_with_styles() -> bytes:
    document = docx.Document()
    document.add_paragraph("关于巡察整改进展情况的通报", style="Title")
    document.add_paragraph("各社区党组织：")
    document.add_paragraph("根据区委统一部署，现将整改情况通报如下。")
    document.add_heading("一、强化政治站位", level=1)
    document.add_paragraph("始终把巡察整改工作作为一项重大政治任务。")
    document.add_heading("二、逐条逐项落实整改", level=1)
    document.add_heading("（一）组织建设方面", level=2)
    document.add_paragraph("问题1：理论学习质量不高。学习与实践结合不够。")
    document.add_paragraph("整改情况：")
    document.add_paragraph("一是完善年度学习计划。")
    document.add_paragraph("二是开展讲党课活动。")
    document.add_heading("作风建设方面", level=2)  # ordinal not typed: the style gives the level
    document.add_paragraph("问题2：作风不够扎实。")
    document.add_paragraph("整改情况：")
    document.add_paragraph("加强教育培训。")
    document.add_paragraph(
        "联系方式：电话：82746503；邮政信箱：济南市英雄山路77号；电子邮箱：a@jn.gov.cn。"
    )
    document.add_paragraph("")
    document.add_paragraph("二七新村街道社区综合党委")
    document.add_paragraph("2023年3月14日")
    return _save(document)


def test_a_hand_made_docx_with_heading_styles_reads_into_the_model() -> None:
    result = read_docx_bytes(_hand_made_with_styles(), file="hand.docx")
    notice = result.notice
    assert notice.title == "关于巡察整改进展情况的通报"
    assert notice.addressees == ["各社区党组织"]
    sections = [(d, i.heading) for d, i in walk(notice.body) if isinstance(i, Section)]
    assert sections == [
        (0, "强化政治站位"),
        (0, "逐条逐项落实整改"),
        (1, "组织建设方面"),
        (1, "作风建设方面"),
    ]
    problems = [i for _, i in walk(notice.body) if isinstance(i, Problem)]
    assert [(p.statement, p.measures) for p in problems] == [
        ("理论学习质量不高。", ["完善年度学习计划。", "开展讲党课活动。"]),
        ("作风不够扎实。", ["加强教育培训。"]),
    ]
    assert notice.contact is not None and notice.contact.phones == ["82746503"]
    assert notice.signature is not None and notice.signature.organs == ["二七新村街道社区综合党委"]
    assert not [f for f in result.findings if f.level != Level.INFO]
    assert result.lines["title"] == 1


def test_a_hand_made_docx_with_direct_formatting_reads_like_its_text() -> None:
    lines = [
        "关于开展卫生整治的通知",
        "",
        "各社区居民委员会：",
        "为改善人居环境，街道决定开展集中整治。",
        "一、整治范围",
        "辖区内各小区的公共区域。",
        "二、工作要求",
        "（一）明确责任",
        "各社区明确专人负责。",
    ]
    document = docx.Document()
    for line in lines:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        if line.startswith(("一、", "二、", "（一）")):
            run.bold = True
            run.font.size = Pt(16)
    from_docx = read_docx_bytes(_save(document)).notice
    assert from_docx == read_text("\n".join(lines)).notice
    assert len([i for _, i in walk(from_docx.body) if isinstance(i, Section)]) == 3


def test_the_seed_typed_into_word_reads_as_the_text_does() -> None:
    text_result = read_file(SEED)
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    docx_result = read_docx_bytes(_save(document))
    assert docx_result.notice == text_result.notice
    assert [(f.code, f.location.line) for f in docx_result.findings] == [
        (f.code, f.location.line) for f in text_result.findings
    ]  # one paragraph a line, so paragraph numbers are line numbers


def test_tables_are_read_in_order_and_images_reported() -> None:
    document = docx.Document()
    document.add_paragraph("关于开展卫生整治的通知")
    document.add_paragraph("")
    document.add_paragraph("请各社区按下表分工落实。")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "东区负责主干道清扫。"
    with_image = document.add_paragraph("图为整治现场。")
    etree.SubElement(with_image.add_run()._r, docx.oxml.ns.qn("w:drawing"))
    result = read_docx_bytes(_save(document))
    texts = [i.text for _, i in walk(result.notice.body) if isinstance(i, Paragraph)]
    assert texts == ["请各社区按下表分工落实。", "东区负责主干道清扫。", "图为整治现场。"]
    assert [(f.code, f.location.line) for f in result.findings if f.code == "RD061"] == [
        ("RD061", 5)
    ]  # title, blank, paragraph, the table's cell, the paragraph with the image


def test_sealed_documents_read_back_their_signature_and_report_the_images(tmp_path: Path) -> None:
    from tests.write.seal_images import write_ring

    ring = write_ring(tmp_path / "ring.png")
    organs = ["青山县财政局", "青山县审计局", "青山县卫生健康局"]
    joint = load_notice(EXAMPLES / "minimal.yaml").model_copy(
        update={
            "signature": Signature(
                organs=organs, date=date(2024, 4, 22), seals=[{"image": ring}] * 3
            )
        }
    )
    result = read_docx_bytes(render_bytes(joint))
    assert result.notice.signature is not None
    assert result.notice.signature.organs == organs
    assert result.notice.signature.seals == []  # the images stay in the .docx …
    assert [f.code for f in result.findings] == ["RD061"]  # … and the reader says so
    order = load_notice(EXAMPLES / "order.yaml")
    assert order.signature is not None
    signed = Notice.model_validate(
        {
            **order.model_dump(),
            "signature": {**order.signature.model_dump(), "seals": [{"image": ring}]},
        }
    )
    back = read_docx_bytes(render_bytes(signed)).notice
    assert back.signature is not None
    assert (back.signature.signer_title, back.signature.signer_name) == ("县长", "李国强")
