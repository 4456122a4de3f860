"""One volume (合订本) of many rendered reports, each its own section with pages from 1.

Every report was rendered into the same template, so their styles, footers and relationships
are the same: the volume takes the first report's parts and a ``word/document.xml`` made of
the reports' bodies one after the other. Each report ends in a section break whose section
properties are the report's own, with ``w:pgNumType w:start="1"`` so that its pages are
numbered from 1 (on its first section: a report with a 横排 attachment has more, whose
numbering continues). The document part is written to the zip one report at a time, so memory
stays flat however many reports there are.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from gongwen.atomic import write_atomic
from gongwen.findings import GongwenError
from gongwen.i18n import _
from gongwen.ooxml import DOCUMENT_PART, qn

ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
_BODY_OPEN = b"<w:body>"
_BODY_CLOSE = b"</w:body>"


class MergeError(GongwenError):
    """The reports cannot be bound into one volume."""


def restart_numbering(sect_pr: etree._Element) -> None:
    """Make a section number its pages from 1 (``w:pgNumType w:start="1"``).

    >>> from gongwen.ooxml import W_NS
    >>> s = etree.fromstring(f'<w:sectPr xmlns:w="{W_NS}"><w:pgSz/><w:pgMar/><w:cols/></w:sectPr>')
    >>> restart_numbering(s)
    >>> [etree.QName(c).localname for c in s], s[2].get(qn("w:start"))
    (['pgSz', 'pgMar', 'pgNumType', 'cols'], '1')
    """
    existing = sect_pr.find(qn("w:pgNumType"))
    if existing is None:
        existing = etree.Element(qn("w:pgNumType"))
        # CT_SectPr order: … pgSz, pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols, …
        after = None
        for name in ("w:lnNumType", "w:pgBorders", "w:paperSrc", "w:pgMar", "w:pgSz"):
            after = sect_pr.find(qn(name))
            if after is not None:
                break
        if after is not None:
            after.addnext(existing)
        else:
            sect_pr.insert(0, existing)
    existing.set(qn("w:start"), "1")


def _end_paragraph(body: etree._Element) -> etree._Element:
    """The paragraph that carries the report's section break (added if the body ends in a table)."""
    content = [c for c in body if c.tag != qn("w:sectPr")]
    if content and content[-1].tag == qn("w:p"):
        return content[-1]
    p = etree.Element(qn("w:p"))
    if content:
        content[-1].addnext(p)
    else:
        body.insert(0, p)
    return p


def _section_into_paragraph(p: etree._Element, sect_pr: etree._Element) -> None:
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = etree.Element(qn("w:pPr"))
        p.insert(0, p_pr)
    change = p_pr.find(qn("w:pPrChange"))
    if change is not None:
        change.addprevious(sect_pr)
    else:
        p_pr.append(sect_pr)


def _body_bytes(document: bytes, last: bool) -> bytes:
    """The serialized children of a report's body, its section break set to restart at 1."""
    root = etree.fromstring(document, _PARSER)
    body = root.find(qn("w:body"))
    if body is None:
        raise MergeError(_("有一份报告没有正文部分（w:body）"))
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is None:
        raise MergeError(_("有一份报告没有节属性（w:sectPr）"))
    # Pages from 1 where the report starts: its first section (a report with a 横排
    # attachment has sections of its own inside; their numbering continues).
    restart_numbering(next(body.iter(qn("w:sectPr"))))
    if not last:
        body.remove(sect_pr)
        _section_into_paragraph(_end_paragraph(body), sect_pr)
    data = etree.tostring(root, encoding="UTF-8")
    start = data.index(_BODY_OPEN) + len(_BODY_OPEN)
    return bytes(data[start : data.rindex(_BODY_CLOSE)])


def _document_frame(document: bytes) -> tuple[bytes, bytes]:
    """The bytes before a body's content (declaration, w:document, w:body) and after it."""
    root = etree.fromstring(document, _PARSER)
    body = root.find(qn("w:body"))
    if body is None:
        raise MergeError(_("有一份报告没有正文部分（w:body）"))
    for child in list(body):
        body.remove(child)
    body.text = None
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    empty = b"<w:body/>"
    if empty not in data:
        raise MergeError(_("报告的主命名空间没有绑定到前缀 w"))
    head, tail = data.split(empty, 1)
    return head + _BODY_OPEN, _BODY_CLOSE + tail


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0
    return info


def _read_document(path: Path) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read(DOCUMENT_PART)
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise MergeError(
            _("{path}：无法作为 .docx 读取（{detail}）").format(path=path, detail=exc)
        ) from None


def merge_reports(reports: Sequence[Path], target: Path) -> Path:
    """Bind rendered reports, in the order given, into one .docx at ``target`` (atomically)."""
    if not reports:
        raise MergeError(_("没有可装订成合订本的报告"))
    with zipfile.ZipFile(reports[0]) as first:
        parts = [(info.filename, first.read(info)) for info in first.infolist()]
    documents = dict(parts)
    if DOCUMENT_PART not in documents:
        raise MergeError(
            _("{path}：不是 .docx（没有 {part}）").format(path=reports[0], part=DOCUMENT_PART)
        )
    head, tail = _document_frame(documents[DOCUMENT_PART])

    def write(stream: BinaryIO) -> None:
        with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts:
                if name != DOCUMENT_PART:
                    archive.writestr(_zip_info(name), data)
                    continue
                with archive.open(_zip_info(name), "w") as entry:
                    entry.write(head)
                    for i, path in enumerate(reports):
                        document = data if i == 0 else _read_document(path)
                        entry.write(_body_bytes(document, last=i == len(reports) - 1))
                    entry.write(tail)

    return write_atomic(target, write)


__all__ = ["ZIP_DATE_TIME", "MergeError", "merge_reports", "restart_numbering"]
