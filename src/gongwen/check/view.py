"""What the rules look at: a notice as text units with roles, from a model or from raw lines.

A rule never walks a model or splits a text itself. It reads :class:`CheckInput`, which offers
the same view of both kinds of input:

* :attr:`CheckInput.units` — every piece of text in document order, each with its role (title,
  heading, problem, measure, …) and where it is: a field path for a model, a line for text;
* :attr:`CheckInput.outline` — the section tree with the problems under each section;
* the dates that are not text: 成文日期, 印发日期, 发布日期.

For a model every string field is a unit and its text is the field. For text input every line
is a unit and its text is the line as written, ordinal and all, because numbering and
punctuation are only visible there (a model derives its numbering, and the reader normalises
half-width punctuation). Classifying lines is a light scan, not a reader: it needs only to say
which line is a heading of which level, which is a problem, which belongs to a 整改情况 list.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Any, Protocol

from gongwen.check.chrome import is_page_chrome
from gongwen.dates import find_dates, parse_date
from gongwen.lazy_regex import lazy_compile
from gongwen.model import Attachment, BodyItem, Notice, Paragraph, Problem, Section
from gongwen.recognise.chrome import parse_chrome
from gongwen.recognise.head import (
    is_classification,
    is_copy_number,
    is_document_number,
    title_candidate,
)
from gongwen.recognise.headings import HeadingScan, scan_heading
from gongwen.recognise.labels import LABELS, LabelKind, label_kind
from gongwen.recognise.lines import Kind, classify, numbered_problem
from gongwen.recognise.tail import parse_attachment_item, parse_signature_date

SPACES = " \t\u3000\xa0\r\ufeff"
"""White space around a line, including the full-width space of typed indents."""

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
"""A character class of the CJK ideographs (for regular expressions)."""

NUMERALS = "一二三四五六七八九十百"
"""The characters of a Chinese numeral used as an ordinal (一 to 九百九十九)."""

MEASURE_LABELS = tuple(label for label, kind in LABELS.items() if kind is not LabelKind.DEADLINE)
"""Labels that may open a list of measures under a problem (from the recogniser)."""


class Role(StrEnum):
    """What a unit of text is in the notice."""

    TITLE = "title"
    HEADER = "header"
    """版头 text other than 份号 and 发文字号: 发文机关标志, 签发人, 密级和保密期限."""
    COPY_NUMBER = "copy_number"
    DOCUMENT_NUMBER = "document_number"
    ADDRESSEE = "addressee"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    PROBLEM = "problem"
    MEASURES_LABEL = "measures_label"
    MEASURE = "measure"
    CONTACT = "contact"
    ATTACHMENT_NOTE = "attachment_note"
    """附件说明 (cl. 7.3.4), or one entry of it."""
    ATTACHMENT_LABEL = "attachment_label"
    """The 附件N label at the top of an attachment page (cl. 7.3.7)."""
    ATTACHMENT_TITLE = "attachment_title"
    SIGNATURE = "signature"
    SIGNATURE_DATE = "signature_date"
    NOTE = "note"
    IMPRINT = "imprint"
    CHROME = "chrome"
    """Web page furniture (发布日期, 浏览次数, 打印本页): not part of the notice."""


@dataclass(frozen=True)
class Unit:
    """One piece of text: a string field of a model, or a line of a text.

    ``text`` is the whole field or the whole line: a fix replaces all of it. ``start`` is where
    the content begins after an ordinal or label written in a line (always 0 for a model).
    """

    text: str
    role: Role
    order: int = 0
    """Position in document order."""
    path: str | None = None
    """Field path in the model, e.g. ``body[1].section.heading``."""
    line: int | None = None
    """1-based line of the source text."""
    start: int = 0
    level: int = 0
    """Heading level, 1 to 4."""
    number: int | None = None
    """The number written in a text's ordinal or label (None when it was lost)."""
    damage: str | None = None
    """How a written heading ordinal was damaged (see :func:`scan_heading`), or None."""
    problem: int | None = None
    """Index (from 0) of the problem this unit belongs to, for problems and their measures."""
    part: int = 0
    """0 for the main text, k for attachment k."""
    intro: bool = False
    """In the introduction: the main text before its first heading."""
    raw: bool = False
    """True for a line of text (ordinals written), False for a model field (ordinals derived)."""

    @property
    def content(self) -> str:
        """The text after any written ordinal or label, without surrounding white space."""
        return self.text[self.start :].strip(SPACES)


