"""The tail of a notice: 成文日期, 署名 organs, 附件说明 items.

>>> parse_signature_date("二〇二三年九月十五日")
SignatureDate(date=datetime.date(2023, 9, 15), day_missing=False)
>>> parse_signature_date("2023年9月15")
SignatureDate(date=datetime.date(2023, 9, 15), day_missing=True)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongwen.dates import parse_date
from gongwen.lazy_regex import lazy_compile

__all__ = [
    "SignatureDate",
    "parse_attachment_item",
    "parse_signature_date",
    "parse_standalone_date",
    "split_organs",
]


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


@dataclass(frozen=True)
class SignatureDate:
    """A line that is only a date; ``day_missing`` when its 日 was lost (``2023年9月15``)."""

    date: date
    day_missing: bool = False


_DAY_LOST = lazy_compile(r"^(.{2,8}年.{1,3}月[0-9０-９一二三四五六七八九十]{1,3})$")


def parse_signature_date(text: str) -> SignatureDate | None:
    """A 成文日期 line: a date alone, also in 〇 numerals or with its 日 lost.

    >>> print(parse_signature_date("2023年9月15日前完成"))
    None
    """
    stripped = text.strip().replace(" ", "")
    found = parse_standalone_date(stripped)
    if found is not None:
        return SignatureDate(found)
    if _DAY_LOST.match(stripped):
        found = parse_standalone_date(stripped + "日")
        if found is not None:
            return SignatureDate(found, day_missing=True)
    return None


_ORGAN_GAP = lazy_compile(r"[ \t\u3000]{2,}|\t")


def split_organs(text: str) -> list[str]:
    """The organs of a 署名 line; a joint signature on one line is separated by spaces.

    >>> split_organs("某县卫生健康局  某县医疗保障局")
    ['某县卫生健康局', '某县医疗保障局']
    >>> split_organs("中共某县委员会巡察工作领导小组办公室")
    ['中共某县委员会巡察工作领导小组办公室']
    """
    parts = [p.strip() for p in _ORGAN_GAP.split(text.strip()) if p.strip()]
    if len(parts) > 1 and all(len(p) >= 4 for p in parts):
        return parts
    return [text.strip()]


_ATTACHMENT_ITEM = lazy_compile(r"^([0-9０-９]{1,2})\s*[.．、]\s*(\S.*)$")


def parse_attachment_item(text: str) -> tuple[int, str] | None:
    """A numbered item of 附件说明 (``2.某某情况统计表``), its number and title.

    >>> parse_attachment_item("2．整改台账")
    (2, '整改台账')
    >>> print(parse_attachment_item("附件：整改台账"))
    None
    """
    m = _ATTACHMENT_ITEM.match(text.strip())
    if m is None:
        return None
    return int(m[1].translate(str.maketrans("０１２３４５６７８９", "0123456789"))), m[2].strip()
