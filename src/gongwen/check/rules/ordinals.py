"""GW1xx: numbering — heading ordinals, 问题N and numerals lost from the text.

A model derives its numbering, so the sequence rules read text as written (text and .docx
input); on a model they look only at numbering typed inside a field (GW111: a typed ordinal
that the derived one would double). The leads 一是、二是 (GW107–GW109) are in
:mod:`gongwen.check.rules.measures`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongwen.check.registry import Hit, Rule, replaced
from gongwen.check.view import CJK, NUMERALS, SPACES, CheckInput, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _
from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import (
    MAX_ORDINAL,
    ascii_digits,
    heading_ordinal,
    measure_lead,
    parse_attachment_label,
    parse_heading_ordinal,
    parse_measure_lead,
    parse_problem_label,
)

# ---------------------------------------------------------------------------------------------
# Heading ordinals in text


@dataclass(frozen=True)
class _HeadingStep:
    unit: Unit
    level: int
    number: int
    """The number written, or the expected one when the numeral was lost."""
    expected: int
    previous: int


def _heading_steps(inp: CheckInput) -> Iterator[_HeadingStep]:
    counters: dict[int, list[int]] = {}
    for unit in inp.units:
        if unit.role != Role.HEADING or not unit.raw:
            continue
        counter = counters.setdefault(unit.part, [0] * 6)
        level = unit.level
        previous = counter[level]
        expected = previous + 1
        number = unit.number if unit.number is not None else expected
        counter[level] = number
        counter[level + 1 :] = [0] * (len(counter) - level - 1)
        yield _HeadingStep(unit, level, number, expected, previous)


def _ordinal_span(unit: Unit) -> tuple[int, int]:
    """Where a text heading's ordinal is written (after its indent)."""
    lead = len(unit.text) - len(unit.text.lstrip(SPACES))
    return min(lead, unit.start), unit.start


def _ordinal(level: int, n: int) -> str:
    if 1 <= n <= 9999:
        return heading_ordinal(level, n)
    return _("{level}级第{n}个").format(level=level, n=n)


def _decimal_look_alike(inp: CheckInput, step: _HeadingStep) -> bool:
    """Whether the missing heading is there, written like a decimal: ``1.3个部门…`` is heading
    1. about 3 departments, which a scan cannot tell from the figure 1.3."""
    if step.level != 3 or step.number != step.expected + 1:
        return False
    pattern = re.compile(rf"[{SPACES}]*{step.expected}[.．][0-9]")
    for unit in reversed(inp.units[: step.unit.order]):
        if unit.part != step.unit.part or (unit.role == Role.HEADING and unit.level <= 3):
            return False
        if pattern.match(unit.text):
            return True
    return False


def check_heading_gap(inp: CheckInput) -> Iterator[Hit]:
    for step in _heading_steps(inp):
        if step.number > step.expected and not _decimal_look_alike(inp, step):
            missing = _ordinal(step.level, step.expected)
            written = _ordinal(step.level, step.number)
            yield Hit(
                _("标题序号跳号：这里是“{written}”，前面缺少“{missing}”").format(
                    written=written, missing=missing
                ),
                step.unit,
                span=_ordinal_span(step.unit),
            )


def check_heading_repeat(inp: CheckInput) -> Iterator[Hit]:
    for step in _heading_steps(inp):
        if step.number < step.expected:
            written = _ordinal(step.level, step.number)
            after = _ordinal(step.level, step.previous)
            yield Hit(
                _("标题序号重复或倒退：“{after}”之后又是“{written}”，应为“{expected}”").format(
                    after=after, written=written, expected=_ordinal(step.level, step.expected)
                ),
                step.unit,
                span=_ordinal_span(step.unit),
            )


_AFTER_BRACKET = SPACES + "、，,.．：:"

_DAMAGE = {
    "open": N_("丢了左括号"),
    "close": N_("丢了右括号"),
    "numeral": N_("丢了序数"),
}


