"""GW4xx: headings and the title — no closing punctuation where a line stands alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongwen.check.registry import Hit, Rule
from gongwen.check.view import SPACES, CheckInput, Role, Unit
from gongwen.findings import Level

CLOSING_PUNCTUATION = "。，；：、,.;:！？!?"
"""Marks that must not end a title or a heading that stands on its own line."""

_INSIDE = re.compile(r"[。；！？!?]")


def _stripped(text: str) -> str:
    return text.rstrip(SPACES).rstrip(CLOSING_PUNCTUATION).rstrip(SPACES)


def _closing_mark(unit: Unit) -> str | None:
    """The mark ending a heading on its own line; None when it has none or runs on."""
    content = unit.content
    if not content or content[-1] not in CLOSING_PUNCTUATION:
        return None
    if _INSIDE.search(content.rstrip(CLOSING_PUNCTUATION)):
        return None  # a heading run into its paragraph ends as sentences do
    return content[-1]


def _heading_hits(inp: CheckInput, level: int, what: str) -> Iterator[Hit]:
    for unit in inp.by_role(Role.HEADING):
        if unit.level != level:
            continue
        mark = _closing_mark(unit)
        if mark is not None:
            yield Hit(f"{what}独占一行，末尾不加标点：删去“{mark}”", unit, fix=_stripped(unit.text))


def check_level1_heading(inp: CheckInput) -> Iterator[Hit]:
    yield from _heading_hits(inp, 1, "一级标题")


def check_level2_heading(inp: CheckInput) -> Iterator[Hit]:
    yield from _heading_hits(inp, 2, "二级标题")


def check_title(inp: CheckInput) -> Iterator[Hit]:
    titles = inp.by_role(Role.TITLE)
    if not titles:
        return
    last = titles[-1]
    content = last.text.rstrip(SPACES)
    if content and content[-1] in CLOSING_PUNCTUATION:
        yield Hit(f"标题末尾不加标点：删去“{content[-1]}”", last, fix=_stripped(last.text))


RULES: tuple[Rule, ...] = (
    Rule(
        "GW401",
        "level1-heading-punctuation",
        Level.WARNING,
        "A level-1 heading (一、) on its own line ends in punctuation.",
        check_level1_heading,
        bad="一、强化政治站位，确保整改落实到位。\n",
        good="一、强化政治站位，确保整改落实到位\n",
        fixable=True,
    ),
    Rule(
        "GW402",
        "level2-heading-punctuation",
        Level.INFO,
        "A level-2 heading (（一）) on its own line ends in punctuation; common practice leaves "
        "it off, but offices differ.",
        check_level2_heading,
        bad="一、主要问题\n（一）对巡察发现问题的整改情况。\n",
        good="一、主要问题\n（一）对巡察发现问题的整改情况\n",
        fixable=True,
    ),
    Rule(
        "GW403",
        "title-punctuation",
        Level.WARNING,
        "The title ends in punctuation.",
        check_title,
        bad="关于巡察整改进展情况的通报。\n\n根据区委统一部署，现予公布。\n",
        good="关于巡察整改进展情况的通报\n\n根据区委统一部署，现予公布。\n",
        fixable=True,
    ),
)

__all__ = [
    "CLOSING_PUNCTUATION",
    "RULES",
    "check_level1_heading",
    "check_level2_heading",
    "check_title",
]
