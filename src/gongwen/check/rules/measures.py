"""GW107–GW109: the leads of measures — 一是、二是 … in sequence, never alone, never without
their numeral.

On text the leads are read in series (a problem's measures, a run of paragraphs); on a model,
only within one string field, since the renderer derives the leads of a list of measures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gongwen.check.registry import Hit, Rule, replaced
from gongwen.check.view import CJK, NUMERALS, CheckInput, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _
from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import measure_lead, parse_chinese_numeral, parse_measure_lead

# A lead opens a paragraph or follows the end of a clause; 一是 after a comma counts as well.
_LEAD = lazy_compile(
    rf"(?:(?:^|(?<=[。；;：:！？!?]))[ \t\u3000]*([{NUMERALS}]*)|(?<=[，,])([{NUMERALS}]+))是"
    r"(?![\s。；;！？!?]|否)"
)
_LOST_LEAD_NEXT = lazy_compile(rf"[{CJK}“‘《（(]")


@dataclass(frozen=True)
class _Lead:
    unit: Unit
    start: int
    """Offset in unit.text where the lead's numeral is, or would be."""
    end: int
    """Offset in unit.text just after its 是."""
    number: int | None
    """None: 是 alone where a lead was (its numeral lost)."""


def _leads(unit: Unit) -> list[_Lead]:
    out = []
    offset = unit.start
    for m in _LEAD.finditer(unit.text[offset:]):
        group = 1 if m[1] is not None else 2
        numeral, start, end = m[group], offset + m.start(group), offset + m.end()
        if not numeral:
            if _LOST_LEAD_NEXT.match(m.string, m.end()):  # 是 then words: a lead lost its numeral
                out.append(_Lead(unit, start, end, None))
            continue
        try:
            out.append(_Lead(unit, start, end, parse_chinese_numeral(numeral)))
        except ValueError:
            continue
    return out


def _lead_groups(inp: CheckInput) -> Iterator[list[_Lead]]:
    """Series of leads: a problem's measures, a run of paragraphs, or one model field."""
    if not inp.raw:
        for unit in inp.units:
            if unit.role == Role.MEASURE and parse_measure_lead(unit.text) is not None:
                continue  # a typed lead: GW111
            leads = _leads(unit)
            if any(lead.number is not None for lead in leads):
                yield leads
        return
    group: list[_Lead] = []
    key: tuple[str, int] | None = None
    for unit in inp.units:
        found: list[_Lead] = []
        new_key: tuple[str, int] | None = None
        if unit.role == Role.MEASURE and unit.problem is not None:
            new_key, found = ("problem", unit.problem), _leads(unit)
        elif unit.role == Role.MEASURE:  # 整改措施：一是…；二是… under a heading, not 问题N
            found = _leads(unit)
            new_key = ("measures", unit.order) if found else None
        elif unit.role == Role.PARAGRAPH:
            found = _leads(unit)
            if key is not None and key[0] == "paragraphs" and found:
                new_key = key  # a run of paragraphs goes on, even with a lost lead only
            elif any(lead.number is not None for lead in found):
                new_key = ("paragraphs", unit.order)
        if new_key != key and group:
            yield group
            group = []
        key = new_key
        if new_key is not None:
            group.extend(found)
    if group:
        yield group


@dataclass(frozen=True)
class _LeadStep:
    lead: _Lead
    expected: int


def _lead_steps(group: list[_Lead]) -> Iterator[_LeadStep]:
    if all(lead.number is None for lead in group):
        return  # a 是 with no numbered lead around it is not a series
    expected = 1
    for lead in group:
        yield _LeadStep(lead, expected)
        expected = (lead.number if lead.number is not None else expected) + 1


def check_measure_sequence(inp: CheckInput) -> Iterator[Hit]:
    for group in _lead_groups(inp):
        for step in _lead_steps(group):
            n = step.lead.number
            if n is None or n == step.expected:
                continue
            want, lead = measure_lead(step.expected), measure_lead(n)
            span = (step.lead.start, step.lead.end)
            if n > step.expected:
                message = _("“{lead}”跳号：前面缺少“{want}”").format(lead=lead, want=want)
            else:
                message = _("“{lead}”重复或倒退：这里应为“{want}”").format(lead=lead, want=want)
            yield Hit(message, step.lead.unit, span=span)


def check_measure_single(inp: CheckInput) -> Iterator[Hit]:
    for group in _lead_groups(inp):
        numbers = [lead.number for lead in group if lead.number is not None]
        lost = [lead for lead in _lead_steps(group) if lead.lead.number is None]
        if numbers == [1] and not lost:
            first = next(lead for lead in group if lead.number == 1)
            yield Hit(
                _("有“一是”而没有“二是”：只有一项时不用“一是”，否则补全后续各项"),
                first.unit,
                span=(first.start, first.end),
            )


def check_measure_lead_lost(inp: CheckInput) -> Iterator[Hit]:
    for group in _lead_groups(inp):
        for step in _lead_steps(group):
            lead = step.lead
            if lead.number is not None:
                continue
            want = measure_lead(step.expected)
            text = lead.unit.text
            yield Hit(
                _("“是”前丢了序数：按顺序应为“{want}”").format(want=want),
                lead.unit,
                fix=replaced(text, lead.start, lead.start, want[:-1]),
                span=(lead.start, lead.start),
            )


RULES: tuple[Rule, ...] = (
    Rule(
        "GW107",
        N_("“一是、二是”跳号"),
        Level.WARNING,
        N_("“一是、二是”跳号或重复（一是…；三是…）。"),
        check_measure_sequence,
        bad="问题1：学习不够。\n整改情况：\n一是加强学习。\n三是完善制度。\n",
        good="问题1：学习不够。\n整改情况：\n一是加强学习。\n二是完善制度。\n",
    ),
    Rule(
        "GW108",
        N_("只有“一是”"),
        Level.WARNING,
        N_("有“一是”而没有“二是”。"),
        check_measure_single,
        bad="问题1：学习不够。\n整改情况：\n一是加强学习，完善制度。\n",
        good="问题1：学习不够。\n整改情况：\n加强学习，完善制度。\n",
    ),
    Rule(
        "GW109",
        N_("“是”前丢了序数"),
        Level.ERROR,
        N_("“一是、二是”丢了序数：该写“三是”处只剩一个“是”（是加强…）；修复按顺序补全。"),
        check_measure_lead_lost,
        bad="问题1：学习不够。\n整改情况：\n一是加强学习。\n二是完善制度。\n是加强考核。\n",
        good="问题1：学习不够。\n整改情况：\n一是加强学习。\n二是完善制度。\n三是加强考核。\n",
        fixable=True,
    ),
)

__all__ = [
    "RULES",
    "check_measure_lead_lost",
    "check_measure_sequence",
    "check_measure_single",
]
