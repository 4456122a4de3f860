"""GW2xx: counts stated in the text ("存在4个方面、16个主要问题", "已完成整改14项") against the
notice's structure and the statuses of its problems."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gongwen.check.registry import Hit, Rule
from gongwen.check.view import CheckInput, Node, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _, ngettext
from gongwen.lazy_regex import lazy_compile
from gongwen.model import Notice, Problem, RectificationStatus, Table, walk
from gongwen.numbering import parse_chinese_numeral
from gongwen.recognise.labels import LabelKind, label_kind, status_of

_COUNT = lazy_compile(
    r"((?<![0-9])[0-9]+|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]+)"
    r"\s*(?:个|项|条)\s*(方面|(?:主要|具体|突出)?问题)(?!中)"
)
"""A number starts only where its run starts (the lookbehinds): tried inside a long run of
digits it rescanned the run from every position, quadratic."""
_STATED = lazy_compile(r"反馈|指出|存在|发现|提出|对照|针对|梳理|查找|涉及|共")
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


_SELECTION = 2
"""A stated number of problems more than this many times the problems listed is the total of
the 巡视/审计 findings, of which the notice describes a few (一是…, 典型问题): not a count of
its own list."""


def summary_statements(inp: CheckInput) -> set[int]:
    """The units (by order) that state a total of problems far above the number listed: the
    counts in them are about findings the notice does not list one by one.

    >>> from gongwen.check.view import CheckInput
    >>> tail = ["一、整改情况", "1.台账不全。", "完成情况:已完成"]
    >>> sorted(summary_statements(CheckInput(lines=["反馈的5方面17项问题已全部整改。", *tail])))
    [0]
    >>> summary_statements(CheckInput(lines=["反馈的2个问题已全部整改。", *tail]))
    set()
    """
    actual = inp.outline.total_problems()
    if actual == 0:
        return set()
    return {
        unit.order
        for value, _written, kind, unit, _span in _stated(inp)
        if kind == "problems" and value > _SELECTION * actual
    }


def check_aspect_count(inp: CheckInput) -> Iterator[Hit]:
    aspects = _aspects(inp.outline)
    if aspects is None:
        return
    actual, where = aspects
    summaries = summary_statements(inp)
    for value, written, kind, unit, span in _stated(inp):
        if kind == "aspects" and value != actual and unit.order not in summaries:
            message = _("文中说“{written}”，但{where}有{actual}个").format(
                written=written, where=where, actual=actual
            )
            yield Hit(message, unit, span=span)


def check_problem_count(inp: CheckInput) -> Iterator[Hit]:
    actual = inp.outline.total_problems()
    if actual == 0:
        return
    summaries = summary_statements(inp)
    for value, written, kind, unit, span in _stated(inp):
        if kind == "problems" and value != actual and unit.order not in summaries:
            message = ngettext(
                "文中说“{written}”，但正文列出了{actual}个问题",
                "文中说“{written}”，但正文列出了{actual}个问题",
                actual,
            ).format(written=written, actual=actual)
            yield Hit(message, unit, span=span)


STATUS_WORDS: dict[str, RectificationStatus] = {
    "已完成整改": RectificationStatus.DONE,
    "完成整改": RectificationStatus.DONE,
    "已完成": RectificationStatus.DONE,
    "已整改": RectificationStatus.DONE,
    "正在推进": RectificationStatus.IN_PROGRESS,
    "正在整改": RectificationStatus.IN_PROGRESS,
    "长期坚持": RectificationStatus.ONGOING,
}
"""How the text says that a number of problems has a status (已完成整改14项)."""
_NUMBER = r"([0-9]+|[一二三四五六七八九十两]+)"
_STATED_STATUS = lazy_compile(
    "("
    + "|".join(sorted(STATUS_WORDS, key=len, reverse=True))
    + r")\s*"
    + _NUMBER
    + r"\s*(?:个|项|条)"
)
_STATED_TOTAL = lazy_compile(_NUMBER + r"\s*(?:个|项|条)\s*(?:主要|具体|突出)?问题(?!中的)")
_TOTAL_VERB = lazy_compile(r"反馈|指出|存在|发现|提出|对照|针对|梳理|查找|涉及|共|截至")


@dataclass(frozen=True)
class StatedCount:
    """A count the main text states: of every problem (``status`` None) or of the problems
    with one status, the words that say it and where they are in ``unit.text``."""

    unit: Unit
    words: str
    status: RectificationStatus | None
    value: int
    span: tuple[int, int]


def stated_counts(units: list[Unit]) -> Iterator[StatedCount]:
    """The counts of problems the main text's paragraphs and headings state.

    A total needs its verb (反馈, 指出, 截至…) shortly before it: "其中3个问题已完成" is not a
    total (as in GW202).

    >>> unit = Unit("截至9月1日，16个问题中，已完成整改14项，正在推进2项。", Role.PARAGRAPH)
    >>> [(c.words, c.status and c.status.value, c.value) for c in stated_counts([unit])]
    [('16个问题', None, 16), ('已完成整改14项', '已完成', 14), ('正在推进2项', '正在推进', 2)]
    """
    for unit in units:
        if unit.part != 0 or unit.role not in (Role.PARAGRAPH, Role.HEADING):
            continue
        for m in _STATED_TOTAL.finditer(unit.text):
            value = count_value(m[1])
            window = unit.text[max(0, m.start() - _WINDOW) : m.start()]
            if value is not None and _TOTAL_VERB.search(window):
                yield StatedCount(unit, m[0], None, value, m.span())
        for m in _STATED_STATUS.finditer(unit.text):
            value = count_value(m[2])
            if value is not None:
                yield StatedCount(unit, m[0], STATUS_WORDS[m[1]], value, m.span())


_OTHER_THINGS = lazy_compile(r"措施|任务|举措|事项|项目|条款|意见|建议|台账")
"""What else a sentence may count as 已完成 (整改措施48条，已完成45条): not problems."""
_SENTENCE_ENDS = "。；;！？!?"


def sentence_at(text: str, at: int) -> str:
    """The sentence (up to 。；！？) of ``text`` that holds position ``at``.

    >>> sentence_at("制定措施48条，已完成45条。16个问题中，已完成14项。", 22)
    '16个问题中，已完成14项。'
    """
    start = max((text.rfind(end, 0, at) for end in _SENTENCE_ENDS), default=-1) + 1
    ends = [i for i in (text.find(end, at) for end in _SENTENCE_ENDS) if i >= 0]
    return text[start : min(ends) + 1 if ends else len(text)]


def _main_problems(notice: Notice) -> list[Problem]:
    return [item for _path, item in walk(notice.body) if isinstance(item, Problem)]


def _has_derived_ledger(notice: Notice) -> bool:
    """A 整改台账 derived from the problems: GW923 already compares the text with it."""
    bodies = [notice.body, *(attachment.body for attachment in notice.attachments)]
    return any(
        isinstance(item, Table) and item.from_problems
        for body in bodies
        for _path, item in walk(body)
    )


def _line_status(unit: Unit) -> RectificationStatus | None:
    """The status a line of text gives its problem (完成情况：已完成。), or None."""
    from gongwen.recognise.lines import Kind, classify  # text only: a notice's check skips it

    found = classify(unit.text)
    if found.kind is not Kind.LABEL or found.label is None:
        return None
    rest = unit.text[found.start :].strip()
    if label_kind(found.label, rest) is not LabelKind.STATUS:
        return None
    status = status_of(rest)
    return None if status is None else RectificationStatus(status)


def problem_statuses(inp: CheckInput) -> list[RectificationStatus | None]:
    """The status of each problem of the main text, in order (None: none given).

    For a model, each problem's ``status``; for text, a 完成情况 (整改进展…) line under it.
    """
    if not inp.raw:
        return [] if inp.notice is None else [p.status for p in _main_problems(inp.notice)]
    problems = sorted({u.problem for u in inp.units if u.part == 0 and u.problem is not None})
    statuses: dict[int, RectificationStatus | None] = dict.fromkeys(problems)
    for unit in inp.units:
        if unit.part == 0 and unit.problem is not None and unit.role is Role.PARAGRAPH:
            statuses[unit.problem] = statuses[unit.problem] or _line_status(unit)
    return [statuses[p] for p in problems]


STATUS_COUNT_MESSAGE = N_("文中说“{words}”，但按各问题标明的完成情况，“{status}”的有{actual}个")
"""GW203's message; ``gongwen next`` recomputes its progress sentence from the statuses."""


