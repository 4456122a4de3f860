"""The next round's bulletin (下一轮通报): problems carried forward, the counts derived.

A bulletin on rectification is published round after round. The next one starts from the last:
every problem is carried forward with a status (:class:`~gongwen.model.RectificationStatus`:
已完成 / 正在推进 / 长期坚持), the dates move on, and one sentence says how far things stand —
"截至2023年9月1日，16个问题中，已完成整改14项，正在推进2项。" Its counts are computed from the
statuses of the problems listed, so the sentence and the list can never disagree; running the
next round again on its own output (after editing statuses) recomputes the sentence in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from gongwen.batch.ledger import statuses_from_ledgers
from gongwen.dates import format_date
from gongwen.findings import InputError
from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile
from gongwen.model import BodyItem, Notice, Paragraph, Problem, RectificationStatus, Section, walk

StatusCounts = Mapping[RectificationStatus | None, int]
"""How many problems have each status (``None``: no status given)."""

PHRASES: dict[RectificationStatus | None, str] = {
    RectificationStatus.DONE: "已完成整改{n}项",
    RectificationStatus.IN_PROGRESS: "正在推进{n}项",
    RectificationStatus.ONGOING: "长期坚持{n}项",
    None: "尚未标明进展{n}项",
}
"""How each status is counted in the progress sentence, in the sentence's order."""

PROGRESS_SENTENCE = lazy_compile(
    r"截至\d{4}年\d{1,2}月\d{1,2}日，\d+个问题中，"
    r"(?:已完成整改|正在推进|长期坚持|尚未标明进展)\d+项"
    r"(?:，(?:已完成整改|正在推进|长期坚持|尚未标明进展)\d+项)*。"
)
"""The sentence :func:`progress_paragraph` writes, found again in a later round."""


def count_statuses(items: list[BodyItem]) -> dict[RectificationStatus | None, int]:
    """How many problems among ``items`` (at any depth) have each status.

    >>> n = Notice(title="T", body=[{"problem": {"statement": "a", "status": "已完成"}},
    ...                             {"problem": {"statement": "b"}}])
    >>> count_statuses(n.body)
    {<RectificationStatus.DONE: '已完成'>: 1, None: 1}
    """
    counts: dict[RectificationStatus | None, int] = {}
    for _depth, item in walk(items):
        if isinstance(item, Problem):
            counts[item.status] = counts.get(item.status, 0) + 1
    return counts


def progress_sentence(counts: StatusCounts) -> str:
    """The counts of each status as the bulletin says them; statuses with none are left out.

    >>> progress_sentence({RectificationStatus.DONE: 14, RectificationStatus.IN_PROGRESS: 2})
    '已完成整改14项，正在推进2项'
    >>> progress_sentence({RectificationStatus.ONGOING: 1, RectificationStatus.DONE: 3})
    '已完成整改3项，长期坚持1项'
    >>> progress_sentence({})
    ''
    """
    return "，".join(
        phrase.format(n=counts[status]) for status, phrase in PHRASES.items() if counts.get(status)
    )


def progress_paragraph(counts: StatusCounts, on: date) -> str:
    """The sentence that opens a round's account of progress, or '' when there are no problems.

    >>> progress_paragraph({RectificationStatus.DONE: 14, RectificationStatus.IN_PROGRESS: 2},
    ...                    date(2023, 9, 1))
    '截至2023年9月1日，16个问题中，已完成整改14项，正在推进2项。'
    """
    total = sum(counts.values())
    if not total:
        return ""
    return f"截至{format_date(on)}，{total}个问题中，{progress_sentence(counts)}。"


def carry_forward(items: list[BodyItem], default: RectificationStatus) -> list[BodyItem]:
    """The body items with every problem given a status: its own, else ``default``.

    >>> items = Notice(title="T", body=[{"problem": {"statement": "a"}}]).body
    >>> carry_forward(items, RectificationStatus.IN_PROGRESS)[0].status
    <RectificationStatus.IN_PROGRESS: '正在推进'>
    """
    out: list[BodyItem] = []
    for item in items:
        if isinstance(item, Problem):
            out.append(item.model_copy(update={"status": item.status or default}))
        elif isinstance(item, Section):
            out.append(item.model_copy(update={"body": carry_forward(item.body, default)}))
        else:
            out.append(item)
    return out


