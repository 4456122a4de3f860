"""Refuse oversized, malformed or hostile input before reading it.

Everything here works on bytes already in memory, read once with a size limit, so what is
checked is what is read. Nothing is written anywhere.
"""

from __future__ import annotations

import codecs
import io
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from lxml import etree

from gongwen import limits
from gongwen.findings import InputError
from gongwen.guard import check_zip_directory, zip_bomb
from gongwen.i18n import _
from gongwen.ooxml import DOCUMENT_PART

__all__ = [
    "MAX_DOCX_BYTES",
    "MAX_TEXT_BYTES",
    "MAX_ZIP_ENTRIES",
    "MAX_ZIP_RATIO",
    "MAX_ZIP_UNCOMPRESSED_BYTES",
    "DecodedText",
    "decode_text",
    "limit_paragraphs",
    "open_docx",
    "parse_xml",
]

MAX_TEXT_BYTES: Final = limits.MAX_TEXT_BYTES
"""A notice as text is tens of kilobytes; 5 MiB is far beyond any real one."""
MAX_DOCX_BYTES: Final = limits.MAX_DOCX_BYTES
"""A .docx with a few images is a few MiB; 20 MiB is the most the reader opens."""
MAX_ZIP_ENTRIES: Final = limits.MAX_ZIP_ENTRIES
"""A Word document has a few dozen parts."""
MAX_ZIP_UNCOMPRESSED_BYTES: Final = limits.MAX_ZIP_UNCOMPRESSED_BYTES
"""Total size of all parts once expanded."""
MAX_ZIP_RATIO: Final = limits.MAX_ZIP_RATIO
"""Largest expansion of one part (uncompressed / compressed); XML compresses about 10:1."""
_RATIO_FLOOR_BYTES: Final = 1024 * 1024
"""Parts smaller than this expanded are not held to :data:`MAX_ZIP_RATIO`."""

CODE_ENCODING = "RD102"
CODE_NOT_DOCX = "RD103"
CODE_ZIP_BOMB = "RD104"
CODE_XML = "RD105"


