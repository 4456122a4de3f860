"""Findings as a person reads them: the serious first, repeats of one paragraph told once.

The API and ``--format json`` keep every finding (each half-width mark is one, with its own
span and fix). A person reading the text output wants the one finding that matters above the
forty commas: :func:`grouped` folds the findings of one code on one line or field into one
entry with a count, and orders entries by severity, then by line; :func:`code_summary` gives one
line per code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from gongwen.findings import Finding, Level
from gongwen.i18n import _, ngettext


@dataclass(frozen=True)
class Entry:
    """One line of the text output: a finding, or several of one code on one line or field."""

    first: Finding
    count: int = 1
    fixable: int = 0
    """How many of them carry a fix (``--fix`` applies them together)."""

    @property
    def message(self) -> str:
        """The first finding's message, with the count when there are several."""
        if self.count == 1:
            return self.first.message
        return _("{message}（本段同类共{count}处）").format(
            message=self.first.message, count=self.count
        )


def _place(finding: Finding) -> tuple[int, str]:
    return finding.location.line or 0, finding.location.path or ""


def grouped(findings: Sequence[Finding]) -> list[Entry]:
    """Findings of one file folded by (line or field, code), most serious first, then by line.

    >>> from gongwen.findings import Location
    >>> def f(code, level, line, fix=None):
    ...     return Finding(code, level, f"{code}@{line}", Location("n.txt", line), fix)
    >>> found = [f("GW301", Level.WARNING, 3, "x"), f("GW301", Level.WARNING, 3, "y"),
    ...          f("GW505", Level.ERROR, 7), f("GW402", Level.INFO, 1)]
    >>> [(e.first.code, e.first.location.line, e.count, e.fixable) for e in grouped(found)]
    [('GW505', 7, 1, 0), ('GW301', 3, 2, 2), ('GW402', 1, 1, 0)]
    """
    entries: dict[tuple[tuple[int, str], str], list[Finding]] = {}
    for finding in findings:
        entries.setdefault((_place(finding), finding.code), []).append(finding)
    out = [
        Entry(group[0], len(group), sum(f.fix is not None for f in group))
        for group in entries.values()
    ]
    out.sort(key=lambda e: (-e.first.level.rank, _place(e.first), e.first.code))
    return out


def code_summary(findings: Sequence[Finding], names: dict[str, str]) -> list[str]:
    """One line per code: how many findings, at what level, how many fixable. ``names`` are
    the rules' names as shown (:attr:`gongwen.check.Rule.label`).

    >>> from gongwen.findings import Location
    >>> from gongwen.i18n import use_language
    >>> found = [Finding("GW301", Level.WARNING, "m", Location(), "x")] * 3
    >>> code_summary(found, {"GW301": "半角标点"})
    ['GW301  半角标点  3个警告，3个可修复']
    >>> with use_language("en"):
    ...     code_summary(found[:1], {"GW301": "half-width-punctuation"})
    ['GW301  half-width-punctuation  1 warning, 1 fixable']
    """
    counts = Counter(f.code for f in findings)
    fixable = Counter(f.code for f in findings if f.fix is not None)
    levels: dict[str, Level] = {f.code: f.level for f in findings}
    lines = []
    for code in sorted(counts, key=lambda c: (-levels[c].rank, c)):
        fix = _("，{count}个可修复").format(count=fixable[code]) if fixable[code] else ""
        lines.append(f"{code}  {names.get(code, '')}  {_counted(levels[code], counts[code])}{fix}")
    return lines


def _counted(level: Level, n: int) -> str:
    """``n`` findings of ``level``: 3个警告, 3 warnings."""
    if level == Level.ERROR:
        message = ngettext("{count}个错误", "{count}个错误", n)
    elif level == Level.WARNING:
        message = ngettext("{count}个警告", "{count}个警告", n)
    else:
        message = ngettext("{count}个提示", "{count}个提示", n)
    return message.format(count=n)


__all__ = ["Entry", "code_summary", "grouped"]
