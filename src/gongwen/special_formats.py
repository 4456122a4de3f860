"""The special formats of GB/T 9704 chapter 10 as blocks: 信函 (cl. 10.1), 命令（令） (cl. 10.2)
and 纪要 (cl. 10.3).

Each format changes the head of the notice (标志, 字号, title) and a little of its end; the body,
附件说明, signature and attachments are those of :func:`gongwen.compose.compose`, which calls in
here for a notice whose ``presentation.format`` is not ``standard``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from gongwen import layout
from gongwen.compose import (
    Block,
    Element,
    Frame,
    ImprintBlock,
    Rule,
    Run,
    blank,
    compose_header,
    issuer_mark_space_before_twips,
    title_text,
)
from gongwen.i18n import _
from gongwen.layout import StyleRole
from gongwen.model import Attendance, Header, IssuerMark, Notice

__all__ = [
    "ATTENDANCE_LABELS",
    "LETTER_BOTTOM_RULE_FROM_PAPER_BOTTOM_MM",
    "LETTER_FIRST_LINE_SPACE_TWIPS",
    "LETTER_MARK_INK_DROP_TWIPS",
    "LETTER_MARK_INK_HEIGHT_TWIPS",
    "LETTER_MARK_TOP_MM",
    "LETTER_RULE_DRAWN_TWIPS",
    "LETTER_RULE_EIGHTH_PT",
    "LETTER_RULE_GAP_MM",
    "LETTER_RULE_LENGTH_MM",
    "LETTER_RULE_TOP_TWIPS",
    "LETTER_TEXT_GAP_PT",
    "MINUTES_MARK_TOP_OFFSET_MM",
    "ORDER_MARK_TOP_OFFSET_MM",
    "SIGNER_SEAL_TITLE_GAP_CHARS",
    "compose_attendance",
    "compose_head",
    "letter_imprint",
    "mark_with_suffix",
    "order_number_text",
]

# --- the geometry of cl. 10, kept with the formats it places ---------------------------------
# 信函格式 (cl. 10.1): the 标志's top edge 30 mm below the paper's top edge; 4 mm below it a red
# double line (thick over thin), and 20 mm above the paper's bottom edge another (thin over
# thick), both 170 mm long and centred; the first element below the upper line, and the text
# above the lower one, 7/8 of a 三号 character's height from it; no page number on page 1.
LETTER_MARK_TOP_MM: Final = 30  # cl. 10.1 上边缘至上页边为30mm
LETTER_RULE_GAP_MM: Final = 4  # cl. 10.1 发文机关标志下4mm处印一条红色双线
LETTER_RULE_LENGTH_MM: Final = 170  # cl. 10.1 线长均为170mm
LETTER_BOTTOM_RULE_FROM_PAPER_BOTTOM_MM: Final = 20  # cl. 10.1 距下页边20mm处印一条红色双线
# cl. 10.1 与该线的距离为3号汉字高度的7/8: 7/8 x 16 pt = 14 pt = 4.94 mm.
LETTER_TEXT_GAP_PT: Final = layout.BODY_SIZE_PT * 7 / 8
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

ORDER_WORD = "令"
"""What follows the organ's full name in a 命令（令）'s 标志 (cl. 10.2): 令, or 命令."""
MINUTES_WORD = "纪要"
"""What ends a 纪要's 标志 (cl. 10.3): ×××××纪要."""

ATTENDANCE_LABELS = (("present", "出席"), ("absent", "请假"), ("attending", "列席"))
"""The 纪要's lists in the order cl. 10.3 gives them, with their labels."""

