"""GW9xx: how titles sit in their lines (cl. 7.3.1: 词意完整，排列对称，长短适宜，梯形或菱形).

A title given as one line is broken by the renderer (:mod:`gongwen.titles`); lines an author
broke are kept as given, so the checker warns when they leave a lone character or a stub.
"""

from __future__ import annotations

from collections.abc import Iterator

from gongwen.check.registry import Hit, Rule
from gongwen.check.view import SPACES, CheckInput, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _
from gongwen.titles import line_problems


def _titles(inp: CheckInput) -> Iterator[tuple[Unit, list[str]]]:
    """Each title (notice's and attachments'), as its first unit and its lines as written."""
    group: list[Unit] = []
    for unit in [*inp.units, None]:
        if unit is not None and unit.role in (Role.TITLE, Role.ATTACHMENT_TITLE):
            same = group and group[-1].role == unit.role and group[-1].part == unit.part
            if group and (not same or not unit.raw):
                yield group[0], _lines(group)
                group = []
            group.append(unit)
            continue
        if group:
            yield group[0], _lines(group)
            group = []


def _lines(units: list[Unit]) -> list[str]:
    lines = [line for unit in units for line in unit.content.split("\n")]
    return [line.strip(SPACES) for line in lines if line.strip(SPACES)]


def check_title_lines(inp: CheckInput) -> Iterator[Hit]:
    for unit, lines in _titles(inp):
        problems = line_problems(lines)
        if problems:
            shown = " / ".join(lines)
            # 译注：列举几处问题时的分隔号
            listed = _("；").join(problems)
            message = _(
                "标题分行不当（{shown}）：{problems}。回行时要词意完整、排列对称、长短适宜，"
                "排成梯形或菱形（GB/T 9704 7.3.1）；写成一行则由 gongwen 自动分行"
            ).format(shown=shown, problems=listed)
            yield Hit(message, unit)


PAGE_RULES: dict[str, tuple[str, Level]] = {
    "GW911": ("title-lines-on-page", Level.WARNING),
    "GW912": ("signature-page-alone", Level.ERROR),
    "GW913": ("heading-at-page-foot", Level.WARNING),
}
"""The codes ``gongwen check --render`` reports from the laid-out pages
(:mod:`gongwen.office.pages`), with their names and default levels (docs/checks.md)."""

RULES: tuple[Rule, ...] = (
    Rule(
        "GW404",
        N_("标题分行不当"),
        Level.WARNING,
        N_(
            "作者自行分行的标题留下单独一个字、短于最长行40%的行，或呈沙漏形"
            "（7.3.1：梯形或菱形）。写成一行的标题由渲染程序自动分行。"
        ),
        check_title_lines,
        bad='title: "二七新村街道社区综合党委关于巡察整改进展情况的通\\n报"\nbody: [正文。]\n',
        good='title: "二七新村街道社区综合党委\\n关于巡察整改进展情况的通报"\nbody: [正文。]\n',
        example_format="yaml",
    ),
)


__all__ = ["PAGE_RULES", "RULES", "check_title_lines"]
