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

_CJK_CHAR = re.compile(f"[{CJK}]")
CHINESE_PUNCTUATION = "“”‘’《》〈〉（）【】〔〕、，。；：？！…—·"
"""Full-width marks that make their neighbourhood Chinese text."""

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_ASCII_SPACES = " \t"


def _chinese(char: str | None) -> bool:
    return char is not None and (bool(_CJK_CHAR.match(char)) or char in CHINESE_PUNCTUATION)


def _ideograph(char: str | None) -> bool:
    return char is not None and bool(_CJK_CHAR.match(char))


_SEE_THROUGH = _ASCII_SPACES + ",;:?!\"'()"
"""What the context of a mark looks past: spaces and other half-width marks, which become
full-width when fixed (so a mark beside them is in the same context before and after)."""


def _neighbours(text: str, i: int, end: int | None = None) -> tuple[str | None, str | None]:
    """The nearest characters before ``text[i]`` and after ``text[end - 1]`` (``end`` is
    ``i + 1`` by default) that are not spaces or half-width marks."""
    before = text[:i].rstrip(_SEE_THROUGH)
    after = text[(i + 1 if end is None else end) :].lstrip(_SEE_THROUGH)
    return (before[-1] if before else None), (after[0] if after else None)


_BRACKET_PAIR = re.compile(r"[(（]([^()（）\n]*)[)）]")


def _checked(inp: CheckInput) -> Iterator[Unit]:
    for unit in inp.units:
        if unit.role != Role.CHROME:
            yield unit


_THOUSANDS = re.compile(r"[0-9]{3}(?![0-9日号])")


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
    for _ in range(len(text) + 1):
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
    before = text[:i].rstrip(_SEE_THROUGH)
    number = before.rstrip("0123456789０１２３４５６７８９")
    return len(number) < len(before) and _ideograph(number[-1:] or None)


_MARK_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", ".": "句号"}


def _mark_span(text: str, i: int) -> tuple[int, int]:
    """The mark at ``i`` and the ASCII spaces after it when Chinese follows them (a full-width
    mark takes the room of those spaces)."""
    j = i + 1
    while j < len(text) and text[j] in _ASCII_SPACES:
        j += 1
    if j > i + 1 and j < len(text) and _chinese(text[j]):
        return i, j
    return i, i + 1