def _replace_progress(items: list[BodyItem], sentence: str) -> tuple[list[BodyItem], bool]:
    """Replace the first progress sentence found in a paragraph, at any depth."""
    out: list[BodyItem] = []
    done = False
    for item in items:
        if not done and isinstance(item, Paragraph) and PROGRESS_SENTENCE.search(item.text):
            text = PROGRESS_SENTENCE.sub(lambda _match: sentence, item.text, count=1)
            item = Paragraph(text=text)
            done = True
        elif not done and isinstance(item, Section):
            body, done = _replace_progress(item.body, sentence)
            item = item.model_copy(update={"body": body})
        out.append(item)
    return out, done


def with_progress(items: list[BodyItem], on: date) -> list[BodyItem]:
    """The body with its progress sentence up to date: replaced where it is, else added
    after the opening paragraphs.

    >>> n = Notice(title="T", body=["根据区委统一部署……", {"section": {"heading": "H", "body": [
    ...     {"problem": {"statement": "a", "status": "已完成"}}]}}])
    >>> body = with_progress(n.body, date(2023, 9, 1))
    >>> body[1].text
    '截至2023年9月1日，1个问题中，已完成整改1项。'
    >>> with_progress(body, date(2023, 9, 1)) == body
    True
    """
    sentence = progress_paragraph(count_statuses(items), on)
    if not sentence:
        return list(items)
    replaced, found = _replace_progress(items, sentence)
    if found:
        return replaced
    at = 0
    while at < len(items) and isinstance(items[at], Paragraph):
        at += 1
    return [*items[:at], Paragraph(text=sentence), *items[at:]]


CODE_DATE_BEFORE_LAST = "BA031"
"""``gongwen next --date`` earlier than the last round's date."""


def last_round_date(last: Notice) -> date | None:
    """The date the last round is dated by: 成文日期, else 印发日期, else its publication date
    (:attr:`Notice.dated`).

    >>> last_round_date(Notice(title="T", body=["p"], published="2023-03-14"))
    datetime.date(2023, 3, 14)
    """
    return last.dated


def next_round(
    last: Notice,
    on: date,
    *,
    default_status: RectificationStatus = RectificationStatus.IN_PROGRESS,
) -> Notice:
    """The next round's notice: statuses carried forward, progress sentence, dates moved to ``on``.

    Problems without a status get ``default_status``. The 成文日期, the 印发日期 and the
    publication date move to ``on``; a notice with none of them gets ``published: on``.
    Running it again on its own result with the same date changes nothing but the sentence's
    counts, which follow the statuses. A date earlier than the last round's is refused
    (:class:`InputError`, BA031).

    >>> last = Notice(title="T", body=["开头。", {"problem": {"statement": "a"}}],
    ...               published="2023-03-14")
    >>> nxt = next_round(last, date(2023, 9, 1))
    >>> nxt.published, nxt.body[1].text
    (datetime.date(2023, 9, 1), '截至2023年9月1日，1个问题中，正在推进1项。')
    >>> next_round(nxt, date(2023, 9, 1)) == nxt
    True
    """
    previous = last_round_date(last)
    if previous is not None and on < previous:
        raise InputError.single(
            CODE_DATE_BEFORE_LAST,
            _("新一轮的日期 {new} 早于上一轮的 {last}").format(
                new=format_date(on), last=format_date(previous)
            ),
        )
    last = statuses_from_ledgers(last)  # a hand-kept 整改台账's 完成情况 is the latest word
    body = with_progress(carry_forward(last.body, default_status), on)
    update: dict[str, object] = {"body": body}
    if last.signature is not None:
        update["signature"] = last.signature.model_copy(update={"date": on})
    if last.imprint is not None:
        update["imprint"] = last.imprint.model_copy(update={"print_date": on})
    if last.published is not None or (last.signature is None and last.imprint is None):
        update["published"] = on
    return last.model_copy(update=update)


__all__ = [
    "PHRASES",
    "PROGRESS_SENTENCE",
    "StatusCounts",
    "carry_forward",
    "count_statuses",
    "next_round",
    "progress_paragraph",
    "progress_sentence",
    "with_progress",
]
