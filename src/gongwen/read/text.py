"""Published notices as plain text (copied from a web page, or saved by an office) into models.

Each line is a paragraph; empty lines separate the title from what follows. The text may be
UTF-8 (with or without BOM), GB18030/GBK or UTF-16 with a BOM: see
:func:`gongwen.read.safety.decode_text`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.findings import InputError
from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile
from gongwen.loader import MARKDOWN_SUFFIXES, read_bytes
from gongwen.read.codes import finding
from gongwen.read.parse import ReadResult, SourceParagraph, parse_paragraphs
from gongwen.read.safety import (
    MAX_DOCX_BYTES,
    MAX_TEXT_BYTES,
    decode_text,
    limit_paragraphs,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["ReadResult", "read_file", "read_text"]

_LINE_END = lazy_compile(r"\r\n|\r|\n|\v")
"""CR, LF, and the vertical tab Word writes for a manual line break when it saves as text."""
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
DOCX_SUFFIXES = frozenset({".docx"})


def text_paragraphs(text: str) -> list[SourceParagraph]:
    """The lines of ``text`` as paragraphs, each marked when an empty line came before it.

    >>> [(p.text, p.line, p.blank_before) for p in text_paragraphs("标题\\n\\n正文。\\n")]
    [('标题', 1, False), ('正文。', 3, True)]
    """
    out: list[SourceParagraph] = []
    blank = False
    # Only CR, LF and VT end a line: str.splitlines() would also split at \f and U+2028,
    # which are characters to report (RD003), not line ends.
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if not line.strip(" \t\u3000\xa0"):
            blank = bool(out)
            continue
        out.append(SourceParagraph(line, number, blank))
        blank = False
    return out


def read_text(text: str, *, file: str | None = None) -> ReadResult:
    """Read a notice from plain text.

    Where the text is damaged a model is still returned, with a finding for every repair and
    every damage found. :class:`~gongwen.findings.InputError` only when there is no notice
    at all (no title or no body).

    >>> r = read_text("关于开展卫生整治的通知\\n\\n各社区:\\n请于4月1日前完成整治。")
    >>> r.notice.title, r.notice.addressees, r.notice.body[0].text
    ('关于开展卫生整治的通知', ['各社区'], '请于4月1日前完成整治。')
    >>> [f.code for f in r.findings]
    ['RD002']
    """
    source = file if file is not None else "<text>"
    paragraphs = text_paragraphs(text)
    limit_paragraphs(((p.line, p.text) for p in paragraphs), file=source)
    return parse_paragraphs(paragraphs, source=source)


def read_file(path: str | Path | DocxDocument) -> ReadResult:
    """Read a notice from a .txt, .md (Markdown) or .docx file, refusing oversized or hostile
    files, or from a python-docx ``Document``.

    The file is read once, with a size limit, and only read: nothing is written.
    """
    if not isinstance(path, str | os.PathLike):  # a python-docx Document open in memory
        from gongwen.read.docx import read_docx

        return read_docx(path)
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        from gongwen.read.markdown import read_markdown_file

        return read_markdown_file(path)
    if suffix not in DOCX_SUFFIXES | TEXT_SUFFIXES:
        raise InputError.single(
            "RD106",
            _("不支持的文件类型“{suffix}”：gongwen parse 读取 .txt、.md 或 .docx").format(
                suffix=path.suffix
            ),
            file=name,
        )
    return read_data(read_limited(path), suffix, file=name)


def read_limited(path: Path) -> bytes:
    """The bytes of a .docx or text file, within the reader's limit for its kind (a FIFO or a
    device is refused without blocking: :func:`gongwen.loader.read_bytes`)."""
    limit = MAX_DOCX_BYTES if path.suffix.lower() in DOCX_SUFFIXES else MAX_TEXT_BYTES
    return read_bytes(path, limit)


def read_data(data: bytes, suffix: str, *, file: str) -> ReadResult:
    """A notice from the bytes of a .docx (``suffix`` ``.docx``) or of a text file."""
    name = file
    if suffix.lower() in DOCX_SUFFIXES:
        from gongwen.read.docx import read_docx_bytes  # python-docx stays out of text reading

        return read_docx_bytes(data, file=name)
    if data[:4] == b"PK\x03\x04":
        raise InputError.single(
            "RD106", _("这是 zip/.docx 文件，却以文本文件的扩展名保存；请改为 .docx"), file=name
        )
    decoded = decode_text(data, file=name)
    result = read_text(decoded.text, file=name)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        message = _("文本按 {encoding} 编码读取（不是 UTF-8）")
        note = finding("RD004", message.format(encoding=decoded.encoding.upper()), file=name)
        return ReadResult(
            result.notice, [note, *result.findings], result.lines, result.source, result.metadata
        )
    return result
