"""Heading ordinals at the start of a paragraph (一、 （一） 1. （1）), whole or damaged.

Two views of the same recognition: :func:`parse_heading` for the reader (the text after the
ordinal, damage named as the reader repairs it) and :func:`scan_heading` for the checker (the
offset where the content starts in the line as written, and finer damage kinds).
"""

from __future__ import annotations

from dataclasses import dataclass

from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import ascii_digits, parse_chinese_numeral, parse_heading_ordinal
from gongwen.recognise.sentences import first_sentence

__all__ = ["HeadingMark", "HeadingScan", "parse_heading", "scan_heading", "split_run_in"]

NUMERALS = "一二三四五六七八九十百"
"""The characters of a Chinese numeral used as an ordinal (一 to 九百九十九)."""

_NUMERAL_CHARS = "零一二三四五六七八九十百千"
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
SPACES = " \t\u3000\xa0\r\ufeff"


@dataclass(frozen=True)
class HeadingMark:
    """A heading ordinal at the start of a paragraph.

    ``number`` is None when the numeral itself was lost (``“)聚焦…”``). ``damage`` names
    what was lost: ``None``, ``"ordinal"`` (the whole “（三” before “)”) or ``"bracket"``
    (the opening bracket of “四)”).
    """

    level: int
    number: int | None
    rest: str
    damage: str | None = None


_LOST_OPEN_CN = lazy_compile(rf"^([{_NUMERAL_CHARS}]+)\s*[)）]\s*")
_LOST_OPEN_ARABIC = lazy_compile(r"^([0-9０-９]{1,3})\s*[)）]\s*")
_LOST_ORDINAL = lazy_compile(r"^[)）]\s*")


def parse_heading(text: str, open_bracketed_level: int = 2) -> HeadingMark | None:
    """A heading ordinal at the start of ``text``, also when a scrape damaged it.

    ``open_bracketed_level`` is the level (2 or 4) to give a heading whose whole ordinal
    was lost and only its closing bracket is left.

    >>> parse_heading("（一）聚焦群众身边的不正之风方面")
    HeadingMark(level=2, number=1, rest='聚焦群众身边的不正之风方面', damage=None)
    >>> parse_heading("四）对巡察发现问题的整改情况。")
    HeadingMark(level=2, number=4, rest='对巡察发现问题的整改情况。', damage='bracket')
    >>> parse_heading("）聚焦基层党组织软弱涣散")
    HeadingMark(level=2, number=None, rest='聚焦基层党组织软弱涣散', damage='ordinal')
    >>> print(parse_heading("四个方面的问题"))
    None
    """
    stripped = text.lstrip(" \t\u3000")
    parsed = parse_heading_ordinal(stripped)
    if parsed is not None:
        return HeadingMark(parsed.level, parsed.number, parsed.rest)
    if m := _LOST_OPEN_CN.match(stripped):
        try:
            number = parse_chinese_numeral(m[1])
        except ValueError:
            return None
        return HeadingMark(2, number, stripped[m.end() :], "bracket")
    if m := _LOST_OPEN_ARABIC.match(stripped):
        digits = ascii_digits(m[1])
        if digits.startswith("0"):
            return None
        return HeadingMark(4, int(digits), stripped[m.end() :], "bracket")
    if m := _LOST_ORDINAL.match(stripped):
        rest = stripped[m.end() :]
        return HeadingMark(open_bracketed_level, None, rest, "ordinal") if rest else None
    return None


def split_run_in(rest: str) -> tuple[str, str]:
    """A heading's text into the heading sentence and the body text run into it (cl. 7.3.3
    practice: ``（二）健全工作机制。各部门要……``); the body part is ``""`` for a heading alone.

    >>> split_run_in("健全工作机制。各部门要建立台账。")
    ('健全工作机制。', '各部门要建立台账。')
    >>> split_run_in("聚焦群众身边的不正之风方面")
    ('聚焦群众身边的不正之风方面', '')
    """
    return first_sentence(rest.strip())


@dataclass(frozen=True)
class HeadingScan:
    """A heading ordinal found at the start of a line, possibly damaged.

    ``number`` is None when the numeral was lost; ``damage`` names what was lost:
    ``"open"`` (the opening bracket: 三）), ``"close"`` (the closing bracket: （三聚焦),
    ``"numeral"`` (the numeral and maybe a bracket: ）聚焦, 、强化) or None for a whole ordinal.
    ``level`` is None when a lost numeral leaves the level open (2 or 4).
    """

    level: int | None
    number: int | None
    start: int
    damage: str | None = None


_SCAN_LOST_OPEN = lazy_compile(rf"([{NUMERALS}]+)[)）]\s*")
_SCAN_LOST_OPEN_ARABIC = lazy_compile(r"([0-9０-９]{1,3})[)）]\s*")
# "（三聚焦…" lost its ）; "（三月份报送）" is a bracketed phrase, not a heading.
_SCAN_LOST_CLOSE = lazy_compile(
    rf"[(（]\s*([{NUMERALS}]+)(?=[{CJK}])(?![{NUMERALS}是、])(?![^)）]*[)）])\s*"
)
_SCAN_LOST_NUMERAL = lazy_compile(r"[(（]?\s*[)）]\s*")
_SCAN_LOST_LEVEL1 = lazy_compile(r"、\s*")


def _numeral_value(text: str) -> int | None:
    try:
        return parse_chinese_numeral(text)
    except ValueError:
        return None


def scan_heading(line: str) -> HeadingScan | None:
    """The heading ordinal at the start of a line of text, whole or damaged; None if none.

    >>> scan_heading("二、坚持问题导向")
    HeadingScan(level=1, number=2, start=2, damage=None)
    >>> scan_heading("   )聚焦基层党组织软弱涣散")
    HeadingScan(level=None, number=None, start=4, damage='numeral')
    >>> scan_heading("四)对巡察发现问题的整改情况。")
    HeadingScan(level=2, number=4, start=2, damage='open')
    >>> scan_heading("(三聚焦群众身边的不正之风")
    HeadingScan(level=2, number=3, start=2, damage='close')
    >>> print(scan_heading("一是加强学习"), scan_heading("2019年以来"))
    None None
    """
    lead = len(line) - len(line.lstrip(SPACES))
    text = line[lead:]
    whole = parse_heading_ordinal(text)
    if whole is not None:
        return HeadingScan(whole.level, whole.number, len(line) - len(whole.rest))
    if m := _SCAN_LOST_OPEN.match(text):
        number = _numeral_value(m[1])
        if number is not None:
            return HeadingScan(2, number, lead + m.end(), "open")
    if m := _SCAN_LOST_OPEN_ARABIC.match(text):
        digits = ascii_digits(m[1])
        if not digits.startswith("0"):
            return HeadingScan(4, int(digits), lead + m.end(), "open")
    if m := _SCAN_LOST_CLOSE.match(text):
        number = _numeral_value(m[1])
        if number is not None:
            return HeadingScan(2, number, lead + m.end(), "close")
    if m := _SCAN_LOST_NUMERAL.match(text):
        return HeadingScan(None, None, lead + m.end(), "numeral")
    if m := _SCAN_LOST_LEVEL1.match(text):
        return HeadingScan(1, None, lead + m.end(), "numeral")
    return None
