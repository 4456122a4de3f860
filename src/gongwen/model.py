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

import inspect
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
from pydantic.config import JsonDict
from pydantic.fields import FieldInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, PydanticUndefined

from gongwen.dates import parse_date
from gongwen.i18n import N_, _
from gongwen.widths import columns

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


# --------------------------------------------------------------------------------------------
# help() and the JSON Schema: every model's fields with their descriptions, made in one place

_FIELDS_HEADING = "Fields (字段; one without a default is required):"


def _plain_type(text: str) -> str:
    """A field's annotation as a reader wants it: ``Annotated[X, …]`` shown as ``X``.

    >>> _plain_type("list[Annotated[float, Field(gt=0)]] | None")
    'list[float] | None'
    >>> _plain_type("Annotated[Title, AfterValidator(_not_blank)]")
    'Title'
    """
    start = text.find("Annotated[")
    while start >= 0:
        depth, comma, end = 0, -1, len(text)
        for index in range(start + len("Annotated["), len(text)):
            char = text[index]
            if char == "[":
                depth += 1
            elif char == "]" and depth:
                depth -= 1
            elif char == "]":
                end = index
                break
            elif char == "," and not depth and comma < 0:
                comma = index
        inner = text[start + len("Annotated[") : comma if comma >= 0 else end]
        text = text[:start] + inner + text[end + 1 :]
        start = text.find("Annotated[")
    return text


def _field_line(name: str, annotation: Any, info: FieldInfo) -> str:
    """``name: type = default`` for one field in a class's help(), the type as written."""
    if not isinstance(annotation, str):
        annotation = inspect.formatannotation(info.annotation if annotation is None else annotation)
    line = f"{name}: {_plain_type(annotation)}"
    factory = info.default_factory
    if factory is list:
        return f"{line} = []"
    if factory is dict:
        return f"{line} = {{}}"
    if factory is not None:
        return f"{line} = {getattr(factory, '__name__', '…')}()"
    if info.default is PydanticUndefined:
        return line
    return f"{line} = {info.default!r}"


def _signature(cls: type[BaseModel]) -> inspect.Signature:
    """The keyword-only call of a model, each field with its type as written and its default.

    >>> str(_signature(Problem))[:52]
    '(*, statement: Line, description: Line | None = None'
    >>> str(_signature(Problem)).endswith("responsible: Line | None = None) -> None")
    True
    """
    annotations = _written_annotations(cls)
    parameters = []
    for name, info in cls.model_fields.items():
        annotation = annotations.get(name)
        if not isinstance(annotation, str):
            annotation = inspect.formatannotation(
                info.annotation if annotation is None else annotation
            )
        if info.default_factory is not None:
            default: Any = _Shown(_field_line(name, annotation, info).rpartition(" = ")[2])
        elif info.default is PydanticUndefined:
            default = inspect.Parameter.empty
        else:
            default = info.default
        parameters.append(
            inspect.Parameter(
                info.alias or name,
                inspect.Parameter.KEYWORD_ONLY,
                default=default,
                annotation=_Shown(_plain_type(annotation)),
            )
        )
    return inspect.Signature(parameters, return_annotation=None)


class _Shown:
    """A type or default shown as written (``list[Line]``, ``[]``, ``Presentation()``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _written_annotations(cls: type[BaseModel]) -> dict[str, Any]:
    """The annotations of ``cls``'s fields as its source writes them, inherited ones too."""
    annotations: dict[str, Any] = {}
    for klass in reversed(cls.__mro__[: cls.__mro__.index(DescribedModel)]):
        annotations.update(inspect.get_annotations(klass))
    return annotations


def _fields_section(cls: type[BaseModel]) -> str:
    """The "Fields" section a model's docstring ends with: each field, its type and default,
    and its description (the standard's Chinese term, then its English meaning)."""
    annotations = _written_annotations(cls)
    lines = [_FIELDS_HEADING, ""]
    for name, info in cls.model_fields.items():
        lines.append("    " + _field_line(name, annotations.get(name), info))
        lines += ["        " + line for line in _wrap(info.description or "", 84)]
    return "\n".join(lines)


