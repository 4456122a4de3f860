"""Tests for gongwen.numbering: Chinese numerals and the ordinals of 公文."""

from __future__ import annotations

import re

import cn2an
import pytest

from gongwen.i18n import use_language
from gongwen.numbering import (
    MAX_ORDINAL,
    OrdinalRangeError,
    ParsedOrdinal,
    attachment_label,
    chinese_numeral,
    heading_ordinal,
    measure_lead,
    parse_attachment_label,
    parse_chinese_numeral,
    parse_heading_ordinal,
    parse_measure_lead,
    parse_problem_label,
    problem_label,
)

ALL = range(1, MAX_ORDINAL + 1)
OUT_OF_RANGE = [0, -1, MAX_ORDINAL + 1, 10**6]


# --- Chinese numerals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (105, "一百零五"),
        (110, "一百一十"),
        (111, "一百一十一"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (2005, "二千零五"),
        (9999, "九千九百九十九"),
    ],
)
def test_chinese_numeral_writes_the_canonical_form(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


def test_chinese_numeral_agrees_with_cn2an_for_every_value() -> None:
    # cn2an is an independent implementation. Its conventions match ours over the whole range:
    # 十 alone for 10-19 (not 一十X), 一十 written inside larger numbers (110 = 一百一十),
    # one 零 per run of skipped places. So there is nothing to normalise; if a future cn2an
    # changed one of these conventions, this test should fail and be looked at, not patched.
    mismatches = {n: (chinese_numeral(n), cn2an.an2cn(n)) for n in ALL}
    mismatches = {n: pair for n, pair in mismatches.items() if pair[0] != pair[1]}
    assert mismatches == {}


def test_parse_chinese_numeral_inverts_chinese_numeral_for_every_value() -> None:
    assert [parse_chinese_numeral(chinese_numeral(n)) for n in ALL] == list(ALL)


def test_parse_chinese_numeral_agrees_with_cn2an_strict_reading() -> None:
    for n in ALL:
        text = chinese_numeral(n)
        assert parse_chinese_numeral(text) == cn2an.cn2an(text, "strict") == n


@pytest.mark.parametrize("n", range(10, 20))
def test_parse_chinese_numeral_accepts_yi_shi_variant_for_ten_to_nineteen(n: int) -> None:
    assert parse_chinese_numeral("一" + chinese_numeral(n)) == n


@pytest.mark.parametrize("n", OUT_OF_RANGE)
def test_chinese_numeral_rejects_out_of_range(n: int) -> None:
    with pytest.raises(OrdinalRangeError, match=f"只用于 1 至 9999，实为 {n}"):
        chinese_numeral(n)
    with use_language("en"), pytest.raises(OrdinalRangeError, match=f"for 1 to 9999, got {n}"):
        chinese_numeral(n)


def test_out_of_range_error_is_a_value_error_with_the_documented_message() -> None:
    with pytest.raises(ValueError) as info:
        chinese_numeral(0)
    assert str(info.value) == "汉字数字只用于 1 至 9999，实为 0"
    assert isinstance(info.value, OrdinalRangeError)


def test_chinese_numeral_rejects_bool() -> None:
    with pytest.raises(TypeError):
        chinese_numeral(True)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "零",
        "一百十",  # 110 needs its 一十 inside a larger number
        "一千零零一",  # one 零 per gap, not one per skipped place
        "一千一",  # colloquial shortening of 1100
        "一百零",
        "两",  # strict: 两 is not accepted
        "二〇",  # 〇 labels a digit (二〇二三年); it never counts
        "十十",
        "一万",
        " 一",
        "一 ",
        "11",
    ],
)
def test_parse_chinese_numeral_rejects_non_canonical_text_naming_it(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"“{text}”")) as info:
        parse_chinese_numeral(text)
    assert not isinstance(info.value, OrdinalRangeError)


def test_parse_chinese_numeral_accepts_yi_shi_for_ten() -> None:
    assert parse_chinese_numeral("一十") == 10


# --- heading ordinals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "n", "expected"),
    [
        (1, 1, "一、"),
        (1, 10, "十、"),
        (1, 11, "十一、"),
        (2, 1, "（一）"),
        (2, 21, "（二十一）"),
        (3, 1, "1."),
        (3, 12, "12."),
        (4, 1, "（1）"),
        (4, 12, "（12）"),
    ],
)
def test_heading_ordinal_uses_the_four_forms_of_cl_7_3_3(level: int, n: int, expected: str) -> None:
    assert heading_ordinal(level, n) == expected


def test_heading_ordinal_uses_full_width_brackets_and_ascii_full_stop() -> None:
    assert heading_ordinal(2, 1)[0] == "\uff08" and heading_ordinal(2, 1)[-1] == "\uff09"
    assert heading_ordinal(4, 1)[0] == "\uff08" and heading_ordinal(4, 1)[-1] == "\uff09"
    assert heading_ordinal(3, 1)[-1] == "\u002e"
    assert heading_ordinal(1, 1)[-1] == "\u3001"


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_parse_heading_ordinal_inverts_heading_ordinal_for_every_value(level: int) -> None:
    for n in ALL:
        parsed = parse_heading_ordinal(heading_ordinal(level, n) + "正文")
        assert parsed == ParsedOrdinal(level, n, "正文")


