"""署名, 成文日期 and seals as blocks when seal images are given (cl. 7.3.5.1), and the
签发人签名章 form (cl. 7.3.5.3).

Placement is decided here on numbers, so it is tested without a document: each seal is centred
over its 署名, the last one over the last 署名 and the 成文日期, its centre on the top of the
署名's line so that the 署名 and date fall just below it; the lines left above make its top come
within one line of the text above without reaching it; seals in a row keep apart and inside the
type area. A seal's height is taken as its width here (round seals); the renderer, which reads
the image, refuses one whose real height would reach the text.
"""

from __future__ import annotations

import math

from gongwen import layout
from gongwen.compose import (
    Block,
    Run,
    SealPicture,
    blank,
    set_width_chars,
    signature_indents,
)
from gongwen.dates import format_date
from gongwen.findings import GongwenError
from gongwen.i18n import _
from gongwen.layout import StyleRole
from gongwen.model import Seal, Signature
from gongwen.special_formats import SIGNER_SEAL_TITLE_GAP_CHARS

__all__ = [
    "INK_BELOW_TWIPS",
    "SEAL_GAP_TWIPS",
    "SealLayoutError",
    "compose_signature_with_seals",
    "lines_for_seal",
    "room_above_twips",
    "row_centres_twips",
]

SEAL_GAP_TWIPS = layout.mm_to_twips(2)
"""Seals in a row keep at least 2 mm apart: 互不相交或相切 (cl. 7.3.5.1) with room to spare."""

_PITCH = layout.LINE_PITCH_TWIPS
_RIGHT_EDGE = layout.TYPE_AREA_WIDTH_TWIPS
SIGNATURE_INK_MIDDLE_TWIPS = layout.BODY_INK_DROP_TWIPS + layout.CHAR_WIDTH_TWIPS // 2
"""The middle of a 16 pt line's characters below the top of its grid line (172 + 160)."""


class SealLayoutError(GongwenError):
    """The seals cannot be placed as cl. 7.3.5.1 requires (too many, too wide)."""


INK_BELOW_TWIPS = _PITCH - layout.BODY_INK_DROP_TWIPS - layout.CHAR_WIDTH_TWIPS
"""The white below a 16 pt line's characters to the bottom of its grid line: 588 - 172 - 320
= 96 twips (1.7 mm). A seal may reach into it: it covers no text."""


def lines_for_seal(height_twips: int, centre_below_line_top_twips: int = 0) -> int:
    """Blank grid lines to leave above a seal's line: enough that the seal does not reach the
    characters of the text above, few enough that its top comes within one line of them
    (cl. 7.3.5.1: 印章顶端应当上距正文一行之内).

    >>> lines_for_seal(layout.mm_to_twips(42))  # 21 mm above: 2 x 10.37 + 1.7 mm of white
    2
    >>> lines_for_seal(layout.mm_to_twips(45))  # 22.5 mm: a third line
    3
    """
    above = height_twips / 2 - centre_below_line_top_twips - INK_BELOW_TWIPS
    return max(0, math.ceil(above / _PITCH))


def room_above_twips(lines: int) -> int:
    """How far up a seal may reach from the top of its line without covering the characters
    of the text above ``lines`` blank lines.

    >>> room_above_twips(2)
    1272
    """
    return lines * _PITCH + INK_BELOW_TWIPS


def _seal_width(seal: Seal) -> int:
    return layout.mm_to_twips(seal.width_mm)


def _width_twips(text: str) -> int:
    return layout.chars_to_twips(set_width_chars(text))


def row_centres_twips(
    date_centre: int, seal_widths: list[int], text_widths: list[int]
) -> list[int]:
    """Centres of the 署名 of a joint sealed issue set in one row, from the type area's left
    edge: the last over the 成文日期, the others to its left, seals and names apart.

    >>> row_centres_twips(6000, [2381, 2381], [1920, 1920])
    [3506, 6000]
    >>> row_centres_twips(2000, [2381, 2381, 2381], [1920] * 3)
    Traceback (most recent call last):
    ...
    gongwen.signing.SealLayoutError: 3 个 42 mm 的印章在版心内排不下一行...
    """
    centres = [date_centre]
    for i in range(len(seal_widths) - 1, 0, -1):
        apart = (seal_widths[i] + seal_widths[i - 1]) // 2 + SEAL_GAP_TWIPS
        text = (text_widths[i] + text_widths[i - 1]) // 2 + layout.CHAR_WIDTH_TWIPS
        centres.insert(0, centres[0] - max(apart, text))
    if centres[0] - seal_widths[0] // 2 < 0:
        mm = round(layout.twips_to_mm(max(seal_widths)))
        raise SealLayoutError(
            _(
                "{count} 个 {mm} mm 的印章在版心内排不下一行（版心宽 {width} mm）：联合行文的"
                "印章不得相交或相切，且不得超出版心（GB/T 9704 第 7.3.5.1 条）"
            ).format(count=len(seal_widths), mm=mm, width=round(layout.twips_to_mm(_RIGHT_EDGE)))
        )
    return centres


