"""GB/T 9704-2012 page geometry, type sizes, fonts and style ids, with unit arithmetic."""

from __future__ import annotations

import math
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Final

# Clause numbers ("cl.") refer to GB/T 9704-2012 《党政机关公文格式》; see
# the project's GB/T 9704 reference notes (gbt9704.md) for the clause text and the sources it
# was checked against.

# --- units -----------------------------------------------------------------------------------
TWIPS_PER_PT: Final = 20  # a twip ("dxa") is 1/20 pt; WordprocessingML measures in twips
TWIPS_PER_INCH: Final = 1440
MM_PER_INCH: Final = Fraction(254, 10)  # exact, so 37 mm -> 2097.6 twips is computed exactly
EMU_PER_MM: Final = 36_000  # DrawingML English Metric Units; python-docx Length is in EMU
PT_PER_INCH: Final = 72
EIGHTHS_PER_PT: Final = 8  # border widths (w:sz of w:pBdr/*) are in eighths of a point
HALF_POINTS_PER_PT: Final = 2  # font sizes (w:sz of w:rPr) are in half-points


def _round_half_up(value: Fraction) -> int:
    """Round to the nearest integer, halves away from zero for positive values."""
    return math.floor(value + Fraction(1, 2))


def mm_to_twips(mm: float) -> int:
    """Millimetres to twips, rounded to the nearest twip.

    >>> mm_to_twips(37)
    2098
    >>> mm_to_twips(210), mm_to_twips(297)
    (11906, 16838)
    """
    return _round_half_up(Fraction(str(mm)) * TWIPS_PER_INCH / MM_PER_INCH)


def twips_to_mm(twips: float) -> float:
    """Twips to millimetres.

    >>> round(twips_to_mm(2098), 2)
    37.01
    """
    return float(Fraction(str(twips)) * MM_PER_INCH / TWIPS_PER_INCH)


def twips_to_emu(twips: float) -> int:
    """Twips to EMU (635 per twip), rounded.

    >>> twips_to_emu(2381)
    1511935
    """
    return round(twips * 635)


def mm_to_emu(mm: float) -> int:
    """Millimetres to EMU (36 000 per mm), rounded to the nearest EMU.

    >>> mm_to_emu(37)
    1332000
    >>> mm_to_emu(0.35)
    12600
    """
    return _round_half_up(Fraction(str(mm)) * EMU_PER_MM)


def mm_to_pt(mm: float) -> float:
    """Millimetres to points.

    >>> round(mm_to_pt(156), 2)
    442.2
    """
    return float(Fraction(str(mm)) * PT_PER_INCH / MM_PER_INCH)


def pt_to_twips(pt: float) -> int:
    """Points to twips, rounded to the nearest twip.

    >>> pt_to_twips(14)
    280
    >>> pt_to_twips(28.95)
    579
    """
    return _round_half_up(Fraction(str(pt)) * TWIPS_PER_PT)


def pt_to_half_points(pt: float) -> int:
    """Points to the half-points of ``w:sz``.

    >>> pt_to_half_points(16), pt_to_half_points(10.5)
    (32, 21)
    """
    return _round_half_up(Fraction(str(pt)) * HALF_POINTS_PER_PT)


def mm_to_eighth_points(mm: float) -> int:
    """A rule thickness in mm to the eighths of a point of a border's ``w:sz``.

    >>> mm_to_eighth_points(0.35), mm_to_eighth_points(0.25)
    (8, 6)
    """
    return _round_half_up(Fraction(str(mm)) * PT_PER_INCH / MM_PER_INCH * EIGHTHS_PER_PT)


# --- paper and margins (cl. 5.1, 5.2.1) -------------------------------------------------------
PAPER_WIDTH_MM: Final = 210  # cl. 5.1 A4 (GB/T 148)
PAPER_HEIGHT_MM: Final = 297  # cl. 5.1 A4
TOP_MARGIN_MM: Final = 37  # cl. 5.2.1 天头 37 mm ± 1 mm
LEFT_MARGIN_MM: Final = 28  # cl. 5.2.1 订口 28 mm ± 1 mm
TYPE_AREA_WIDTH_MM: Final = 156  # cl. 5.2.1 版心 156 mm wide, page number not included
TYPE_AREA_HEIGHT_MM: Final = 225  # cl. 5.2.1 版心 225 mm high
RIGHT_MARGIN_MM: Final = PAPER_WIDTH_MM - LEFT_MARGIN_MM - TYPE_AREA_WIDTH_MM  # cl. 5.2.1: 26 mm
BOTTOM_MARGIN_MM: Final = PAPER_HEIGHT_MM - TOP_MARGIN_MM - TYPE_AREA_HEIGHT_MM  # cl. 5.2.1: 35 mm

