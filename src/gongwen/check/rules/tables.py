"""GW9xx: tables — a 序号 column that skips or repeats, a 完成情况 outside the statuses, and a
整改台账 whose counts disagree with the counts the text states ("16个问题…已完成14个").

Tables are not text units: the rules read the model's tables (a ledger derived from the
problems, ``from_problems``, as it is rendered) and point at the table's field path.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gongwen.check.registry import Hit, Rule
from gongwen.check.rules.counts import count_value, stated_counts
from gongwen.check.view import CheckInput
from gongwen.findings import Level
from gongwen.i18n import N_, _, ngettext
from gongwen.model import Notice, RectificationStatus, Section, Table
from gongwen.tables import STATUSES, resolve_ledger, serial_column, status_column


def tables_with_paths(notice: Notice) -> Iterator[tuple[str, Table]]:
    """Every table of the notice as it is rendered, with its field path."""

    def visit(items: list[Any], path: str) -> Iterator[tuple[str, Table]]:
        for index, item in enumerate(items):
            here = f"{path}[{index}]"
            if isinstance(item, Table):
                yield f"{here}.table", resolve_ledger(item, notice)
            elif isinstance(item, Section):
                yield from visit(item.body, f"{here}.section.body")

    yield from visit(notice.body, "body")
    for number, attachment in enumerate(notice.attachments):
        yield from visit(attachment.body, f"attachments[{number}].body")


def check_table_serials(inp: CheckInput) -> Iterator[Hit]:
    if inp.notice is None:
        return
    for path, table in tables_with_paths(inp.notice):
        column = serial_column(table)
        if column is None:
            continue
        expected = 1
        for row in table.rows:
            written = row[column].strip()
            if not written:
                continue
            number = count_value(written)
            if number is None:
                yield Hit(_("序号“{written}”不是数字").format(written=written), path=path)
                break
            if number != expected:
                if number < expected:
                    message = _("表格序号重复：此处应为{expected}，表中为{written}")
                else:
                    message = _("表格序号跳号：此处应为{expected}，表中为{written}")
                yield Hit(message.format(expected=expected, written=written), path=path)
                break
            expected += 1


def check_table_statuses(inp: CheckInput) -> Iterator[Hit]:
    if inp.notice is None:
        return
    allowed = _("、").join(STATUSES)
    for path, table in tables_with_paths(inp.notice):
        column = status_column(table)
        if column is None:
            continue
        for number, row in enumerate(table.rows, start=1):
            value = row[column].strip()
            if value and value not in STATUSES:
                message = _("第{number}行完成情况“{value}”不是{allowed}之一").format(
                    number=number, value=value, allowed=allowed
                )
                yield Hit(message, path=path)


def check_ledger_counts(inp: CheckInput) -> Iterator[Hit]:
    if inp.notice is None:
        return
    ledgers = [
        (path, table)
        for path, table in tables_with_paths(inp.notice)
        if status_column(table) is not None and serial_column(table) is not None
    ]
    if not ledgers:
        return
    stated = list(stated_counts(inp.units))
    for path, table in ledgers:
        serial, column = serial_column(table), status_column(table)
        assert serial is not None and column is not None
        rows = [row for row in table.rows if row[serial].strip()]
        counts = {s: sum(1 for row in rows if row[column].strip() == s.value) for s in _STATUSES}
        for count in stated:
            status = count.status
            actual = len(rows) if status is None else counts[status]
            if count.value != actual:
                if status is None:
                    message = ngettext(
                        "文中说“{words}”，但整改台账（{path}）列出问题{actual}个",
                        "文中说“{words}”，但整改台账（{path}）列出问题{actual}个",
                        actual,
                    )
                else:
                    message = ngettext(
                        "文中说“{words}”，但整改台账（{path}）列出“{status}”的问题{actual}个",
                        "文中说“{words}”，但整改台账（{path}）列出“{status}”的问题{actual}个",
                        actual,
                    )
                yield Hit(
                    message.format(
                        words=count.words,
                        path=path,
                        actual=actual,
                        status=status.value if status is not None else "",
                    ),
                    count.unit,
                )


_STATUSES = tuple(RectificationStatus)

_LEDGER_TEXT = (
    "title: 关于巡察整改情况的通报\nbody:\n"
    "  - 巡察反馈的2个问题中，已完成整改{done}项，正在推进1项。\n"
    "  - problem:\n      statement: 学习不够。\n      status: 已完成\n"
    "  - problem:\n      statement: 制度不全。\n      status: 正在推进\n"
    "attachments:\n  - title: 整改台账\n    body:\n      - table: {{from_problems: true}}\n"
)


def _table_yaml(serials: list[str], statuses: list[str]) -> str:
    rows = "".join(
        f"          - [{s}, 问题{i}。, {t}]\n"
        for i, (s, t) in enumerate(zip(serials, statuses, strict=True), start=1)
    )
    return (
        "title: 关于巡察整改情况的通报\nbody:\n  - 整改情况见下表。\n  - table:\n"
        "      header: [[序号, 问题, 完成情况]]\n      rows:\n" + rows
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "GW921",
        N_("表格序号"),
        Level.WARNING,
        N_("表格的序号列跳号或重复。"),
        check_table_serials,
        bad=_table_yaml(["1", "2", "4"], ["已完成", "已完成", "正在推进"]),
        good=_table_yaml(["1", "2", "3"], ["已完成", "已完成", "正在推进"]),
        example_format="yaml",
    ),
    Rule(
        "GW922",
        N_("完成情况的写法"),
        Level.WARNING,
        N_("完成情况一栏填了已完成、正在推进、长期坚持以外的内容。"),
        check_table_statuses,
        bad=_table_yaml(["1", "2"], ["已完成", "基本完成"]),
        good=_table_yaml(["1", "2"], ["已完成", "正在推进"]),
        example_format="yaml",
    ),
    Rule(
        "GW923",
        N_("整改台账数目不符"),
        Level.WARNING,
        N_("文中所说的数目（“16个问题…已完成14个”）与整改台账的行数不一致。"),
        check_ledger_counts,
        bad=_LEDGER_TEXT.format(done=2),
        good=_LEDGER_TEXT.format(done=1),
        example_format="yaml",
    ),
)


__all__ = [
    "RULES",
    "check_ledger_counts",
    "check_table_serials",
    "check_table_statuses",
    "tables_with_paths",
]
