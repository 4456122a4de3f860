"""Lines of text into units: a light scan, not a reader.

It says which line is chrome, 版头 or title, which a heading of which level, which a problem,
which belongs to a 整改情况 list, and which are the 署名 and 成文日期 at the end; what a line
is, :mod:`gongwen.recognise` decides.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from gongwen.check.chrome import is_page_chrome
from gongwen.check.units import SPACES, Role, Unit
from gongwen.dates import parse_date
from gongwen.lazy_regex import lazy_compile
from gongwen.recognise.chrome import parse_chrome
from gongwen.recognise.head import (
    addressee_like,
    body_starts,
    front_matter_line,
    is_classification,
    is_copy_number,
    is_document_number,
    title_candidate,
    title_shown_again,
)
from gongwen.recognise.headings import HeadingScan, scan_heading
from gongwen.recognise.labels import LabelKind, label_kind
from gongwen.recognise.lines import Kind, classify, numbered_problem
from gongwen.recognise.tail import parse_attachment_item, parse_signature_date

_BRACKETED = lazy_compile(r"[（(].+[)）]")
_FRONT_ROLES = frozenset(
    {Role.TITLE, Role.HEADER, Role.COPY_NUMBER, Role.DOCUMENT_NUMBER, Role.CHROME}
)
_SIGNATURE_MAX = 30


def signature_date_of(text: str) -> date | None:
    """The date of a line that is only a date (a 成文日期), or None."""
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
        _body_line(line, number, scan, _next_text(lines, number - 1))
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
        if (
            parse_chrome(text) is not None
            or is_page_chrome(text)
            or title_shown_again(text, _coming(lines, index))
        ):
            _chrome(text, number, scan)
            title_done = title_done or bool(title)
            continue
        if front := _front_matter(lines, index):
            # 题注 and speaker of a report to a people's congress: paragraphs, as the reader
            # keeps them, then the 主送机关
            for k in front[:-1]:
                scan.add(lines[k], Role.PARAGRAPH, k + 1, intro=True)
            scan.add(lines[front[-1]], Role.ADDRESSEE, front[-1] + 1)
            return front[-1] + 1
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


def _next_text(lines: list[str], index: int) -> str | None:
    """The next line that is not blank: a page pasted with a blank line between paragraphs
    still has a problem's label right below it."""
    for line in lines[index + 1 :]:
        if line.strip(SPACES):
            return line
    return None


_COMING = 3
"""How many lines on a page heading may stand before the title it shows."""


def _coming(lines: list[str], index: int) -> list[str]:
    """The next few lines with text after ``index`` that are not page chrome, up to where the
    body starts."""
    out: list[str] = []
    for line in lines[index + 1 :]:
        text = line.strip(SPACES)
        if not text or parse_chrome(text) is not None or is_page_chrome(text):
            continue
        if body_starts(text) or len(out) == _COMING:
            break
        out.append(text)
    return out


_FRONT_MATTER_MAX = 3


def _front_matter(lines: list[str], index: int) -> list[int]:
    """The indexes of the 题注 and speaker lines from ``index`` and of the 主送机关 line after
    them; empty when the line at ``index`` does not start such a run."""
    run: list[int] = []
    for k in range(index, len(lines)):
        text = lines[k].strip(SPACES)
        if not text:
            continue
        if len(run) < _FRONT_MATTER_MAX and front_matter_line(text) and not addressee_like(text):
            run.append(k)
            continue
        return [*run, k] if run and addressee_like(text) else []
    return []


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
        if unit.role in (Role.PARAGRAPH, Role.MEASURE) and signature_date_of(unit.content):
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


__all__ = ["signature_date_of", "units_from_lines"]
