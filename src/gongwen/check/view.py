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
half-width punctuation). Classifying lines is a light scan, not a reader
(:mod:`gongwen.check.scan`); the units and their roles are in :mod:`gongwen.check.units`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any, Protocol

from gongwen.check.scan import signature_date_of, units_from_lines
from gongwen.check.units import CJK, MEASURE_LABELS, NUMERALS, SPACES, Node, Role, Unit
from gongwen.dates import find_dates
from gongwen.model import Attachment, BodyItem, Notice, Paragraph, Problem, Section
from gongwen.recognise.headings import HeadingScan, scan_heading

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
            found = signature_date_of(unit.content)
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