def check_heading_damaged(inp: CheckInput) -> Iterator[Hit]:
    for step in _heading_steps(inp):
        unit = step.unit
        if unit.damage is None:
            continue
        ordinal = heading_ordinal(step.level, step.number)
        indent = unit.text[: len(unit.text) - len(unit.text.lstrip(SPACES))]
        indent = indent if set(indent) <= {"\u3000"} else ""
        written = unit.text[: unit.start].strip(SPACES)
        # The ordinal and the spaces around it (and, after a bracketed one, the marks GW305
        # would remove): the heading's words stay as written.
        end = unit.start
        after = _AFTER_BRACKET if ordinal.endswith("）") else SPACES
        while end < len(unit.text) and unit.text[end] in after:
            end += 1
        yield Hit(
            _("标题序号残缺（{damage}）：“{written}”按位置应为“{ordinal}”").format(
                damage=_(_DAMAGE[unit.damage]), written=written, ordinal=ordinal
            ),
            unit,
            fix=replaced(unit.text, 0, end, indent + ordinal),
            span=(0, end),
        )


# ---------------------------------------------------------------------------------------------
# 问题N in text

_LABEL = lazy_compile(
    r"([ \t\u3000]*问题)\s*([0-9０-９]+)(\s*[：:]\s*|\s*[,，、.．;；]\s*|[ \t\u3000]+)?"
)


@dataclass(frozen=True)
class _ProblemStep:
    unit: Unit
    number: int
    expected: int
    previous: int
    label: re.Match[str]
    """The label as written: (indent and 问题)(digits)(separator, None when there is none)."""
    run_into: bool
    """The number runs into digits that start the problem's text."""


def _problem_steps(inp: CheckInput) -> Iterator[_ProblemStep]:
    last: dict[int, int] = {}
    heading_since: dict[int, bool] = {}
    for unit in inp.units:
        if not unit.raw:
            continue
        if unit.role == Role.HEADING:
            heading_since[unit.part] = True
            continue
        if unit.role != Role.PROBLEM:
            continue
        m = _LABEL.match(unit.text)
        if m is None or int(ascii_digits(m[2])) == 0:
            continue  # 问题0 is no label: problems count from 1
        previous = last.get(unit.part, 0)
        expected = previous + 1
        digits = ascii_digits(m[2])
        # Without a colon "问题82019年" is problem 8 whose text starts with 2019: the expected
        # number settles it (see gongwen.numbering.parse_problem_label); past 9999 it must be.
        run_into = m[3] is None and (
            (digits != str(expected) and digits.startswith(str(expected)))
            or len(digits) > len(str(MAX_ORDINAL))
            or len(digits) > len(str(expected)) + 1  # 问题2022年…: a year, not problem 2022
        )
        number = expected if run_into else int(digits)
        if number == 1 and heading_since.get(unit.part, False):
            previous, expected = 0, 1  # numbering that restarts in each section
        yield _ProblemStep(unit, number, expected, previous, m, run_into)
        last[unit.part] = number
        heading_since[unit.part] = False


def check_problem_sequence(inp: CheckInput) -> Iterator[Hit]:
    for step in _problem_steps(inp):
        if step.run_into or step.number == step.expected:
            continue
        if step.number > step.expected:
            yield Hit(
                _("问题编号跳号：这里是“问题{number}”，前面缺少“问题{expected}”").format(
                    number=step.number, expected=step.expected
                ),
                step.unit,
                span=step.label.span(2),
            )
        else:
            yield Hit(
                _(
                    "问题编号重复或倒退：“问题{previous}”之后又是“问题{number}”，"
                    "应为“问题{expected}”"
                ).format(previous=step.previous, number=step.number, expected=step.expected),
                step.unit,
                span=step.label.span(2),
            )


def check_problem_colon(inp: CheckInput) -> Iterator[Hit]:
    for step in _problem_steps(inp):
        m = step.label
        if step.run_into or (m[3] is not None and re.search("[：:]", m[3])):
            continue
        rest = step.unit.text[m.end() :].strip(SPACES)
        if not rest or rest[0] in "。.!?！？":
            continue  # "问题1。": nothing follows that a colon would introduce
        yield Hit(
            _("“问题{number}”后缺少冒号：应写“问题{number}：”").format(number=m[2]),
            step.unit,
            fix=replaced(step.unit.text, m.end(2), m.end(), "："),
            span=(m.end(2), m.end()),
        )


