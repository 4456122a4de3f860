"""The batch's 整改台账: one per community, filled from the spreadsheet's rows, and carried
into the next round with the statuses a clerk updated in it."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from gongwen.batch import load_batch, write_next_round
from gongwen.batch.resolve import entries, resolve
from gongwen.check import check_notice
from gongwen.model import Notice, RectificationStatus, Table
from gongwen.tables import notice_problems, resolve_ledger, status_column
from gongwen.write import render_bytes
from tests.conftest import EXAMPLES

BATCH = EXAMPLES / "batch"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _reports(*source: Path, shared: Path | None = None) -> dict[str, Notice]:
    loaded = load_batch(source[0], shared=shared)
    out = {}
    for entry in entries(loaded):
        resolved = resolve(loaded, entry)
        assert resolved.data is not None, resolved.errors
        out[entry.name] = Notice.model_validate(resolved.data)
    return out


@pytest.fixture(scope="module")
def from_yaml() -> dict[str, Notice]:
    return _reports(BATCH / "communities.yaml")


@pytest.mark.parametrize("table", ["communities.csv", "communities.xlsx"])
def test_the_spreadsheet_fills_the_same_ledgers_as_the_batch_file(
    table: str, from_yaml: dict[str, Notice]
) -> None:
    from_rows = _reports(BATCH / table, shared=BATCH / "shared.yaml")
    assert from_rows == from_yaml  # 责任单位 and 整改时限 columns included


def test_every_report_carries_its_ledger_as_a_turned_attachment(
    from_yaml: dict[str, Notice],
) -> None:
    for name, notice in from_yaml.items():
        attachment = notice.attachments[-1]
        assert attachment.title == f"{name}巡察整改台账"
        assert attachment.orientation == "landscape"
        (table,) = attachment.body
        assert isinstance(table, Table) and table.from_problems
        ledger = resolve_ledger(table, notice)
        problems = notice_problems(notice)
        assert [row[1] for row in ledger.rows] == [p.statement for p in problems]
        columns = [c.text for c in ledger.header[0]]
        responsible = [row[columns.index("责任单位")] for row in ledger.rows]
        assert responsible == [p.responsible or "" for p in problems]
        assert table.note == "完成情况截至2023年3月14日。"  # {date} filled in


def test_batch_reports_agree_with_their_ledgers(from_yaml: dict[str, Notice]) -> None:
    for notice in from_yaml.values():
        codes = [f.code for f in check_notice(notice) if f.code.startswith("GW9")]
        assert codes == []


def _edit_ledger_status(data: bytes, row: int, status: str) -> bytes:
    """The .docx with the 完成情况 of ledger row ``row`` (from 1) retyped, as a clerk does."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    (ledger,) = [t for t in root.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblStyle") is not None]
    cell = ledger.findall(f"{W}tr")[row].findall(f"{W}tc")[-1]
    texts = list(cell.iter(f"{W}t"))
    texts[0].text = status
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(info, part)
    return out.getvalue()


def test_next_round_takes_the_statuses_updated_in_the_ledger(
    from_yaml: dict[str, Notice], tmp_path: Path
) -> None:
    notice = from_yaml["建新社区"]
    problems = notice_problems(notice)
    pending = next(i for i, p in enumerate(problems) if p.status is RectificationStatus.IN_PROGRESS)
    last = tmp_path / "last.docx"
    last.write_bytes(_edit_ledger_status(render_bytes(notice), pending + 1, "已完成"))
    nxt, _ = write_next_round(last, tmp_path / "next.yaml", date(2023, 9, 1))
    statuses = [p.status for p in notice_problems(nxt)]
    assert statuses[pending] is RectificationStatus.DONE
    assert (
        statuses.count(RectificationStatus.DONE)
        == sum(1 for p in problems if p.status is RectificationStatus.DONE) + 1
    )
    sentence = next(
        getattr(i, "text", "") for i in nxt.body if "截至2023年9月1日" in getattr(i, "text", "")
    )
    assert f"已完成整改{statuses.count(RectificationStatus.DONE)}项" in sentence
    # the ledger, now saying what the problems say, is derived from them again
    (table,) = nxt.attachments[-1].body
    assert isinstance(table, Table) and table.from_problems
    ledger = resolve_ledger(table, nxt)
    column = status_column(ledger)
    assert column is not None and ledger.rows[pending][column] == "已完成"
    # the new round's sentence agrees with the ledger; the last round's sentence, kept in the
    # introduction, no longer does, and the checker says so
    flagged = [f for f in check_notice(nxt) if f.code == "GW923"]
    assert flagged and all("截至" not in f.message for f in flagged)
    assert all("已完成整改2项" in f.message or "正在推进1项" in f.message for f in flagged)


def test_an_unedited_report_reads_back_with_a_derived_ledger(from_yaml: dict[str, Notice]) -> None:
    from gongwen.read.docx import read_docx_bytes

    notice = from_yaml["民生社区"]
    back = read_docx_bytes(render_bytes(notice)).notice
    assert back.attachments == notice.attachments  # the ledger derived, 横排
    assert [p.model_dump() for p in notice_problems(back)] == [
        p.model_dump() for p in notice_problems(notice)
    ]  # statuses, 责任单位 and 整改时限 included
