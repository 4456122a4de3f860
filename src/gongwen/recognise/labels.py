"""Problems and what is said under them: 问题N/1. items, labels, 一是/二是 measures.

Labels are of four kinds (:data:`LABELS`): those that open a list of measures (整改情况,
整改措施, …), 完成情况 (a status when what follows is a short status, else measures),
整改时限 (deadline) and 责任单位 (responsible). A label may stand on its own line or run into
the text, also in the middle of a problem's line after a sentence end:

>>> line = "制度落实不到位。完成情况:正在推进。整改情况:一是修订;二是复核。"
>>> [(s.label, s.text) for s in split_labelled(line)]
[(None, '制度落实不到位。'), ('完成情况', '正在推进。'), ('整改情况', '一是修订;二是复核。')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import parse_chinese_numeral, parse_measure_lead
from gongwen.recognise.sentences import CLOSING

__all__ = [
    "LABELS",
    "LabelKind",
    "Labelled",
    "label_kind",
    "leading_status",
    "parse_label",
    "parse_numeral_problem_label",
    "parse_status",
    "planned_deadline",
    "quoted_problem",
    "split_labelled",
    "split_run_in_measures",
    "status_of",
    "trailing_status",
]

_NUMERAL_CHARS = "零一二三四五六七八九十百千"


class LabelKind(StrEnum):
    """What a label under a problem introduces."""

    MEASURES = "measures"
    STATUS = "status"
    DEADLINE = "deadline"
    RESPONSIBLE = "responsible"


LABELS: dict[str, LabelKind] = {
    "整改情况": LabelKind.MEASURES,
    "整改措施": LabelKind.MEASURES,
    "整改落实情况": LabelKind.MEASURES,
    "整改进展情况": LabelKind.MEASURES,
    "整改进展": LabelKind.MEASURES,
    "落实情况": LabelKind.MEASURES,
    "进展情况": LabelKind.MEASURES,
    "办理情况": LabelKind.MEASURES,
    "整改结果": LabelKind.MEASURES,
    "完成情况": LabelKind.STATUS,
    "整改时限": LabelKind.DEADLINE,
    "完成时限": LabelKind.DEADLINE,
    "整改期限": LabelKind.DEADLINE,
    "责任单位": LabelKind.RESPONSIBLE,
    "责任部门": LabelKind.RESPONSIBLE,
    "牵头单位": LabelKind.RESPONSIBLE,
    "责任科室": LabelKind.RESPONSIBLE,
    "责任处室": LabelKind.RESPONSIBLE,
    "责任领导": LabelKind.RESPONSIBLE,
    "责任人": LabelKind.RESPONSIBLE,
}
"""Every label the reader and the checker know, longest first in matching."""

_LABEL_WORDS = "|".join(sorted(LABELS, key=len, reverse=True))
_LABEL = lazy_compile(rf"^({_LABEL_WORDS})\s*(?:[：:]\s*(.*)|$)", re.DOTALL)
_INNER_LABEL = lazy_compile(rf"(?:(?<=[。；;！？])\s*|\s+)({_LABEL_WORDS})\s*[：:]\s*")


def parse_label(text: str) -> tuple[str, str] | None:
    """A label (with or without its colon) at the start of ``text`` and any text run into it.

    >>> parse_label("整改情况：")
    ('整改情况', '')
    >>> parse_label("完成情况：一是加强学习；二是完善制度。")
    ('完成情况', '一是加强学习；二是完善制度。')
    >>> parse_label("责任单位:区财政局")
    ('责任单位', '区财政局')
    >>> print(parse_label("整改情况良好。"))
    None
    """
    m = _LABEL.match(text.strip())
    if m is None:
        return None
    return m[1], (m[2] or "").strip()


_STATUSES = {
    "已完成": "已完成",
    "已整改": "已完成",
    "整改完成": "已完成",
    "已整改完成": "已完成",
    "已办结": "已完成",
    "完成": "已完成",
    "正在推进": "正在推进",
    "正在整改": "正在推进",
    "推进中": "正在推进",
    "整改中": "正在推进",
    "持续推进": "正在推进",
    "基本完成": "正在推进",
    "长期坚持": "长期坚持",
    "部分整改": "正在推进",
    "整改完毕": "已完成",
    "已完成整改": "已完成",
    "已全部整改": "已完成",
    "长期推进": "长期坚持",
    "持续整改": "长期坚持",
}


def parse_status(text: str) -> str | None:
    """The model's status (已完成, 正在推进, 长期坚持) that a 完成情况 value states, or None.

    >>> parse_status("该问题已完成整改。"), parse_status("正在推进"), parse_status("一是加强")
    ('已完成', '正在推进', None)
    """
    value = text.strip().rstrip("。.；;，, ")
    for subject in ("该问题", "此问题", "该项问题"):
        value = value.removeprefix(subject)
    return _STATUSES.get(value)


def label_kind(label: str, value: str = "") -> LabelKind:
    """What ``label`` introduces; 完成情况 with measures after it (一是…) opens measures.

    >>> label_kind("完成情况", "已完成"), label_kind("完成情况", "一是加强学习；二是完善制度。")
    (<LabelKind.STATUS: 'status'>, <LabelKind.MEASURES: 'measures'>)
    >>> label_kind("整改进展", "正在推进，计划年底前完成。")
    <LabelKind.STATUS: 'status'>
    """
    kind = LABELS[label]
    if kind is LabelKind.STATUS and value and status_of(value) is None:
        return LabelKind.MEASURES
    if label in _PROGRESS and value and status_of(value) is not None:
        return LabelKind.STATUS  # 整改进展：已完成。
    return kind


_PROGRESS = frozenset({"整改进展", "整改进展情况", "进展情况", "完成情况"})


def status_of(value: str) -> str | None:
    """The status a label's value states, whole, in its first clause (``正在推进，计划…``) or in
    its last (``已完成阶段性任务，长期坚持``).

    >>> status_of("正在推进，计划于2024年6月底前完成。"), status_of("已完成。")
    ('正在推进', '已完成')
    >>> status_of("已完成阶段性任务，长期坚持。")
    '长期坚持'

    """
    found = parse_status(value)
    clauses = [c for c in re.split(r"[，,；;。]", value.strip()) if c.strip()]
    for clause in (clauses[:1] + clauses[-1:]) if found is None else []:
        found = found or parse_status(clause)
    return found


@dataclass(frozen=True)
class Labelled:
    """A piece of a line: the text before any label (``label`` None), or a label and its value."""

    label: str | None
    text: str


def split_labelled(text: str) -> list[Labelled]:
    """``text`` cut at every label that starts it or follows a sentence end.

    >>> [(s.label, s.text) for s in split_labelled("整改情况：一是补建台账;二是每月核对。")]
    [('整改情况', '一是补建台账;二是每月核对。')]
    >>> [(s.label, s.text) for s in split_labelled("台账不全。")]
    [(None, '台账不全。')]
    >>> [(s.label, s.text) for s in split_labelled("整改时限:2025年8月底 责任处室:办公室")]
    [('整改时限', '2025年8月底'), ('责任处室', '办公室')]
    """
    stripped = text.strip()
    cuts: list[tuple[int, int, str]] = []
    if (m := _LABEL.match(stripped)) is not None:
        cuts.append((0, m.start(2) if m[2] is not None else m.end(), m[1]))
    for m in _INNER_LABEL.finditer(stripped):
        if not cuts or m.start() >= cuts[-1][1]:
            cuts.append((m.start(), m.end(), m[1]))
    out: list[Labelled] = []
    if not cuts or cuts[0][0] > 0:
        out.append(Labelled(None, stripped[: cuts[0][0] if cuts else len(stripped)].strip()))
    for k, (_, end, label) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else len(stripped)
        out.append(Labelled(label, stripped[end:stop].strip()))
    return out


_RUN_IN_LEAD = lazy_compile(rf"[；;。]\s*([{_NUMERAL_CHARS}]+)是[，、,]?")


def split_run_in_measures(text: str) -> list[tuple[int, str]] | None:
    """Split 一是……；二是……。 run together in one paragraph: (number, measure) pairs.

    A lead starts the paragraph, and each further lead follows a ； or 。. Each measure is
    given back without its lead and ending in 。, as the model stores measures; the numbers
    are the leads as written, so a skip (一是…；三是…) can be reported. None unless the
    paragraph holds at least two leads.

    >>> split_run_in_measures("一是加强学习；二是完善制度。三是严格考核。")
    [(1, '加强学习。'), (2, '完善制度。'), (3, '严格考核。')]
    >>> split_run_in_measures("一是加强学习；三是严格考核")
    [(1, '加强学习。'), (3, '严格考核。')]
    >>> print(split_run_in_measures("一是加强学习，提高能力。"))
    None
    """
    first = parse_measure_lead(text)
    if first is None:
        return None
    numbers = [first[0]]
    body = first[1]
    starts = [0]
    ends = []
    for m in _RUN_IN_LEAD.finditer(body):
        try:
            number = parse_chinese_numeral(m[1])
        except ValueError:
            continue
        ends.append(m.start() + 1)  # keep the ； or 。 with the measure before
        starts.append(m.end())
        numbers.append(number)
    if len(numbers) < 2:
        return None
    ends.append(len(body))
    out = []
    for number, start, end in zip(numbers, starts, ends, strict=True):
        piece = body[start:end].strip().rstrip("；;")
        if piece and piece[-1] not in CLOSING:
            piece += "。"
        out.append((number, piece))
    return out


def leading_status(text: str) -> tuple[str, str] | None:
    """A status sentence first in ``text`` (``已整改。市财政局已收回…``): the status, the rest.

    >>> leading_status("已整改。市财政局已收回存量资金。")
    ('已完成', '市财政局已收回存量资金。')
    >>> print(leading_status("市财政局已整改。"))
    None
    """
    head, _, rest = text.strip().partition("。")
    status = parse_status(head)
    return (status, rest.strip()) if status is not None and rest is not None else None


def trailing_status(text: str) -> str | None:
    """The status a measure's last clause states (``…已缴库1436.2万元，已整改。``).

    >>> trailing_status("已缴库1436.2万元，已整改。"), print(trailing_status("已缴库。"))
    None
    ('已完成', None)
    """
    clause = re.split(r"[，,；;。]", text.strip().rstrip("。；; "))[-1]
    return parse_status(clause) if clause != text.strip().rstrip("。；; ") else None


_QUOTED = lazy_compile(r"^(?:关于|对于|针对)“(.+)”(?:的|等)?问题[。，：；,:;]?\s*(.*)$", re.DOTALL)


def quoted_problem(text: str) -> tuple[str, str] | None:
    """A problem written as 关于“……”的问题 (巡视 reports quote the feedback): the quoted
    text, and what follows the wrapper.

    >>> quoted_problem("关于“推动科技创新政策落地见效不够到位”的问题。")
    ('推动科技创新政策落地见效不够到位', '')
    >>> quoted_problem("对于“三会一课制度落实不到位。支委会记录不完整”的问题")
    ('三会一课制度落实不到位。支委会记录不完整', '')
    >>> print(quoted_problem("关于巡察整改的问题"))
    None
    """
    m = _QUOTED.match(text.strip())
    return (m[1].strip(), m[2].strip()) if m is not None else None


_NUMERAL_PROBLEM = lazy_compile(r"^\s*问题([一二三四五六七八九十百]+)\s*[：:]\s*(.*)$", re.DOTALL)


def parse_numeral_problem_label(text: str) -> tuple[int, str] | None:
    """A problem label written with a Chinese numeral (``问题三：…``): its number and text.

    >>> parse_numeral_problem_label("问题三:部分处室调研“走过场”。")
    (3, '部分处室调研“走过场”。')
    >>> print(parse_numeral_problem_label("问题一是学习不够"))
    None
    """
    m = _NUMERAL_PROBLEM.match(text)
    if m is None:
        return None
    try:
        return parse_chinese_numeral(m[1]), m[2].strip()
    except ValueError:
        return None


_PLANNED = lazy_compile(
    r"(?:计划|预计|力争|确保)(?:于|在)?([0-9]{4}年[0-9]{1,2}月(?:底|末|[0-9]{1,2}日)?前?)完成"
)


def planned_deadline(text: str) -> str | None:
    """The deadline a status or measure states (``正在推进，计划于2024年6月底前完成``).

    >>> planned_deadline("正在推进，计划于2024年6月底前完成。")
    '2024年6月底前'
    >>> print(planned_deadline("已于2023年完成。"))
    None
    """
    m = _PLANNED.search(text)
    return m[1] if m is not None else None