@dataclass
class Node:
    """A section in the outline, with its subsections and the problems directly in it."""

    level: int
    unit: Unit | None = None
    children: list[Node] = field(default_factory=list)
    problems: int = 0

    def total_problems(self) -> int:
        """Problems in this section and all its subsections."""
        return self.problems + sum(child.total_problems() for child in self.children)

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


# ---------------------------------------------------------------------------------------------
# Lines of text into units

_BRACKETED = lazy_compile(r"[（(].+[)）]")
_FRONT_ROLES = frozenset(
    {Role.TITLE, Role.HEADER, Role.COPY_NUMBER, Role.DOCUMENT_NUMBER, Role.CHROME}
)
_SIGNATURE_MAX = 30


def _is_date_line(text: str) -> date | None:
    found = parse_signature_date(text)
    return found.date if found is not None else None


@dataclass
class _Scan:
    """State of the scan of a text's lines."""

    units: list[Unit] = field(default_factory=list)
    part: int = 0
    problem: int | None = None
    problems: int = 0
    in_measures: bool = False
    in_note: bool = False
    seen_heading: bool = False
    bracket_level: int = 2
    await_attachment_title: bool = False
    published: date | None = None

    def add(self, text: str, role: Role, line: int, **kw: Any) -> None:
        """Append a unit for a line of text."""
        unit = Unit(text, role, order=len(self.units), line=line, part=self.part, raw=True)
        self.units.append(replace(unit, **kw))

    def past_front(self) -> bool:
        """Whether anything but the title, 版头 and page chrome has been seen."""
        return any(u.role not in _FRONT_ROLES for u in self.units)


def units_from_lines(lines: list[str]) -> tuple[list[Unit], date | None]:
    """Classify the lines of a text; return its units and the page's 发布日期 if it shows one."""
    scan = _Scan()
    index = _front(lines, scan)
    for number, line in enumerate(lines[index:], start=index + 1):
        _body_line(line, number, scan, _next(lines, number - 1))
    return _mark_signature(scan.units), scan.published


def _front(lines: list[str], scan: _Scan) -> int:
    """Page chrome, 版头 and title at the top; the index of the first body line."""
    title: list[int] = []
    title_done = False
    index = 0
    for index, line in enumerate(lines):
        text = line.strip(SPACES)
        number = index + 1
        if not text:
            title_done = title_done or bool(title)
            continue
        if parse_chrome(text) is not None or is_page_chrome(text):
            _chrome(text, number, scan)
            title_done = title_done or bool(title)
            continue
        if not title and is_copy_number(text):
            scan.add(line, Role.COPY_NUMBER, number)
        elif is_document_number(text):
            # What came before a 发文字号 was the 发文机关标志, not the title.
            for i in title:
                scan.units[i] = replace(scan.units[i], role=Role.HEADER)
            title, title_done = [], False
            scan.add(line, Role.DOCUMENT_NUMBER, number)
        elif not title and is_classification(text):
            scan.add(line, Role.HEADER, number)
        elif not title_done and len(title) < 3 and title_candidate(text, _next(lines, index)):
            title.append(len(scan.units))
            scan.add(line, Role.TITLE, number)
        else:
            return index
    if title:  # nothing follows the short lines at the top: they are not a title
        first = scan.units[title[0]].line
        del scan.units[title[0] :]
        return (first or 1) - 1
    return len(lines)


def _next(lines: list[str], index: int) -> str | None:
    return lines[index + 1] if index + 1 < len(lines) else None


