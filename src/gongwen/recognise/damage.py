"""Pure repairs and detections on scraped Chinese text: punctuation, lost characters.

Nothing here decides alone: each function returns what it changed or found, and the parser
turns that into findings. Nothing is guessed silently.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile

__all__ = [
    "Damage",
    "LostNumeral",
    "StrayDigits",
    "find_cut_names",
    "find_days_lost",
    "find_lost_counts",
    "find_lost_numerals",
    "find_mixup_spans",
    "find_organ_mixups",
    "find_stray_digits",
    "fullwidth_punctuation",
    "is_cjk",
    "remove_illegal_characters",
    "restore_lost_numeral",
]

_FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}

# URLs and e-mail addresses keep their ASCII punctuation.
_PROTECTED = lazy_compile(
    r"(?:https?|ftp)://[^\s，。；、“”（）]+|www\.[^\s，。；、“”（）]+"
    r"|(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)


def is_cjk(char: str) -> bool:
    """True for a Chinese character or full-width (CJK) punctuation.

    >>> [is_cjk(c) for c in "通，“a1"]
    [True, True, True, False, False]
    """
    if not char:
        return False
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or char in "“”‘’…—·"
    )


def _neighbour(text: str, index: int, step: int) -> str:
    i = index + step
    while 0 <= i < len(text) and text[i] in " \t":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def fullwidth_punctuation(text: str) -> tuple[str, Counter[str]]:
    """Make half-width , : ; ? ! ( ) full-width, and "…" pairs “…”, in Chinese text.

    A mark is converted when the character before or after it is Chinese (or full-width
    punctuation), except between two digits ("1,000", "10:30"). A pair of round brackets is
    converted together when what it encloses or what surrounds it is Chinese. URLs, e-mail
    addresses and the full stop (1.5, the ordinal "1.") are left alone. Returns the new text
    and a count of the marks converted.

    >>> fullwidth_punctuation("意见建议,并有针对性地提出")[0]
    '意见建议，并有针对性地提出'
    >>> text, counts = fullwidth_punctuation("(一)聚焦:电话82746503,邮箱:a.b@jn.cn。1,000元")
    >>> text, dict(counts)
    ('（一）聚焦：电话82746503，邮箱：a.b@jn.cn。1,000元', {'(': 1, ')': 1, ':': 2, ',': 1})
    >>> fullwidth_punctuation("see http://x.cn/a?b=1, ok")[0]
    'see http://x.cn/a?b=1, ok'
    """
    protected = [False] * len(text)
    for m in _PROTECTED.finditer(text):
        for i in range(m.start(), m.end()):
            protected[i] = True
    chars = list(text)
    counts: Counter[str] = Counter()
    pairs = _bracket_pairs(text, protected)
    for i, char in enumerate(text):
        if char not in _FULLWIDTH or protected[i]:
            continue
        if char in "()":
            convert = pairs.get(i)
            if convert is None:
                convert = is_cjk(_neighbour(text, i, -1)) or is_cjk(_neighbour(text, i, 1))
        else:
            before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
            between_digits = (
                before.isascii() and before.isdigit() and after.isascii() and (after.isdigit())
            )
            convert = (is_cjk(before) or is_cjk(after)) and not between_digits
        if convert:
            chars[i] = _FULLWIDTH[char]
            counts[char] += 1
    for start, end in _quote_pairs(text, protected):
        chars[start], chars[end] = "“", "”"
        counts['"'] += 2
    return "".join(chars), counts


def _quote_pairs(text: str, protected: list[bool]) -> list[tuple[int, int]]:
    """The ASCII double quotes of a line, paired in order, when every pair quotes or stands
    in Chinese text (苏川市委开展"回头看"巡察 → “回头看”); none when the count is odd.

    >>> text = '开展"回头看"和"双查"'
    >>> [(text[a], text[b]) for a, b in _quote_pairs(text, [False] * len(text))]
    [('"', '"'), ('"', '"')]
    >>> _quote_pairs('say "hi"', [False] * 8), _quote_pairs('开展"回头看', [False] * 6)
    ([], [])
    """
    marks = [i for i, c in enumerate(text) if c == '"' and not protected[i]]
    if not marks or len(marks) % 2:
        return []
    pairs = list(zip(marks[::2], marks[1::2], strict=True))
    for start, end in pairs:
        inner = text[start + 1 : end]
        around = _neighbour(text, start, -1) + _neighbour(text, end, 1)
        if not any(is_cjk(c) for c in inner + around):
            return []
    return pairs


def _bracket_pairs(text: str, protected: list[bool]) -> dict[int, bool]:
    """Whether each matched ( ) pair is to be converted, by the index of either bracket."""
    decisions: dict[int, bool] = {}
    stack: list[int] = []
    for i, char in enumerate(text):
        if protected[i]:
            continue
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            start = stack.pop()
            inner = text[start + 1 : i]
            convert = (
                any(is_cjk(c) for c in inner)
                or is_cjk(_neighbour(text, start, -1))
                or is_cjk(_neighbour(text, i, 1))
            )
            decisions[start] = decisions[i] = convert
    return decisions


_ILLEGAL = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def remove_illegal_characters(text: str) -> tuple[str, int]:
    """Remove characters a Word document cannot hold (XML 1.0 §2.2); return how many.

    >>> remove_illegal_characters("通\\x0b报")
    ('通报', 1)
    """
    cleaned, count = _ILLEGAL.subn("", text)
    return cleaned, count


# ---------------------------------------------------------------------------------------------
# 第 with its numeral lost: 区委第巡察组


_NUMERALS = "零一二三四五六七八九十百千两0-9０-９"
# 第 as the second character of a word, not the ordinal prefix: 府第, 门第, 宅第, 及第, 落第, 次第.
_WORD_DI = "府门宅及落次科甲"
_LOST_NUMERAL = lazy_compile(rf"(?<![{_WORD_DI}])第(?=[^\s{_NUMERALS}几])")
_CONTEXT = 3


@dataclass(frozen=True)
class LostNumeral:
    """A 第 with no numeral after it, at ``index``; ``restored`` is the numeral the same text
    uses elsewhere before the same words, when exactly one is used; ``candidates`` all of them.
    """

    index: int
    following: str
    candidates: tuple[str, ...]

    @property
    def restored(self) -> str | None:
        """The one numeral that fits, or None."""
        return self.candidates[0] if len(self.candidates) == 1 else None


def find_lost_numerals(text: str, document: str) -> list[LostNumeral]:
    """Each 第 in ``text`` not followed by a numeral, with what ``document`` writes elsewhere.

    The numeral is looked for in ``document`` (the whole notice) before the same three, or
    else two, characters that follow the damaged 第.

    >>> doc = "区委第巡察组对街道开展了巡察。……巩固好区委第二巡察组巡察成果。"
    >>> find_lost_numerals("区委第巡察组对街道开展了巡察。", doc)
    [LostNumeral(index=2, following='巡察组', candidates=('二',))]
    >>> find_lost_numerals("第一次会议，府第门前", doc)
    []
    """
    index = _numeral_index(document)
    found = []
    for m in _LOST_NUMERAL.finditer(text):
        following = text[m.end() : m.end() + _CONTEXT]
        if len(following) < 2 or not is_cjk(following[0]):
            continue
        candidates: tuple[str, ...] = ()
        for size in range(len(following), 1, -1):
            numerals = index.get(following[:size])
            if numerals:
                candidates, following = tuple(sorted(numerals)), following[:size]
                break
        found.append(LostNumeral(m.start(), following, candidates))
    return found


_NUMBERED = lazy_compile(rf"第([{_NUMERALS}]+)(?=(\S{{2,{_CONTEXT}}}))")


@functools.lru_cache(maxsize=4)
def _numeral_index(document: str) -> dict[str, frozenset[str]]:
    """The numerals written after 第 in ``document``, by the two and three characters after.

    One pass over the document, so looking up every damaged 第 stays linear in its length.
    """
    index: dict[str, set[str]] = {}
    for m in _NUMBERED.finditer(document):
        after = m[2]
        for size in range(2, len(after) + 1):
            index.setdefault(after[:size], set()).add(m[1])
    return {key: frozenset(values) for key, values in index.items()}


def restore_lost_numeral(text: str, lost: LostNumeral) -> str:
    """``text`` with the one restorable numeral put back after the 第 at ``lost.index``.

    >>> doc = "区委第巡察组；区委第二巡察组"
    >>> restore_lost_numeral("区委第巡察组", find_lost_numerals("区委第巡察组", doc)[0])
    '区委第二巡察组'
    """
    if lost.restored is None:
        raise ValueError(_("“第”后缺少的数字不止一种读法，无法补回"))
    return text[: lost.index + 1] + lost.restored + text[lost.index + 1 :]


# ---------------------------------------------------------------------------------------------
# Digits run into the words around them: 巡察91区委 for 巡察。9月1日，区委

# Characters that may follow a number in running text: units, counters, dates.
_COUNTERS = (
    "年月日时分秒个项条次名人户家元角万亿千百十岁天周号层栋楼间期批件份篇届轮位支所座处台辆"
    "米里亩倍成余多部种类组场本册页章节款段点季度小公平吨克斤升套张级以至到"
)
_STRAY = lazy_compile(r"(?<=[\u4e00-\u9fff])([0-9]{1,4})(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class StrayDigits:
    """Digits with a Chinese character on each side that count nothing (巡察91区委).

    ``dates`` are the month-day readings of the digits (9月1日); there is at least one.
    """

    start: int
    end: int
    digits: str
    dates: tuple[str, ...]


def find_stray_digits(text: str) -> list[StrayDigits]:
    """Digits between Chinese characters, with no unit or counter after them, that read as a
    month and a day whose 月 and 日 were lost (巡察91区委: 9月1日).

    >>> find_stray_digits("开展了巡察91区委巡察组反馈了巡察意见")
    [StrayDigits(start=5, end=7, digits='91', dates=('9月1日',))]
    >>> find_stray_digits("发展党员五个阶段25个步骤，3年内，问题12部分，落实24小时值班")
    []
    """
    found = []
    for m in _STRAY.finditer(text):
        after = text[m.end()]
        before = text[m.start() - 1]
        if (
            after in _COUNTERS
            or before in "第问题附件共约近超逾"
            or text[: m.start()].endswith("问题")
        ):
            continue
        digits = m[1]
        dates = []
        for cut in range(1, len(digits)):
            month, day = int(digits[:cut]), int(digits[cut:])
            if 1 <= month <= 12 and 1 <= day <= 31 and not digits[cut:].startswith("0"):
                dates.append(f"{month}月{day}日")
        if dates:
            found.append(StrayDigits(m.start(), m.end(), digits, tuple(dates)))
    return found


# ---------------------------------------------------------------------------------------------
# Damage beyond the seed: organ names mixed up, numerals lost before 届/次/轮/批, a date that
# lost its 日, an organ name cut short. Reported with the line; never repaired here (the
# reader repairs a lost 日 only where one reading is certain: a 成文日期 standing alone).


@dataclass(frozen=True)
class Damage:
    """A stretch of ``text`` that a scrape or a typist damaged; ``detail`` names what fits."""

    kind: str
    start: int
    end: int
    text: str
    detail: str = ""


_INSPECTION = lazy_compile(
    r"((?:中共)?[\u4e00-\u9fff]{0,8}?[省市县区州旗]委)(第[一二三四五六七八九十]+)?(巡视|巡察)(组|办)"
)


def find_organ_mixups(document: str) -> dict[str, str]:
    """The inspection organs a text names both as 巡视 and as 巡察 (县委第五巡视组 beside
    县委第五巡察组): the form written fewer times, with the form written more often. A 市委
    names both a 巡视 and a 巡察 only in a text about both kinds of inspection; a tie names
    no majority and is not reported.

    >>> find_organ_mixups("县委第五巡察组进驻。县委第五巡视组组长讲话。县委第五巡察组反馈。")
    {'县委第五巡视组': '县委第五巡察组'}
    >>> find_organ_mixups("省委第一巡视组；市委第一巡察组")
    {}
    """
    counts: dict[tuple[str, str, str], dict[str, int]] = {}
    for m in _INSPECTION.finditer(document):
        organ = m[1][-2:]  # 县委, 市委 …: the level decides, not what precedes it
        key = (organ, m[2] or "", m[4])
        counts.setdefault(key, {}).setdefault(m[3], 0)
        counts[key][m[3]] += 1
    out: dict[str, str] = {}
    for (organ, ordinal, suffix), kinds in counts.items():
        if len(kinds) == 2 and kinds["巡视"] != kinds["巡察"]:
            minority = min(kinds, key=lambda k: kinds[k])
            majority = max(kinds, key=lambda k: kinds[k])
            out[f"{organ}{ordinal}{minority}{suffix}"] = f"{organ}{ordinal}{majority}{suffix}"
    return out


def find_mixup_spans(text: str, mixups: dict[str, str]) -> list[Damage]:
    """Where ``text`` writes one of the minority forms :func:`find_organ_mixups` found."""
    out = []
    for wrong, right in mixups.items():
        for m in re.finditer(re.escape(wrong), text):
            out.append(Damage("organ_name_mixup", m.start(), m.end(), wrong, right))
    return out


_LOST_COUNT = lazy_compile(
    r"(?<=[省市县区州])届(?=[\u4e00-\u9fff])"  # 市届人大: 市十六届
    r"|(?<=[会委])次(?=会议|全体会议|全会)"  # 常委会次会议: 第X次会议
    r"|(?<=[省市县区]委)轮(?=巡)"  # 市委轮巡察
    r"|(?<=[了出])点(?=意见|建议|问题)"  # 提出了点意见: 提出了X点意见
)


def find_lost_counts(text: str) -> list[Damage]:
    """Numerals lost before 届/次/轮/批/点 where no 第 is left to show it (市届人大常委会
    次会议, 提出了点意见建议).

    >>> [d.text for d in find_lost_counts("在市届人大常委会次会议上；提出了点意见建议")]
    ['市届', '会次', '了点']
    >>> find_lost_counts("市十六届人大常委会第四次会议；每次会议")
    []
    """
    return [
        Damage("lost_numeral", m.start() - 1, m.end(), text[m.start() - 1 : m.end()])
        for m in _LOST_COUNT.finditer(text)
    ]


_DAY_LOST = lazy_compile(r"(?<![0-9])([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})(?![0-9日号])")


def find_days_lost(text: str) -> list[Damage]:
    """Dates whose 日 was lost (2023年3月14 then words or a mark); the date is named.

    >>> [(d.text, d.detail) for d in find_days_lost("截止时间为2023年3月14。2024年3月底前")]
    [('2023年3月14', '2023年3月14日')]
    """
    out = []
    for m in _DAY_LOST.finditer(text):
        month, day = int(m[2]), int(m[3])
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.append(Damage("date_missing_day", m.start(), m.end(), m[0], m[0] + "日"))
    return out


_CUT_ORGAN = lazy_compile(
    r"(?<=[据向由表与和对及、，。；：\s])委(?=第?[一二三四五六七八九十]*巡[察视])"
)


def find_cut_names(text: str) -> list[Damage]:
    """An organ name cut short: 委 with no 市/县/区/省 (or 党) before it, where a 巡察 organ
    is named (根据委巡察工作领导小组, 代表委巡察组).

    >>> [d.text for d in find_cut_names("根据委巡察工作领导小组统一部署，代表委巡察组讲话")]
    ['据委巡', '表委巡']
    >>> find_cut_names("根据市委巡察工作领导小组统一部署")
    []
    """
    return [
        Damage("name_cut_short", m.start() - 1, m.end() + 1, text[m.start() - 1 : m.end() + 1])
        for m in _CUT_ORGAN.finditer(text)
    ]