PAGE_WIDTH_TWIPS: Final = mm_to_twips(PAPER_WIDTH_MM)  # cl. 5.1: 11906
PAGE_HEIGHT_TWIPS: Final = mm_to_twips(PAPER_HEIGHT_MM)  # cl. 5.1: 16838
TOP_MARGIN_TWIPS: Final = mm_to_twips(TOP_MARGIN_MM)  # cl. 5.2.1: 2098
BOTTOM_MARGIN_TWIPS: Final = mm_to_twips(BOTTOM_MARGIN_MM)  # cl. 5.2.1: 1984
LEFT_MARGIN_TWIPS: Final = mm_to_twips(LEFT_MARGIN_MM)  # cl. 5.2.1: 1587 (1587.4)
RIGHT_MARGIN_TWIPS: Final = mm_to_twips(RIGHT_MARGIN_MM)  # cl. 5.2.1: 1474
# The text column Word and LibreOffice actually lay out: 11906 - 1587 - 1474 = 8845 twips
# (156 mm is 8844.1 twips; the one-twip difference comes from rounding each margin).
TYPE_AREA_WIDTH_TWIPS: Final = PAGE_WIDTH_TWIPS - LEFT_MARGIN_TWIPS - RIGHT_MARGIN_TWIPS
# 16838 - 2098 - 1984 = 12756 twips, which is also 225 mm rounded.
TYPE_AREA_HEIGHT_TWIPS: Final = PAGE_HEIGHT_TWIPS - TOP_MARGIN_TWIPS - BOTTOM_MARGIN_TWIPS

# --- the 22 x 28 grid (cl. 5.2.3) -------------------------------------------------------------
LINES_PER_PAGE: Final = 22  # cl. 5.2.3 一般每面排22行
CHARS_PER_LINE: Final = 28  # cl. 5.2.3 每行排28个字
# 12756 / 22 = 579.8 twips; Word templates write the truncated 579 (22 x 579 = 12738 <= 12756),
# so 22 line boxes never overflow the 版心. 579 twips = 28.95 pt. gongwen's template uses
# LINE_PITCH_TWIPS below instead, which places the characters, not the line boxes.
NOMINAL_LINE_PITCH_TWIPS: Final = TYPE_AREA_HEIGHT_TWIPS // LINES_PER_PAGE
# cl. 3.1 / 5.2.3: one 字 of the grid is 156 mm / 28 = 5.571 mm = 15.79 pt (315.9 twips).
GRID_CHAR_WIDTH_PT: Final = mm_to_pt(TYPE_AREA_WIDTH_MM) / CHARS_PER_LINE

# --- where the ink sits in a line ----------------------------------------------------------------
# GB/T 9704 measures printed characters: the 天头 is the white space above the first line's
# characters (cl. 5.2.1), the 标志's top edge is 35 mm below the type area's top (cl. 7.2.4),
# the red rule 4 mm below the 字号 (cl. 7.2.7). Word processors place a line's characters
# inside a taller line box, so each of those distances needs the offset of the characters in
# their line. The values are LibreOffice 7.4's with the fontconfig look-alikes, measured on the
# rendered PDF by tests/office/layout (which fail if they drift by more than the standard's 1 mm).

BODY_INK_DROP_TWIPS: Final = 172
"""How far the top of a 16 pt line's characters sits below the top of its grid line: 3.03 mm
measured on a 28.95 pt line (LibreOffice centres the font's line height in the grid line)."""

