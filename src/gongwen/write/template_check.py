"""A template is an input like any other: read with limits, and refused when it carries what
would go into every output but is no part of a notice's look.

Refused (not stripped): macros (``vbaProject.bin``, a macro-enabled content type, a ``.docm``
or ``.dotm``), relationships to anything outside the package (a remote image, an
``attachedTemplate`` on another host, a hyperlink), embedded objects (OLE objects, packages,
``word/embeddings/``), XML with a DTD, and zips that would expand too much, are damaged, are
encrypted or name a part twice. Refusing rather than stripping, because a template is made
once, on purpose, and copied into every report: its owner should learn what is in it and fix
it once, not have gongwen quietly produce reports that differ from the template they chose.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from gongwen import limits
from gongwen.findings import Finding, InputError, Level, Location
from gongwen.guard import check_zip_directory, read_input
from gongwen.i18n import _
from gongwen.ooxml import PKG_RELS_NS

__all__ = [
    "CODE_TEMPLATE",
    "CODE_TEMPLATE_EMBEDDED",
    "CODE_TEMPLATE_EXTERNAL",
    "CODE_TEMPLATE_MACRO",
    "read_template_parts",
]

CODE_TEMPLATE = "TP001"
"""The template cannot be used: unreadable, not a .docx, damaged, encrypted, missing styles."""
CODE_TEMPLATE_MACRO = "TP002"
"""The template carries macros (VBA)."""
CODE_TEMPLATE_EXTERNAL = "TP003"
"""The template links outside itself (a remote image, an attached template, a hyperlink)."""
CODE_TEMPLATE_EMBEDDED = "TP004"
"""The template embeds objects (OLE objects, packages)."""

_MACRO_SUFFIXES = (".docm", ".dotm")
_MACRO_CONTENT = ("macroenabled", "vbaproject", "vbadata", "ms-office.activex")
_EMBEDDED_TYPES = ("/oleobject", "/package", "/control", "/activexcontrol")
_REL_NS = PKG_RELS_NS


def _refuse(code: str, path: str, message: str) -> InputError:
    return InputError([Finding(code, Level.ERROR, message, Location(file=path))])


def read_template_parts(path: str | Path) -> tuple[tuple[str, bytes], ...]:
    """The parts (name, bytes) of the template at ``path``, in its order, once every check
    above has passed; an :class:`InputError` with the code of the first failing one."""
    name = str(path)
    if Path(name).suffix.lower() in _MACRO_SUFFIXES:
        raise _refuse(
            CODE_TEMPLATE_MACRO,
            name,
            _("模板是启用宏的文档（.docm/.dotm）：宏会进入每一份输出；请另存为 .docx"),
        )
    data = read_input(name, limits.MAX_TEMPLATE_BYTES, code=CODE_TEMPLATE)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise _refuse(
            CODE_TEMPLATE, name, _("不是 .docx 模板：{reason}").format(reason=exc)
        ) from None
    with archive:
        infos = archive.infolist()
        check_zip_directory(infos, name)
        parts: list[tuple[str, bytes]] = []
        for info in infos:
            if info.flag_bits & 1:
                raise _refuse(
                    CODE_TEMPLATE, name, _("模板的 {part} 已加密").format(part=info.filename)
                )
            try:
                with archive.open(info) as stream:
                    content = stream.read(info.file_size + 1)
            except (
                zipfile.BadZipFile,
                OSError,
                ValueError,
                EOFError,
                RuntimeError,
                NotImplementedError,
                zlib.error,
            ) as exc:
                raise _refuse(
                    CODE_TEMPLATE,
                    name,
                    _("模板的 {part} 已损坏：{reason}").format(part=info.filename, reason=exc),
                ) from None
            if len(content) > info.file_size:
                raise InputError.single(
                    limits.LIMITS["zip_ratio"].code,
                    _("模板的 {part} 解压后大于目录记载的大小（疑似压缩炸弹）").format(
                        part=info.filename
                    ),
                    file=name,
                )
            parts.append((info.filename, content))
    for part, content in parts:
        _check_part(name, part, content)
    return tuple(parts)


def _check_part(path: str, part: str, content: bytes) -> None:
    lower = part.lower()
    if lower.endswith("vbaproject.bin") or lower.endswith("vbadata.xml"):
        raise _refuse(
            CODE_TEMPLATE_MACRO, path, _("模板含有宏 {part}：宏会进入每一份输出").format(part=part)
        )
    if lower.startswith("word/embeddings/") or lower.startswith("word/activex/"):
        raise _refuse(CODE_TEMPLATE_EMBEDDED, path, _("模板含有嵌入对象 {part}").format(part=part))
    if not lower.endswith((".xml", ".rels")):
        return
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        raise _refuse(CODE_TEMPLATE, path, _("模板的 {part} 含有 DTD/实体声明").format(part=part))
    if lower == "[content_types].xml":
        text = content.decode("utf-8", "replace").lower()
        found = next((m for m in _MACRO_CONTENT if m in text), None)
        if found is not None:
            raise _refuse(
                CODE_TEMPLATE_MACRO,
                path,
                _("模板的内容类型声明了宏（{found}）").format(found=found),
            )
    if lower.endswith(".rels"):
        _check_relationships(path, part, content)


def _check_relationships(path: str, part: str, content: bytes) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise _refuse(
            CODE_TEMPLATE,
            path,
            _("模板的 {part} 不是格式正确的 XML：{reason}").format(part=part, reason=exc),
        ) from None
    for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
        kind = (rel.get("Type") or "").lower()
        target = rel.get("Target") or ""
        if rel.get("TargetMode", "").lower() == "external":
            raise _refuse(
                CODE_TEMPLATE_EXTERNAL,
                path,
                _("模板的 {part} 指向外部 {target}（{kind}）：每份输出都会带上它").format(
                    part=part, target=target, kind=kind.rsplit("/", 1)[-1]
                ),
            )
        if kind.endswith("/vbaproject"):
            raise _refuse(
                CODE_TEMPLATE_MACRO,
                path,
                _("模板的 {part} 引用宏 {target}").format(part=part, target=target),
            )
        if kind.endswith(_EMBEDDED_TYPES):
            raise _refuse(
                CODE_TEMPLATE_EMBEDDED,
                path,
                _("模板的 {part} 引用嵌入对象 {target}").format(part=part, target=target),
            )
