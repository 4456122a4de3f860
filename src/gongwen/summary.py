"""Counts of what a notice holds: sections by level, problems, measures, attachments."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gongwen.i18n import _, ngettext
from gongwen.model import Notice, Problem, Section, walk


@dataclass(frozen=True)
class Summary:
    """What a notice holds, counted from its structure."""

    sections_by_level: tuple[int, ...]
    problems: int
    measures: int
    attachments: int

    def __str__(self) -> str:
        """One line, as ``gongwen validate`` prints it, in the current language.

        >>> str(Summary((3, 4, 7, 0), 16, 31, 0))
        '一级标题 3 个，二级标题 4 个，三级标题 7 个，问题 16 个，措施 31 条，附件 0 个'
        >>> from gongwen.i18n import use_language
        >>> with use_language("en"):
        ...     str(Summary((1, 0, 0, 0), 1, 2, 0))
        '1 top-level section, 0 subsections, 1 problem, 2 measures, 0 attachments'
        """
        parts = [
            _SECTIONS[level](count).format(n=count)
            for level, count in enumerate(self.sections_by_level)
            if count or level < 2
        ]
        parts += [
            ngettext("问题 {n} 个", "问题 {n} 个", self.problems).format(n=self.problems),
            ngettext("措施 {n} 条", "措施 {n} 条", self.measures).format(n=self.measures),
            ngettext("附件 {n} 个", "附件 {n} 个", self.attachments).format(n=self.attachments),
        ]
        return _("，").join(parts)


_SECTIONS: tuple[Callable[[int], str], ...] = (
    lambda n: ngettext("一级标题 {n} 个", "一级标题 {n} 个", n),
    lambda n: ngettext("二级标题 {n} 个", "二级标题 {n} 个", n),
    lambda n: ngettext("三级标题 {n} 个", "三级标题 {n} 个", n),
    lambda n: ngettext("四级标题 {n} 个", "四级标题 {n} 个", n),
)
"""Sections counted by level, in the current language."""


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
