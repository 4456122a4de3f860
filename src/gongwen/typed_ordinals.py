"""Ordinals an author typed into a notice file (一、总体要求, 问题1：…, 一是…), at load time.

The model derives every ordinal from position, so a typed one would print twice
(一、一、总体要求). When the typed ordinal is the one gongwen derives, it is dropped with a
finding (IN010, info); when it is another one, the file is refused (IN011, an
:class:`~gongwen.findings.InputError` naming file, field path and line), because gongwen
cannot tell which of the two the author meant. ``keep=True`` (the CLI's
``--keep-typed-ordinals``) keeps every text exactly as typed and marks the notice
``presentation.ordinals: typed``: the typed ordinals are printed, none is derived beside them.

The recognisers are :mod:`gongwen.numbering`'s parse functions, the ones the text reader and
the checker use; this module is the one place the loader calls them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gongwen.findings import Finding, InputError, Level, Location
from gongwen.i18n import _
from gongwen.model import BodyItem, Notice, Problem, Section
from gongwen.numbering import (
    heading_ordinal,
    measure_lead,
    parse_heading_ordinal,
    parse_measure_lead,
    parse_problem_label,
    problem_label,
)

__all__ = [
    "CODE_TYPED_DROPPED",
    "CODE_TYPED_MISMATCH",
    "LineOf",
    "Loc",
    "TypedOrdinal",
    "drop_typed_ordinals",
    "set_at",
    "typed_problem_label",
    "value_at",
]

CODE_TYPED_DROPPED = "IN010"
"""A typed ordinal that matches the derived one was dropped (info)."""
CODE_TYPED_MISMATCH = "IN011"
"""A typed ordinal disagrees with the derived one, or stands with no text after it (error)."""

Loc = tuple[int | str, ...]
LineOf = Callable[[Loc], int | None]


@dataclass(frozen=True)
class TypedOrdinal:
    """An ordinal found typed at the start of a field: where, what was typed, what is derived,
    the text after it, and whether the typed number is the derived one."""

    loc: Loc
    typed: str
    derived: str
    rest: str
    same: bool

    @property
    def matches(self) -> bool:
        """The typed ordinal is the derived one and text follows it."""
        return self.same and bool(self.rest.strip())


def _heading(text: str, level: int, number: int, loc: Loc) -> TypedOrdinal | None:
    parsed = parse_heading_ordinal(text)
    if parsed is None:
        return None
    typed = text.lstrip()[: len(text.lstrip()) - len(parsed.rest)].strip()
    derived = heading_ordinal(level, number)
    same = (parsed.level, parsed.number) == (level, number)
    return TypedOrdinal(loc, typed, derived, parsed.rest, same)


def typed_problem_label(text: str, expected: int | None = None) -> tuple[int, str] | None:
    """The number typed before a problem statement and the text after it: 问题N：, or 1. and
    1、 as some notices number their problems; None when none is typed. ``expected`` settles
    a lost colon (:func:`gongwen.numbering.parse_problem_label`).

    >>> typed_problem_label("2. 制度执行不严"), typed_problem_label("问题82019年以来", expected=8)
    ((2, '制度执行不严'), (8, '2019年以来'))
    >>> print(typed_problem_label("（一）制度执行不严"))
    None
    """
    label = parse_problem_label(text, expected=expected)
    if label is not None:
        return label
    parsed = parse_heading_ordinal(text)
    if parsed is None or parsed.level != 3:
        return None
    return parsed.number, parsed.rest


def _problem(text: str, number: int, loc: Loc) -> TypedOrdinal | None:
    label = typed_problem_label(text, expected=number)
    if label is None:
        return None
    typed = text.lstrip()[: len(text.lstrip()) - len(label[1])].strip()
    return TypedOrdinal(loc, typed, problem_label(number), label[1], label[0] == number)


def _measure(text: str, number: int, loc: Loc) -> TypedOrdinal | None:
    lead = parse_measure_lead(text)
    if lead is None:
        return None
    typed = text.lstrip()[: len(text.lstrip()) - len(lead[1])].strip()
    return TypedOrdinal(loc, typed, measure_lead(number), lead[1], lead[0] == number)


def find_typed_ordinals(notice: Notice) -> list[TypedOrdinal]:
    """Every typed ordinal in a notice's body and attachments, in document order (problems
    are numbered across each body, as they are rendered).

    >>> problem = {"statement": "问题1：学习不够。", "measures": ["一是学。", "三是做。"]}
    >>> n = Notice(title="T", body=[{"section": {"heading": "一、总体要求", "body": [
    ...     {"problem": problem}]}}])
    >>> for t in find_typed_ordinals(n):
    ...     print(t.typed, t.derived, t.matches)
    一、 一、 True
    问题1： 问题1： True
    一是 一是 True
    三是 二是 False
    """
    found: list[TypedOrdinal] = []
    _walk(notice.body, ("body",), 1, found, [0])
    for index, attachment in enumerate(notice.attachments):
        _walk(attachment.body, ("attachments", index, "body"), 1, found, [0])
    return found


def _walk(
    items: list[BodyItem], path: Loc, level: int, found: list[TypedOrdinal], problems: list[int]
) -> None:
    sections = 0
    for index, item in enumerate(items):
        if isinstance(item, Section):
            sections += 1
            loc = (*path, index, "section")
            typed = _heading(item.heading, level, sections, (*loc, "heading"))
            if typed is not None:
                found.append(typed)
            _walk(item.body, (*loc, "body"), level + 1, found, problems)
        elif isinstance(item, Problem):
            problems[0] += 1
            loc = (*path, index, "problem")
            typed = _problem(item.statement, problems[0], (*loc, "statement"))
            if typed is not None:
                found.append(typed)
            if len(item.measures) >= 2:  # one measure is a plain paragraph, with no lead
                for n, measure in enumerate(item.measures, start=1):
                    typed = _measure(measure, n, (*loc, "measures", n - 1))
                    if typed is not None:
                        found.append(typed)


def drop_typed_ordinals(
    notice: Notice, *, file: str | None = None, line_of: LineOf | None = None, keep: bool = False
) -> tuple[Notice, list[Finding]]:
    """The notice with typed ordinals that match the derived ones dropped, and a finding each.

    Raises :class:`InputError` (IN011) when a typed ordinal disagrees with the derived one;
    with ``keep`` (or a notice that says ``presentation: {ordinals: typed}`` itself) nothing is
    dropped or refused, and a notice with typed ordinals gets ``presentation.ordinals:
    typed``, so that each is printed once, as typed. ``line_of``
    gives the source line of a field path, when the file has lines.

    >>> n = Notice(title="T", body=[{"section": {"heading": "一、总体要求"}}])
    >>> fixed, found = drop_typed_ordinals(n)
    >>> fixed.body[0].heading, [f.code for f in found]
    ('总体要求', ['IN010'])
    >>> kept, _ = drop_typed_ordinals(n, keep=True)
    >>> kept.body[0].heading, kept.presentation.ordinals
    ('一、总体要求', 'typed')
    >>> try:
    ...     drop_typed_ordinals(Notice(title="T", body=[{"section": {"heading": "二、要求"}}]))
    ... except InputError as error:
    ...     print(error.findings[0].code, error.findings[0].location.path)
    IN011 body[0].section.heading
    """
    typed = find_typed_ordinals(notice)
    if not typed:
        return notice, []
    if keep or notice.presentation.ordinals == "typed":  # printed once, as typed
        presentation = notice.presentation.model_copy(update={"ordinals": "typed"})
        return notice.model_copy(update={"presentation": presentation}), []

    def where(t: TypedOrdinal) -> Location:
        from gongwen.fieldpath import format_path  # the one writer of field paths

        line = line_of(t.loc) if line_of is not None else None
        return Location(file, line, format_path(t.loc))

    wrong = [t for t in typed if not t.matches]
    if wrong:
        raise InputError([_mismatch(t, where(t)) for t in wrong])
    fixed = notice.model_copy(deep=True)
    findings = []
    for t in typed:
        set_at(fixed, t.loc, t.rest.strip())
        findings.append(
            Finding(
                CODE_TYPED_DROPPED,
                Level.INFO,
                _("删去了键入的序号“{typed}”：gongwen 按位置生成序号（此处为“{derived}”）").format(
                    typed=t.typed, derived=t.derived
                ),
                where(t),
            )
        )
    return fixed, findings


def _mismatch(t: TypedOrdinal, where: Location) -> Finding:
    if not t.same:
        message = _(
            "键入的序号“{typed}”与按位置生成的“{derived}”不一致；删去键入的序号，"
            "或加 --keep-typed-ordinals（文件中写 presentation: {{ordinals: typed}}）保留原文"
        ).format(typed=t.typed, derived=t.derived)
    else:
        message = _("只有序号“{typed}”，没有文字").format(typed=t.typed)
    return Finding(CODE_TYPED_MISMATCH, Level.ERROR, message, where, fix=None)


def value_at(notice: Notice, loc: Loc) -> object:
    """The value at field path ``loc`` of ``notice`` (tags of body items skipped).

    >>> n = Notice(title="T", body=[{"section": {"heading": "要求"}}])
    >>> value_at(n, ("body", 0, "section", "heading"))
    '要求'
    """
    node: object = notice
    for part in loc:
        if isinstance(part, int):
            assert isinstance(node, list)
            node = node[part]
        elif part not in ("section", "problem"):  # the tags of body items, not attributes
            node = getattr(node, part)
    return node


def set_at(notice: Notice, loc: Loc, value: str) -> None:
    """Set the text at field path ``loc`` of ``notice`` (which must be a copy of its own)."""
    node = value_at(notice, loc[:-1])
    last = loc[-1]
    if isinstance(last, int):
        assert isinstance(node, list)
        node[last] = value
    else:
        setattr(node, last, value)