def _chrome(text: str, number: int, scan: _Scan) -> None:
    scan.add(text, Role.CHROME, number)
    chrome = parse_chrome(text)
    if chrome is None or scan.published is not None:
        return
    value = chrome.metadata.get("发布日期") or chrome.metadata.get("发布时间") or ""
    head = value.split()[0] if value.split() else ""
    with contextlib.suppress(ValueError):
        scan.published = parse_date(head)


def _body_line(line: str, number: int, scan: _Scan, next_line: str | None = None) -> None:
    text = line.strip(SPACES)
    if not text:
        return
    lead = len(line) - len(line.lstrip(SPACES))
    found = classify(line)
    if found.kind is Kind.CHROME or is_page_chrome(text):
        _chrome(text, number, scan)
        return
    if scan.await_attachment_title:
        scan.await_attachment_title = False
        scan.add(line, Role.ATTACHMENT_TITLE, number, start=lead)
        return
    if found.kind is Kind.ATTACHMENT_NOTE:
        scan.in_note = True
        scan.in_measures = False
        scan.add(line, Role.ATTACHMENT_NOTE, number, start=found.start)
        return
    if scan.in_note and parse_attachment_item(text) is not None:
        scan.add(line, Role.ATTACHMENT_NOTE, number, start=lead)
        return
    scan.in_note = False
    if found.kind is Kind.ATTACHMENT_LABEL:
        scan.part += 1
        scan.problem, scan.in_measures, scan.seen_heading = None, False, False
        scan.add(line, Role.ATTACHMENT_LABEL, number, number=found.number)
        scan.await_attachment_title = True
        return
    if found.kind is Kind.PROBLEM or numbered_problem(found, line, next_line):
        scan.problem = scan.problems
        scan.problems += 1
        scan.in_measures = False
        scan.add(line, Role.PROBLEM, number, number=found.number, problem=scan.problem)
        return
    if found.kind is Kind.LABEL and found.label is not None:
        rest = line[found.start :].strip(SPACES)
        if label_kind(found.label, rest) is not LabelKind.MEASURES:
            # 整改时限, 责任单位, a 完成情况 status: details of the problem, not measures
            scan.in_measures = False
            scan.add(line, Role.PARAGRAPH, number, start=found.start, problem=scan.problem)
            return
        scan.in_measures = True
        role = Role.MEASURE if rest else Role.MEASURES_LABEL
        scan.add(line, role, number, start=found.start, problem=scan.problem)
        return
    if found.kind is Kind.HEADING:
        heading = scan_heading(line)
        assert heading is not None
        _heading(line, number, heading, scan)
        return
    if found.kind is Kind.IMPRINT:
        scan.add(line, Role.IMPRINT, number, start=lead)
        return
    if scan.in_measures and scan.problem is not None:
        scan.add(line, Role.MEASURE, number, start=lead, problem=scan.problem)
        return
    intro = scan.part == 0 and not scan.seen_heading
    if intro and not scan.past_front() and text.endswith(("：", ":")) and len(text) <= 60:
        scan.add(line, Role.ADDRESSEE, number, start=lead)
        return
    scan.add(line, Role.PARAGRAPH, number, start=lead, intro=intro)


def _heading(line: str, number: int, heading: HeadingScan, scan: _Scan) -> None:
    level = heading.level
    if level is None:
        level = scan.bracket_level
    elif level in (2, 4):
        scan.bracket_level = level
    scan.seen_heading = True
    scan.problem, scan.in_measures = None, False
    scan.add(
        line,
        Role.HEADING,
        number,
        start=heading.start,
        level=level,
        number=heading.number,
        damage=heading.damage,
    )