def check_half_width(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        text = unit.text
        for i in half_width_marks(text):
            start, end = _mark_span(text, i)
            mark = text[i]
            yield Hit(
                f"中文里用了半角{_MARK_NAMES[mark]}“{mark}”：应为全角“{_FULL_WIDTH[mark]}”",
                unit,
                fix=replaced(text, start, end, _FULL_WIDTH[mark]),
                span=(start, end),
            )


def check_half_width_brackets(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        text = unit.text
        fixed = settled(text)
        for m in _BRACKET_PAIR.finditer(text):
            if fixed[m.start()] == m[0][0] and fixed[m.end() - 1] == m[0][-1]:
                continue
            yield Hit(
                f"中文里用了半角括号“{m[0]}”：应为全角“（{m[1]}）”",
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
            pairing = "" if fix else "；引号个数为奇数，请逐个核对"
            yield Hit(
                f"中文里用了直引号{quote}：应为弯引号{open_}{close}{pairing}",
                unit,
                fix=fix,
                span=span,
            )


# An Arabic ordinal opens a line or follows the end of a clause; a colon between digits is a
# clock time's (上午9:00、下午14:30), not the end of a clause.
_ARABIC_DUNHAO = re.compile(
    r"(?:^|(?<=[。；;])|(?<=[：:])(?<![0-9０-９][：:]))([ \t\u3000]*[0-9０-９]{1,3})、(?=\S)"
)


def check_arabic_dunhao(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        for m in _ARABIC_DUNHAO.finditer(unit.text):
            first = m[1].strip()
            at = m.end(1)
            yield Hit(
                f"“{first}、”：阿拉伯数字序号后用下脚点，应写“{first}.”（GB/T 15834）",
                unit,
                fix=replaced(unit.text, at, at + 1, "."),
                span=(at, at + 1),
            )


_BRACKETED_PUNCT = re.compile(
    rf"(?:^|(?<=[。；;：:]))([ \t\u3000]*[(（](?:[{NUMERALS}]+|[0-9０-９]+)[)）])[、，,.．：:]+"
)


def check_bracket_ordinal_punct(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        for m in _BRACKETED_PUNCT.finditer(unit.text):
            at = m.end(1)
            yield Hit(
                f"“{m[0].strip()}”：带括号的序号后不加标点，应写“{m[1].strip()}”",
                unit,
                fix=replaced(unit.text, at, m.end(), ""),
                span=(at, m.end()),
            )


_SENTENCE_END = "。！？!?；;…”’）)】"
_MIN_SENTENCE = 12
"""A paragraph of at least this many words' characters, with a comma or a stop inside, is
prose that must end in a mark."""
_WORDS = re.compile(f"[^{CJK}]|[年月日〇一二三四五六七八九十百是]")
"""What the length of prose leaves out: what other fixes add (dates' 年月日, numerals)."""
_NOT_PROSE = re.compile(r"电话|邮箱|信箱|邮编|地址|网址|传真|热线|联系人|http|www\.")


def check_missing_period(inp: CheckInput) -> Iterator[Hit]:
    for unit in inp.units:
        if unit.role not in (Role.PARAGRAPH, Role.MEASURE, Role.PROBLEM) or not unit.raw:
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
            f"段落“…{content[-12:]}”末尾缺少句末标点（像是网页复制时丢了“。”）",
            unit,
            span=(end, end),
        )


RULES: tuple[Rule, ...] = (
    Rule(
        "GW301",
        "half-width-punctuation",
        Level.WARNING,
        "Half-width , ; : ? ! . in Chinese text; the fix makes them full-width.",
        check_half_width,
        bad="根据区委统一部署,现将整改情况予以公布.\n",
        good="根据区委统一部署，现将整改情况予以公布。\n",
        fixable=True,
    ),
    Rule(
        "GW302",
        "half-width-brackets",
        Level.WARNING,
        "Half-width ( ) around or beside Chinese text; the fix makes them （ ）.",
        check_half_width_brackets,
        bad="一、主要问题\n(一)聚焦群众身边的不正之风方面\n",
        good="一、主要问题\n（一）聚焦群众身边的不正之风方面\n",
        fixable=True,
    ),
    Rule(
        "GW303",
        "straight-quotes",
        Level.WARNING,
        "Straight quotes \" ' in Chinese text; the fix pairs them as “ ” and ‘ ’.",
        check_straight_quotes,
        bad='组织学习"象霞群众工作法"等好的方法。\n',
        good="组织学习“象霞群众工作法”等好的方法。\n",
        fixable=True,
    ),
    Rule(
        "GW304",
        "arabic-ordinal-dunhao",
        Level.INFO,
        "An Arabic ordinal followed by 、 (1、); GB/T 15834 writes 1., but 1、 is a common "
        "house style, so this is a remark. A clock time's colon (上午9:00、下午14:30) opens no "
        "ordinal.",
        check_arabic_dunhao,
        bad="一、主要问题\n1、学习不够深入。\n",
        good="一、主要问题\n1.学习不够深入。\n",
        fixable=True,
    ),
    Rule(
        "GW305",
        "bracket-ordinal-punctuation",
        Level.WARNING,
        "Punctuation after a bracketed ordinal (（一）、); GB/T 15834 writes none.",
        check_bracket_ordinal_punct,
        bad="一、主要问题\n（一）、学习方面\n",
        good="一、主要问题\n（一）学习方面\n",
        fixable=True,
    ),
    Rule(
        "GW306",
        "paragraph-missing-period",
        Level.WARNING,
        "A paragraph of prose (12 words' characters or more, with a comma or stop) that ends "
        "without a closing mark, as when a scrape drops the 。; no fix: a person must see what "
        "was lost.",
        check_missing_period,
        bad="一、工作情况\n整改完成后，区纪委监委、区委组织部将适时开展抽查\n",
        good="一、工作情况\n整改完成后，区纪委监委、区委组织部将适时开展抽查。\n",
    ),
)
