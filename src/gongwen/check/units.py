"""The units of text the rules read: each with its :class:`Role` and where it is.

:mod:`gongwen.check.scan` makes them from lines of text, :mod:`gongwen.check.view` from a
model; :class:`Node` is the section tree built over them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from gongwen.recognise.labels import LABELS, LabelKind

SPACES = " \t\u3000\xa0\r\ufeff"
"""White space around a line, including the full-width space of typed indents."""

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
"""A character class of the CJK ideographs (for regular expressions)."""

NUMERALS = "一二三四五六七八九十百"
"""The characters of a Chinese numeral used as an ordinal (一 to 九百九十九)."""

MEASURE_LABELS = tuple(label for label, kind in LABELS.items() if kind is not LabelKind.DEADLINE)
"""Labels that may open a list of measures under a problem (from the recogniser)."""


class Role(StrEnum):
    """What a unit of text is in the notice."""

    TITLE = "title"
    HEADER = "header"
    """版头 text other than 份号 and 发文字号: 发文机关标志, 签发人, 密级和保密期限."""
    COPY_NUMBER = "copy_number"
    DOCUMENT_NUMBER = "document_number"
    ADDRESSEE = "addressee"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    PROBLEM = "problem"
    MEASURES_LABEL = "measures_label"
    MEASURE = "measure"
    CONTACT = "contact"
    ATTACHMENT_NOTE = "attachment_note"
    """附件说明 (cl. 7.3.4), or one entry of it."""
    ATTACHMENT_LABEL = "attachment_label"
    """The 附件N label at the top of an attachment page (cl. 7.3.7)."""
    ATTACHMENT_TITLE = "attachment_title"
    SIGNATURE = "signature"
    SIGNATURE_DATE = "signature_date"
    NOTE = "note"
    IMPRINT = "imprint"
    CHROME = "chrome"
    """Web page furniture (发布日期, 浏览次数, 打印本页): not part of the notice."""


@dataclass(frozen=True)
class Unit:
    """One piece of text: a string field of a model, or a line of a text.

    ``text`` is the whole field or the whole line: a fix replaces all of it. ``start`` is where
    the content begins after an ordinal or label written in a line (always 0 for a model).
    """

    text: str
    role: Role
    order: int = 0
    """Position in document order."""
    path: str | None = None
    """Field path in the model, e.g. ``body[1].section.heading``."""
    line: int | None = None
    """1-based line of the source text."""
    start: int = 0
    level: int = 0
    """Heading level, 1 to 4."""
    number: int | None = None
    """The number written in a text's ordinal or label (None when it was lost)."""
    damage: str | None = None
    """How a written heading ordinal was damaged (see :func:`scan_heading`), or None."""
    problem: int | None = None
    """Index (from 0) of the problem this unit belongs to, for problems and their measures."""
    part: int = 0
    """0 for the main text, k for attachment k."""
    intro: bool = False
    """In the introduction: the main text before its first heading."""
    raw: bool = False
    """True for a line of text (ordinals written), False for a model field (ordinals derived)."""

    @property
    def content(self) -> str:
        """The text after any written ordinal or label, without surrounding white space."""
        return self.text[self.start :].strip(SPACES)


@dataclass
class Node:
    """A section in the outline, with its subsections and the problems directly in it."""

    level: int
    unit: Unit | None = None
    children: list[Node] = field(default_factory=list)
    problems: int = 0

    def total_problems(self) -> int:
        """Problems in this section and all its subsections."""
        return self.problems + sum(child.total_problems() for child in self.children)

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


__all__ = ["CJK", "MEASURE_LABELS", "NUMERALS", "SPACES", "Node", "Role", "Unit"]