def check_status_count(inp: CheckInput) -> Iterator[Hit]:
    if inp.notice is not None and not inp.raw and _has_derived_ledger(inp.notice):
        return
    statuses = problem_statuses(inp)
    if not statuses or None in statuses:  # a problem without a status could be any of them
        return
    for stated in stated_counts(inp.units):
        if stated.status is None:
            continue
        sentence = sentence_at(stated.unit.text, stated.span[0])
        if _OTHER_THINGS.search(sentence):
            continue
        actual = statuses.count(stated.status)
        if stated.value != actual:
            message = _(STATUS_COUNT_MESSAGE).format(
                words=stated.words, status=stated.status.value, actual=actual
            )
            yield Hit(message, stated.unit, span=stated.span)


def _status_yaml(sentence: str) -> str:
    return (
        "title: 关于巡察整改进展情况的通报\nbody:\n"
        f"  - {sentence}\n"
        "  - problem: {statement: 理论学习不深入。, status: 已完成}\n"
        "  - problem: {statement: 台账不全。, status: 已完成}\n"
        "  - problem: {statement: 制度不健全。, status: 正在推进}\n"
    )


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
    Rule(
        "GW203",
        N_("完成情况计数不符"),
        Level.WARNING,
        N_(
            "“已完成整改N个”这类按完成情况（已完成、正在推进、长期坚持）的计数与各问题标明的完成情况不一致。"
        ),
        check_status_count,
        bad=_status_yaml("截至目前，3个问题中，已完成整改3个。"),
        good=_status_yaml("截至目前，3个问题中，已完成整改2个，正在推进1个。"),
        example_format="yaml",
    ),
)

__all__ = [
    "RULES",
    "STATUS_COUNT_MESSAGE",
    "STATUS_WORDS",
    "StatedCount",
    "check_aspect_count",
    "check_problem_count",
    "check_status_count",
    "count_value",
    "problem_statuses",
    "sentence_at",
    "stated_counts",
    "summary_statements",
]
