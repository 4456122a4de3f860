"""Chinese numerals and the ordinals of 公文 (headings, 一是, 问题N, 附件N), with parse inverses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile

__all__ = [
    "MAX_ORDINAL",
    "OrdinalRangeError",
    "ParsedOrdinal",
    "ascii_digits",
    "attachment_label",
    "chinese_numeral",
    "heading_ordinal",
    "measure_lead",
    "parse_attachment_label",
    "parse_chinese_numeral",
    "parse_heading_ordinal",
    "parse_measure_lead",
    "parse_problem_label",
    "problem_label",
]

MAX_ORDINAL = 9999
"""The largest number that has a Chinese numeral here (no 万)."""

_DIGITS = "零一二三四五六七八九"
_UNITS = ("千", "百", "十", "")
# Every character a canonical numeral (or the accepted 一十X variant) can contain.
_NUMERAL_CHARS = "零一二三四五六七八九十百千"
# Scraped pages mix half- and full-width digits; both count as Arabic digits here.
_ARABIC = "0-9０-９"
_TO_ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_WIDTH_DIGIT = lazy_compile("[０-９]")


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits (０-９) made ASCII, one character for one.

    Offsets into the text hold. Text without full-width digits, nearly all text, is returned
    as it is without being copied.

    >>> ascii_digits("２０２３年3月")
    '2023年3月'
    """
    if _FULL_WIDTH_DIGIT.search(text) is None:
        return text
    return text.translate(_TO_ASCII_DIGITS)


class OrdinalRangeError(ValueError):
    """A number outside 1 to 9999 was given where a Chinese numeral or an ordinal is wanted.

    >>> raise OrdinalRangeError(0)
    Traceback (most recent call last):
    ...
    gongwen.numbering.OrdinalRangeError: 汉字数字只用于 1 至 9999，实为 0
    """

    def __init__(self, n: int) -> None:
        self.n = n
        super().__init__(
            _("汉字数字只用于 1 至 {most}，实为 {n}").format(most=MAX_ORDINAL, n=repr(n))
        )


def _check_range(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(
            _("序号应为整数，实为 {kind}：{n}").format(kind=type(n).__name__, n=repr(n))
        )
    if not 1 <= n <= MAX_ORDINAL:
        raise OrdinalRangeError(n)


def chinese_numeral(n: int) -> str:
    """Write ``n`` (1 to 9999) in Chinese numerals, the way 公文 and GB/T 15835 write them.

    十 stands alone for 10 to 19; inside a larger number the 一 before 十 is written.
    A skipped place is read as one counting zero 零 (GB/T 15835-2011 §5.2.5).

    >>> [chinese_numeral(n) for n in (1, 10, 11, 20, 21)]
    ['一', '十', '十一', '二十', '二十一']
    >>> [chinese_numeral(n) for n in (100, 105, 110, 1001, 1010, 9999)]
    ['一百', '一百零五', '一百一十', '一千零一', '一千零一十', '九千九百九十九']
    >>> chinese_numeral(0)
    Traceback (most recent call last):
    ...
    gongwen.numbering.OrdinalRangeError: 汉字数字只用于 1 至 9999，实为 0
    """
    _check_range(n)
    if 10 <= n <= 19:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    parts: list[str] = []
    pending_zero = False
    for digit, unit in zip(f"{n:04d}", _UNITS, strict=True):
        d = int(digit)
        if d == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_DIGITS[d] + unit)
    return "".join(parts)


@cache
def _numeral_table() -> dict[str, int]:
    # 9999 canonical forms plus the 一十X variant: an exact, strict inverse by construction.
    table = {chinese_numeral(n): n for n in range(1, MAX_ORDINAL + 1)}
    table.update({"一" + chinese_numeral(n): n for n in range(10, 20)})
    return table


def parse_chinese_numeral(text: str) -> int:
    """Read a Chinese numeral written as :func:`chinese_numeral` writes it.

    Strict: only the canonical forms are accepted, plus 一十 … 一十九 for 10 to 19
    (a common variant). 两, 〇, a doubled 零, a missing 零 or surrounding space are refused.

    >>> parse_chinese_numeral("二十一")
    21
    >>> parse_chinese_numeral("一百零五"), parse_chinese_numeral("一十二")
    (105, 12)
    >>> parse_chinese_numeral("一百十")
    Traceback (most recent call last):
    ...
    ValueError: 不是 1 至 9999 的规范汉字数字：“一百十”
    """
    number = _numeral_table().get(text)
    if number is None:
        raise ValueError(
            _("不是 1 至 {most} 的规范汉字数字：“{text}”").format(most=MAX_ORDINAL, text=text)
        )
    return number


def _parse_arabic(digits: str) -> int | None:
    """An Arabic number 1..9999 without leading zero, else None."""
    digits = ascii_digits(digits)
    if digits.startswith("0") or len(digits) > len(str(MAX_ORDINAL)):
        return None
    return int(digits)