def _wrap(text: str, width: int) -> list[str]:
    """Text broken at spaces into lines of at most ``width`` columns, a CJK character taking
    two (textwrap counts one, and is slow enough to matter at import).

    >>> _wrap("主送机关 — the principal recipients", 20)
    ['主送机关 — the', 'principal recipients']
    """
    lines: list[str] = []
    words: list[str] = []
    used = 0
    for word in text.split():
        size = columns(word)
        if words and used + 1 + size > width:
            lines.append(" ".join(words))
            words, used = [], 0
        used += size + (1 if words else 0)
        words.append(word)
    if words:
        lines.append(" ".join(words))
    return lines


def _summary(doc: str | None) -> str:
    """A docstring without its examples and its Fields section: the description of a model in
    the JSON Schema, which editors show.

    >>> print(_summary(Notice.__doc__))
    公文 — an official document: a notice, report or bulletin, with every element of
    GB/T 9704-2012 cl. 7.
    """
    kept: list[str] = []
    for line in inspect.cleandoc(doc or "").splitlines():
        if line.lstrip().startswith(">>>") or line == _FIELDS_HEADING:
            break
        kept.append(line)
    return "\n".join(kept).strip()


def _describe_schema(schema: JsonDict, cls: type[Any]) -> None:
    schema["description"] = _summary(cls.__doc__)


class DescribedModel(BaseModel):
    """描述字段的模型 — a model whose ``help()`` lists its fields with their descriptions, and
    whose JSON Schema describes it by its docstring's summary (without examples or the list).

    Each field's description is its ``Field(description=...)``: the standard's Chinese term
    first, then the English meaning, with the GB/T 9704-2012 clause where one applies.
    """

    model_config = ConfigDict(json_schema_extra=_describe_schema)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        doc = cls.__dict__.get("__doc__")
        if doc and cls.model_fields:
            cls.__doc__ = f"{inspect.cleandoc(doc)}\n\n{_fields_section(cls)}\n"
        if cls.model_fields:
            # help() and editors show the call as the fields are written, not pydantic's
            # expansion of every validator (two thousand characters for Notice).
            cls.__signature__ = _signature(cls)


class _Model(DescribedModel):
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

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

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
    """密级 — the secrecy level: 秘密 (secret), 机密 (confidential) or 绝密 (top secret)
    (cl. 7.2.2)."""

    SECRET = "秘密"
    CONFIDENTIAL = "机密"
    TOP_SECRET = "绝密"


class Classification(_Model):
    """密级和保密期限 — the secrecy level and period (cl. 7.2.2), e.g. 机密★1年."""

    level: SecrecyLevel = Field(
        description="密级 — the secrecy level: 秘密, 机密 or 绝密 (cl. 7.2.2)."
    )
    period: Line | None = Field(
        default=None,
        description=(
            "保密期限 — the secrecy period, with Arabic digits, e.g. “1年”; printed after the "
            "level and a ★ (cl. 7.2.2)."
        ),
    )


class Urgency(StrEnum):
    """紧急程度 — the urgency: 特急 (extra urgent) or 加急 (urgent) (cl. 7.2.3)."""

    EXTRA_URGENT = "特急"
    URGENT = "加急"


class IssuerMark(_Model):
    """发文机关标志 — the issuing organ's mark: the red organ name(s) at the top of page 1
    (cl. 7.2.4)."""

    organs: list[Line] = Field(
        min_length=1,
        description=(
            "发文机关 — the issuing organs: full names or standard short names, at least one; "
            "for a joint issue the lead organ first (cl. 7.2.4)."
        ),
    )
    with_wenjian: bool = Field(
        default=False, description="文件 — append “文件” to the right of the names (cl. 7.2.4)."
    )


_DOCUMENT_NUMBER = re.compile(
    r"^(?P<code>.+?)[〔\[【(（](?P<year>\d{4})[〕\]】)）](?P<serial>.+?)号$"
)


