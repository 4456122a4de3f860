"""GW5xx: dates — their form (GB/T 9704 cl. 7.3.5.4, GB/T 15835), their order, and damage."""

from __future__ import annotations

import contextlib
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from gongwen.check.prose import MEASURE_WORDS, counted
from gongwen.check.registry import Hit, Rule, replaced
from gongwen.check.view import CJK, CheckInput, Role, Unit
from gongwen.dates import Numerals, find_dates, find_run_together_dates, format_date
from gongwen.findings import Level
from gongwen.numbering import ascii_digits, parse_chinese_numeral


def _texts(inp: CheckInput) -> Iterator[Unit]:
    for unit in inp.units:
        if unit.role != Role.CHROME:
            yield unit


def _show(d: date) -> str:
    return format_date(d)


# ---------------------------------------------------------------------------------------------
# Form

_PADDED = re.compile(r"(?<![0-9])(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")


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
                f"日期“{written}”的月、日前补了0：应写“{_unpadded(m)}”（GB/T 9704 7.3.5.4）",
                unit,
                fix=replaced(unit.text, m.start(), m.end(), _unpadded(m)),
                span=m.span(),
            )


_CN_YEAR = re.compile(r"([〇零○◯OＯo0０一二三四五六七八九]{4})\s*年")
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
                f"汉字年份“{year}年”里的零应写“〇”：“{right}年”（GB/T 15835 5.2.5）",
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
            forms.update(f for *_, f in dates)
    notice = inp.notice
    main: Numerals
    if not inp.raw and notice is not None and (notice.signature or notice.imprint):
        main = notice.presentation.date_numerals
    else:
        main = "chinese" if forms["chinese"] > forms["arabic"] else "arabic"
    if forms[main] == sum(forms.values()):
        return
    names = {"arabic": "阿拉伯数字", "chinese": "汉字"}
    minority = "chinese" if main == "arabic" else "arabic"
    for unit, dates in found:
        for start, end, day, form in dates:
            if form == main:
                continue
            shown = unit.text[start:end]
            yield Hit(
                f"日期写法不统一：本文日期用{names[main]}，“{shown}”用了{names[minority]}"
                "（GB/T 15835：同类别同形式）",
                unit,
                fix=replaced(unit.text, start, end, format_date(day, main)),
                span=(start, end),
            )


# ---------------------------------------------------------------------------------------------
# Order


@dataclass(frozen=True)
class _Dated:
    position: int
    text: str
    day: date


_MONTH_DAY = re.compile(r"(?<![0-9年])([0-9]{1,2})月([0-9]{1,2})日")


def _dates_in(text: str) -> list[_Dated]:
    """Full dates, certain run-together dates and 月日 dates that take the year before them."""
    out: list[_Dated] = []
    spans: list[tuple[int, int]] = []
    for start, end, day in find_dates(text):
        out.append(_Dated(start, text[start:end], day))
        spans.append((start, end))
    for run in find_run_together_dates(text):
        if len(run.candidates) == 1:
            out.append(_Dated(run.start, run.text, run.candidates[0]))
            spans.append((run.start, run.end))
    plain = ascii_digits(text)
    for m in _MONTH_DAY.finditer(plain):
        if any(s <= m.start() < e for s, e in spans):
            continue
        years = [d for d in out if d.position < m.start()]
        if not years:
            continue
        year = max(years, key=lambda d: d.position).day.year
        try:
            out.append(
                _Dated(m.start(), text[m.start() : m.end()], date(year, int(m[1]), int(m[2])))
            )
        except ValueError:
            continue
    return sorted(out, key=lambda d: d.position)


_JOINER = re.compile(r"\s*(?:至|到|—{1,2}|–|－|～|~|-)\s*")
_INSPECTION = re.compile(r"巡察|巡视|督察|督导|审计|检查")
_FEEDBACK = re.compile(r"^[^。；;，,]{0,12}反馈")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_PAST_MARK = re.compile(r"(?<![为除])了(?!解)|已|先后|期间|此前")
"""Words that tell a date is of something done: 召开了, 已完成."""
_FUTURE_MARK = re.compile(
    r"计划|拟|将|预计|定于|力争|争取|前|以前|之前|截止|起|开始|届时|须|需|应|要|不晚于|以后|之后"
)
"""Words that tell a date is a plan or a deadline: 计划于…年…月底前完成, 自…起施行."""
_BODY_ROLES = frozenset(
    {Role.PARAGRAPH, Role.PROBLEM, Role.MEASURE, Role.MEASURES_LABEL, Role.HEADING, Role.NOTE}
)


def _ranges(unit: Unit, dated: list[_Dated]) -> Iterator[tuple[_Dated, _Dated, str]]:
    """Pairs of dates written as a range (A至B), with what joins them."""
    for before, after in itertools.pairwise(dated):
        between = unit.text[before.position + len(before.text) : after.position]
        if _JOINER.fullmatch(between):
            yield before, after, between


def _year_inferred(d: _Dated) -> bool:
    return "年" not in d.text


