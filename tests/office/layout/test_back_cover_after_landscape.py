"""Double-sided with a 横排 last attachment (cl. 7.4, 7.5, 8): the 版记 on an even portrait
page of its own after the turned pages, no page numbered without text, measured in the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from gongwen import load_notice
from gongwen.office.convert import convert_many
from gongwen.write import render_bytes
from tests.conftest import EXAMPLES
from tests.office.layout.conftest import _require_libreoffice

pytestmark = pytest.mark.layout


def test_back_cover_follows_the_turned_pages_without_an_empty_numbered_page(
    tmp_path: Path,
) -> None:
    _require_libreoffice()
    notice = load_notice(EXAMPLES / "full.yaml")
    assert notice.attachments[-1].orientation == "landscape"
    notice.presentation.sides = "double"
    source = tmp_path / "double.docx"
    source.write_bytes(render_bytes(notice))
    (pdf,) = convert_many([source], tmp_path)
    with pymupdf.open(str(pdf)) as document:
        pages = [(p.rect.width > p.rect.height, p.get_text()) for p in document]
    turned, last_text = pages[-1]
    assert len(pages) % 2 == 0 and not turned  # an even, portrait last page (封四)
    assert "印发" in last_text and not re.search(r"—\s*\d+\s*—", last_text)  # no number
    for number, (_, text) in enumerate(pages[:-1], start=1):
        numbered = re.search(r"—\s*\d+\s*—", text)
        rest = re.sub(r"—\s*\d+\s*—", "", text).strip()
        assert not numbered or rest, f"page {number} holds only its page number"
        assert numbered or not rest, f"page {number} holds text but no page number"
