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

__all__ = ["ContactParts", "parse_contact"]


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
_OTHER_LABELS = "传真|邮编|邮政编码|联系人|手机|微信公众号|网址|举报网址|地址"
_CONTACT_LABEL = lazy_compile(
    rf"({_PHONE_LABELS}|{_POSTBOX_LABELS}|{_EMAIL_LABELS}|{_OTHER_LABELS})\s*[：:]?\s*"
)
_SPACED_LABEL = lazy_compile(
    r"(?<![\u4e00-\u9fff])([电传邮手])[ \u3000]+([话真箱编机])(?=\s*[：:])"
)
_LABEL_AFTER_GAP = lazy_compile(
    rf"\s+(?=(?:{_PHONE_LABELS}|{_POSTBOX_LABELS}|{_EMAIL_LABELS}|{_OTHER_LABELS})\s*[：:])"
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
        if body[m.start() - 1] in "，," and m[1].startswith("联系"):
            return m.start()  # …进行监督，联系电话：…
    return None