def _inverted(start: _Dated, end: _Dated) -> bool:
    """The range ends before it starts; 2022年12月1日至1月5日 runs into the next year."""
    if end.day >= start.day:
        return False
    if _year_inferred(end):
        with contextlib.suppress(ValueError):
            return end.day.replace(year=end.day.year + 1) < start.day
    return True


def _said_past(unit: Unit, dated: list[_Dated], index: int) -> bool:
    """Whether the text says the thing dated happened (…召开了, 已…) and nothing around the
    date makes it a plan or a deadline (计划于…前, 定于…, 自…起)."""
    d = dated[index]
    text = unit.text
    end = d.position + len(d.text)
    stop = _SENTENCE_END.search(text, end)
    limit = stop.start() if stop else len(text)
    if index + 1 < len(dated):
        after = dated[index + 1]
        between = text[end : after.position]
        if _JOINER.fullmatch(between):
            return _said_past(unit, dated, index + 1)  # a range's start: as its end
        limit = min(limit, after.position)
    tail = text[end:limit]
    head = text[max(0, d.position - 4) : d.position]
    return bool(_PAST_MARK.search(tail)) and not (
        _FUTURE_MARK.search(tail) or _FUTURE_MARK.search(head)
    )


def check_date_order(inp: CheckInput) -> Iterator[Hit]:
    latest: _Dated | None = None
    for unit in inp.units:
        if unit.role not in _BODY_ROLES or unit.part != 0:
            continue
        dated = _dates_in(unit.text)
        ranges = list(_ranges(unit, dated))
        for start, end, between in ranges:
            if _inverted(start, end):
                yield Hit(
                    f"日期范围倒置：“{start.text}{between}{end.text}”的结束早于开始",
                    unit,
                    span=(start.position, end.position + len(end.text)),
                )
        yield from _feedback_before_end(unit, dated, ranges)
        for i, d in enumerate(dated):
            if _said_past(unit, dated, i) and (latest is None or d.day > latest.day):
                latest = d
    signature = inp.signature_date
    published = inp.published
    if signature is not None:
        signed, signed_unit = signature
        if latest is not None and signed < latest.day:
            message = f"成文日期{_show(signed)}早于正文所述已发生的“{latest.text}”"
            if signed_unit is not None:
                yield Hit(message, signed_unit, span=_date_span(signed_unit))
            else:
                yield Hit(message, path="signature.date")
        if published is not None and published < signed:
            message = f"发布日期{_show(published)}早于成文日期{_show(signed)}"
            yield _hit_at(inp, message, "发布", "published")
        printed = inp.print_date
        if printed is not None and printed < signed:
            message = f"印发日期{_show(printed)}早于成文日期{_show(signed)}"
            yield _hit_at(inp, message, "印发", "imprint.print_date")
    if published is not None and latest is not None and published < latest.day:
        message = f"发布日期{_show(published)}早于正文所述已发生的“{latest.text}”"
        yield _hit_at(inp, message, "发布", "published")


def _feedback_before_end(
    unit: Unit, dated: list[_Dated], ranges: list[tuple[_Dated, _Dated, str]]
) -> Iterator[Hit]:
    """An inspection's feedback (反馈) dated before the inspection ended, in one paragraph."""
    for start, end, _ in ranges:
        sentence_start = max(unit.text.rfind(c, 0, start.position) for c in "。；;") + 1
        told = unit.text[sentence_start : end.position + len(end.text) + 20]
        if not _INSPECTION.search(told):
            continue
        for d in dated:
            if d.position <= end.position or d.day >= end.day or _inverted(start, end):
                continue
            if _FEEDBACK.search(unit.text[d.position + len(d.text) :]):
                yield Hit(
                    f"日期先后不对：“{d.text}”反馈，早于“{start.text}{end.text}”巡察结束",
                    unit,
                    span=(d.position, d.position + len(d.text)),
                )


def _date_span(unit: Unit) -> tuple[int, int]:
    lead = len(unit.text) - len(unit.text.lstrip())
    return lead, len(unit.text.rstrip())


def _hit_at(inp: CheckInput, message: str, word: str, path: str) -> Hit:
    """A finding on a date that is not in running text: its line in a text (the page chrome
    or the 版记 that holds ``word``), its field ``path`` in a model."""
    if inp.raw:
        for unit in inp.units:
            if unit.role in (Role.CHROME, Role.IMPRINT) and word in unit.text:
                return Hit(message, unit, span=_date_span(unit))
        return Hit(message)
    return Hit(message, path=path)


# ---------------------------------------------------------------------------------------------
# Damage


# A 月日 that lost its 月 (于816日, 85日、89日): digits before 日 that are no day of a month
# (more than 31), not a year's or a month's, and not a span of days (120日内).
_MONTH_DAY_RUN = re.compile(
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
                f"日期“{written}”丢了“月”：应为“{options[0]}”",
                unit,
                fix=replaced(unit.text, m.start(), m.end(), options[0]),
                span=m.span(),
            )
        else:
            yield Hit(
                f"日期“{written}”丢了“月”：可能是{'或'.join(options)}，请核对", unit, span=m.span()
            )


