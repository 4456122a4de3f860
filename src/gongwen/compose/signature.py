"""The 署名 and 成文日期 (cl. 7.3.5): where each line sits, and the signature block kept on the
page of the text above it (seals: :mod:`gongwen.signing`).
"""

from __future__ import annotations

from dataclasses import replace

from gongwen import layout
from gongwen.compose.blocks import Block, Element, Run, blank, set_width_chars
from gongwen.dates import format_date
from gongwen.layout import StyleRole
from gongwen.model import (
    Signature,
)

SEALED_BLANK_LINES = 2
"""Lines left between the body and a sealed 署名 for the seal ([practice]: cl. 7.3.5.1 only asks
that the seal's top come within one line of the body, and a 42 mm seal centred just above the
署名 reaches about two lines up)."""


def signature_indents(
    organ_widths: list[float], date_width: float, *, sealed: bool
) -> tuple[list[float], float]:
    """Right indents, in 字, of each 署名 line and of the 成文日期 (cl. 7.3.5).

    Sealed (cl. 7.3.5.1): the date is 右空四字 and each 署名 is centred over the date.

    >>> signature_indents([12.0], 6.5, sealed=True)
    ([1.25], 4.0)
    >>> signature_indents([4.0], 6.5, sealed=True)
    ([5.25], 4.0)

    Unsealed (cl. 7.3.5.2): the 署名 is 右空二字 and the date starts two characters right of the
    署名's first character; when that would push the date past 右空二字, the date is set 右空二字
    and the 署名 moves left to keep the two-character step.

    >>> signature_indents([12.0], 6.5, sealed=False)
    ([2.0], 5.5)
    >>> signature_indents([4.0], 6.5, sealed=False)
    ([6.5], 2.0)
    """
    if sealed:
        date_right = float(layout.DATE_RIGHT_INDENT_CHARS)
        return [max(0.0, date_right + (date_width - w) / 2) for w in organ_widths], date_right
    step = float(layout.UNSEALED_DATE_OFFSET_CHARS)
    margin = float(layout.UNSEALED_SIGNATURE_RIGHT_INDENT_CHARS)
    widest = max(organ_widths, default=0.0)
    date_right = widest - step - date_width + margin
    if date_right >= margin:
        return [margin + (widest - w) for w in organ_widths], date_right
    first_start = margin + date_width + step  # distance of the 署名's start from the right edge
    return [first_start - w for w in organ_widths], margin


def compose_signature(signature: Signature, numerals: str) -> list[Block]:
    """署名 and 成文日期 (cl. 7.3.5), placed by :func:`signature_indents`."""
    date_text = format_date(
        signature.date, numerals="chinese" if numerals == "chinese" else "arabic"
    )
    organ_widths = [set_width_chars(o) for o in signature.organs]
    organ_indents, date_indent = signature_indents(
        organ_widths, set_width_chars(date_text), sealed=signature.sealed
    )
    # Sealed: room for the seal above the 署名; unsealed: one blank line (cl. 7.3.5.2).
    blocks = blank(SEALED_BLANK_LINES if signature.sealed else 1)
    blocks += [
        Block(StyleRole.SIGNATURE, (Run(o),), right_indent_chars=i, path="signature.organs")
        for o, i in zip(signature.organs, organ_indents, strict=True)
    ]
    blocks.append(
        Block(
            StyleRole.SIGNATURE_DATE,
            (Run(date_text),),
            right_indent_chars=date_indent,
            path="signature.date",
        )
    )
    return blocks


def keep_signature_with_text(elements: list[Element], start: int) -> None:
    """Keep the signature block that begins at ``elements[start]`` with the text before it.

    cl. 7.3.5.5: the seal and the date never stand on a page without body text. Every
    paragraph from the last one with text before the signature (body, 联系方式 or 附件说明)
    through the last 署名 keeps with the next, so when the block does not fit, the text's last
    line moves with it (widow control is off: one line moves, see the README's layout notes).

    >>> out = [Block(StyleRole.NORMAL, (Run("正文。"),)), *blank(2)]
    >>> out += [Block(StyleRole.SIGNATURE, (Run("某党委"),)), Block(StyleRole.SIGNATURE_DATE)]
    >>> keep_signature_with_text(out, 1)
    >>> [b.keep_with_next for b in out if isinstance(b, Block)]
    [True, True, True, True, False]
    """
    text = start - 1
    while text > 0 and _is_blank(elements[text]):
        text -= 1
    for index in range(max(text, 0), len(elements) - 1):
        element = elements[index]
        if isinstance(element, Block):
            elements[index] = replace(element, keep_with_next=True)


def _is_blank(element: Element) -> bool:
    return isinstance(element, Block) and not element.text


__all__ = [
    "SEALED_BLANK_LINES",
    "compose_signature",
    "keep_signature_with_text",
    "signature_indents",
]
