"""The custom document properties a .docx carries beside its text, so that a reader gets back
what the page does not show: the 发布日期, problems' statuses, a special format's unprinted
fields, the titles that were broken into lines.
"""

from __future__ import annotations

from gongwen import layout
from gongwen.compose.blocks import title_text
from gongwen.compose.header import WENJIAN
from gongwen.model import (
    Notice,
    Problem,
    walk,
)

PUBLISHED_PROPERTY = "gongwen.published"
"""Custom property: the notice's 发布日期 (ISO), which the page does not show."""
STATUSES_PROPERTY = "gongwen.statuses"
"""Custom property: each problem's status in document order, comma-separated, empty for none."""
FORMAT_PROPERTY = "gongwen.format"
"""Custom property: a special format of cl. 10 (``letter``, ``order``, ``minutes``)."""
UNPRINTED_PROPERTIES = {
    "title": "gongwen.title",
    "printer": "gongwen.imprint.printer",
    "print_date": "gongwen.imprint.print_date",
    "signer_name": "gongwen.signature.signer_name",
}
"""Custom properties for what a special format does not print, so that it reads back: an
order's title (cl. 10.2), a letter's 印发机关 and 印发日期 (cl. 10.1), and the 签发人's name
where a 签名章 image stands for it (cl. 7.3.5.3)."""


def unprinted_values(notice: Notice) -> dict[str, str]:
    """The custom properties a notice needs beyond the 发布日期 and statuses.

    >>> n = Notice(title="某市人民政府令", body=["p"], presentation={"format": "order"},
    ...            header={"issuer_mark": {"organs": ["某市人民政府"]}, "order_number": 3})
    >>> unprinted_values(n)
    {'gongwen.format': 'order', 'gongwen.title': '某市人民政府令'}
    """
    kind = notice.presentation.format
    if kind == "standard" and not (notice.signature and notice.signature.seals):
        return {}
    values: dict[str, str] = {FORMAT_PROPERTY: kind} if kind != "standard" else {}
    if kind == "order":
        values[UNPRINTED_PROPERTIES["title"]] = notice.title
    if kind == "letter" and notice.imprint is not None:
        values[UNPRINTED_PROPERTIES["printer"]] = notice.imprint.printer
        values[UNPRINTED_PROPERTIES["print_date"]] = notice.imprint.print_date.isoformat()
    signature = notice.signature
    if signature and signature.seals and signature.signer_name is not None:
        values[UNPRINTED_PROPERTIES["signer_name"]] = signature.signer_name
    return values


BROKEN_TITLES_PROPERTY = "gongwen.broken_titles"
"""Custom property: the fields given as one line that :func:`title_text` broke into several
(``title``, ``attachments[0].title``, ``header.issuer_mark``), comma-separated, so that a
reader joins their lines again."""


def broken_titles(notice: Notice) -> list[str]:
    """The paths of the titles given as one line and set as several (:func:`title_text`).

    >>> broken_titles(Notice(title="建新社区综合党委关于巡察整改进展情况的通报", body=["p"]))
    ['title']
    >>> broken_titles(Notice(title="关于巡察整改进展情况的通报", body=["p"]))
    []
    """
    texts = [("title", notice.title, layout.TITLE_CHARS_PER_LINE)]
    texts += [
        (f"attachments[{i}].title", a.title, layout.TITLE_CHARS_PER_LINE)
        for i, a in enumerate(notice.attachments)
        if a.body
    ]
    mark = notice.header.issuer_mark if notice.header else None
    if mark is not None and not (mark.with_wenjian and len(mark.organs) > 1):
        text = "\n".join(mark.organs) + (WENJIAN if mark.with_wenjian else "")
        texts.append(("header.issuer_mark", text, layout.ISSUER_MARK_CHARS_PER_LINE))
    return [path for path, text, capacity in texts if title_text(text, capacity) != text]


def problem_statuses(notice: Notice) -> list[str]:
    """The status of every problem, body then attachments, ``""`` where there is none.

    >>> n = Notice(title="T", body=[{"problem": {"statement": "甲。", "status": "已完成"}},
    ...                              {"problem": {"statement": "乙。"}}])
    >>> problem_statuses(n)
    ['已完成', '']
    """
    bodies = [notice.body, *(a.body for a in notice.attachments)]
    return [
        item.status.value if item.status else ""
        for body in bodies
        for _, item in walk(body)
        if isinstance(item, Problem)
    ]


__all__ = [
    "BROKEN_TITLES_PROPERTY",
    "FORMAT_PROPERTY",
    "PUBLISHED_PROPERTY",
    "STATUSES_PROPERTY",
    "UNPRINTED_PROPERTIES",
    "broken_titles",
    "problem_statuses",
    "unprinted_values",
]
