"""What one line (paragraph) of a notice is, from its words alone.

:func:`classify` is the one place that says a line is page chrome, a heading (of which level,
run in or not), a problem, a label, a measure, a date, a contact line, an attachment item or
note, a 版记 line — the reader's passes and the checker's view both ask it. What a line is in
its context (the title is the first title-like line; a date ends the text only at the end) is
the caller's business, and where the reader chooses it says so with a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import ascii_digits, parse_measure_lead, parse_problem_label
from gongwen.recognise.chrome import parse_chrome
from gongwen.recognise.contact import parse_contact
from gongwen.recognise.headings import scan_heading, split_run_in
from gongwen.recognise.labels import (
    leading_status,
    parse_label,
    parse_numeral_problem_label,
    split_labelled,
)
from gongwen.recognise.tail import parse_attachment_item, parse_signature_date

__all__ = ["Kind", "LineKind", "classify", "numbered_problem"]

SPACES = " \t\u3000\xa0\r\ufeff"


class Kind(StrEnum):
    """The kinds of line :func:`classify` tells apart."""

    BLANK = "blank"
    CHROME = "chrome"
    HEADING = "heading"
    PROBLEM = "problem"
    LABEL = "label"
    MEASURE = "measure"
    DATE = "date"
    CONTACT = "contact"
    ATTACHMENT_NOTE = "attachment_note"
    """附件：… (the first line of 附件说明)."""
    ATTACHMENT_LABEL = "attachment_label"
    """附件 / 附件2 alone: the top of a bound attachment."""
    ATTACHMENT_ITEM = "attachment_item"
    """2.某某表: an item of 附件说明 — or a level-3 heading; context decides."""
    IMPRINT = "imprint"
    TEXT = "text"


@dataclass(frozen=True)
class LineKind:
    """What :func:`classify` found: the kind, the level and number of a heading or problem,
    where the content starts after an ordinal or label, and whether a heading is run in."""

    kind: Kind
    level: int | None = None
    number: int | None = None
    start: int = 0
    run_in: bool = False
    damage: str | None = None
    label: str | None = None


_ATTACHMENT_NOTE = lazy_compile(r"附\s*件\s*[：:]\s*(?=\S)")
_ATTACHMENT_LABEL = lazy_compile(r"附件\s*([0-9０-９]{1,3})?")
_IMPRINT = lazy_compile(r"(?:抄\s*送|主\s*送)\s*[：:]|.*印发$")
_PROBLEM_START = lazy_compile(r"[ \t\u3000]*问题\s*([0-9０-９]+)")


def classify(line: str) -> LineKind:
    """The kind of ``line`` by its words alone.

    >>> found = classify("（二）健全工作机制。各部门要建立台账。")
    >>> found.kind.value, found.level, found.number, found.start, found.run_in
    ('heading', 2, 2, 3, True)
    >>> classify("问题3:制度执行不严格。整改情况:一是修订办法;二是逐项复核。").kind
    <Kind.PROBLEM: 'problem'>
    >>> lines = ("整改时限:2023年底", "二是每月核对。", "2023年9月15", "发布日期:2023-03-14",
    ...          "附件:1.整改台账", "附件2", "电 话:1234567")
    >>> [classify(t).kind.value for t in lines]
    ['label', 'measure', 'date', 'chrome', 'attachment_note', 'attachment_label', 'contact']
    """
    text = line.strip(SPACES)
    lead = len(line) - len(line.lstrip(SPACES))
    if not text:
        return LineKind(Kind.BLANK)
    if parse_chrome(text) is not None:
        return LineKind(Kind.CHROME)
    if m := _ATTACHMENT_LABEL.fullmatch(text):
        return LineKind(Kind.ATTACHMENT_LABEL, number=int(ascii_digits(m[1])) if m[1] else None)
    if m := _ATTACHMENT_NOTE.match(text):
        return LineKind(Kind.ATTACHMENT_NOTE, start=lead + m.end())
    if m := _PROBLEM_START.match(line):
        found = parse_problem_label(text)
        start = len(line) - len(found[1]) if found is not None else m.end()
        return LineKind(Kind.PROBLEM, number=int(ascii_digits(m[1])), start=start)
    if (written := parse_numeral_problem_label(text)) is not None:
        return LineKind(Kind.PROBLEM, number=written[0], start=len(line) - len(written[1]))
    if (label := parse_label(text)) is not None:
        return LineKind(Kind.LABEL, start=len(line) - len(label[1]), label=label[0])
    if parse_signature_date(text) is not None:
        return LineKind(Kind.DATE, start=lead)
    heading = scan_heading(line)
    if heading is not None:
        _, body = split_run_in(line[heading.start :])
        return LineKind(
            Kind.HEADING,
            heading.level,
            heading.number,
            heading.start,
            run_in=bool(body),
            damage=heading.damage,
        )
    if _IMPRINT.match(text):
        return LineKind(Kind.IMPRINT, start=lead)
    if parse_measure_lead(text) is not None:
        return LineKind(Kind.MEASURE, start=lead)
    contact = parse_contact(text)
    if contact is not None and not contact.before:
        return LineKind(Kind.CONTACT, start=lead)
    if parse_attachment_item(text) is not None:
        return LineKind(Kind.ATTACHMENT_ITEM, start=lead)
    return LineKind(Kind.TEXT, start=lead)


def numbered_problem(found: LineKind, line: str, next_line: str | None) -> bool:
    """Whether a ``1.``/``（1）`` item (a level-3 or level-4 heading by its ordinal) is a
    problem: a label runs into its line after a sentence (``2.制度落实不到位。完成情况:…``),
    its status follows the statement (``1.…。已整改。``) or a label starts the next line. A
    ``（一）`` item is a problem only by what its own line holds.

    >>> line = "1.台账不全。"
    >>> numbered_problem(classify(line), line, "完成情况:已完成")
    True
    >>> line = "2.制度落实不到位。完成情况:正在推进。整改情况:一是修订;二是复核。"
    >>> numbered_problem(classify(line), line, None)
    True
    >>> line = "1.固定资产账实不符。正在整改。已完成资产清查。"
    >>> numbered_problem(classify(line), line, None)
    True
    >>> line = "（1）整改进展"
    >>> numbered_problem(classify(line), line, "（2）下一步打算")
    False
    >>> line = "1.加强组织领导。各部门要……"
    >>> numbered_problem(classify(line), line, "2.强化督查。")
    False
    """
    if found.kind is not Kind.HEADING or found.level not in (2, 3, 4) or found.damage is not None:
        return False
    parts = split_labelled(line[found.start :])
    if parts[0].label is None and any(part.label is not None for part in parts[1:]):
        return True  # a statement, then labels: not a heading that is itself a label
    _, after = split_run_in(parts[0].text)
    if after and leading_status(after) is not None:
        return True  # 1.未及时清理存量资金。已整改。…: a statement, then its status
    if next_line is not None and leading_status(next_line.strip(SPACES)) is not None:
        return True  # （一）问题。 then 该问题已完成整改。…
    if found.level == 2:
        return False  # （一） with a label only below it is a heading over problems
    return next_line is not None and parse_label(next_line.strip(SPACES)) is not None
