"""A fix never breaks text: it changes only its finding's span, and adds no finding.

Checked on generated Chinese prose full of what a proofreader must leave alone (clock times,
ratios, ranges, decimals, dates, 《》 titles, counts) mixed with real damage (half-width marks,
lost 年月, 1、 ordinals), and on every notice of the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongwen.check import RULES, check_input, check_text, fix_source
from gongwen.check.registry import fix_inside
from gongwen.check.source import TextSource, text_source
from gongwen.check.view import CheckInput, Role
from gongwen.findings import Finding
from gongwen.widths import text_width_chars
from tests.check.corpus import corpus_dir, notice_names, notice_path, notice_source

# ---------------------------------------------------------------------------------------------
# Generated prose

WORDS = (
    "区委", "巡察组", "街道", "社区", "党委", "整改", "落实", "问题", "情况", "工作", "开展",
    "召开", "会议", "学习", "制度", "完善", "加强", "推进", "群众", "资金", "项目", "台账",
    "接待时间为", "每周一", "上午", "下午", "计划于", "前完成", "已于", "反馈了", "共",
)  # fmt: skip
LOOK_ALIKES = (
    "9:00", "14:30", "8:30-12:00", "9：30", "1:2", "3:1", "3-5个", "1.05亿元", "98.01%",
    "58.36万元", "15笔", "28所", "603个", "127次", "3人次", "12户", "9家", "2023年3月14日",
    "2022年4月12日至7月8日", "12月10日前", "2023年12月底前", "《中国共产党巡视工作条例》",
    "《关于开展巡察的通知》", "第57次会议", "区委一、二、三轮巡察", "www.gov.cn", "a@b.cn",
    "1,000", "v1.2", "(组)",
)  # fmt: skip
DAMAGE = (
    ",", ";", ":", "?", "!", "(", ")", "2022412日", "2023年3月14", "816日", "区委第巡察组",
    '"', "'", "。", "，", "、",
)  # fmt: skip
LINE_STARTS = (
    "", "", "", "1、", "2.", "(一)", "（二）", "一、", "问题3:", "问题4", "一是", "二是", "是",
    "整改情况:", "　　", "  ",
)  # fmt: skip

_pieces = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(LOOK_ALIKES), st.sampled_from(DAMAGE)),
    min_size=1,
    max_size=14,
)
# A line opens with words after its ordinal, as lines of a notice do (an ordinal followed by
# nothing but marks is no heading, and fixing its marks may change what the line is).
_line = st.builds(
    lambda start, word, pieces: start + word + "".join(pieces),
    st.sampled_from(LINE_STARTS),
    st.sampled_from(WORDS),
    _pieces,
)


def chinese_texts() -> st.SearchStrategy[str]:
    """A few lines of notice-like prose, sometimes under a title."""
    return st.builds(
        lambda title, lines: "\n".join(([title, ""] if title else []) + lines) + "\n",
        st.sampled_from(["", "关于巡察整改进展情况的通报", "关于开展专项检查的通知。"]),
        st.lists(_line, min_size=1, max_size=6),
    )


# ---------------------------------------------------------------------------------------------
# The properties


def only_inside(before: str, after: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``after`` keeps every character of ``before`` outside ``spans``, in order and in
    place: what lies between the spans must be found, unchanged, between their replacements.

    >>> only_inside("甲,乙", "甲，乙", [(1, 2)])
    True
    >>> only_inside("甲,乙", "丙，乙", [(1, 2)])
    False
    >>> only_inside("(组)(", "（组）(", [(0, 3)])
    True
    """
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    kept, at = [], 0
    for start, end in merged:
        kept.append(re.escape(before[at:start]))
        at = end
    kept.append(re.escape(before[at:]))
    return re.fullmatch("(?s:.*?)".join(kept), after) is not None


def assert_fix_stays_in_spans(source: TextSource) -> None:
    """``--fix`` changes each line only inside the spans of its findings, and the fixed text
    has no finding (code on a line) that the original did not have as often."""
    before = list(source.lines)
    findings = check_input(CheckInput(lines=list(before), file=source.file))
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        if f.fix is not None and f.span is not None and f.location.line is not None:
            spans.setdefault(f.location.line, []).append(f.span)
    result = fix_source(source)  # fixes the source's lines in place
    after = list(source.lines)
    assert len(after) == len(before)
    for number, (old, new) in enumerate(zip(before, after, strict=True), start=1):
        if old != new:
            inside = only_inside(old, new, spans.get(number, []))
            assert inside, f"line {number}: {old!r} -> {new!r} outside {spans.get(number)}"
    remeasured = MEASURED if _title_widths(before) != _title_widths(after) else frozenset()
    assert_no_new_findings(findings, result.remaining, remeasured)