def _mark_signature(units: list[Unit]) -> list[Unit]:
    """The last line that is only a date is the 成文日期; short lines just above it, the 署名."""
    for i in range(len(units) - 1, -1, -1):
        unit = units[i]
        if unit.role in (Role.PARAGRAPH, Role.MEASURE) and _is_date_line(unit.content):
            units[i] = replace(unit, role=Role.SIGNATURE_DATE, problem=None, intro=False)
            j = i - 1
            while j >= 0 and i - j <= 3:
                above = units[j]
                if above.role not in (Role.PARAGRAPH, Role.MEASURE):
                    break
                content = above.content
                if len(content) > _SIGNATURE_MAX or re.search(r"[，。；：,.;:！？]", content):
                    break
                units[j] = replace(above, role=Role.SIGNATURE, problem=None, intro=False)
                j -= 1
            for k in range(i + 1, len(units)):
                if units[k].role == Role.PARAGRAPH and _BRACKETED.fullmatch(units[k].content):
                    units[k] = replace(units[k], role=Role.NOTE)
            break
    return units


# ---------------------------------------------------------------------------------------------
# A model into units


def units_from_notice(notice: Notice) -> list[Unit]:
    """Every string field of a notice, in document order, with its field path."""
    out: list[Unit] = []

    def add(text: str, role: Role, path: str, **kw: Any) -> None:
        out.append(replace(Unit(text, role, order=len(out), path=path), **kw))

    header = notice.header
    if header is not None:
        if header.copy_number is not None:
            add(header.copy_number, Role.COPY_NUMBER, "header.copy_number")
        if header.classification is not None and header.classification.period:
            add(header.classification.period, Role.HEADER, "header.classification.period")
        if header.issuer_mark is not None:
            for i, organ in enumerate(header.issuer_mark.organs):
                add(organ, Role.HEADER, f"header.issuer_mark.organs[{i}]")
        for i, signer in enumerate(header.signers):
            add(signer, Role.HEADER, f"header.signers[{i}]")
    add(notice.title, Role.TITLE, "title")
    for i, addressee in enumerate(notice.addressees):
        add(addressee, Role.ADDRESSEE, f"addressees[{i}]")
    counter = [0]
    _body_units(notice.body, "body", 1, 0, counter, add)
    contact = notice.contact
    if contact is not None:
        add(contact.lead, Role.CONTACT, "contact.lead")
        for i, phone in enumerate(contact.phones):
            add(phone, Role.CONTACT, f"contact.phones[{i}]")
        if contact.postbox:
            add(contact.postbox, Role.CONTACT, "contact.postbox")
        if contact.email:
            add(contact.email, Role.CONTACT, "contact.email")
        for i, other in enumerate(contact.others):
            add(other.label, Role.CONTACT, f"contact.others[{i}].label")
            add(other.value, Role.CONTACT, f"contact.others[{i}].value")
    for i, attachment in enumerate(notice.attachments):
        _attachment_units(attachment, i, add)
    signature = notice.signature
    if signature is not None:
        for i, organ in enumerate(signature.organs):
            add(organ, Role.SIGNATURE, f"signature.organs[{i}]")
    if notice.note:
        add(notice.note, Role.NOTE, "note")
    imprint = notice.imprint
    if imprint is not None:
        for i, organ in enumerate(imprint.copy_to):
            add(organ, Role.IMPRINT, f"imprint.copy_to[{i}]")
        add(imprint.printer, Role.IMPRINT, "imprint.printer")
    return out


def _attachment_units(attachment: Attachment, index: int, add: _Add) -> None:
    add(attachment.title, Role.ATTACHMENT_TITLE, f"attachments[{index}].title", part=index + 1)
    _body_units(attachment.body, f"attachments[{index}].body", 1, index + 1, [0], add)


class _Add(Protocol):
    def __call__(self, text: str, role: Role, path: str, **kw: Any) -> None: ...


