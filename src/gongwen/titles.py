"""Breaking a title given as one line into balanced lines of whole words (GB/T 9704 cl. 7.3.1).

cl. 7.3.1: a 标题 "可分一行或多行居中排布；回行时，要做到词意完整，排列对称，长短适宜，间距恰当，
标题排列应当使用梯形或菱形". The same holds for a 发文机关标志 too long for one line (cl. 7.2.4
leaves its size free; gongwen keeps 22 pt and breaks it instead).

The shape chosen here:

* whole words only: a line ends where the segmenter (jieba, dictionary only) puts a word
  boundary, never before a closing mark or after an opening one;
* the fewest lines that fit the 版心 (20 characters of 22 pt,
  :data:`gongwen.layout.TITLE_CHARS_PER_LINE`);
* 梯形 or 菱形, never 沙漏: with three lines or more, no middle line is shorter than both its
  neighbours; either 正梯形 (上短下长) or 倒梯形 (上长下短) is accepted, since where the words
  part decides which one a title can take;
* no lone character on a line, and no line shorter than 40 % of the longest
  (:data:`MIN_LINE_SHARE`) whenever a break of whole words allows it;
* among those, the most balanced, preferring the joints of a 公文 title: before 关于 (after the
  issuing organ), after 关于 / 关于印发 / 关于转发, and before the final 的 + 文种.

The segmenter is loaded only when a title needs breaking (it takes about half a second).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Sequence
from typing import Final

from gongwen import layout
from gongwen.i18n import _
from gongwen.widths import text_width_chars

__all__ = [
    "DOCUMENT_TYPES",
    "MIN_LINE_SHARE",
    "break_title",
    "line_problems",
    "segment",
]

MIN_LINE_SHARE: Final = 0.4
"""A title line shorter than this share of the longest reads as a stub (issue 13; cl. 7.3.1
排列对称，长短适宜)."""

DOCUMENT_TYPES: Final = (
    "通知",
    "通报",
    "报告",
    "意见",
    "决定",
    "决议",
    "请示",
    "批复",
    "公告",
    "通告",
    "公报",
    "议案",
    "纪要",
    "命令",
    "函",
    "令",
    "方案",
    "办法",
    "规定",
    "细则",
    "清单",
    "台账",
)
"""文种 of cl. 8 (公文的特定格式) and GB/T 9704's 15 kinds, plus what attachments are called."""

LEADS: Final = ("关于",)
AFTER_LEAD_VERBS: Final = ("印发", "转发", "批转")

OPENING: Final = "“‘《（〔【(["
CLOSING: Final = "”’》）〕】)]，。、；：？！"

JOINT_BONUS: Final = {
    "before-lead": 1.0,  # after the issuing organ
    "after-lead": 0.8,
    "after-verb": 0.6,
    "before-type": 0.8,
    "after-comma": 0.3,
}
"""How much each joint of a 公文 title is preferred, against the balance penalty."""

ORGAN_SUFFIXES: Final = (
    "党委",
    "党组",
    "党工委",
    "委员会",
    "政府",
    "办公厅",
    "办公室",
    "办事处",
    "领导小组",
    "街道",
    "社区",
    "村",
    "局",
    "厅",
    "部",
    "委",
    "院",
    "中心",
    "公司",
)
"""Words an organ's name ends in: a name that fits on a line is not broken (issue 13: 建新社区
综合党委 read as 建新社区综合 / 党委 is two organs)."""

NAME_BREAKERS: Final = frozenset(
    (
        *("关于", "的", "和", "与", "及", "、", "，", "对", "在", "为"),
        *("印发", "转发", "批转", "进一步", "加强", "改进", "开展", "落实", "推进", "做好"),
        *("建立", "健全", "深化", "规范", "调整", "表彰", "全面", "加快", "完善", "提升"),
    )
)
"""Words that end the run of words an organ's name is made of: function words and the verbs
a title's topic starts with (加强基层社区治理 is no organ)."""

INSIDE_NAME_PENALTY: Final = 0.9
"""Cost of breaking inside an organ's name, against the joints' bonuses."""

ONE_CHARACTER_WORD_PENALTY: Final = 0.8
"""Cost of parting a one-character word from the word it leans on: such words are mostly
prefixes and suffixes the dictionary did not join (大|检查, 市中区|委)."""

PREFIXES: Final = frozenset("大小新老总副全各非超准分子")
"""One-character words that lean on the word after them; any other leans on the one before."""

BALANCE_WEIGHT: Final = 12.0
"""Weight of the squared spread of line widths (in lines of capacity) in a break's cost."""


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], list[str]]:
    import logging

    import jieba  # lazy: only a title too long for one line needs it

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()

    def cut(text: str) -> list[str]:
        return list(tokenizer.cut(text, HMM=False))

    return cut


