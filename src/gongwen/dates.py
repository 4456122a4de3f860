"""Dates as 公文 write them (GB/T 9704-2012 cl. 7.3.5.4), date ranges, and dates found in text."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import ascii_digits, chinese_numeral, parse_chinese_numeral

__all__ = [
    "Numerals",
    "RunTogetherDate",
    "find_dates",
    "find_run_together_dates",
    "format_date",
    "format_date_range",
    "parse_date",
    "parse_date_range",
]

Numerals = Literal["arabic", "chinese"]
"""arabic: 2023年3月14日 (GB/T 9704-2012); chinese: 二〇二三年三月十四日 (GB/T 9704-1999)."""

_YEAR_DIGITS = "〇一二三四五六七八九"
# Zeros seen in the year of Chinese-numeral dates: 〇 is right (GB/T 15835 §5.2.5); 零, ○ (U+25CB),
# ◯ (U+25EF), O/Ｏ/o and 0/０ are mistakes real documents make.
_YEAR_ZEROS = "〇零○◯OＯo0０"
_CN_YEAR_CHARS = _YEAR_DIGITS + _YEAR_ZEROS[1:]
_CN_NUMERAL_CHARS = "一二三四五六七八九十"

# The words that join the two ends of a range. 至 is the 公文 usage; GB/T 15834-2011 §4.13.3
# marks a span of time with the 一字线 —; ～ and 到 are seen too. The ASCII hyphen is not a
# joiner: it would be ambiguous with ISO dates. A doubled —— (a 破折号 typed for the 一字线) counts.
_RANGE_JOINERS = "至|到|—{1,2}|–|－|～|~"
_RANGE_JOINER = "至"


def _check_numerals(numerals: str) -> None:
    if numerals not in ("arabic", "chinese"):
        raise ValueError(
            _("numerals 应为 'arabic' 或 'chinese'，实为 {value}").format(value=repr(numerals))
        )


def _chinese_year(year: int) -> str:
    return "".join(_YEAR_DIGITS[int(digit)] for digit in str(year))


def _month_day(d: date, numerals: Numerals) -> str:
    if numerals == "chinese":
        return f"{chinese_numeral(d.month)}月{chinese_numeral(d.day)}日"
    return f"{d.month}月{d.day}日"


def format_date(d: date, numerals: Numerals = "arabic") -> str:
    """Write a date as 公文 do.

    ``arabic`` (the default) is GB/T 9704-2012 cl. 7.3.5.4: full year, month and day not
    zero-padded. ``chinese`` is the GB/T 9704-1999 style: the year digit by digit with 〇 for
    zero, month and day as Chinese numerals.

    >>> format_date(date(2023, 3, 14))
    '2023年3月14日'
    >>> format_date(date(2023, 10, 1))
    '2023年10月1日'
    >>> format_date(date(2023, 3, 14), "chinese")
    '二〇二三年三月十四日'
    >>> format_date(date(2000, 12, 31), "chinese")
    '二〇〇〇年十二月三十一日'
    """
    _check_numerals(numerals)
    if numerals == "chinese":
        return f"{_chinese_year(d.year)}年{_month_day(d, 'chinese')}"
    # Written directly (cl. 7.3.5.4) rather than through Babel, whose import and locale data
    # cost a command's start-up; a test checks that CLDR's zh_CN long date agrees.
    return f"{d.year}年{d.month}月{d.day}日"


def format_date_range(start: date, end: date, numerals: Numerals = "arabic") -> str:
    """Write the span from ``start`` to ``end`` (inclusive) as notices do, joined by 至.

    The rule: the end leaves out only what it shares with the start at the front, the year.

    * different years: both dates in full — ``2022年12月28日至2023年1月3日``;
    * same year: the end has no year but always keeps its month — ``2022年4月12日至7月8日``,
      ``2022年4月12日至4月20日`` (not ``至20日``). Both forms are in official use; keeping the
      month makes every end read as a date on its own, so a line break or a scrape that splits
      the range cannot leave a bare "20日", and one rule covers every same-year range.
      (:func:`parse_date_range` reads the ``至20日`` form too.)
    * the same day: a single date.

    >>> format_date_range(date(2022, 4, 12), date(2022, 7, 8))
    '2022年4月12日至7月8日'
    >>> format_date_range(date(2022, 4, 12), date(2022, 4, 20))
    '2022年4月12日至4月20日'
    >>> format_date_range(date(2022, 12, 28), date(2023, 1, 3))
    '2022年12月28日至2023年1月3日'
    >>> format_date_range(date(2022, 4, 12), date(2022, 4, 20), "chinese")
    '二〇二二年四月十二日至四月二十日'
    >>> format_date_range(date(2022, 4, 12), date(2022, 4, 12))
    '2022年4月12日'
    >>> format_date_range(date(2022, 4, 20), date(2022, 4, 12))
    Traceback (most recent call last):
    ...
    ValueError: 日期范围的结束早于开始：2022-04-20 至 2022-04-12
    """
    _check_numerals(numerals)
    if start > end:
        raise ValueError(
            _("日期范围的结束早于开始：{start} 至 {end}").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    head = format_date(start, numerals)
    if start == end:
        return head
    if start.year != end.year:
        return head + _RANGE_JOINER + format_date(end, numerals)
    return head + _RANGE_JOINER + _month_day(end, numerals)


def _make_date(year: int, month: int, day: int, text: str) -> date:
    """A date, or a ValueError that names the text and says what is wrong with it."""
    if not 1 <= year <= 9999:
        raise ValueError(_("“{text}”不是有效日期：年份应为 1 至 9999").format(text=text))
    if not 1 <= month <= 12:
        raise ValueError(_("“{text}”不是有效日期：没有 {month} 月").format(text=text, month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValueError(
            _("“{text}”不是有效日期：{year}年{month}月只有 {days} 天，没有 {day} 日").format(
                text=text, year=year, month=month, days=days, day=day
            )
        )
    return date(year, month, day)


_ARABIC_YMD = lazy_compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_NUMERIC = lazy_compile(r"([0-9]{4})([-./])([0-9]{1,2})\2([0-9]{1,2})")
_CHINESE_YMD = lazy_compile(
    rf"([{_CN_YEAR_CHARS}]{{4}})\s*年\s*([{_CN_NUMERAL_CHARS}]{{1,3}})\s*月"
    rf"\s*([{_CN_NUMERAL_CHARS}]{{1,3}})\s*日"
)
_CN_YEAR_TABLE = str.maketrans(
    {**{c: str(i) for i, c in enumerate(_YEAR_DIGITS)}, **dict.fromkeys(_YEAR_ZEROS, "0")}
)


def _chinese_date(year: str, month: str, day: str, text: str) -> date:
    try:
        m, d = parse_chinese_numeral(month), parse_chinese_numeral(day)
    except ValueError:
        raise ValueError(
            _("“{text}”不是有效日期：月或日的数字写得不对").format(text=text)
        ) from None
    return _make_date(int(year.translate(_CN_YEAR_TABLE)), m, d, text)


def parse_date(text: str) -> date:
    """Read one date, written in any of the forms real documents use.

    Accepted: ``2023年3月14日`` (also zero-padded, and with full-width digits or spaces
    between the parts), ``二〇二三年三月十四日`` (零, ○, O or 0 as the zero of the year are
    accepted, as real documents have them), ``2023-03-14``, ``2023.3.14`` and ``2023/3/14``.
    The year must have four digits: GB/T 15835 never shortens a year, and ``23年`` is not 2023.
    Surrounding whitespace is ignored.

    >>> parse_date("2023年3月14日")
    datetime.date(2023, 3, 14)
    >>> parse_date("2023年03月14日"), parse_date("2023/3/14")
    (datetime.date(2023, 3, 14), datetime.date(2023, 3, 14))
    >>> parse_date("二〇二三年十月一日"), parse_date("二零二三年十月一日")
    (datetime.date(2023, 10, 1), datetime.date(2023, 10, 1))
    >>> parse_date("2023年2月30日")
    Traceback (most recent call last):
    ...
    ValueError: “2023年2月30日”不是有效日期：2023年2月只有 28 天，没有 30 日
    >>> parse_date("3月14日")
    Traceback (most recent call last):
    ...
    ValueError: 不是日期：“3月14日”
    """
    stripped = ascii_digits(text.strip())
    if m := _ARABIC_YMD.fullmatch(stripped):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _NUMERIC.fullmatch(stripped):
        return _make_date(int(m[1]), int(m[3]), int(m[4]), text)
    if m := _CHINESE_YMD.fullmatch(stripped):
        return _chinese_date(m[1], m[2], m[3], text)
    raise ValueError(_("不是日期：“{text}”").format(text=text))


_END_MONTH_DAY = lazy_compile(r"([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_END_DAY = lazy_compile(r"([0-9]{1,2})\s*日")
_END_CN_MONTH_DAY = lazy_compile(
    rf"([{_CN_NUMERAL_CHARS}]{{1,3}})\s*月\s*([{_CN_NUMERAL_CHARS}]{{1,3}})\s*日"
)
_END_CN_DAY = lazy_compile(rf"([{_CN_NUMERAL_CHARS}]{{1,3}})\s*日")


def _parse_range_end(end: str, start: date, text: str) -> date:
    plain = ascii_digits(end.strip())
    try:
        if "年" in plain or _NUMERIC.fullmatch(plain):
            return parse_date(end)
        if m := _END_MONTH_DAY.fullmatch(plain):
            return _make_date(start.year, int(m[1]), int(m[2]), end.strip())
        if m := _END_DAY.fullmatch(plain):
            return _make_date(start.year, start.month, int(m[1]), end.strip())
        if m := _END_CN_MONTH_DAY.fullmatch(plain):
            month, day = parse_chinese_numeral(m[1]), parse_chinese_numeral(m[2])
            return _make_date(start.year, month, day, end.strip())
        if m := _END_CN_DAY.fullmatch(plain):
            return _make_date(start.year, start.month, parse_chinese_numeral(m[1]), end.strip())
    except ValueError as error:
        raise ValueError(
            _("不是日期范围：“{text}”（{error}）").format(text=text, error=error)
        ) from None
    raise ValueError(
        _("不是日期范围：“{text}”（读不出结束日期“{end}”）").format(text=text, end=end.strip())
    )


def parse_date_range(text: str) -> tuple[date, date]:
    """Read a date range such as :func:`format_date_range` writes; the inverse of it.

    The start is a full date (any form :func:`parse_date` reads). The end may leave out the year,
    or the year and the month, and takes them from the start. The ends may be joined by 至, 到,
    the 一字线 — or ～. A single date is the range of that one day.

    >>> parse_date_range("2022年4月12日至7月8日")
    (datetime.date(2022, 4, 12), datetime.date(2022, 7, 8))
    >>> parse_date_range("2022年4月12日至20日")
    (datetime.date(2022, 4, 12), datetime.date(2022, 4, 20))
    >>> parse_date_range("二〇二二年十二月二十八日至二〇二三年一月三日")
    (datetime.date(2022, 12, 28), datetime.date(2023, 1, 3))
    >>> parse_date_range("2022年4月12日")
    (datetime.date(2022, 4, 12), datetime.date(2022, 4, 12))
    >>> parse_date_range("2022年12月28日至1月3日")
    Traceback (most recent call last):
    ...
    ValueError: 日期范围的结束早于开始：“2022年12月28日至1月3日”
    """
    parts = re.split(_RANGE_JOINERS, text)
    if len(parts) == 1:
        try:
            single = parse_date(text)
        except ValueError:
            raise ValueError(_("不是日期范围：“{text}”").format(text=text)) from None
        return single, single
    if len(parts) != 2:
        raise ValueError(_("不是日期范围：“{text}”（连接词不止一个）").format(text=text))
    try:
        start = parse_date(parts[0])
    except ValueError:
        raise ValueError(
            _("不是日期范围：“{text}”（开始“{start}”不是完整的日期）").format(
                text=text, start=parts[0].strip()
            )
        ) from None
    end = _parse_range_end(parts[1], start, text)
    if end < start:
        raise ValueError(_("日期范围的结束早于开始：“{text}”").format(text=text))
    return start, end


# Dates inside running text: a 4-digit year not preceded by another digit.
_FIND_ARABIC = lazy_compile(r"(?<![0-9])([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")
# The look-behind leaves out the Latin O/o/0 so that "video二〇二三年…" still finds its date.
_FIND_CHINESE = lazy_compile(
    rf"(?<![{_YEAR_DIGITS}零○◯])([{_CN_YEAR_CHARS}]{{4}})年"
    rf"([{_CN_NUMERAL_CHARS}]{{1,3}})月([{_CN_NUMERAL_CHARS}]{{1,3}})日"
)


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full 年月日 date in running text, in Arabic or Chinese numerals, in text order.

    Each item is ``(start, end, date)`` with ``text[start:end]`` the date as written.
    Full-width digits count. Something shaped like a date that does not exist (``2月30日``)
    is not returned: use :func:`parse_date` on it to get the reason.

    >>> text = "会议于2023年3月14日召开，定于二〇二三年四月一日前报送。"
    >>> find_dates(text)
    [(3, 13, datetime.date(2023, 3, 14)), (18, 27, datetime.date(2023, 4, 1))]
    >>> text[3:13]
    '2023年3月14日'
    >>> find_dates("2019年以来，共召开12次会议")
    []
    """
    normalised = ascii_digits(text)  # one char for one char: offsets hold
    found: list[tuple[int, int, date]] = []
    for m in _FIND_ARABIC.finditer(normalised):
        try:
            found.append((m.start(), m.end(), _make_date(int(m[1]), int(m[2]), int(m[3]), m[0])))
        except ValueError:
            continue
    for m in _FIND_CHINESE.finditer(normalised):
        try:
            found.append((m.start(), m.end(), _chinese_date(m[1], m[2], m[3], m[0])))
        except ValueError:
            continue
    return sorted(found)


