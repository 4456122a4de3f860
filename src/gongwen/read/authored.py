"""A Markdown notice as its author wrote it to be rendered: the ordinals typed in it are held
to the derived ones exactly as a notice file's are (:mod:`gongwen.typed_ordinals`).

Reading a *published* notice, a wrong ordinal is damage to report (GW101, GW104, GW107) and
read past. A Markdown draft handed to ``gongwen render`` is the author's own text: an ordinal
that agrees with its place is dropped (IN010), one that disagrees is refused (IN011, nothing
is written), and ``keep_typed_ordinals`` prints each as typed, once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gongwen.fieldpath import format_path, parse_path
from gongwen.model import Notice
from gongwen.numbering import parse_heading_ordinal, parse_measure_lead, parse_problem_label
from gongwen.read.markdown import read_markdown_as_typed, read_markdown_text
from gongwen.read.parse import ReadResult
from gongwen.typed_ordinals import Loc, drop_typed_ordinals, set_at, value_at

__all__ = ["ORDINAL_DEFECTS", "read_authored_markdown", "with_typed_ordinals"]

ORDINAL_DEFECTS = frozenset({"GW101", "GW102", "GW104", "GW107"})
"""What the reader says of a typed ordinal that disagrees with its place: for an authored file
the typed ordinals are judged by :func:`gongwen.typed_ordinals.drop_typed_ordinals` instead."""


def read_authored_markdown(
    path: str | Path, *, keep_typed_ordinals: bool = False
) -> tuple[ReadResult, list[str]]:
    """Read a Markdown notice for rendering. Returns the result and the typed ordinals dropped.

    Raises :class:`~gongwen.InputError` (IN011) where a typed ordinal disagrees with the one
    its place gives, unless ``keep_typed_ordinals``.
    """
    name = str(path)
    text = read_markdown_text(path)
    result, typed = read_markdown_as_typed(text, file=name)
    notice = with_typed_ordinals(result, typed)

    def line_of(loc: Loc) -> int | None:
        return result.lines.get(format_path(loc))

    notice, dropped = drop_typed_ordinals(
        notice, file=name, line_of=line_of, keep=keep_typed_ordinals
    )
    findings = [f for f in result.findings if f.code not in ORDINAL_DEFECTS] + dropped
    return replace(result, notice=notice, findings=findings), [f.message for f in dropped]


def with_typed_ordinals(result: ReadResult, typed: dict[int, str]) -> Notice:
    """The notice read, with each heading, problem and measure given back the ordinal its
    author typed before it (the reader took it off), where the paragraph on its line shows one.

    >>> md = "# 关于整改的通知\\n\\n## 三、工作安排\\n\\n问题2：学习不够。\\n"
    >>> n = with_typed_ordinals(*read_markdown_as_typed(md))
    >>> n.body[0].heading, n.body[0].body[0].statement
    ('三、工作安排', '问题2：学习不够。')
    """
    notice = result.notice.model_copy(deep=True)
    for path, line in result.lines.items():
        loc = parse_path(path)
        if not loc or not _ordinal_field(loc):
            continue
        value = value_at(notice, loc)
        source = typed.get(line)
        if not isinstance(value, str) or not value or not source or source == value:
            continue
        at = source.find(value)
        restored = source[:at].strip() + value if at > 0 else None
        if restored is not None and _rest(loc, restored) == value.strip():
            set_at(notice, loc, restored)
    return notice


def _ordinal_field(loc: Loc) -> bool:
    """A field that may carry a typed ordinal: a heading, a problem's statement, a measure."""
    last = loc[-1]
    return last in ("heading", "statement") or (
        isinstance(last, int) and len(loc) >= 2 and loc[-2] == "measures"
    )


def _rest(loc: Loc, text: str) -> str | None:
    """What follows the ordinal ``text`` opens with, as its field's kind reads it."""
    if loc[-1] == "heading":
        heading = parse_heading_ordinal(text)
        return None if heading is None else heading.rest.strip()
    found = parse_problem_label(text) if loc[-1] == "statement" else parse_measure_lead(text)
    return None if found is None else found[1].strip()