LINE_PITCH_TWIPS: Final = -(
    -(PAGE_HEIGHT_TWIPS - BOTTOM_MARGIN_TWIPS - TOP_MARGIN_TWIPS + BODY_INK_DROP_TWIPS)
    // LINES_PER_PAGE
)
"""The grid line of the template: 588 twips (29.4 pt), not the usual 579.

The first line's characters, not its line box, must start 37 mm down (天头 is the white space
above the type, cl. 5.2.1), and the 版心's bottom stays 35 mm above the paper's edge, where
the 版记's last rule and the page number are placed from (cl. 7.4.1, 7.5). The 22 grid lines
must fill the space between exactly: LibreOffice centres the grid in the page's text area, Word
starts it at the top, and only a grid that fills the area puts both at the same place. That
space is 16838 - 1984 - (2098 - 172) = 12928 twips; / 22 = 587.6, rounded up to 588. The
characters of the 22 lines then span 37 mm to 260 mm, inside the 225 mm of cl. 5.2.1; the
standard's own 行 (a character plus 7/8 of one, cl. 3.2) is 10.4-10.6 mm, and 588 twips is
10.37 mm."""

TEMPLATE_TOP_MARGIN_TWIPS: Final = (
    PAGE_HEIGHT_TWIPS - BOTTOM_MARGIN_TWIPS - (LINES_PER_PAGE * LINE_PITCH_TWIPS)
)
"""The template's top margin: 16838 - 1984 - 22 x 588 = 1918 twips (33.8 mm), so that the
first line's characters start 2098 twips (37 mm) down, give or take a twip."""

TITLE_INK_DROP_TWIPS: Final = 428
"""The drop of a 22 pt line's characters (标志, 标题), which take two grid lines: 7.55 mm."""

RULE_BELOW_NUMBER_INK_TWIPS: Final = 117
"""From the bottom of the 发文字号's characters to the red rule when the rule's paragraph has
no space before: 2.07 mm measured (the 字号's grid line ends below its characters, and the
rule's own 1 pt line adds the rest)."""


# --- type sizes (号 -> pt) ---------------------------------------------------------------------
# The sizes Word and WPS give the Chinese size names, as tabulated in
# the project's GB/T 9704 reference notes (gbt9704.md) §1 (from sinnohzeng/markdown-gongwen-vscode
# docs/reference/gbt9704-typography.md and kxg2020/meeting, which differ only in 初号: 44 there).
CHINESE_SIZES_PT: Final = MappingProxyType(
    {
        "初号": 42.0,
        "小初": 36.0,
        "一号": 26.0,
        "小一": 24.0,
        "二号": 22.0,
        "小二": 18.0,
        "三号": 16.0,
        "小三": 15.0,
        "四号": 14.0,
        "小四": 12.0,
        "五号": 10.5,
        "小五": 9.0,
        "六号": 7.5,
        "小六": 6.5,
        "七号": 5.5,
        "八号": 5.0,
    }
)
BODY_SIZE_PT: Final = 16  # cl. 5.2.2 / 7.3.3: 3号 (三号) for every element unless stated otherwise
TITLE_SIZE_PT: Final = 22  # cl. 7.3.1: 标题 2号 (二号) 小标宋; also 附件标题 (cl. 7.3.7)
# cl. 7.2.4 leaves the 标志 size free ("醒目、美观、庄重"); 22 pt is a default.
ISSUER_MARK_SIZE_PT: Final = 22
IMPRINT_SIZE_PT: Final = 14  # cl. 7.4.2 / 7.4.3: 版记 in 4号 (四号) 仿宋
PAGE_NUMBER_SIZE_PT: Final = 14  # cl. 7.5: 页码 in 4号 (四号) 半角宋体 Arabic numerals

# --- tracking: 28 characters of 16 pt type in 156 mm ------------------------------------------
# 28 x 16 pt = 448 pt does not fit in 442.2 pt (156 mm). Condensing each character by 0.25 pt
# (w:spacing w:val="-5", in twentieths of a point) gives 28 x 15.75 pt = 441 pt <= 442.2 pt.
# -4 (-0.2 pt) would give 28 x 15.8 = 442.4 pt and push the 28th character onto the next line.
# The docGrid "linesAndChars" alternative renders as 14 chars a line in LibreOffice
# (docx-notes.md), so the grid is "lines" only and the width comes from this tracking.
BODY_TRACKING_TWIPS: Final = -5
BODY_CHAR_ADVANCE_PT: Final = BODY_SIZE_PT + BODY_TRACKING_TWIPS / TWIPS_PER_PT  # 15.75 pt

