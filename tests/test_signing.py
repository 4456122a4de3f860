"""Seal placement on numbers (cl. 7.3.5.1, 7.3.5.3), for generated signatures."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen import layout
from gongwen.compose import compose, paragraphs
from gongwen.model import Notice
from gongwen.signing import (
    INK_BELOW_TWIPS,
    SealLayoutError,
    lines_for_seal,
    room_above_twips,
    row_centres_twips,
)

PITCH = layout.LINE_PITCH_TWIPS


@given(st.floats(min_value=5.5, max_value=60))
def test_seal_top_comes_within_one_line_of_the_text_without_covering_it(width_mm: float) -> None:
    height = layout.mm_to_twips(width_mm)
    lines = lines_for_seal(height)
    reach = height / 2  # centred on the top of the 署名's line
    room = room_above_twips(lines)
    assert reach <= room  # the seal's top stays below the characters above
    assert room - reach < PITCH  # and within one line of them (印章顶端上距正文一行之内)
    assert room == lines * PITCH + INK_BELOW_TWIPS


@given(
    st.integers(min_value=3000, max_value=layout.TYPE_AREA_WIDTH_TWIPS - 1000),
    st.lists(st.integers(min_value=300, max_value=3400), min_size=1, max_size=5),
    st.data(),
)
def test_a_row_of_seals_never_touches_and_stays_in_the_type_area(
    date_centre: int, widths: list[int], data: st.DataObject
) -> None:
    texts = data.draw(st.lists(st.integers(320, 4800), min_size=len(widths), max_size=len(widths)))
    try:
        centres = row_centres_twips(date_centre, widths, texts)
    except SealLayoutError as error:
        assert "第 7.3.5.1 条" in str(error)
        return
    assert centres[-1] == date_centre  # the last seal over the last 署名 and the date
    assert centres[0] - widths[0] // 2 >= 0  # inside the type area
    for i in range(len(centres) - 1):
        gap = centres[i + 1] - centres[i] - (widths[i] + widths[i + 1]) / 2
        assert gap >= layout.mm_to_twips(2) - 1  # 互不相交或相切
        assert centres[i + 1] - centres[i] >= (texts[i] + texts[i + 1]) / 2  # names apart


def _sealed(organs: list[str], image: Path, width: float = 42) -> Notice:
    seals = [{"image": str(image), "width_mm": width}] * len(organs)
    return Notice(
        title="关于联合开展专项检查的通知",
        body=["请认真落实。"],
        signature={"organs": organs, "date": "2024-04-22", "seals": seals},
    )


def test_one_seal_is_centred_over_the_date_with_the_signature_just_below_its_centre(
    tmp_path: Path,
) -> None:
    blocks = paragraphs(compose(_sealed(["青山县人民政府办公室"], tmp_path / "s.png")))
    row = next(b for b in blocks if b.seals)
    (seal,) = row.seals
    date = blocks[blocks.index(row) + 1]
    assert date.text == "2024年4月22日" and date.right_indent_chars == 4
    assert seal.centre_y_twips == 0  # on the top of the 署名's line: 署名 and date below
    assert [b.role.value for b in blocks[blocks.index(row) - 2 : blocks.index(row)]] == [
        "GwBlank",
        "GwBlank",
    ]
    # centred over the 成文日期: right edge less 4 字 less half the date's set width
    date_width = layout.chars_to_twips(7.5)  # 6.5 字 and five Chinese-Latin joins
    expected = layout.TYPE_AREA_WIDTH_TWIPS - layout.chars_to_twips(4) - date_width // 2
    assert seal.centre_x_twips == expected


def test_three_seals_in_a_row_and_four_large_ones_refused(tmp_path: Path) -> None:
    organs = ["青山县财政局", "青山县审计局", "青山县卫生健康局"]
    row = next(b for b in paragraphs(compose(_sealed(organs, tmp_path / "s.png"))) if b.seals)
    assert len(row.seals) == 3 and len(row.center_tabs_twips) == 3
    assert [s.centre_x_twips for s in row.seals] == list(row.center_tabs_twips)
    assert row.text == "\t青山县财政局\t青山县审计局\t青山县卫生健康局"
    with pytest.raises(SealLayoutError):
        compose(_sealed([*organs, "青山县教育局"], tmp_path / "s.png", width=45))


def test_signer_seal_replaces_the_name_and_is_centred_on_the_title_line(tmp_path: Path) -> None:
    notice = Notice(
        title="青山县人民政府令",
        body=["现予公布。"],
        header={"issuer_mark": {"organs": ["青山县人民政府"]}, "order_number": 7},
        presentation={"format": "order"},
        signature={
            "date": "2024-04-20",
            "signer_title": "县长",
            "signer_name": "李国强",
            "seals": [{"image": str(tmp_path / "sign.png"), "width_mm": 30}],
        },
    )
    line = next(b for b in paragraphs(compose(notice)) if b.seals)
    assert line.text == "县长"  # the 签名章 image stands for the name
    (seal,) = line.seals
    # the seal's right edge 右空四字, the 职务 左空二字 of its left edge
    assert seal.centre_x_twips + seal.width_twips // 2 == layout.TYPE_AREA_WIDTH_TWIPS - 1280
    assert line.right_indent_chars == pytest.approx(4 + 2 + seal.width_twips / 320, abs=0.01)
    assert seal.centre_y_twips == layout.BODY_INK_DROP_TWIPS + 160  # the characters' middle
