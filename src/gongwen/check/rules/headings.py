"""GW4xx: headings and the title — no closing punctuation where a line stands alone."""

from __future__ import annotations

from collections.abc import Iterator

from gongwen.check.registry import Hit, Rule
from gongwen.check.view import SPACES, CheckInput, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _
from gongwen.lazy_regex import lazy_compile

CLOSING_PUNCTUATION = "。，；：、,.;:！？!?"
"""Marks that must not end a title or a heading that stands on its own line."""

_INSIDE = lazy_compile(r"[。；！？!?]")


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
            yield Hit(
                _("{what}独占一行，末尾不加标点：删去“{mark}”").format(what=_(what), mark=mark),
                unit,
                fix=_stripped(unit.text),
            )


def check_level1_heading(inp: CheckInput) -> Iterator[Hit]:
    yield from _heading_hits(inp, 1, N_("一级标题"))


def check_level2_heading(inp: CheckInput) -> Iterator[Hit]:
    yield from _heading_hits(inp, 2, N_("二级标题"))


_CHROME_LIKE = lazy_compile(
    r"[>＞»›]|->|第\s*[A-Z]?\d+\s*版|发布|日期|时间|来源|浏览|阅读|点击|作者|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"|^[^：:]{1,10}[：:]\S"
)
"""What makes a "title" look like page chrome the scan took for it: a breadcrumb, a page
label, a 发布日期 line, a 栏目: label."""


def title_looks_like_chrome(text: str) -> bool:
    """Whether the line taken for a title looks like web page furniture.

    >>> title_looks_like_chrome("首页 > 巡视巡察 > 巡察整改。")
    True
    >>> title_looks_like_chrome("本级巡察整改:东山区开展巡察整改专项督查。")
    True
    >>> title_looks_like_chrome("关于巡察整改进展情况的通报。")
    False
    """
    return _CHROME_LIKE.search(text) is not None


def check_title(inp: CheckInput) -> Iterator[Hit]:
    titles = inp.by_role(Role.TITLE)
    if not titles:
        return
    last = titles[-1]
    content = last.text.rstrip(SPACES)
    if not content or content[-1] not in CLOSING_PUNCTUATION:
        return
    if title_looks_like_chrome(content):
        # Deleting the mark would not make a breadcrumb a title: a person must look.
        yield Hit(
            _(
                "标题末尾有“{mark}”，而这一行像是网页栏目、导航或发布信息，不像标题：请核对标题"
            ).format(mark=content[-1]),
            last,
            span=(len(content) - 1, len(content)),
        )
        return
    yield Hit(
        _("标题末尾不加标点：删去“{mark}”").format(mark=content[-1]),
        last,
        fix=_stripped(last.text),
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "GW401",
        N_("一级标题末尾有标点"),
        Level.WARNING,
        N_("独占一行的一级标题（一、）末尾有标点。"),
        check_level1_heading,
        bad="一、强化政治站位，确保整改落实到位。\n",
        good="一、强化政治站位，确保整改落实到位\n",
        fixable=True,
    ),
    Rule(
        "GW402",
        N_("二级标题末尾有标点"),
        Level.INFO,
        N_("独占一行的二级标题（（一））末尾有标点；通常不加，但各单位习惯不一。"),
        check_level2_heading,
        bad="一、主要问题\n（一）对巡察发现问题的整改情况。\n",
        good="一、主要问题\n（一）对巡察发现问题的整改情况\n",
        fixable=True,
    ),
    Rule(
        "GW403",
        N_("标题末尾有标点"),
        Level.WARNING,
        N_(
            "标题末尾有标点；当作标题的一行像是网页栏目（导航、发布日期一行）时不自动修复，"
            "因为删去标点也无济于事。"
        ),
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