# --- the 字 used for indents (cl. 3.1) ----------------------------------------------------------
# An indent of N 字 is written twice: as w:*Chars="N00" (Word's character unit, which for a 16 pt
# paragraph is 16 pt) and as N x 320 twips for readers that ignore *Chars (LibreOffice 7.4).
# 320 twips = one 16 pt body character; the grid's 字 is 315.9 twips, 0.07 mm narrower per 字,
# well inside the ±1 mm tolerance of cl. 5.2.1. The 14 pt 版记 and page number are indented by
# this same body 字 and in twips only, because Word's character unit there would be 14 pt.
CHAR_WIDTH_TWIPS: Final = pt_to_twips(BODY_SIZE_PT)  # 320


def chars_to_twips(chars: float, char_width_twips: int = CHAR_WIDTH_TWIPS) -> int:
    """An indent in 字 to twips, one 字 being a 16 pt body character by default.

    >>> chars_to_twips(2)
    640
    >>> chars_to_twips(1, char_width_twips=pt_to_twips(IMPRINT_SIZE_PT))
    280
    """
    return _round_half_up(Fraction(str(chars)) * char_width_twips)


BODY_FIRST_LINE_INDENT_CHARS: Final = 2  # cl. 7.3.3 左空二字 (also headings; 附注 cl. 7.3.6)
DATE_RIGHT_INDENT_CHARS: Final = 4  # cl. 7.3.5.1 sealed: 成文日期右空四字 (also cl. 7.3.5.3)
UNSEALED_SIGNATURE_RIGHT_INDENT_CHARS: Final = 2  # cl. 7.3.5.2 unsealed: 署名右空二字
UNSEALED_DATE_OFFSET_CHARS: Final = 2  # cl. 7.3.5.2: date starts 2 字 right of the 署名's start
ATTACHMENT_NOTE_LEFT_INDENT_CHARS: Final = 5  # cl. 7.3.4: name aligned after "附件：" at 2 + 3 字
ATTACHMENT_NOTE_HANGING_CHARS: Final = 3  # cl. 7.3.4: first line starts 左空二字 = 5 - 3
SIGNER_RIGHT_INDENT_CHARS: Final = 1  # cl. 7.2.6 签发人 右空一字
IMPRINT_SIDE_INDENT_CHARS: Final = 1  # cl. 7.4.2 / 7.4.3 版记 左右各空一字
PAGE_NUMBER_SIDE_INDENT_CHARS: Final = 1  # cl. 7.5 odd pages 右空一字, even pages 左空一字

# --- vertical positions (cl. 7.2.4, 7.2.7, 7.5) ------------------------------------------------
ISSUER_MARK_TOP_OFFSET_MM: Final = 35  # cl. 7.2.4 标志 top edge 35 mm below the top of the 版心
RED_RULE_GAP_MM: Final = 4  # cl. 7.2.7 红色分隔线 4 mm below the 发文字号
PAGE_NUMBER_GAP_MM: Final = 7  # cl. 7.5 the dash's top edge 7 mm below the bottom of the 版心
# 35 mm - 7 mm = 28 mm from the paper's bottom edge up to the top of the page number.
PAGE_NUMBER_TOP_FROM_PAPER_BOTTOM_MM: Final = BOTTOM_MARGIN_MM - PAGE_NUMBER_GAP_MM
# The footer is one exact 14 pt line (280 twips); left to the grid it would take a 28.95 pt
# body line (docx-notes.md).
FOOTER_LINE_HEIGHT_TWIPS: Final = pt_to_twips(PAGE_NUMBER_SIZE_PT)
# Word measures w:footer from the paper's bottom edge to the bottom of the footer's last line,
# so the top of the single footer line sits at w:footer + 280 twips. For that top to be at
# 28 mm: w:footer = 28 mm - 14 pt = 1587 - 280 = 1307 twips (23.06 mm).
FOOTER_DISTANCE_TWIPS: Final = (
    mm_to_twips(PAGE_NUMBER_TOP_FROM_PAPER_BOTTOM_MM) - FOOTER_LINE_HEIGHT_TWIPS
)

