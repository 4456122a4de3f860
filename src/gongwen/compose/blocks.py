"""The blocks a notice is composed into: paragraphs (:class:`Block`, a style role and runs) and
the few things set otherwise — the joint 发文机关标志, tables, the 版记, section breaks — with
the widths of text (in 字) that place them.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from pathlib import Path

from gongwen import layout
from gongwen.layout import StyleRole
from gongwen.titles import break_title
from gongwen.widths import is_wide, text_width_chars


@dataclass(frozen=True)
class Run:
    """A stretch of text in one character style (``None``: the paragraph's own).

    ``\\n`` in the text is a line break, ``\\t`` a tab.
    """

    text: str
    style: StyleRole | None = None


@dataclass(frozen=True)
class Frame:
    """A paragraph set at a fixed place on page 1, outside the text flow (``w:framePr``): the
    信函's 标志 and red double lines, which cl. 10.1 places from the paper's edges."""

    top_twips: int
    """The top of the frame, from the paper's top edge."""
    width_twips: int
    """Its width, centred on the paper."""


@dataclass(frozen=True)
class Rule:
    """A border drawn on one side of a paragraph: the 信函's red double lines (cl. 10.1)."""

    side: str
    """``top`` or ``bottom``."""
    style: str
    """A ``w:ST_Border`` value, e.g. ``thickThinSmallGap`` (thick over thin)."""
    eighths: int
    """Width of the whole rule in eighths of a point."""
    color: str = layout.RED_COLOR_HEX


@dataclass(frozen=True)
class SealPicture:
    """A seal image anchored to a paragraph, over the 署名 and 成文日期 (cl. 7.3.5.1) or where the
    签发人签名章 goes (cl. 7.3.5.3)."""

    image: Path
    width_twips: int
    """Its printed width; the height follows the image's proportions."""
    centre_x_twips: int
    """Its centre, from the type area's left edge."""
    centre_y_twips: int
    """Its centre, below the top of the paragraph's line."""
    room_above_twips: int
    """The blank lines left above the paragraph: its top must not reach higher."""


@dataclass(frozen=True)
class Block:
    """One paragraph of the rendered notice."""

    role: StyleRole
    runs: tuple[Run, ...] = ()
    page_break_before: bool = False
    right_indent_chars: float | None = None
    """Overrides the style's right indent: places the 署名 over the 成文日期."""
    space_before_twips: int | None = None
    """Space above the paragraph: puts the 发文机关标志 35 mm below the type area's top."""
    tab_stops_twips: tuple[int, ...] = ()
    """Left tab stops, in twips from the text column's left edge: place the 签发人."""
    path: str = ""
    """The model field this block renders, e.g. ``body[1].section.heading``."""
    justification: str | None = None
    """Overrides the style's alignment (``left``, ``right``, ``center``): a table cell's
    ``center`` or ``right``, the 信函's 发文字号."""
    right_tab_twips: int | None = None
    """A right tab stop: the 信函's 发文字号 at the right edge, on the 份号's line (cl. 10.1)."""
    center_tabs_twips: tuple[int, ...] = ()
    """Centre tab stops: a joint issue's sealed 署名 set in one row, each under its seal."""
    frame: Frame | None = None
    rule: Rule | None = None
    seals: tuple[SealPicture, ...] = ()
    keep_with_next: bool = False
    """On the same page as the next paragraph: keeps the signature block with its text."""

    @property
    def text(self) -> str:
        """The paragraph's text, runs joined."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ImprintBlock:
    """The 版记 (cl. 7.4): rows between rules, anchored to the foot of the last page."""

    rows: tuple[Block, ...]
    ruled: bool = True
    """False for a 信函, whose 版记 has no rules (cl. 10.1)."""


@dataclass(frozen=True)
class JointIssuerMark:
    """A joint issue's 发文机关标志 with 文件 (cl. 7.2.4): the organs stacked in issuing order,
    文件 to their right, centred vertically on them.

    Rendered as a borderless two-column table: names justified to one width on the left, the
    suffix beside them.
    """

    organs: tuple[str, ...]
    suffix: str
    space_before_twips: int
    """Above the first name, as for a one-line 标志 (:func:`issuer_mark_space_before_twips`)."""
    path: str = "header.issuer_mark"

    @property
    def names_width_twips(self) -> int:
        """The names' column: the widest name at the 标志's size, and one character to spare
        (LibreOffice wrapped a 13-character name in a column measured to fit it exactly)."""
        widest = max(set_width_chars(o) for o in self.organs) + 1
        return math.ceil(widest * layout.pt_to_twips(layout.ISSUER_MARK_SIZE_PT))

    @property
    def suffix_width_twips(self) -> int:
        """The suffix's column: the suffix and half a character of space before it."""
        chars = set_width_chars(self.suffix) + 0.5
        return math.ceil(chars * layout.pt_to_twips(layout.ISSUER_MARK_SIZE_PT))

    @property
    def suffix_space_before_twips(self) -> int:
        """Moves the suffix down to the middle of the names: half of the lines after the first.

        >>> JointIssuerMark(("甲机关", "乙机关", "丙机关"), "文件", 100).suffix_space_before_twips
        1276
        """
        line = MARK_LINES * layout.LINE_PITCH_TWIPS
        return self.space_before_twips + (len(self.organs) - 1) * line // 2

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Its paragraphs in reading order: each organ, then the suffix."""
        texts = (*self.organs, self.suffix)
        return tuple(Block(StyleRole.ISSUER_MARK, (Run(t),), path=self.path) for t in texts)


MARK_LINES = 2
"""Grid lines one 22 pt line of the 标志 or the title takes (the template's grid is 29.4 pt)."""


@dataclass(frozen=True)
class TableCell:
    """One cell of a laid-out table: its paragraph, the columns it spans, a vertical merge.

    ``merge`` is ``restart`` for a header cell spanning rows below, ``continue`` for the
    places it covers, None otherwise (w:vMerge).
    """

    block: Block
    span: int = 1
    merge: str | None = None


@dataclass(frozen=True)
class TableLayout:
    """A table as it is rendered: 表题, header rows (repeated on each page), body rows
    (never split across pages), column widths filling the 版心, and the 注 line."""

    header: tuple[tuple[TableCell, ...], ...]
    rows: tuple[tuple[TableCell, ...], ...]
    widths_twips: tuple[int, ...]
    title: Block | None = None
    note: Block | None = None
    path: str = ""

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Its paragraphs in reading order: title, header cells, body cells, note."""
        cells = [
            cell.block
            for row in (*self.header, *self.rows)
            for cell in row
            if cell.merge != "continue"
        ]
        return tuple(b for b in (self.title, *cells, self.note) if b is not None)


@dataclass(frozen=True)
class SectionBreak:
    """The end of a section of the given orientation: the content before it, back to the
    previous break, is laid out on portrait or on landscape (横排, cl. 8) pages."""

    orientation: str = "portrait"


Element = Block | ImprintBlock | JointIssuerMark | TableLayout | SectionBreak


def paragraphs(elements: list[Element]) -> list[Block]:
    """Every paragraph in reading order, those inside the tables (标志, 版记) included.

    >>> mark = JointIssuerMark(("甲机关", "乙机关"), "文件", 0)
    >>> [b.text for b in paragraphs([mark, Block(StyleRole.NORMAL, (Run("正文"),))])]
    ['甲机关', '乙机关', '文件', '正文']
    """
    out: list[Block] = []
    for element in elements:
        if isinstance(element, ImprintBlock):
            out += element.rows
        elif isinstance(element, JointIssuerMark | TableLayout):
            out += element.blocks
        elif isinstance(element, Block):
            out.append(element)
    return out


def title_text(title: str, capacity: int = layout.TITLE_CHARS_PER_LINE) -> str:
    """A title as set: the author's lines kept as given, one line too long for the 版心 broken
    into balanced lines of whole words (cl. 7.3.1, :func:`gongwen.titles.break_title`).

    >>> title_text("关于开展安全检查的通知")
    '关于开展安全检查的通知'
    >>> title_text("建新社区综合党委\\n关于巡察整改进展情况的通报")
    '建新社区综合党委\\n关于巡察整改进展情况的通报'
    """
    if "\n" in title:
        return title
    return "\n".join(break_title(title, capacity, width=set_width_chars))


def blank(count: int = 1) -> list[Block]:
    """``count`` empty lines (空一行, 空二行)."""
    return [Block(StyleRole.BLANK) for _ in range(count)]


AUTOSPACE_CHARS = 0.2
"""The space word processors add where Chinese meets Latin letters or digits, in 字.

Word and LibreOffice both add it by default (LibreOffice: 1.12 mm at 16 pt, a fifth of a
character, measured; it ignores a .docx's request to leave it out). "2023年6月15日" has five
such places, a whole 字 of extra width, which decides where a 署名 centred over it goes."""


def set_width_chars(text: str) -> float:
    """Width of ``text`` as set, in 字: :func:`text_width_chars` plus the space added where
    Chinese and Latin characters meet.

    >>> round(set_width_chars("2023年3月14日"), 2)  # 6.5 + 5 x 0.2
    7.5
    >>> set_width_chars("二七新村街道社区综合党委")
    12.0
    """
    wide = [is_wide(c) for c in text if not c.isspace()]
    meetings = sum(1 for a, b in itertools.pairwise(wide) if a != b)
    return text_width_chars(text) + AUTOSPACE_CHARS * meetings


__all__ = [
    "AUTOSPACE_CHARS",
    "MARK_LINES",
    "Block",
    "Element",
    "Frame",
    "ImprintBlock",
    "JointIssuerMark",
    "Rule",
    "Run",
    "SealPicture",
    "SectionBreak",
    "TableCell",
    "TableLayout",
    "blank",
    "paragraphs",
    "set_width_chars",
    "text_width_chars",
    "title_text",
]