class DocumentNumber(_Model):
    """发文字号 — the document number (cl. 7.2.5): 机关代字 + 〔year〕 + serial + 号, e.g.
    X党发〔2023〕5号.

    A string in that form is accepted as input.

    >>> str(DocumentNumber.model_validate("X党发〔2023〕5号"))
    'X党发〔2023〕5号'
    """

    agency_code: Line = Field(
        description=(
            "机关代字 — the organ's code, e.g. “X党发”: no brackets, not ending in 第 (cl. 7.2.5)."
        )
    )
    year: int = Field(
        ge=1949,
        le=2999,
        description=(
            "年份 — the full four-digit year (1949–2999), printed in 六角括号 〔〕 (cl. 7.2.5)."
        ),
    )
    serial: int = Field(
        ge=1,
        description=(
            "发文顺序号 — the serial number, 1 or more: no 第, no leading zero (cl. 7.2.5)."
        ),
    )

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
        return {
            "title": "DocumentNumber",
            "description": _summary(cls.__doc__),
            "anyOf": [text, fields],
        }


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
    """版头 — the header: everything above the red rule on page 1 (cl. 7.2)."""

    copy_number: CopyNumber | None = Field(
        default=None,
        description=(
            "份号 — the copy number: six Arabic digits written as text, e.g. '000007' (cl. 7.2.1)."
        ),
    )
    classification: Classification | None = Field(
        default=None,
        description="密级和保密期限 — the secrecy level and period, e.g. 机密★1年 (cl. 7.2.2).",
    )
    urgency: Urgency | None = Field(
        default=None,
        description="紧急程度 — the urgency: 特急 (extra urgent) or 加急 (urgent) (cl. 7.2.3).",
    )
    issuer_mark: IssuerMark | None = Field(
        default=None,
        description=(
            "发文机关标志 — the issuing organ's mark: the red organ names at the top of page 1, "
            "optionally with 文件 (cl. 7.2.4)."
        ),
    )
    document_number: DocumentNumber | None = Field(
        default=None,
        description=(
            "发文字号 — the document number, 机关代字〔年份〕序号号, as that text "
            "(X党发〔2023〕5号) or its parts (cl. 7.2.5)."
        ),
    )
    signers: list[Line] = Field(
        default_factory=list,
        description=(
            "签发人 — the signers who approved an upward document (上行文), in issuing order "
            "(cl. 7.2.6)."
        ),
    )
    order_number: int | None = Field(
        default=None,
        ge=1,
        description=(
            "令号 — the number of a 命令（令）, 1 or more, printed 第N号; only with "
            "presentation.format: order (cl. 10.2)."
        ),
    )


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
    """段落 — a paragraph of body text (正文, cl. 7.3.3), indented two characters."""

    kind: ClassVar[str] = "paragraph"
    text: Line = Field(
        description=(
            "段落文字 — the paragraph's text, surrounding white space removed; printed indented "
            "two characters (cl. 7.3.3)."
        )
    )

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
            "description": f"{_summary(cls.__doc__)} A string, or {{paragraph: string}}.",
            "anyOf": [
                text,
                {
                    "type": "object",
                    "properties": {
                        "paragraph": {**text, "description": cls.model_fields["text"].description}
                    },
                    "required": ["paragraph"],
                    "additionalProperties": False,
                },
            ],
        }


class RectificationStatus(StrEnum):
    """整改进展 — where the rectification of a problem stands (used by the next round's
    bulletin): 已完成 (done), 正在推进 (in progress), 长期坚持 (ongoing)."""

    DONE = "已完成"
    IN_PROGRESS = "正在推进"
    ONGOING = "长期坚持"


