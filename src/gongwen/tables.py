"""Tables as data: the 整改台账 derived from a notice's problems, header grids, widths, alignment.

Pure functions on :class:`gongwen.model.Table`; :mod:`gongwen.compose` lays tables out with
them, :mod:`gongwen.read.tables` reads them back, and the checker's table rules count with them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from gongwen.lazy_regex import lazy_compile
from gongwen.model import HeaderCell, Notice, Problem, RectificationStatus, Section, Table, walk
from gongwen.numbering import measure_lead
from gongwen.widths import text_width_chars

__all__ = [
    "DETAILS_PROPERTY",
    "LEDGER_HEADINGS",
    "STATUSES",
    "TABLES_PROPERTY",
    "GridCell",
    "apply_details_property",
    "apply_tables_property",
    "column_alignments",
    "column_widths_twips",
    "details_property",
    "header_grid",
    "is_ledger_of",
    "ledger_table",
    "notice_problems",
    "resolve_ledger",
    "serial_column",
    "status_column",
    "tables_property",
]

LEDGER_HEADINGS = ("序号", "问题", "整改措施", "责任单位", "整改时限", "完成情况")
"""The columns of a 整改台账, in the order rectification reports give them."""

SERIAL_HEADINGS = ("序号", "编号")
STATUS_HEADINGS = ("完成情况", "整改情况", "整改进展", "进展情况", "状态")

STATUSES = tuple(s.value for s in RectificationStatus)


def notice_problems(notice: Notice) -> list[Problem]:
    """Every problem of the notice in document order, body first, then attachments.

    >>> n = Notice(title="T", body=[{"problem": {"statement": "甲。"}}])
    >>> [p.statement for p in notice_problems(n)]
    ['甲。']
    """
    bodies = [notice.body, *(a.body for a in notice.attachments)]
    return [item for body in bodies for _, item in walk(body) if isinstance(item, Problem)]


def _measures_cell(problem: Problem) -> str:
    if len(problem.measures) <= 1:
        return "".join(problem.measures)
    return "\n".join(measure_lead(n) + m for n, m in enumerate(problem.measures, start=1))


def ledger_table(notice: Notice, *, title: str | None = None, note: str | None = None) -> Table:
    """The 整改台账 of a notice: one row per problem, numbered as the bulletin numbers them.

    The 责任单位 and 整改时限 columns are left out when no problem names either.

    >>> n = Notice(title="T", body=[{"problem": {"statement": "学习不够。",
    ...     "measures": ["加强学习。"], "status": "已完成", "deadline": "2023年6月底前"}}])
    >>> t = ledger_table(n)
    >>> [c.text for c in t.header[0]]
    ['序号', '问题', '整改措施', '整改时限', '完成情况']
    >>> t.rows
    [['1', '学习不够。', '加强学习。', '2023年6月底前', '已完成']]
    """
    problems = notice_problems(notice)
    with_responsible = any(p.responsible for p in problems)
    with_deadline = any(p.deadline for p in problems)
    headings = [
        h
        for h in LEDGER_HEADINGS
        if (h != "责任单位" or with_responsible) and (h != "整改时限" or with_deadline)
    ]
    rows = []
    for number, problem in enumerate(problems, start=1):
        cells = {
            "序号": str(number),
            "问题": problem.statement,
            "整改措施": _measures_cell(problem),
            "责任单位": problem.responsible or "",
            "整改时限": problem.deadline or "",
            "完成情况": problem.status.value if problem.status else "",
        }
        rows.append([cells[h] for h in headings])
    if not rows:
        rows = [["" for _ in headings]]
    header = [[HeaderCell(text=h) for h in headings]]
    return Table(title=title, header=header, rows=rows, note=note)


def resolve_ledger(table: Table, notice: Notice) -> Table:
    """``table`` itself, or, for ``from_problems``, the ledger it stands for (its title, note
    and widths kept)."""
    if not table.from_problems:
        return table
    ledger = ledger_table(notice, title=table.title, note=table.note)
    if table.widths is not None and len(table.widths) == ledger.columns:
        ledger.widths = list(table.widths)
        ledger.width_unit = table.width_unit
    return ledger


@dataclass(frozen=True)
class GridCell:
    """A header cell placed on the grid: where it starts and what it covers.

    ``continued`` marks the places a cell from a row above covers (w:vMerge continue).
    """

    text: str
    row: int
    column: int
    span: int = 1
    rows: int = 1
    continued: bool = False


def header_grid(table: Table) -> list[list[GridCell]]:
    """Each header row's cells left to right, continuations of cells above included.

    >>> t = Table(header=[[{"text": "序号", "rows": 2}, {"text": "整改", "span": 2}],
    ...                   ["措施", "状态"]], rows=[["1", "a", "b"]])
    >>> first, second = header_grid(t)
    >>> [(c.text, c.column, c.continued) for c in second]
    [('序号', 0, True), ('措施', 1, False), ('状态', 2, False)]
    """
    columns = table.columns
    above: list[GridCell | None] = [None] * columns
    left: list[int] = [0] * columns  # header rows a cell from above still covers
    out: list[list[GridCell]] = []
    for index, row in enumerate(table.header):
        placed: list[GridCell] = []
        cells = iter(row)
        position = 0
        while position < columns:
            origin = above[position]
            if left[position] and origin is not None:
                placed.append(
                    GridCell(origin.text, index, position, origin.span, origin.rows, True)
                )
                position += origin.span
                continue
            cell = next(cells)
            grid = GridCell(cell.text, index, position, cell.span, cell.rows)
            placed.append(grid)
            for column in range(position, position + cell.span):
                above[column] = grid
                left[column] = cell.rows
            position += cell.span
        left = [max(0, n - 1) for n in left]
        out.append(placed)
    return out


def _column_headings(table: Table) -> list[str]:
    """The heading over each column: the lowest header cell covering it."""
    headings = [""] * table.columns
    for row in header_grid(table):
        for cell in row:
            for column in range(cell.column, cell.column + cell.span):
                headings[column] = cell.text.replace("\n", "")
    return headings


def serial_column(table: Table) -> int | None:
    """The index of the 序号 column, or None.

    >>> serial_column(Table(header=[["序号", "问题"]], rows=[["1", "甲"]]))
    0
    """
    for index, heading in enumerate(_column_headings(table)):
        if heading.replace(" ", "").replace("\u3000", "") in SERIAL_HEADINGS:
            return index
    return None


def status_column(table: Table) -> int | None:
    """The index of the 完成情况 column, or None.

    >>> status_column(Table(header=[["序号", "完成情况"]], rows=[["1", "已完成"]]))
    1
    """
    for index, heading in enumerate(_column_headings(table)):
        if heading.replace(" ", "").replace("\u3000", "") in STATUS_HEADINGS:
            return index
    return None


_NUMBER = lazy_compile(r"^[+-]?[0-9][0-9,]*(?:\.[0-9]+)?%?$")


def column_alignments(table: Table) -> list[str]:
    """How each column's body cells are aligned: ``center``, ``right`` or ``both``.

    序号 and columns of statuses are centred; columns of numbers right-aligned, so that
    digits line up; text is justified.

    >>> column_alignments(Table(header=[["序号", "问题", "户数", "完成情况"]],
    ...                         rows=[["1", "甲", "1,200", "已完成"]]))
    ['center', 'both', 'right', 'center']
    """
    serial = serial_column(table)
    out = []
    for column in range(table.columns):
        values = [row[column].strip() for row in table.rows if row[column].strip()]
        if column == serial:
            out.append("center")
        elif values and all(_NUMBER.match(v) for v in values):
            out.append("right")
        elif values and all(v in STATUSES for v in values):
            out.append("center")
        else:
            out.append("both")
    return out


# GB/T 9704 sets no widths for a table's columns (cl. 8 only turns a wide table's page); the
# constants below are [practice], measured in LibreOffice's rendering.
MIN_COLUMN_CHARS = 2.0
MAX_COLUMN_CHARS = 24.0
"""Bounds on a column's want when widths come from the cells: a long text wraps in a column
of about 24 字 rather than crowding the others out."""
COLUMN_SLACK_CHARS = 1.5
"""Room added to a column's longest line: cell margins, and the space word processors put
where Chinese meets digits (2023年6月底前 needs a fifth of a 字 at each meeting)."""
MIN_SLACK_CHARS = 0.5
"""Room beyond a heading's characters in a column's minimum (LibreOffice wrapped a 4-字
heading in a column measured to hold it exactly)."""


def column_widths_twips(table: Table, total_twips: int, char_twips: int) -> list[int]:
    """Column widths in twips that add up to ``total_twips`` (the 版心's width), from
    ``widths`` or, when it is None, from the longest line in each column.

    In ``chars``, a column is that many 字 of ``char_twips`` plus ``margin`` on each side, and
    the table is scaled down only if it would not fit.

    >>> t = Table(header=[["序号", "问题"]], rows=[["1", "甲"]], widths=[1, 3])
    >>> column_widths_twips(t, 8845, 280)
    [2211, 6634]
    """
    if table.widths is not None and table.width_unit == "chars":
        wanted = [w * char_twips + 2 * CELL_MARGIN_TWIPS for w in table.widths]
        if sum(wanted) <= total_twips:
            return [round(w) for w in wanted]
        weights = wanted
    elif table.widths is not None:
        weights = list(table.widths)
    else:
        return _widths_from_cells(table, total_twips, char_twips)
    total = sum(weights)
    return _share(total_twips, [w / total for w in weights])


def _share(total_twips: int, fractions: list[float]) -> list[int]:
    out = [math.floor(total_twips * f) for f in fractions]
    out[-1] += total_twips - sum(out)  # the rounding's remainder to the last column
    return out


def _widths_from_cells(table: Table, total_twips: int, char_twips: int) -> list[int]:
    """Each column first gets room for its heading (up to 4 字) and its short cells (序号,
    statuses) on one line; what is left goes to the columns by how much their fullest cell
    holds (up to ``MAX_COLUMN_CHARS``), so that long texts — 整改措施 — get the wide columns."""
    headings = _column_headings(table)
    margins = 2 * CELL_MARGIN_TWIPS
    minimum: list[float] = []
    wanted: list[float] = []
    for column in range(table.columns):
        lines = [line for row in table.rows for line in row[column].split("\n")]
        longest = max((text_width_chars(line) for line in lines), default=0.0)
        fullest = max((text_width_chars(row[column]) for row in table.rows), default=0.0)
        heading = max((text_width_chars(h) for h in headings[column].split("\n")), default=0.0)
        least = max(min(heading, MIN_HEADING_CHARS), min(longest, MIN_HEADING_CHARS), 1.0)
        minimum.append((least + MIN_SLACK_CHARS) * char_twips + margins)
        chars = max(fullest, min(heading, 6.0), MIN_COLUMN_CHARS) + COLUMN_SLACK_CHARS
        wanted.append(min(chars, MAX_COLUMN_CHARS) * char_twips + margins)
    if sum(minimum) >= total_twips:
        return _share(total_twips, [m / sum(minimum) for m in minimum])
    extra = [max(0.0, w - m) for w, m in zip(wanted, minimum, strict=True)]
    left = total_twips - sum(minimum)
    if sum(extra) == 0:
        return _share(total_twips, [m / sum(minimum) for m in minimum])
    # the room left over goes by each column's want beyond its minimum, scaled to fill
    scale = left / sum(extra)
    return _share(
        total_twips, [(m + e * scale) / total_twips for m, e in zip(minimum, extra, strict=True)]
    )


MIN_HEADING_CHARS = 4.0
"""A heading of up to four 字 (完成情况, 责任单位) stays on one line."""


CELL_MARGIN_TWIPS = 108
"""Left and right cell margins, Word's default (0.19 cm); the template's table style sets it."""


# ---------------------------------------------------------------------------------------------
# What a rendered table does not show, kept in the .docx so that it reads back whole

TABLES_PROPERTY = "gongwen.tables"
"""Custom property: for each table in document order, what its cells do not show (widths as
given, ``from_problems``), as JSON; written only when some table has any of it."""


def _table_slots(notice: Notice) -> list[tuple[list[Any], int]]:
    """(the list holding it, its index) of every table, body then attachments, in order."""
    out: list[tuple[list[Any], int]] = []

    def visit(items: list[Any]) -> None:
        for index, item in enumerate(items):
            if isinstance(item, Table):
                out.append((items, index))
            elif isinstance(item, Section):
                visit(item.body)

    visit(notice.body)
    for attachment in notice.attachments:
        visit(attachment.body)
    return out


def tables_property(notice: Notice) -> str | None:
    """The value of :data:`TABLES_PROPERTY`, or None when every table shows all it holds.

    >>> n = Notice(title="T", body=[{"table": {"from_problems": True}}])
    >>> tables_property(n)
    '[{"from_problems": true}]'
    """
    specs = []
    for items, index in _table_slots(notice):
        table: Table = items[index]
        spec: dict[str, Any] = {}
        if table.widths is not None:
            spec["widths"] = table.widths
            spec["width_unit"] = table.width_unit
        if table.from_problems:
            spec["from_problems"] = True
        specs.append(spec)
    if not any(specs):
        return None
    return json.dumps(specs, ensure_ascii=False, separators=(", ", ": "))


def is_ledger_of(table: Table, notice: Notice) -> bool:
    """Whether ``table``'s header and rows are those of the notice's derived 整改台账.

    >>> n = Notice(title="T", body=[{"problem": {"statement": "甲。", "status": "已完成"}}])
    >>> is_ledger_of(ledger_table(n), n)
    True
    """
    derived = ledger_table(notice)
    return table.header == derived.header and table.rows == derived.rows


def apply_tables_property(notice: Notice, value: str) -> None:
    """Put back what :func:`tables_property` kept: given widths, and a ledger read as rows
    becomes ``from_problems`` again — unless its rows were edited by hand (a 完成情况 updated
    in Word), when it stays a table of rows for ``gongwen next`` to take the statuses from.
    A value that does not fit the tables read is ignored (the document was edited)."""
    try:
        specs = json.loads(value)
    except ValueError:
        return
    slots = _table_slots(notice)
    if not isinstance(specs, list) or len(specs) != len(slots):
        return
    for (items, index), spec in zip(slots, specs, strict=True):
        if not isinstance(spec, dict):
            continue
        table: Table = items[index]
        try:
            if spec.get("from_problems") and is_ledger_of(table, notice):
                # read as rows, it is the ledger the problems derive (not edited by hand)
                table = Table(from_problems=True, title=table.title, note=table.note)
            if "widths" in spec:
                table = table.model_copy(
                    update={"widths": spec["widths"], "width_unit": spec.get("width_unit")}
                )
                table = Table.model_validate(table.model_dump())
        except ValueError:
            continue
        items[index] = table


DETAILS_PROPERTY = "gongwen.problem_details"
"""Custom property: each problem's 整改时限 and 责任单位 in document order, as JSON pairs
(``[deadline, responsible]``, null where there is none); the bulletin's text does not show
them, its 整改台账 does."""


def details_property(notice: Notice) -> str | None:
    """The value of :data:`DETAILS_PROPERTY`, or None when no problem has either detail.

    >>> n = Notice(title="T", body=[{"problem": {"statement": "甲。", "deadline": "6月底前"}}])
    >>> details_property(n)
    '[["6月底前", null]]'
    """
    pairs = [[p.deadline, p.responsible] for p in notice_problems(notice)]
    if not any(a or b for a, b in pairs):
        return None
    return json.dumps(pairs, ensure_ascii=False, separators=(", ", ": "))


def apply_details_property(notice: Notice, value: str) -> None:
    """Put back what :func:`details_property` kept, when it fits the problems read."""
    try:
        pairs = json.loads(value)
    except ValueError:
        return
    problems = notice_problems(notice)
    if not isinstance(pairs, list) or len(pairs) != len(problems):
        return
    for problem, pair in zip(problems, pairs, strict=True):
        if isinstance(pair, list) and len(pair) == 2:
            deadline, responsible = pair
            if isinstance(deadline, str) and deadline.strip():
                problem.deadline = deadline
            if isinstance(responsible, str) and responsible.strip():
                problem.responsible = responsible
