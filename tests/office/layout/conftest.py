"""Layout tests: render the examples through LibreOffice once, measure the PDFs.

Without LibreOffice these tests are skipped, unless GONGWEN_REQUIRE_LIBREOFFICE=1 (CI), which
turns the skip into a failure so a missing LibreOffice can never pass silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest

from gongwen import load_notice
from gongwen.compose import Block, Element, compose, paragraphs
from gongwen.model import Notice
from gongwen.office.convert import ToolMissing, convert_many, find_soffice
from gongwen.write import render_bytes
from tests.conftest import EXAMPLES

from .measure import Page, read_pdf

MEASURED = ("erqi-xincun-2023", "full", "long")
"""The canonical example, the one using every element, and a notice of more than five pages."""

SKIP_REASON = "LibreOffice not installed: apt-get install libreoffice-writer-nogui"


@dataclass
class Rendered:
    """One example: its model, its blocks and its measured pages."""

    name: str
    notice: Notice
    elements: list[Element]
    pages: list[Page]

    @property
    def blocks(self) -> list[Block]:
        return paragraphs(self.elements)


def _require_libreoffice() -> None:
    try:
        find_soffice()
    except ToolMissing:
        if os.environ.get("GONGWEN_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(SKIP_REASON + " (GONGWEN_REQUIRE_LIBREOFFICE=1)", pytrace=False)
        pytest.skip(SKIP_REASON)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Rendered]]:
    """Every measured example rendered to PDF in one LibreOffice call."""
    _require_libreoffice()
    work = tmp_path_factory.mktemp("layout")
    notices = {name: load_notice(EXAMPLES / f"{name}.yaml") for name in MEASURED}
    sources = []
    for name, notice in notices.items():
        path = work / f"{name}.docx"
        path.write_bytes(render_bytes(notice))
        sources.append(path)
    pdfs = convert_many(sources, work)
    out = {}
    documents = []
    for name, pdf in zip(MEASURED, pdfs, strict=True):
        document = pymupdf.open(str(pdf))
        documents.append(document)
        notice = notices[name]
        out[name] = Rendered(name, notice, compose(notice), read_pdf(document))
    yield out
    for document in documents:
        document.close()


@pytest.fixture(params=MEASURED)
def example(request: pytest.FixtureRequest, rendered: dict[str, Rendered]) -> Rendered:
    """Each measured example in turn."""
    return rendered[request.param]


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    return tmp_path
