"""The style table of a .docx: which of gongwen's roles each style has, and which styles are
headings (by name or outline level) or titles, for :mod:`gongwen.read.docx`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from gongwen.layout import StyleRole
from gongwen.lazy_regex import lazy_compile
from gongwen.ooxml import W_NS

__all__ = ["Style", "outline_level", "styles_of"]


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@dataclass(frozen=True)
class Style:
    """What a paragraph style says of its paragraphs."""

    role: StyleRole | None
    heading_level: int | None
    title: bool


def _normalise(name: str) -> str:
    return name.replace(" ", "").casefold()


_HEADING_NAME = lazy_compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题", "gwtitle"})


def styles_of(root: etree._Element | None) -> dict[str, Style]:
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
        level = outline_level(outline)
        raw[style_id] = (name, based.get(_w("val")) if based is not None else None, level)
    out: dict[str, Style] = {}
    for style_id, (name, _based, _level) in raw.items():
        role = roles.get(_normalise(style_id)) or roles.get(_normalise(name))
        heading = _heading_level(style_id, raw)
        title = _normalise(name) in _TITLE_NAMES or _normalise(style_id) in _TITLE_NAMES
        out[style_id] = Style(role, heading, title)
    return out


def outline_level(element: etree._Element | None) -> int | None:
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
