"""Tables measured in the PDF: header rows repeated on every page, rows never split, cells
single-spaced, tables as wide as the 版心, and the 横排 page of cl. 8 with its page number
where the portrait pages have it.

The long ledger is generated (random lengths from a fixed seed), so page breaks fall in the
middle of rows that LibreOffice would split if it were allowed to.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass
from typing import Any

import pymupdf
import pytest

from gongwen import load_notice
from gongwen.model import Notice
from gongwen.office.convert import convert_many
from gongwen.write import render_bytes
from tests.conftest import EXAMPLES
from tests.office.layout.conftest import _require_libreoffice

from .measure import CHAR, MM_PER_PT, TYPE_AREA_LEFT, TYPE_AREA_RIGHT, TYPE_AREA_WIDTH

pytestmark = pytest.mark.layout

ROWS = 30
HAN = "党建整改落实社区服务群众制度学习组织生活网格物业治理监督责任推进完善规范"

# The 横排 page (cl. 8), in mm on the turned page as the PDF shows it (297 x 210): its margins
# are the portrait page's on the same edges of the paper.
TURNED_TOP = 28.0  # the 订口 side
TURNED_LEFT = 35.0  # the portrait page's foot
TURNED_WIDTH = 225.0  # the 版心's height


def _phrase(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(HAN) for _ in range(rng.randint(low, high)))


def ledger_notice(seed: int = 9704) -> Notice:
    """A notice of ROWS problems whose ledger runs over several pages, portrait in the body
    and 横排 in an attachment. Every row fits on a page (a row taller than a page must
    split, in Word as in LibreOffice)."""
    rng = random.Random(seed)
    problems = [
        {
            "problem": {
                "statement": f"问题甲{n}{_phrase(rng, 4, 40)}。",
                "measures": [f"措施乙{n}{_phrase(rng, 6, 30)}。" for _ in range(rng.randint(1, 2))],
                "status": rng.choice(["已完成", "正在推进", "长期坚持"]),
                "responsible": _phrase(rng, 3, 8),
                "deadline": f"2023年{rng.randint(1, 12)}月底前",
            }
        }
        for n in range(1, ROWS + 1)
    ]
    ledger = {"table": {"title": "整改台账", "from_problems": True, "note": "截至6月底。"}}
    return Notice.model_validate(
        {
            "title": "关于巡察整改情况的通报",
            "body": ["现将整改情况通报如下。", *problems, ledger],
            "attachments": [
                {
                    "title": "整改台账",
                    "orientation": "landscape",
                    "body": [{"table": ledger["table"]}],
                }
            ],
        }
    )


@dataclass(frozen=True)
class TextLine:
    """A line of text as PyMuPDF groups it, in mm, with its writing direction."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    turned: bool  # written top to bottom (a quarter turn clockwise)
    size: float  # pt


@dataclass(frozen=True)
class PdfPage:
    number: int
    landscape: bool
    lines: list[TextLine]
    horizontal_rules: list[tuple[float, float, float]]  # (y, x0, x1)


def _read(pdf: Any) -> list[PdfPage]:
    pages = []
    with pymupdf.open(str(pdf)) as document:
        for page in document:
            lines = []
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = "".join(span["text"] for span in line["spans"])
                    x0, y0, x1, y1 = (v * MM_PER_PT for v in line["bbox"])
                    turned = line["dir"][1] > 0.9
                    size = max(span["size"] for span in line["spans"])
                    lines.append(TextLine(text, x0, y0, x1, y1, turned, size))
            rules = []
            for drawing in page.get_drawings():
                for item in drawing["items"]:
                    if item[0] == "l" and abs(item[1].y - item[2].y) < 0.1:
                        a, b = sorted((item[1].x, item[2].x))
                        rules.append((item[1].y * MM_PER_PT, a * MM_PER_PT, b * MM_PER_PT))
                    elif item[0] == "re" and item[1].height < 1:
                        r = item[1]
                        rules.append((r.y0 * MM_PER_PT, r.x0 * MM_PER_PT, r.x1 * MM_PER_PT))
            landscape = page.rect.width > page.rect.height
            pages.append(PdfPage(page.number + 1, landscape, lines, rules))
    return pages


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[PdfPage]]:
    """The generated ledger notice and examples/full.yaml, in one LibreOffice call."""
    _require_libreoffice()
    work = tmp_path_factory.mktemp("tables")
    sources = []
    for name, notice in (
        ("ledger", ledger_notice()),
        ("full", load_notice(EXAMPLES / "full.yaml")),
    ):
        source = work / f"{name}.docx"
        source.write_bytes(render_bytes(notice))
        sources.append(source)
    ledger, full = convert_many(sources, work)
    return {"ledger": _read(ledger), "full": _read(full)}