@dataclass(frozen=True)
class RunTogetherDate:
    """A date whose 年 or 月 (or both) was lost, as scraped pages lose them: "2022412日".

    ``text`` is ``original[start:end]``; ``candidates`` are all the real dates it can be, in
    order. More than one candidate means the text alone cannot tell which was meant.
    """

    start: int
    end: int
    text: str
    candidates: tuple[date, ...]


# A 4-digit year, then either a run of month-and-day digits before 日 (月 lost), or an explicit
# 月 (then 年 must be the one lost). A complete 年…月…日 date is matched too, then skipped, so
# that no part of it is taken for a run-together date.
_RUN_TOGETHER = lazy_compile(
    r"(?<![0-9])([0-9]{4})(年?)(?:([0-9]{2,4})|([0-9]{1,2})月([0-9]{1,2}))日"
)


def _month_day_splits(year: int, digits: str) -> tuple[date, ...]:
    candidates: list[date] = []
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        if not 1 <= len(day) <= 2:
            continue
        try:
            candidates.append(_make_date(year, int(month), int(day), digits))
        except ValueError:
            continue
    return tuple(sorted(candidates))


def find_run_together_dates(text: str) -> list[RunTogetherDate]:
    """Find dates that lost their 年 and/or 月: "2022412日", "2022年412日", "20224月12日".

    Every way of splitting the digits into a real month and day is a candidate, so an ambiguous
    date ("2022111日": 1月11日 or 11月1日) can be reported as such rather than guessed. Digit runs
    that make no real date are not returned; neither are complete dates nor a bare "2022年".

    >>> find_run_together_dates("2022412日召开会议")
    [RunTogetherDate(start=0, end=8, text='2022412日', candidates=(datetime.date(2022, 4, 12),))]
    >>> [r.candidates for r in find_run_together_dates("于202278日前")]
    [(datetime.date(2022, 7, 8),)]
    >>> [r.candidates for r in find_run_together_dates("2022111日")]
    [(datetime.date(2022, 1, 11), datetime.date(2022, 11, 1))]
    >>> find_run_together_dates("2022年4月12日，2022年以来")
    []
    """
    normalised = ascii_digits(text)
    found: list[RunTogetherDate] = []
    for m in _RUN_TOGETHER.finditer(normalised):
        year = int(m[1])
        if m[3] is not None:
            candidates = _month_day_splits(year, m[3])
        elif m[2]:
            continue  # 年, 月 and 日 all there: a complete date
        else:
            try:
                candidates = (_make_date(year, int(m[4]), int(m[5]), m[0]),)
            except ValueError:
                candidates = ()
        if candidates:
            found.append(RunTogetherDate(m.start(), m.end(), text[m.start() : m.end()], candidates))
    return found
