"""GW8xx: 整改情况 copied word for word between problems (材料雷同 is an inspection finding)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gongwen.check.registry import Hit, Rule
from gongwen.check.view import NUMERALS, CheckInput, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _
from gongwen.lazy_regex import lazy_compile

MIN_MEASURE_CHARS = 8
"""Shorter measures (已完成。) may repeat honestly."""
MIN_SENTENCE_CHARS = 20
"""A shared clause at least this long is worth a remark."""

_LEAD = lazy_compile(rf"^[{NUMERALS}]*是[，、,]?")
_NOISE = lazy_compile(r"[\s\u3000]")


@dataclass(frozen=True)
class _Measure:
    unit: Unit
    problem: int
    text: str
    """Normalised: no lead, no white space, no closing mark."""


def _normalise(text: str) -> str:
    return _NOISE.sub("", text).rstrip("。；;.")


def _measures(inp: CheckInput) -> list[_Measure]:
    out = []
    for unit in inp.by_role(Role.MEASURE):
        if unit.problem is None:
            continue
        content = _LEAD.sub("", unit.content)  # a typed lead in a model is GW111's business
        out.append(_Measure(unit, unit.problem, _normalise(content)))
    return out


def _problem_names(inp: CheckInput) -> dict[int, str]:
    names: dict[int, str] = {}
    for unit in inp.by_role(Role.PROBLEM):
        if unit.problem is not None and unit.problem not in names:
            number = unit.number if unit.raw and unit.number is not None else unit.problem + 1
            names[unit.problem] = f"问题{number}"
    return names


def check_repeated_measure(inp: CheckInput) -> Iterator[Hit]:
    names = _problem_names(inp)
    first: dict[str, _Measure] = {}
    for measure in _measures(inp):
        if len(measure.text) < MIN_MEASURE_CHARS:
            continue
        earlier = first.setdefault(measure.text, measure)
        if earlier.problem != measure.problem:
            message = _(
                "整改情况与{problem}的一条逐字相同（材料雷同）：每个问题应写各自的整改措施"
            ).format(problem=names.get(earlier.problem) or _("前面的问题"))
            yield Hit(message, measure.unit)


_CLAUSE = lazy_compile(r"[^。；！？，;!?,]+")


def check_repeated_sentence(inp: CheckInput) -> Iterator[Hit]:
    names = _problem_names(inp)
    measures = _measures(inp)
    whole: dict[str, int] = {}
    for measure in measures:
        whole.setdefault(measure.text, measure.problem)
    first: dict[str, _Measure] = {}
    for measure in measures:
        if whole.get(measure.text) != measure.problem:
            continue  # the whole measure repeats: GW801
        for m in _CLAUSE.finditer(measure.text):
            sentence = m[0]
            if len(sentence) < MIN_SENTENCE_CHARS:
                continue
            earlier = first.setdefault(sentence, measure)
            if earlier.problem != measure.problem:
                message = _("整改情况中的“{clause}…”与{problem}的整改情况逐字相同").format(
                    clause=sentence[:16], problem=names.get(earlier.problem) or _("前面的问题")
                )
                yield Hit(message, measure.unit)


RULES: tuple[Rule, ...] = (
    Rule(
        "GW801",
        N_("整改措施雷同"),
        Level.WARNING,
        N_("同一条整改措施逐字出现在两个问题下。"),
        check_repeated_measure,
        bad="问题1：学习不够。\n整改情况：\n制定年度学习计划，每月集中学习一次。\n"
        "问题2：制度不全。\n整改情况：\n制定年度学习计划，每月集中学习一次。\n",
        good="问题1：学习不够。\n整改情况：\n制定年度学习计划，每月集中学习一次。\n"
        "问题2：制度不全。\n整改情况：\n修订财务报销制度，逐月公开收支情况。\n",
    ),
    Rule(
        "GW802",
        N_("整改语句雷同"),
        Level.INFO,
        N_("两个问题的整改措施中有一个较长的分句（不少于20个字）逐字相同。"),
        check_repeated_sentence,
        bad="问题1：学习不够。\n整改情况：\n班子成员以普通党员身份参加指导支部组织生活，制定学习计划。\n"
        "问题2：制度不全。\n整改情况：\n班子成员以普通党员身份参加指导支部组织生活，修订报销制度。\n",
        good="问题1：学习不够。\n整改情况：\n班子成员以普通党员身份参加指导支部组织生活，制定学习计划。\n"
        "问题2：制度不全。\n整改情况：\n修订财务报销制度，逐月公开收支情况。\n",
    ),
)

__all__ = [
    "MIN_MEASURE_CHARS",
    "MIN_SENTENCE_CHARS",
    "RULES",
    "check_repeated_measure",
    "check_repeated_sentence",
]
