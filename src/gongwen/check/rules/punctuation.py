"""GW3xx: punctuation in Chinese text (GB/T 15834-2011) and after ordinals (GB/T 9704 cl. 7.3.3).

Text input is checked as written: the reader turns half-width punctuation into full-width, so
these rules read the original lines. A model is checked field by field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongwen.check.registry import Hit, Rule, replaced
from gongwen.check.view import CJK, NUMERALS, SPACES, CheckInput, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _
from gongwen.lazy_regex import lazy_compile

_CJK_CHAR = lazy_compile(f"[{CJK}]")
CHINESE_PUNCTUATION = "“”‘’《》〈〉（）【】〔〕、，。；：？！…—·"
"""Full-width marks that make their neighbourhood Chinese text."""

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_ASCII_SPACES = " \t"


def _chinese(char: str | None) -> bool:
    return char is not None and (bool(_CJK_CHAR.match(char)) or char in CHINESE_PUNCTUATION)


def _ideograph(char: str | None) -> bool:
    return char is not None and bool(_CJK_CHAR.match(char))


_SEE_THROUGH = _ASCII_SPACES + ",;:?!\"'()"
_DIGITS = "0123456789０１２３４５６７８９"
"""What the context of a mark looks past: spaces and other half-width marks, which become
full-width when fixed (so a mark beside them is in the same context before and after)."""


_AROUND: dict[int, tuple[str, list[int], list[int], list[int]]] = {}
"""Per line (by identity, with the line kept so its id cannot be reused): the arrays of
:func:`_solid_around`. A cache keyed by the text's value would compare 100,000 characters on
every lookup."""


def _solid_around(text: str) -> tuple[list[int], list[int], list[int]]:
    """For each position: the nearest index at or before it, and at or after it, whose
    character is not see-through (-1 and ``len(text)`` where there is none), and where the run
    of digits through it starts. One pass each way, so that looking at a mark's neighbours
    stays linear in a line of many marks."""
    cached = _AROUND.get(id(text))
    if cached is not None and cached[0] is text:
        return cached[1], cached[2], cached[3]
    before, last = [-1] * len(text), -1
    digits_from, run = [0] * len(text), 0
    for k, char in enumerate(text):
        if char not in _SEE_THROUGH:
            last = k
        before[k] = last
        if char not in _DIGITS:
            run = k + 1
        digits_from[k] = run
    after, following = [len(text)] * len(text), len(text)
    for k in range(len(text) - 1, -1, -1):
        if text[k] not in _SEE_THROUGH:
            following = k
        after[k] = following
    if len(_AROUND) > 8:
        _AROUND.clear()
    _AROUND[id(text)] = (text, before, after, digits_from)
    return before, after, digits_from


def _neighbours(text: str, i: int, end: int | None = None) -> tuple[str | None, str | None]:
    """The nearest characters before ``text[i]`` and after ``text[end - 1]`` (``end`` is
    ``i + 1`` by default) that are not spaces or half-width marks."""
    before, after, _digits = _solid_around(text)
    b = before[i - 1] if i > 0 else -1
    start = i + 1 if end is None else end
    a = after[start] if start < len(text) else len(text)
    return (text[b] if b >= 0 else None), (text[a] if a < len(text) else None)


_BRACKET_PAIR = lazy_compile(r"[(（]([^()（）\n]*)[)）]")


def _checked(inp: CheckInput) -> Iterator[Unit]:
    for unit in inp.units:
        if unit.role != Role.CHROME:
            yield unit


_THOUSANDS = lazy_compile(r"[0-9]{3}(?![0-9日号])")


def _marks_in_context(text: str) -> list[int]:
    """One round of :func:`half_width_marks` on ``text`` as it stands."""
    found = []
    for i, char in enumerate(text):
        if char not in _FULL_WIDTH:
            continue
        before, after = _neighbours(text, i)
        if char == ".":
            if _ideograph(before) and (after is None or _chinese(after)):
                found.append(i)
            continue
        ascii_both = (
            (before or " ").isascii()
            and (before or " ").isalnum()
            and ((after or " ").isascii() and (after or " ").isalnum())
        )
        if ascii_both:
            # 1,000 and 9:30 are left alone; 3月14,9:00 (a date that lost 日) is Chinese.
            if not (
                char in ",;!?"
                and _digits_after_chinese(text, i)
                and not _THOUSANDS.match(text, i + 1)
            ):
                continue
            found.append(i)
            continue
        if _chinese(before) or _chinese(after) or _digits_after_chinese(text, i):
            found.append(i)
    return found


def _brackets_in_context(text: str) -> list[re.Match[str]]:
    found = []
    for m in _BRACKET_PAIR.finditer(text):
        if not {"(", ")"} & {m[0][0], m[0][-1]}:
            continue  # both full-width already
        before, after = _neighbours(text, m.start(), m.end())
        if (
            _CJK_CHAR.search(m[1])
            or _chinese(before)
            or _chinese(after)
            or _digits_after_chinese(text, m.start())
        ):
            found.append(m)
    return found


def _quotes_in_context(text: str, quote: str) -> list[int]:
    """Straight quotes in a line of Chinese text: quotes pair up across the line, so one in
    Chinese context puts them all in it."""
    places = [i for i, char in enumerate(text) if char == quote]
    return places if _CJK_CHAR.search(text) else []


def settled(text: str) -> str:
    """``text`` with every half-width mark, bracket and quote that is in Chinese context made
    full-width, character for character (no space dropped), repeated until nothing changes:
    a mark beside one that becomes full-width is in Chinese context too, so the rules flag
    at once what fixing the others would reveal.

    >>> settled('问题3:"学习"')
    '问题3：“学习“'
    """
    chars = list(text)
    for _round in range(len(text) + 1):
        current = "".join(chars)
        before = list(chars)
        for i in _marks_in_context(current):
            chars[i] = _FULL_WIDTH[current[i]]
        for m in _brackets_in_context(current):
            chars[m.start()], chars[m.end() - 1] = "（", "）"
        for quote, curly in (('"', "“"), ("'", "‘")):
            for i in _quotes_in_context(current, quote):
                chars[i] = curly
        if chars == before:
            break
    return "".join(chars)


def half_width_marks(text: str) -> list[int]:
    """Offsets of half-width , ; : ? ! . used in Chinese context.

    A mark counts when a neighbour is Chinese (or becomes Chinese when the marks around it are
    fixed: see :func:`settled`) and it does not sit between two ASCII letters or digits (9:30,
    1,000). A full stop counts only after a Chinese character and before Chinese or the end,
    so "1." and "jn.shandong.cn" are left alone.

    >>> text = "电话:82746503,邮箱:a@b.cn.会议于9:30召开."
    >>> [text[i] for i in half_width_marks(text)]
    [':', ',', ':', '.']
    """
    fixed = settled(text)
    return [i for i, char in enumerate(text) if char in _FULL_WIDTH and fixed[i] != char]


def _digits_after_chinese(text: str, i: int) -> bool:
    """Whether the mark at ``i`` follows a number written after Chinese (问题4, 共15笔,).

    >>> _digits_after_chinese("问题4,,", 5), _digits_after_chinese("v2,", 2)
    (True, False)
    """
    before, _after, digits_from = _solid_around(text)
    b = before[i - 1] if i > 0 else -1  # the mark's solid neighbour before it
    if b < 0 or text[b] not in _DIGITS:
        return False
    start = digits_from[b]  # where the number ends that runs through b
    return _ideograph(text[start - 1] if start > 0 else None)


_MARK_NAMES = {
    ",": N_("逗号"),
    ";": N_("分号"),
    ":": N_("冒号"),
    "?": N_("问号"),
    "!": N_("叹号"),
    ".": N_("句号"),
}


def _mark_span(text: str, i: int) -> tuple[int, int]:
    """The mark at ``i`` and the ASCII spaces after it when Chinese follows them (a full-width
    mark takes the room of those spaces)."""
    j = i + 1
    while j < len(text) and text[j] in _ASCII_SPACES:
        j += 1
    if j > i + 1 and j < len(text) and _chinese(text[j]):
        return i, j
    return i, i + 1


MAX_MARK_HITS = 500
"""Marks of one kind reported one by one in a line; past this, one finding spans them all.

