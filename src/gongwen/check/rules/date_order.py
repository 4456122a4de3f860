"""GW504: dates out of order — only what is really out of order (a range that ends before it
starts, feedback before the inspection ended, a 成文日期 before dates the text says are past),
never deadlines, plans, or past events told out of order. Split from :mod:`dating`."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from gongwen.check.registry import Hit
from gongwen.check.view import CheckInput, Role, Unit
from gongwen.dates import find_dates, find_run_together_dates, format_date
from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import ascii_digits

# ---------------------------------------------------------------------------------------------
# Order


@dataclass(frozen=True)
class _Dated:
    position: int
    text: str
    day: date


_MONTH_DAY = lazy_compile(r"(?<![0-9年])([0-9]{1,2})月([0-9]{1,2})日")


def dates_in(text: str) -> list[_Dated]:
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


_JOINER = lazy_compile(r"\s*(?:至|到|—{1,2}|–|－|～|~|-)\s*")
_INSPECTION = lazy_compile(r"巡察|巡视|督察|督导|审计|检查")
_FEEDBACK = lazy_compile(r"^[^。；;，,]{0,12}反馈")
_SENTENCE_END = lazy_compile(r"[。；;！？!?]")
_PAST_MARK = lazy_compile(r"(?<![为除])了(?!解)|已|先后|期间|此前")
"""Words that tell a date is of something done: 召开了, 已完成."""
_FUTURE_MARK = lazy_compile(
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
        dated = dates_in(unit.text)
        ranges = list(_ranges(unit, dated))
        for start, end, between in ranges:
            if _inverted(start, end):
                yield Hit(
                    _("日期范围倒置：“{range}”的结束早于开始").format(
                        range=f"{start.text}{between}{end.text}"
                    ),
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
            message = _("成文日期{signed}早于正文所述已发生的“{latest}”").format(
                signed=format_date(signed), latest=latest.text
            )
            if signed_unit is not None:
                yield Hit(message, signed_unit, span=_date_span(signed_unit))
            else:
                yield Hit(message, path="signature.date")
        if published is not None and published < signed:
            message = _("发布日期{published}早于成文日期{signed}").format(
                published=format_date(published), signed=format_date(signed)
            )
            yield _hit_at(inp, message, "发布", "published")
        printed = inp.print_date
        if printed is not None and printed < signed:
            message = _("印发日期{printed}早于成文日期{signed}").format(
                printed=format_date(printed), signed=format_date(signed)
            )
            yield _hit_at(inp, message, "印发", "imprint.print_date")
    if published is not None and latest is not None and published < latest.day:
        message = _("发布日期{published}早于正文所述已发生的“{latest}”").format(
            published=format_date(published), latest=latest.text
        )
        yield _hit_at(inp, message, "发布", "published")


def _feedback_before_end(
    unit: Unit, dated: list[_Dated], ranges: list[tuple[_Dated, _Dated, str]]
) -> Iterator[Hit]:
    """An inspection's feedback (反馈) dated before the inspection ended, in one paragraph."""
    for start, end, _between in ranges:
        sentence_start = max(unit.text.rfind(c, 0, start.position) for c in "。；;") + 1
        told = unit.text[sentence_start : end.position + len(end.text) + 20]
        if not _INSPECTION.search(told):
            continue
        for d in dated:
            if d.position <= end.position or d.day >= end.day or _inverted(start, end):
                continue
            if _FEEDBACK.search(unit.text[d.position + len(d.text) :]):
                yield Hit(
                    _("日期先后不对：“{feedback}”反馈，早于“{range}”巡察结束").format(
                        feedback=d.text, range=f"{start.text}{end.text}"
                    ),
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


__all__ = ["check_date_order", "dates_in"]