@pytest.mark.parametrize("level", [0, 5, -1])
def test_heading_ordinal_rejects_undefined_levels(level: int) -> None:
    with pytest.raises(ValueError, match=f"标题层级为 1 至 4，实为 {level}"):
        heading_ordinal(level, 1)


@pytest.mark.parametrize("level", [1, 2, 3, 4])
@pytest.mark.parametrize("n", OUT_OF_RANGE)
def test_heading_ordinal_rejects_out_of_range_numbers(level: int, n: int) -> None:
    with pytest.raises(OrdinalRangeError):
        heading_ordinal(level, n)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体要求", ParsedOrdinal(1, 1, "总体要求")),
        ("十一、其他", ParsedOrdinal(1, 11, "其他")),
        ("一十、其他", ParsedOrdinal(1, 10, "其他")),
        ("二、 主要任务", ParsedOrdinal(1, 2, "主要任务")),
        ("　　三、保障措施", ParsedOrdinal(1, 3, "保障措施")),  # full-width indent
        ("（一）加强领导", ParsedOrdinal(2, 1, "加强领导")),
        ("(一)加强领导", ParsedOrdinal(2, 1, "加强领导")),
        ("(一）加强领导", ParsedOrdinal(2, 1, "加强领导")),
        ("（一)加强领导", ParsedOrdinal(2, 1, "加强领导")),
        ("（ 二 ） 加强领导", ParsedOrdinal(2, 2, "加强领导")),
        ("（一）、加强领导", ParsedOrdinal(2, 1, "、加强领导")),  # the error stays visible
        ("1.明确职责。", ParsedOrdinal(3, 1, "明确职责。")),
        ("1．明确职责。", ParsedOrdinal(3, 1, "明确职责。")),
        ("1、明确职责。", ParsedOrdinal(3, 1, "明确职责。")),
        ("1. 2019年以来，", ParsedOrdinal(3, 1, "2019年以来，")),
        ("１２．明确职责", ParsedOrdinal(3, 12, "明确职责")),
        ("3.", ParsedOrdinal(3, 3, "")),
        ("（1）按时报送", ParsedOrdinal(4, 1, "按时报送")),
        ("(1)按时报送", ParsedOrdinal(4, 1, "按时报送")),
        ("(10）按时报送", ParsedOrdinal(4, 10, "按时报送")),
    ],
)
def test_parse_heading_ordinal_tolerates_real_document_forms(
    text: str, expected: ParsedOrdinal
) -> None:
    assert parse_heading_ordinal(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "总体要求",
        "1.5万元用于培训",  # a decimal
        "1．5万元",
        "2019年以来",
        "2019.3.14召开会议",
        "一是加强学习",  # a measure lead, not a heading
        "一，加强学习",  # level 1 needs 、
        "一,加强学习",
        "第一、",
        "十分重要",
        "零、",
        "一百十、",  # not a canonical numeral
        "0.总则",
        "01.总则",
        "12345.总则",
        "（0）",
        "（）空",
        "1）按时",
        "①按时",
    ],
)
def test_parse_heading_ordinal_returns_none_without_an_ordinal(text: str) -> None:
    assert parse_heading_ordinal(text) is None


# --- measure leads -----------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "expected"), [(1, "一是"), (10, "十是"), (11, "十一是")])
def test_measure_lead_writes_chinese_numeral_and_shi(n: int, expected: str) -> None:
    assert measure_lead(n) == expected


def test_parse_measure_lead_inverts_measure_lead_for_every_value() -> None:
    for n in ALL:
        assert parse_measure_lead(measure_lead(n) + "加强学习") == (n, "加强学习")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一是加强学习；", (1, "加强学习；")),
        ("二是，完善制度", (2, "完善制度")),
        ("三是、强化监督", (3, "强化监督")),
        ("四是,强化监督", (4, "强化监督")),
        ("　　五是 强化监督", (5, "强化监督")),
    ],
)
def test_parse_measure_lead_strips_a_stray_comma_or_dunhao(
    text: str, expected: tuple[int, str]
) -> None:
    assert parse_measure_lead(text) == expected


@pytest.mark.parametrize("text", ["", "一、总体要求", "是非分明", "第一是", "一百十是", "一定要"])
def test_parse_measure_lead_returns_none_without_a_lead(text: str) -> None:
    assert parse_measure_lead(text) is None


@pytest.mark.parametrize("n", OUT_OF_RANGE)
def test_measure_lead_rejects_out_of_range(n: int) -> None:
    with pytest.raises(OrdinalRangeError):
        measure_lead(n)


