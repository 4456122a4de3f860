"""Counts of what a notice holds: sections by level, problems, measures, attachments."""

from __future__ import annotations

from dataclasses import dataclass

from gongwen.model import Notice, Problem, Section, walk


@dataclass(frozen=True)
class Summary:
    """What a notice holds, counted from its structure."""

    sections_by_level: tuple[int, ...]
    problems: int
    measures: int
    attachments: int

    def __str__(self) -> str:
        """One line, as ``gongwen validate`` prints it.

        >>> str(Summary((3, 4, 7, 0), 16, 31, 0)).split(", ")[:4]
        ['3 top-level sections', '4 subsections', '7 third-level sections', '16 problems']
        """
        names = [
            "top-level sections",
            "subsections",
            "third-level sections",
            "fourth-level sections",
        ]
        parts = [
            f"{count} {names[level]}"
            for level, count in enumerate(self.sections_by_level)
            if count or level < 2
        ]
        parts += [
            f"{self.problems} problems",
            f"{self.measures} measures",
            f"{self.attachments} attachments",
        ]
        return ", ".join(parts)


def summarize(notice: Notice) -> Summary:
    """Count the sections at each level, the problems, measures and attachments of a notice.

    >>> n = Notice(title="T", body=[{"section": {"heading": "H", "body": [
    ...     {"problem": {"statement": "s", "measures": ["a", "b"]}}]}}])
    >>> summarize(n)
    Summary(sections_by_level=(1, 0, 0, 0), problems=1, measures=2, attachments=0)
    """
    levels = [0, 0, 0, 0]
    problems = measures = 0
    for depth, item in walk(notice.body):
        if isinstance(item, Section):
            levels[depth] += 1
        elif isinstance(item, Problem):
            problems += 1
            measures += len(item.measures)
    return Summary(tuple(levels), problems, measures, len(notice.attachments))


__all__ = ["Summary", "summarize"]