@functools.lru_cache(maxsize=4096)
def segment(text: str) -> tuple[str, ...]:
    """The words of ``text`` by jieba's dictionary (no guessing of unknown words).

    >>> segment("关于巡察整改进展情况的通报")
    ('关于', '巡察', '整改', '进展', '情况', '的', '通报')
    """
    return tuple(_tokenizer()(text))


def _joints(text: str, boundaries: Sequence[int]) -> dict[int, float]:
    """Bonus of breaking at each boundary (an offset into ``text``)."""
    bonus: dict[int, float] = {}
    for at in boundaries:
        before, after = text[:at], text[at:]
        score = 0.0
        if after.startswith(LEADS):
            score = JOINT_BONUS["before-lead"]
        elif before.endswith(LEADS):
            score = JOINT_BONUS["after-lead"]
        elif any(before.endswith(lead + verb) for lead in LEADS for verb in AFTER_LEAD_VERBS):
            score = JOINT_BONUS["after-verb"]
        elif after.startswith("的") and after[1:] in DOCUMENT_TYPES:
            score = JOINT_BONUS["before-type"]
        elif before.endswith(("、", "，")):
            score = JOINT_BONUS["after-comma"]
        if score:
            bonus[at] = score
    return bonus


def _inside_names(words: Sequence[str]) -> set[int]:
    """Offsets between two words of one organ's name: 二七|新村|街道社区|综合|党委.

    >>> sorted(_inside_names(("关于", "建新", "社区", "综合", "党委", "的", "通报")))
    [4, 6, 8]
    """
    inside: set[int] = set()
    start = 0  # offset where the current run of name words began
    run: list[int] = []  # offsets between the words of the run
    at = 0
    for word in words:
        if word in NAME_BREAKERS:
            run, start = [], at + len(word)
        else:
            if at > start:
                run.append(at)
            if word.endswith(ORGAN_SUFFIXES):
                inside.update(run)
        at += len(word)
    return inside


def _boundaries(text: str, words: Sequence[str]) -> list[int]:
    """Offsets where a line may end: between words, not before a closing mark, not after an
    opening one, and not before a 的 that does not start the final 的 + 文种."""
    out = []
    at = 0
    for word in words[:-1]:
        at += len(word)
        if text[at] in CLOSING or text[at - 1] in OPENING:
            continue
        if text[at] == "的" and text[at + 1 :] not in DOCUMENT_TYPES:
            continue
        out.append(at)
    return out


def _is_hourglass(widths: Sequence[float]) -> bool:
    return any(
        widths[i] < widths[i - 1] - 1 and widths[i] < widths[i + 1] - 1
        for i in range(1, len(widths) - 1)
    )


def line_problems(
    lines: Sequence[str], width: Callable[[str], float] = text_width_chars
) -> list[str]:
    """What is wrong with a title's lines: a lone character, a stub, an hourglass.

    >>> line_problems(["二七新村街道社区综合党委关于巡察整改进展情况的通", "报"])
    ['第2行只有一个字', '第2行不足最长行的40%']
    >>> line_problems(["二七新村街道社区综合党委", "关于巡察整改进展情况的通报"])
    []
    """
    if len(lines) < 2:
        return []
    widths = [width(line) for line in lines]
    longest = max(widths)
    problems = []
    for number, (line, w) in enumerate(zip(lines, widths, strict=True), start=1):
        wide = [c for c in line if c not in CLOSING and not c.isspace()]
        if len(wide) <= 1:
            problems.append(_("第{number}行只有一个字").format(number=number))
        if w < MIN_LINE_SHARE * longest:
            problems.append(
                _("第{number}行不足最长行的{share}").format(
                    number=number, share=f"{MIN_LINE_SHARE:.0%}"
                )
            )
    if _is_hourglass(widths):
        problems.append(_("中间行比上下行都短（沙漏形），应为梯形或菱形"))
    return problems


MAX_EXTRA_LINES: Final = 2
"""How many lines beyond the fewest that fit are tried before giving up on whole words."""

MAX_WEIGHED_CHARS: Final = 200
"""A "title" longer than this is no title: it is cut into full lines without weighing breaks
(which would take time growing with the square of its length)."""

MAX_CANDIDATES: Final = 200_000
"""Above this many ways to break a title, breaks are searched line by line instead."""


def break_title(
    text: str,
    capacity: float = layout.TITLE_CHARS_PER_LINE,
    *,
    width: Callable[[str], float] = text_width_chars,
) -> list[str]:
    """``text`` as balanced lines of whole words, each at most ``capacity`` 字 wide.

    A title that fits is returned as it is, without loading the segmenter.

    >>> break_title("关于开展安全检查的通知")
    ['关于开展安全检查的通知']
    >>> break_title("二七新村街道社区综合党委关于巡察整改进展情况的通报")
    ['二七新村街道社区综合党委', '关于巡察整改进展情况的通报']
    >>> break_title("市人民政府办公厅关于印发安全生产专项整治三年行动实施方案的通知")
    ['市人民政府办公厅关于印发安全生产', '专项整治三年行动实施方案的通知']
    >>> for line in break_title("中共济南市市中区委巡察工作领导小组办公室"
    ...                         "关于二七新村街道社区综合党委巡察整改进展情况的通报"):
    ...     print(line)
    中共济南市市中区委巡察工作领导小组办公室
    关于二七新村街道社区综合党委
    巡察整改进展情况的通报
    """
    return list(_break_title(text, capacity, width))


