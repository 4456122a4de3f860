"""GW203: a summary sentence whose counts no longer match the statuses of the problems."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import Notice, RectificationStatus, dump_notice, load_notice
from gongwen.batch.progress import PHRASES, count_statuses, next_round, progress_paragraph
from gongwen.check import check_file, check_notice, check_text
from gongwen.findings import Finding

DONE, DOING, ONGOING = (
    RectificationStatus.DONE,
    RectificationStatus.IN_PROGRESS,
    RectificationStatus.ONGOING,
)


def bulletin(sentence: str, statuses: list[RectificationStatus | None]) -> Notice:
    problems = [
        {"problem": {"statement": f"第{i}个问题。", "status": s}}
        for i, s in enumerate(statuses, start=1)
    ]
    return Notice.model_validate(
        {
            "title": "关于巡察整改进展情况的通报",
            "body": [sentence, {"section": {"heading": "整改情况", "body": problems}}],
        }
    )


def gw203(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code == "GW203"]


def test_the_issues_bulletin_says_five_done_where_four_are() -> None:
    notice = bulletin("截至9月1日，已完成整改5个，正在推进1个。", [DONE] * 4 + [DOING])
    found = gw203(check_notice(notice))
    assert [(f.location.path, f.span) for f in found] == [("body[0].paragraph", (7, 14))]
    assert "已完成整改5个" in found[0].message and "有4个" in found[0].message
    doing = gw203(check_notice(bulletin("已完成整改4个，正在推进1个。", [DONE] * 4 + [DOING] * 2)))
    assert [f.message.split("，")[0] for f in doing] == ["文中说“正在推进1个”"]


def test_the_same_bulletin_as_published_text() -> None:
    lines = ["关于巡察整改进展情况的通报", "", "截至目前，已完成整改5个。", "一、整改情况"]
    for n in range(1, 5):
        lines += [f"问题{n}：第{n}个问题。", "整改进展：已完成。"]
    found = gw203(check_text("\n".join(lines) + "\n"))
    assert [f.location.line for f in found] == [3]
    right = "\n".join(lines).replace("已完成整改5个", "已完成整改4个")
    assert gw203(check_text(right)) == []


def test_counts_of_measures_and_unknown_statuses_are_left_alone() -> None:
    measures = bulletin("制定整改措施10条，已完成8条。", [DONE, DOING])
    assert gw203(check_notice(measures)) == []
    unknown = bulletin("已完成整改2个。", [DONE, None])  # the second could be done too
    assert gw203(check_notice(unknown)) == []


STATUS_LISTS = st.lists(st.sampled_from([DONE, DOING, ONGOING]), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(STATUS_LISTS, st.data())
def test_a_sentence_from_the_statuses_is_silent_and_any_changed_count_is_named(
    statuses: list[RectificationStatus], data: st.DataObject
) -> None:
    counts = count_statuses(bulletin("开头。", list(statuses)).body)
    sentence = progress_paragraph(counts, date(2023, 9, 1))
    assert gw203(check_notice(bulletin(sentence, list(statuses)))) == []
    status = data.draw(st.sampled_from(sorted(counts)))
    wrong = counts[status] + data.draw(st.integers(-counts[status], 5).filter(bool))
    phrase = PHRASES[status]
    edited = sentence.replace(phrase.format(n=counts[status]), phrase.format(n=wrong), 1)
    found = gw203(check_notice(bulletin(edited, list(statuses))))
    assert [f.message.split("，")[0] for f in found] == [f"文中说“{phrase.format(n=wrong)}”"]


def test_gongwen_next_writes_a_sentence_the_checker_accepts_until_a_status_changes(
    tmp_path: Path,
) -> None:
    last = bulletin("根据区委统一部署，现将整改进展通报如下。", [DONE, DOING, DOING])
    nxt = tmp_path / "next.yaml"
    dump_notice(next_round(last, date(2023, 9, 1)), nxt)
    assert gw203(check_file(nxt)) == []
    text = nxt.read_text(encoding="utf-8")
    assert text.count("status: 正在推进") == 2
    nxt.write_text(text.replace("status: 正在推进", "status: 已完成", 1), encoding="utf-8")
    found = gw203(check_file(nxt))
    assert [f.message.split("，")[0] for f in found] == [
        "文中说“已完成整改1项”",
        "文中说“正在推进2项”",
    ]
    assert all(f.location.line is not None for f in found)
    again = next_round(load_notice(nxt), date(2023, 9, 1))
    assert gw203(check_notice(again)) == []
