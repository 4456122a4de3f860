"""The names of Office Open XML that gongwen writes and reads: namespaces, part paths, dates.

Pure constants and a tiny helper, no lxml: the renderer, the reader, the volume binder and
the font checker all take their names from here, so a namespace is spelled once.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from gongwen.i18n import _

__all__ = [
    "CONTENT_TYPES_NS",
    "CONTENT_TYPES_PART",
    "CORE_PART",
    "CP_NS",
    "CUSTOM_FMTID",
    "CUSTOM_NS",
    "CUSTOM_PART",
    "DCTERMS_NS",
    "DC_NS",
    "DOCUMENT_PART",
    "DOCUMENT_RELS_PART",
    "DRAWING_NS",
    "FALLBACK_DATE",
    "IMAGE_REL",
    "MATH_NS",
    "MC_NS",
    "PIC_NS",
    "PKG_RELS_NS",
    "REL_NS",
    "STYLES_PART",
    "VT_NS",
    "WP_NS",
    "W_NS",
    "XML_NS",
    "XSI_NS",
    "qn",
]

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""WordprocessingML, the ``w:`` prefix of the document, styles, headers and footers."""
CP_NS: Final = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS: Final = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS: Final = "http://purl.org/dc/terms/"
XSI_NS: Final = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
CUSTOM_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_FMTID: Final = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
"""The one format id of custom properties (ECMA-376 part 1, 22.3.2.2)."""

MATH_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC_NS: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DRAWING_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS: Final = "http://schemas.openxmlformats.org/drawingml/2006/picture"
REL_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
IMAGE_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
DOCUMENT_PART: Final = "word/document.xml"
DOCUMENT_RELS_PART: Final = "word/_rels/document.xml.rels"
CONTENT_TYPES_PART: Final = "[Content_Types].xml"
STYLES_PART: Final = "word/styles.xml"
CORE_PART: Final = "docProps/core.xml"
CUSTOM_PART: Final = "docProps/custom.xml"

FALLBACK_DATE: Final = date(2012, 7, 1)
"""The document date of a notice that has none (the day GB/T 9704-2012 took effect): the
renderer dates such a .docx by it, and the reader knows that a .docx created on it names no
发布日期."""


def qn(tag: str) -> str:
    """Clark name of a ``w:`` tag or attribute.

    >>> qn("w:p")
    '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p'
    """
    prefix, _sep, local = tag.partition(":")
    if prefix != "w":
        raise ValueError(_("这里只用 w: 命名空间，实为 {tag}").format(tag=tag))
    return f"{{{W_NS}}}{local}"
