"""Published notices as plain text (copied from a web page, or saved by an office) into models.

Each line is a paragraph; empty lines separate the title from what follows. The text may be
UTF-8 (with or without BOM), GB18030/GBK or UTF-16 with a BOM: see
:func:`gongwen.read.safety.decode_text`.
"""

from __future__ import annotations

import re
from pathlib import Path

from gongwen.findings import InputError
from gongwen.loader import read_bytes
from gongwen.read.codes import finding
from gongwen.read.parse import ReadResult, SourceParagraph, parse_paragraphs
from gongwen.read.safety import MAX_DOCX_BYTES, MAX_TEXT_BYTES, decode_text

__all__ = ["ReadResult", "read_file", "read_text"]

_LINE_END = re.compile(r"\r\n|\r|\n")
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
DOCX_SUFFIXES = frozenset({".docx"})


def text_paragraphs(text: str) -> list[SourceParagraph]:
    """The lines of ``text`` as paragraphs, each marked when an empty line came before it.

    >>> [(p.text, p.line, p.blank_before) for p in text_paragraphs("标题\\n\\n正文。\\n")]
    [('标题', 1, False), ('正文。', 3, True)]
    """
    out: list[SourceParagraph] = []
    blank = False
    # Only CR and LF end a line: str.splitlines() would also split at \v, \f and U+2028,
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
    return parse_paragraphs(text_paragraphs(text), source=source)


def read_file(path: str | Path) -> ReadResult:
    """Read a notice from a .txt or .docx file, refusing oversized or hostile files.

    The file is read once, with a size limit, and only read: nothing is written.
    """
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        from gongwen.read.docx import read_docx_bytes  # python-docx stays out of text reading

        return read_docx_bytes(read_bytes(path, MAX_DOCX_BYTES), file=name)
    if suffix not in TEXT_SUFFIXES:
        raise InputError.single(
            "RD106",
            f"不支持的文件类型“{path.suffix}”：gongwen parse 读取 .txt 或 .docx",
            file=name,
        )
    data = read_bytes(path, MAX_TEXT_BYTES)
    if data[:4] == b"PK\x03\x04":
        raise InputError.single(
            "RD106", "这是 zip/.docx 文件，却以文本文件的扩展名保存；请改为 .docx", file=name
        )
    decoded = decode_text(data, file=name)
    result = read_text(decoded.text, file=name)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        note = finding(
            "RD004", f"文本按 {decoded.encoding.upper()} 编码读取（不是 UTF-8）", file=name
        )
        return ReadResult(
            result.notice, [note, *result.findings], result.lines, result.source, result.metadata
        )
    return result