@functools.lru_cache(maxsize=1024)
def _break_title(text: str, capacity: float, width: Callable[[str], float]) -> tuple[str, ...]:
    """:func:`break_title`, remembered: a batch sets the same titles again and again, and a
    title of three lines takes about 4 ms to weigh."""
    if width(text) <= capacity:
        return (text,)
    if len(text) > MAX_WEIGHED_CHARS:
        return tuple(_full_lines(text, capacity, width))
    words = segment(text)
    boundaries = _boundaries(text, words)
    fewest = max(2, math.ceil(width(text) / capacity))
    for lines in range(fewest, fewest + MAX_EXTRA_LINES + 1):
        best = _best_break(text, boundaries, lines, capacity, width)
        if best is not None:
            return tuple(best)
    # No break of whole words fits: break between any two characters instead.
    every = [i for i in range(1, len(text)) if text[i] not in CLOSING]
    for lines in itertools.count(fewest):
        best = _best_break(text, every, lines, capacity, width, strict=False)
        if best is not None:
            return tuple(best)
    raise AssertionError(_("不会到达这里"))  # pragma: no cover


def _full_lines(text: str, capacity: float, width: Callable[[str], float]) -> list[str]:
    """``text`` cut into lines as full as ``capacity`` allows.

    >>> _full_lines("甲乙丙丁戊", 2, text_width_chars)
    ['甲乙', '丙丁', '戊']
    """
    lines = []
    start = 0
    while start < len(text):
        end = min(len(text), start + max(1, int(capacity) * 2))
        while end > start + 1 and width(text[start:end]) > capacity:
            end -= 1
        lines.append(text[start:end])
        start = end
    return lines


def _best_break(
    text: str,
    boundaries: Sequence[int],
    lines: int,
    capacity: float,
    width: Callable[[str], float],
    *,
    strict: bool = True,
) -> list[str] | None:
    """The cheapest way to cut ``text`` into ``lines`` lines at ``boundaries``, or ``None``."""
    if len(boundaries) < lines - 1:
        return None
    if math.comb(len(boundaries), lines - 1) > MAX_CANDIDATES:
        return _greedy_break(text, boundaries, lines, capacity, width)
    bonus = _joints(text, boundaries)
    if strict:
        words = segment(text)
        for at in _inside_names(words):
            bonus[at] = bonus.get(at, 0.0) - INSIDE_NAME_PENALTY
        ends = list(itertools.accumulate(len(w) for w in words))
        for before, after, at in zip(words, words[1:], ends, strict=False):
            leaning = (len(before) == 1 and before in PREFIXES) or (
                len(after) == 1 and after not in PREFIXES and after.isalpha()
            )
            if leaning and at not in bonus:
                bonus[at] = -ONE_CHARACTER_WORD_PENALTY
    best: tuple[tuple[int, float], list[str]] | None = None
    for cuts in itertools.combinations(boundaries, lines - 1):
        edges = (0, *cuts, len(text))
        parts = [text[a:b] for a, b in itertools.pairwise(edges)]
        widths = [width(p) for p in parts]
        if max(widths) > capacity:
            continue
        lone = sum(1 for p in parts if len(p.strip(CLOSING)) <= 1)
        if strict and lone:
            continue
        stubs = sum(1 for w in widths if w < MIN_LINE_SHARE * max(widths))
        hourglass = _is_hourglass(widths)
        mean = sum(widths) / lines
        spread = sum((w - mean) ** 2 for w in widths) / capacity**2
        cost = BALANCE_WEIGHT * spread - sum(bonus.get(c, 0.0) for c in cuts)
        # Faults first (a lone character, a stub, an hourglass), then the cost.
        key = (lone * 4 + stubs * 2 + int(hourglass), cost)
        if best is None or key < best[0]:
            best = (key, parts)
    return None if best is None else best[1]


def _greedy_break(
    text: str,
    boundaries: Sequence[int],
    lines: int,
    capacity: float,
    width: Callable[[str], float],
) -> list[str] | None:
    """Lines of about equal width: each cut at the boundary nearest its share of the text."""
    total = width(text)
    cuts: list[int] = []
    start = 0
    for line in range(1, lines):
        target = total * line / lines
        fitting = [b for b in boundaries if b > start and width(text[start:b]) <= capacity]
        if not fitting:
            return None
        cut = min(fitting, key=lambda b: abs(width(text[:b]) - target))
        cuts.append(cut)
        start = cut
    if width(text[start:]) > capacity:
        return None
    edges = (0, *cuts, len(text))
    return [text[a:b] for a, b in itertools.pairwise(edges)]