# ---------------------------------------------------------------------------------------------
# Heading ordinals, GB/T 9704-2012 cl. 7.3.3


_HEADING_LEVELS = (1, 2, 3, 4)


def heading_ordinal(level: int, n: int) -> str:
    """The ordinal of heading ``n`` at ``level`` 1 to 4: 一、 → （一） → 1. → （1） (cl. 7.3.3).

    Level 2 and 4 use full-width brackets （）; level 3 uses the ASCII full stop.

    >>> [heading_ordinal(level, 1) for level in (1, 2, 3, 4)]
    ['一、', '（一）', '1.', '（1）']
    >>> heading_ordinal(1, 11), heading_ordinal(2, 20)
    ('十一、', '（二十）')
    >>> heading_ordinal(5, 1)
    Traceback (most recent call last):
    ...
    ValueError: 标题层级为 1 至 4，实为 5
    """
    if level not in _HEADING_LEVELS:
        raise ValueError(_("标题层级为 1 至 4，实为 {level}").format(level=repr(level)))
    _check_range(n)
    if level == 1:
        return chinese_numeral(n) + "、"
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


@dataclass(frozen=True)
class ParsedOrdinal:
    """A heading ordinal found at the start of a paragraph.

    ``rest`` is the text after the ordinal and any whitespace that follows it.
    """

    level: int
    number: int
    rest: str


_LEVEL1 = lazy_compile(rf"([{_NUMERAL_CHARS}]+)、\s*")
_BRACKETED = lazy_compile(rf"[（(]\s*(?:([{_NUMERAL_CHARS}]+)|([{_ARABIC}]+))\s*[）)]\s*")
# "1.5万元" is a decimal, not an ordinal: the separator must not be followed by a digit.
_LEVEL3 = lazy_compile(rf"([{_ARABIC}]+)[.．、](?![{_ARABIC}])\s*")


def parse_heading_ordinal(text: str) -> ParsedOrdinal | None:
    """Recognise a heading ordinal at the start of ``text``; None if there is none.

    Tolerant of real documents: leading whitespace (full-width indents), full- or half-width
    brackets in any pairing, "1．" and "1、" for level 3 ("1、" is the wrong form, but it is
    still recognisably level 3 — a checker can compare with :func:`heading_ordinal`), and
    whitespace after the ordinal. Level 1 needs the 顿号 、: "一是" and "一，" are not headings.
    Anything after a bracketed ordinal (as in the erroneous "（一）、") is left in ``rest``.

    >>> parse_heading_ordinal("一、总体要求")
    ParsedOrdinal(level=1, number=1, rest='总体要求')
    >>> parse_heading_ordinal("（十二）加强组织领导")
    ParsedOrdinal(level=2, number=12, rest='加强组织领导')
    >>> parse_heading_ordinal("(三）压实责任")
    ParsedOrdinal(level=2, number=3, rest='压实责任')
    >>> parse_heading_ordinal("　　2. 完善制度。")
    ParsedOrdinal(level=3, number=2, rest='完善制度。')
    >>> parse_heading_ordinal("3、强化督查")
    ParsedOrdinal(level=3, number=3, rest='强化督查')
    >>> parse_heading_ordinal("（1）按时报送")
    ParsedOrdinal(level=4, number=1, rest='按时报送')
    >>> print(parse_heading_ordinal("1.5万元用于培训"), parse_heading_ordinal("2019年以来"))
    None None
    >>> print(parse_heading_ordinal("一是加强学习"))
    None
    """
    text = text.lstrip()
    if m := _LEVEL1.match(text):
        number = _numeral_table().get(m[1])
        return None if number is None else ParsedOrdinal(1, number, text[m.end() :])
    if m := _BRACKETED.match(text):
        if m[1] is not None:
            level, number = 2, _numeral_table().get(m[1])
        else:
            level, number = 4, _parse_arabic(m[2])
        return None if number is None else ParsedOrdinal(level, number, text[m.end() :])
    if m := _LEVEL3.match(text):
        number = _parse_arabic(m[1])
        return None if number is None else ParsedOrdinal(3, number, text[m.end() :])
    return None


# ---------------------------------------------------------------------------------------------
# 一是、二是 … (ordinals inside a sentence)


def measure_lead(n: int) -> str:
    """The lead word of the ``n``-th measure in a 一是……；二是…… series.

    Nothing follows it: no 、 or ，.

    >>> measure_lead(1), measure_lead(10), measure_lead(11)
    ('一是', '十是', '十一是')
    """
    return chinese_numeral(n) + "是"


_MEASURE = lazy_compile(rf"([{_NUMERAL_CHARS}]+)是\s*[，、,]?\s*")