class Problem(_BodyItem):
    """问题 — a numbered problem, 问题N：, numbered across the whole document.

    ``statement`` is the problem in one sentence; ``description`` the evidence that follows it
    in the same paragraph. ``measures`` is the 整改情况: rendered 一是/二是/三是… when there are
    several, as a plain paragraph when there is one.
    """

    kind: ClassVar[str] = "problem"
    statement: Line = Field(
        description=(
            "问题 — the problem in one sentence, printed after its derived 问题N：, e.g. "
            "“社区综合党委兼职委员作用难发挥。”."
        )
    )
    description: Line | None = Field(
        default=None,
        description=(
            "问题表现 — the description: what the inspection found, following the statement in "
            "the same paragraph."
        ),
    )
    measures: list[Line] = Field(
        default_factory=list,
        description=(
            "整改措施 — the measures, one entry each, without 一是/二是 (they are derived): "
            "printed 一是/二是/三是… when there are several, as a plain paragraph when there is "
            "one."
        ),
    )
    measures_label: Line = Field(
        default="整改情况",
        description=(
            "整改情况标题 — the label above the measures, without the colon: 整改情况, 完成情况, …"
        ),
    )
    status: RectificationStatus | None = Field(
        default=None,
        description=(
            "整改进展 — where the rectification stands, when known: 已完成 (done), 正在推进 (in "
            "progress) or 长期坚持 (ongoing); used by the next round's bulletin."
        ),
    )
    deadline: Line | None = Field(
        default=None,
        description=(
            "整改时限 — the deadline: by when the problem is to be put right, as the text gives "
            "it (2023年底前, 长期坚持); shown in the 整改台账."
        ),
    )
    responsible: Line | None = Field(
        default=None,
        description=(
            "责任单位 — the unit responsible for putting it right, as the text gives it "
            "(社区党委); shown in the 整改台账."
        ),
    )


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
    """表头单元格 — a cell of a table's header rows, which may span columns (合并) or header rows.

    Written as a string when it spans nothing, else as ``{text, span, rows}``.

    >>> HeaderCell.model_validate("完成情况").span
    1
    """

    text: CellText = Field(
        description=(
            "表头文字 — the column heading; may be empty, and “\\n” breaks the line inside the "
            "cell."
        )
    )
    span: int = Field(
        default=1,
        ge=1,
        le=63,
        description="跨列 — the columns the cell covers, 1 to 63 (a horizontal merge, w:gridSpan).",
    )
    rows: int = Field(
        default=1,
        ge=1,
        le=63,
        description=(
            "跨行 — the header rows the cell covers, 1 to 63 (a vertical merge, w:vMerge), as "
            "Word users make them."
        ),
    )

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
        return {
            "title": "HeaderCell",
            "description": _summary(cls.__doc__),
            "anyOf": [text, fields],
        }


