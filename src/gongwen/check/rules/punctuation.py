"""GW3xx: punctuation in Chinese text (GB/T 15834-2011) and after ordinals (GB/T 9704 cl. 7.3.3).

Text input is checked as written: the reader turns half-width punctuation into full-width, so
these rules read the original lines. A model is checked field by field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongwen.check.registry import Hit, Rule
from gongwen.check.view import CJK, NUMERALS, CheckInput, Role, Unit
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


def _neighbours(text: str, i: int) -> tuple[str | None, str | None]:
    """The nearest non-space characters before and after ``text[i]``."""
    before = text[:i].rstrip(_ASCII_SPACES)
    after = text[i + 1 :].lstrip(_ASCII_SPACES)
    return (before[-1] if before else None), (after[0] if after else None)


def _checked(inp: CheckInput) -> Iterator[Unit]:
    for unit in inp.units:
        if unit.role != Role.CHROME:
            yield unit


def half_width_marks(text: str) -> list[int]:
    """Offsets of half-width , ; : ? ! . used in Chinese context.

    A mark counts when a neighbour is Chinese and it does not sit between two ASCII letters or
    digits (9:30, 1,000). A full stop counts only after a Chinese character and before Chinese
    or the end, so "1." and "jn.shandong.cn" are left alone.

    >>> text = "电话:82746503,邮箱:a@b.cn.会议于9:30召开."
    >>> [text[i] for i in half_width_marks(text)]
    [':', ',', ':', '.']
    """
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
        if (_chinese(before) or _chinese(after)) and not ascii_both:
            found.append(i)
    return found


def _replace_marks(text: str, offsets: list[int]) -> str:
    chars = list(text)
    drop: set[int] = set()
    for i in offsets:
        chars[i] = _FULL_WIDTH[text[i]]
        j = i + 1
        while j < len(text) and text[j] in _ASCII_SPACES:
            j += 1
        if j > i + 1 and j < len(text) and _chinese(text[j]):
            drop.update(range(i + 1, j))
    return "".join(c for k, c in enumerate(chars) if k not in drop)


def check_half_width(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        offsets = half_width_marks(unit.text)
        if not offsets:
            continue
        marks = "".join(sorted({unit.text[i] for i in offsets}, key=list(_FULL_WIDTH).index))
        full = "".join(_FULL_WIDTH[m] for m in marks)
        yield Hit(
            f"中文里用了半角标点“{' '.join(marks)}”{len(offsets)}处：应为全角“{' '.join(full)}”",
            unit,
            fix=_replace_marks(unit.text, offsets),
        )


_BRACKET_PAIR = re.compile(r"[(（]([^()（）\n]*)[)）]")


def check_half_width_brackets(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        text = unit.text
        spans = []
        for m in _BRACKET_PAIR.finditer(text):
            if not {"(", ")"} & {m[0][0], m[0][-1]}:
                continue  # both full-width already
            before = text[m.start() - 1] if m.start() else None
            after = text[m.end()] if m.end() < len(text) else None
            if _CJK_CHAR.search(m[1]) or _chinese(before) or _chinese(after):
                spans.append(m)
        if not spans:
            continue
        fixed = text
        for m in spans:
            fixed = fixed[: m.start()] + "（" + m[1] + "）" + fixed[m.end() :]
        shown = "、".join(f"“{m[0]}”" for m in spans[:3])
        yield Hit(f"中文里用了半角括号{shown}：应为全角“（）”", unit, fix=fixed)


def check_straight_quotes(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        text = unit.text
        kinds = []
        for quote in "\"'":
            if quote not in text:
                continue
            for i, char in enumerate(text):
                if char == quote and any(map(_chinese, _neighbours(text, i))):
                    kinds.append(quote)
                    break
        if not kinds:
            continue
        fixed = text
        for quote, (open_, close) in (('"', "“”"), ("'", "‘’")):
            if quote not in kinds:
                continue
            parts = fixed.split(quote)
            fixed = parts[0] + "".join(
                (open_ if k % 2 == 0 else close) + part for k, part in enumerate(parts[1:])
            )
        yield Hit(f"中文里用了直引号{'、'.join(kinds)}：应为弯引号“ ”（内层‘ ’）", unit, fix=fixed)


_ARABIC_DUNHAO = re.compile(r"(?:^|(?<=[。；;：:]))([ \t\u3000]*[0-9０-９]{1,3})、(?=\S)")


def check_arabic_dunhao(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        matches = list(_ARABIC_DUNHAO.finditer(unit.text))
        if not matches:
            continue
        fixed = _ARABIC_DUNHAO.sub(lambda m: m[1] + ".", unit.text)
        first = matches[0][1].strip()
        yield Hit(
            f"“{first}、”：阿拉伯数字序号后用下脚点，应写“{first}.”（GB/T 15834）", unit, fix=fixed
        )


_BRACKETED_PUNCT = re.compile(
    rf"(?:^|(?<=[。；;：:]))([ \t\u3000]*[(（](?:[{NUMERALS}]+|[0-9０-９]+)[)）])[、，,.．：:]"
)


def check_bracket_ordinal_punct(inp: CheckInput) -> Iterator[Hit]:
    for unit in _checked(inp):
        m = _BRACKETED_PUNCT.search(unit.text)
        if m is None:
            continue
        fixed = _BRACKETED_PUNCT.sub(lambda m: m[1], unit.text)
        yield Hit(
            f"“{m[0].strip()}”：带括号的序号后不加标点，应写“{m[1].strip()}”", unit, fix=fixed
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
        Level.WARNING,
        "An Arabic ordinal followed by 、 (1、); GB/T 15834 writes 1.",
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
