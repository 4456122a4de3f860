"""Tables in the model: shapes, merges, widths, alignment and the 整改台账 from problems."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.findings import InputError
from gongwen.loader import notice_from_data
from gongwen.model import HeaderCell, Notice, RectificationStatus, Table
from gongwen.tables import (
    column_alignments,
    column_widths_twips,
    header_grid,
    ledger_table,
    notice_problems,
    resolve_ledger,
    serial_column,
    status_column,
)
from tests.strategies import notices, sentences

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
cell_texts = st.text(alphabet=HAN, min_size=0, max_size=20)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """Tables of 1-8 columns, one or two header rows with spans, 0-12 body rows."""
    columns = draw(st.integers(1, 8))
    header: list[list[Any]] = []
    if draw(st.booleans()) and columns > 1:
        # Two header rows: some columns span both, the others are grouped under a cell.
        first: list[Any] = []
        second: list[Any] = []
        position = 0
        while position < columns:
            span = draw(st.integers(1, columns - position))
            if span == 1 and draw(st.booleans()):
                first.append({"text": draw(cell_texts), "rows": 2})
            else:
                first.append({"text": draw(cell_texts), "span": span})
                second += [draw(cell_texts) for _ in range(span)]
            position += span
        header = [first, second]
    elif draw(st.booleans()):
        header = [[draw(cell_texts) for _ in range(columns)]]
    rows = draw(
        st.lists(
            st.lists(cell_texts, min_size=columns, max_size=columns),
            min_size=0 if header else 1,
            max_size=12,
        )
    )
    widths = draw(st.none() | st.lists(st.integers(1, 9), min_size=columns, max_size=columns))
    title = draw(st.none() | st.text(alphabet=HAN, min_size=1, max_size=15))
    return Table(header=header, rows=rows, widths=widths, title=title)


# --- the model ------------------------------------------------------------------------------


def test_a_table_stands_wherever_a_paragraph_may() -> None:
    table = {"table": {"header": [["序号", "事项"]], "rows": [[1, "甲"]]}}
    notice = Notice.model_validate(
        {
            "title": "T",
            "body": ["p", table, {"section": {"heading": "H", "body": [table]}}],
            "attachments": [{"title": "表", "orientation": "landscape", "body": [table]}],
        }
    )
    assert isinstance(notice.body[1], Table)
    assert notice.body[1].rows == [["1", "甲"]]  # a number in a file is kept as its text
    assert notice.attachments[0].orientation == "landscape"


def test_header_cells_merge_across_columns_and_rows() -> None:
    table = Table(
        header=[[{"text": "序号", "rows": 2}, {"text": "整改情况", "span": 2}], ["措施", "状态"]],
        rows=[["1", "甲", "已完成"]],
    )
    grid = header_grid(table)
    assert [(c.text, c.column, c.span, c.continued) for c in grid[1]] == [
        ("序号", 0, 1, True),
        ("措施", 1, 1, False),
        ("状态", 2, 1, False),
    ]
    dumped = table.model_dump()["header"]
    assert dumped[0][0] == {"text": "序号", "span": 1, "rows": 2}
    assert dumped[1] == ["措施", "状态"]  # a plain cell is written back as a string


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ({"header": [["a", "b"]], "rows": [["1"]]}, "第 1 行有 1 个单元格，表格有 2 列"),
        ({"header": [["a", "b"], ["c"]], "rows": [["1", "2"]]}, "表头第 2 行占 1 列"),
        ({"header": [[{"text": "a", "rows": 2}]], "rows": [["1"]]}, "跨 2 行"),
        ({"rows": [["1", "2"]], "widths": [1]}, "widths 给了 1 列的宽度"),
        ({}, "表格需要表头行"),
        ({"from_problems": True, "rows": [["1"]]}, "from_problems"),
    ],
)
def test_a_table_of_the_wrong_shape_is_refused_with_a_reason(
    table: dict[str, Any], error: str
) -> None:
    with pytest.raises(InputError, match=error):
        notice_from_data({"title": "T", "body": [{"table": table}]}, file="t.yaml")


def test_header_cell_written_as_text() -> None:
    assert HeaderCell.model_validate("完成情况") == HeaderCell(text="完成情况")


@given(tables())
@settings(max_examples=60, deadline=None)
def test_header_grid_covers_every_column_of_every_header_row(table: Table) -> None:
    for row in header_grid(table):
        covered = [c for cell in row for c in range(cell.column, cell.column + cell.span)]
        assert covered == list(range(table.columns))


@given(tables(), st.integers(3000, 13000))
@settings(max_examples=60, deadline=None)
def test_column_widths_fill_the_type_area(table: Table, total: int) -> None:
    widths = column_widths_twips(table, total, 280)
    assert len(widths) == table.columns
    assert sum(widths) == total
    assert all(w > 0 for w in widths)


def test_widths_in_characters_are_characters_of_the_table_type() -> None:
    table = Table(rows=[["1", "甲"]], widths=[2, 10], width_unit="chars")
    assert column_widths_twips(table, 8845, 280) == [2 * 280 + 216, 10 * 280 + 216]
    wide = Table(rows=[["1", "甲"]], widths=[20, 40], width_unit="chars")
    assert sum(column_widths_twips(wide, 8845, 280)) == 8845  # scaled down to the 版心


def test_serial_is_centred_numbers_right_statuses_centred() -> None:
    table = Table(
        header=[["序号", "事项", "金额（万元）", "完成情况"]],
        rows=[["1", "甲", "12.5", "已完成"], ["2", "乙", "1,300", "正在推进"]],
    )
    assert column_alignments(table) == ["center", "both", "right", "center"]
    assert serial_column(table) == 0
    assert status_column(table) == 3


# --- the ledger -----------------------------------------------------------------------------


def _notice(problems: list[dict[str, Any]]) -> Notice:
    return Notice.model_validate(
        {"title": "T", "body": [{"problem": p} for p in problems]},
    )


MEASURES = "一是加强学习。\n二是完善制度。"


def test_ledger_has_a_row_per_problem_numbered_like_the_bulletin() -> None:
    notice = _notice(
        [
            {
                "statement": "学习不够。",
                "measures": ["加强学习。", "完善制度。"],
                "status": "已完成",
                "responsible": "社区党委",
                "deadline": "2023年6月底前",
            },
            {"statement": "制度不全。", "status": "正在推进"},
        ]
    )
    ledger = ledger_table(notice, title="整改台账")
    assert [c.text for c in ledger.header[0]] == [
        "序号",
        "问题",
        "整改措施",
        "责任单位",
        "整改时限",
        "完成情况",
    ]
    assert ledger.rows == [
        ["1", "学习不够。", MEASURES, "社区党委", "2023年6月底前", "已完成"],
        ["2", "制度不全。", "", "", "", "正在推进"],
    ]
    assert ledger.title == "整改台账"


@given(notices())
@settings(max_examples=40, deadline=None)
def test_a_derived_ledger_agrees_with_the_problems(notice: Notice) -> None:
    ledger = resolve_ledger(Table(from_problems=True), notice)
    problems = notice_problems(notice)
    status = status_column(ledger)
    assert status is not None
    if not problems:
        return
    assert [row[0] for row in ledger.rows] == [str(n) for n in range(1, len(problems) + 1)]
    assert [row[1] for row in ledger.rows] == [p.statement for p in problems]
    statuses = [row[status] for row in ledger.rows]
    assert statuses == [p.status.value if p.status else "" for p in problems]
    done = sum(1 for p in problems if p.status is RectificationStatus.DONE)
    assert statuses.count("已完成") == done


@given(st.lists(sentences(), min_size=1, max_size=5))
def test_ledger_leaves_out_columns_no_problem_fills(statements: list[str]) -> None:
    ledger = ledger_table(_notice([{"statement": s} for s in statements]))
    assert [c.text for c in ledger.header[0]] == ["序号", "问题", "整改措施", "完成情况"]


def test_a_ledger_table_without_rows_is_valid_only_from_problems() -> None:
    with pytest.raises(InputError):  # one error type, as for every model (IN003)
        Table()
    assert Table(from_problems=True).columns == 0