# --- the special formats of cl. 10 -------------------------------------------------------------
# 信函格式 (cl. 10.1): the 标志's top edge 30 mm below the paper's top edge; 4 mm below it a red
# double line (thick over thin), and 20 mm above the paper's bottom edge another (thin over
# thick), both 170 mm long and centred; the first element below the upper line, and the text
# above the lower one, 7/8 of a 三号 character's height from it; no page number on page 1.
LETTER_MARK_TOP_MM: Final = 30  # cl. 10.1 上边缘至上页边为30mm
LETTER_RULE_GAP_MM: Final = 4  # cl. 10.1 发文机关标志下4mm处印一条红色双线
LETTER_RULE_LENGTH_MM: Final = 170  # cl. 10.1 线长均为170mm
LETTER_BOTTOM_RULE_FROM_PAPER_BOTTOM_MM: Final = 20  # cl. 10.1 距下页边20mm处印一条红色双线
# cl. 10.1 与该线的距离为3号汉字高度的7/8: 7/8 x 16 pt = 14 pt = 4.94 mm.
LETTER_TEXT_GAP_PT: Final = BODY_SIZE_PT * 7 / 8
# cl. 10.1 gives no thickness for the double lines; 1.5 pt (0.53 mm) for the pair, the heaviest
# red rule implementations use (gbt9704.md §2), so the thick and thin strokes stay apart in print.
LETTER_RULE_EIGHTH_PT: Final = 12
# The pair as LibreOffice draws it for a 1.5 pt double border: a 1.5 pt stroke, a gap and a
# 0.75 pt stroke, 1.06 mm from the top of one to the bottom of the other (measured).
LETTER_RULE_DRAWN_TWIPS: Final = 60
# Where the 标志's characters sit in its frame, measured like BODY_INK_DROP_TWIPS below on the
# rendered PDF (tests/office/layout): the top of the characters below the frame's top, and
# their height, for the 22 pt 标志.
LETTER_MARK_INK_DROP_TWIPS: Final = 155
LETTER_MARK_INK_HEIGHT_TWIPS: Final = 440
# 命令（令）格式 (cl. 10.2): 标志 top edge 20 mm below the 版心's top; the 令号 two lines below
# it, centred; the body two lines below the 令号; signed with the 签发人签名章 (cl. 7.3.5.3).
ORDER_MARK_TOP_OFFSET_MM: Final = 20  # cl. 10.2 上边缘至版心上边缘为20mm
# 纪要格式 (cl. 10.3): 标志 top edge 35 mm below the 版心's top, as cl. 7.2.4.
MINUTES_MARK_TOP_OFFSET_MM: Final = 35  # cl. 10.3 上边缘至版心上边缘为35mm
# cl. 7.3.5.3: the 签发人签名章 右空四字 two lines below the body, the 职务 左空二字 of it.
SIGNER_SEAL_TITLE_GAP_CHARS: Final = 2

# --- rules (cl. 7.2.7, 7.4.1) ------------------------------------------------------------------
IMPRINT_THICK_RULE_MM: Final = 0.35  # cl. 7.4.1 first and last 版记 rules, recommended 0.35 mm
IMPRINT_THIN_RULE_MM: Final = 0.25  # cl. 7.4.1 middle 版记 rules, recommended 0.25 mm
IMPRINT_THICK_RULE_EIGHTH_PT: Final = mm_to_eighth_points(IMPRINT_THICK_RULE_MM)  # 0.99 pt -> 8
IMPRINT_THIN_RULE_EIGHTH_PT: Final = mm_to_eighth_points(IMPRINT_THIN_RULE_MM)  # 0.71 pt -> 6
# cl. 7.2.7 does not state the red rule's thickness; use the thick 版记 rule's 0.35 mm (1 pt).
RED_RULE_EIGHTH_PT: Final = IMPRINT_THICK_RULE_EIGHTH_PT

# --- colour (cl. 5.2.4, 6.2) -------------------------------------------------------------------
# cl. 6.2 specifies the red ink as Y80 M80 for print; FF0000 is the usual screen value. Red is
# only for the 标志 (cl. 7.2.4), the 红色分隔线 (cl. 7.2.7) and seals; all other text is black.
RED_COLOR_HEX: Final = "FF0000"

