"""Rules as data: a stable code, a default level, a summary, a check function and two examples."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from gongwen.check.view import CheckInput, Unit
from gongwen.findings import Finding, Level, Location
from gongwen.i18n import _


@dataclass(frozen=True)
class Hit:
    """What a rule found, before the registry gives it a code, a level and a file.

    It points at ``unit`` (a field or a line), or at a bare ``path`` when no text holds the
    thing (``signature.date``). ``span`` is where in ``unit.text`` the thing is (start and end
    offsets). ``fix`` replaces the whole of ``unit.text`` but may differ from it only inside
    ``span``: the registry drops a fix that reaches outside (see :func:`fix_inside`). Without a
    span, a fix's span is what it changes (:func:`changed_span`).
    """

    message: str
    unit: Unit | None = None
    fix: str | None = None
    path: str | None = None
    span: tuple[int, int] | None = None


def replaced(text: str, start: int, end: int, new: str) -> str:
    """``text`` with ``text[start:end]`` replaced by ``new``.

    >>> replaced("问题2理论", 3, 3, "：")
    '问题2：理论'
    """
    return text[:start] + new + text[end:]


def changed_span(old: str, new: str) -> tuple[int, int]:
    """The smallest ``(start, end)`` of ``old`` outside which ``new`` is the same as ``old``.

    >>> changed_span("会议于9:00召开,请准时.", "会议于9:00召开，请准时.")
    (9, 10)
    >>> changed_span("甲乙", "甲丙乙")
    (1, 1)
    >>> changed_span("同", "同")
    (1, 1)
    """
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix


def fix_inside(old: str, new: str, span: tuple[int, int]) -> bool:
    """Whether ``new`` differs from ``old`` only inside ``span`` of ``old``.

    >>> fix_inside("9:00、下午", "9:00.下午", (4, 5))
    True
    >>> fix_inside("9:00、下午", "9:00.下午", (0, 2))
    False
    """
    start, end = span
    if not 0 <= start <= end <= len(old):
        return False
    tail = len(old) - end
    return (
        len(new) >= start + tail
        and new[:start] == old[:start]
        and new[len(new) - tail :] == old[end:]
    )


def replacement(old: str, new: str, span: tuple[int, int]) -> str:
    """What a fix puts in place of ``old[span]`` (``new`` being the whole fixed text).

    >>> replacement("9:00、下午", "9:00.下午", (4, 5))
    '.'
    """
    start, end = span
    return new[start : len(new) - (len(old) - end)]


Check = Callable[[CheckInput], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One check with a stable code.

    ``name`` and ``summary`` are written in Chinese and marked with ``N_`` for the catalog:
    :attr:`label` and :attr:`description` give them in the language of the moment, as
    ``gongwen check --list-rules`` shows them.

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

    @property
    def label(self) -> str:
        """The rule's name in the current language.

        >>> from gongwen.check import RULES
        >>> from gongwen.i18n import use_language
        >>> rule = next(r for r in RULES if r.code == "GW301")
        >>> rule.label
        '半角标点'
        >>> with use_language("en"):
        ...     rule.label
        'half-width-punctuation'
        """
        return _(self.name)

    @property
    def description(self) -> str:
        """The rule's summary in the current language."""
        return _(self.summary)


def run_rules(
    rules: Sequence[Rule],
    inp: CheckInput,
    *,
    enabled: Callable[[str], bool] = lambda code: True,
    level_of: Callable[[Rule], Level] = lambda rule: rule.level,
) -> list[Finding]:
    """Run the enabled rules on one input; findings in document order (by unit, then by
    place in the unit), then by code."""
    keyed: list[tuple[int, int, str, Finding]] = []
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
            fix, span = _checked_fix(hit)
            finding = Finding(
                rule.code,
                level_of(rule),
                hit.message,
                Location(inp.file, line, path),
                fix,
                span,
            )
            keyed.append((order, span[0] if span else -1, rule.code, finding))
    keyed.sort(key=lambda k: (k[0], k[1], k[2]))
    return [k[3] for k in keyed]


def _checked_fix(hit: Hit) -> tuple[str | None, tuple[int, int] | None]:
    """The hit's fix and span; a fix that changes nothing or reaches outside its span is
    dropped, so that a fix never touches text the finding is not about."""
    fix, span, unit = hit.fix, hit.span, hit.unit
    if unit is None:
        return None, span
    if span is not None and not 0 <= span[0] <= span[1] <= len(unit.text):
        span = None
    if fix is None:
        return None, span
    if fix == unit.text:
        return None, span
    if span is None:
        return fix, changed_span(unit.text, fix)
    return (fix if fix_inside(unit.text, fix, span) else None), span


def rules_markdown(rules: Sequence[Rule]) -> str:
    """The rule table and one section per rule, as docs/checks.md shows them: names and
    summaries in the current language (``tools/update_checks_doc.py`` writes them in Chinese)."""
    out = [
        "| code | name | level | fix | summary |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        fix = "yes" if rule.fixable else ""
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.label} | {rule.level.value} | {fix} "
            f"| {rule.description} |"
        )
    for rule in rules:
        lang = "yaml" if rule.example_format == "yaml" else "text"
        out += [
            "",
            f"### {rule.code}",
            "",
            f"**{rule.label}** ({rule.level.value}{', fixable' if rule.fixable else ''}): "
            f"{rule.description}",
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