class Table(_BodyItem):
    """表格 — a table in the body (横排表格 when its attachment is landscape, GB/T 9704 cl. 8).

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
    title: Line | None = Field(
        default=None, description="表题 — the table's title, centred above the table."
    )
    header: list[list[HeaderCell]] = Field(
        default_factory=list,
        description=(
            "表头 — the header rows, top to bottom, repeated on every page; a cell covered by "
            "one spanning rows above is left out."
        ),
    )
    rows: list[list[CellText]] = Field(
        default_factory=list,
        description=(
            "表体 — the body rows, each a list of cell texts, one per column; “\\n” breaks a "
            "line inside a cell."
        ),
    )
    widths: list[Annotated[float, Field(gt=0)]] | None = Field(
        default=None,
        description=(
            "列宽 — the column widths, one per column: relative weights, or characters when "
            "width_unit is chars; absent: from the cells' contents."
        ),
    )
    width_unit: Literal["relative", "chars"] = Field(
        default="relative",
        description=(
            "列宽单位 — how widths are given: relative weights, or chars (字 of the table's "
            "type, 四号)."
        ),
    )
    note: Line | None = Field(
        default=None,
        description="注 — the note line under the table, without its “注：” (rendered 注：…).",
    )
    from_problems: bool = Field(
        default=False,
        description=(
            "整改台账 — the rectification ledger of this notice's problems: header and rows are "
            "derived when it is rendered, so the table gives none of its own."
        ),
    )

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
    """层次 — a section with a heading; its ordinal (一、 （一） 1. （1）) comes from its position.

    Sections nest up to four levels (cl. 7.3.3). A heading may end in 。 when it is a sentence,
    as level-3 headings often are; whether it should is for the checker to say.
    """

    kind: ClassVar[str] = "section"
    heading: Line = Field(
        description=(
            "层次标题 — the heading text without its ordinal: 一、 （一） 1. （1） come from its "
            "position (cl. 7.3.3)."
        )
    )
    body: BodyList = Field(
        default_factory=list,
        description=(
            "层次内容 — the paragraphs, problems, tables and subsections under the heading, in "
            "order; sections nest up to four levels (cl. 7.3.3)."
        ),
    )
    run_in: bool = Field(
        default=False,
        description=(
            "标题与正文同段 — a run-in heading: the heading runs into the first paragraph of "
            "body, which must be a paragraph; the heading in its level's font, then the text in "
            "仿宋 (cl. 7.3.3 practice: （二）健全工作机制。各部门要……)."
        ),
    )

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
Section.__signature__ = _signature(Section)  # the rebuild put pydantic's back


# --------------------------------------------------------------------------------------------
# After the body: attachments, signature, notes (cl. 7.3.4–7.3.7)


class Attachment(_Model):
    """附件 — an attachment (cl. 7.3.7), named in the 附件说明 (cl. 7.3.4).

    With a body, it is bound after the main text starting on a new page; without one it is
    only named in the 附件说明 (sent as a separate file).
    """

    title: Line = Field(
        description=(
            "附件标题 — the attachment's name, without closing punctuation, as named in the "
            "附件说明; a line break (“\\n”) is where the author breaks it (cl. 7.3.4, 7.3.7)."
        )
    )
    body: BodyList = Field(
        default_factory=list,
        description=(
            "附件正文 — its text, laid out like the main body; without it the attachment is only "
            "named in the 附件说明 (sent as a separate file)."
        ),
    )
    orientation: Literal["portrait", "landscape"] = Field(
        default="portrait",
        description=(
            "页面方向 — portrait, or landscape: bound as a 横排 page of its own section, for a "
            "wide table; the page number stays where it is on the other pages (cl. 8)."
        ),
    )

    @field_validator("title")
    @classmethod
    def _title_lines(cls, value: str) -> str:
        return _title_text(value)


class Seal(_Model):
    """印章 — an electronic seal (or a 签发人签名章) as an image the user provides: gongwen never
    ships one. PNG or JPEG, with a transparent or white background; a relative path in a notice
    file is taken from the file's folder."""

    image: Path = Field(
        description=(
            "印章图片 — the seal's image file, PNG or JPEG, with a transparent or white "
            "background; a relative path in a notice file is taken from the file's folder."
        )
    )
    width_mm: float = Field(
        default=42.0,
        gt=5,
        le=60,
        description=(
            "印章宽度 — the printed width in mm, over 5 and at most 60 (an organ's round seal is "
            "commonly 42 mm across); the height follows the image's proportions."
        ),
    )