# --- fonts (names written into the document; never shipped) -----------------------------------
FANGSONG_FONT: Final = "仿宋_GB2312"  # cl. 5.2.2 default 仿宋: body, levels 3-4, 版记
TITLE_FONT: Final = "方正小标宋简体"  # cl. 7.3.1 标题 and cl. 7.2.4 标志: 小标宋
HEI_FONT: Final = "黑体"  # cl. 7.3.3 level 1; cl. 7.2.2 密级; cl. 7.2.3 紧急程度; cl. 7.3.7 附件N
KAI_FONT: Final = "楷体_GB2312"  # cl. 7.3.3 level 2; cl. 7.2.6 签发人 names
PAGE_NUMBER_FONT: Final = "宋体"  # cl. 7.5 4号半角宋体阿拉伯数字
LATIN_FONT: Final = "Times New Roman"  # Latin letters and digits in body text ([impl], not std)
# English names of the Chinese faces, for a font table's w:altName and for telling users which
# font to install.
FONT_ENGLISH_NAMES: Final = MappingProxyType(
    {
        FANGSONG_FONT: "FangSong_GB2312",
        TITLE_FONT: "FZXiaoBiaoSong-B05S",
        HEI_FONT: "SimHei",
        KAI_FONT: "KaiTi_GB2312",
        PAGE_NUMBER_FONT: "SimSun",
    }
)


# --- style ids shared by the template, the renderer and the tests ------------------------------
class StyleRole(StrEnum):
    """The style ids of templates/notice.docx, one per element of a notice."""

    NORMAL = "Normal"  # 正文 (cl. 7.3.3)
    TITLE = "GwTitle"  # 标题 (cl. 7.3.1)
    ADDRESSEE = "GwAddressee"  # 主送机关 (cl. 7.3.2)
    HEADING_1 = "Heading1"  # 一、 黑体 (cl. 7.3.3)
    HEADING_2 = "Heading2"  # （一） 楷体
    HEADING_3 = "Heading3"  # 1. 仿宋
    HEADING_4 = "Heading4"  # （1） 仿宋
    PROBLEM = "GwProblem"  # 问题N：
    MEASURES_LABEL = "GwRectificationLabel"  # 整改情况：
    MEASURE = "GwMeasure"  # 一是……
    CONTACT = "GwContact"  # 联系方式
    ATTACHMENT_NOTE = "GwAttachmentNote"  # 附件说明 (cl. 7.3.4)
    SIGNATURE = "GwSignature"  # 发文机关署名 (cl. 7.3.5)
    SIGNATURE_DATE = "GwDate"  # 成文日期 (cl. 7.3.5)
    NOTE = "GwNote"  # 附注 (cl. 7.3.6)
    ATTACHMENT_LABEL = "GwAttachmentLabel"  # 附件N (cl. 7.3.7)
    ATTACHMENT_TITLE = "GwAttachmentTitle"  # 附件标题 (cl. 7.3.7)
    IMPRINT = "GwImprint"  # 版记 base (cl. 7.4)
    IMPRINT_COPY_TO = "GwImprintCopyTo"  # 抄送 (cl. 7.4.2)
    IMPRINT_PRINTER = "GwImprintPrinter"  # 印发机关和印发日期 (cl. 7.4.3)
    COPY_NUMBER = "GwCopyNumber"  # 份号 (cl. 7.2.1)
    CLASSIFICATION = "GwClassification"  # 密级和保密期限 (cl. 7.2.2)
    URGENCY = "GwUrgency"  # 紧急程度 (cl. 7.2.3)
    ISSUER_MARK = "GwIssuerMark"  # 发文机关标志 (cl. 7.2.4)
    DOCUMENT_NUMBER = "GwDocumentNumber"  # 发文字号 (cl. 7.2.5)
    SIGNER = "GwSigner"  # 签发人 (cl. 7.2.6)
    RED_RULE = "GwRedRule"  # 红色分隔线 (cl. 7.2.7)
    PAGE_ODD = "GwPageOdd"  # 页码, odd pages (cl. 7.5)
    PAGE_EVEN = "GwPageEven"  # 页码, even pages (cl. 7.5)
    BLANK = "GwBlank"  # 空一行 / 空二行
    SIGNER_NAME = "GwSignerName"  # character style: 签发人姓名 楷体 (cl. 7.2.6)
    KAI = "GwKai"  # character style: 楷体
    HEI = "GwHei"  # character style: 黑体