def check_problem_run_into(inp: CheckInput) -> Iterator[Hit]:
    for step in _problem_steps(inp):
        if not step.run_into:
            continue
        m = step.label
        digits = ascii_digits(m[2])
        label = str(step.expected)
        if digits.startswith(label) and len(digits) > len(label):
            at = m.start(2) + len(label)
            yield Hit(
                _(
                    "“问题{digits}”：冒号丢失，编号与正文开头的数字连在一起；按顺序应为"
                    "“问题{label}：{rest}…”"
                ).format(digits=digits, label=label, rest=digits[len(label) :]),
                step.unit,
                fix=replaced(step.unit.text, at, at, "："),
                span=(at, at),
            )
        else:
            yield Hit(
                _(
                    "“问题{digits}”：冒号丢失，编号与正文开头的数字连在一起，无法确定编号"
                    "（按顺序应为“问题{label}”）"
                ).format(digits=digits, label=label),
                step.unit,
                span=m.span(2),
            )


# ---------------------------------------------------------------------------------------------
# 第 with its numeral lost: 区委第巡察组

_COUNTED = "巡察组|巡视组|督导组|检查组|工作组|轮|次|批|届|季度|阶段|部分|章|节|条|款|期|项|周|名"
_LOST_AFTER_DI = lazy_compile(rf"(?<=[{CJK}])第\s*(?={_COUNTED})(?<!次第)")
_DI_WORD = lazy_compile(rf"第\s*({_COUNTED})")


def check_lost_numeral(inp: CheckInput) -> Iterator[Hit]:
    units = [u for u in inp.units if u.role != Role.CHROME]
    for unit in units:
        for m in _LOST_AFTER_DI.finditer(unit.text):
            word = _DI_WORD.match(unit.text, m.start())
            assert word is not None
            before = unit.text[max(0, m.start() - 2) : m.start()]
            found = _evidence(units, before, word[1])
            shown = unit.text[max(0, m.start() - 2) : word.end()]
            if len(found) == 1:
                (numeral,) = found
                yield Hit(
                    _("“{shown}”：“第”后丢了数字；本文别处写作“{written}”").format(
                        shown=shown, written=f"{before}第{numeral}{word[1]}"
                    ),
                    unit,
                    fix=replaced(unit.text, m.start(), word.start(1), f"第{numeral}"),
                    span=(m.start(), word.start(1)),
                )
            else:
                yield Hit(
                    _("“{shown}”：“第”后丢了数字").format(shown=shown),
                    unit,
                    span=(m.start(), word.end()),
                )


def _evidence(units: list[Unit], before: str, word: str) -> set[str]:
    pattern = re.compile(rf"{re.escape(before)}第([{NUMERALS}0-9]+){re.escape(word)}")
    return {m[1] for unit in units for m in pattern.finditer(unit.text)}


# ---------------------------------------------------------------------------------------------
# Ordinals typed into a model field


def check_typed_ordinal(inp: CheckInput) -> Iterator[Hit]:
    if inp.raw or (inp.notice is not None and inp.notice.presentation.ordinals == "typed"):
        return  # text as written, or a notice that prints its typed ordinals as typed
    for unit in inp.units:
        text = unit.text
        if unit.role == Role.HEADING:
            heading = parse_heading_ordinal(text)
            if heading is not None and heading.rest:
                typed = text[: len(text) - len(heading.rest)].strip()
                yield Hit(
                    _("标题开头写了序号“{typed}”：序号按位置自动生成，会写成两遍；删去它").format(
                        typed=typed
                    ),
                    unit,
                    fix=heading.rest,
                )
        elif unit.role == Role.PROBLEM and unit.path and unit.path.endswith(".statement"):
            label = parse_problem_label(text)
            if label is not None and label[1]:
                yield Hit(
                    _("问题开头写了“问题{number}”：编号按位置自动生成，删去它").format(
                        number=label[0]
                    ),
                    unit,
                    fix=label[1],
                )
        elif unit.role == Role.MEASURE:
            lead = parse_measure_lead(text)
            if lead is not None and lead[1]:
                yield Hit(
                    _(
                        "整改措施开头写了“{lead}”：“一是、二是”按位置自动生成，会写成两遍；删去它"
                    ).format(lead=measure_lead(lead[0])),
                    unit,
                    fix=lead[1],
                )
        elif unit.role == Role.ATTACHMENT_TITLE:
            found = parse_attachment_label(text)
            numbered = re.match(r"[0-9]+\s*[.．、]\s*", text)
            if found is not None and found[1]:
                yield Hit(
                    _("附件标题开头写了“附件”字样：附件标签自动生成，删去它"),
                    unit,
                    fix=found[1],
                )
            elif numbered:
                yield Hit(
                    _("附件标题开头写了序号：附件说明中的序号自动生成，删去它"),
                    unit,
                    fix=text[numbered.end() :],
                )


