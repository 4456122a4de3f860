"""The table form of a batch: one row per problem or measure, from .csv or .xlsx.

Staff who keep their problems in a spreadsheet can give it as it is. The first row names the
columns (Chinese or English, any order; ``docs/batch.md``):

========  ===========  ==========================================================
社区      community    the community; empty: the same as the row above
方面      section      heading of the section (一、…) the problem is under; empty:
                       the same as the row above in that community
问题      problem      the problem; a new text starts a new problem, an empty cell or
                       the same text adds the row's measure to the problem above
描述      description  what the inspection found (optional)
整改措施  measure      one measure (一是/二是 are derived)
状态      status       已完成 / 正在推进 / 长期坚持 (optional; also 完成情况)
责任单位  responsible  the unit responsible, shown in the 整改台账 (optional)
整改时限  deadline     the deadline as written, shown in the 整改台账 (optional)
序号      serial       ignored (spreadsheets often number their rows)
========  ===========  ==========================================================

Each community's rows become body items in the notice file's form, with the row and column
of every item kept so that an error can name them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from gongwen import limits
from gongwen.findings import Finding, InputError, Level, Location
from gongwen.guard import check_zip, read_input
from gongwen.i18n import _
from gongwen.limits import MAX_CELL_CHARS

CODE_TABLE = "BA010"
"""The table cannot be read, or its header is not one gongwen knows."""
CODE_ROW = "BA011"
"""A row does not fit the rows around it (a measure with no problem above, …)."""
CODE_FORMULA = "BA012"
"""An .xlsx formula cell with no cached value: what it shows is not in the file."""

COLUMNS = {
    "社区": "community",
    "community": "community",
    "方面": "section",
    "section": "section",
    "问题": "problem",
    "problem": "problem",
    "描述": "description",
    "description": "description",
    "整改措施": "measure",
    "measure": "measure",
    "状态": "status",
    "status": "status",
    "完成情况": "status",
    "责任单位": "responsible",
    "responsible": "responsible",
    "整改时限": "deadline",
    "deadline": "deadline",
    "序号": None,
    "serial": None,
}
"""Header text (case- and space-insensitive) → column key; ``None``: read and ignored."""

FIELD_COLUMNS = {
    "heading": "section",
    "statement": "problem",
    "description": "description",
    "measures": "measure",
    "status": "status",
    "responsible": "responsible",
    "deadline": "deadline",
}
"""Which column holds each model field a row becomes."""

MAX_TABLE_BYTES = limits.MAX_TABLE_BYTES


@dataclass(frozen=True)
class Row:
    """One row of the table: its number as the spreadsheet shows it, and its cells by key."""

    number: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Cell:
    """Where an item of a community's body came from: a row and the column that holds it."""

    row: int
    column: str


