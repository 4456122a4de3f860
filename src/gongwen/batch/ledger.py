"""The 整改台账 of a batch: one per community, filled from its problems, carried round to round.

A batch file's ``ledger:`` adds to every community's report an attachment holding its
整改台账 — a table derived from the report's own problems (``from_problems``), so the rows
the spreadsheet gives (问题, 整改措施, 状态, 责任单位, 整改时限) fill the bulletin and its
ledger alike and the two can never disagree::

    ledger:
      title: "{community}巡察整改台账"
      orientation: landscape        # 横排, GB/T 9704 cl. 8 (the default)
      note: 完成情况截至{date}。

``gongwen next`` carries the statuses on: a ledger kept by hand in the last round (rows, not
``from_problems``) whose 完成情况 was updated gives its statuses to the problems it numbers
(:func:`statuses_from_ledgers`) before they are carried forward.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field

from gongwen.model import DescribedModel, Line, Notice, RectificationStatus, Section, Table, walk
from gongwen.tables import (
    STATUSES,
    is_ledger_of,
    notice_problems,
    serial_column,
    status_column,
)

__all__ = ["LedgerSpec", "ledger_attachment", "statuses_from_ledgers"]


class LedgerSpec(DescribedModel):
    """整改台账附件 — the ``ledger:`` of a batch file: the attachment every report gets, its
    整改台账 (rectification ledger)."""

    model_config = ConfigDict(extra="forbid")

    title: Line = Field(
        default="{community}巡察整改台账",
        description="附件标题 — the attachment's title ({…} values are filled in).",
    )
    orientation: Literal["portrait", "landscape"] = Field(
        default="landscape",
        description=(
            "页面方向 — portrait, or landscape: 横排 on pages of its own (GB/T 9704 cl. 8)."
        ),
    )
    table_title: Line | None = Field(
        default=None,
        description="表题 — a title above the table, when the attachment title is not enough.",
    )
    note: Line | None = Field(
        default=None, description="注 — the note line under the table, without its 注：."
    )


def ledger_attachment(spec: LedgerSpec) -> dict[str, Any]:
    """The attachment a report gets, in the notice file's form.

    >>> ledger_attachment(LedgerSpec())["body"]
    [{'table': {'from_problems': True}}]
    """
    table: dict[str, Any] = {"from_problems": True}
    if spec.table_title is not None:
        table["title"] = spec.table_title
    if spec.note is not None:
        table["note"] = spec.note
    return {"title": spec.title, "orientation": spec.orientation, "body": [{"table": table}]}


def _explicit_ledgers(notice: Notice) -> list[Table]:
    """The hand-kept 整改台账 tables (a 序号 and a 完成情况 column), body then attachments."""
    bodies = [notice.body, *(a.body for a in notice.attachments)]
    return [
        item
        for body in bodies
        for _, item in walk(body)
        if isinstance(item, Table)
        and not item.from_problems
        and serial_column(item) is not None
        and status_column(item) is not None
    ]


def statuses_from_ledgers(notice: Notice) -> Notice:
    """The notice with each problem's status taken from a hand-kept ledger's 完成情况.

    The ledger's 序号 N names problem N (numbered as the bulletin numbers them); a cell that is
    empty or not a status leaves the problem as it is.

    >>> ledger = {"header": [["序号", "问题", "完成情况"]], "rows": [["1", "甲。", "已完成"]]}
    >>> n = Notice(title="T", body=[{"problem": {"statement": "甲。", "status": "正在推进"}},
    ...                             {"table": ledger}])
    >>> statuses_from_ledgers(n).body[0].status.value
    '已完成'
    """
    ledgers = _explicit_ledgers(notice)
    if not ledgers:
        return notice
    notice = notice.model_copy(deep=True)
    problems = notice_problems(notice)
    for table in _explicit_ledgers(notice):
        serial, column = serial_column(table), status_column(table)
        assert serial is not None and column is not None
        for row in table.rows:
            number, status = row[serial].strip(), row[column].strip()
            if number.isdigit() and 1 <= int(number) <= len(problems) and status in STATUSES:
                problems[int(number) - 1].status = RectificationStatus(status)
    _derive_again(notice)
    return notice


def _derive_again(notice: Notice) -> None:
    """A hand-kept ledger that now says what the problems say becomes derived again."""

    def visit(items: list[Any]) -> None:
        for index, item in enumerate(items):
            if isinstance(item, Table) and not item.from_problems and is_ledger_of(item, notice):
                items[index] = Table(from_problems=True, title=item.title, note=item.note)
            elif isinstance(item, Section):
                visit(item.body)

    visit(notice.body)
    for attachment in notice.attachments:
        visit(attachment.body)
