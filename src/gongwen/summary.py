"""Counts of what a notice holds: sections by level, problems, measures, attachments."""

from __future__ import annotations

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

        >>> from gongwen.i18n import use_language
        >>> str(Summary((3, 4, 7, 0), 16, 31, 0)).split("，")[:4]
        ['3个一级标题', '4个二级标题', '7个三级标题', '16个问题']
        >>> with use_language("en"):
        ...     str(Summary((1, 0, 0, 0), 1, 2, 0))
        '1 top-level section, 0 subsections, 1 problem, 2 measures, 0 attachments'
        """
        parts = [
            (_sections(level, count), count)
            for level, count in enumerate(self.sections_by_level)
            if count or level < 2
        ]
        parts += [
            (ngettext("{count}个问题", "{count}个问题", self.problems), self.problems),
            (ngettext("{count}条整改措施", "{count}条整改措施", self.measures), self.measures),
            (ngettext("{count}个附件", "{count}个附件", self.attachments), self.attachments),
        ]
        # 译注：并列几项之间的逗号
        return _("，").join(message.format(count=count) for message, count in parts)


def _sections(level: int, n: int) -> str:
    """The message for ``n`` sections at ``level`` (0 for the top), ``{count}`` to fill."""
    if level == 0:
        return ngettext("{count}个一级标题", "{count}个一级标题", n)
    if level == 1:
        return ngettext("{count}个二级标题", "{count}个二级标题", n)
    if level == 2:
        return ngettext("{count}个三级标题", "{count}个三级标题", n)
    return ngettext("{count}个四级标题", "{count}个四级标题", n)


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
