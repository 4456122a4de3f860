"""Rules that know Chinese prose: what each must leave alone, and what it must still report.

The passing lines are shaped on the corpus' exceptions (clock times, counts with measure words,
deadlines, past events told out of order, 《》 titles, decimal look-alikes), the failing ones on
its defects.
"""

from __future__ import annotations

import pytest

from gongwen import notice_from_data
from gongwen.check import check_notice, check_text
from gongwen.findings import Finding


def codes(findings: list[Finding], *wanted: str) -> list[str]:
    return [f.code for f in findings if not wanted or f.code in wanted]


def on(text: str, code: str) -> list[str]:
    """What the findings of ``code`` point at in a one-line text."""
    return [text[f.span[0] : f.span[1]] for f in check_text(text) if f.code == code and f.span]


# ---------------------------------------------------------------------------------------------
# GW506: bare digits after a date that read as a lost 月日 — not counts


@pytest.mark.parametrize(
    "text",
    [
        "2022年起，共清理款项15笔，金额1.05亿元。",
        "2023年3月，补齐附件23笔，整改12户。",
        "2023年以来共发现问题603个，已完成591个，整改率98.01%。",
        "2023年1月17日召开常委会，约35人次参加。",
        "2021年11月8日至12月20日，对28所中小学开展专项巡察。",
    ],
)
def test_counts_with_measure_words_are_no_lost_dates(text: str) -> None:
    assert codes(check_text(text), "GW506") == []


def test_digits_where_a_date_lost_its_characters_are_still_reported() -> None:
    assert on("2022年4月12日至7月8日开展了巡察91区委巡察组反馈了意见。", "GW506") == ["91"]


# ---------------------------------------------------------------------------------------------
# GW505: 月日 that lost 月 (816日) — not days nor spans of days


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("根据统一安排,816日,委巡察组反馈了情况。", "8月16日"),
        ("85日、89日,领导小组听取了汇报。", "8月5日"),
    ],
)
def test_month_day_that_lost_its_month_is_fixed(text: str, fixed: str) -> None:
    found = [f for f in check_text(text) if f.code == "GW505"]
    assert found and found[0].fix is not None and fixed in found[0].fix


@pytest.mark.parametrize(
    "text", ["15日召开会议。", "于120日内完成整改。", "2023年3月14日召开会议。", "第100日"]
)
def test_days_and_spans_of_days_are_no_run_together_dates(text: str) -> None:
    assert codes(check_text(text), "GW505") == []


# ---------------------------------------------------------------------------------------------
# GW504: only what is really out of order


@pytest.mark.parametrize(
    "text",
    [
        # a past event told after a later one
        "2023年1月17日，常委会听取了汇报。此前，2022年1月27日巡察组反馈了意见。\n",
        # a deadline after the 成文日期
        "关于整改情况的通报\n\n已于2023年3月1日召开了专题会议，计划于2023年12月底前完成整改，"
        "须于2023年12月10日前报送。\n\n区委巡察办\n2023年3月14日\n",
        # a notice announcing future dates
        "关于开展巡察的公告\n\n巡察组将于2025年4月1日至5月25日进驻，受理时间为"
        "2025年4月1日至5月25日。\n\n区委巡察办\n2025年3月24日\n",
        # a range that runs into the next year
        "2021年12月20日至1月10日，巡察组开展了巡察。\n",
    ],
)
def test_dates_in_ordinary_order_are_left_alone(text: str) -> None:
    assert codes(check_text(text), "GW504") == []


def test_signature_before_a_date_said_past_is_reported() -> None:
    text = (
        "关于整改情况的通报\n\n2023年4月10日，已召开了整改推进会。\n\n区委巡察办\n2023年3月14日\n"
    )
    found = [f for f in check_text(text) if f.code == "GW504"]
    assert [f.location.line for f in found] == [6]


def test_range_ending_before_it_starts_is_reported() -> None:
    assert on("2022年7月8日至2022年4月12日开展了巡察。", "GW504") == ["2022年7月8日至2022年4月12日"]


def test_feedback_before_the_inspection_ended_is_reported() -> None:
    text = "2022年4月12日至7月8日，区委巡察组开展了巡察，并于6月1日反馈了巡察意见。"
    assert on(text, "GW504") == ["6月1日"]


def test_model_deadline_after_the_signature_is_in_order() -> None:
    n = notice_from_data(
        {
            "title": "关于整改情况的通报",
            "body": ["已召开了专题会议，计划于2023年12月底前完成，须于2023年12月10日前报送。"],
            "signature": {"organs": ["某街道党工委"], "date": "2023年3月14日"},
        }
    )
    assert codes(check_notice(n), "GW504") == []


# ---------------------------------------------------------------------------------------------
# Other look-alikes


def test_attachment_number_followed_by_a_measure_word_is_a_count() -> None:
    assert codes(check_text("对支出凭证逐笔核查，补齐附件23笔。\n"), "GW605") == []


