"""The notice model: what a 公文 says, as data — positions and dates, never rendered ordinals.

Every element of a GB/T 9704-2012 notice has a field here (the standard's clause is named in
each docstring). Numbering (一、 （一） 1. （1）, 问题N：, 一是) is derived from position when the
notice is rendered, so it is always right; the model never stores it.

Body items are written in files as one-key mappings, ``{section: {...}}``,
``{problem: {...}}`` or ``{paragraph: "..."}``, and a bare string is a paragraph::

    body:
      - 根据区委统一部署，……
      - section:
          heading: 强化政治站位
          body: [...]

Policy that real published notices break (a heading ending in 。, a count that disagrees)
is left to the checker, so that the reader can still load what was published.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    Tag,
    ValidationError,
    WrapSerializer,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from gongwen.dates import parse_date
from gongwen.i18n import N_, _

MAX_SECTION_DEPTH = 4
"""GB/T 9704-2012 cl. 7.3.3 defines four levels of 层次序数: 一、 （一） 1. （1）."""

# XML 1.0 §2.2 Char: tab, LF, CR and everything from U+0020 except surrogates, U+FFFE, U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: str) -> str:
    match = _XML_ILLEGAL.search(value)
    if match:
        raise PydanticCustomError(
            "xml_char",
            _("第 {pos} 个字符 {code} 不能出现在 Word 文档中，请删去"),
            {"code": f"U+{ord(match.group()):04X}", "pos": match.start() + 1},
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", _("不能为空"))
    return value


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


Text = Annotated[str, AfterValidator(_xml_safe)]
"""Free text: any characters a Word document can hold."""

Line = Annotated[str, BeforeValidator(_strip), Field(min_length=1), AfterValidator(_xml_safe)]
"""A non-empty piece of text, surrounding white space removed."""


def _to_date(value: Any) -> Any:
    """Accept Chinese dates (2023年3月14日, 二〇二三年三月十四日) as well as ISO ones; refuse a
    number (pydantic would read ``1678752000`` as a Unix timestamp, ``0`` as 1970-01-01)."""
    if isinstance(value, int | float | Decimal):
        raise PydanticCustomError(
            "date_number", _("日期应写成日期，如 2023-03-14 或 2023年3月14日，而不是数字")
        )
    if isinstance(value, str):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass  # an impossible date: parse_date says what is wrong with it
        try:
            return parse_date(value)
        except ValueError as exc:
            raise PydanticCustomError("date_text", str(exc)) from exc  # translated in dates
    return value


Date = Annotated[date, BeforeValidator(_to_date)]


class _Model(BaseModel):
    """Every model: unknown fields refused, assignments validated, and bad values raised as
    :class:`~gongwen.findings.InputError` with the loader's codes and messages (IN003, IN004
    did-you-mean, IN005), the same as the same mistake in a notice file.

    ``model_validate`` keeps pydantic's ``ValidationError``: the loader catches it there and
    adds the file and line.

    >>> try:
    ...     Problem(statement="理论学习不深入。", statment="理论学习不深入。")
    ... except ValueError as error:
    ...     print(type(error).__name__, error)
    InputError statment: 错误 IN004: 未知字段“statment”，是否想写“statement”？
    """

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_attribute_docstrings=True
    )

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise _input_error(exc) from None

    # Marks this __init__ as pydantic's own, so that validation (model_validate, nested
    # models) does not call it and keeps raising ValidationError for the loader to place.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            raise _input_error(exc) from None


def _input_error(exc: ValidationError) -> Exception:
    # The loader owns the conversion (codes, Chinese-first messages, did-you-mean); it is
    # imported here, on the error path only, because the loader imports this module.
    from gongwen.loader import input_error

    return input_error(exc)


# --------------------------------------------------------------------------------------------
# 版头 (cl. 7.2)


class SecrecyLevel(StrEnum):
    """密级 (cl. 7.2.2)."""

    SECRET = "秘密"
    CONFIDENTIAL = "机密"
    TOP_SECRET = "绝密"


class Classification(_Model):
    """密级和保密期限 (cl. 7.2.2): e.g. 机密★1年."""

    level: SecrecyLevel
    """密级: 秘密, 机密 or 绝密."""
    period: Line | None = None
    """保密期限 with Arabic digits, e.g. "1年"; rendered after a ★."""


class Urgency(StrEnum):
    """紧急程度 (cl. 7.2.3)."""

    EXTRA_URGENT = "特急"
    URGENT = "加急"


class IssuerMark(_Model):
    """发文机关标志 (cl. 7.2.4): the red organ name(s) at the top of page 1."""

    organs: list[Line] = Field(min_length=1)
    """Full names or standard short names; for a joint issue the lead organ first."""
    with_wenjian: bool = False
    """Append "文件" to the right of the names."""


_DOCUMENT_NUMBER = re.compile(
    r"^(?P<code>.+?)[〔\[【(（](?P<year>\d{4})[〕\]】)）](?P<serial>.+?)号$"
)


class DocumentNumber(_Model):
    """发文字号 (cl. 7.2.5): 机关代字 + 〔year〕 + serial + 号, e.g. X党发〔2023〕5号.

    A string in that form is accepted as input.

    >>> str(DocumentNumber.model_validate("X党发〔2023〕5号"))
    'X党发〔2023〕5号'
    """

    agency_code: Line
    """机关代字, e.g. "X党发"."""
    year: int = Field(ge=1949, le=2999)
    """Full four-digit year."""
    serial: int = Field(ge=1)
    """顺序号: no 第, no leading zero (cl. 7.2.5)."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = value.strip()
        match = _DOCUMENT_NUMBER.match(text)
        if not match:
            raise PydanticCustomError(
                "document_number",
                _("“{text}”不是发文字号，应写成 X党发〔2023〕5号 的样子"),
                {"text": text},
            )
        serial = match["serial"]
        if serial.startswith("第"):
            raise PydanticCustomError(
                "document_number_di",
                _("“{text}”：发文字号的序号前不加“第”（GB/T 9704 第 7.2.5 条），应写成 {fixed}"),
                {"text": text, "fixed": text.replace("第", "", 1)},
            )
        if not serial.isdigit() or not serial.isascii():
            raise PydanticCustomError(
                "document_number",
                _("“{text}”：发文字号的序号应为阿拉伯数字"),
                {"text": text},
            )
        if serial.startswith("0"):
            raise PydanticCustomError(
                "document_number_zero",
                _("“{text}”：发文字号的序号不编虚位（GB/T 9704 第 7.2.5 条），应写成 {n}号"),
                {"text": text, "n": int(serial)},
            )
        return {"agency_code": match["code"], "year": int(match["year"]), "serial": int(serial)}

    @field_validator("agency_code")
    @classmethod
    def _plain_code(cls, value: str) -> str:
        if "第" in value[-1:] or any(c in value for c in "〔〕[]【】()（）"):
            raise PydanticCustomError(
                "agency_code",
                _("机关代字“{code}”不能含括号或“第”；年份写在 year 中"),
                {"code": value},
            )
        return value

    def __str__(self) -> str:
        return f"{self.agency_code}〔{self.year}〕{self.serial}号"

    @model_serializer(mode="plain")
    def _as_text(self) -> str:
        """Written back as the text a clerk types: X党发〔2023〕5号."""
        return str(self)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        fields = handler.resolve_ref_schema(handler(core_schema))
        text = {"type": "string", "description": "e.g. X党发〔2023〕5号"}
        return {"title": "DocumentNumber", "anyOf": [text, fields]}