@dataclass
class TableCommunity:
    """One community's rows as body items, with the cell of every item by its path."""

    name: str
    body: list[dict[str, Any]] = field(default_factory=list)
    cells: dict[tuple[int | str, ...], Cell] = field(default_factory=dict)
    errors: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class Table:
    """A table read from a file: its communities in order of first appearance."""

    file: str
    headers: dict[str, str]
    """Column key → the header as the file writes it."""
    communities: dict[str, TableCommunity]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(raw: bytes, file: str) -> str:
    """UTF-8 (Excel's "CSV UTF-8" adds a BOM), else GB18030 (Excel's CSV on Chinese Windows)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError.single(CODE_TABLE, _("既不是 UTF-8 也不是 GB18030 文本"), file=file)


def _csv_rows(path: Path) -> Iterator[list[str]]:
    text = _decode(read_input(path, MAX_TABLE_BYTES, code=CODE_TABLE), str(path))
    # strict: an unterminated quote is an error, not every row after it merged into one cell
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise limits.exceeded("cell_chars", file=str(path), line=reader.line_num) from None
            raise InputError.single(
                CODE_TABLE,
                _("CSV 格式错误（引号未闭合或不成对？）：{detail}").format(detail=exc),
                file=str(path),
                line=reader.line_num,
            ) from None
        yield row


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[list[str]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise InputError.single(
            CODE_TABLE, _("读取 .xlsx 需要 openpyxl：pip install openpyxl"), file=str(path)
        ) from None
    data = read_input(path, MAX_TABLE_BYTES, code=CODE_TABLE)
    check_zip(data, file=str(path), what=".xlsx")  # a 2 MB .xlsx expanded to 4 GB
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError.single(CODE_TABLE, _unreadable(exc), file=str(path)) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError.single(
                CODE_TABLE,
                _("没有名为“{sheet}”的工作表（有：{sheets}）").format(
                    sheet=sheet, sheets=_("、").join(book.sheetnames)
                ),
                file=str(path),
            )
        name = sheet if sheet is not None else book.sheetnames[0]
        rows = zip(
            book[name].iter_rows(values_only=True),
            formulas[name].iter_rows(values_only=True),
            strict=False,
        )
        for number, (values, written) in enumerate(rows, start=1):
            _refuse_uncached(values, written, path, number)
            yield [_cell_text(v) for v in values]
    except InputError:
        raise
    except Exception as exc:  # a damaged sheet found while reading it
        raise InputError.single(CODE_TABLE, _unreadable(exc), file=str(path)) from None
    finally:
        book.close()
        formulas.close()


def _unreadable(exc: Exception) -> str:
    return _("不是可读的 .xlsx 工作簿（{detail}）").format(detail=exc)


def _refuse_uncached(
    values: tuple[Any, ...], written: tuple[Any, ...], path: Path, number: int
) -> None:
    """A formula cell whose file holds no computed value (a workbook written by a program, never
    opened in Excel or WPS) would read as empty and its measure be lost: refuse it."""
    for column, (value, formula) in enumerate(zip(values, written, strict=False), start=1):
        if value is None and isinstance(formula, str) and formula.startswith("="):
            from openpyxl.utils import get_column_letter

            raise InputError.single(
                CODE_FORMULA,
                _(
                    "单元格 {cell} 是公式 {formula}，但文件里没有它的计算结果；"
                    "请在 Excel 或 WPS 中打开并保存后再用"
                ).format(cell=f"{get_column_letter(column)}{number}", formula=formula),
                file=str(path),
                line=number,
            )


def read_rows(path: str | Path, *, sheet: str | None = None) -> tuple[dict[str, str], list[Row]]:
    """The header (column key → header text) and the non-empty rows of a .csv or .xlsx file."""
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path, sheet)
    else:
        raise InputError.single(
            CODE_TABLE,
            _("不支持的表格类型“{suffix}”：表格须是 .csv 或 .xlsx").format(suffix=path.suffix),
            file=name,
        )
    header: list[str] | None = None
    keys: list[str | None] = []
    headers: dict[str, str] = {}
    out: list[Row] = []
    for number, cells in enumerate(rows, start=1):
        cells = [c.strip() for c in cells]
        for cell in cells:
            if len(cell) > MAX_CELL_CHARS:
                raise limits.exceeded("cell_chars", len(cell), file=name, line=number)
        if header is None:
            if not any(cells):
                continue
            header = cells
            keys, headers = _header_keys(header, name, number)
            continue
        if not any(cells):
            continue
        if len(cells) > len(keys) and any(cells[len(keys) :]):
            raise InputError.single(
                CODE_TABLE,
                _("第 {row} 行有 {cells} 个单元格，但表头只有 {columns} 列").format(
                    row=number, cells=len(cells), columns=len(keys)
                ),
                file=name,
                line=number,
            )
        row = {k: v for k, v in zip(keys, cells, strict=False) if k is not None}
        out.append(Row(number, row))
    if header is None:
        raise InputError.single(CODE_TABLE, _("表格是空的（没有表头行）"), file=name)
    return headers, out


def _header_keys(
    header: list[str], file: str, line: int
) -> tuple[list[str | None], dict[str, str]]:
    keys: list[str | None] = []
    headers: dict[str, str] = {}
    for text in header:
        norm = "".join(text.split()).casefold()
        if norm == "" and not keys:
            raise InputError.single(CODE_TABLE, _("第一列没有表头"), file=file)
        if norm not in COLUMNS:
            known = "、".join(k for k in COLUMNS if not k.isascii())
            raise InputError.single(
                CODE_TABLE,
                _(
                    "未知的列“{column}”：可用的列有 {known}"
                    "（或 community、section、problem、description、measure、status、responsible、"
                    "deadline、serial）"
                ).format(column=text, known=known),
                file=file,
                line=line,
            )
        key = COLUMNS[norm]
        if key is not None and key in headers:
            raise InputError.single(
                CODE_TABLE,
                _("“{column}”列出现了两次").format(column=text),
                file=file,
                line=line,
            )
        if key is not None:
            headers[key] = text
        keys.append(key)
    for needed in ("community", "problem", "measure"):
        if needed not in headers:
            names = {"community": "社区", "problem": "问题", "measure": "整改措施"}
            raise InputError.single(
                CODE_TABLE,
                _("表格须有“{column}”列").format(column=names[needed]),
                file=file,
                line=line,
            )
    return keys, headers


def read_table(path: str | Path, *, sheet: str | None = None) -> Table:
    """Read a table into communities' body items; a row's mistakes go to its community.

    Raises :class:`InputError` only for what concerns the whole table (its header, its
    encoding, a first row with no community).
    """
    headers, rows = read_rows(path, sheet=sheet)
    file = str(path)
    communities: dict[str, TableCommunity] = {}
    builder: dict[str, _Builder] = {}
    last_name: str | None = None
    for row in rows:
        name = row.cells.get("community", "") or last_name
        if not name:
            raise InputError.single(
                CODE_TABLE,
                _("第 {row} 行：第一行须写明社区（{column}）").format(
                    row=row.number, column=headers["community"]
                ),
                file=file,
                line=row.number,
            )
        last_name = name
        if name not in communities:
            communities[name] = TableCommunity(name)
            builder[name] = _Builder(communities[name], file, headers)
        builder[name].add(row)
    return Table(file, headers, communities)


class _Builder:
    """Turns one community's rows into sections and problems."""

    def __init__(self, target: TableCommunity, file: str, headers: dict[str, str]) -> None:
        self.target = target
        self.file = file
        self.headers = headers
        self.section: dict[str, Any] | None = None
        self.section_loc: tuple[int | str, ...] = ()
        self.problem: dict[str, Any] | None = None
        self.problem_loc: tuple[int | str, ...] = ()

    def _error(self, row: Row, key: str, message: str) -> None:
        where = Location(self.file, row.number, self.headers.get(key, key))
        self.target.errors.append(Finding(CODE_ROW, Level.ERROR, message, where))

    def _cell(self, loc: tuple[int | str, ...], row: Row, key: str) -> None:
        self.target.cells[loc] = Cell(row.number, self.headers.get(key, key))

    def _items(self) -> tuple[list[dict[str, Any]], tuple[int | str, ...]]:
        if self.section is None:
            return self.target.body, ()
        body: list[dict[str, Any]] = self.section["section"]["body"]
        return body, (*self.section_loc, "section", "body")

    def add(self, row: Row) -> None:
        cells = row.cells
        heading = cells.get("section", "")
        if heading and (self.section is None or heading != self.section["section"]["heading"]):
            self.section = {"section": {"heading": heading, "body": []}}
            self.section_loc = (len(self.target.body),)
            self.target.body.append(self.section)
            self._cell(self.section_loc, row, "section")
            self.problem = None
        statement = cells.get("problem", "")
        new_problem = statement and (
            self.problem is None or statement != self.problem["problem"]["statement"]
        )
        if new_problem:
            items, at = self._items()
            self.problem = {"problem": {"statement": statement, "measures": []}}
            self.problem_loc = (*at, len(items))
            items.append(self.problem)
            self._cell(self.problem_loc, row, "problem")
        elif self.problem is None:
            self._error(row, "problem", _("这一行没有问题，上面也没有问题"))
            return
        problem = self.problem["problem"]
        for key in ("description", "status", "responsible", "deadline"):
            value = cells.get(key, "")
            if not value:
                continue
            if key not in problem:
                problem[key] = value
                self.target.cells[(*self.problem_loc, "problem", key)] = Cell(
                    row.number, self.headers[key]
                )
            elif problem[key] != value:
                self._error(
                    row,
                    key,
                    _(
                        "“{value}”与上面同一问题给出的“{above}”不同；请只写一次，写在该问题的第一行"
                    ).format(value=value, above=problem[key]),
                )
        measure = cells.get("measure", "")
        if measure:
            loc = (*self.problem_loc, "problem", "measures", len(problem["measures"]))
            problem["measures"].append(measure)
            self._cell(loc, row, "measure")
        elif not new_problem:
            self._error(row, "measure", _("这一行没有新内容：整改措施是空的"))


__all__ = [
    "CODE_ROW",
    "CODE_TABLE",
    "COLUMNS",
    "FIELD_COLUMNS",
    "MAX_TABLE_BYTES",
    "Cell",
    "Row",
    "Table",
    "TableCommunity",
    "read_rows",
    "read_table",
]