@pytest.fixture(scope="module")
def ledger_pages(converted: dict[str, list[PdfPage]]) -> list[PdfPage]:
    return converted["ledger"]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _table_pages(pages: list[PdfPage], landscape: bool) -> list[PdfPage]:
    """The pages the ledger runs over, in the body (portrait) or the attachment (横排): those
    with 14 pt cell text of a row (the body's problems are 16 pt)."""
    return [
        p
        for p in pages
        if p.landscape == landscape
        and any(re.search(r"问题甲\d", line.text) and line.size < 15 for line in p.lines)
    ]


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "turned"])
def test_header_row_is_repeated_at_the_top_of_every_page(
    ledger_pages: list[PdfPage], landscape: bool
) -> None:
    pages = _table_pages(ledger_pages, landscape)
    assert len(pages) >= 3, "the ledger should run over several pages"
    for page in pages[1:]:
        upright = [line for line in page.lines if not line.turned and line.y0 < 262]
        first = min(upright, key=lambda line: line.y0)
        top = TURNED_TOP if landscape else 37.0
        heads = [line for line in upright if abs(line.y0 - first.y0) < 1]
        texts = {_squash(line.text) for line in heads}
        assert "序号" in texts and "完成情况" in texts, (page.number, texts)
        assert first.y0 == pytest.approx(top, abs=3), page.number  # at the 版心's top


def _serials(page: PdfPage, left: float) -> list[TextLine]:
    """The 序号 cells' lines: 14 pt digits in the first column."""
    return [
        line
        for line in page.lines
        if not line.turned
        and line.size < 15
        and _squash(line.text).isdigit()
        and line.x0 < left + 15
    ]


def _row_borders(page: PdfPage, left: float, width: float) -> list[float]:
    """The y of each horizontal rule across the whole table, top to bottom."""
    ys = sorted(y for y, x0, x1 in page.horizontal_rules if x1 - x0 > 0.9 * width)
    merged: list[float] = []
    for y in ys:
        if not merged or y - merged[-1] > 0.5:
            merged.append(y)
    return merged


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "turned"])
def test_no_row_is_split_across_pages(ledger_pages: list[PdfPage], landscape: bool) -> None:
    pages = _table_pages(ledger_pages, landscape)
    left, width = (TURNED_LEFT, TURNED_WIDTH) if landscape else (TYPE_AREA_LEFT, TYPE_AREA_WIDTH)
    serials = [int(_squash(s.text)) for p in pages for s in _serials(p, left)]
    assert serials == list(range(1, ROWS + 1))  # every row once, in order
    for page in pages:
        borders = _row_borders(page, left, width)
        numbers = _serials(page, left)
        # Between two rules lies one row, or the header: a row split over two pages would
        # leave a part without its 序号 (centred in the row) on one of them.
        for top, bottom in itertools.pairwise(borders):
            inside = [s for s in numbers if top < s.y0 < bottom]
            texts = {_squash(line.text) for line in page.lines if top < line.y0 < bottom}
            if "序号" in texts:
                continue  # the header row
            assert len(inside) == 1, (page.number, top, bottom, texts)


