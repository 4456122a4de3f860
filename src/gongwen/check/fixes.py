"""Applying fixes: several findings' fixes to one line or field, each only inside its span.

A checker finding with a fix carries the whole corrected line (or field) and the span of the
original it changes (see :func:`gongwen.check.registry.fix_inside`). Fixes whose spans do not
overlap are independent, so they can be applied together: each puts its replacement in place of
its span. Overlapping ones wait for the next pass, when the text is checked again.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongwen.check.registry import fix_inside, replacement

Edit = tuple[tuple[int, int], str]
"""A fix as ``((start, end), fixed_text)``: the span of the original and the whole fixed text."""


def _conflict(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Spans that overlap, or two insertions at one place (their order would be a guess)."""
    return a[0] == b[0] or (a[0] < b[1] and b[0] < a[1])


def compose(text: str, edits: Sequence[Edit]) -> tuple[str, list[int]]:
    """Apply the edits that do not conflict with an earlier one; the text and their indexes.

    An edit whose fixed text differs from ``text`` outside its span is never applied.

    >>> text = "会议于9:00召开,请准时;谢谢"
    >>> comma, semicolon = "会议于9:00召开，请准时;谢谢", "会议于9:00召开,请准时；谢谢"
    >>> compose(text, [((9, 10), comma), ((13, 14), semicolon)])
    ('会议于9:00召开，请准时；谢谢', [0, 1])
    >>> compose("问题2理论", [((3, 3), "问题2：理论"), ((3, 3), "问题2:理论")])
    ('问题2：理论', [0])
    """
    taken: list[tuple[tuple[int, int], str]] = []
    used: list[int] = []
    for index, (span, fixed) in enumerate(edits):
        if not fix_inside(text, fixed, span):
            continue
        if any(_conflict(span, other) for other, _fix in taken):
            continue
        taken.append((span, replacement(text, fixed, span)))
        used.append(index)
    out = text
    for (start, end), new in sorted(taken, key=lambda t: t[0], reverse=True):
        out = out[:start] + new + out[end:]
    return out, used


__all__ = ["compose"]
