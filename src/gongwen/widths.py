"""How wide text is: in 字 on the page (GB/T 9704 cl. 3.1: the width of one Chinese character of
the type size), and in columns on a terminal. One rule for both: a Chinese or full-width
character (Unicode East Asian Width W or F) takes a whole 字 and two columns; anything else
half a 字 and one column.
"""

from __future__ import annotations

import unicodedata

__all__ = ["columns", "is_wide", "text_width_chars"]


def is_wide(char: str) -> bool:
    """Whether ``char`` takes a whole 字 (two terminal columns).

    >>> is_wide("字"), is_wide("，"), is_wide("A"), is_wide("1")
    (True, True, False, False)
    """
    return unicodedata.east_asian_width(char) in "WF"


def text_width_chars(text: str) -> float:
    """Width of ``text`` in 字 (cl. 3.1): a Chinese or full-width character is one, others half.

    >>> text_width_chars("2023年3月14日")
    6.5
    >>> text_width_chars("二七新村街道社区综合党委")
    12.0
    """
    return sum(1.0 if is_wide(c) else 0.5 for c in text)


def columns(text: str) -> int:
    """Columns ``text`` takes on a terminal: a Chinese character two, others one.

    >>> columns("已生成"), columns("written")
    (6, 7)
    """
    return sum(2 if is_wide(c) else 1 for c in text)
