"""What gongwen keeps in a rendered .docx's properties, read back: the document's date, its
custom properties and what they restore (发布日期, problems' statuses)."""

from __future__ import annotations

import contextlib
from datetime import date

from gongwen.compose import BROKEN_TITLES_PROPERTY, PUBLISHED_PROPERTY, STATUSES_PROPERTY, WENJIAN
from gongwen.model import Notice, Problem, RectificationStatus, walk
from gongwen.ooxml import CORE_PART, CUSTOM_NS, CUSTOM_PART, DCTERMS_NS, VT_NS
from gongwen.read.safety import parse_xml

__all__ = ["apply_properties", "created_date", "custom_properties"]


def created_date(parts: dict[str, bytes], file: str | None) -> date | None:
    data = parts.get(CORE_PART)
    if data is None:
        return None
    element = parse_xml(data, part=CORE_PART, file=file).find(f"{{{DCTERMS_NS}}}created")
    text = (element.text or "").strip() if element is not None else ""
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def custom_properties(parts: dict[str, bytes], file: str | None) -> dict[str, str]:
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


def apply_properties(notice: Notice, properties: dict[str, str]) -> None:
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
    _join_broken_titles(notice, properties.get(BROKEN_TITLES_PROPERTY, "").split(","))


def _join_broken_titles(notice: Notice, paths: list[str]) -> None:
    """Titles the renderer broke into lines (they were given as one) read back as one line."""
    for path in paths:
        if path == "title":
            notice.title = notice.title.replace("\n", "")
        elif path.startswith("attachments[") and path.endswith("].title"):
            index = path[len("attachments[") : -len("].title")]
            if index.isdigit() and int(index) < len(notice.attachments):
                attachment = notice.attachments[int(index)]
                attachment.title = attachment.title.replace("\n", "")
        elif path == "header.issuer_mark" and notice.header and notice.header.issuer_mark:
            mark = notice.header.issuer_mark
            organ = "".join(mark.organs)
            if organ.endswith(WENJIAN) and len(organ) > len(WENJIAN):
                # one organ with 文件, broken across lines: 文件 no longer stood alone
                organ, mark.with_wenjian = organ.removesuffix(WENJIAN), True
            mark.organs = [organ]


_STATUSES = {s.value for s in RectificationStatus}