# --- problem labels ----------------------------------------------------------------------------


def test_problem_label_uses_arabic_number_and_full_width_colon() -> None:
    assert problem_label(1) == "问题1："
    assert problem_label(12)[-1] == "\uff1a"


def test_parse_problem_label_inverts_problem_label_for_every_value() -> None:
    for n in ALL:
        assert parse_problem_label(problem_label(n) + "2019年以来") == (n, "2019年以来")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("问题1：理论学习不够深入", (1, "理论学习不够深入")),
        ("问题1:理论学习不够深入", (1, "理论学习不够深入")),
        ("问题 1 ： 理论学习不够深入", (1, "理论学习不够深入")),
        ("问题2理论学习不够深入", (2, "理论学习不够深入")),
        ("问题3 2019年以来", (3, "2019年以来")),
        ("问题12", (12, "")),
        ("　　问题4：整改", (4, "整改")),
    ],
)
def test_parse_problem_label_tolerates_lost_or_half_width_colon(
    text: str, expected: tuple[int, str]
) -> None:
    assert parse_problem_label(text) == expected


def test_parse_problem_label_uses_expected_to_split_digits_run_into_the_text() -> None:
    assert parse_problem_label("问题82019年以来", expected=8) == (8, "2019年以来")
    assert parse_problem_label("问题102019年以来", expected=10) == (10, "2019年以来")


def test_parse_problem_label_ignores_expected_when_a_separator_is_present() -> None:
    # The colon makes the digits unambiguous: the document really says 12, whatever we expected.
    assert parse_problem_label("问题12：整改", expected=1) == (12, "整改")
    assert parse_problem_label("问题12 整改", expected=1) == (12, "整改")


def test_parse_problem_label_takes_all_digits_when_expected_does_not_match() -> None:
    assert parse_problem_label("问题9整改", expected=8) == (9, "整改")
    assert parse_problem_label("问题92019年以来", expected=8) is None  # 92019 > 9999


def test_parse_problem_label_without_expected_cannot_split_a_year() -> None:
    assert parse_problem_label("问题82019年以来") is None
    assert parse_problem_label("问题8201") == (8201, "")


@pytest.mark.parametrize("text", ["", "存在问题：无", "问题：无", "问题0：无", "问题01：无"])
def test_parse_problem_label_returns_none_without_a_label(text: str) -> None:
    assert parse_problem_label(text) is None


@pytest.mark.parametrize("n", OUT_OF_RANGE)
def test_problem_label_rejects_out_of_range(n: int) -> None:
    with pytest.raises(OrdinalRangeError):
        problem_label(n)


# --- attachment labels -------------------------------------------------------------------------


def test_attachment_label_is_unnumbered_for_a_single_attachment() -> None:
    assert attachment_label(1, 1) == "附件"


def test_attachment_label_is_numbered_when_there_are_several() -> None:
    assert [attachment_label(n, 3) for n in (1, 2, 3)] == ["附件1", "附件2", "附件3"]


def test_parse_attachment_label_inverts_attachment_label() -> None:
    assert parse_attachment_label(attachment_label(1, 1)) == (None, "")
    for n in ALL:
        assert parse_attachment_label(attachment_label(n, MAX_ORDINAL)) == (n, "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("附件", (None, "")),
        ("附件：", (None, "")),
        ("附件：1.关于开展调研的通知", (None, "1.关于开展调研的通知")),
        ("附件 关于开展调研的通知", (None, "关于开展调研的通知")),
        ("附件1", (1, "")),
        ("附件 2", (2, "")),
        ("附件２", (2, "")),
        ("附件3关于开展调研的通知", (3, "关于开展调研的通知")),
        ("附件3：关于开展调研的通知", (3, "关于开展调研的通知")),
    ],
)
def test_parse_attachment_label_reads_real_labels(
    text: str, expected: tuple[int | None, str]
) -> None:
    assert parse_attachment_label(text) == expected


def test_parse_attachment_label_uses_expected_for_a_title_starting_with_digits() -> None:
    assert parse_attachment_label("附件12023年工作要点", expected=1) == (1, "2023年工作要点")


@pytest.mark.parametrize("text", ["", "附件材料请于3月底前报送", "见附件", "附件0"])
def test_parse_attachment_label_returns_none_for_the_word_in_a_sentence(text: str) -> None:
    assert parse_attachment_label(text) is None


@pytest.mark.parametrize(
    ("n", "count", "error"),
    [
        (0, 1, OrdinalRangeError),
        (1, 0, OrdinalRangeError),
        (MAX_ORDINAL + 1, MAX_ORDINAL + 1, OrdinalRangeError),
        (2, 1, ValueError),
        (4, 3, ValueError),
    ],
)
def test_attachment_label_rejects_numbers_outside_the_attachments(
    n: int, count: int, error: type[Exception]
) -> None:
    with pytest.raises(error):
        attachment_label(n, count)
