"""The rendered notice as a python-docx ``Document``, for tools that keep editing it.

The document is opened from the fast writer's own bytes, so a file saved from it and a file
written by :func:`gongwen.render` start from the same XML: they never differ in layout.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from gongwen.write import render_bytes
from gongwen.write.inputs import NoticeInput, TemplateInput

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["to_document"]


def to_document(notice: NoticeInput, template: TemplateInput = None) -> DocxDocument:
    """The notice rendered into a python-docx ``Document`` (add a table, a picture, save it).

    ``notice`` and ``template`` are what :func:`gongwen.render_bytes` accepts.

    >>> doc = to_document({"title": "关于开展卫生整治的通知", "body": ["请按时完成。"]})
    >>> [p.text for p in doc.paragraphs if p.text][:2]
    ['关于开展卫生整治的通知', '请按时完成。']
    """
    import docx  # python-docx only for the callers who ask for a Document

    return docx.Document(io.BytesIO(render_bytes(notice, template=template)))
