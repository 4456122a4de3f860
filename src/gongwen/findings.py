"""Findings and input errors as data: a code, a level, a message and a location."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from gongwen.i18n import N_, _


class Level(StrEnum):
    """How serious a finding is, from a remark to something that stops the work."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Order for comparisons: info < warning < error.

        >>> Level.WARNING.rank > Level.INFO.rank
        True
        """
        return _LEVEL_RANK[self]

    @property
    def label(self) -> str:
        """The level as a reader sees it, in the current language.

        >>> Level.ERROR.label
        '错误'
        """
        return _(_LEVEL_LABEL[self])


_LEVEL_RANK = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}
_LEVEL_LABEL = {Level.INFO: N_("提示"), Level.WARNING: N_("警告"), Level.ERROR: N_("错误")}


@dataclass(frozen=True)
class Location:
    """Where a finding points: a file, a line in it, and a field path in the model.

    >>> str(Location(file="a.yaml", line=12, path="body[1].section.heading"))
    'a.yaml:12: body[1].section.heading'
    >>> str(Location(path="title"))
    'title'
    """

    file: str | None = None
    line: int | None = None
    path: str | None = None

    def __str__(self) -> str:
        place = ""
        if self.file is not None:
            place = self.file
            if self.line is not None:
                place += f":{self.line}"
        if self.path:
            place = f"{place}: {self.path}" if place else self.path
        return place


@dataclass(frozen=True)
class Finding:
    """One thing worth telling about a notice: stable code, level, message, location.

    ``fix`` is the replacement text for mechanical findings, ``None`` otherwise. ``span`` is
    where in its line or field the finding is, as ``(start, end)`` character offsets, when a
    rule knows it; for a checker finding with a fix, the fix (the whole line or field) differs
    from the original only inside the span.
    """

    code: str
    level: Level
    message: str
    location: Location = field(default_factory=Location)
    fix: str | None = None
    span: tuple[int, int] | None = None

    def __str__(self) -> str:
        where = str(self.location)
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.level.label} {self.code}: {self.message}"


class GongwenError(Exception):
    """Base class of every error gongwen raises on purpose."""


class InputError(GongwenError, ValueError):
    """An input could not be used; carries one finding per problem found.

    It is a :class:`ValueError`, so code that caught pydantic's ``ValidationError`` (also a
    ``ValueError``) as one keeps working.

    >>> where = Location("n.yaml", 3, "title")
    >>> str(InputError([Finding("E001", Level.ERROR, "标题不能为空", where)]))
    'n.yaml:3: title: 错误 E001: 标题不能为空'
    """

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))

    @classmethod
    def single(
        cls, code: str, message: str, *, file: str | Path | None = None, line: int | None = None
    ) -> InputError:
        """One error about a whole file (or one line of it)."""
        location = Location(file=None if file is None else str(file), line=line)
        return cls([Finding(code, Level.ERROR, message, location)])


FINDING_KEYS = ("code", "level", "message", "file", "line", "path", "fix")
"""The keys of a finding as a dict, in order: ``check --format json``, the batch manifest."""


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A finding as a flat dict of JSON values, keys in :data:`FINDING_KEYS` order.

    >>> d = finding_to_dict(Finding("E001", Level.ERROR, "标题不能为空", Location("n.yaml", 3)))
    >>> list(d.values())
    ['E001', 'error', '标题不能为空', 'n.yaml', 3, None, None]
    >>> finding_from_dict(d) == Finding("E001", Level.ERROR, "标题不能为空", Location("n.yaml", 3))
    True
    """
    where = finding.location
    return {
        "code": finding.code,
        "level": finding.level.value,
        "message": finding.message,
        "file": where.file,
        "line": where.line,
        "path": where.path,
        "fix": finding.fix,
    }


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    """The finding :func:`finding_to_dict` wrote (missing location keys are ``None``)."""
    return Finding(
        str(data["code"]),
        Level(data["level"]),
        str(data["message"]),
        Location(data.get("file"), data.get("line"), data.get("path")),
        data.get("fix"),
    )


__all__ = [
    "FINDING_KEYS",
    "Finding",
    "GongwenError",
    "InputError",
    "Level",
    "Location",
    "finding_from_dict",
    "finding_to_dict",
]
