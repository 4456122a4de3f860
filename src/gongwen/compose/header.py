"""The 版头 (cl. 7.2): 份号, 密级, 紧急程度, the 发文机关标志 35 mm below the type area's top, the
发文字号 and 签发人 lines, and the red rule.
"""

from __future__ import annotations

from gongwen import layout
from gongwen.compose.blocks import Block, JointIssuerMark, Run, blank, text_width_chars, title_text
from gongwen.layout import StyleRole
from gongwen.model import (
    Header,
)


def issuer_mark_space_before_twips(
    lines_above: int, offset_mm: float = layout.ISSUER_MARK_TOP_OFFSET_MM
) -> int:
    """Space above the 发文机关标志 so that its top is 35 mm below the type area's top (cl. 7.2.4).

    ``lines_above`` is the number of grid lines taken by 份号, 密级 and 紧急程度 above it. The
    type area's top is the first line's ink, ``layout.BODY_INK_DROP_TWIPS`` below the top
    margin; the 标志's ink is ``layout.TITLE_INK_DROP_TWIPS`` below the top of its own line.

    >>> issuer_mark_space_before_twips(0)  # 1984 (35 mm) + 172 - 428
    1728
    >>> issuer_mark_space_before_twips(2)  # 1728 - 2 x 588
    552
    >>> issuer_mark_space_before_twips(3)  # 1728 - 3 x 588 < 0: as close as it gets
    0

    ``offset_mm`` is the 标志's distance below the type area's top: 35 mm (cl. 7.2.4, and the
    纪要 of cl. 10.3), 20 mm for a 命令（令） (cl. 10.2).

    >>> issuer_mark_space_before_twips(0, offset_mm=20)  # 1134 (20 mm) + 172 - 428
    878
    """
    offset = layout.mm_to_twips(offset_mm)
    ink = offset + layout.BODY_INK_DROP_TWIPS - layout.TITLE_INK_DROP_TWIPS
    return max(0, ink - lines_above * layout.LINE_PITCH_TWIPS)


RED_RULE_SPACE_BEFORE_TWIPS = max(
    0, layout.mm_to_twips(layout.RED_RULE_GAP_MM) - layout.RULE_BELOW_NUMBER_INK_TWIPS
)
"""Space above the red rule's paragraph: 4 mm (227 twips) below the 发文字号 (cl. 7.2.7)
less the 117 twips already there."""


SIGNERS_PER_LINE = 2
"""cl. 7.2.6: several 签发人 names are set two a line."""

SIGNER_LABEL = "签发人："
"""The label before the names, with its full-width colon (cl. 7.2.6)."""

SIGNER_SEPARATOR = "\u3000"
"""Between two names on a line: one full-width space (一字). cl. 7.2.6 sets the names left
to right, two a line; the gap between them is practice, not the standard's."""


SIGNER_SLACK_TWIPS = 20
"""Room left after the last name (0.35 mm): with none, rounding in the word processor pushes
the last character onto a line of its own (measured)."""


def _advance_twips(chars: float) -> int:
    """The width of ``chars`` 字 of tracked 16 pt body text (15.75 pt each), in twips.

    >>> _advance_twips(4)
    1260
    """
    return round(chars * layout.BODY_CHAR_ADVANCE_PT * layout.TWIPS_PER_PT)


