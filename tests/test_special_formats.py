"""The special formats of GB/T 9704 cl. 10 as data: the model's checks and the blocks."""

from __future__ import annotations

from typing import Any

import pytest

from gongwen import InputError, load_notice, notice_from_data
from gongwen.compose import Block, ImprintBlock, compose, paragraphs
from gongwen.layout import StyleRole
from gongwen.special_formats import (
    LETTER_BOTTOM_RULE_TOP_TWIPS,
    LETTER_MARK_FRAME_TOP_TWIPS,
    LETTER_RULE_TOP_TWIPS,
    mark_with_suffix,
)
from tests.conftest import EXAMPLES

BASE: dict[str, Any] = {"title": "关于某事的函", "body": ["正文。"]}
MARK = {"issuer_mark": {"organs": ["青山县人民政府办公室"]}}


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({**BASE, "presentation": {"format": "letter"}}, "需要 header.issuer_mark"),
        ({**BASE, "attendance": {"present": ["张三"]}}, "请设 presentation.format: minutes"),
        ({**BASE, "header": {**MARK, "order_number": 3}}, "请设 presentation.format: order"),
        (
            {
                **BASE,
                "presentation": {"format": "minutes"},
                "header": MARK,
                "attendance": {},
            },
            "present、absent 或 attending",
        ),
        (
            {**BASE, "signature": {"date": "2024-04-20", "signer_title": "县长"}},
            "应同时给出",
        ),
        (
            {
                **BASE,
                "signature": {
                    "organs": ["甲局", "乙局"],
                    "date": "2024-04-20",
                    "seals": [{"image": "a.png"}],
                },
            },
            "每个机关一个印章",
        ),
        (
            {
                **BASE,
                "signature": {
                    "organs": ["甲局"],
                    "date": "2024-04-20",
                    "sealed": False,
                    "seals": [{"image": "a.png"}],
                },
            },
            "sealed 为 false",
        ),
        (
            {
                **BASE,
                "signature": {
                    "organs": ["甲局"],
                    "date": "2024-04-20",
                    "seals": [{"image": "a.png", "width_mm": 90}],
                },
            },
            "width_mm",
        ),
    ],
)
def test_inconsistent_special_formats_are_refused_with_the_field(
    data: dict[str, Any], words: str
) -> None:
    with pytest.raises(InputError) as caught:
        notice_from_data(data)
    assert words in str(caught.value)


def test_letter_head_places_the_mark_and_double_lines_from_the_paper_edges() -> None:
    notice = load_notice(EXAMPLES / "letter.yaml")
    blocks = paragraphs(compose(notice))
    framed = [b for b in blocks if b.frame is not None]
    assert [b.role for b in framed] == [StyleRole.ISSUER_MARK, StyleRole.BLANK, StyleRole.BLANK]
    mark, upper, lower = framed
    assert mark.text == "青山县人民政府办公室"  # the lead organ only (cl. 10.1)
    assert mark.frame is not None and mark.frame.top_twips == LETTER_MARK_FRAME_TOP_TWIPS
    assert upper.frame is not None and upper.frame.top_twips == LETTER_RULE_TOP_TWIPS
    assert lower.frame is not None and lower.frame.top_twips == LETTER_BOTTOM_RULE_TOP_TWIPS
    # 170 mm = 9638 twips, both lines; the lower 20 mm above the paper's edge: 16838 - 1134
    assert {b.frame.width_twips for b in framed if b.frame} == {9638}
    assert LETTER_BOTTOM_RULE_TOP_TWIPS == 15704
    assert upper.rule is not None and lower.rule is not None
    assert upper.rule.style != lower.rule.style  # 上粗下细 above, 上细下粗 below
    first = next(b for b in blocks if b.frame is None)
    assert first.text == "000012\t青政办函〔2024〕18号"  # 份号 left, 字号 right, one line
    assert first.right_tab_twips is not None and first.space_before_twips
    # no red rule of the ordinary format, no 印发 line, no rules in the 版记
    assert StyleRole.RED_RULE not in {b.role for b in blocks}
    (imprint,) = [e for e in compose(notice) if isinstance(e, ImprintBlock)]
    assert not imprint.ruled
    assert [b.text for b in imprint.rows] == ["抄送：县委巡察办。"]


def test_order_has_its_mark_number_and_no_title() -> None:
    notice = load_notice(EXAMPLES / "order.yaml")
    blocks = paragraphs(compose(notice))
    roles = [b.role for b in blocks]
    assert StyleRole.TITLE not in roles and StyleRole.RED_RULE not in roles
    mark = blocks[roles.index(StyleRole.ISSUER_MARK)]
    assert mark.text == "青山县人民政府令"
    number = roles.index(StyleRole.DOCUMENT_NUMBER)
    assert blocks[number].text == "第7号"
    # 令号 two lines below the 标志, the body two lines below the 令号 (cl. 10.2)
    assert roles[number - 2 : number] == [StyleRole.BLANK, StyleRole.BLANK]
    assert roles[number + 1 : number + 3] == [StyleRole.BLANK, StyleRole.BLANK]
    assert blocks[number + 3].text.startswith("《青山县巡察整改工作督办办法》")
    signer = next(b for b in blocks if b.path == "signature.signer_name")
    assert signer.text == "县长\u3000\u3000李国强"  # 职务 左空二字 of the 签名章 (cl. 7.3.5.3)
    assert signer.right_indent_chars == 4


def test_minutes_mark_and_attendance() -> None:
    notice = load_notice(EXAMPLES / "minutes.yaml")
    blocks = paragraphs(compose(notice))
    assert blocks[[b.role for b in blocks].index(StyleRole.ISSUER_MARK)].text.endswith("纪要")
    lists = [b for b in blocks if b.path.startswith("attendance.")]
    assert [b.text.split("：")[0] for b in lists] == ["出席", "请假", "列席"]
    assert all(b.runs[0].style is StyleRole.HEI for b in lists)  # labels in 黑体 (cl. 10.3)
    before = blocks[blocks.index(lists[0]) - 1]
    assert before.role is StyleRole.BLANK  # one line below the body
    assert StyleRole.RED_RULE in {b.role for b in blocks}


@pytest.mark.parametrize(
    ("organs", "suffix", "expected"),
    [
        (["某市人民政府"], "令", "某市人民政府令"),
        (["某市人民政府"], "命令", "某市人民政府命令"),
        (["国务院办公厅会议"], "纪要", "国务院办公厅会议纪要"),
        (["国务院办公厅会议纪要"], "纪要", "国务院办公厅会议纪要"),
    ],
)
def test_mark_suffix_is_added_once(organs: list[str], suffix: str, expected: str) -> None:
    from gongwen.model import IssuerMark

    assert mark_with_suffix(IssuerMark(organs=organs), suffix) == expected


def test_standard_notices_have_no_frames_rules_or_seals() -> None:
    for path in ("erqi-xincun-2023.yaml", "full.yaml", "long.yaml", "minimal.yaml"):
        blocks: list[Block] = paragraphs(compose(load_notice(EXAMPLES / path)))
        assert not any(b.frame or b.rule or b.seals or b.center_tabs_twips for b in blocks)