def check_run_together(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        runs = find_run_together_dates(unit.text)
        yield from _month_day_runs(unit, [(run.start, run.end) for run in runs])
        for run in runs:
            if len(run.candidates) == 1:
                (day,) = run.candidates
                yield Hit(
                    f"日期“{run.text}”丢了“年”“月”：应为“{format_date(day)}”",
                    unit,
                    fix=replaced(unit.text, run.start, run.end, format_date(day)),
                    span=(run.start, run.end),
                )
            else:
                options = "或".join(f"“{format_date(d)}”" for d in run.candidates)
                yield Hit(
                    f"日期“{run.text}”丢了“年”“月”：可能是{options}，请核对",
                    unit,
                    span=(run.start, run.end),
                )


# Digits between Chinese that are no count (no measure word after them, no 共/约/达… before).
_BARE_DIGITS = re.compile(
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
                f"“{shown}”中的“{m[1]}”像是丢了“月”“日”（和前后的标点）的日期："
                f"{'或'.join(options)}？请核对",
                unit,
                span=m.span(1),
            )


_MISSING_DAY = re.compile(
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
                f"日期“{written}”缺少“日”：应为“{written}日”？请核对",
                unit,
                span=(m.start(), m.end()),
            )


_SHORT_YEAR = re.compile(r"(?<![0-9])([0-9]{2})\s*年\s*([0-9]{1,2})\s*月")


def check_short_year(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        for m in _SHORT_YEAR.finditer(ascii_digits(unit.text)):
            yield Hit(
                f"年份“{m[1]}年”只写了两位：年份应写全四位（GB/T 15835）", unit, span=m.span(1)
            )


RULES: tuple[Rule, ...] = (
    Rule(
        "GW501",
        "date-zero-padding",
        Level.WARNING,
        "A month or day padded with 0 (2023年03月14日); GB/T 9704 writes 2023年3月14日.",
        check_zero_padding,
        bad="会议于2023年03月04日召开。\n",
        good="会议于2023年3月4日召开。\n",
        fixable=True,
    ),
    Rule(
        "GW502",
        "chinese-year-zero",
        Level.WARNING,
        "A Chinese-numeral year written with 零, ○ or O (二零二三年); GB/T 15835 writes 〇.",
        check_chinese_zero,
        bad="二零二三年三月十四日\n",
        good="二〇二三年三月十四日\n",
        fixable=True,
    ),
    Rule(
        "GW503",
        "date-forms-mixed",
        Level.WARNING,
        "Dates in Arabic and in Chinese numerals in one notice; the fix writes the minority "
        "in the notice's form.",
        check_mixed_forms,
        bad="会议于2023年3月14日召开，定于二〇二三年四月一日前报送，2023年5月1日起施行。\n",
        good="会议于2023年3月14日召开，定于2023年4月1日前报送，2023年5月1日起施行。\n",
        fixable=True,
    ),
    Rule(
        "GW504",
        "date-order",
        Level.WARNING,
        "Dates really out of order: a range that ends before it starts, an inspection's "
        "feedback before its end, a 成文日期, 印发日期 or 发布日期 before what the text says "
        "has happened. Plans, deadlines and past events told out of order are left alone.",
        check_date_order,
        bad="关于整改情况的通报\n\n2022年4月12日至7月8日，区委巡察组开展了巡察，"
        "并于6月1日反馈了巡察意见。\n",
        good="关于整改情况的通报\n\n2022年4月12日至7月8日，区委巡察组开展了巡察，"
        "并于9月1日反馈了巡察意见。\n",
    ),
    Rule(
        "GW505",
        "date-run-together",
        Level.ERROR,
        "A date that lost its 年 and 月 (2022412日); fixed when only one date fits the digits.",
        check_run_together,
        bad="2022412日至202278日，区委巡察组开展了巡察。\n",
        good="2022年4月12日至2022年7月8日，区委巡察组开展了巡察。\n",
        fixable=True,
    ),
    Rule(
        "GW506",
        "date-month-day-lost",
        Level.WARNING,
        "Bare digits after a date that read as a 月日 whose characters were lost (巡察91区委).",
        check_lost_month_day,
        bad="2022年4月12日至7月8日开展了巡察91区委巡察组反馈了意见。\n",
        good="2022年4月12日至7月8日开展了巡察。9月1日，区委巡察组反馈了意见。\n",
    ),
    Rule(
        "GW507",
        "date-short-year",
        Level.WARNING,
        "A year written with two digits (23年3月).",
        check_short_year,
        bad="23年3月起施行。\n",
        good="2023年3月起施行。\n",
    ),
    Rule(
        "GW508",
        "date-missing-day",
        Level.WARNING,
        "A date whose 日 was lost (2023年3月14，).",
        check_missing_day,
        bad="会议于2023年3月14，在区委召开。\n",
        good="会议于2023年3月14日，在区委召开；2023年3月15个工作日内办结。\n",
    ),
)
