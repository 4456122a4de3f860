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

from gongwen.dates import find_dates, parse_date
from gongwen.model import Attachment, BodyItem, Notice, Paragraph, Problem, Section
from gongwen.numbering import ascii_digits, parse_chinese_numeral, parse_heading_ordinal

SPACES = " \t\u3000\xa0\r\ufeff"
"""White space around a line, including the full-width space of typed indents."""

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
"""A character class of the CJK ideographs (for regular expressions)."""

NUMERALS = "一二三四五六七八九十百"
"""The characters of a Chinese numeral used as an ordinal (一 to 九百九十九)."""

MEASURE_LABELS = ("整改情况", "整改措施", "完成情况", "整改进展情况", "整改进展", "落实情况")
"""Labels that open a list of measures under a problem."""


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
# Headings written in text, damaged ones included


@dataclass(frozen=True)
class HeadingScan:
    """A heading ordinal found at the start of a line, possibly damaged.

    ``number`` is None when the numeral was lost; ``damage`` names what was lost:
    ``"open"`` (the opening bracket: 三）), ``"close"`` (the closing bracket: （三聚焦),
    ``"numeral"`` (the numeral and maybe a bracket: ）聚焦, 、强化) or None for a whole ordinal.
    ``level`` is None when a lost numeral leaves the level open (2 or 4).
    """

    level: int | None
    number: int | None
    start: int
    damage: str | None = None


_LOST_OPEN = re.compile(rf"([{NUMERALS}]+)[)）]\s*")
_LOST_OPEN_ARABIC = re.compile(r"([0-9０-９]{1,3})[)）]\s*")
# "（三聚焦…" lost its ）; "（三月份报送）" is a bracketed phrase, not a heading.
_LOST_CLOSE = re.compile(
    rf"[(（]\s*([{NUMERALS}]+)(?=[{CJK}])(?![{NUMERALS}是、])(?![^)）]*[)）])\s*"
)
_LOST_NUMERAL = re.compile(r"[(（]?\s*[)）]\s*")
_LOST_LEVEL1 = re.compile(r"、\s*")


def _numeral_value(text: str) -> int | None:
    try:
        return parse_chinese_numeral(text)
    except ValueError:
        return None


def scan_heading(line: str) -> HeadingScan | None:
    """The heading ordinal at the start of a line of text, whole or damaged; None if none.

    >>> scan_heading("二、坚持问题导向")
    HeadingScan(level=1, number=2, start=2, damage=None)
    >>> scan_heading("   )聚焦基层党组织软弱涣散")
    HeadingScan(level=None, number=None, start=4, damage='numeral')
    >>> scan_heading("四)对巡察发现问题的整改情况。")
    HeadingScan(level=2, number=4, start=2, damage='open')
    >>> scan_heading("(三聚焦群众身边的不正之风")
    HeadingScan(level=2, number=3, start=2, damage='close')
    >>> print(scan_heading("一是加强学习"), scan_heading("2019年以来"))
    None None
    """
    lead = len(line) - len(line.lstrip(SPACES))
    text = line[lead:]
    whole = parse_heading_ordinal(text)
    if whole is not None:
        return HeadingScan(whole.level, whole.number, len(line) - len(whole.rest))
    if m := _LOST_OPEN.match(text):
        number = _numeral_value(m[1])
        if number is not None:
            return HeadingScan(2, number, lead + m.end(), "open")
    if m := _LOST_OPEN_ARABIC.match(text):
        digits = ascii_digits(m[1])
        if not digits.startswith("0"):
            return HeadingScan(4, int(digits), lead + m.end(), "open")
    if m := _LOST_CLOSE.match(text):
        number = _numeral_value(m[1])
        if number is not None:
            return HeadingScan(2, number, lead + m.end(), "close")
    if m := _LOST_NUMERAL.match(text):
        return HeadingScan(None, None, lead + m.end(), "numeral")
    if m := _LOST_LEVEL1.match(text):
        return HeadingScan(1, None, lead + m.end(), "numeral")
    return None


# ---------------------------------------------------------------------------------------------
# Lines of text into units

