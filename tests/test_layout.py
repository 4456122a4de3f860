"""Tests for the GB/T 9704 constants and unit arithmetic in gongwen.layout."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen import layout
from gongwen.layout import StyleRole

# The twips and EMU columns of the table in the project's GB/T 9704 reference notes
# (gbt9704.md) §6 ("Section").
GBT9704_SECTION_TABLE = [
    # (mm, twips, EMU)
    (210, 11906, 7_560_000),
    (297, 16838, 10_692_000),
    (37, 2098, 1_332_000),
    (35, 1984, 1_260_000),
    (28, 1587, 1_008_000),
    (26, 1474, 936_000),
    (156, 8844, 5_616_000),
    (225, 12756, 8_100_000),
]


@pytest.mark.parametrize(("mm", "twips", "emu"), GBT9704_SECTION_TABLE)
def test_mm_conversions_match_the_reference_table(mm: int, twips: int, emu: int) -> None:
    assert layout.mm_to_twips(mm) == twips
    assert layout.mm_to_emu(mm) == emu


def test_section_constants_are_the_reference_values() -> None:
    assert (layout.PAGE_WIDTH_TWIPS, layout.PAGE_HEIGHT_TWIPS) == (11906, 16838)
    assert (layout.TOP_MARGIN_TWIPS, layout.BOTTOM_MARGIN_TWIPS) == (2098, 1984)
    assert (layout.LEFT_MARGIN_TWIPS, layout.RIGHT_MARGIN_TWIPS) == (1587, 1474)
    assert (layout.RIGHT_MARGIN_MM, layout.BOTTOM_MARGIN_MM) == (26, 35)


def test_twenty_two_lines_fill_but_do_not_overflow_the_type_area() -> None:
    assert layout.NOMINAL_LINE_PITCH_TWIPS == 579
    assert (
        layout.LINES_PER_PAGE * layout.NOMINAL_LINE_PITCH_TWIPS
        <= layout.TYPE_AREA_HEIGHT_TWIPS
        == 12756
    )
    # 579 is the largest whole pitch that fits: one twip more and the 22nd line overflows.
    assert (
        layout.LINES_PER_PAGE * (layout.NOMINAL_LINE_PITCH_TWIPS + 1)
        > layout.TYPE_AREA_HEIGHT_TWIPS
    )


def test_twenty_eight_tracked_characters_fit_the_type_area_width() -> None:
    width_pt = layout.mm_to_pt(layout.TYPE_AREA_WIDTH_MM)
    advance_pt = layout.BODY_SIZE_PT + layout.BODY_TRACKING_TWIPS / 20
    assert advance_pt == layout.BODY_CHAR_ADVANCE_PT == 15.75
    assert layout.CHARS_PER_LINE * advance_pt <= width_pt
    # Untracked 16 pt type does not fit, and neither does the gentler -4 (-0.2 pt).
    assert width_pt < layout.CHARS_PER_LINE * layout.BODY_SIZE_PT
    assert width_pt < layout.CHARS_PER_LINE * (layout.BODY_SIZE_PT - 4 / 20)
    # Also true of the column Word lays out (8845 twips after rounding each margin).
    assert layout.CHARS_PER_LINE * layout.pt_to_twips(advance_pt) <= layout.TYPE_AREA_WIDTH_TWIPS


def test_grid_character_is_156_mm_over_28() -> None:
    grid_char_pt = layout.GRID_CHAR_WIDTH_PT
    assert grid_char_pt == pytest.approx(15.793, abs=1e-3)
    # The 320-twip indent 字 differs from the grid 字 by far less than the ±1 mm tolerance.
    grid_char_twips = grid_char_pt * 20
    assert abs(layout.CHAR_WIDTH_TWIPS - grid_char_twips) * 25.4 / 1440 < 0.1


def test_footer_top_lands_seven_mm_below_the_type_area() -> None:
    assert layout.PAGE_NUMBER_TOP_FROM_PAPER_BOTTOM_MM == 28
    assert layout.FOOTER_LINE_HEIGHT_TWIPS == 280
    assert layout.FOOTER_DISTANCE_TWIPS == 1450
    # the top of the dash's ink, not of its line: cl. 7.5 measures the 一字线 one sees
    top_of_number_twips = (
        layout.FOOTER_DISTANCE_TWIPS
        + layout.FOOTER_LINE_HEIGHT_TWIPS
        - layout.PAGE_NUMBER_DASH_INK_DROP_TWIPS
    )
    gap_twips = layout.BOTTOM_MARGIN_TWIPS - top_of_number_twips
    assert abs(gap_twips - layout.mm_to_twips(7)) <= 1


def test_rule_widths_in_eighths_of_a_point() -> None:
    assert layout.IMPRINT_THICK_RULE_EIGHTH_PT == 8  # 0.35 mm = 0.99 pt
    assert layout.IMPRINT_THIN_RULE_EIGHTH_PT == 6  # 0.25 mm = 0.71 pt
    assert layout.RED_RULE_EIGHTH_PT == 8


def test_indents_in_twips() -> None:
    assert layout.chars_to_twips(layout.BODY_FIRST_LINE_INDENT_CHARS) == 640
    assert layout.chars_to_twips(layout.DATE_RIGHT_INDENT_CHARS) == 1280
    assert layout.chars_to_twips(layout.ATTACHMENT_NOTE_LEFT_INDENT_CHARS) == 1600
    assert layout.chars_to_twips(layout.ATTACHMENT_NOTE_HANGING_CHARS) == 960
    assert layout.chars_to_twips(0.5) == 160


def test_rounding_is_half_up_not_bankers() -> None:
    # Python's round() would give 0 and 2 here.
    assert layout.pt_to_twips(0.025) == 1
    assert layout.pt_to_twips(0.125) == 3
    assert layout.pt_to_half_points(10.25) == 21


def test_chinese_sizes_agree_with_the_role_sizes() -> None:
    sizes = layout.CHINESE_SIZES_PT
    assert sizes["三号"] == layout.BODY_SIZE_PT == 16
    assert sizes["二号"] == layout.TITLE_SIZE_PT == 22
    assert sizes["四号"] == layout.IMPRINT_SIZE_PT == layout.PAGE_NUMBER_SIZE_PT == 14
    assert sizes["五号"] == 10.5
    values = list(sizes.values())
    assert values == sorted(values, reverse=True), "the table runs from 初号 down to 八号"
    with pytest.raises(TypeError):
        sizes["三号"] = 15  # type: ignore[index]


def test_style_roles_are_unique_word_style_ids() -> None:
    ids = [role.value for role in StyleRole]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() and i.isidentifier() for i in ids)
    assert set(StyleRole) >= layout.CHARACTER_STYLE_ROLES
    assert [r.value for r in layout.HEADING_ROLES] == [
        "Heading1",
        "Heading2",
        "Heading3",
        "Heading4",
    ]


def test_font_names_have_english_names() -> None:
    for font in (
        layout.FANGSONG_FONT,
        layout.TITLE_FONT,
        layout.HEI_FONT,
        layout.KAI_FONT,
        layout.PAGE_NUMBER_FONT,
    ):
        assert layout.FONT_ENGLISH_NAMES[font].isascii()
    assert layout.RED_COLOR_HEX == "FF0000"


@given(st.integers(min_value=0, max_value=10_000))
def test_mm_to_twips_is_within_half_a_twip(mm_hundredths: int) -> None:
    mm = mm_hundredths / 100
    exact = mm * 1440 / 25.4
    assert abs(layout.mm_to_twips(mm) - exact) <= 0.5 + 1e-9


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=10_000))
def test_mm_to_twips_is_monotonic(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert layout.mm_to_twips(low / 100) <= layout.mm_to_twips(high / 100)
