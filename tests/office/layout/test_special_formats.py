"""The special formats of GB/T 9704 cl. 10 and electronic seals, measured on LibreOffice's PDF.

In millimetres from the paper's top-left corner, the arithmetic beside each figure, as in
test_geometry.py. The seals are placeholder rings drawn by the test (gongwen ships no seal).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest

from gongwen import load_notice
from gongwen.model import Notice
from gongwen.office.convert import convert_many
from gongwen.write import render_bytes
from tests.conftest import EXAMPLES
from tests.office.layout.conftest import _require_libreoffice
from tests.office.layout.measure import (
    CHAR,
    MM_PER_PT,
    TYPE_AREA_BOTTOM,
    TYPE_AREA_LEFT,
    TYPE_AREA_RIGHT,
    TYPE_AREA_TOP,
    Line,
    Page,
    read_pdf,
)
from tests.write.seal_images import write_ring

pytestmark = pytest.mark.layout

PITCH = 588 / 20 * MM_PER_PT  # the grid line: 588 twips = 10.372 mm
RED = (1.0, 0.0, 0.0)
SIXTEEN_PT_SEVEN_EIGHTHS = 14 * MM_PER_PT  # 3号 (16 pt) x 7/8 = 14 pt = 4.94 mm (cl. 10.1)
BODY = ["根据工作安排，现就有关事项通知如下。" * 3, "请各单位认真抓好落实，按时报送有关情况。" * 3]
THREE = ["青山县财政局", "青山县审计局", "青山县卫生健康局"]


@dataclass
class Box:
    top: float
    bottom: float
    left: float
    right: float

    @property
    def centre_x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def centre_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Measured:
    notice: Notice
    pages: list[Page]
    images: list[list[Box]]  # per page


def _sealed(ring: Path, organs: list[str]) -> Notice:
    return Notice(
        title="关于联合开展专项检查的通知",
        body=BODY,
        signature={
            "organs": organs,
            "date": "2024-04-22",
            "seals": [{"image": str(ring)}] * len(organs),
        },
    )


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Measured]]:
    """The three format examples and three sealed notices, in one LibreOffice call."""
    _require_libreoffice()
    work = tmp_path_factory.mktemp("special")
    ring = write_ring(work / "ring.png")
    signer = write_ring(work / "signer.png", 240, 120)  # a 签名章 wider than it is tall
    order = load_notice(EXAMPLES / "order.yaml")
    assert order.signature is not None
    notices = {
        "letter": load_notice(EXAMPLES / "letter.yaml"),
        "order": order,
        "minutes": load_notice(EXAMPLES / "minutes.yaml"),
        "seal-1": _sealed(ring, ["青山县人民政府办公室"]),
        "seal-3": _sealed(ring, THREE),
        "signer-seal": Notice.model_validate(
            {
                **order.model_dump(),
                "signature": {
                    **order.signature.model_dump(),
                    "seals": [{"image": signer, "width_mm": 30}],
                },
            }
        ),
    }
    sources = []
    for name, notice in notices.items():
        sources.append(work / f"{name}.docx")
        sources[-1].write_bytes(render_bytes(notice))
    out = {}
    for (name, notice), pdf in zip(notices.items(), convert_many(sources, work), strict=True):
        with pymupdf.open(str(pdf)) as document:
            images = [
                [
                    Box(
                        *(
                            v * MM_PER_PT
                            for v in (i["bbox"][1], i["bbox"][3], i["bbox"][0], i["bbox"][2])
                        )
                    )
                    for i in page.get_image_info()
                ]
                for page in document
            ]
            out[name] = Measured(notice, read_pdf(document), images)
    yield out


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def line_of(page: Page, text: str) -> Line:
    """The first line, top to bottom, that starts with ``text``."""
    return next(line for line in page.lines if squash(line.text).startswith(text))


# --- 信函格式 (cl. 10.1) --------------------------------------------------------------------


def test_letter_mark_30_mm_from_the_top_edge(measured: dict[str, Measured]) -> None:
    first = measured["letter"].pages[0]
    mark = line_of(first, "青山县人民政府办公室")  # the first such line: the 标志, in red
    assert mark.top == pytest.approx(30, abs=1)  # cl. 10.1 上边缘至上页边为30mm
    assert mark.size == pytest.approx(22, abs=0.1)


def test_letter_double_lines(measured: dict[str, Measured]) -> None:
    first = measured["letter"].pages[0]
    red = [r for r in first.rules if r.color == RED]
    assert len(red) == 4
    upper, lower = red[:2], red[2:]
    mark = line_of(first, "青山县人民政府办公室")
    # 4 mm below the 标志, thick over thin (上粗下细)
    assert upper[0].y - upper[0].width / 2 - mark.bottom == pytest.approx(4, abs=0.5)
    assert upper[0].width > upper[1].width
    # 20 mm above the paper's bottom edge (297 - 20 = 277), thin over thick (上细下粗)
    assert lower[0].y - lower[0].width / 2 == pytest.approx(277, abs=0.5)
    assert lower[0].width < lower[1].width
    for rule in red:  # 170 mm long, centred: (210 - 170) / 2 = 20 mm from each edge
        assert rule.x1 - rule.x0 == pytest.approx(170, abs=0.5)
        assert rule.x0 == pytest.approx(20, abs=0.5)


def test_letter_copy_number_left_and_document_number_right_under_the_line(
    measured: dict[str, Measured],
) -> None:
    first = measured["letter"].pages[0]
    thin = [r for r in first.rules if r.color == RED][1]
    copy_number = line_of(first, "000012")
    # 7/8 of a 三号 character below the upper double line (cl. 10.1)
    gap = copy_number.top - (thin.y + thin.width / 2)
    assert gap == pytest.approx(SIXTEEN_PT_SEVEN_EIGHTHS, abs=0.5)
    assert copy_number.left == pytest.approx(TYPE_AREA_LEFT, abs=0.5)  # 顶格居版心左边缘
    number = [c for c in copy_number.chars if c.c == "号"][-1]
    assert number.x1 == pytest.approx(TYPE_AREA_RIGHT, abs=1)  # 顶格居版心右边缘


def test_letter_has_no_page_number_on_page_one_only(measured: dict[str, Measured]) -> None:
    pages = measured["letter"].pages
    assert len(pages) >= 2
    assert pages[0].footer_lines == [] or all(  # the lower double line is no text
        not re.search(r"\d", line.text) for line in pages[0].footer_lines
    )
    assert squash(pages[1].footer_lines[0].text) == "—2—"


def test_letter_imprint_has_no_rules_and_no_printer(measured: dict[str, Measured]) -> None:
    last = measured["letter"].pages[-1]
    assert [r for r in last.rules if r.color != RED] == []
    texts = [squash(line.text) for line in last.lines]
    assert "抄送：县委巡察办。" in texts
    assert not any("印发" in t for page in measured["letter"].pages for t in
                   (squash(line.text) for line in page.lines))  # fmt: skip


# --- 命令（令）格式 (cl. 10.2) ----------------------------------------------------------------


def test_order_mark_number_and_body(measured: dict[str, Measured]) -> None:
    first = measured["order"].pages[0]
    mark = line_of(first, "青山县人民政府令")
    assert mark.top - TYPE_AREA_TOP == pytest.approx(20, abs=1)  # cl. 10.2: 20 mm
    number = line_of(first, "第7号")
    assert number.centre == pytest.approx((TYPE_AREA_LEFT + TYPE_AREA_RIGHT) / 2, abs=1)
    body = line_of(first, "《青山县巡察整改工作督办办法》")
    assert body.top - number.top == pytest.approx(3 * PITCH, abs=0.5)  # 令号下空二行
    assert [r for r in first.rules if r.color == RED] == []  # no red rule
    assert not any("青山县人民政府令第7号" in squash(line.text) for line in first.lines)


def test_order_signer_seal_form(measured: dict[str, Measured]) -> None:
    page = measured["order"].pages[0]
    signer = line_of(page, "县长")
    date = line_of(page, "2024年4月20日")
    # cl. 7.3.5.3: the 签名章 右空四字 (184 - 4 x 5.57 = 161.7), the date 右空四字 one line below
    assert signer.right == pytest.approx(TYPE_AREA_RIGHT - 4 * CHAR, abs=1)
    assert date.right == pytest.approx(TYPE_AREA_RIGHT - 4 * CHAR, abs=1)
    assert date.top - signer.top == pytest.approx(2 * PITCH, abs=0.5)
    body = line_of(page, "起施行。")
    assert signer.top - body.top == pytest.approx(3 * PITCH, abs=0.5)  # 正文下空二行


def test_signer_seal_image_stands_for_the_name(measured: dict[str, Measured]) -> None:
    page = measured["signer-seal"].pages[0]
    (seal,) = measured["signer-seal"].images[0]
    title = line_of(page, "县长")
    assert "李国强" not in squash(title.text)
    assert seal.right - seal.left == pytest.approx(30, abs=0.5)
    assert seal.right == pytest.approx(TYPE_AREA_RIGHT - 4 * CHAR, abs=1.5)  # 右空四字
    # 以签名章为准上下居中: the 职务's characters centred on the seal
    assert (title.top + title.bottom) / 2 == pytest.approx(seal.centre_y, abs=1)
    assert seal.left > next(c for c in title.chars if c.c == "长").x1 + 2 * CHAR - 1  # 左空二字


# --- 纪要格式 (cl. 10.3) --------------------------------------------------------------------


def test_minutes_mark_and_attendance(measured: dict[str, Measured]) -> None:
    pages = measured["minutes"].pages
    mark = line_of(pages[0], "青山县巡察工作领导小组会议纪要")
    assert mark.top - TYPE_AREA_TOP == pytest.approx(35, abs=1)  # cl. 10.3: 35 mm
    page = next(p for p in pages if any(squash(line.text).startswith("出席") for line in p.lines))
    lines = page.body_lines
    start = next(i for i, line in enumerate(lines) if squash(line.text).startswith("出席"))
    present, run_on = lines[start], lines[start + 1]
    assert present.left == pytest.approx(TYPE_AREA_LEFT + 2 * CHAR, abs=1)  # 左空二字
    assert run_on.left == pytest.approx(TYPE_AREA_LEFT + 5 * CHAR, abs=1)  # after the colon
    assert present.top - lines[start - 1].top == pytest.approx(2 * PITCH, abs=0.5)  # 空一行
    label = [c for c in present.chars if c.c in "出席"]
    names = [c for c in present.chars if c.c in "王立新"]
    assert all("Sans" in c.font for c in label)  # 黑体 look-alike
    assert all("Serif" in c.font for c in names)  # 仿宋 look-alike
    after = [squash(line.text)[:2] for line in lines[start:] if squash(line.text)[:2] in
             ("出席", "请假", "列席")]  # fmt: skip
    assert after == ["出席", "请假", "列席"]
    assert measured["minutes"].images == [[] for _ in pages]  # a 纪要 has no seal


# --- seals (cl. 7.3.5.1) --------------------------------------------------------------------


def _text_above(page: Page, top: float) -> Line:
    return [line for line in page.body_lines if line.bottom <= top + 0.01][-1]


@pytest.mark.parametrize("name", ["seal-1", "seal-3"])
def test_seals_over_signature_and_date(measured: dict[str, Measured], name: str) -> None:
    case = measured[name]
    (page_number,) = [i for i, images in enumerate(case.images) if images]
    page, seals = case.pages[page_number], case.images[page_number]
    assert case.notice.signature is not None
    organs = case.notice.signature.organs
    assert len(seals) == len(organs)
    date = line_of(page, "2024年4月22日")
    lines = [line_of(page, organ) for organ in organs] if len(organs) == 1 else []
    for seal in seals:
        assert seal.right - seal.left == pytest.approx(42, abs=0.5)
        assert seal.left >= TYPE_AREA_LEFT and seal.right <= TYPE_AREA_RIGHT  # inside the 版心
        above = _text_above(page, seal.top)
        assert 0 <= seal.top - above.bottom <= PITCH  # 顶端上距正文一行之内, covering none
    for left, right in itertools.pairwise(seals):
        assert right.left - left.right > 0.5  # 互不相交或相切
    last = seals[-1]
    assert last.centre_x == pytest.approx(date.centre, abs=1)  # the last over the date
    assert date.bottom <= last.bottom and date.top > last.centre_y  # date below the centre
    row = [c for c in page.lines if c.top > last.top and c.bottom < date.top]
    (organ_line,) = row
    assert organ_line.top >= last.centre_y - 0.5  # 署名 just below the centre
    for seal, organ in zip(seals, organs, strict=True):
        chars = [c for c in organ_line.chars if c.c in organ]
        centre = (min(c.x0 for c in chars) + max(c.x1 for c in chars)) / 2
        if len(organs) > 1:  # each seal over its own organ
            start = squash(organ_line.text).index(organ)
            span = organ_line.chars[start : start + len(organ)]
            centre = (span[0].x0 + span[-1].x1) / 2
        assert centre == pytest.approx(seal.centre_x, abs=1)
    assert lines == [] or lines[0].top == organ_line.top
    assert last.bottom < TYPE_AREA_BOTTOM
