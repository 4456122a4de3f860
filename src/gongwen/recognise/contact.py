"""Contact blocks: 联系方式：电话…，邮政信箱…；电子邮箱…, or one channel a line.

>>> parse_contact("电 话：0371-1234567（巡察办）").phones
('0371-1234567（巡察办）',)
>>> c = parse_contact("联系人：张三  联系电话：0371-7654321")
>>> c.phones, c.others
(('0371-7654321',), (('联系人', '张三'),))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import parse_heading_ordinal

__all__ = ["ContactParts", "closing_line", "parse_contact"]


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
_POSTBOX_LABELS = "邮政信箱|邮政地址|通信地址|通讯地址|邮寄地址|来信地址"
_EMAIL_LABELS = "电子邮箱|电子信箱|电子邮件|邮箱|E-mail|Email|e-mail|email"
_OTHER_LABELS = (
    "传真|邮编|邮政编码|联系人|手机|微信公众号|网址|举报网址|地址|来信请寄"
    "|[\u4e00-\u9fff]{0,6}(?:信箱|接待室|接待地点|设置地点)"
)
_MODIFIER = "(?:举报|信访|投诉|咨询|监督|值班|专门|联系|受理|意见)*"
"""Words a notice puts before a channel's name: 举报电子邮箱, 专门值班电话, 信访联系电话."""
_CONTACT_LABEL = lazy_compile(
    rf"({_MODIFIER}(?:{_PHONE_LABELS}|{_EMAIL_LABELS})|{_POSTBOX_LABELS}|{_OTHER_LABELS})"
    r"\s*[：:]?\s*"
)
_PHONE_KIND = lazy_compile(r"^(?:座机|固话|手机|电话)\s*[：:]?\s*")
_SPACED_LABEL = lazy_compile(
    r"(?<![\u4e00-\u9fff])([电传邮手])[ \u3000]+([话真箱编机])(?=\s*[：:])"
)
_LABEL_AFTER_GAP = lazy_compile(
    rf"\s+(?=(?:{_MODIFIER}(?:{_PHONE_LABELS}|{_EMAIL_LABELS})|{_POSTBOX_LABELS})\s*[：:])"
)
_CONTACT_LEAD = lazy_compile(r"(联系方式|联系办法|举报方式|受理方式)\s*[：:]\s*")
_PHONE = lazy_compile(r"^[0-9０-９()（）\-－—\s转]+(?:[（(][^()（）]{1,20}[)）])?$")


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
    body = _SPACED_LABEL.sub(r"\1\2", text.strip())
    numbered = parse_heading_ordinal(body)
    if numbered is not None and _CONTACT_LABEL.match(numbered.rest):
        body = numbered.rest  # （四）电子邮箱：… — a channel numbered in a list
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
    rest = _LABEL_AFTER_GAP.sub("；", rest)
    last = ""  # the kind of the segment before: "phone", "text" (a place, an address) or ""
    for piece in re.split(r"([，；,;]\s*)", rest):
        segment = piece.strip()
        if not segment or re.fullmatch(r"[，；,;]", segment):
            continue
        m = _CONTACT_LABEL.match(segment)
        if m is None or m.end() == len(segment) or _is_modifier_only(m[1]):
            if last == "phone" and _phone_numbers(segment):
                phones += _phone_numbers(segment)
                continue
            if last == "text" and m is None:
                others[-1] = (others[-1][0], f"{others[-1][1]}，{segment}")
                continue  # 设置地点：甲处；乙处；丙处 — one channel, several places
            return None
        label, value = m[1], segment[m.end() :].strip()
        if "。" in value:
            return None  # a value runs on into the next sentence: not a contact block
        if label in ("手机", "座机") and _phone_numbers(value):
            phones += _phone_numbers(value)
            last = "phone"
        elif re.search(f"(?:{_PHONE_LABELS})$", label):
            numbers = _phone_numbers(value)
            if not numbers:
                return None
            phones += numbers
            last = "phone"
        elif re.fullmatch(_POSTBOX_LABELS, label) and postbox is None:
            postbox = value
            last = ""
        elif re.search(f"(?:{_EMAIL_LABELS})$", label) and email is None:
            email = value
            last = ""
        else:
            others.append((label, value))
            last = "text" if not re.search(f"(?:{_EMAIL_LABELS})$", label) else ""
    return ContactParts(before.strip(), lead, tuple(phones), postbox, email, tuple(others))


def _is_modifier_only(label: str) -> bool:
    return re.fullmatch(_MODIFIER, label) is not None


def _phone_numbers(value: str) -> list[str]:
    """The numbers of a phone channel: 0531-1、0531-2; 座机0554-1;手机180… ; 0553-1 152…

    >>> _phone_numbers("0553-2631762 15212243871")
    ['0553-2631762', '15212243871']
    >>> _phone_numbers("座机0554-4986215")
    ['0554-4986215']
    >>> _phone_numbers("请来电")
    []
    """
    numbers: list[str] = []
    for part in re.split(r"[、/]", value):
        part = _PHONE_KIND.sub("", part.strip())
        if not part:
            continue
        spaced = part.split()
        if len(spaced) > 1 and all(re.fullmatch(r"[0-9\-－]{7,}", p) for p in spaced):
            numbers += spaced
        elif _PHONE.match(part):
            numbers.append(part)
        else:
            return []
    return numbers


def _first_label_at_sentence_start(body: str) -> int | None:
    for m in _CONTACT_LABEL.finditer(body):
        if m.start() == 0 or body[m.start() - 1] in "。；;！？":
            return m.start()
        if body[m.start() - 1] in "，," and m[1].startswith("联系"):
            return m.start()  # …进行监督，联系电话：…
    return None


_CLOSING = lazy_compile(r"^特此(?:公告|通告|通知|通报|函告|告知|说明)[。.！!]?$")
_HOURS = lazy_compile(
    r"^(?:[^。]{0,16}(?:受理|接待|接听|来电|来访)[^。]{0,16}时间|[^。]{0,20}截止时间)"
)


def closing_line(text: str) -> bool:
    """A line that may follow a contact block and close the notice: 特此公告。, or when the
    channels are open (受理时间：即日起至…; 受理电话时间为工作日…。).

    >>> closing_line("特此公告。"), closing_line("受理时间:即日起至2021年10月20日。")
    (True, True)
    >>> closing_line("受理信访接待和举报电话时间为工作日上午8:00-12:00。")
    True
    >>> closing_line("巡察组主要受理反映领导班子问题的来信来电来访。")
    False
    """
    stripped = text.strip()
    return bool(_CLOSING.match(stripped)) or (len(stripped) <= 160 and bool(_HOURS.match(stripped)))