# ST_Border names its strokes from the paragraph outwards: on a top border "thinThick" puts
# the thin stroke next to the text and the thick one above it (measured in the PDF).
_THICK_OVER_THIN = "thinThickSmallGap"  # the upper line, 上粗下细 (cl. 10.1)
_THIN_OVER_THICK = "thickThinSmallGap"  # the lower line, 上细下粗 (cl. 10.1)
_LETTER_RULE_WIDTH_TWIPS = layout.mm_to_twips(LETTER_RULE_LENGTH_MM)
LETTER_MARK_FRAME_TOP_TWIPS = layout.mm_to_twips(LETTER_MARK_TOP_MM) - LETTER_MARK_INK_DROP_TWIPS
"""The 标志's frame, placed so that its characters' top edge is 30 mm down (cl. 10.1)."""
LETTER_RULE_TOP_TWIPS = (
    layout.mm_to_twips(LETTER_MARK_TOP_MM)
    + LETTER_MARK_INK_HEIGHT_TWIPS
    + layout.mm_to_twips(LETTER_RULE_GAP_MM)
)
"""The upper double line: 4 mm below the 标志's characters (cl. 10.1)."""
LETTER_BOTTOM_RULE_TOP_TWIPS = layout.PAGE_HEIGHT_TWIPS - layout.mm_to_twips(
    LETTER_BOTTOM_RULE_FROM_PAPER_BOTTOM_MM
)
"""The lower double line: 20 mm above the paper's bottom edge (cl. 10.1)."""
LETTER_FIRST_LINE_SPACE_TWIPS = max(
    0,
    LETTER_RULE_TOP_TWIPS
    + LETTER_RULE_DRAWN_TWIPS
    + layout.pt_to_twips(LETTER_TEXT_GAP_PT)
    - layout.TOP_MARGIN_TWIPS,
)
"""Space above the first line under the upper double line, so that its characters start 7/8
of a 三号 character (14 pt) below the line (cl. 10.1). Without it a first line's characters
start at the type area's top, 37 mm (``layout.TOP_MARGIN_TWIPS``)."""


def mark_with_suffix(mark: IssuerMark, suffix: str) -> str:
    """The 标志's text with the word a format puts after the organ's name, unless the name
    already ends with it.

    >>> mark_with_suffix(IssuerMark(organs=["某市人民政府"]), "令")
    '某市人民政府令'
    >>> mark_with_suffix(IssuerMark(organs=["某市人民政府令"]), "令")
    '某市人民政府令'
    >>> mark_with_suffix(IssuerMark(organs=["某区区长办公会议"]), "纪要")
    '某区区长办公会议纪要'
    """
    names = "\n".join(mark.organs)
    return names if names.endswith(suffix) else names + suffix


def order_number_text(number: int) -> str:
    """The 令号 (cl. 10.2).

    >>> order_number_text(12)
    '第12号'
    """
    return f"第{number}号"


def _above_mark(header: Header) -> list[Element]:
    """份号, 密级 and 紧急程度, one a line above the 标志, as in the ordinary format."""
    without = header.model_copy(
        update={"issuer_mark": None, "document_number": None, "signers": []}
    )
    return list(compose_header(without))


def _order_head(notice: Notice) -> list[Element]:
    header = notice.header
    assert header is not None and header.issuer_mark is not None  # the model requires them
    out = _above_mark(header)
    before = issuer_mark_space_before_twips(len(out), ORDER_MARK_TOP_OFFSET_MM)
    text = mark_with_suffix(header.issuer_mark, ORDER_WORD)
    out.append(Block(StyleRole.ISSUER_MARK, (Run(text),), space_before_twips=before, path="header"))
    out += blank(2)  # 令号 two lines below the 标志 (cl. 10.2)
    if header.order_number is not None:
        number = order_number_text(header.order_number)
        out.append(Block(StyleRole.DOCUMENT_NUMBER, (Run(number),), path="header.order_number"))
        out += blank(2)  # the body two lines below the 令号 (cl. 10.2)
    # cl. 10.2 places the body under the 令号: an order has no printed title; the model's title
    # names the document in its properties.
    return out


def _minutes_head(notice: Notice) -> list[Element]:
    header = notice.header
    assert header is not None and header.issuer_mark is not None  # the model requires them
    mark = IssuerMark(organs=[mark_with_suffix(header.issuer_mark, MINUTES_WORD)])
    out: list[Element] = list(compose_header(header.model_copy(update={"issuer_mark": mark})))
    out += blank(2)  # as the ordinary format: the title two lines below the red rule
    out.append(Block(StyleRole.TITLE, (Run(title_text(notice.title)),), path="title"))
    out += blank(1)
    return out


