"""Notices as .docx into models: rendered by gongwen (exact), or typed by hand in Word.

The file is checked by :func:`gongwen.read.safety.open_docx` (zip bombs, DTDs, entities)
and its XML read with lxml's safe parser; python-docx is not needed to read.

* A document whose paragraphs carry gongwen's styles (GwTitle, GwProblem, GwMeasure …) was
  rendered by gongwen: each paragraph's style says what it is, and the blocks are read back
  exactly by :func:`gongwen.read.blocks.notice_from_blocks`.
* Any other document was typed by hand: its paragraphs' text goes through the same parser as
  plain text, with heading styles ("heading 1", "标题 1") and outline levels as hints for
  headings whose ordinal was not typed, and a "Title" style marking the title.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree

from gongwen.compose import PUBLISHED_PROPERTY, STATUSES_PROPERTY, Block, Run
from gongwen.findings import Finding
from gongwen.layout import CHARACTER_STYLE_ROLES, HEADING_ROLES, StyleRole
from gongwen.loader import read_bytes
from gongwen.model import Notice, Problem, RectificationStatus, walk
from gongwen.ooxml import (
    CORE_PART,
    CUSTOM_NS,
    CUSTOM_PART,
    DCTERMS_NS,
    DOCUMENT_PART,
    STYLES_PART,
    VT_NS,
    W_NS,
)
from gongwen.read.blocks import LinedBlock, notice_from_blocks
from gongwen.read.codes import finding
from gongwen.read.parse import ReadResult, SourceParagraph, parse_paragraphs
from gongwen.read.safety import MAX_DOCX_BYTES, open_docx, parse_xml

__all__ = ["paragraph_texts", "read_docx", "read_docx_bytes"]


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_P, _R, _T, _TAB, _BR, _CR, _TBL, _PPR = (
    _w(t) for t in ("p", "r", "t", "tab", "br", "cr", "tbl", "pPr")
)
_SKIPPED = frozenset(
    {_w("del"), _w("moveFrom"), _w("instrText"), _w("delText"), _w("txbxContent"), _w("rPr")}
)
_CONTAINERS = frozenset(
    {
        _TBL,
        _w("tr"),
        _w("tc"),
        _w("sdt"),
        _w("sdtContent"),
        _w("customXml"),
        _w("ins"),
        _w("moveTo"),
    }
)
_OBJECTS = frozenset({_w("drawing"), _w("pict"), _w("object")})
_GONGWEN_ROLES = frozenset(StyleRole) - {StyleRole.NORMAL, *HEADING_ROLES} - CHARACTER_STYLE_ROLES


@dataclass(frozen=True)
class _Style:
    role: StyleRole | None
    heading_level: int | None
    title: bool


@dataclass(frozen=True)
class _Paragraph:
    style: _Style | None
    runs: tuple[str, ...]
    number: int
    outline_level: int | None
    has_object: bool

    @property
    def text(self) -> str:
        return "".join(self.runs)


def _normalise(name: str) -> str:
    return name.replace(" ", "").casefold()


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题", "gwtitle"})


def _styles(root: etree._Element | None) -> dict[str, _Style]:
    """Paragraph styles by id: the gongwen role, a heading level and whether it is a title."""
    if root is None:
        return {}
    roles = {_normalise(r.value): r for r in StyleRole}
    raw: dict[str, tuple[str, str | None, int | None]] = {}
    for style in root.iter(_w("style")):
        style_id = style.get(_w("styleId"))
        if style_id is None:
            continue
        name_el = style.find(_w("name"))
        name = name_el.get(_w("val"), "") if name_el is not None else ""
        based = style.find(_w("basedOn"))
        outline = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        level = _outline(outline)
        raw[style_id] = (name, based.get(_w("val")) if based is not None else None, level)
    out: dict[str, _Style] = {}
    for style_id, (name, _based, _level) in raw.items():
        role = roles.get(_normalise(style_id)) or roles.get(_normalise(name))
        heading = _heading_level(style_id, raw)
        title = _normalise(name) in _TITLE_NAMES or _normalise(style_id) in _TITLE_NAMES
        out[style_id] = _Style(role, heading, title)
    return out


def _outline(element: etree._Element | None) -> int | None:
    if element is None:
        return None
    value = element.get(_w("val"), "")
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


def _heading_level(style_id: str, raw: dict[str, tuple[str, str | None, int | None]]) -> int | None:
    seen: set[str] = set()
    current: str | None = style_id
    while current is not None and current in raw and current not in seen:
        seen.add(current)
        name, based, level = raw[current]
        m = _HEADING_NAME.match(name.strip()) or _HEADING_NAME.match(current)
        if m:
            return int(m[1])
        if level is not None:
            return level
        current = based
    return None


def _run_text(run: etree._Element) -> str:
    parts: list[str] = []
    for child in run:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BR:
            if child.get(_w("type")) in (None, "textWrapping"):
                parts.append("\n")
        elif child.tag == _CR:
            parts.append("\n")
        elif child.tag == _w("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _runs(element: etree._Element, out: list[str], objects: list[bool]) -> None:
    for child in element:
        if child.tag in _SKIPPED:
            continue
        if child.tag == _R:
            if any(c.tag in _OBJECTS or c.tag.endswith("}AlternateContent") for c in child):
                objects.append(True)
            out.append(_run_text(child))
        elif child.tag in _OBJECTS:
            objects.append(True)
        elif child.tag != _PPR:
            _runs(child, out, objects)  # hyperlinks, smart tags, fields, insertions


def _paragraphs(body: etree._Element, styles: dict[str, _Style]) -> list[_Paragraph]:
    out: list[_Paragraph] = []

    def visit(parent: etree._Element) -> None:
        for child in parent:
            if child.tag == _P:
                ppr = child.find(_PPR)
                style_el = ppr.find(_w("pStyle")) if ppr is not None else None
                style_id = style_el.get(_w("val")) if style_el is not None else None
                outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
                runs: list[str] = []
                objects: list[bool] = []
                _runs(child, runs, objects)
                out.append(
                    _Paragraph(
                        styles.get(style_id or "Normal") if style_id or styles else None,
                        tuple(runs),
                        len(out) + 1,
                        _outline(outline),
                        bool(objects),
                    )
                )
            elif child.tag in _CONTAINERS:
                visit(child)  # tables, content controls, tracked insertions

    visit(body)
    return out


def _created(parts: dict[str, bytes], file: str | None) -> date | None:
    data = parts.get(CORE_PART)
    if data is None:
        return None
    element = parse_xml(data, part=CORE_PART, file=file).find(f"{{{DCTERMS_NS}}}created")
    text = (element.text or "").strip() if element is not None else ""
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _custom_properties(parts: dict[str, bytes], file: str | None) -> dict[str, str]:
    """Text custom properties by name (docProps/custom.xml), empty when there are none."""
    data = parts.get(CUSTOM_PART)
    if data is None:
        return {}
    root = parse_xml(data, part=CUSTOM_PART, file=file)
    out = {}
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        value = prop.find(f"{{{VT_NS}}}lpwstr")
        if prop.get("name") and value is not None:
            out[str(prop.get("name"))] = value.text or ""
    return out


def _apply_properties(notice: Notice, properties: dict[str, str]) -> None:
    """What gongwen's renderer kept in custom properties: the 发布日期, problems' statuses."""
    if PUBLISHED_PROPERTY not in properties:
        return  # not written by gongwen (or by an older one): keep what the reader found
    published = properties[PUBLISHED_PROPERTY]
    with contextlib.suppress(ValueError):  # a hand-edited non-date: keep what was found
        notice.published = date.fromisoformat(published) if published else None
    statuses = properties.get(STATUSES_PROPERTY, "").split(",")
    bodies = [notice.body, *(a.body for a in notice.attachments)]
    problems = [i for body in bodies for _, i in walk(body) if isinstance(i, Problem)]
    if len(statuses) == len(problems):
        for problem, status in zip(problems, statuses, strict=True):
            if status in _STATUSES:
                problem.status = RectificationStatus(status)


_STATUSES = {s.value for s in RectificationStatus}


def read_docx_bytes(data: bytes, *, file: str | None = None) -> ReadResult:
    """Read a notice from the bytes of a .docx; see the module docstring for how."""
    source = file if file is not None else "<docx>"
    parts = open_docx(data, file=source)
    document = parse_xml(parts[DOCUMENT_PART], part=DOCUMENT_PART, file=source)
    styles_xml = parts.get(STYLES_PART)
    styles = _styles(parse_xml(styles_xml, part=STYLES_PART, file=source) if styles_xml else None)
    body = document.find(_w("body"))
    paragraphs = _paragraphs(body, styles) if body is not None else []
    notes: list[Finding] = [
        finding(
            "RD061",
            "段落中的图片、文本框或嵌入对象未读取",
            file=source,
            line=p.number,
        )
        for p in paragraphs
        if p.has_object
    ]
    if any(p.style is not None and p.style.role in _GONGWEN_ROLES for p in paragraphs):
        blocks = [
            LinedBlock(
                Block(
                    p.style.role if p.style and p.style.role else StyleRole.NORMAL,
                    tuple(Run(r) for r in p.runs),
                ),
                p.number,
            )
            for p in paragraphs
        ]
        properties = _custom_properties(parts, source)
        result = notice_from_blocks(
            blocks, source=source, created=_created(parts, source), properties=properties
        )
        _apply_properties(result.notice, properties)
        return ReadResult(
            result.notice, [*notes, *result.findings], result.lines, source, result.metadata
        )
    return parse_paragraphs(_hand_made(paragraphs), source=source, findings=notes)


def _hand_made(paragraphs: list[_Paragraph]) -> list[SourceParagraph]:
    out: list[SourceParagraph] = []
    blank = False
    for p in paragraphs:
        text = p.text
        if not text.strip():
            blank = bool(out)
            continue
        style = p.style
        level = p.outline_level or (style.heading_level if style else None)
        if style is not None and style.role in HEADING_ROLES and level is None:
            level = HEADING_ROLES.index(style.role) + 1
        title = bool(style and style.title)
        out.append(SourceParagraph(text, p.number, blank, level if not title else None, title))
        blank = False
    return out


def paragraph_texts(data: bytes, *, file: str | None = None) -> list[str]:
    """The text of every paragraph of a .docx as typed; item N - 1 is paragraph N of
    :attr:`ReadResult.lines` (used by ``gongwen check`` to read ordinals and punctuation)."""
    source = file if file is not None else "<docx>"
    document = parse_xml(
        open_docx(data, file=source)[DOCUMENT_PART], part=DOCUMENT_PART, file=source
    )
    body = document.find(_w("body"))
    return [p.text for p in _paragraphs(body, {})] if body is not None else []


def read_docx(path: str | Path) -> ReadResult:
    """Read a notice from a .docx file (at most :data:`~gongwen.read.safety.MAX_DOCX_BYTES`)."""
    return read_docx_bytes(read_bytes(path, MAX_DOCX_BYTES), file=str(path))