class Signature(_Model):
    """发文机关署名和成文日期 — the signature: the signing organs, the date of the document and the
    seal (cl. 7.3.5)."""

    organs: list[Line] = Field(
        default_factory=list,
        description="发文机关署名 — the signing organs, in issuing order (cl. 7.3.5).",
    )
    date: Date = Field(
        description=(
            "成文日期 — the date of the document, printed 2023年3月14日; 2023-03-14 and Chinese "
            "dates are accepted (cl. 7.3.5.4)."
        )
    )
    sealed: bool = Field(
        default=True,
        description=(
            "加盖印章 — whether the document is sealed (cl. 7.3.5.1) or not (cl. 7.3.5.2); it "
            "moves the signature and the date."
        ),
    )
    seals: list[Seal] = Field(
        default_factory=list,
        description=(
            "印章图片 — the seal images: one per organ in issuing order (cl. 7.3.5.1), or the "
            "one 签发人签名章 (cl. 7.3.5.3); only when sealed. Without them a sealed notice "
            "leaves the room for a seal stamped on paper."
        ),
    )
    signer_title: Line | None = Field(
        default=None,
        description=(
            "签发人职务 — the signer's title: with it the notice is signed with the "
            "签发人签名章, the form of a 命令（令）: the title 左空二字 of the 签名章, the date "
            "one line below; goes with signer_name (cl. 7.3.5.3)."
        ),
    )
    signer_name: Line | None = Field(
        default=None,
        description=(
            "签发人姓名 — the signer's name, printed where the 签名章 goes when no seal image is "
            "given; goes with signer_title (cl. 7.3.5.3)."
        ),
    )

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
    """出席、请假、列席 — the attendance lists of a 纪要 (cl. 10.3): units and names as they are to
    be printed."""

    present: list[Line] = Field(
        default_factory=list,
        description="出席 — those present: units and names as they are to be printed (cl. 10.3).",
    )
    absent: list[Line] = Field(
        default_factory=list,
        description=(
            "请假 — those absent on leave: units and names as they are to be printed (cl. 10.3)."
        ),
    )
    attending: list[Line] = Field(
        default_factory=list,
        description=(
            "列席 — those attending without a vote: units and names as they are to be printed "
            "(cl. 10.3)."
        ),
    )

    @model_validator(mode="after")
    def _something(self) -> Attendance:
        if not (self.present or self.absent or self.attending):
            raise PydanticCustomError(
                "attendance_empty", _("出席名单至少需要 present、absent 或 attending 之一")
            )
        return self


class Imprint(_Model):
    """版记 — the imprint (cl. 7.4): 抄送机关, 印发机关 and 印发日期 between rules at the foot of
    the page."""

    copy_to: list[Line] = Field(
        default_factory=list,
        description=(
            "抄送机关 — the organs sent a copy, in order; the list ends in 。 when rendered "
            "(cl. 7.4.2)."
        ),
    )
    printer: Line = Field(
        description="印发机关 — the organ that prints and sends out the document (cl. 7.4.3)."
    )
    print_date: Date = Field(
        description=(
            "印发日期 — the date it is printed and sent out, followed by 印发 when rendered "
            "(cl. 7.4.3)."
        )
    )


class ContactChannel(_Model):
    """联系渠道 — one labelled way to reach the issuer, e.g. 传真 or 微信公众号."""

    label: Line = Field(description="渠道名称 — the channel's name, e.g. 传真 or 微信公众号.")
    value: Line = Field(description="联系内容 — the number, address or account, as written.")


class Contact(_Model):
    """联系方式 — the contact block that closes a published notice
    (联系方式：电话…，邮政信箱…；电子邮箱…)."""

    lead: Line = Field(
        default="联系方式",
        description="引导语 — the words before the colon: 联系方式 unless given.",
    )
    phones: list[Line] = Field(
        default_factory=list,
        description="电话 — the phone numbers as written, e.g. “82746503” or “0531-82746503”.",
    )
    postbox: Line | None = Field(
        default=None, description="邮政信箱 — a postal address for letters."
    )
    email: Line | None = Field(default=None, description="电子邮箱 — an e-mail address.")
    others: list[ContactChannel] = Field(
        default_factory=list,
        description="其他联系渠道 — further labelled channels (传真, 微信公众号, …), in order.",
    )

    @model_validator(mode="after")
    def _something(self) -> Contact:
        if not (self.phones or self.postbox or self.email or self.others):
            raise PydanticCustomError(
                "contact_empty",
                _("联系方式至少需要 phones、postbox、email、others 之一"),
            )
        return self


