"""GW2xx: counts stated in the text ("存在4个方面、16个主要问题") against the notice's structure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongwen.check.registry import Hit, Rule
from gongwen.check.view import CheckInput, Node, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _, ngettext
from gongwen.numbering import parse_chinese_numeral

_COUNT = re.compile(
    r"((?<![0-9])[0-9]+|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]+)"
    r"\s*(?:个|项|条)\s*(方面|(?:主要|具体|突出)?问题)(?!中)"
)
"""A number starts only where its run starts (the lookbehinds): tried inside a long run of
digits it rescanned the run from every position, quadratic."""
_STATED = re.compile(r"反馈|指出|存在|发现|提出|对照|针对|梳理|查找|涉及|共")
_WINDOW = 12
"""How far before a count its verb (反馈, 指出, 存在…) may stand."""
_TEXT_ROLES = (Role.PARAGRAPH, Role.PROBLEM, Role.MEASURE, Role.HEADING)


def count_value(numeral: str) -> int | None:
    """A count as written in prose: Arabic digits, 两, or a Chinese numeral; None otherwise.

    >>> count_value("16"), count_value("两"), count_value("十六"), count_value("几")
    (16, 2, 16, None)
    """
    if numeral.isdigit():
        return int(numeral)
    if numeral == "两":
        return 2
    try:
        return parse_chinese_numeral(numeral)
    except ValueError:
        return None


def _problem_section(root: Node) -> Node | None:
    """The smallest section holding every problem; None when there are none."""
    if root.total_problems() == 0:
        return None
    node = root
    while node.problems == 0:
        holding = [child for child in node.children if child.total_problems() > 0]
        if len(holding) != 1:
            break
        node = holding[0]
    return node


def _aspects(root: Node) -> tuple[int, str] | None:
    """How many 方面 the problems are grouped in, and under what."""
    node = _problem_section(root)
    if node is None or node.problems > 0:
        return None
    if node is root:
        holding = [child for child in node.children if child.total_problems() > 0]
        return len(holding), _("正文中含问题的一级标题")
    heading = node.unit.content if node.unit is not None else ""
    shown = heading if len(heading) <= 16 else heading[:16] + "…"
    return len(node.children), _("“{shown}”下的小标题").format(shown=shown)


def _stated(inp: CheckInput) -> Iterator[tuple[int, str, str, Unit, tuple[int, int]]]:
    for unit in inp.units:
        if unit.part != 0 or unit.role not in _TEXT_ROLES:
            continue
        for m in _COUNT.finditer(unit.text):
            window = unit.text[max(0, m.start() - _WINDOW) : m.start()]
            value = count_value(m[1])
            if value is not None and _STATED.search(window):
                yield value, m[0], "aspects" if m[2] == "方面" else "problems", unit, m.span()


def check_aspect_count(inp: CheckInput) -> Iterator[Hit]:
    aspects = _aspects(inp.outline)
    if aspects is None:
        return
    actual, where = aspects
    for value, written, kind, unit, span in _stated(inp):
        if kind == "aspects" and value != actual:
            message = _("文中说“{written}”，但{where}有{actual}个").format(
                written=written, where=where, actual=actual
            )
            yield Hit(message, unit, span=span)


def check_problem_count(inp: CheckInput) -> Iterator[Hit]:
    actual = inp.outline.total_problems()
    if actual == 0:
        return
    for value, written, kind, unit, span in _stated(inp):
        if kind == "problems" and value != actual:
            message = ngettext(
                "文中说“{written}”，但正文列出了{actual}个问题",
                "文中说“{written}”，但正文列出了{actual}个问题",
                actual,
            ).format(written=written, actual=actual)
            yield Hit(message, unit, span=span)


RULES: tuple[Rule, ...] = (
    Rule(
        "GW201",
        N_("方面数不符"),
        Level.WARNING,
        N_("“N个方面”与问题所分的部分数不一致。"),
        check_aspect_count,
        bad="一、总体情况\n巡察反馈指出存在3个方面、2个问题。\n二、整改情况\n（一）学习方面\n"
        "问题1：学习不够。\n（二）制度方面\n问题2：制度不全。\n",
        good="一、总体情况\n巡察反馈指出存在2个方面、2个问题。\n二、整改情况\n（一）学习方面\n"
        "问题1：学习不够。\n（二）制度方面\n问题2：制度不全。\n",
    ),
    Rule(
        "GW202",
        N_("问题数不符"),
        Level.WARNING,
        N_("“N个问题”“N项问题”与列出的问题数不一致。"),
        check_problem_count,
        bad="一、总体情况\n针对巡察反馈的3项问题，逐项制定整改措施。\n二、整改情况\n"
        "问题1：学习不够。\n问题2：制度不全。\n",
        good="一、总体情况\n针对巡察反馈的2项问题，逐项制定整改措施。\n二、整改情况\n"
        "问题1：学习不够。\n问题2：制度不全。\n",
    ),
)

__all__ = ["RULES", "check_aspect_count", "check_problem_count", "count_value"]