RULES: tuple[Rule, ...] = (
    Rule(
        "GW101",
        N_("标题序号跳号"),
        Level.WARNING,
        N_("同一级标题的序号跳号（一、二、四、）。"),
        check_heading_gap,
        bad="一、总体情况\n二、主要问题\n四、下一步打算\n",
        good="一、总体情况\n二、主要问题\n三、下一步打算\n",
    ),
    Rule(
        "GW102",
        N_("标题序号重复"),
        Level.WARNING,
        N_("同一级标题的序号重复或倒退（（一）（二）（二））。"),
        check_heading_repeat,
        bad="一、主要问题\n（一）学习方面\n（二）制度方面\n（二）作风方面\n",
        good="一、主要问题\n（一）学习方面\n（二）制度方面\n（三）作风方面\n",
    ),
    Rule(
        "GW103",
        N_("标题序号残缺"),
        Level.ERROR,
        N_("标题序号丢了括号或数字（“四)”“   )聚焦”）；修复按位置补全。"),
        check_heading_damaged,
        bad="一、主要问题\n（一）学习方面\n（二）制度方面\n   )作风方面\n",
        good="一、主要问题\n（一）学习方面\n（二）制度方面\n（三）作风方面\n",
        fixable=True,
    ),
    Rule(
        "GW104",
        N_("问题编号跳号"),
        Level.WARNING,
        N_("“问题N”的编号跳号或重复（问题1、问题2、问题4）。"),
        check_problem_sequence,
        bad="问题1：学习不够。\n问题2：制度不全。\n问题4：作风不实。\n",
        good="问题1：学习不够。\n问题2：制度不全。\n问题3：作风不实。\n",
    ),
    Rule(
        "GW105",
        N_("问题编号后缺冒号"),
        Level.WARNING,
        N_("“问题N”的编号后没有冒号（问题2理论学习不够）。"),
        check_problem_colon,
        bad="问题1：学习不够。\n问题2理论学习不够深入。\n",
        good="问题1：学习不够。\n问题2：理论学习不够深入。\n",
        fixable=True,
    ),
    Rule(
        "GW106",
        N_("问题编号与正文粘连"),
        Level.ERROR,
        N_(
            "“问题N”丢了冒号，编号与正文开头的数字连在一起（问题82019年以来）；"
            "修复按应有的编号分开。"
        ),
        check_problem_run_into,
        bad="问题1：学习不够。\n问题22019年以来制度不全。\n",
        good="问题1：学习不够。\n问题2：2019年以来制度不全。\n",
        fixable=True,
    ),
    Rule(
        "GW110",
        N_("“第”后丢了数字"),
        Level.ERROR,
        N_("“第”后丢了数字（区委第巡察组）；本文别处写全了同一名称时可修复。"),
        check_lost_numeral,
        bad="区委第巡察组开展了巡察。\n切实运用好区委第二巡察组巡察成果。\n",
        good="区委第二巡察组开展了巡察。\n切实运用好区委第二巡察组巡察成果。\n",
        fixable=True,
    ),
    Rule(
        "GW111",
        N_("字段中手写了序号"),
        Level.ERROR,
        N_("模型字段开头写了渲染时自动生成的序号（一是、一、、问题1：），会写成两遍。"),
        check_typed_ordinal,
        bad="title: 通知\nbody:\n  - problem:\n      statement: 学习不够。\n"
        "      measures: [一是加强学习。, 二是完善制度。]\n",
        good="title: 通知\nbody:\n  - problem:\n      statement: 学习不够。\n"
        "      measures: [加强学习。, 完善制度。]\n",
        fixable=True,
        example_format="yaml",
    ),
)

__all__ = [
    "RULES",
    "check_heading_damaged",
    "check_heading_gap",
    "check_heading_repeat",
    "check_lost_numeral",
    "check_problem_colon",
    "check_problem_run_into",
    "check_problem_sequence",
    "check_typed_ordinal",
]