class Presentation(_Model):
    """排版选项 — the choices of presentation that the standard leaves open."""

    top_level: int = Field(
        default=1,
        ge=1,
        le=MAX_SECTION_DEPTH,
        description=(
            "起始层级 — the level of the outermost sections: 1 numbers them 一、, 2 （一）, 3 "
            "1., 4 （1） — a notice whose top level is （一） keeps the ordinals of its source "
            "(cl. 7.3.3)."
        ),
    )
    measures: Literal["paragraphs", "run-in"] = Field(
        default="paragraphs",
        description=(
            "措施排列 — how measures are set: paragraphs (一是… each in its own paragraph) or "
            "run-in (run together: 一是……；二是……。)."
        ),
    )
    date_numerals: Literal["arabic", "chinese"] = Field(
        default="arabic",
        description=(
            "日期数字 — arabic: 2023年3月14日 (GB/T 9704-2012, cl. 7.3.5.4), or chinese: "
            "二〇二三年三月十四日 (the withdrawn 1999 standard)."
        ),
    )
    format: Literal["standard", "letter", "order", "minutes"] = Field(
        default="standard",
        description=(
            "公文格式 — standard: the 文件格式 of cl. 7; or a special format of cl. 10: letter "
            "(信函), order (命令（令）), minutes (纪要)."
        ),
    )
    sides: Literal["single", "double"] = Field(
        default="single",
        description=(
            "单双面印刷 — single: printed on one side, the 版记 at the foot of the last page of "
            "text; double: on both, the 版记 alone on an even last page (封四), with a blank "
            "page before it when needed, neither page numbered (cl. 7.4, 7.5)."
        ),
    )
    ordinals: Literal["derived", "typed"] = Field(
        default="derived",
        description=(
            "层次序数来源 — where ordinals come from: derived, every ordinal from position "
            "(一、 （一） 1. （1）, 问题N：, 一是); or typed, headings, problems and measures keep "
            "the ordinals their author typed (--keep-typed-ordinals), printed once as typed, "
            "one derived only where none is (cl. 7.3.3)."
        ),
    )


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
    """公文 — an official document: a notice, report or bulletin, with every element of
    GB/T 9704-2012 cl. 7.

    >>> n = Notice(title="关于做好巡察整改的通知", body=["请认真落实。"])
    >>> n.body[0].text
    '请认真落实。'
    """

    header: Header | None = Field(
        default=None,
        description=(
            "版头 — the header above the red rule: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, "
            "签发人 (cl. 7.2)."
        ),
    )
    title: Annotated[Title, AfterValidator(_not_blank), AfterValidator(_xml_safe)] = Field(
        description=(
            "标题 — the title; a line break (“\\n”, or a list of lines) is where the author "
            "breaks it (cl. 7.3.1)."
        )
    )
    addressees: list[Line] = Field(
        default_factory=list,
        description=(
            "主送机关 — the principal recipients: the organs the document is addressed to, "
            "rendered with “、” between and “：” after (cl. 7.3.2)."
        ),
    )
    body: BodyList = Field(
        min_length=1,
        description=(
            "正文 — the body text: paragraphs, sections, problems and tables in order, at least "
            "one (cl. 7.3.3)."
        ),
    )
    contact: Contact | None = Field(
        default=None,
        description="联系方式 — the contact block of a published notice, after the body.",
    )
    attachments: list[Attachment] = Field(
        default_factory=list,
        description=(
            "附件 — the attachments, in order; the 附件说明 is derived from their titles "
            "(cl. 7.3.4, 7.3.7)."
        ),
    )
    signature: Signature | None = Field(
        default=None,
        description=(
            "发文机关署名和成文日期 — the signing organs, the date of the document and the seal "
            "(cl. 7.3.5)."
        ),
    )
    note: Line | None = Field(
        default=None,
        description="附注 — the note, without its round brackets, e.g. 此件公开发布 (cl. 7.3.6).",
    )
    imprint: Imprint | None = Field(
        default=None,
        description=(
            "版记 — the imprint at the foot of the last page: 抄送机关, 印发机关 and 印发日期 "
            "(cl. 7.4)."
        ),
    )
    published: Date | None = Field(
        default=None,
        description="发布日期 — the date a web page published the notice, when known.",
    )
    attendance: Attendance | None = Field(
        default=None,
        description=(
            "出席、请假、列席 — a 纪要's attendance lists, after the body; only with "
            "presentation.format: minutes (cl. 10.3)."
        ),
    )
    presentation: Presentation = Field(
        default_factory=Presentation,
        description=(
            "排版选项 — the presentation choices the standard leaves open: top level, measures, "
            "date numerals, format, sides, ordinals."
        ),
    )

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
    "DescribedModel",
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