Each finding's fix is the whole line with one mark changed, so reporting 100,000 marks of a
pathological line one by one would hold 100,000 copies of it (quadratic memory, issue 12);
no real line has 500 half-width marks, so the findings a person reads are unchanged."""


def _replaced_all(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with every ``(start, end, new)`` applied (in order, not overlapping), in one
    pass.

    >>> _replaced_all("甲,乙,丙", [(1, 2, "，"), (3, 4, "，")])
    '甲，乙，丙'
    """
    parts, at = [], 0
    for start, end, new in edits:
        parts += [text[at:start], new]
        at = end
    return "".join([*parts, text[at:]])


def check_half_width(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        text = unit.text
        marks = [(i, *_mark_span(text, i)) for i in half_width_marks(text)]
        if len(marks) > MAX_MARK_HITS:
            edits = [(start, end, _FULL_WIDTH[text[i]]) for i, start, end in marks]
            yield Hit(
                _("中文里用了{count}处半角标点：应为全角").format(count=len(marks)),
                unit,
                fix=_replaced_all(text, edits),
                span=(marks[0][1], marks[-1][2]),
            )
            continue
        for i, start, end in marks:
            mark = text[i]
            yield Hit(
                _("中文里用了半角{name}“{mark}”：应为全角“{full}”").format(
                    name=_(_MARK_NAMES[mark]), mark=mark, full=_FULL_WIDTH[mark]
                ),
                unit,
                fix=replaced(text, start, end, _FULL_WIDTH[mark]),
                span=(start, end),
            )


def check_half_width_brackets(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        text = unit.text
        fixed = settled(text)
        pairs = [
            m
            for m in _BRACKET_PAIR.finditer(text)
            if not (fixed[m.start()] == m[0][0] and fixed[m.end() - 1] == m[0][-1])
        ]
        if len(pairs) > MAX_MARK_HITS:  # as for GW301: one finding spans them all
            edits = [(m.start(), m.end(), f"（{m[1]}）") for m in pairs]
            yield Hit(
                _("中文里用了{count}对半角括号：应为全角").format(count=len(pairs)),
                unit,
                fix=_replaced_all(text, edits),
                span=(pairs[0].start(), pairs[-1].end()),
            )
            continue
        for m in pairs:
            yield Hit(
                _("中文里用了半角括号“{written}”：应为全角“（{inner}）”").format(
                    written=m[0], inner=m[1]
                ),
                unit,
                fix=replaced(text, m.start(), m.end(), f"（{m[1]}）"),
                span=(m.start(), m.end()),
            )


def check_straight_quotes(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        text = unit.text
        fixed = settled(text)
        for quote, (open_, close) in (('"', "“”"), ("'", "‘’")):
            places = [i for i, char in enumerate(text) if char == quote]
            if not places or all(fixed[i] == quote for i in places):
                continue
            span = (places[0], places[-1] + 1)
            fix = None
            if len(places) % 2 == 0:  # an odd count cannot be paired with certainty
                parts = text.split(quote)
                fix = parts[0] + "".join(
                    (open_ if k % 2 == 0 else close) + part for k, part in enumerate(parts[1:])
                )
            if fix:
                message = _("中文里用了直引号{quote}：应为弯引号{open}{close}")
            else:
                message = _(
                    "中文里用了直引号{quote}：应为弯引号{open}{close}；引号个数为奇数，请逐个核对"
                )
            yield Hit(
                message.format(quote=quote, open=open_, close=close),
                unit,
                fix=fix,
                span=span,
            )


# An Arabic ordinal opens a line or follows the end of a clause; a colon between digits is a
# clock time's (上午9:00、下午14:30), not the end of a clause.
_ARABIC_DUNHAO = lazy_compile(
    r"(?:^|(?<=[。；;])|(?<=[：:])(?<![0-9０-９][：:]))([ \t\u3000]*[0-9０-９]{1,3})、(?=\S)"
)


def check_arabic_dunhao(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        for m in _ARABIC_DUNHAO.finditer(unit.text):
            first = m[1].strip()
            at = m.end(1)
            yield Hit(
                _("“{first}、”：阿拉伯数字序号后用下脚点，应写“{first}.”（GB/T 15834）").format(
                    first=first
                ),
                unit,
                fix=replaced(unit.text, at, at + 1, "."),
                span=(at, at + 1),
            )


_BRACKETED_PUNCT = lazy_compile(
    rf"(?:^|(?<=[。；;：:]))([ \t\u3000]*[(（](?:[{NUMERALS}]+|[0-9０-９]+)[)）])[、，,.．：:]+"
)


def check_bracket_ordinal_punct(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        for m in _BRACKETED_PUNCT.finditer(unit.text):
            at = m.end(1)
            yield Hit(
                _("“{written}”：带括号的序号后不加标点，应写“{ordinal}”").format(
                    written=m[0].strip(), ordinal=m[1].strip()
                ),
                unit,
                fix=replaced(unit.text, at, m.end(), ""),
                span=(at, m.end()),
            )


_SENTENCE_END = "。！？!?；;…”’）)】"
_MIN_SENTENCE = 12
"""A paragraph of at least this many words' characters, with a comma or a stop inside, is
prose that must end in a mark."""
_WORDS = lazy_compile(f"[^{CJK}]|[年月日〇一二三四五六七八九十百是]")
"""What the length of prose leaves out: what other fixes add (dates' 年月日, numerals)."""
_NOT_PROSE = lazy_compile(r"电话|邮箱|信箱|邮编|地址|网址|传真|热线|联系人|http|www\.")


def _problems_set_as_headings(inp: CheckInput) -> bool:
    """Whether the problem lines of a text all end without a mark: items set like headings
    (1.对于“…”的问题), a style of the notice, not a 。 lost from each."""
    problems = [u.content for u in inp.by_role(Role.PROBLEM) if u.raw and u.content]
    return len(problems) >= 2 and not any(p[-1] in _SENTENCE_END for p in problems)


def check_missing_period(inp: CheckInput) -> Iterator[Hit]:
    roles: tuple[Role, ...] = (Role.PARAGRAPH, Role.MEASURE, Role.PROBLEM)
    if _problems_set_as_headings(inp):
        roles = (Role.PARAGRAPH, Role.MEASURE)
    for unit in inp.units:
        if unit.role not in roles or not unit.raw:
            continue
        content = unit.content
        if len(_WORDS.sub("", content)) < _MIN_SENTENCE or not re.search("[，,。]", content):
            continue
        if content[-1] in _SENTENCE_END or not _CJK_CHAR.match(content[-1]):
            continue
        tail = re.split("[。；;，,]", content)[-1]
        if re.search("[：:]", tail) or _NOT_PROSE.search(tail):
            continue  # ends in a field (完成情况：正在推进, 电话：…), not a sentence
        end = len(unit.text.rstrip(SPACES))
        yield Hit(
            _("段落“…{tail}”末尾缺少句末标点（像是网页复制时丢了“。”）").format(tail=content[-12:]),
            unit,
            span=(end, end),
        )


RULES: tuple[Rule, ...] = (
    Rule(
        "GW301",
        N_("半角标点"),
        Level.WARNING,
        N_("中文里用了半角的 , ; : ? ! .；修复改为全角。"),
        check_half_width,
        bad="根据区委统一部署,现将整改情况予以公布.\n",
        good="根据区委统一部署，现将整改情况予以公布。\n",
        fixable=True,
    ),
    Rule(
        "GW302",
        N_("半角括号"),
        Level.WARNING,
        N_("括住中文或紧挨中文的半角括号 ( )；修复改为（ ）。"),
        check_half_width_brackets,
        bad="一、主要问题\n(一)聚焦群众身边的不正之风方面\n",
        good="一、主要问题\n（一）聚焦群众身边的不正之风方面\n",
        fixable=True,
    ),
    Rule(
        "GW303",
        N_("直引号"),
        Level.WARNING,
        N_("中文里用了直引号 \" '；修复配成“ ”和‘ ’。"),
        check_straight_quotes,
        bad='组织学习"象霞群众工作法"等好的方法。\n',
        good="组织学习“象霞群众工作法”等好的方法。\n",
        fixable=True,
    ),
    Rule(
        "GW304",
        N_("阿拉伯数字序号后用顿号"),
        Level.INFO,
        N_(
            "阿拉伯数字序号后用了顿号（1、）；GB/T 15834 写作 1.，但 1、 是常见的单位习惯，"
            "所以只作提示。时间里的冒号（上午9:00、下午14:30）之后不算序号。"
        ),
        check_arabic_dunhao,
        bad="一、主要问题\n1、学习不够深入。\n",
        good="一、主要问题\n1.学习不够深入。\n",
        fixable=True,
    ),
    Rule(
        "GW305",
        N_("括号序号后加标点"),
        Level.WARNING,
        N_("带括号的序号后加了标点（（一）、）；GB/T 15834 不加。"),
        check_bracket_ordinal_punct,
        bad="一、主要问题\n（一）、学习方面\n",
        good="一、主要问题\n（一）学习方面\n",
        fixable=True,
    ),
    Rule(
        "GW306",
        N_("段落缺句末标点"),
        Level.WARNING,
        N_(
            "成段的文字（不少于12个字，含逗号或句号）末尾没有句末标点，像是网页抓取时丢了“。”；"
            "不自动修复：须由人看出丢了什么。"
        ),
        check_missing_period,
        bad="一、工作情况\n整改完成后，区纪委监委、区委组织部将适时开展抽查\n",
        good="一、工作情况\n整改完成后，区纪委监委、区委组织部将适时开展抽查。\n",
    ),
)

__all__ = [
    "CHINESE_PUNCTUATION",
    "RULES",
    "check_arabic_dunhao",
    "check_bracket_ordinal_punct",
    "check_half_width",
    "check_half_width_brackets",
    "check_straight_quotes",
    "half_width_marks",
]