def _date_block(text: str, right_chars: float) -> Block:
    return Block(
        StyleRole.SIGNATURE_DATE,
        (Run(text),),
        right_indent_chars=right_chars,
        path="signature.date",
    )


def _signer_form(signature: Signature, date_text: str) -> list[Block]:
    """签发人签名章 (cl. 7.3.5.3): two lines below the body, the 签名章 右空四字 with the 职务
    左空二字 of it and centred on it; one line below, the date 右空四字."""
    assert signature.signer_title is not None and signature.signer_name is not None
    right = float(layout.DATE_RIGHT_INDENT_CHARS)
    gap = "\u3000" * SIGNER_SEAL_TITLE_GAP_CHARS
    if not signature.seals:
        line = Block(
            StyleRole.SIGNATURE,
            (Run(signature.signer_title + gap), Run(signature.signer_name)),
            right_indent_chars=right,
            path="signature.signer_name",
        )
        return [*blank(2), line, *blank(1), _date_block(date_text, right)]
    seal = signature.seals[0]
    width = _seal_width(seal)
    # The 签名章's right edge 右空四字; the 职务 左空二字 of it, placed by its own right indent
    # (a right-aligned line would drop trailing spaces kept for the seal).
    title_right = right + SIGNER_SEAL_TITLE_GAP_CHARS + width / layout.CHAR_WIDTH_TWIPS
    picture = SealPicture(
        seal.image,
        width,
        _RIGHT_EDGE - layout.chars_to_twips(right) - width // 2,
        SIGNATURE_INK_MIDDLE_TWIPS,  # 以签名章为准上下居中: on the line's middle
        room_above_twips(2),
    )
    line = Block(
        StyleRole.SIGNATURE,
        (Run(signature.signer_title),),
        right_indent_chars=round(title_right, 2),
        seals=(picture,),
        path="signature.signer_name",
    )
    return [*blank(2), line, *blank(1), _date_block(date_text, right)]


def _sealed_form(signature: Signature, date_text: str) -> list[Block]:
    widths = [_seal_width(s) for s in signature.seals]
    centre_below = 0  # the seal's centre on the top of the 署名's line
    lines = lines_for_seal(max(widths), centre_below)
    date_width = _width_twips(date_text)
    right = float(layout.DATE_RIGHT_INDENT_CHARS)
    date_centre = _RIGHT_EDGE - layout.chars_to_twips(right) - date_width // 2
    organs = signature.organs
    if len(organs) == 1:
        (indent,), _unused = signature_indents(
            [set_width_chars(organs[0])], set_width_chars(date_text), sealed=True
        )
        seal = SealPicture(
            signature.seals[0].image, widths[0], date_centre, centre_below, room_above_twips(lines)
        )
        row = Block(
            StyleRole.SIGNATURE,
            (Run(organs[0]),),
            right_indent_chars=indent,
            seals=(seal,),
            path="signature.organs",
        )
    else:
        centres = row_centres_twips(date_centre, widths, [_width_twips(o) for o in organs])
        pictures = tuple(
            SealPicture(s.image, w, c, centre_below, room_above_twips(lines))
            for s, w, c in zip(signature.seals, widths, centres, strict=True)
        )
        row = Block(
            StyleRole.SIGNATURE,
            tuple(Run("\t" + o) for o in organs),
            right_indent_chars=0,
            justification="left",
            center_tabs_twips=tuple(centres),
            seals=pictures,
            path="signature.organs",
        )
    return [*blank(lines), row, _date_block(date_text, right)]


def compose_signature_with_seals(signature: Signature, numerals: str) -> list[Block]:
    """署名 and 成文日期 with seal images, or in the 签发人签名章 form (cl. 7.3.5.1, 7.3.5.3)."""
    date_text = format_date(
        signature.date, numerals="chinese" if numerals == "chinese" else "arabic"
    )
    if signature.signer_title is not None:
        return _signer_form(signature, date_text)
    return _sealed_form(signature, date_text)