def signer_blocks(number: str, signers: list[str]) -> list[Block]:
    """The 发文字号 and 签发人 lines of an upward document (上行文, cl. 7.2.5, 7.2.6).

    The 字号 is 左空一字 (the style's left indent) and "签发人：" plus the names end 右空一字: a
    left tab stop where the label starts puts them there. Names go two a line; continuation
    lines align with the first name, and the 字号 stands on the line of the last names.

    >>> [b.text for b in signer_blocks("X发〔2023〕5号", ["王建国", "刘晓梅"])]
    ['X发〔2023〕5号\\t签发人：王建国\\u3000刘晓梅']
    >>> signer_blocks("X发〔2023〕5号", ["王建国", "刘晓梅"])[0].tab_stops_twips
    (5040,)
    >>> [b.text for b in signer_blocks("X发〔2023〕5号", ["王建国", "刘晓梅", "张三"])]
    ['\\t签发人：王建国\\u3000刘晓梅', 'X发〔2023〕5号\\t张三']
    """
    lines = [
        SIGNER_SEPARATOR.join(signers[i : i + SIGNERS_PER_LINE])
        for i in range(0, len(signers), SIGNERS_PER_LINE)
    ]
    names_width = _advance_twips(max(text_width_chars(line) for line in lines))
    right_edge = layout.TYPE_AREA_WIDTH_TWIPS - layout.chars_to_twips(
        layout.SIGNER_RIGHT_INDENT_CHARS
    )
    names_start = right_edge - names_width - SIGNER_SLACK_TWIPS
    label_start = names_start - _advance_twips(text_width_chars(SIGNER_LABEL))
    blocks = []
    for index, names in enumerate(lines):
        first, last = index == 0, index == len(lines) - 1
        label = SIGNER_LABEL if first else ""
        runs = (
            Run(number if last else ""),
            Run("\t" + label),
            Run(names, StyleRole.SIGNER_NAME),
        )
        stop = label_start if first else names_start
        blocks.append(
            Block(
                StyleRole.SIGNER,
                tuple(r for r in runs if r.text),
                tab_stops_twips=(stop,),
                path="header.signers",
            )
        )
    return blocks


WENJIAN = "文件"
"""The word after the organ names in a 发文机关标志 (cl. 7.2.4)."""


def compose_header(header: Header) -> list[Block | JointIssuerMark]:
    """The 版头 (cl. 7.2): 份号, 密级, 紧急程度, 标志, 字号 and 签发人, and the red rule."""
    blocks: list[Block | JointIssuerMark] = []
    if header.copy_number:
        blocks.append(Block(StyleRole.COPY_NUMBER, (Run(header.copy_number),), path="header"))
    if header.classification:
        c = header.classification
        text = c.level.value + (f"★{c.period}" if c.period else "")
        blocks.append(Block(StyleRole.CLASSIFICATION, (Run(text),), path="header.classification"))
    if header.urgency:
        blocks.append(Block(StyleRole.URGENCY, (Run(header.urgency.value),), path="header.urgency"))
    if header.issuer_mark:
        mark = header.issuer_mark
        before = issuer_mark_space_before_twips(len(blocks))
        if mark.with_wenjian and len(mark.organs) > 1:
            blocks.append(JointIssuerMark(tuple(mark.organs), WENJIAN, before))
        else:
            suffix = WENJIAN if mark.with_wenjian else ""
            text = "\n".join(mark.organs) + suffix
            blocks.append(
                Block(
                    StyleRole.ISSUER_MARK,
                    (Run(title_text(text, layout.ISSUER_MARK_CHARS_PER_LINE)),),
                    space_before_twips=before,
                    path="header.issuer_mark",
                )
            )
        blocks += blank(2)  # 发文字号 two lines below the 标志 (cl. 7.2.5)
    number = str(header.document_number) if header.document_number else ""
    if header.signers:
        blocks += signer_blocks(number, list(header.signers))
    elif number:
        blocks.append(
            Block(StyleRole.DOCUMENT_NUMBER, (Run(number),), path="header.document_number")
        )
    if header.issuer_mark or number:
        # 4 mm below the 字号 (cl. 7.2.7).
        blocks.append(
            Block(StyleRole.RED_RULE, space_before_twips=RED_RULE_SPACE_BEFORE_TWIPS, path="header")
        )
    return blocks


__all__ = [
    "RED_RULE_SPACE_BEFORE_TWIPS",
    "SIGNERS_PER_LINE",
    "SIGNER_LABEL",
    "SIGNER_SEPARATOR",
    "SIGNER_SLACK_TWIPS",
    "WENJIAN",
    "compose_header",
    "issuer_mark_space_before_twips",
    "signer_blocks",
]