def _letter_head(notice: Notice) -> list[Element]:
    header = notice.header
    assert header is not None and header.issuer_mark is not None  # the model requires them
    width = _LETTER_RULE_WIDTH_TWIPS
    out: list[Element] = [
        # 联合行文时，使用主办机关标志 (cl. 10.1): the lead organ only.
        Block(
            StyleRole.ISSUER_MARK,
            (Run(header.issuer_mark.organs[0]),),
            frame=Frame(LETTER_MARK_FRAME_TOP_TWIPS, width),
            path="header.issuer_mark",
        ),
        Block(
            StyleRole.BLANK,
            frame=Frame(LETTER_RULE_TOP_TWIPS, width),
            rule=Rule("top", _THICK_OVER_THIN, LETTER_RULE_EIGHTH_PT),
            path="header",
        ),
        Block(
            StyleRole.BLANK,
            frame=Frame(LETTER_BOTTOM_RULE_TOP_TWIPS, width),
            rule=Rule("top", _THIN_OVER_THICK, LETTER_RULE_EIGHTH_PT),
            path="header",
        ),
    ]
    # Under the upper line: 份号, 密级, 紧急程度 flush left one a line, the 发文字号 flush right
    # on the first of those lines (cl. 10.1).
    left = [b for b in _above_mark(header) if isinstance(b, Block)]
    number = str(header.document_number) if header.document_number else ""
    lines: list[Block] = []
    if left:
        first = left[0]
        runs = first.runs + ((Run("\t" + number),) if number else ())
        lines.append(
            Block(
                first.role,
                runs,
                right_tab_twips=layout.TYPE_AREA_WIDTH_TWIPS if number else None,
                path=first.path,
            )
        )
        lines += left[1:]
    elif number:
        lines.append(
            Block(
                StyleRole.DOCUMENT_NUMBER,
                (Run(number),),
                justification="right",
                path="header.document_number",
            )
        )
    else:
        lines.append(Block(StyleRole.BLANK))  # the title is placed from the line below the rule
    lines[0] = replace(lines[0], space_before_twips=LETTER_FIRST_LINE_SPACE_TWIPS)
    out += lines
    out += blank(1)  # 标题…与其上最后一个要素相距二行 (cl. 10.1)
    out.append(Block(StyleRole.TITLE, (Run(title_text(notice.title)),), path="title"))
    out += blank(1)
    return out


def compose_head(notice: Notice) -> list[Element]:
    """Everything of a special-format notice before its 主送机关: 版头 and title."""
    kind = notice.presentation.format
    if kind == "order":
        return _order_head(notice)
    if kind == "minutes":
        return _minutes_head(notice)
    if kind == "letter":
        return _letter_head(notice)
    raise ValueError(_("不是特定格式：{kind}").format(kind=kind))


def compose_attendance(attendance: Attendance) -> list[Block]:
    """出席, 请假 and 列席 (cl. 10.3): one line below the body (or 附件说明), 左空二字, the label
    in 黑体 with a full-width colon, the names in 仿宋 aligned after the colon when they run on.

    >>> [b.text for b in compose_attendance(Attendance(present=["张三", "李四"], absent=["王五"]))]
    ['', '出席：张三、李四', '请假：王五']
    """
    out = blank(1)
    for field, label in ATTENDANCE_LABELS:
        names = getattr(attendance, field)
        if names:
            out.append(
                Block(
                    # the 附件说明's paragraph: 左空二字, runs on aligned 3 字 further, after
                    # "附件：" as here after "出席：" (cl. 7.3.4, 10.3)
                    StyleRole.ATTACHMENT_NOTE,
                    (Run(label + "：", StyleRole.HEI), Run("、".join(names))),
                    path=f"attendance.{field}",
                )
            )
    return out


def letter_imprint(copy_to: list[str]) -> list[Element]:
    """A 信函's 版记: no 印发机关 and 印发日期 and no rules, at the foot of the last page
    (cl. 10.1); only a 抄送 line, when there is one.

    >>> letter_imprint([])
    []
    >>> (imprint,) = letter_imprint(["某局"])
    >>> imprint.ruled, imprint.rows[0].text
    (False, '抄送：某局。')
    """
    if not copy_to:
        return []
    row = Block(StyleRole.IMPRINT_COPY_TO, (Run("抄送：" + "，".join(copy_to) + "。"),))
    return [ImprintBlock((row,), ruled=False)]
