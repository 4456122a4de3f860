"""What one paragraph of a published notice is, from its words alone: pure recognisers.

Each function looks at one paragraph's text and says whether it is page chrome, a heading
ordinal (whole or damaged), a 整改情况 label, a run of 一是/二是 measures, a contact block,
a signature date, and so on. Context (what came before) is the parser's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from gongwen.dates import parse_date
from gongwen.numbering import (
    ascii_digits,
    parse_chinese_numeral,
    parse_heading_ordinal,
    parse_measure_lead,
)

__all__ = [
    "Chrome",
    "ContactParts",
    "HeadingMark",
    "first_sentence",
    "parse_chrome",
    "parse_contact",
    "parse_heading",
    "parse_label",
    "parse_standalone_date",
    "split_run_in_measures",
]

_NUMERAL_CHARS = "零一二三四五六七八九十百千"
SENTENCE_ENDS = "。！？"
CLOSING = "。！？；：…”’）》」』"


# ---------------------------------------------------------------------------------------------
# Page chrome


@dataclass(frozen=True)
class Chrome:
    """A line of web-page chrome: ``metadata`` kept (发布日期 → value), the rest dropped."""

    metadata: dict[str, str] = field(default_factory=dict)


_KEPT_KEYS = (
    "发布日期|发布时间|发文日期|成文日期|日期|时间|来源|信息来源|文章来源|作者|发布者|发布机构"
    "|浏览次数|阅读次数|访问次数|点击数|点击次数|点击量|阅读量|浏览量|责任编辑|编辑|审核|索引号"
)
_WIDGET_KEYS = "字体|字号|打印|分享到|分享"
_CHROME_ITEM = re.compile(rf"(?:[【\[]|(?<!\s))\s*({_KEPT_KEYS}|{_WIDGET_KEYS})\s*[:：]")
"""Starts at a bracket or where a run of spaces starts: tried at every space of a long run,
the whitespace pattern rescanned the run each time (quadratic)."""
_CHROME_WORDS = frozenset(
    {
        "打印本页",
        "打印此页",
        "打印",
        "关闭窗口",
        "关闭本页",
        "关闭",
        "返回顶部",
        "返回",
        "收藏",
        "收藏本页",
        "加入收藏",
        "分享",
        "分享到",
        "上一篇",
        "下一篇",
        "大",
        "中",
        "小",
        "默认",
        "字体",
        "扫一扫在手机打开当前页",
        "扫一扫",
        "在手机打开当前页",
        "【",
        "】",
        "[",
        "]",
        "【打印本页】",
        "【关闭窗口】",
        "【打印】",
        "【关闭】",
        "[打印本页]",
        "[关闭窗口]",
        "[打印]",
        "[关闭]",
    }
)
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]")
_CRUMB_SEPARATORS = re.compile(r"(?<!\s)\s*(?:>>|>|»|＞|→|›|/)\s*")
"""Starts where a run of spaces starts (see _CHROME_ITEM): linear in a line of spaces."""


def parse_chrome(text: str) -> Chrome | None:
    """Recognise a whole line of web-page chrome; None if the line is content.

    Kept: 发布日期, 来源, 作者, 浏览次数 and similar labelled values. Dropped: 字体:[ ],
    打印本页, 关闭窗口, breadcrumbs (首页 > 党务公开 > …).

    >>> parse_chrome("发布日期:2023-03-14 浏览次数: 字体:[ ]")
    Chrome(metadata={'发布日期': '2023-03-14', '浏览次数': ''})
    >>> parse_chrome("打印本页 关闭窗口"), parse_chrome("【打印】【关闭】")
    (Chrome(metadata={}), Chrome(metadata={}))
    >>> parse_chrome("当前位置：首页 > 党务公开 > 通知公告")
    Chrome(metadata={})
    >>> print(parse_chrome("来源不明的资金要及时清查。"))
    None
    """
    line = text.strip()
    if not line or len(line) > 160:
        return None
    if _BREADCRUMB.match(line):
        return Chrome()
    crumbs = [c for c in _CRUMB_SEPARATORS.split(line) if c]
    if (
        len(crumbs) >= 2
        and crumbs[0] in ("首页", "网站首页", "主页")
        and all(len(c) <= 16 for c in crumbs)
    ):
        return Chrome()
    words = re.sub(r"[【】\[\]|｜]", " ", line).split()
    if words and all(word in _CHROME_WORDS for word in words):
        return Chrome()
    items = list(_CHROME_ITEM.finditer(line))
    if not items or line[: items[0].start()].strip():
        return None
    metadata: dict[str, str] = {}
    for item, following in zip(items, [*items[1:], None], strict=True):
        end = following.start() if following is not None else len(line)
        value = line[item.end() : end].strip().strip("】]").strip()
        if len(value) > 40:
            return None
        key = item[1]
        if not re.fullmatch(_WIDGET_KEYS, key):
            metadata[key] = value
    return Chrome(metadata)


# ---------------------------------------------------------------------------------------------
# Headings, whole or damaged


@dataclass(frozen=True)
class HeadingMark:
    """A heading ordinal at the start of a paragraph.

    ``number`` is None when the numeral itself was lost (``“)聚焦…”``). ``damage`` names
    what was lost: ``None``, ``"ordinal"`` (the whole “（三” before “)”) or ``"bracket"``
    (the opening bracket of “四)”).
    """

    level: int
    number: int | None
    rest: str
    damage: str | None = None


_LOST_OPEN_CN = re.compile(rf"^([{_NUMERAL_CHARS}]+)\s*[)）]\s*")
_LOST_OPEN_ARABIC = re.compile(r"^([0-9０-９]{1,3})\s*[)）]\s*")
_LOST_ORDINAL = re.compile(r"^[)）]\s*")


def parse_heading(text: str, open_bracketed_level: int = 2) -> HeadingMark | None:
    """A heading ordinal at the start of ``text``, also when a scrape damaged it.

    ``open_bracketed_level`` is the level (2 or 4) to give a heading whose whole ordinal
    was lost and only its closing bracket is left.

    >>> parse_heading("（一）聚焦群众身边的不正之风方面")
    HeadingMark(level=2, number=1, rest='聚焦群众身边的不正之风方面', damage=None)
    >>> parse_heading("四）对巡察发现问题的整改情况。")
    HeadingMark(level=2, number=4, rest='对巡察发现问题的整改情况。', damage='bracket')
    >>> parse_heading("）聚焦基层党组织软弱涣散")
    HeadingMark(level=2, number=None, rest='聚焦基层党组织软弱涣散', damage='ordinal')
    >>> print(parse_heading("四个方面的问题"))
    None
    """
    stripped = text.lstrip(" \t\u3000")
    parsed = parse_heading_ordinal(stripped)
    if parsed is not None:
        return HeadingMark(parsed.level, parsed.number, parsed.rest)
    if m := _LOST_OPEN_CN.match(stripped):
        try:
            number = parse_chinese_numeral(m[1])
        except ValueError:
            return None
        return HeadingMark(2, number, stripped[m.end() :], "bracket")
    if m := _LOST_OPEN_ARABIC.match(stripped):
        digits = ascii_digits(m[1])
        if digits.startswith("0"):
            return None
        return HeadingMark(4, int(digits), stripped[m.end() :], "bracket")
    if m := _LOST_ORDINAL.match(stripped):
        rest = stripped[m.end() :]
        return HeadingMark(open_bracketed_level, None, rest, "ordinal") if rest else None
    return None


# ---------------------------------------------------------------------------------------------
# Sentences


_OPENERS = "“‘（《「『〔【"
_CLOSERS = "”’）》」』〕】"


def first_sentence(text: str) -> tuple[str, str]:
    """Split ``text`` after its first sentence end (。！？) outside quotes and brackets.

    >>> first_sentence("理论学习质量不高。社区综合党委没有……")
    ('理论学习质量不高。', '社区综合党委没有……')
    >>> first_sentence("出现了“为深圳做出贡献。”的内容。其他")
    ('出现了“为深圳做出贡献。”的内容。', '其他')
    >>> first_sentence("没有句号")
    ('没有句号', '')
    """
    depth = 0
    for i, char in enumerate(text):
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
        elif char in SENTENCE_ENDS and depth == 0:
            end = i + 1
            while end < len(text) and text[end] in SENTENCE_ENDS:
                end += 1
            return text[:end], text[end:].lstrip()
    return text, ""


# ---------------------------------------------------------------------------------------------
# 整改情况 and 一是/二是


_LABELS = "整改情况|完成情况|整改措施|整改落实情况|整改进展情况|整改进展|落实情况|进展情况|办理情况"
_LABEL = re.compile(rf"^({_LABELS})\s*(?:[：:]\s*(.*)|$)", re.DOTALL)


def parse_label(text: str) -> tuple[str, str] | None:
    """A 整改情况/完成情况 label (with or without its colon) and any text run into it.

    >>> parse_label("整改情况：")
    ('整改情况', '')
    >>> parse_label("完成情况：一是加强学习；二是完善制度。")
    ('完成情况', '一是加强学习；二是完善制度。')
    >>> print(parse_label("整改情况良好。"))
    None
    """
    m = _LABEL.match(text.strip())
    if m is None:
        return None
    return m[1], (m[2] or "").strip()


_RUN_IN_LEAD = re.compile(rf"[；;。]\s*([{_NUMERAL_CHARS}]+)是[，、,]?")


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


# ---------------------------------------------------------------------------------------------
# Contact block: 联系方式：电话…，邮政信箱…；电子邮箱…。


@dataclass(frozen=True)
class ContactParts:
    """A contact block read from text; ``before`` is the text of the paragraph before it."""

    before: str
    lead: str | None
    phones: tuple[str, ...] = ()
    postbox: str | None = None
    email: str | None = None
    others: tuple[tuple[str, str], ...] = ()


_PHONE_LABELS = "联系电话|举报电话|咨询电话|监督电话|值班电话|办公电话|电话"
_POSTBOX_LABELS = "邮政信箱|通信地址|通讯地址|邮寄地址|来信地址"
_EMAIL_LABELS = "电子邮箱|电子信箱|电子邮件|邮箱|E-mail|Email|e-mail|email"
_OTHER_LABELS = "传真|邮编|邮政编码|联系人|手机|微信公众号|网址|举报网址|地址"
_CONTACT_LABEL = re.compile(
    rf"({_PHONE_LABELS}|{_POSTBOX_LABELS}|{_EMAIL_LABELS}|{_OTHER_LABELS})\s*[：:]?\s*"
)
_CONTACT_LEAD = re.compile(r"(联系方式|联系办法|举报方式|受理方式)\s*[：:]\s*")
_PHONE = re.compile(r"^[0-9０-９()（）\-－—\s转]+$")


def parse_contact(text: str) -> ContactParts | None:
    """Read a contact block at the end of a paragraph; None if the paragraph ends otherwise.

    The block starts at 联系方式： or at a label (电话, 邮政信箱, 电子邮箱, 传真 …) that
    begins a sentence, and runs to the end of the paragraph; every part of it must be a
    labelled value, or it is not taken for a contact block.

    >>> c = parse_contact("如有意见，请反映。联系方式：电话82746503，邮政信箱济南市英雄山路77号；"
    ...                   "电子邮箱：eqxcbscdb@jn.shandong.cn。")
    >>> c.before, c.phones, c.postbox, c.email
    ('如有意见，请反映。', ('82746503',), '济南市英雄山路77号', 'eqxcbscdb@jn.shandong.cn')
    >>> parse_contact("电话：0531-1、0531-2").phones
    ('0531-1', '0531-2')
    >>> print(parse_contact("请通过电话联系我们。"))
    None
    """
    body = text.strip()
    lead_match = _CONTACT_LEAD.search(body)
    if lead_match is not None:
        before, lead, rest = body[: lead_match.start()], lead_match[1], body[lead_match.end() :]
    else:
        start = _first_label_at_sentence_start(body)
        if start is None:
            return None
        before, lead, rest = body[:start], None, body[start:]
    rest = rest.strip().rstrip("。.;；，,").strip()
    if not rest:
        return None if lead is None else ContactParts(before.strip(), lead)
    phones: list[str] = []
    postbox = email = None
    others: list[tuple[str, str]] = []
    for segment in re.split(r"[，；,;]\s*", rest):
        segment = segment.strip()
        if not segment:
            continue
        m = _CONTACT_LABEL.match(segment)
        if m is None or m.end() == len(segment):
            if phones and _PHONE.match(segment):
                phones.append(segment)
                continue
            return None
        label, value = m[1], segment[m.end() :].strip()
        if re.fullmatch(_PHONE_LABELS, label):
            numbers = [p.strip() for p in re.split(r"[、/]", value) if p.strip()]
            if not numbers or not all(_PHONE.match(p) for p in numbers):
                return None
            phones += numbers
        elif re.fullmatch(_POSTBOX_LABELS, label) and postbox is None:
            postbox = value
        elif re.fullmatch(_EMAIL_LABELS, label) and email is None:
            email = value
        else:
            others.append((label, value))
    return ContactParts(before.strip(), lead, tuple(phones), postbox, email, tuple(others))


def _first_label_at_sentence_start(body: str) -> int | None:
    for m in _CONTACT_LABEL.finditer(body):
        if m.start() == 0 or body[m.start() - 1] in "。；;！？":
            return m.start()
    return None


# ---------------------------------------------------------------------------------------------
# Dates standing alone (成文日期)


def parse_standalone_date(text: str) -> date | None:
    """The date when a paragraph is nothing but a date (2023年3月14日, 二〇二三年三月十四日).

    >>> parse_standalone_date("2023年3月14日")
    datetime.date(2023, 3, 14)
    >>> print(parse_standalone_date("2023年3月14日召开"))
    None
    """
    stripped = text.strip()
    if not stripped.endswith("日"):
        return None
    try:
        return parse_date(stripped)
    except ValueError:
        return None