def _body_units(
    items: list[BodyItem], path: str, level: int, part: int, counter: list[int], add: _Add
) -> None:
    seen_section = False
    for index, item in enumerate(items):
        here = f"{path}[{index}].{item.kind}"
        intro = part == 0 and level == 1 and not seen_section
        if isinstance(item, Paragraph):
            add(item.text, Role.PARAGRAPH, here, part=part, intro=intro)
        elif isinstance(item, Section):
            seen_section = True
            add(item.heading, Role.HEADING, f"{here}.heading", level=level, part=part)
            _body_units(item.body, f"{here}.body", level + 1, part, counter, add)
        elif isinstance(item, Problem):
            number = counter[0]
            counter[0] += 1
            add(item.statement, Role.PROBLEM, f"{here}.statement", problem=number, part=part)
            if item.description:
                add(
                    item.description, Role.PROBLEM, f"{here}.description", problem=number, part=part
                )
            add(
                item.measures_label,
                Role.MEASURES_LABEL,
                f"{here}.measures_label",
                problem=number,
                part=part,
            )
            for i, measure in enumerate(item.measures):
                add(measure, Role.MEASURE, f"{here}.measures[{i}]", problem=number, part=part)


# ---------------------------------------------------------------------------------------------
# The input of every rule


@dataclass
class CheckInput:
    """What a rule sees: a notice model, the raw lines of its source, or both.

    With ``lines`` the rules read the text as written (ordinals and punctuation included) and
    point at lines; without, they read the model's string fields and point at field paths.
    ``line_map`` gives the source line of a field path when it is known (YAML files).
    """

    notice: Notice | None = None
    lines: list[str] | None = None
    line_map: Mapping[str, int] = field(default_factory=dict)
    file: str | None = None

    @property
    def raw(self) -> bool:
        """True when the rules read raw lines of text."""
        return self.lines is not None

    @cached_property
    def _scanned(self) -> tuple[list[Unit], date | None]:
        if self.lines is not None:
            return units_from_lines(self.lines)
        if self.notice is not None:
            return units_from_notice(self.notice), None
        return [], None

    @property
    def units(self) -> list[Unit]:
        """Every unit of text in document order."""
        return self._scanned[0]

    def by_role(self, *roles: Role) -> list[Unit]:
        """The units with one of ``roles``, in document order."""
        return [u for u in self.units if u.role in roles]

    @cached_property
    def outline(self) -> Node:
        """The section tree of the main text (attachments left out), problems counted."""
        root = Node(0)
        stack = [root]
        for unit in self.units:
            if unit.part != 0:
                continue
            if unit.role == Role.HEADING:
                while stack[-1].level >= unit.level:
                    stack.pop()
                node = Node(unit.level, unit)
                stack[-1].children.append(node)
                stack.append(node)
            elif unit.role == Role.PROBLEM and _first_of_problem(unit):
                stack[-1].problems += 1
        return root

    @property
    def published(self) -> date | None:
        """发布日期: from the model, or from the page chrome of a text."""
        if self.notice is not None and self.notice.published is not None and not self.raw:
            return self.notice.published
        return self._scanned[1]

    @property
    def signature_date(self) -> tuple[date, Unit | None] | None:
        """成文日期 and, for text, the line it is on."""
        if not self.raw:
            if self.notice is not None and self.notice.signature is not None:
                return self.notice.signature.date, None
            return None
        for unit in self.by_role(Role.SIGNATURE_DATE):
            found = _is_date_line(unit.content)
            if found is not None:
                return found, unit
        return None

    @property
    def print_date(self) -> date | None:
        """印发日期 of the 版记."""
        if not self.raw:
            if self.notice is not None and self.notice.imprint is not None:
                return self.notice.imprint.print_date
            return None
        for unit in self.by_role(Role.IMPRINT):
            if "印发" in unit.content:
                dates = find_dates(unit.content)
                if dates:
                    return dates[-1][2]
        return None


def _first_of_problem(unit: Unit) -> bool:
    """A model problem has a statement and a description unit; count it once."""
    if unit.raw:
        return True
    return unit.path is not None and unit.path.endswith(".statement")


__all__ = [
    "CJK",
    "MEASURE_LABELS",
    "NUMERALS",
    "SPACES",
    "CheckInput",
    "HeadingScan",
    "Node",
    "Role",
    "Unit",
    "scan_heading",
    "units_from_lines",
    "units_from_notice",
]
