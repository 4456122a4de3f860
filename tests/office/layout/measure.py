"""Reading a rendered PDF as a reader of the printed notice would: lines, glyph boxes, rules.

Every length is in millimetres from the paper's top-left corner. PyMuPDF's character boxes
span the font's ascender to its descender; for the CJK faces used here that is exactly one
em (a 16 pt 三号 character gives a 5.64 mm box), i.e. the 字 cell the standard measures.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

MM_PER_PT = 25.4 / 72
PT_PER_INCH_F = 72.0

# The type area (版心) of cl. 5.2.1, in mm from the paper's edges.
TYPE_AREA_TOP = 37.0  # 天头 37 mm
TYPE_AREA_LEFT = 28.0  # 订口 28 mm
TYPE_AREA_WIDTH = 156.0
TYPE_AREA_HEIGHT = 225.0
TYPE_AREA_RIGHT = TYPE_AREA_LEFT + TYPE_AREA_WIDTH  # 28 + 156 = 184 mm
TYPE_AREA_BOTTOM = TYPE_AREA_TOP + TYPE_AREA_HEIGHT  # 37 + 225 = 262 mm
CHAR = TYPE_AREA_WIDTH / 28  # one 字 of the 28-character grid: 156 / 28 = 5.571 mm


def is_wide(c: str) -> bool:
    """A CJK character or full-width punctuation: one 字 wide."""
    return unicodedata.east_asian_width(c) in "WF"


@dataclass(frozen=True)
class Char:
    c: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    font: str
    size: float


@dataclass
class Line:
    """Characters sharing a baseline, left to right."""

    chars: list[Char] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c.c for c in self.chars)

    @property
    def left(self) -> float:
        return min(c.x0 for c in self.chars)

    @property
    def right(self) -> float:
        return max(c.x1 for c in self.chars if not c.c.isspace())

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def baseline(self) -> float:
        return self.chars[0].baseline

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @property
    def fonts(self) -> set[str]:
        """Fonts of the CJK characters (Latin digits are in Times New Roman's look-alike)."""
        return {c.font for c in self.chars if is_wide(c.c)}

    @property
    def wide_count(self) -> int:
        return sum(1 for c in self.chars if is_wide(c.c))

    @property
    def all_wide(self) -> bool:
        return all(is_wide(c.c) for c in self.chars)


@dataclass
class Rule:
    """A horizontal line drawn on the page."""

    y: float
    x0: float
    x1: float
    width: float  # stroke width, mm
    color: tuple[float, ...]


@dataclass
class Page:
    number: int  # from 1
    width: float
    height: float
    lines: list[Line]
    rules: list[Rule]
    dash_ink: list[tuple[float, float]] = field(default_factory=list)
    """(top, bottom) of the ink of each 一字线 below the type area (the page number's dashes)."""

    @property
    def body_lines(self) -> list[Line]:
        """Lines inside the type area (the page number is below it)."""
        return [line for line in self.lines if line.top < TYPE_AREA_BOTTOM]

    @property
    def footer_lines(self) -> list[Line]:
        return [line for line in self.lines if line.top >= TYPE_AREA_BOTTOM]


def _mm(value: float) -> float:
    return value * MM_PER_PT


INK_DPI = 1200
"""Resolution at which a glyph is rasterised to find its ink: 0.02 mm a pixel."""


def ink_extent(page: Any, bbox: tuple[float, float, float, float]) -> tuple[float, float] | None:
    """(top, bottom) in mm of the dark pixels inside ``bbox`` (PDF points): where a glyph's
    ink is, as opposed to its em box. ``None`` when the box holds no ink."""
    import pymupdf

    rect = pymupdf.Rect(bbox)
    pix = page.get_pixmap(clip=rect, dpi=INK_DPI, colorspace=pymupdf.csGRAY)
    samples, width = pix.samples, pix.width
    rows = [
        y for y in range(pix.height) if min(samples[y * width : (y + 1) * width], default=255) < 128
    ]
    if not rows:
        return None
    scale = PT_PER_INCH_F / INK_DPI
    return _mm(rect.y0 + rows[0] * scale), _mm(rect.y0 + (rows[-1] + 1) * scale)


def read_page(page: Any) -> Page:
    """A PyMuPDF page as lines of characters and horizontal rules, in mm."""
    chars: list[Char] = []
    dash_ink: list[tuple[float, float]] = []
    for block in page.get_text("rawdict")["blocks"]:
        if block["type"] != 0:
            continue
        for line in block["lines"]:
            for span in line["spans"]:
                for c in span["chars"]:
                    x0, y0, x1, y1 = c["bbox"]
                    if c["c"] == "\N{EM DASH}" and _mm(y0) >= TYPE_AREA_BOTTOM:
                        ink = ink_extent(page, c["bbox"])
                        if ink is not None:
                            dash_ink.append(ink)
                    chars.append(
                        Char(
                            c["c"],
                            _mm(x0),
                            _mm(y0),
                            _mm(x1),
                            _mm(y1),
                            _mm(c["origin"][1]),
                            span["font"],
                            span["size"],
                        )
                    )
    lines: list[Line] = []
    for char in sorted(chars, key=lambda c: (round(c.baseline, 1), c.x0)):
        if lines and abs(lines[-1].baseline - char.baseline) < 0.3:
            lines[-1].chars.append(char)
        else:
            lines.append(Line([char]))
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
    rules = []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] == "l" and abs(item[1].y - item[2].y) < 0.1:
                rules.append(
                    Rule(
                        _mm(item[1].y),
                        _mm(min(item[1].x, item[2].x)),
                        _mm(max(item[1].x, item[2].x)),
                        _mm(drawing.get("width") or 0.0),
                        tuple(drawing.get("color") or ()),
                    )
                )
            elif item[0] == "re" and item[1].height < 2:
                rect = item[1]
                rules.append(
                    Rule(
                        _mm((rect.y0 + rect.y1) / 2),
                        _mm(rect.x0),
                        _mm(rect.x1),
                        _mm(rect.height),
                        tuple(drawing.get("fill") or drawing.get("color") or ()),
                    )
                )
    rules.sort(key=lambda r: r.y)
    rect = page.rect
    return Page(page.number + 1, _mm(rect.width), _mm(rect.height), lines, rules, dash_ink)


def read_pdf(document: Any) -> list[Page]:
    return [read_page(page) for page in document]
