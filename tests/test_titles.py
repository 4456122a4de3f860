"""Title breaking (cl. 7.3.1) on generated realistic titles and on arbitrary text."""

from __future__ import annotations

import itertools
import math
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import layout
from gongwen.compose import broken_titles, compose, set_width_chars, title_text
from gongwen.layout import StyleRole
from gongwen.model import Notice
from gongwen.read.docx import read_docx_bytes
from gongwen.titles import (
    MIN_LINE_SHARE,
    break_title,
    line_problems,
    segment,
)
from gongwen.widths import text_width_chars
from gongwen.write import render_bytes
from tests.realistic import realistic_title
from tests.strategies import HAN

CAPACITY = layout.TITLE_CHARS_PER_LINE  # 20 characters of 22 pt in 156 mm


def word_boundaries(text: str) -> set[int]:
    return set(itertools.accumulate(len(w) for w in segment(text)))


def generated_titles(count: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    return [realistic_title(rng) for _ in range(count)]


def test_capacity_is_20_characters_of_22_pt() -> None:
    # 156 mm = 8845 twips; a 22 pt character is 440 twips: 20 fit, 21 do not
    assert CAPACITY == 20
    assert 20 * 440 <= layout.TYPE_AREA_WIDTH_TWIPS < 21 * 440


def test_generated_titles_break_into_balanced_lines_of_whole_words() -> None:
    broken = 0
    for title in generated_titles(300):
        lines = break_title(title, width=set_width_chars)
        assert "".join(lines) == title
        widths = [set_width_chars(line) for line in lines]
        assert max(widths) <= CAPACITY, lines
        if len(lines) == 1:
            assert set_width_chars(title) <= CAPACITY
            continue
        broken += 1
        assert len(lines) == math.ceil(set_width_chars(title) / CAPACITY), lines  # fewest lines
        assert min(widths) >= MIN_LINE_SHARE * max(widths), lines
        assert all(len(line) > 1 for line in lines), lines
        cuts = set(itertools.accumulate(len(line) for line in lines[:-1]))
        assert cuts <= word_boundaries(title), (lines, segment(title))
        assert line_problems(lines, set_width_chars) == []
    assert broken > 100  # the set exercises breaking, not only titles that fit


def test_issue_examples_break_at_the_joints() -> None:
    # The five batch reports ended …进展情况的通 / 报 (issue 13).
    assert break_title("二七新村街道社区综合党委关于巡察整改进展情况的通报") == [
        "二七新村街道社区综合党委",
        "关于巡察整改进展情况的通报",
    ]
    long = (
        "中共济南市市中区委巡察工作领导小组办公室关于二七新村街道社区综合党委巡察整改进展情况的通报"
    )
    lines = break_title(long)
    assert lines[0] == "中共济南市市中区委巡察工作领导小组办公室"
    assert "综合党委" in lines[1]  # the organ's name is not split
    assert lines[-1].endswith("的通报")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=HAN + "0123456789、《》（）", min_size=1, max_size=90))
def test_any_text_fits_the_type_area_and_keeps_every_character(text: str) -> None:
    lines = break_title(text)
    assert "".join(lines) == text
    assert all(line for line in lines)
    # measured as break_title's default measures: a Chinese character 1 字, others half
    assert all(text_width_chars(line) <= CAPACITY for line in lines)


def test_author_lines_are_kept_and_checked() -> None:
    given_lines = "二七新村街道社区综合党委关于巡察整改进展情况的通\n报"
    assert title_text(given_lines) == given_lines
    assert line_problems(given_lines.split("\n")) == ["第2行只有一个字", "第2行不足最长行的40%"]
    assert line_problems(["甲乙丙丁戊己庚辛", "壬癸", "甲乙丙丁戊己庚辛"]) == [
        "第2行不足最长行的40%",
        "中间行比上下行都短（沙漏形），应为梯形或菱形",
    ]


def test_compose_breaks_notice_attachment_and_issuer_mark() -> None:
    notice = Notice.model_validate(
        {
            "title": "二七新村街道社区综合党委关于巡察整改进展情况的通报",
            "header": {
                "issuer_mark": {
                    "organs": ["中共济南市市中区委巡察工作领导小组办公室"],
                    "with_wenjian": True,
                }
            },
            "body": ["正文。"],
            "attachments": [
                {
                    "title": "二七新村街道社区综合党委巡察整改问题清单及整改措施完成情况",
                    "body": ["附件正文。"],
                }
            ],
        }
    )
    texts = {b.role: b.text for b in compose(notice) if hasattr(b, "role")}
    assert texts[StyleRole.TITLE] == "二七新村街道社区综合党委\n关于巡察整改进展情况的通报"
    assert texts[StyleRole.ISSUER_MARK].split("\n")[-1].endswith("文件")
    assert len(texts[StyleRole.ISSUER_MARK].split("\n")) == 2
    attachment = texts[StyleRole.ATTACHMENT_TITLE].split("\n")
    assert len(attachment) == 2 and line_problems(attachment) == []


def test_the_segmenter_is_loaded_only_when_a_title_needs_breaking() -> None:
    code = (
        "import sys; from gongwen.compose import compose; from gongwen.model import Notice;"
        "compose(Notice(title='关于开展安全检查的通知', body=['正文。']));"
        "print('jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_very_long_title_is_cut_quickly_into_full_lines() -> None:
    text = "关于" + "巡察整改进展情况" * 1500 + "的通报"  # 12,005 characters
    lines = break_title(text)
    assert "".join(lines) == text
    assert all(text_width_chars(line) <= CAPACITY for line in lines)
    assert len(lines) == math.ceil(len(text) / CAPACITY)


@pytest.mark.parametrize("with_wenjian", [True, False])
def test_broken_titles_read_back_as_given(with_wenjian: bool) -> None:
    notice = Notice.model_validate(
        {
            "title": "中共济南市市中区委巡察工作领导小组办公室关于二七新村街道社区综合党委巡察整改"
            "进展情况的通报",
            "header": {
                "issuer_mark": {
                    "organs": ["中共济南市市中区委巡察工作领导小组办公室"],
                    "with_wenjian": with_wenjian,
                },
                "document_number": "市中巡办发〔2023〕5号",
            },
            "body": ["正文。"],
            "attachments": [
                {
                    "title": "二七新村街道社区综合党委巡察整改问题清单及整改措施完成情况",
                    "body": ["附件正文。"],
                }
            ],
        }
    )
    # the organ is 20 characters: it fits alone, with 文件 it is broken
    mark = ["header.issuer_mark"] if with_wenjian else []
    assert broken_titles(notice) == ["title", "attachments[0].title", *mark]
    result = read_docx_bytes(render_bytes(notice))
    assert result.notice == notice
    assert result.findings == []