MEASURED = frozenset({"GW404"})
"""Rules that measure widths: GW404 weighs a title's lines against each other (40 % of the
longest). A fix that widens or narrows a title line (a half-width mark made full-width, a
missing 日 added) changes what it weighs, and the verdict on the fixed text may differ from
the verdict on the text as written; both are right about their text. Such a finding may
appear only where the fix changed the width of a title line."""


def _title_widths(lines: list[str]) -> list[float]:
    inp = CheckInput(lines=list(lines))
    titles = (Role.TITLE, Role.ATTACHMENT_TITLE)
    return [text_width_chars(unit.content) for unit in inp.units if unit.role in titles]


def assert_no_new_findings(
    before: list[Finding], after: list[Finding], remeasured: frozenset[str] = frozenset()
) -> None:
    old = Counter((f.code, f.location.line) for f in before)
    new = Counter((f.code, f.location.line) for f in after if f.code not in remeasured)
    added = new - old
    assert not added, f"findings the fix introduced: {sorted(added)}"


def test_a_fix_that_widens_a_title_line_may_tip_its_weighing() -> None:
    """Found by the property below: the comma made full-width widens the first line by half
    a character, and the second line falls under 40 % of it: the fix changed a title line's
    width, the only case in which the property lets a measuring rule's finding appear."""
    text = "是区委巡察组,2023年12月底前\n是区委14:30\n区委区委区委\n区委区委\n"
    source = text_source(text)
    before = list(source.lines)
    findings = check_input(CheckInput(lines=list(before)))
    assert "GW404" not in {f.code for f in findings}
    remaining = fix_source(source).remaining
    assert "GW404" in {f.code for f in remaining}
    assert _title_widths(before) != _title_widths(list(source.lines))


def assert_rules_fix_inside_their_spans(text: str) -> None:
    """No rule offers a fix that reaches outside the span it reports (the registry would drop
    such a fix, silently for the user: here it is a failure)."""
    inp = CheckInput(lines=text_source(text).lines)
    for rule in RULES:
        for hit in rule.check(inp):
            if hit.fix is None or hit.unit is None or hit.span is None:
                continue
            assert fix_inside(hit.unit.text, hit.fix, hit.span), (rule.code, hit)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(chinese_texts())
@example("是区委巡察组,2023年12月底前\n是区委14:30\n区委区委区委\n区委区委\n")
def test_fix_on_generated_prose_changes_only_spans_and_adds_no_finding(text: str) -> None:
    assert_rules_fix_inside_their_spans(text)
    assert_fix_stays_in_spans(text_source(text))


@pytest.mark.parametrize("name", notice_names())
def test_fix_on_corpus_notice_changes_only_spans_and_adds_no_finding(name: str) -> None:
    path = notice_path(name)
    assert path is not None, (
        f"corpus notice {name} is missing from {corpus_dir()} (set GONGWEN_CORPUS to the corpus)"
    )
    source = notice_source(path)
    assert_rules_fix_inside_their_spans("\n".join(source.lines))
    assert_fix_stays_in_spans(source)


# ---------------------------------------------------------------------------------------------
# The reported case, and look-alikes each rule must leave alone


@pytest.mark.parametrize(
    "text",
    [
        "接待时间为每周一上午9:00、下午14:30。",
        "接待时间为每周一上午9：00、下午14：30。",
        "办公时间:8:30-12:00、14:30-17:30。",
        "按1:2的比例配备。",
    ],
)
def test_clock_times_and_ratios_are_left_alone(text: str) -> None:
    found = [f for f in check_text(text) if f.code in ("GW301", "GW304")]
    assert [f for f in found if "9" in text[f.span[0] : f.span[1]] if f.span] == []
    assert "GW304" not in [f.code for f in found]


def test_clock_time_line_gets_no_finding_at_all() -> None:
    assert check_text("接待时间为每周一上午9:00、下午14:30。\n") == []


def test_an_ordinal_after_a_colon_still_gets_its_point() -> None:
    (finding,) = [f for f in check_text("工作要求:1、加强学习。\n") if f.code == "GW304"]
    assert finding.fix == "工作要求:1.加强学习。"
    assert finding.span == (6, 7)


def test_each_half_width_mark_is_a_finding_with_its_own_span() -> None:
    text = "根据部署,现将情况通报如下:一是学习;二是整改."
    found = [f for f in check_text(text) if f.code == "GW301"]
    assert [text[f.span[0] : f.span[1]] for f in found if f.span] == [",", ":", ";", "."]
    assert all(f.fix is not None and len(f.fix) == len(text) for f in found)


def test_straight_quotes_of_odd_count_get_no_fix() -> None:
    (finding,) = [f for f in check_text('学习"三会一课"和"主题党日制度。') if f.code == "GW303"]
    assert finding.fix is None
