"""The table rules (GW9xx) on generated notices: a ledger derived from the problems agrees
with a progress sentence computed from them, and a count changed by one is caught."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import load_notice
from gongwen.batch.progress import count_statuses, progress_paragraph
from gongwen.check import check_notice
from gongwen.model import Notice, Paragraph, Problem, RectificationStatus, Table
from gongwen.tables import ledger_table, notice_problems
from tests.conftest import EXAMPLES
from tests.strategies import notices

TABLE_CODES = ("GW921", "GW922", "GW923")


def _codes(notice: Notice) -> list[str]:
    return [f.code for f in check_notice(notice) if f.code in TABLE_CODES]


def _with_ledger(notice: Notice, sentence: str) -> Notice:
    data = notice.model_dump()
    data["body"] = [{"paragraph": sentence}, *data["body"]]
    data["attachments"] = [
        *data["attachments"],
        {"title": "整改台账", "body": [{"table": {"from_problems": True}}]},
    ]
    return Notice.model_validate(data)


@st.composite
def reports(draw: st.DrawFn) -> Notice:
    """A notice with problems, each given a status."""
    notice = draw(notices().filter(lambda n: bool(notice_problems(n))))
    for problem in notice_problems(notice):
        problem.status = draw(st.sampled_from(list(RectificationStatus)))
    return notice


@given(reports())
@settings(max_examples=40, deadline=None)
def test_a_ledger_from_the_problems_agrees_with_counts_computed_from_them(notice: Notice) -> None:
    counts = count_statuses(list(notice_problems(notice)))  # type: ignore[arg-type]
    sentence = progress_paragraph(counts, date(2023, 9, 1))
    assert "GW923" not in _codes(_with_ledger(notice, sentence))


@given(reports(), st.data())
@settings(max_examples=40, deadline=None)
def test_a_stated_count_off_by_one_is_caught(notice: Notice, data: st.DataObject) -> None:
    counts = count_statuses(list(notice_problems(notice)))  # type: ignore[arg-type]
    status = data.draw(st.sampled_from(sorted(s for s in counts if s is not None)))
    wrong = dict(counts)
    wrong[status] += 1
    sentence = progress_paragraph(wrong, date(2023, 9, 1))
    assert "GW923" in _codes(_with_ledger(notice, sentence))


def test_full_example_ledger_agrees_with_its_text() -> None:
    notice = load_notice(EXAMPLES / "full.yaml")
    assert any(isinstance(i, Table) for a in notice.attachments for i in a.body)
    assert _codes(notice) == []


def test_a_hand_kept_ledger_that_disagrees_is_caught() -> None:
    notice = load_notice(EXAMPLES / "full.yaml")
    ledger = ledger_table(notice)
    ledger.rows[0][-1] = "正在推进"  # the 已完成 problem marked otherwise in the ledger
    notice.attachments[1].body = [ledger]
    findings = [f for f in check_notice(notice) if f.code == "GW923"]
    assert findings and "已完成" in findings[0].message


def test_serials_and_statuses_of_a_table_are_checked() -> None:
    table = Table(
        header=[["序号", "问题", "完成情况"]],
        rows=[["1", "甲。", "已完成"], ["1", "乙。", "基本完成"]],
    )
    notice = Notice(title="T", body=[Paragraph(text="见下表。"), table])
    findings = [f for f in check_notice(notice) if f.code in TABLE_CODES]
    assert {f.code for f in findings} == {"GW921", "GW922"}
    assert all(f.location.path == "body[1].table" for f in findings)
    assert "重复" in next(f.message for f in findings if f.code == "GW921")


def test_problems_counted_by_the_checker_are_the_ledgers_rows() -> None:
    problems = [Problem(statement=f"问题{i}。", status="已完成") for i in range(3)]
    notice = Notice(title="T", body=["3个问题已完成整改3项。", *problems])
    notice = _with_ledger(notice, "巡察反馈的3个问题中，已完成整改3项。")
    assert _codes(notice) == []


def test_a_part_of_the_problems_is_not_taken_for_their_total() -> None:
    problems = [Problem(statement=f"问题{i}。", status="已完成") for i in range(3)]
    notice = Notice(title="T", body=["其中2个问题涉及制度建设。", *problems])
    notice = _with_ledger(notice, "巡察反馈的3个问题中，已完成整改3项。")
    assert _codes(notice) == []
    wrong = _with_ledger(Notice(title="T", body=problems), "巡察反馈的4个问题中，已完成整改3项。")
    assert _codes(wrong) == ["GW923"]
