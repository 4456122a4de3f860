"""Tests for gongwen.dates: 公文 dates, date ranges, and dates found in running text."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen.dates import (
    Numerals,
    RunTogetherDate,
    find_dates,
    find_run_together_dates,
    format_date,
    format_date_range,
    parse_date,
    parse_date_range,
)
from gongwen.i18n import use_language

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
NUMERALS = st.sampled_from(["arabic", "chinese"])


# --- format_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 3, 14), "2023年3月14日"),
        (date(2023, 10, 1), "2023年10月1日"),
        (date(2023, 1, 9), "2023年1月9日"),
        (date(2000, 12, 31), "2000年12月31日"),
    ],
)
def test_format_date_arabic_is_full_year_without_zero_padding(d: date, expected: str) -> None:
    assert format_date(d) == expected
    assert format_date(d, "arabic") == expected


@given(DATES)
def test_format_date_arabic_matches_the_gbt9704_pattern_for_every_date(d: date) -> None:
    assert format_date(d) == f"{d.year}年{d.month}月{d.day}日"


@given(DATES)
def test_format_date_arabic_agrees_with_cldrs_chinese_long_date(d: date) -> None:
    from babel.dates import format_date as cldr_format_date  # an independent oracle

    assert format_date(d) == cldr_format_date(d, "long", locale="zh_CN")


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2023, 3, 14), "二〇二三年三月十四日"),
        (date(2000, 10, 1), "二〇〇〇年十月一日"),
        (date(2008, 8, 8), "二〇〇八年八月八日"),
        (date(1999, 11, 30), "一九九九年十一月三十日"),
        (date(2023, 12, 31), "二〇二三年十二月三十一日"),
        (date(2023, 1, 20), "二〇二三年一月二十日"),
    ],
)
def test_format_date_chinese_writes_year_digit_by_digit_with_ling_circle(
    d: date, expected: str
) -> None:
    assert format_date(d, "chinese") == expected


def test_format_date_chinese_uses_u3007_for_zero_never_ling() -> None:
    text = format_date(date(2005, 1, 1), "chinese")
    assert text.startswith("二\u3007\u3007五")
    assert "零" not in text


def test_format_date_rejects_unknown_numeral_style() -> None:
    with pytest.raises(ValueError, match="'roman'"):
        format_date(date(2023, 3, 14), "roman")  # type: ignore[arg-type]


# --- parse_date --------------------------------------------------------------------------------


@given(DATES, NUMERALS)
def test_parse_date_inverts_format_date(d: date, numerals: Numerals) -> None:
    assert parse_date(format_date(d, numerals)) == d


@pytest.mark.parametrize(
    "text",
    [
        "2023年3月14日",
        "2023年03月14日",
        " 2023年3月14日\n",
        "2023 年 3 月 14 日",
        "２０２３年３月１４日",
        "二〇二三年三月十四日",
        "二零二三年三月十四日",  # 零 for 〇: wrong, but real documents have it
        "二○二三年三月十四日",  # U+25CB WHITE CIRCLE
        "二O二三年三月十四日",  # Latin capital O
        "二0二三年三月十四日",
        "二〇二三年三月一十四日",  # the 一十X variant of 10-19
        "2023-03-14",
        "2023-3-14",
        "2023.3.14",
        "2023/3/14",
        "2023/03/14",
    ],
)
def test_parse_date_accepts_the_forms_real_documents_use(text: str) -> None:
    assert parse_date(text) == date(2023, 3, 14)


@pytest.mark.parametrize(
    ("text", "message", "english"),
    [
        ("2023年2月30日", "2023年2月只有 28 天，没有 30 日", "2023年2月 has 28 days, not 30"),
        ("2024年2月30日", "2024年2月只有 29 天，没有 30 日", "2024年2月 has 29 days, not 30"),
        ("2023年4月31日", "2023年4月只有 30 天，没有 31 日", "2023年4月 has 30 days, not 31"),
        ("2023年13月1日", "没有 13 月", "there is no month 13"),
        ("2023年0月1日", "没有 0 月", "there is no month 0"),
        ("2023年1月0日", "只有 31 天，没有 0 日", "has 31 days, not 0"),
        ("二〇二三年二月三十日", "只有 28 天，没有 30 日", "has 28 days, not 30"),
        ("2023-02-29", "只有 28 天，没有 29 日", "has 28 days, not 29"),
        ("0000年1月1日", "年份应为 1 至 9999", "the year must be 1 to 9999"),
    ],
)
def test_parse_date_rejects_impossible_dates_saying_why(
    text: str, message: str, english: str
) -> None:
    with pytest.raises(ValueError, match=message) as info:
        parse_date(text)
    assert f"“{text}”" in str(info.value)
    with use_language("en"), pytest.raises(ValueError, match=english) as info:
        parse_date(text)
    assert f"“{text}” is not a valid date" in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "3月14日",  # no year
        "23年3月14日",  # shortened year
        "2023年3月",  # no day
        "2023年3月14",
        "2023年3月14日印发",
        "2023-03/14",  # mixed separators
        "20230314",
        "二〇二三年三月十四",
        "二三年三月十四日",
        "二〇二三年三月一百日",
        "二〇二三年十十月一日",
        "2023年三月十四日",  # mixed numeral kinds
    ],
)
def test_parse_date_rejects_malformed_text_naming_it(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text)
    assert f"“{text}”" in str(info.value)


# --- format_date_range / parse_date_range -----------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "numerals", "expected"),
    [
        (date(2022, 4, 12), date(2022, 7, 8), "arabic", "2022年4月12日至7月8日"),
        (date(2022, 4, 12), date(2022, 4, 20), "arabic", "2022年4月12日至4月20日"),
        (date(2022, 12, 28), date(2023, 1, 3), "arabic", "2022年12月28日至2023年1月3日"),
        (date(2022, 4, 12), date(2022, 4, 12), "arabic", "2022年4月12日"),
        (date(2022, 4, 12), date(2022, 7, 8), "chinese", "二〇二二年四月十二日至七月八日"),
        (
            date(2022, 12, 28),
            date(2023, 1, 3),
            "chinese",
            "二〇二二年十二月二十八日至二〇二三年一月三日",
        ),
    ],
)
def test_format_date_range_omits_the_shared_year_and_keeps_the_month(
    start: date, end: date, numerals: Numerals, expected: str
) -> None:
    assert format_date_range(start, end, numerals) == expected


def test_format_date_range_rejects_an_end_before_the_start() -> None:
    with pytest.raises(ValueError, match="结束早于开始：2022-04-20 至 2022-04-12"):
        format_date_range(date(2022, 4, 20), date(2022, 4, 12))
    with use_language("en"), pytest.raises(ValueError, match="2022-04-20 to 2022-04-12"):
        format_date_range(date(2022, 4, 20), date(2022, 4, 12))


@given(DATES, st.integers(min_value=0, max_value=800), NUMERALS)
def test_parse_date_range_inverts_format_date_range(
    start: date, length: int, numerals: Numerals
) -> None:
    end = start + timedelta(days=length)
    assert parse_date_range(format_date_range(start, end, numerals)) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年4月12日至20日", (date(2022, 4, 12), date(2022, 4, 20))),
        ("2022年4月12日到4月20日", (date(2022, 4, 12), date(2022, 4, 20))),
        ("2022年4月12日—7月8日", (date(2022, 4, 12), date(2022, 7, 8))),
        ("2022年4月12日～7月8日", (date(2022, 4, 12), date(2022, 7, 8))),
        ("2022年4月12日——7月8日", (date(2022, 4, 12), date(2022, 7, 8))),
        ("2022年4月12日 至 2022年7月8日", (date(2022, 4, 12), date(2022, 7, 8))),
        ("二〇二二年四月十二日至二十日", (date(2022, 4, 12), date(2022, 4, 20))),
        ("2022-04-12至2022-04-20", (date(2022, 4, 12), date(2022, 4, 20))),
        ("２０２２年４月１２日至２０日", (date(2022, 4, 12), date(2022, 4, 20))),
    ],
)
def test_parse_date_range_lets_the_end_inherit_year_and_month(
    text: str, expected: tuple[date, date]
) -> None:
    assert parse_date_range(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2022年12月28日至1月3日", "结束早于开始"),  # year not inherited forward
        ("2022年4月20日至12日", "结束早于开始"),
        ("4月12日至20日", "开始“4月12日”不是完整的日期"),
        ("2022年4月12日至", "读不出结束日期"),
        ("2022年4月12日至下旬", "读不出结束日期“下旬”"),
        ("2022年4月12日至4月31日", "只有 30 天，没有 31 日"),
        ("2022年4月12日至2023年2月30日", "只有 28 天，没有 30 日"),
        ("2022年4月12日至5月1日至6月1日", "连接词不止一个"),
        ("本月", "不是日期范围"),
    ],
)
def test_parse_date_range_rejects_bad_ranges_saying_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        parse_date_range(text)
    assert f"“{text}”" in str(info.value)
    with use_language("en"), pytest.raises(ValueError, match=re.escape(f"“{text}”")) as info:
        parse_date_range(text)
    assert "date range" in str(info.value)


# --- find_dates --------------------------------------------------------------------------------


def test_find_dates_returns_offsets_that_slice_out_each_date() -> None:
    text = "经研究，定于2023年3月14日召开会议，请于二〇二三年三月十日前报名。2022年以来……"
    found = find_dates(text)
    assert [d for _, _, d in found] == [date(2023, 3, 14), date(2023, 3, 10)]
    assert [text[s:e] for s, e, _ in found] == ["2023年3月14日", "二〇二三年三月十日"]


@given(st.text(alphabet="，。会议通知于前后", max_size=5), DATES, NUMERALS, st.text(max_size=5))
def test_find_dates_finds_a_formatted_date_in_any_context(
    before: str, d: date, numerals: Numerals, after: str
) -> None:
    written = format_date(d, numerals)
    found = find_dates(before + written + after)
    assert (len(before), len(before) + len(written), d) in found


@pytest.mark.parametrize(
    "text",
    [
        "2019年以来",
        "2023年3月",
        "3月14日",
        "2023年2月30日",  # shaped like a date, but there is no such day
        "12023年3月14日",  # five-digit number
        "2022412日",  # run-together: see find_run_together_dates
    ],
)
def test_find_dates_ignores_partial_impossible_and_run_together_dates(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_counts_full_width_digits_keeping_offsets() -> None:
    assert find_dates("于２０２３年３月１４日") == [(1, 11, date(2023, 3, 14))]


def test_find_dates_sorts_arabic_and_chinese_dates_into_text_order() -> None:
    text = "二〇二三年一月一日和2022年1月1日"
    assert [d for _, _, d in find_dates(text)] == [date(2023, 1, 1), date(2022, 1, 1)]


# --- find_run_together_dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("2022412日", (date(2022, 4, 12),)),  # 41|2 is no month
        ("202278日", (date(2022, 7, 8),)),  # 78 is no month
        ("2022111日", (date(2022, 1, 11), date(2022, 11, 1))),  # ambiguous: both kept
        ("2022101日", (date(2022, 1, 1), date(2022, 10, 1))),
        ("20221231日", (date(2022, 12, 31),)),
        ("20220412日", (date(2022, 4, 12),)),
        ("2022年412日", (date(2022, 4, 12),)),  # only 月 lost
        ("20224月12日", (date(2022, 4, 12),)),  # only 年 lost
    ],
)
def test_find_run_together_dates_lists_every_valid_month_day_split(
    text: str, candidates: tuple[date, ...]
) -> None:
    assert find_run_together_dates(text) == [RunTogetherDate(0, len(text), text, candidates)]


def test_find_run_together_dates_reports_offsets_in_running_text() -> None:
    text = "会议于202278日召开，2022412日结束。"
    found = find_run_together_dates(text)
    assert [(r.start, r.end, r.text) for r in found] == [(3, 10, "202278日"), (13, 21, "2022412日")]
    assert all(text[r.start : r.end] == r.text for r in found)


def test_find_run_together_dates_keeps_full_width_text_as_written() -> None:
    [found] = find_run_together_dates("２０２２４１２日")
    assert found.text == "２０２２４１２日"
    assert found.candidates == (date(2022, 4, 12),)


@pytest.mark.parametrize(
    "text",
    [
        "2022年",
        "2022年以来",
        "2022年4月12日",  # a complete date
        "2022年12月1日",
        "二〇二二年四月十二日",
        "2022991日",  # no valid split: 9|91, 99|1
        "2022139日",  # 1|39, 13|9
        "共计365日",
        "100000日",
        "12022412日",  # the digits before would make the year five digits
    ],
)
def test_find_run_together_dates_ignores_complete_dates_and_impossible_runs(text: str) -> None:
    assert find_run_together_dates(text) == []


@given(DATES)
def test_find_run_together_dates_recovers_a_date_that_lost_year_and_month(d: date) -> None:
    text = f"{d.year}{d.month}{d.day}日"
    [found] = find_run_together_dates(text)
    assert d in found.candidates