_CHROME = re.compile(
    r"(?:发布日期|发布时间|浏览次数|点击数|阅读次数|字体\s*[:：]|打印本页|关闭窗口|当前位置|"
    r"您当前的位置|分享到|来源\s*[:：]|首页\s*[>＞])"
)
_PUBLISHED = re.compile(
    r"(?:发布日期|发布时间)\s*[:：]?\s*([0-9]{4})\s*[-./年]\s*([0-9]{1,2})\s*[-./月]\s*([0-9]{1,2})"
)
_COPY_NUMBER = re.compile(r"[0-9０-９]{1,10}")
_DOCUMENT_NUMBER = re.compile(
    r"\S{1,20}?[〔\[【(（［]\s*[0-9]{4}\s*[〕\]】)）］]\s*字?\s*第?\s*[0-9]+\s*号"
)
_CLASSIFICATION = re.compile(r"(?:秘密|机密|绝密)(?:\s*★.*)?|特急|加急")
_LABEL = re.compile(rf"({'|'.join(MEASURE_LABELS)})\s*[：:]\s*|({'|'.join(MEASURE_LABELS)})\s*$")
_PROBLEM = re.compile(r"问题\s*([0-9０-９]+)")
_ATTACHMENT_NOTE = re.compile(r"附\s*件\s*[：:]\s*(?=\S)")
_ATTACHMENT_LABEL = re.compile(r"附件\s*([0-9０-９]{1,3})?")
_NOTE_ENTRY = re.compile(r"([0-9０-９]{1,3})\s*[.．、]\s*(?=\S)")
_IMPRINT = re.compile(r"(?:抄送|主送)\s*[：:]|.*印发$")
_BRACKETED = re.compile(r"[（(].+[)）]")
_SENTENCE_INSIDE = re.compile(r"[。；！？]")
_FRONT_ROLES = frozenset(
    {Role.TITLE, Role.HEADER, Role.COPY_NUMBER, Role.DOCUMENT_NUMBER, Role.CHROME}
)
_TITLE_MAX = 40
"""A title line is at most this many characters (a 2号 line holds about 20)."""
_SIGNATURE_MAX = 30


def _is_date_line(text: str) -> date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


_DOCUMENT_KINDS = re.compile(
    r"(?:通知|通报|报告|意见|决定|办法|方案|规定|函|纪要|请示|批复|公告|通告|决议|公报|命令|议案)"
    r"[。，；：、,.;:！？!?]+$"
)


def _title_candidate(text: str, next_line: str | None) -> bool:
    """Whether a line at the top can be (part of) the title.

    A line that ends like a sentence is a title only when it names a kind of document and a
    blank line follows it.
    """
    if len(text) > _TITLE_MAX or text.endswith(("：", ":")):
        return False
    if scan_heading(text) or _PROBLEM.match(text) or _LABEL.match(text):
        return False
    if _SENTENCE_INSIDE.search(text.rstrip("。；！？.;!?")):
        return False
    if text[-1] in "。，；、,.;！？!?" and (
        not _DOCUMENT_KINDS.search(text) or (next_line is not None and next_line.strip(SPACES))
    ):
        return False
    return _is_date_line(text) is None


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
        _body_line(line, number, scan)
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
        if _CHROME.search(text):
            _chrome(text, number, scan)
            title_done = title_done or bool(title)
            continue
        if not title and _COPY_NUMBER.fullmatch(text):
            scan.add(line, Role.COPY_NUMBER, number)
        elif _DOCUMENT_NUMBER.fullmatch(text):
            # What came before a 发文字号 was the 发文机关标志, not the title.
            for i in title:
                scan.units[i] = replace(scan.units[i], role=Role.HEADER)
            title, title_done = [], False
            scan.add(line, Role.DOCUMENT_NUMBER, number)
        elif not title and _CLASSIFICATION.fullmatch(text):
            scan.add(line, Role.HEADER, number)
        elif not title_done and len(title) < 3 and _title_candidate(text, _next(lines, index)):
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
    if m := _PUBLISHED.search(text):
        with contextlib.suppress(ValueError):
            scan.published = date(int(m[1]), int(m[2]), int(m[3]))


def _body_line(line: str, number: int, scan: _Scan) -> None:
    text = line.strip(SPACES)
    if not text:
        return
    lead = len(line) - len(line.lstrip(SPACES))
    if _CHROME.search(text) and len(text) < 60:
        _chrome(text, number, scan)
        return
    if scan.await_attachment_title:
        scan.await_attachment_title = False
        scan.add(line, Role.ATTACHMENT_TITLE, number, start=lead)
        return
    if m := _ATTACHMENT_NOTE.match(text):
        scan.in_note = True
        scan.in_measures = False
        scan.add(line, Role.ATTACHMENT_NOTE, number, start=lead + m.end())
        return
    if scan.in_note and _NOTE_ENTRY.match(text):
        scan.add(line, Role.ATTACHMENT_NOTE, number, start=lead)
        return
    scan.in_note = False
    if m := _ATTACHMENT_LABEL.fullmatch(text):
        scan.part += 1
        scan.problem, scan.in_measures, scan.seen_heading = None, False, False
        n = int(ascii_digits(m[1])) if m[1] else None
        scan.add(line, Role.ATTACHMENT_LABEL, number, number=n)
        scan.await_attachment_title = True
        return
    if m := _PROBLEM.match(text):
        scan.problem = scan.problems
        scan.problems += 1
        scan.in_measures = False
        n = int(ascii_digits(m[1]))
        scan.add(line, Role.PROBLEM, number, number=n, problem=scan.problem)
        return
    if m := _LABEL.match(text):
        scan.in_measures = True
        rest = text[m.end() :]
        role = Role.MEASURE if rest else Role.MEASURES_LABEL
        scan.add(line, role, number, start=lead + m.end(), problem=scan.problem)
        return
    heading = scan_heading(line)
    if heading is not None:
        _heading(line, number, heading, scan)
        return
    if _IMPRINT.match(text):
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
