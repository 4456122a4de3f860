"""GW5xx: dates — their form (GB/T 9704 cl. 7.3.5.4, GB/T 15835), their order, and damage."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date

from gongwen.check.prose import MEASURE_WORDS, counted
from gongwen.check.registry import Hit, Rule, replaced
from gongwen.check.rules.date_order import check_date_order
from gongwen.check.rules.date_order import dates_in as _dates_in
from gongwen.check.view import CJK, CheckInput, Role, Unit
from gongwen.dates import Numerals, find_dates, find_run_together_dates, format_date
from gongwen.findings import Level
from gongwen.i18n import N_, _
from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import ascii_digits, parse_chinese_numeral


def _either(options: list[str]) -> str:
    """Dates a reading may be, for a message: “甲”或“乙”."""
    # 译注：几种可能之间的“或”
    return _("或").join(options)


def _texts(inp: CheckInput) -> Iterator[Unit]:
    for unit in inp.units:
        if unit.role != Role.CHROME:
            yield unit


# ---------------------------------------------------------------------------------------------
# Form

_PADDED = lazy_compile(r"(?<![0-9])(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")


def _padded(m: re.Match[str]) -> bool:
    return m[2].startswith("0") or m[3].startswith("0")


def _unpadded(m: re.Match[str]) -> str:
    year = f"{m[1]}年" if m[1] else ""
    return f"{year}{int(m[2])}月{int(m[3])}日"


def check_zero_padding(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        plain = ascii_digits(unit.text)  # one character for one: offsets hold
        for m in _PADDED.finditer(plain):
            if not _padded(m):
                continue
            written = unit.text[m.start() : m.end()]
            yield Hit(
                _("日期“{written}”的月、日前补了0：应写“{right}”（GB/T 9704 7.3.5.4）").format(
                    written=written, right=_unpadded(m)
                ),
                unit,
                fix=replaced(unit.text, m.start(), m.end(), _unpadded(m)),
                span=m.span(),
            )


_CN_YEAR = lazy_compile(r"([〇零○◯OＯo0０一二三四五六七八九]{4})\s*年")
_BAD_ZEROS = "零○◯OＯo0０"
_ZERO = str.maketrans(dict.fromkeys(_BAD_ZEROS, "〇"))


def check_chinese_zero(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        for m in _CN_YEAR.finditer(unit.text):
            year = m[1]
            if not any(c in "一二三四五六七八九" for c in year) or not any(
                c in _BAD_ZEROS for c in year
            ):
                continue
            right = year.translate(_ZERO)
            yield Hit(
                _("汉字年份“{year}年”里的零应写“〇”：“{right}年”（GB/T 15835 5.2.5）").format(
                    year=year, right=right
                ),
                unit,
                fix=replaced(unit.text, m.start(1), m.end(1), year.translate(_ZERO)),
                span=m.span(1),
            )


def _form(text: str) -> str:
    return "arabic" if ascii_digits(text[:1]).isdigit() else "chinese"


def check_mixed_forms(inp: CheckInput) -> Iterator[Hit]:
    found: list[tuple[Unit, list[tuple[int, int, date, str]]]] = []
    forms: Counter[str] = Counter()
    for unit in _texts(inp):
        if unit.role == Role.SIGNATURE_DATE:
            continue  # 成文日期 in 〇 numerals is the 1999 edition's form: its own convention
        dates = [(s, e, d, _form(unit.text[s:e])) for s, e, d in find_dates(unit.text)]
        if dates:
            found.append((unit, dates))
            forms.update(form for *_place, form in dates)
    notice = inp.notice
    main: Numerals
    if not inp.raw and notice is not None and (notice.signature or notice.imprint):
        main = notice.presentation.date_numerals
    else:
        main = "chinese" if forms["chinese"] > forms["arabic"] else "arabic"
    if forms[main] == sum(forms.values()):
        return
    names = {"arabic": N_("阿拉伯数字"), "chinese": N_("汉字")}
    minority = "chinese" if main == "arabic" else "arabic"
    for unit, dates in found:
        for start, end, day, form in dates:
            if form == main:
                continue
            shown = unit.text[start:end]
            yield Hit(
                _(
                    "日期写法不统一：本文日期用{main}，“{shown}”用了{minority}"
                    "（GB/T 15835：同类别同形式）"
                ).format(main=_(names[main]), shown=shown, minority=_(names[minority])),
                unit,
                fix=replaced(unit.text, start, end, format_date(day, main)),
                span=(start, end),
            )


# ---------------------------------------------------------------------------------------------
# Damage


# A 月日 that lost its 月 (于816日, 85日、89日): digits before 日 that are no day of a month
# (more than 31), not a year's or a month's, and not a span of days (120日内).
_MONTH_DAY_RUN = lazy_compile(
    r"(?<![0-9年月.．:：\-])(?<!问题)([0-9]{2,4})日(?!内|以内|之内|后|左右|起|以上)"
)


def month_day_splits(digits: str) -> list[str]:
    """Every reading of digits as a month and a day.

    >>> month_day_splits("816"), month_day_splits("1112"), month_day_splits("120")
    (['8月16日'], ['11月12日'], ['1月20日'])
    >>> month_day_splits("111")
    ['1月11日', '11月1日']
    """
    out = []
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        if len(day) > 2 or month.startswith("0") or day.startswith("0"):
            continue
        if 1 <= int(month) <= 12 and 1 <= int(day) <= _MONTH_DAYS[int(month)]:
            out.append(f"{int(month)}月{int(day)}日")
    return out


_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_day_runs(unit: Unit, taken: list[tuple[int, int]]) -> Iterator[Hit]:
    plain = ascii_digits(unit.text)
    for m in _MONTH_DAY_RUN.finditer(plain):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if len(m[1]) == 2 and int(m[1]) <= 31:
            continue  # 15日: a day of the month
        options = month_day_splits(m[1])
        if not options:
            continue
        written = unit.text[m.start() : m.end()]
        if len(options) == 1:
            yield Hit(
                _("日期“{written}”丢了“月”：应为“{right}”").format(
                    written=written, right=options[0]
                ),
                unit,
                fix=replaced(unit.text, m.start(), m.end(), options[0]),
                span=m.span(),
            )
        else:
            yield Hit(
                _("日期“{written}”丢了“月”：可能是{options}，请核对").format(
                    written=written, options=_either(options)
                ),
                unit,
                span=m.span(),
            )


def check_run_together(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        runs = find_run_together_dates(unit.text)
        yield from _month_day_runs(unit, [(run.start, run.end) for run in runs])
        for run in runs:
            if len(run.candidates) == 1:
                (day,) = run.candidates
                yield Hit(
                    _("日期“{written}”丢了“年”“月”：应为“{right}”").format(
                        written=run.text, right=format_date(day)
                    ),
                    unit,
                    fix=replaced(unit.text, run.start, run.end, format_date(day)),
                    span=(run.start, run.end),
                )
            else:
                options = _either([f"“{format_date(d)}”" for d in run.candidates])
                yield Hit(
                    _("日期“{written}”丢了“年”“月”：可能是{options}，请核对").format(
                        written=run.text, options=options
                    ),
                    unit,
                    span=(run.start, run.end),
                )


# Digits between Chinese that are no count (no measure word after them, no 共/约/达… before).
_BARE_DIGITS = lazy_compile(
    rf"(?<=[{CJK}])(?<!问题)(?<!附件)(?<!第)(?<![共约近达超计逾余])([0-9]{{2,4}})(?=[{CJK}])"
    rf"(?![{MEASURE_WORDS}])"
)


def _month_days(digits: str) -> list[str]:
    out = []
    for cut in range(1, len(digits)):
        month, day = digits[:cut], digits[cut:]
        if month.startswith("0") or day.startswith("0") or len(month) > 2 or len(day) > 2:
            continue
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            out.append(f"{int(month)}月{int(day)}日")
    return out


def check_lost_month_day(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        plain = ascii_digits(unit.text)
        dated = _dates_in(unit.text)
        for m in _BARE_DIGITS.finditer(plain):
            if not any(d.position < m.start() for d in dated):
                continue
            options = _month_days(m[1])
            if not options:
                continue
            shown = unit.text[max(0, m.start() - 2) : m.end() + 2]
            yield Hit(
                _(
                    "“{shown}”中的“{digits}”像是丢了“月”“日”（和前后的标点）的日期："
                    "{options}？请核对"
                ).format(shown=shown, digits=m[1], options=_either(options)),
                unit,
                span=m.span(1),
            )


_MISSING_DAY = lazy_compile(
    r"(?<![0-9])[0-9]{4}\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})(?![0-9日号.．%：:])"
    r"|[〇零○一二三四五六七八九]{4}年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})"
    r"(?![日号一二三四五六七八九十])"
)


def _day_ok(month: str, day: str) -> bool:
    try:
        m = int(month) if month.isdigit() else parse_chinese_numeral(month)
        d = int(day) if day.isdigit() else parse_chinese_numeral(day)
    except ValueError:
        return False
    return 1 <= m <= 12 and 1 <= d <= _MONTH_DAYS[m]


def check_missing_day(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        plain = ascii_digits(unit.text)
        for m in _MISSING_DAY.finditer(plain):
            month, day = (m[1], m[2]) if m[1] is not None else (m[3], m[4])
            if counted(plain, m.end()) and plain[m.end() : m.end() + 1] not in ("至", "到"):
                continue  # 3月15个工作日: a count, not a day
            if not _day_ok(month, day):
                continue
            written = unit.text[m.start() : m.end()]
            # No fix: the digits may have lost more than 日 (a scrape that drops 日 drops the
            # mark after it too), so a person must look.
            yield Hit(
                _("日期“{written}”缺少“日”：应为“{written}日”？请核对").format(written=written),
                unit,
                span=(m.start(), m.end()),
            )


_SHORT_YEAR = lazy_compile(r"(?<![0-9])([0-9]{2})\s*年\s*([0-9]{1,2})\s*月")


def check_short_year(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        for m in _SHORT_YEAR.finditer(ascii_digits(unit.text)):
            yield Hit(
                _("年份“{year}年”只写了两位：年份应写全四位（GB/T 15835）").format(year=m[1]),
                unit,
                span=m.span(1),
            )


RULES: tuple[Rule, ...] = (
    Rule(
        "GW501",
        N_("日期补零"),
        Level.WARNING,
        N_("月或日前补了0（2023年03月14日）；GB/T 9704 写作2023年3月14日。"),
        check_zero_padding,
        bad="会议于2023年03月04日召开。\n",
        good="会议于2023年3月4日召开。\n",
        fixable=True,
    ),
    Rule(
        "GW502",
        N_("汉字年份的零"),
        Level.WARNING,
        N_("汉字年份中的零写成了零、○或O（二零二三年）；GB/T 15835 写作〇。"),
        check_chinese_zero,
        bad="二零二三年三月十四日\n",
        good="二〇二三年三月十四日\n",
        fixable=True,
    ),
    Rule(
        "GW503",
        N_("日期写法不统一"),
        Level.WARNING,
        N_("同一文中的日期既有阿拉伯数字又有汉字；修复把少数的一方改为本文的写法。"),
        check_mixed_forms,
        bad="会议于2023年3月14日召开，定于二〇二三年四月一日前报送，2023年5月1日起施行。\n",
        good="会议于2023年3月14日召开，定于2023年4月1日前报送，2023年5月1日起施行。\n",
        fixable=True,
    ),
    Rule(
        "GW504",
        N_("日期先后颠倒"),
        Level.WARNING,
        N_(
            "日期先后确实颠倒：止日早于起日，巡察反馈早于巡察结束，成文日期、印发日期或发布日期"
            "早于文中所说已经发生的事。计划、期限和不按先后叙述的往事不算。"
        ),
        check_date_order,
        bad="关于整改情况的通报\n\n2022年4月12日至7月8日，区委巡察组开展了巡察，"
        "并于6月1日反馈了巡察意见。\n",
        good="关于整改情况的通报\n\n2022年4月12日至7月8日，区委巡察组开展了巡察，"
        "并于9月1日反馈了巡察意见。\n",
    ),
    Rule(
        "GW505",
        N_("日期粘连"),
        Level.ERROR,
        N_("日期丢了“年”和“月”（2022412日）；这串数字只能读成一个日期时可修复。"),
        check_run_together,
        bad="2022412日至202278日，区委巡察组开展了巡察。\n",
        good="2022年4月12日至2022年7月8日，区委巡察组开展了巡察。\n",
        fixable=True,
    ),
    Rule(
        "GW506",
        N_("日期丢了月日"),
        Level.WARNING,
        N_("日期之后的一串数字像是丢了“月”“日”二字的月日（巡察91区委）。"),
        check_lost_month_day,
        bad="2022年4月12日至7月8日开展了巡察91区委巡察组反馈了意见。\n",
        good="2022年4月12日至7月8日开展了巡察。9月1日，区委巡察组反馈了意见。\n",
    ),
    Rule(
        "GW507",
        N_("年份只写两位"),
        Level.WARNING,
        N_("年份只写了两位数字（23年3月）。"),
        check_short_year,
        bad="23年3月起施行。\n",
        good="2023年3月起施行。\n",
    ),
    Rule(
        "GW508",
        N_("日期缺“日”"),
        Level.WARNING,
        N_("日期丢了“日”（2023年3月14，）。"),
        check_missing_day,
        bad="会议于2023年3月14，在区委召开。\n",
        good="会议于2023年3月14日，在区委召开；2023年3月15个工作日内办结。\n",
    ),
)

__all__ = [
    "RULES",
    "check_chinese_zero",
    "check_date_order",
    "check_lost_month_day",
    "check_mixed_forms",
    "check_run_together",
    "check_short_year",
    "check_zero_padding",
]