def test_two_phone_numbers_separated_by_a_space_are_two_numbers() -> None:
    assert codes(check_text("举报电话:0553-2631762 15212243871。\n"), "GW702") == []


def test_signature_date_in_chinese_numerals_is_its_own_convention() -> None:
    text = (
        "关于巡察的公告\n\n受理时间为2025年4月1日至5月25日。\n\n区委巡察组\n"
        "二〇二五年三月二十四日\n"
    )
    assert codes(check_text(text), "GW503") == []


def test_ordinal_that_reads_as_a_decimal_is_no_gap() -> None:
    text = "一、审计情况\n1.3个部门超预算支出86.3万元。\n2.公务卡结算目录执行不到位。\n"
    assert codes(check_text(text), "GW101") == []
    assert codes(check_text("一、审计情况\n1.部门超预算。\n3.公务卡不到位。\n"), "GW101") == [
        "GW101"
    ]


def test_quoted_titles_and_clock_ranges_get_no_punctuation_finding() -> None:
    text = "按照《中国共产党巡视工作条例》规定，受理时间为上午8:30-12:00、下午14:30-17:30。"
    assert check_text(text) == []


def test_arabic_ordinal_with_dunhao_is_a_remark_not_a_warning() -> None:
    (finding,) = [f for f in check_text("一、主要问题\n1、学习不够深入。\n") if f.code == "GW304"]
    assert finding.level.value == "info"


def test_half_width_marks_of_page_chrome_are_not_checked() -> None:
    text = (
        "您当前所在位置: 主页 > 信息公开 > 巡视巡察 >\n"
        "• 索引号: j602402--2024-0188 主题分类: 综合政务\n"
        "责编:郭慧红\n"
        "关于巡察整改进展情况的通报\n\n现将整改情况通报如下。\n"
    )
    assert check_text(text) == []


# ---------------------------------------------------------------------------------------------
# GW403: no fix when the "title" is page chrome


def test_title_that_looks_like_chrome_gets_no_fix() -> None:
    (finding,) = [
        f
        for f in check_text("本级巡察整改:东山区巡察整改情况的通报。\n\n现将有关情况通报如下。\n")
        if f.code == "GW403"
    ]
    assert finding.fix is None


def test_real_title_with_a_stop_keeps_its_fix() -> None:
    (finding,) = [
        f
        for f in check_text("关于巡察整改进展情况的通报。\n\n现将有关情况通报如下。\n")
        if f.code == "GW403"
    ]
    assert finding.fix == "关于巡察整改进展情况的通报"


# ---------------------------------------------------------------------------------------------
# GW508: a date that lost its 日 — not a count of days; GW107 on 整改措施 under a heading


@pytest.mark.parametrize(
    "text", ["截至2023年3月14，已完成整改。", "于二〇二三年三月十四召开会议。"]
)
def test_date_missing_its_day_is_reported(text: str) -> None:
    assert codes(check_text(text), "GW508") == ["GW508"]


@pytest.mark.parametrize(
    "text", ["于2023年3月14日召开。", "2023年3月15个工作日内办结。", "2022年1—9月，共整改12项。"]
)
def test_complete_dates_and_counts_of_days_are_no_missing_day(text: str) -> None:
    assert codes(check_text(text), "GW508") == []


def test_repeated_lead_in_measures_under_a_numbered_heading_is_reported() -> None:
    text = (
        "一、整改情况\n1.关于“主体责任不够到位”的问题。\n"
        "整改措施:一是修订责任清单;二是开展廉政谈话;二是建立季度报告制度。\n"
    )
    assert codes(check_text(text), "GW107") == ["GW107"]


# ---------------------------------------------------------------------------------------------
# GW306: a paragraph of prose that lost its closing 。 — not fields, headings or short lines


@pytest.mark.parametrize(
    "text",
    [
        "一、工作情况\n问题2:共驻共建机制作用不明显。驻区单位参与社区治理积极性不高\n",
        "一、工作情况\n11月4日,领导小组对9家单位进行了约谈,整改完成后将适时开展抽查\n",
    ],
)
def test_prose_that_lost_its_stop_is_reported(text: str) -> None:
    assert codes(check_text(text), "GW306") == ["GW306"]


@pytest.mark.parametrize(
    "text",
    [
        "一、工作情况\n整改措施:压减会议。整改时限:2025年12月底 责任处室:办公室 "
        "完成情况:正在推进\n",
        "一、工作情况\n联系人:张三,联系电话:0531-82746503\n",
        "一、强化政治站位\n二、坚持问题导向\n",
        "一、工作情况\n整改完成后，区纪委监委将适时开展抽查。\n",
    ],
)
def test_fields_headings_and_finished_sentences_need_no_stop(text: str) -> None:
    assert codes(check_text(text), "GW306") == []