CHARACTER_STYLE_ROLES: Final = frozenset({StyleRole.SIGNER_NAME, StyleRole.KAI, StyleRole.HEI})
HEADING_ROLES: Final = (
    StyleRole.HEADING_1,
    StyleRole.HEADING_2,
    StyleRole.HEADING_3,
    StyleRole.HEADING_4,
)

__all__ = [
    "ATTACHMENT_NOTE_HANGING_CHARS",
    "ATTACHMENT_NOTE_LEFT_INDENT_CHARS",
    "BODY_CHAR_ADVANCE_PT",
    "BODY_FIRST_LINE_INDENT_CHARS",
    "BODY_INK_DROP_TWIPS",
    "BODY_SIZE_PT",
    "BODY_TRACKING_TWIPS",
    "BOTTOM_MARGIN_MM",
    "BOTTOM_MARGIN_TWIPS",
    "CHARACTER_STYLE_ROLES",
    "CHARS_PER_LINE",
    "CHAR_WIDTH_TWIPS",
    "CHINESE_SIZES_PT",
    "DATE_RIGHT_INDENT_CHARS",
    "EIGHTHS_PER_PT",
    "EMU_PER_MM",
    "FANGSONG_FONT",
    "FONT_ENGLISH_NAMES",
    "FOOTER_DISTANCE_TWIPS",
    "FOOTER_LINE_HEIGHT_TWIPS",
    "GRID_CHAR_WIDTH_PT",
    "HALF_POINTS_PER_PT",
    "HEADING_ROLES",
    "HEI_FONT",
    "IMPRINT_SIDE_INDENT_CHARS",
    "IMPRINT_SIZE_PT",
    "IMPRINT_THICK_RULE_EIGHTH_PT",
    "IMPRINT_THICK_RULE_MM",
    "IMPRINT_THIN_RULE_EIGHTH_PT",
    "IMPRINT_THIN_RULE_MM",
    "ISSUER_MARK_SIZE_PT",
    "ISSUER_MARK_TOP_OFFSET_MM",
    "KAI_FONT",
    "LATIN_FONT",
    "LEFT_MARGIN_MM",
    "LEFT_MARGIN_TWIPS",
    "LINES_PER_PAGE",
    "LINE_PITCH_TWIPS",
    "MM_PER_INCH",
    "NOMINAL_LINE_PITCH_TWIPS",
    "PAGE_HEIGHT_TWIPS",
    "PAGE_NUMBER_FONT",
    "PAGE_NUMBER_GAP_MM",
    "PAGE_NUMBER_SIDE_INDENT_CHARS",
    "PAGE_NUMBER_SIZE_PT",
    "PAGE_NUMBER_TOP_FROM_PAPER_BOTTOM_MM",
    "PAGE_WIDTH_TWIPS",
    "PAPER_HEIGHT_MM",
    "PAPER_WIDTH_MM",
    "PT_PER_INCH",
    "RED_COLOR_HEX",
    "RED_RULE_EIGHTH_PT",
    "RED_RULE_GAP_MM",
    "RIGHT_MARGIN_MM",
    "RIGHT_MARGIN_TWIPS",
    "RULE_BELOW_NUMBER_INK_TWIPS",
    "SIGNER_RIGHT_INDENT_CHARS",
    "TEMPLATE_TOP_MARGIN_TWIPS",
    "TITLE_FONT",
    "TITLE_INK_DROP_TWIPS",
    "TITLE_SIZE_PT",
    "TOP_MARGIN_MM",
    "TOP_MARGIN_TWIPS",
    "TWIPS_PER_INCH",
    "TWIPS_PER_PT",
    "TYPE_AREA_HEIGHT_MM",
    "TYPE_AREA_HEIGHT_TWIPS",
    "TYPE_AREA_WIDTH_MM",
    "TYPE_AREA_WIDTH_TWIPS",
    "UNSEALED_DATE_OFFSET_CHARS",
    "UNSEALED_SIGNATURE_RIGHT_INDENT_CHARS",
    "StyleRole",
    "chars_to_twips",
    "mm_to_eighth_points",
    "mm_to_emu",
    "mm_to_pt",
    "mm_to_twips",
    "pt_to_half_points",
    "pt_to_twips",
]