def test_cell_lines_are_single_spaced_not_on_the_body_grid(ledger_pages: list[PdfPage]) -> None:
    page = _table_pages(ledger_pages, landscape=False)[1]
    tops = sorted({round(line.y0, 1) for line in page.lines if not line.turned})
    gaps = [b - a for a, b in itertools.pairwise(tops) if b - a > 1]
    # 14 pt single-spaced lines are about 6-7 mm apart; the body grid line is 10.37 mm.
    assert gaps and min(gaps) < 8.0


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "turned"])
def test_tables_are_as_wide_as_the_type_area(ledger_pages: list[PdfPage], landscape: bool) -> None:
    page = _table_pages(ledger_pages, landscape)[1]
    left, width = (TURNED_LEFT, TURNED_WIDTH) if landscape else (TYPE_AREA_LEFT, TYPE_AREA_WIDTH)
    widest = max(page.horizontal_rules, key=lambda r: r[2] - r[1])
    assert widest[1] == pytest.approx(left, abs=1)
    assert widest[2] - widest[1] == pytest.approx(width, abs=1)


def _turned_page_number(page: PdfPage) -> TextLine:
    (number,) = [line for line in page.lines if line.turned and "—" in line.text]
    return number


def _check_turned_numbers(pages: list[PdfPage]) -> int:
    checked = 0
    for page in pages:
        if not page.landscape:
            continue
        number = _turned_page_number(page)
        assert _squash(number.text) == f"—{page.number}—"  # continuous numbering
        # cl. 8: where the portrait pages have it. Turned back, the number's top is 7 mm below
        # the 版心 (cl. 7.5), 28 mm from the paper's edge: here the right edge of its line.
        assert number.x1 == pytest.approx(28, abs=1), page.number
        assert number.x0 > 20, page.number  # in the margin, outside the 版心 (35 mm)
        if page.number % 2:
            # odd: 右空一字 on the portrait page, 184 - 5.57 = 178.4 mm from the 订口 edge
            assert number.y1 == pytest.approx(TYPE_AREA_RIGHT - CHAR, abs=1), page.number
        else:
            # even: 左空一字, 28 + 5.57 = 33.6 mm
            assert number.y0 == pytest.approx(TYPE_AREA_LEFT + CHAR, abs=1), page.number
        # the table's head on the 订口 side (odd) / 切口 side (even): the turned page's top
        head = min((line for line in page.lines if not line.turned), key=lambda t: t.y0)
        assert head.y0 == pytest.approx(TURNED_TOP, abs=3), page.number
        checked += 1
    return checked


def test_turned_pages_keep_the_page_number_where_portrait_pages_have_it(
    ledger_pages: list[PdfPage],
) -> None:
    turned = [p for p in ledger_pages if p.landscape]
    assert {p.number % 2 for p in turned} == {0, 1}, "odd and even 横排 pages both measured"
    assert _check_turned_numbers(ledger_pages) == len(turned)
    # portrait pages after the 横排 section keep their own numbers, continuing
    portrait = [p for p in ledger_pages if not p.landscape]
    for page in portrait:
        (number,) = [line for line in page.lines if "—" in line.text and line.y0 > 262]
        assert _squash(number.text) == f"—{page.number}—"


def test_full_example_carries_its_ledger_on_a_turned_page(
    converted: dict[str, list[PdfPage]],
) -> None:
    pages = converted["full"]
    turned = [p for p in pages if p.landscape]
    assert turned, "the 整改台账 attachment is 横排"
    texts = {_squash(line.text) for page in turned for line in page.lines}
    assert {"序号", "问题", "整改措施", "责任单位", "整改时限", "完成情况"} <= texts
    for problem in ("发展党员程序", "老旧小区物业"):  # each statement's start, in its row
        assert any(t.startswith(problem) for t in texts), problem
    assert "注：完成情况截至2023年6月15日。" in texts
    assert _check_turned_numbers(pages) == len(turned)
    portrait = [p for p in pages if not p.landscape]
    assert portrait[-1].number == len(pages)  # the 版记 page after it, numbering continued
