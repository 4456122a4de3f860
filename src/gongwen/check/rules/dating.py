"""GW5xx: dates — their form (GB/T 9704 cl. 7.3.5.4, GB/T 15835), their order, and damage."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from gongwen.check.registry import Hit, Rule
from gongwen.check.view import CJK, CheckInput, Role, Unit
from gongwen.dates import Numerals, find_dates, find_run_together_dates, format_date
from gongwen.findings import Level
from gongwen.numbering import ascii_digits


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
        found = [m for m in _PADDED.finditer(plain) if _padded(m)]
        if not found:
            continue
        fixed = unit.text
        for m in reversed(found):
            fixed = fixed[: m.start()] + _unpadded(m) + fixed[m.end() :]
        first = unit.text[found[0].start() : found[0].end()]
        yield Hit(
            f"日期“{first}”的月、日前补了0：应写“{_unpadded(found[0])}”（GB/T 9704 7.3.5.4）",
            unit,
            fix=fixed,
        )


_CN_YEAR = re.compile(r"([〇零○◯OＯo0０一二三四五六七八九]{4})\s*年")
_BAD_ZEROS = "零○◯OＯo0０"


def check_chinese_zero(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        years = [
            m
            for m in _CN_YEAR.finditer(unit.text)
            if any(c in "一二三四五六七八九" for c in m[1]) and any(c in _BAD_ZEROS for c in m[1])
        ]
        if not years:
            continue
        table = str.maketrans(dict.fromkeys(_BAD_ZEROS, "〇"))
        fixed = unit.text
        for m in years:
            fixed = fixed[: m.start(1)] + m[1].translate(table) + fixed[m.end(1) :]
        bad = years[0][1]
        yield Hit(
            f"汉字年份“{bad}年”里的零应写“〇”：“{bad.translate(table)}年”（GB/T 15835 5.2.5）",
            unit,
            fix=fixed,
        )


def _form(text: str) -> str:
    return "arabic" if ascii_digits(text[:1]).isdigit() else "chinese"


def check_mixed_forms(inp: CheckInput) -> Iterator[Hit]:
    found: list[tuple[Unit, list[tuple[int, int, date, str]]]] = []
    forms: Counter[str] = Counter()
    for unit in _texts(inp):
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
        wrong = [(s, e, d) for s, e, d, f in dates if f != main]
        if not wrong:
            continue
        fixed = unit.text
        for s, e, d in reversed(wrong):
            fixed = fixed[:s] + format_date(d, main) + fixed[e:]
        shown = unit.text[wrong[0][0] : wrong[0][1]]
        yield Hit(
            f"日期写法不统一：本文日期用{names[main]}，“{shown}”用了{names[minority]}"
            "（GB/T 15835：同类别同形式）",
            unit,
            fix=fixed,
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


_PAST = re.compile(r"巡察|巡视|督察|督导|审计|反馈")
"""An introduction recounting an inspection: its dates are past when the notice is signed."""
_JOINER = re.compile(r"\s*(?:至|到|—{1,2}|–|－|～|~)\s*")


def check_date_order(inp: CheckInput) -> Iterator[Hit]:
    intro = [unit for unit in inp.units if unit.intro]
    past = any(_PAST.search(unit.text) for unit in intro)
    latest: _Dated | None = None
    for unit in intro:
        dated = _dates_in(unit.text)
        for before, after in zip([None, *dated], dated, strict=False):
            if before is not None and after.day < before.day:
                between = unit.text[before.position + len(before.text) : after.position]
                if _JOINER.fullmatch(between):
                    yield Hit(f"日期范围倒置：“{before.text}{between}{after.text}”", unit)
                    continue
            if past and latest is not None and after.day < latest.day:
                yield Hit(
                    f"日期先后不对：“{after.text}”写在“{latest.text}”之后，却早于它"
                    "（巡察开始、结束、反馈应依次在后）",
                    unit,
                )
            if latest is None or after.day >= latest.day:
                latest = after
    signature = inp.signature_date
    published = inp.published
    if not past:
        latest = None  # a notice may announce dates after its own
    if signature is not None:
        signed, signed_unit = signature
        if latest is not None and signed < latest.day:
            message = f"成文日期{_show(signed)}早于正文所述“{latest.text}”"
            if signed_unit is not None:
                yield Hit(message, signed_unit)
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
        message = f"发布日期{_show(published)}早于正文所述“{latest.text}”"
        yield _hit_at(inp, message, "发布", "published")


def _hit_at(inp: CheckInput, message: str, word: str, path: str) -> Hit:
    """A finding on a date that is not in running text: its line in a text (the page chrome
    or the 版记 that holds ``word``), its field ``path`` in a model."""
    if inp.raw:
        for unit in inp.units:
            if unit.role in (Role.CHROME, Role.IMPRINT) and word in unit.text:
                return Hit(message, unit)
        return Hit(message)
    return Hit(message, path=path)


# ---------------------------------------------------------------------------------------------
# Damage


def check_run_together(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        for run in find_run_together_dates(unit.text):
            if len(run.candidates) == 1:
                (day,) = run.candidates
                fixed = unit.text[: run.start] + format_date(day) + unit.text[run.end :]
                yield Hit(
                    f"日期“{run.text}”丢了“年”“月”：应为“{format_date(day)}”", unit, fix=fixed
                )
            else:
                options = "或".join(f"“{format_date(d)}”" for d in run.candidates)
                yield Hit(f"日期“{run.text}”丢了“年”“月”：可能是{options}，请核对", unit)


_UNIT_WORDS = (
    "年月日号个项次名人元万亿千百余多条届期批轮组家户栋位岁周天时分秒倍米件份篇本部处所场类"
    "种套台辆张页幅章节款点级层季度斤吨亩平公里"
)
_BARE_DIGITS = re.compile(
    rf"(?<=[{CJK}])(?<!问题)(?<!附件)(?<!第)([0-9]{{2,4}})(?=[{CJK}])(?![{_UNIT_WORDS}])"
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
            )


_SHORT_YEAR = re.compile(r"(?<![0-9])([0-9]{2})\s*年\s*([0-9]{1,2})\s*月")


def check_short_year(inp: CheckInput) -> Iterator[Hit]:
    for unit in _texts(inp):
        m = _SHORT_YEAR.search(ascii_digits(unit.text))
        if m is not None:
            yield Hit(f"年份“{m[1]}年”只写了两位：年份应写全四位（GB/T 15835）", unit)


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
        "Dates out of order: the inspection's start, end and feedback in the introduction, then "
        "the 成文日期, 印发日期 and 发布日期.",
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
