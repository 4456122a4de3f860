"""Rules as data: a stable code, a default level, a summary, a check function and two examples."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from gongwen.check.view import CheckInput, Unit
from gongwen.findings import Finding, Level, Location


@dataclass(frozen=True)
class Hit:
    """What a rule found, before the registry gives it a code, a level and a file.

    It points at ``unit`` (a field or a line), or at a bare ``path`` when no text holds the
    thing (``signature.date``). ``fix`` replaces the whole of ``unit.text``.
    """

    message: str
    unit: Unit | None = None
    fix: str | None = None
    path: str | None = None


Check = Callable[[CheckInput], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One check with a stable code.

    ``bad`` and ``good`` are small examples in ``example_format`` (``text``: a notice as plain
    text; ``yaml``: a notice file). They are shown in docs/checks.md, and the tests assert that
    the rule reports ``bad`` and not ``good``.
    """

    code: str
    name: str
    level: Level
    summary: str
    check: Check
    bad: str
    good: str
    fixable: bool = False
    """Whether its findings carry a fix (the tests assert that the bad example's does)."""
    example_format: Literal["text", "yaml"] = "text"


def run_rules(
    rules: Sequence[Rule],
    inp: CheckInput,
    *,
    enabled: Callable[[str], bool] = lambda code: True,
    level_of: Callable[[Rule], Level] = lambda rule: rule.level,
) -> list[Finding]:
    """Run the enabled rules on one input; findings in document order, then by code."""
    keyed: list[tuple[int, str, Finding]] = []
    for rule in rules:
        if not enabled(rule.code):
            continue
        for hit in rule.check(inp):
            unit = hit.unit
            path = hit.path if hit.path is not None else (unit.path if unit else None)
            line = unit.line if unit is not None else None
            if line is None and path is not None:
                line = inp.line_map.get(path)
            # Hits on fields that hold no text (signature.date) come after the text.
            order = unit.order if unit is not None else len(inp.units) + (line or 0)
            finding = Finding(
                rule.code, level_of(rule), hit.message, Location(inp.file, line, path), hit.fix
            )
            keyed.append((order, rule.code, finding))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [k[2] for k in keyed]


def rules_markdown(rules: Sequence[Rule]) -> str:
    """The rule table and one section per rule, as docs/checks.md shows them."""
    out = [
        "| code | name | level | fix | summary |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        fix = "yes" if rule.fixable else ""
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.level.value} | {fix} "
            f"| {rule.summary} |"
        )
    for rule in rules:
        lang = "yaml" if rule.example_format == "yaml" else "text"
        out += [
            "",
            f"### {rule.code}",
            "",
            f"**{rule.name}** ({rule.level.value}{', fixable' if rule.fixable else ''}): "
            f"{rule.summary}",
            "",
            "Reported:",
            "",
            f"```{lang}",
            rule.bad.rstrip("\n"),
            "```",
            "",
            "Not reported:",
            "",
            f"```{lang}",
            rule.good.rstrip("\n"),
            "```",
        ]
    return "\n".join(out) + "\n"


__all__ = ["Check", "Hit", "Rule", "rules_markdown", "run_rules"]
