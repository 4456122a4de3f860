"""Templates: the .docx that owns the styles, page setup and footers; read once, reused."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from gongwen import limits
from gongwen.findings import Finding, InputError, Level
from gongwen.i18n import _
from gongwen.layout import TABLE_ROLES, StyleRole
from gongwen.ooxml import CORE_PART, CUSTOM_PART, DOCUMENT_PART, STYLES_PART, qn
from gongwen.write._zip import Entry, deflate
from gongwen.write.template_check import CODE_TEMPLATE, read_template_parts

MAX_TEMPLATE_BYTES = limits.MAX_TEMPLATE_BYTES

ROLE_TERMS = {
    StyleRole.NORMAL: "正文",
    StyleRole.TITLE: "标题",
    StyleRole.ADDRESSEE: "主送机关",
    StyleRole.HEADING_1: "一级标题 一、",
    StyleRole.HEADING_2: "二级标题 （一）",
    StyleRole.HEADING_3: "三级标题 1.",
    StyleRole.HEADING_4: "四级标题 （1）",
    StyleRole.PROBLEM: "问题",
    StyleRole.MEASURES_LABEL: "整改情况",
    StyleRole.MEASURE: "整改措施 一是",
    StyleRole.CONTACT: "联系方式",
    StyleRole.ATTACHMENT_NOTE: "附件说明",
    StyleRole.SIGNATURE: "发文机关署名",
    StyleRole.SIGNATURE_DATE: "成文日期",
    StyleRole.NOTE: "附注",
    StyleRole.ATTACHMENT_LABEL: "附件标识",
    StyleRole.ATTACHMENT_TITLE: "附件标题",
    StyleRole.IMPRINT: "版记",
    StyleRole.IMPRINT_COPY_TO: "抄送",
    StyleRole.IMPRINT_PRINTER: "印发机关和印发日期",
    StyleRole.COPY_NUMBER: "份号",
    StyleRole.CLASSIFICATION: "密级和保密期限",
    StyleRole.URGENCY: "紧急程度",
    StyleRole.ISSUER_MARK: "发文机关标志",
    StyleRole.DOCUMENT_NUMBER: "发文字号",
    StyleRole.SIGNER: "签发人",
    StyleRole.RED_RULE: "红色分隔线",
    StyleRole.PAGE_ODD: "页码（奇数页）",
    StyleRole.PAGE_EVEN: "页码（偶数页）",
    StyleRole.BLANK: "空行",
    StyleRole.SIGNER_NAME: "签发人姓名",
    StyleRole.KAI: "楷体",
    StyleRole.HEI: "黑体",
    StyleRole.FANG: "仿宋（标题后接正文）",
    StyleRole.TABLE: "表格",
    StyleRole.TABLE_TITLE: "表题",
    StyleRole.TABLE_HEADER: "表头",
    StyleRole.TABLE_TEXT: "表格文字",
    StyleRole.TABLE_NOTE: "表注",
}
"""The Chinese term of each role, for error messages a clerk can act on."""

# Roles the renderer writes into the document body; the page-number styles live in the
# template's own footers and are not needed from a custom template.
BODY_ROLES = tuple(r for r in StyleRole if r not in (StyleRole.PAGE_ODD, StyleRole.PAGE_EVEN))


class TemplateError(InputError):
    """A template .docx cannot be used (code TP001, or the code of the check it failed)."""

    def __init__(self, message: str | list[Finding]) -> None:
        if isinstance(message, str):
            message = [Finding(CODE_TEMPLATE, Level.ERROR, message)]
        super().__init__(message)


@dataclass(frozen=True)
class Template:
    """A template read into memory: its zip entries, its document skeleton and its style ids."""

    path: str
    parts: tuple[tuple[str, bytes], ...]
    """Every part (zip entry) by name, in the template's order."""
    deflated: dict[str, Entry]
    """The parts a render copies unchanged, deflated once (all but document, core, custom)."""
    document: bytes
    """word/document.xml with an empty body (only the final section properties kept)."""
    style_ids: dict[StyleRole, str]
    """The style id this template uses for each role."""
    landscape_footers: tuple[str, str] | None = None
    """Relationship ids of the odd and even footers of a 横排 section (cl. 8), when the
    template has them (gongwen's does: ``tools/make_template.py``)."""