# Bytes allowed in text besides printable characters: tab, LF, CR, form feed, and the vertical
# tab Word writes for a manual line break (Shift+Enter) when it saves as text.
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c")


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, and the encoding that decoded it."""

    text: str
    encoding: str


_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACKS: Final = ("utf-8", "gb18030")


def decode_text(data: bytes, *, file: str | None = None) -> DecodedText:
    """Decode a text file: a BOM decides, else strict UTF-8, else strict GB18030 (covers GBK).

    Bytes that are not text (NUL or other control bytes) are refused before decoding: GB18030
    would decode much binary data without complaint.

    >>> decode_text("通报".encode("gbk"))
    DecodedText(text='通报', encoding='gb18030')
    >>> decode_text(b"\\xef\\xbb\\xbf\\xe9\\x80\\x9a\\xe6\\x8a\\xa5")
    DecodedText(text='通报', encoding='utf-8-sig')
    >>> decode_text(b"\\xff\\x00junk")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongwen.findings.InputError: 错误 RD102: 不是文本文件：含有二进制字节 0x00
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                message = _("以 {encoding} 标记开头，却无法按 {encoding} 解码")
                raise _not_text(file, message.format(encoding=encoding)) from None
    bad = next((b for b in data if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F), None)
    if bad is not None:
        message = _("不是文本文件：含有二进制字节 0x{byte:02X}").format(byte=bad)
        raise _not_text(file, message)
    for encoding in _FALLBACKS:
        try:
            return DecodedText(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    raise _not_text(file, _("既不是 UTF-8 也不是 GB18030/GBK 编码；请另存为 UTF-8"))


def limit_paragraphs(paragraphs: Iterable[tuple[int, str]], *, file: str | None = None) -> None:
    """Refuse a paragraph (numbered line or .docx paragraph, its text) longer than
    :data:`gongwen.limits.MAX_PARAGRAPH_CHARS` before any recogniser or rule reads it.

    >>> limit_paragraphs([(1, "正文。")])
    """
    for number, text in paragraphs:
        if len(text) > limits.MAX_PARAGRAPH_CHARS:
            raise limits.exceeded("paragraph_chars", len(text), file=file, line=number)


def _not_text(file: str | None, message: str) -> InputError:
    return InputError.single(CODE_ENCODING, message, file=file)


# ---------------------------------------------------------------------------------------------
# .docx: a zip of XML parts


def open_docx(data: bytes, *, file: str | None = None) -> dict[str, bytes]:
    """The XML parts of a .docx (name → bytes), after checking the zip directory.

    Refused before anything is expanded: not a zip; more than :data:`MAX_ZIP_ENTRIES`
    entries; a total expanded size over :data:`MAX_ZIP_UNCOMPRESSED_BYTES`; a part that
    expands more than :data:`MAX_ZIP_RATIO` times; no ``word/document.xml``. Every XML part
    is then parsed by :func:`parse_xml`, which refuses DTDs and entities.
    """
    if data[:2] != b"PK":
        if data[:4] == b"\xd0\xcf\x11\xe0":
            message = _(
                "不是 .docx 文件（不是 zip 压缩包）；这是旧版 Word .doc 文件，请另存为 .docx"
            )
        else:
            message = _("不是 .docx 文件（不是 zip 压缩包）")
        raise InputError.single(CODE_NOT_DOCX, message, file=file)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        message = _("不是有效的 .docx 文件（zip 损坏：{error}）").format(error=exc)
        raise InputError.single(CODE_NOT_DOCX, message, file=file) from None
    with archive:
        infos = archive.infolist()
        _check_directory(infos, file)
        names = {info.filename for info in infos}
        if DOCUMENT_PART not in names:
            raise InputError.single(
                CODE_NOT_DOCX,
                _("不是 Word 文档：zip 压缩包中缺少 {part}").format(part=DOCUMENT_PART),
                file=file,
            )
        parts: dict[str, bytes] = {}
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                content = _read_member(archive, info)
            except (
                zipfile.BadZipFile,
                OSError,
                ValueError,
                EOFError,
                RuntimeError,  # an encrypted member
                NotImplementedError,  # a compression method zipfile does not know
                zlib.error,
            ) as exc:
                if info.flag_bits & 1:
                    message = _("zip 成员 {member} 已加密").format(member=info.filename)
                else:
                    message = _("zip 成员 {member} 无法解压（{error}）").format(
                        member=info.filename, error=exc
                    )
                raise InputError.single(CODE_NOT_DOCX, message, file=file) from None
            if content is None:
                detail = _("{member} 解压后大于目录记载的大小").format(member=info.filename)
                raise zip_bomb(file, detail)
            parts[info.filename] = content
    for name, content in parts.items():
        parse_xml(content, part=name, file=file)  # refuses DTDs, entities, malformed XML
    return parts


def _check_directory(infos: list[zipfile.ZipInfo], file: str | None) -> None:
    check_zip_directory(
        infos,
        file,
        entries=MAX_ZIP_ENTRIES,
        total=MAX_ZIP_UNCOMPRESSED_BYTES,
        ratio=MAX_ZIP_RATIO,
        ratio_floor=_RATIO_FLOOR_BYTES,
    )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """The member's bytes, or None if it expands past the size its directory entry states."""
    with archive.open(info) as stream:
        content = stream.read(info.file_size + 1)
    return None if len(content) > info.file_size else content


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
    )


def parse_xml(data: bytes, *, part: str = "", file: str | None = None) -> etree._Element:
    """Parse one XML part safely: no DTD, no entities, no network, no huge trees.

    >>> parse_xml(b"<a><b/></a>").tag
    'a'
    >>> parse_xml(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', part="p.xml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongwen.findings.InputError: 错误 RD105: 拒绝读取：p.xml 含有 DTD/实体声明
    """
    where = part or "XML"
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise InputError.single(
            CODE_XML,
            _("拒绝读取：{part} 含有 DTD/实体声明").format(part=where),
            file=file,
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = _("{part} 不是格式正确的 XML（{error}）").format(part=where, error=exc)
        raise InputError.single(CODE_XML, message, file=file) from None
    docinfo = root.getroottree().docinfo
    if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None:
        raise InputError.single(
            CODE_XML, _("拒绝读取：{part} 含有 DTD").format(part=where), file=file
        )
    return root
