"""The batch file: what every community's report shares, and one entry per community.

A batch (批量通报) produces one notice per community. The shared parts — 发文机关, the title
pattern, dates, the introduction and closing paragraphs, the contact block and any other
notice field as a default — are written once; each community adds its name, its own body
(sections, problems and measures), its own contact and any override. Text anywhere may name
shared values in ``{braces}``: ``{community}``, ``{issuer}``, ``{date}``, … (``docs/batch.md``).

What each community brings is validated when its report is made, so that one community's
broken data fails that report alone; what the whole batch shares is validated here.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from gongwen.batch.ledger import LedgerSpec
from gongwen.i18n import _
from gongwen.model import Contact, Date, DescribedModel, Line, Notice, Text, Title

BUILTIN_VALUES = (
    "community",
    "issuer",
    "date",
    "published",
    "year",
    "problems",
    "measures",
    "progress",
)
"""Names every text may use without defining them (see ``docs/batch.md``)."""

NOT_DEFAULTS = frozenset({"body"})
"""Notice fields that cannot be defaults: the body is introduction + community body + closing."""


def _value_names(values: dict[str, str]) -> dict[str, str]:
    for name in values:
        if not name.isidentifier() or not name.isascii():
            raise PydanticCustomError(
                "value_name",
                _("“{name}”不能作值的名字：请用字母、数字和 _（如 secretary）"),
                {"name": name},
            )
        if name in BUILTIN_VALUES:
            raise PydanticCustomError(
                "value_builtin",
                _("“{name}”是内置的值（{builtins}），请另取名字"),
                {"name": name, "builtins": ", ".join(BUILTIN_VALUES)},
            )
    return values


Values = Annotated[dict[str, Text], AfterValidator(_value_names)]


class _Model(DescribedModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Community(_Model):
    """社区 — one community's report: its name, its own body, and whatever it does differently.

    ``body``, ``contact`` and ``overrides`` are checked when the community's report is made,
    so a mistake in them fails that report alone.
    """

    name: Line = Field(
        description=(
            "社区名称 — the community's name, e.g. 建新社区: {community} in text, and the output "
            "file's name."
        )
    )
    file_name: str | None = Field(
        default=None,
        description=(
            "文件名 — the output file's name without .docx, when the one made from name does not "
            "suit; made safe by the same rule (it never names a folder)."
        ),
    )
    values: Values = Field(
        default_factory=dict,
        description="取值 — more named values for {…} fields, for this community only.",
    )
    contact: dict[str, Any] | None = Field(
        default=None,
        description="联系方式 — this community's own contact block, replacing the shared one.",
    )
    body: list[Any] = Field(
        default_factory=list,
        description=(
            "正文 — its sections, problems and paragraphs, between the introduction and the "
            "closing."
        ),
    )
    overrides: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "覆盖字段 — any notice field for this community only; mappings merge into the shared "
            "ones."
        ),
    )


class Batch(_Model):
    """批量通报 — a batch file: the shared parts of every report and one entry per community.

    >>> b = Batch(title="{community}关于巡察整改进展情况的通报", communities=[{"name": "建新社区"}])
    >>> b.communities[0].name
    '建新社区'
    """

    issuer: Line | None = Field(
        default=None,
        description=(
            "发文机关 — the issuing organ: the 署名 when date is given, and {issuer} in text "
            "(may use {community})."
        ),
    )
    title: Title | None = Field(
        default=None,
        description=(
            "标题 — the title pattern, e.g. “{community}综合党委关于巡察整改进展情况的通报”."
        ),
    )
    date: Date | None = Field(
        default=None,
        description="成文日期 — the date of every report (its signature date), and {date} in text.",
    )
    published: Date | None = Field(
        default=None, description="发布日期 — the publication date, and {published} in text."
    )
    introduction: list[Line] = Field(
        default_factory=list,
        description="开头段落 — the paragraphs before each community's own body.",
    )
    closing: list[Line] = Field(
        default_factory=list,
        description="结尾段落 — the paragraphs after each community's own body.",
    )
    contact: Contact | None = Field(
        default=None,
        description="联系方式 — the shared contact block; a community's own contact replaces it.",
    )
    defaults: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "共用字段 — any other notice field (header, signature, imprint, addressees, …) for "
            "every report; never body."
        ),
    )
    values: Values = Field(
        default_factory=dict,
        description=(
            "取值 — named values for {…} fields in every report, e.g. group: 区委第二巡察组."
        ),
    )
    template: str | None = Field(
        default=None,
        description="模板 — a template .docx for every report, relative to the batch file.",
    )
    table: str | None = Field(
        default=None,
        description=(
            "问题表 — a table (.csv or .xlsx) of problems and measures, relative to the batch file."
        ),
    )
    sheet: str | None = Field(
        default=None, description="工作表 — the .xlsx sheet to read (default: the first)."
    )
    communities: list[Community] = Field(
        default_factory=list,
        description=(
            "社区 — one entry per community, in order; a table adds communities it names that "
            "are not here."
        ),
    )
    ledger: LedgerSpec | None = Field(
        default=None,
        description=(
            "整改台账 — an attachment every report gets: its rectification ledger, derived from "
            "its problems (gongwen.batch.ledger)."
        ),
    )

    @field_validator("defaults")
    @classmethod
    def _notice_fields(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key in value:
            if key in NOT_DEFAULTS:
                raise PydanticCustomError(
                    "default_body",
                    _("“{key}”不能作默认值：共用的段落请写在 introduction 和 closing 中"),
                    {"key": key},
                )
            if key not in Notice.model_fields:
                raise PydanticCustomError(
                    "default_field",
                    _("“{key}”不是公文的字段（{fields}）"),
                    {"key": key, "fields": ", ".join(Notice.model_fields)},
                )
        return value


__all__ = ["BUILTIN_VALUES", "NOT_DEFAULTS", "Batch", "Community", "Values"]