def default_template_path() -> Path:
    """``templates/notice.docx``: inside the installed wheel, or in a source checkout."""
    packaged = resources.files("gongwen") / "_data" / "notice.docx"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "templates" / "notice.docx"


def load_template(path: str | Path | None = None) -> Template:
    """Read a template once; later calls with an unchanged file reuse it."""
    resolved = Path(path) if path is not None else default_template_path()
    try:
        stat = resolved.stat()
    except OSError as exc:
        raise TemplateError(
            _("{path}：无法读取模板：{reason}").format(path=resolved, reason=exc.strerror)
        ) from None
    return _load(str(resolved), stat.st_mtime_ns, stat.st_size)


_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int, size: int) -> Template:
    del mtime_ns  # part of the cache key: an edited template is read again
    del size  # read_template_parts holds the template to gongwen.limits
    names = read_template_parts(path)  # size, zip, macros, external links, embedded objects
    parts = dict(names)
    for needed in (DOCUMENT_PART, STYLES_PART):
        if needed not in parts:
            raise TemplateError(
                _("{path}：不是 .docx 模板（没有 {part}）").format(path=path, part=needed)
            )
    try:
        styles = etree.fromstring(parts[STYLES_PART], _SAFE_PARSER)
        document = etree.fromstring(parts[DOCUMENT_PART], _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            _("{path}：模板的 XML 已损坏：{reason}").format(path=path, reason=exc)
        ) from None
    deflated = {
        name: deflate(name, data)
        for name, data in names
        if name not in (DOCUMENT_PART, CORE_PART, CUSTOM_PART)
    }
    return Template(
        path,
        names,
        deflated,
        _empty_body(document),
        _style_ids(path, styles),
        _landscape_footers(parts.get(DOCUMENT_RELS_PART)),
    )


DOCUMENT_RELS_PART = "word/_rels/document.xml.rels"
LANDSCAPE_FOOTER_IDS = ("rIdGwLandscapeOdd", "rIdGwLandscapeEven")
"""The relationship ids under which a template holds the footers of a 横排 section."""


def _landscape_footers(rels: bytes | None) -> tuple[str, str] | None:
    if rels is None:
        return None
    try:
        root = etree.fromstring(rels, _SAFE_PARSER)
    except etree.XMLSyntaxError:
        return None
    ids = {rel.get("Id") for rel in root}
    odd, even = LANDSCAPE_FOOTER_IDS
    return (odd, even) if odd in ids and even in ids else None


def _empty_body(document: etree._Element) -> bytes:
    body = document.find(qn("w:body"))
    if body is None:
        raise TemplateError(_("模板的 word/document.xml 没有正文（body）"))
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return bytes(etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True))


def _normalise(name: str) -> str:
    return name.replace(" ", "").casefold()


def _style_ids(path: str, styles: etree._Element) -> dict[StyleRole, str]:
    by_id: set[str] = set()
    by_name: dict[str, str] = {}
    for style in styles.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if style_id is None:
            continue
        by_id.add(style_id)
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")):
            by_name[_normalise(name.get(qn("w:val"), ""))] = style_id
    found: dict[StyleRole, str] = {}
    missing: list[str] = []
    for role in BODY_ROLES:
        if role.value in by_id:
            found[role] = role.value
        elif _normalise(role.value) in by_name:
            found[role] = by_name[_normalise(role.value)]
        elif role not in TABLE_ROLES:  # needed only by a notice with a table
            missing.append(f"{role.value} ({ROLE_TERMS[role]})")
    if missing:
        raise TemplateError(
            _(
                "{path}：模板缺少公文需要的 {count} 个样式：{styles}。请从 gongwen 的 "
                "templates/notice.docx 复制过来并保留其名称（Word：样式 > 管理样式 > 导入/导出）"
            ).format(path=path, count=len(missing), styles=_("、").join(missing))
        )
    return found


def missing_table_styles(template: Template) -> list[str]:
    """The table styles a template lacks, as ``id (term)``: a notice with a table needs them."""
    return [
        f"{role.value} ({ROLE_TERMS[role]})"
        for role in StyleRole
        if role in TABLE_ROLES and role not in template.style_ids
    ]


__all__ = [
    "BODY_ROLES",
    "MAX_TEMPLATE_BYTES",
    "ROLE_TERMS",
    "Template",
    "TemplateError",
    "default_template_path",
    "load_template",
    "missing_table_styles",
]