def parse_measure_lead(text: str) -> tuple[int, str] | None:
    """Recognise a 一是/二是 lead at the start of ``text``: its number and the text after it.

    A 、 or ， wrongly put after the lead (it happens in real documents) is dropped from the rest.

    >>> parse_measure_lead("一是加强理论学习；")
    (1, '加强理论学习；')
    >>> parse_measure_lead("十二是，完善制度")
    (12, '完善制度')
    >>> print(parse_measure_lead("一、总体要求"))
    None
    """
    text = text.lstrip()
    m = _MEASURE.match(text)
    if m is None:
        return None
    number = _numeral_table().get(m[1])
    return None if number is None else (number, text[m.end() :])


# ---------------------------------------------------------------------------------------------
# 问题1： (problem lists in 整改/巡视 reports) and 附件1


def problem_label(n: int) -> str:
    """The label of problem ``n`` in a problem list: Arabic number and a full-width colon.

    >>> problem_label(1), problem_label(12)
    ('问题1：', '问题12：')
    """
    _check_range(n)
    return f"问题{n}："


def _split_number(digits: str, separated: bool, expected: int | None) -> tuple[int, str] | None:
    """Split a digit run into the label number and the digits that start the text.

    When nothing separates the digits from the text and ``expected`` is a prefix of them,
    the label is ``expected`` and the other digits belong to the text.
    """
    digits = ascii_digits(digits)
    if not separated and expected is not None:
        prefix = str(expected)
        if digits.startswith(prefix):
            return expected, digits[len(prefix) :]
    number = _parse_arabic(digits)
    return None if number is None else (number, "")


_PROBLEM = lazy_compile(rf"问题\s*([{_ARABIC}]+)(\s*[：:]\s*|\s+)?")


def parse_problem_label(text: str, expected: int | None = None) -> tuple[int, str] | None:
    """Recognise a 问题N： label at the start of ``text``: the number and the problem's text.

    Tolerant of a half-width colon, of spaces, and of a lost colon ("问题2理论学习不够",
    as scraped pages have it). With the colon lost, a problem whose text begins with digits
    runs together with its number: "问题82019年以来" may be problem 8 or 82019. Pass the
    number you expect next as ``expected`` to settle it: when the digits start with it, it is
    the number and the other digits start the text. Without ``expected`` all the digits are
    the number (None if that is over 9999).

    >>> parse_problem_label("问题1：理论学习不够深入")
    (1, '理论学习不够深入')
    >>> parse_problem_label("问题 2: 制度执行不严")
    (2, '制度执行不严')
    >>> parse_problem_label("问题3整改不到位")
    (3, '整改不到位')
    >>> parse_problem_label("问题82019年以来，……", expected=8)
    (8, '2019年以来，……')
    >>> print(parse_problem_label("问题82019年以来，……"))
    None
    >>> print(parse_problem_label("存在问题：无"))
    None
    """
    text = text.lstrip()
    m = _PROBLEM.match(text)
    if m is None:
        return None
    split = _split_number(m[1], m[2] is not None, expected)
    if split is None:
        return None
    number, head = split
    return number, head + text[m.end() :]


def attachment_label(n: int, count: int) -> str:
    """The label of attachment ``n`` of ``count``: "附件" alone when there is only one (cl. 7.3.7).

    >>> attachment_label(1, 1), attachment_label(1, 3), attachment_label(3, 3)
    ('附件', '附件1', '附件3')
    >>> attachment_label(4, 3)
    Traceback (most recent call last):
    ...
    ValueError: 共 3 个附件，没有附件 4
    """
    _check_range(n)
    _check_range(count)
    if n > count:
        raise ValueError(_("共 {count} 个附件，没有附件 {n}").format(count=count, n=n))
    return "附件" if count == 1 else f"附件{n}"


_ATTACHMENT = lazy_compile(rf"附件\s*(?:([{_ARABIC}]+)(\s*[：:]\s*|\s+)?|\s*[：:]\s*|\s+|$)")


def parse_attachment_label(text: str, expected: int | None = None) -> tuple[int | None, str] | None:
    """Recognise an attachment label at the start of ``text``: its number and the text after it.

    The number is None for the unnumbered "附件" of a single attachment. An unnumbered label
    must stand alone or be followed by a colon or whitespace, so the word 附件 in a sentence
    ("附件材料请……") is not taken for a label. A number running into a title that begins
    with digits is settled by ``expected`` as in :func:`parse_problem_label`.

    >>> parse_attachment_label("附件2")
    (2, '')
    >>> parse_attachment_label("附件")
    (None, '')
    >>> parse_attachment_label("附件：1.关于开展调研的通知")
    (None, '1.关于开展调研的通知')
    >>> parse_attachment_label("附件12023年工作要点", expected=1)
    (1, '2023年工作要点')
    >>> print(parse_attachment_label("附件材料请于3月底前报送"))
    None
    """
    text = text.lstrip()
    m = _ATTACHMENT.match(text)
    if m is None:
        return None
    if m[1] is None:
        return None, text[m.end() :]
    split = _split_number(m[1], m[2] is not None, expected)
    if split is None:
        return None
    number, head = split
    return number, head + text[m.end() :]