def _copy_number(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        raise PydanticCustomError(
            "copy_number_int",
            _("份号应加引号写成文字，如 '{n}'，以保留前面的 0"),
            {"n": f"{value:06d}"},
        )
    return value


CopyNumber = Annotated[
    str,
    BeforeValidator(_copy_number),
    Field(pattern=r"^\d{6}$", description="份号: six Arabic digits (cl. 7.2.1), e.g. '000007'"),
]


class Header(_Model):
    """版头 (cl. 7.2): everything above the red rule on page 1."""

    copy_number: CopyNumber | None = None
    """份号: six digits, e.g. '000007' (cl. 7.2.1)."""
    classification: Classification | None = None
    """密级和保密期限 (cl. 7.2.2)."""
    urgency: Urgency | None = None
    """紧急程度: 特急 or 加急 (cl. 7.2.3)."""
    issuer_mark: IssuerMark | None = None
    """发文机关标志 (cl. 7.2.4)."""
    document_number: DocumentNumber | None = None
    """发文字号 (cl. 7.2.5)."""
    signers: list[Line] = Field(default_factory=list)
    """签发人, for 上行文 (cl. 7.2.6)."""
    order_number: int | None = Field(default=None, ge=1)
    """令号 of a 命令（令） (cl. 10.2), printed 第N号; only with ``presentation.format: order``."""


# --------------------------------------------------------------------------------------------
# 主体: the body tree (cl. 7.3.3)


def _unwrap(kind: str, value: Any) -> Any:
    """Accept ``{kind: {...}}`` for a body item, the form files use."""
    if isinstance(value, dict) and set(value) == {kind}:
        return value[kind]
    return value


def _wrap_schema(kind: str, schema: JsonSchemaValue) -> JsonSchemaValue:
    return {
        "type": "object",
        "title": schema.get("title", kind),
        "description": schema.get("description", ""),
        "properties": {kind: {k: v for k, v in schema.items() if k not in ("title",)}},
        "required": [kind],
        "additionalProperties": False,
    }


class _BodyItem(_Model):
    kind: ClassVar[str]

    @model_validator(mode="before")
    @classmethod
    def _unwrap_item(cls, value: Any) -> Any:
        return _unwrap(cls.kind, value)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        return _wrap_schema(cls.kind, schema)


class Paragraph(_BodyItem):
    """A paragraph of body text (正文, cl. 7.3.3), indented two characters."""

    kind: ClassVar[str] = "paragraph"
    text: Line

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        value = _unwrap(cls.kind, value)
        return {"text": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        text = {"type": "string", "minLength": 1}
        return {
            "title": "Paragraph",
            "description": "A paragraph of body text: a string, or {paragraph: string}.",
            "anyOf": [
                text,
                {
                    "type": "object",
                    "properties": {"paragraph": text},
                    "required": ["paragraph"],
                    "additionalProperties": False,
                },
            ],
        }


class RectificationStatus(StrEnum):
    """Where the rectification of a problem stands (used by the next round's bulletin)."""

    DONE = "已完成"
    IN_PROGRESS = "正在推进"
    ONGOING = "长期坚持"


class Problem(_BodyItem):
    """A numbered problem, 问题N：, numbered across the whole document.

    ``statement`` is the problem in one sentence; ``description`` the evidence that follows it
    in the same paragraph. ``measures`` is the 整改情况: rendered 一是/二是/三是… when there are
    several, as a plain paragraph when there is one.
    """

    kind: ClassVar[str] = "problem"
    statement: Line
    """The problem in a sentence, e.g. "社区综合党委兼职委员作用难发挥。"."""
    description: Line | None = None
    """What the inspection found, following the statement in the same paragraph."""
    measures: list[Line] = Field(default_factory=list)
    """整改情况: one entry per measure, without 一是/二是 (they are derived)."""
    measures_label: Line = "整改情况"
    """The label above the measures, without the colon: 整改情况, 完成情况, …"""
    status: RectificationStatus | None = None
    """Progress of the rectification, when known."""
    deadline: Line | None = None
    """整改时限: by when the problem is to be put right, as the text gives it (2023年底前,
    长期坚持); shown in the 整改台账."""
    responsible: Line | None = None
    """责任单位: who puts it right, as the text gives it (社区党委); shown in the 整改台账."""


def _body_tag(value: Any) -> str | None:
    if isinstance(value, _BodyItem):
        return value.kind
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict) and len(value) == 1:
        (key,) = value
        return key if key in _BODY_KINDS else None
    return None


_BODY_KINDS = ("paragraph", "section", "problem", "table")


def _cell_input(value: Any) -> Any:
    """A cell may be written as a number in a file (序号 1): it is kept as its text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return _strip(value)


CellText = Annotated[str, BeforeValidator(_cell_input), AfterValidator(_xml_safe)]
"""The text of a table cell: may be empty; "\n" is a line break inside the cell."""


class HeaderCell(_Model):
    """A cell of a table's header rows, which may span columns (合并) or header rows.

    Written as a string when it spans nothing, else as ``{text, span, rows}``.

    >>> HeaderCell.model_validate("完成情况").span
    1
    """

    text: CellText
    """The column heading."""
    span: int = Field(default=1, ge=1, le=63)
    """Columns it covers (a horizontal merge, w:gridSpan)."""
    rows: int = Field(default=1, ge=1, le=63)
    """Header rows it covers (a vertical merge, w:vMerge), as Word users make them."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str | int | float) else value

    @model_serializer(mode="wrap")
    def _as_text(self, handler: SerializerFunctionWrapHandler) -> Any:
        if self.span == 1 and self.rows == 1:
            return self.text
        return handler(self)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        fields = handler.resolve_ref_schema(handler(core_schema))
        text = {"type": "string", "description": "a cell that spans nothing"}
        return {"title": "HeaderCell", "anyOf": [text, fields]}


class Table(_BodyItem):
    """A table (横排表格 when its attachment is landscape, GB/T 9704 cl. 8) in the body.

    It stands wherever a paragraph may: body, sections, attachments. ``header`` holds the
    header rows (repeated on every page), ``rows`` the body rows of text cells. With
    ``from_problems`` the table is the notice's 整改台账, derived from its problems when it
    is rendered (:func:`gongwen.tables.ledger_table`), so that the bulletin and its ledger
    never disagree; it then has no header or rows of its own.

    >>> t = Table(header=[["序号", "问题"]], rows=[["1", "学习不够。"]])
    >>> t.columns
    2
    """

    kind: ClassVar[str] = "table"
    title: Line | None = None
    """表题, centred above the table."""
    header: list[list[HeaderCell]] = Field(default_factory=list)
    """Header rows, top to bottom; a cell covered by one spanning rows above is left out."""
    rows: list[list[CellText]] = Field(default_factory=list)
    """Body rows, each a list of cell texts, one per column."""
    widths: list[Annotated[float, Field(gt=0)]] | None = None
    """Column widths: relative weights, or characters when ``width_unit`` is ``chars``;
    None: from the cells' contents."""
    width_unit: Literal["relative", "chars"] = "relative"
    """How ``widths`` are given: relative weights or 字 of the table's type (四号)."""
    note: Line | None = None
    """The note line under the table, without its "注：" (rendered 注：…)."""
    from_problems: bool = False
    """The 整改台账 of this notice's problems: header and rows derived when it is rendered."""

    @property
    def columns(self) -> int:
        """How many grid columns the table has (0 for a ledger still to be derived)."""
        if self.header:
            return sum(cell.span for cell in self.header[0])
        if self.rows:
            return len(self.rows[0])
        return len(self.widths or [])

    @model_validator(mode="after")
    def _shape(self) -> Table:
        if self.from_problems:
            if self.header or self.rows:
                raise PydanticCustomError(
                    "table_ledger_rows",
                    _(
                        "from_problems: true 的表格由问题生成表头和各行；"
                        "请删去 header 和 rows，或删去 from_problems"
                    ),
                )
            return self
        if not self.header and not self.rows:
            raise PydanticCustomError(
                "table_empty", _("表格需要表头行（header）、数据行（rows）或 from_problems: true")
            )
        columns = self.columns
        covered = [0] * columns  # header rows still covered, by column, from cells above
        for index, row in enumerate(self.header):
            width = sum(1 for c in covered if c) + sum(cell.span for cell in row)
            if width != columns:
                raise PydanticCustomError(
                    "table_header_width",
                    _("表头第 {row} 行占 {width} 列，表格有 {columns} 列"),
                    {"row": index + 1, "width": width, "columns": columns},
                )
            position = 0
            for cell in row:
                while covered[position]:
                    position += 1
                if index + cell.rows > len(self.header):
                    raise PydanticCustomError(
                        "table_header_rows",
                        _("表头单元格“{text}”跨 {rows} 行，表头只有 {count} 行"),
                        {"text": cell.text, "rows": cell.rows, "count": len(self.header)},
                    )
                for column in range(position, position + cell.span):
                    covered[column] = cell.rows
                position += cell.span
            covered = [max(0, c - 1) for c in covered]
        for index, cells in enumerate(self.rows):
            if len(cells) != columns:
                raise PydanticCustomError(
                    "table_row_width",
                    _("第 {row} 行有 {cells} 个单元格，表格有 {columns} 列"),
                    {"row": index + 1, "cells": len(cells), "columns": columns},
                )
        if self.widths is not None and len(self.widths) != columns:
            raise PydanticCustomError(
                "table_widths",
                _("widths 给了 {given} 列的宽度，表格有 {columns} 列"),
                {"given": len(self.widths), "columns": columns},
            )
        return self


class Section(_BodyItem):
    """A section with a heading; its ordinal (一、 （一） 1. （1）) comes from its position.

    Sections nest up to four levels (cl. 7.3.3). A heading may end in 。 when it is a sentence,
    as level-3 headings often are; whether it should is for the checker to say.
    """

    kind: ClassVar[str] = "section"
    heading: Line
    """The heading text without its ordinal."""
    body: BodyList = Field(default_factory=list)
    """Paragraphs, problems and subsections, in order."""
    run_in: bool = False
    """The heading runs into the first paragraph of ``body``: one paragraph, the heading in its
    level's font, then the text in 仿宋 (cl. 7.3.3 practice: ``（二）健全工作机制。各部门要……``)."""

    @model_validator(mode="after")
    def _run_in_needs_a_paragraph(self) -> Section:
        if self.run_in and not (self.body and isinstance(self.body[0], Paragraph)):
            raise PydanticCustomError(
                "run_in_without_paragraph",
                _("标题接排正文（run_in: true）时，其 body 的第一项应为段落"),
            )
        return self


BodyItem: TypeAlias = Annotated[
    Annotated[Paragraph, Tag("paragraph")]
    | Annotated[Section, Tag("section")]
    | Annotated[Problem, Tag("problem")]
    | Annotated[Table, Tag("table")],
    Discriminator(
        _body_tag,
        custom_error_type="body_item",
        # Shown in the language of the moment by gongwen.field_errors, which words this type.
        custom_error_message=N_(
            "正文的一项应为一段文字，或只有一个键的映射：paragraph、section、problem 或 table"
        ),
    ),
]


def _wrap_items(items: list[_BodyItem], handler: SerializerFunctionWrapHandler) -> Any:
    """Dump body items in the file form: ``{section: {...}}``, ``{paragraph: text}``."""
    dumped = handler(items)
    out = []
    for item, data in zip(items, dumped, strict=True):
        if isinstance(item, Paragraph):
            out.append({"paragraph": item.text})
        else:
            out.append({item.kind: data})
    return out


BodyList = Annotated[list[BodyItem], WrapSerializer(_wrap_items)]
"""An ordered list of body items, written in files as one-key mappings."""

Section.model_rebuild()


# --------------------------------------------------------------------------------------------
# After the body: attachments, signature, notes (cl. 7.3.4–7.3.7)


class Attachment(_Model):
    """An attachment (附件, cl. 7.3.7), named in the 附件说明 (cl. 7.3.4).

    With a body, it is bound after the main text starting on a new page; without one it is
    only named in the 附件说明 (sent as a separate file).
    """

    title: Line
    """The attachment's name, without closing punctuation (cl. 7.3.4)."""
    body: BodyList = Field(default_factory=list)
    """Its text, laid out like the main body."""
    orientation: Literal["portrait", "landscape"] = "portrait"
    """``landscape``: bound as a 横排 page of its own section (GB/T 9704 cl. 8), for a
    wide table; the page number stays where it is on the other pages."""

    @field_validator("title")
    @classmethod
    def _title_lines(cls, value: str) -> str:
        return _title_text(value)


class Seal(_Model):
    """An electronic seal (印章, or a 签发人签名章) as an image the user provides: gongwen never
    ships one. PNG or JPEG, with a transparent or white background; a relative path in a notice
    file is taken from the file's folder."""

    image: Path
    """The image file."""
    width_mm: float = Field(default=42.0, gt=5, le=60)
    """Printed width in mm (an organ's round seal is commonly 42 mm across); the height
    follows the image's proportions."""


class Signature(_Model):
    """发文机关署名 and 成文日期 (cl. 7.3.5)."""

    organs: list[Line] = Field(default_factory=list)
    """署名: issuing organs in issuing order."""
    date: Date
    """成文日期: written 2023年3月14日 (cl. 7.3.5.4)."""
    sealed: bool = True
    """加盖印章 (cl. 7.3.5.1) or not (cl. 7.3.5.2); it moves the signature and date."""
    seals: list[Seal] = Field(default_factory=list)
    """The seal images: one per organ in issuing order (cl. 7.3.5.1), or the one 签发人签名章
    (cl. 7.3.5.3). Without them a sealed notice leaves the room for a seal stamped on paper."""
    signer_title: Line | None = None
    """签发人职务: with it the notice is signed with the 签发人签名章 (cl. 7.3.5.3), the form of a
    命令（令）: the title 左空二字 of the 签名章, the date one line below."""
    signer_name: Line | None = None
    """The 签发人's name, printed where the 签名章 goes when no seal image is given."""

    @model_validator(mode="after")
    def _forms(self) -> Signature:
        if (self.signer_title is None) != (self.signer_name is None):
            raise PydanticCustomError(
                "signer_pair",
                _(
                    "signer_title（签发人职务）和 signer_name（签发人姓名）应同时给出"
                    "（签发人签名章，第 7.3.5.3 条），或都不给"
                ),
            )
        wanted = 1 if self.signer_title is not None else len(self.organs)
        if self.seals and len(self.seals) != wanted:
            message = (
                _("有 {count} 个印章图片，应只给 1 个签发人签名章")
                if self.signer_title is not None
                else _("有 {count} 个印章图片，发文机关有 {wanted} 个：每个机关一个印章")
            )
            raise PydanticCustomError(
                "seal_count", message, {"count": len(self.seals), "wanted": wanted}
            )
        if self.seals and not self.sealed:
            raise PydanticCustomError(
                "seal_unsealed", _("给了印章图片，但 sealed 为 false（第 7.3.5.2 条）")
            )
        return self


class Attendance(_Model):
    """出席, 请假 and 列席 of a 纪要 (cl. 10.3): units and names as they are to be printed."""

    present: list[Line] = Field(default_factory=list)
    """出席."""
    absent: list[Line] = Field(default_factory=list)
    """请假."""
    attending: list[Line] = Field(default_factory=list)
    """列席."""

    @model_validator(mode="after")
    def _something(self) -> Attendance:
        if not (self.present or self.absent or self.attending):
            raise PydanticCustomError(
                "attendance_empty", _("出席名单至少需要 present、absent 或 attending 之一")
            )
        return self


class Imprint(_Model):
    """版记 (cl. 7.4): 抄送机关, 印发机关 and 印发日期 between rules at the foot of the page."""

    copy_to: list[Line] = Field(default_factory=list)
    """抄送机关, in order; the list ends in 。 when rendered (cl. 7.4.2)."""
    printer: Line
    """印发机关 (cl. 7.4.3)."""
    print_date: Date
    """印发日期 (cl. 7.4.3)."""


class ContactChannel(_Model):
    """One labelled way to reach the issuer, e.g. 传真 or 微信公众号."""

    label: Line
    value: Line


class Contact(_Model):
    """The contact block that closes a published notice (联系方式：电话…，邮政信箱…；电子邮箱…)."""

    lead: Line = "联系方式"
    """The words before the colon."""
    phones: list[Line] = Field(default_factory=list)
    """电话 numbers as written, e.g. "82746503" or "0531-82746503"."""
    postbox: Line | None = None
    """邮政信箱: a postal address for letters."""
    email: Line | None = None
    """电子邮箱."""
    others: list[ContactChannel] = Field(default_factory=list)
    """Further labelled channels, in order."""

    @model_validator(mode="after")
    def _something(self) -> Contact:
        if not (self.phones or self.postbox or self.email or self.others):
            raise PydanticCustomError(
                "contact_empty",
                _("联系方式至少需要 phones、postbox、email、others 之一"),
            )
        return self


class Presentation(_Model):
    """Choices of presentation that the standard leaves open."""

    top_level: int = Field(default=1, ge=1, le=MAX_SECTION_DEPTH)
    """The level of the outermost sections: 1 numbers them 一、, 2 （一）, 3 1., 4 （1） — a
    notice whose top level is （一） keeps the ordinals of its source."""
    measures: Literal["paragraphs", "run-in"] = "paragraphs"
    """一是… each in its own paragraph, or run together: 一是……；二是……。"""
    date_numerals: Literal["arabic", "chinese"] = "arabic"
    """2023年3月14日 (GB/T 9704-2012) or 二〇二三年三月十四日 (the withdrawn 1999 standard)."""
    format: Literal["standard", "letter", "order", "minutes"] = "standard"
    """The 文件格式 of cl. 7, or a special format of cl. 10: 信函 (letter), 命令（令） (order),
    纪要 (minutes)."""
    sides: Literal["single", "double"] = "single"
    """Printed on one side of the paper (the 版记 at the foot of the last page of text) or on
    both (the 版记 alone on an even last page, 封四, with a blank page before it when needed;
    neither page numbered, cl. 7.4, 7.5)."""


def _title_text(value: str) -> str:
    lines = [line.strip() for line in value.split("\n")]
    if any(not line for line in lines):
        raise PydanticCustomError("title_blank_line", _("不能含有空行"))
    return "\n".join(lines)


def _title_input(value: Any) -> Any:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    return value


Title = Annotated[
    str,
    BeforeValidator(_title_input, json_schema_input_type=str | list[str]),
    BeforeValidator(_strip),
]


class Notice(_Model):
    """A 公文 notice, report or bulletin: every element of GB/T 9704-2012 cl. 7.

    >>> n = Notice(title="关于做好巡察整改的通知", body=["请认真落实。"])
    >>> n.body[0].text
    '请认真落实。'
    """

    header: Header | None = None
    """版头 (cl. 7.2)."""
    title: Annotated[Title, AfterValidator(_not_blank), AfterValidator(_xml_safe)]
    """标题 (cl. 7.3.1); a line break ("\\n", or a list of lines) is where the author breaks it."""
    addressees: list[Line] = Field(default_factory=list)
    """主送机关 (cl. 7.3.2), rendered with "、" between and "：" after."""
    body: BodyList = Field(min_length=1)
    """正文 (cl. 7.3.3)."""
    contact: Contact | None = None
    """联系方式, after the body."""
    attachments: list[Attachment] = Field(default_factory=list)
    """附件 (cl. 7.3.7); the 附件说明 (cl. 7.3.4) is derived from their titles."""
    signature: Signature | None = None
    """发文机关署名 and 成文日期 (cl. 7.3.5)."""
    note: Line | None = None
    """附注 (cl. 7.3.6), without its round brackets."""
    imprint: Imprint | None = None
    """版记 (cl. 7.4)."""
    published: Date | None = None
    """The date a web page published the notice (发布日期), when known."""
    attendance: Attendance | None = None
    """出席, 请假 and 列席 of a 纪要 (cl. 10.3), after the body."""
    presentation: Presentation = Field(default_factory=Presentation)
    """Presentation choices the standard leaves open."""

    @field_validator("title")
    @classmethod
    def _title_lines(cls, value: str) -> str:
        return _title_text(value)

    @model_validator(mode="after")
    def _depth(self) -> Notice:
        for where, items in [("body", self.body)] + [
            (f"attachments.{i}.body", a.body) for i, a in enumerate(self.attachments)
        ]:
            too_deep = _too_deep(items, self.presentation.top_level)
            if too_deep is not None:
                raise PydanticCustomError(
                    "section_depth",
                    _(
                        "{where}：“{heading}”一节嵌套到第 {depth} 层；GB/T 9704 第 7.3.3 条"
                        "只规定四层（一、 （一） 1. （1））"
                    ),
                    {"where": where, "heading": too_deep.heading, "depth": MAX_SECTION_DEPTH + 1},
                )
        return self

    @model_validator(mode="after")
    def _special_format(self) -> Notice:
        kind = self.presentation.format
        if self.attendance is not None and kind != "minutes":
            raise PydanticCustomError(
                "attendance_format",
                _("出席/请假/列席（attendance）属于纪要：请设 presentation.format: minutes"),
            )
        number = self.header.order_number if self.header else None
        if number is not None and kind != "order":
            raise PydanticCustomError(
                "order_number_format",
                _("令号（header.order_number）属于命令（令）：请设 presentation.format: order"),
            )
        if kind != "standard" and (self.header is None or self.header.issuer_mark is None):
            raise PydanticCustomError(
                "special_format_mark",
                _("{kind} 格式（GB/T 9704 第 10 章）需要 header.issuer_mark（发文机关标志）"),
                {"kind": kind},
            )
        return self

    @property
    def dated(self) -> date | None:
        """The date the notice is dated by: its 成文日期, else its 印发日期, else the date it was
        published; None when it has none of them.

        >>> Notice(title="T", body=["p"], published="2023-03-14").dated
        datetime.date(2023, 3, 14)
        """
        if self.signature is not None:
            return self.signature.date
        if self.imprint is not None:
            return self.imprint.print_date
        return self.published

    @property
    def title_lines(self) -> list[str]:
        """The title as the author broke it."""
        return self.title.split("\n")


def _too_deep(items: list[BodyItem], level: int) -> Section | None:
    for item in items:
        if isinstance(item, Section):
            if level > MAX_SECTION_DEPTH:
                return item
            found = _too_deep(item.body, level + 1)
            if found is not None:
                return found
    return None


def walk(items: list[BodyItem]) -> list[tuple[int, BodyItem]]:
    """Every body item in document order with its section depth (0 outside any section).

    >>> n = Notice(title="T", body=[{"section": {"heading": "H", "body": ["p"]}}])
    >>> [(d, type(i).__name__) for d, i in walk(n.body)]
    [(0, 'Section'), (1, 'Paragraph')]
    """
    out: list[tuple[int, BodyItem]] = []

    def visit(children: list[BodyItem], depth: int) -> None:
        for item in children:
            out.append((depth, item))
            if isinstance(item, Section):
                visit(item.body, depth + 1)

    visit(items, 0)
    return out


__all__ = [
    "MAX_SECTION_DEPTH",
    "Attachment",
    "BodyItem",
    "BodyList",
    "Classification",
    "Contact",
    "ContactChannel",
    "CopyNumber",
    "Date",
    "DocumentNumber",
    "Header",
    "Imprint",
    "IssuerMark",
    "Line",
    "Notice",
    "Paragraph",
    "Presentation",
    "Problem",
    "RectificationStatus",
    "SecrecyLevel",
    "Section",
    "Signature",
    "Text",
    "Title",
    "Urgency",
    "walk",
]
