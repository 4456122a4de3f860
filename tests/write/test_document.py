"""python-docx both ways: the rendered notice as a Document to keep editing, and back."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from openxml_audit import OpenXmlValidator

from gongwen import InputError, Notice, load_notice, render_bytes, to_document
from gongwen.read import read_docx, read_file
from gongwen.read.docx import paragraph_texts
from tests.conftest import EXAMPLES
from tests.strategies import any_notices

CANONICAL = EXAMPLES / "erqi-xincun-2023.yaml"


def test_a_python_docx_user_adds_a_table_and_a_paragraph_and_saves(tmp_path: Path) -> None:
    notice = load_notice(CANONICAL)
    document = to_document(notice)
    document.add_paragraph("附：整改台账（补充）")
    table = document.add_table(rows=2, cols=3)
    table.style = None
    rows = [("序号", "问题", "状态"), ("1", "学习不够", "已完成")]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("（此页无正文）").runs[0].font.size = Pt(16)
    out = tmp_path / "edited.docx"
    document.save(str(out))
    result = OpenXmlValidator().validate(str(out))
    assert result.is_valid, [str(e) for e in result.errors]
    texts = paragraph_texts(out.read_bytes())
    assert "附：整改台账（补充）" in texts and "学习不够" in texts
    back = read_docx(out).notice
    assert (back.title, back.addressees) == (notice.title, notice.addressees)
    assert back.body[: len(notice.body) - 1] == notice.body[:-1]


def test_the_document_is_the_fast_writers_own_xml() -> None:
    notice = load_notice(CANONICAL)
    fast = docx.Document(io.BytesIO(render_bytes(notice)))
    ours = to_document(notice)
    assert [(p.style.name, p.text) for p in ours.paragraphs] == [
        (p.style.name, p.text) for p in fast.paragraphs
    ]
    assert ours.sections[0].page_width == fast.sections[0].page_width


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_notices())
def test_a_document_read_back_without_edits_is_the_notice(notice: Notice) -> None:
    document = to_document(notice)
    assert read_docx(document).notice == notice
    assert read_file(document).notice == notice


def test_a_template_document_and_a_template_path_give_the_same_notice(tmp_path: Path) -> None:
    template = to_document(EXAMPLES / "minimal.yaml")  # any .docx with gongwen's styles
    path = tmp_path / "template.docx"
    template.save(str(path))
    from_path = read_docx(to_document(CANONICAL, template=path)).notice
    from_document = read_docx(to_document(CANONICAL, template=template)).notice
    assert from_path == from_document == load_notice(CANONICAL)


def test_what_is_not_a_document_is_refused_plainly() -> None:
    with pytest.raises(InputError) as info:
        read_file(3.5)  # type: ignore[arg-type]
    assert info.value.findings[0].code == "RD106"
