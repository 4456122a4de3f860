"""Every limit gongwen holds its inputs to, as data: a value, a unit, a reason and a code.

A small hostile file must not buy unbounded work: every reader (notice files, text, .docx,
templates, CSV and XLSX tables) checks these before or while it reads, and going past one is
an :class:`~gongwen.findings.InputError` with the limit's code and a one-line message. The
table in docs/errors.md is :func:`limits_markdown`'s output.

>>> LIMITS["nesting"].value
64
>>> exceeded("nesting", 300, file="a.json").findings[0].code
'LM004'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gongwen.findings import InputError
from gongwen.i18n import N_, _

__all__ = [
    "LIMITS",
    "MAX_CELL_CHARS",
    "MAX_DATA_NODES",
    "MAX_DOCX_BYTES",
    "MAX_NESTING",
    "MAX_NOTICE_BYTES",
    "MAX_NUMBER_DIGITS",
    "MAX_PARAGRAPH_CHARS",
    "MAX_PROBLEMS",
    "MAX_TABLE_BYTES",
    "MAX_TEMPLATE_BYTES",
    "MAX_TEXT_BYTES",
    "MAX_ZIP_ENTRIES",
    "MAX_ZIP_RATIO",
    "MAX_ZIP_UNCOMPRESSED_BYTES",
    "Limit",
    "exceeded",
    "limits_markdown",
]


@dataclass(frozen=True)
class Limit:
    """One limit: how much of what, why, and the code of the error past it."""

    name: str
    value: int
    unit: str
    code: str
    reason: str
    term: str
    """What is limited, in Chinese (marked with ``N_``), for the message."""


_MIB = 1024 * 1024

_ALL = (
    Limit(
        "notice_bytes", 20 * _MIB, "bytes", "LM001",
        "a notice file is a few kilobytes; a batch file with a thousand communities a few MiB",
        N_("文件大小"),
    ),
    Limit(
        "text_bytes", 5 * _MIB, "bytes", "LM001",
        "a notice as text is tens of kilobytes; 5 MiB is far beyond any real one",
        N_("文件大小"),
    ),
    Limit(
        "docx_bytes", 20 * _MIB, "bytes", "LM001",
        "a .docx with a few images is a few MiB",
        N_("文件大小"),
    ),
    Limit(
        "template_bytes", 20 * _MIB, "bytes", "LM001",
        "gongwen's template is 30 KB; a template with a letterhead image a few hundred KB",
        N_("模板大小"),
    ),
    Limit(
        "table_bytes", 20 * _MIB, "bytes", "LM001",
        "a ledger of ten thousand rows is a few MiB as .csv or .xlsx",
        N_("表格大小"),
    ),
    Limit(
        "zip_uncompressed_bytes", 100 * _MIB, "bytes", "RD104",
        "the parts of a .docx, template or .xlsx once expanded; XML expands about 10 times",
        N_("解压后大小"),
    ),
    Limit(
        "zip_entries", 1000, "entries", "RD104",
        "a Word document or workbook has a few dozen parts",
        N_("压缩包文件数"),
    ),
    Limit(
        "zip_ratio", 100, "times", "RD104",
        "one part's expansion (parts over 1 MiB); XML compresses about 10:1",
        N_("压缩比"),
    ),
    Limit(
        "nesting", 64, "levels", "LM004",
        "a notice nests four levels of sections, each two containers deep: under 20 levels",
        N_("嵌套层数"),
    ),
    Limit(
        "data_nodes", 500_000, "values", "LM005",
        "every value of a notice or batch file counted with YAML aliases expanded; a batch "
        "of 2,000 communities holds about 100,000 (a 360-byte alias bomb would be 387 million)",
        N_("展开后的值数"),
    ),
    Limit(
        "number_digits", 30, "digits", "LM009",
        "no field holds a number longer than an ID; a 5,000-digit number costs quadratic time",
        N_("数字位数"),
    ),
    Limit(
        "paragraph_chars", 100_000, "characters", "LM006",
        "one paragraph of 100,000 characters is 160 printed pages (cl. 5.2.1: 22×28 a page)",
        N_("段落长度"),
    ),
    Limit(
        "problems", 9999, "items", "LM007",
        "problems are numbered across a notice, sections, measures and attachments in their "
        "list, and Chinese numerals are defined up to 9999 (gongwen.numbering.MAX_ORDINAL)",
        N_("条目数"),
    ),
    Limit(
        "cell_chars", 32_767, "characters", "LM008",
        "the most characters a spreadsheet cell holds in Excel and WPS",
        N_("单元格长度"),
    ),
)  # fmt: skip

LIMITS: dict[str, Limit] = {limit.name: limit for limit in _ALL}
"""Every limit by its name."""

MAX_NOTICE_BYTES = LIMITS["notice_bytes"].value
MAX_TEXT_BYTES = LIMITS["text_bytes"].value
MAX_DOCX_BYTES = LIMITS["docx_bytes"].value
MAX_TEMPLATE_BYTES = LIMITS["template_bytes"].value
MAX_TABLE_BYTES = LIMITS["table_bytes"].value
MAX_ZIP_UNCOMPRESSED_BYTES = LIMITS["zip_uncompressed_bytes"].value
MAX_ZIP_ENTRIES = LIMITS["zip_entries"].value
MAX_ZIP_RATIO = LIMITS["zip_ratio"].value
MAX_NESTING = LIMITS["nesting"].value
MAX_DATA_NODES = LIMITS["data_nodes"].value
MAX_NUMBER_DIGITS = LIMITS["number_digits"].value
MAX_PARAGRAPH_CHARS = LIMITS["paragraph_chars"].value
MAX_PROBLEMS = LIMITS["problems"].value
MAX_CELL_CHARS = LIMITS["cell_chars"].value


def exceeded(
    name: str,
    found: int | None = None,
    *,
    file: str | Path | None = None,
    line: int | None = None,
    where: str = "",
    limit: int | None = None,
) -> InputError:
    """The error for going past the limit ``name`` (``found``: how much, when known).

    ``limit`` overrides the value (a caller that reads a patched module constant).

    >>> str(exceeded("paragraph_chars", 200_000, file="a.txt", line=3))
    'a.txt:3: 错误 LM006: 超出限制：段落长度 200000 个字符，上限 100000（paragraph_chars）'
    """
    spec = LIMITS[name]
    value = spec.value if limit is None else limit
    what = _(spec.term)
    if where:
        what = _("{where}：{what}").format(where=where, what=what)
    if found is None:
        message = _("超出限制：{what}，上限 {limit}（{name}）")
    else:
        message = _("超出限制：{what} {found} {unit}，上限 {limit}（{name}）")
    unit = _(_UNITS[spec.unit])
    return InputError.single(
        spec.code,
        message.format(what=what, found=found, unit=unit, limit=value, name=name),
        file=file,
        line=line,
    )


_UNITS = {
    "bytes": N_("字节"),
    "characters": N_("个字符"),
    "digits": N_("位"),
    "entries": N_("个文件"),
    "items": N_("项"),
    "levels": N_("层"),
    "times": N_("倍"),
    "values": N_("个值"),
}
"""The units of :class:`Limit` (English words, in the docs' table) as messages name them."""


def limits_markdown() -> str:
    """The limits as a Markdown table (docs/errors.md holds it).

    >>> limits_markdown().splitlines()[0]
    '| limit | value | code | why |'
    """
    rows = ["| limit | value | code | why |", "|---|---|---|---|"]
    for spec in _ALL:
        rows.append(f"| `{spec.name}` | {spec.value:,} {spec.unit} | {spec.code} | {spec.reason} |")
    return "\n".join(rows)
