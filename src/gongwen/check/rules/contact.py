"""GW7xx: contact details that cannot be right — e-mail addresses and phone numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongwen.check.registry import Hit, Rule, changed_span, replaced
from gongwen.check.view import CheckInput, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _, ngettext
from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import ascii_digits

# ---------------------------------------------------------------------------------------------
# E-mail

_EMAIL_OK = lazy_compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def email_problem(address: str) -> tuple[str, str | None] | None:
    """What is wrong with an e-mail address, and the corrected address when that is mechanical.

    >>> email_problem("eqxcbscdb@jn.shandong.cn") is None
    True
    >>> email_problem("eqxcbscdb＠jn.shandong.cn")
    ('用了全角“＠”', 'eqxcbscdb@jn.shandong.cn')
    >>> email_problem("eqxcbscdb@")
    ('“@”后缺少域名', None)
    """
    if _EMAIL_OK.fullmatch(address):
        return None
    repaired = re.sub(r"\s+", "", address).replace("＠", "@")
    reasons = []
    if "＠" in address:
        reasons.append(_("用了全角“＠”"))
    if re.search(r"\s", address):
        reasons.append(_("中间有空格"))
    if reasons and _EMAIL_OK.fullmatch(repaired):
        # 译注：并列几项之间的顿号
        return _("、").join(reasons), repaired
    if "@" not in repaired:
        return _("缺少“@”"), None
    local, _at, domain = repaired.partition("@")
    if not local:
        return _("“@”前缺少用户名"), None
    if not domain:
        return _("“@”后缺少域名"), None
    if "." not in domain:
        return _("域名“{domain}”不完整（缺少“.cn”“.com”之类的后缀）").format(domain=domain), None
    return _("格式不对"), None


_EMAIL_LABEL = lazy_compile(
    r"(?:电子邮箱|电子信箱|电子邮件|邮箱|E-?mail)\s*(?:地址)?\s*[:：]?\s*", re.I
)
_EMAIL_VALUE = lazy_compile(r"[A-Za-z0-9._%+\-@＠][A-Za-z0-9._%+\-@＠ ]*")
_EMAIL_BARE = lazy_compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+\s*[@＠]\s*[A-Za-z0-9.\-]*")
"""Starts only where a run of address characters starts: linear in a long run of letters."""


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: str


def _emails(text: str) -> list[_Found]:
    found: dict[int, _Found] = {}
    for label in _EMAIL_LABEL.finditer(text):
        m = _EMAIL_VALUE.match(text, label.end())
        if m is not None:
            value = m[0].rstrip(" .")
            found[m.start()] = _Found(m.start(), m.start() + len(value), value)
    labelled = sorted(found.values(), key=lambda f: f.start)
    index = 0
    for m in _EMAIL_BARE.finditer(text):
        while index < len(labelled) and labelled[index].end <= m.start():
            index += 1  # starts and spans only grow: one pass over both, not one scan a match
        if not (index < len(labelled) and labelled[index].start <= m.start()):
            value = m[0].rstrip(" .")
            found[m.start()] = _Found(m.start(), m.start() + len(value), value)
    return sorted(found.values(), key=lambda f: f.start)


def _is_email_field(unit: Unit, inp: CheckInput) -> bool:
    if unit.path == "contact.email":
        return True
    if inp.notice is None or unit.path is None or inp.raw:
        return False
    m = re.fullmatch(r"contact\.others\[(\d+)\]\.value", unit.path)
    if m is None or inp.notice.contact is None:
        return False
    label = inp.notice.contact.others[int(m[1])].label
    return bool(re.search(r"邮箱|信箱|邮件|mail", label, re.I)) and "邮政" not in label


def check_email(inp: CheckInput) -> Iterator[Hit]:
    for unit in inp.units:
        if unit.role == Role.CHROME:
            continue
        if _is_email_field(unit, inp):
            problem = email_problem(unit.text.strip())
            if problem is not None:
                yield Hit(_email_message(unit.text, problem[0]), unit, fix=problem[1])
            continue
        for found in _emails(unit.text):
            problem = email_problem(found.value)
            if problem is None:
                continue
            reason, repaired = problem
            fixed = replaced(unit.text, found.start, found.end, repaired) if repaired else None
            yield Hit(
                _email_message(found.value, reason), unit, fix=fixed, span=(found.start, found.end)
            )


def _email_message(address: str, problem: str) -> str:
    return _("电子邮箱“{address}”{problem}").format(address=address, problem=problem)


# ---------------------------------------------------------------------------------------------
# Phone numbers

_AREA_FORM = lazy_compile(r"[(（]?(0[0-9]{2,3})[)）]?\s*[-－—]?\s*([0-9]{5,9})")


def phone_problem(number: str) -> str | None:
    """Why a Chinese phone number cannot be right, or None if its digits make sense.

    Accepted: 7–8 digit local numbers, an area code (0 and 2–3 digits) with 7–8 digits, an
    11-digit mobile number starting with 1, 400/800 numbers and short service numbers
    (110, 12345, 12388, 95598). An extension (after 转, or after a dash that follows a
    complete number) is ignored.

    >>> [phone_problem(n) for n in ("82746503", "0531-82746503", "13912345678", "12388")]
    [None, None, None, None]
    >>> phone_problem("82746503-801"), phone_problem("0531-82746503-801")
    (None, None)
    >>> phone_problem("8274650")
    >>> phone_problem("827465")
    '有6位数字：本地固定电话为7～8位'
    >>> phone_problem("1391234567")
    '有10位数字：手机号码为以1开头的11位'
    """
    text = re.split(r"转|分机|ext", ascii_digits(number), maxsplit=1)[0].strip()
    extension = re.fullmatch(r"(.*[0-9]{7})\s*[-－—]\s*[0-9]{1,5}", text)
    if extension is not None and _number_problem(extension[1]) is None:
        return None
    return _number_problem(text)


def _number_problem(text: str) -> str | None:
    digits = re.sub(r"[^0-9]", "", text)
    if not digits:
        return _("没有数字")
    area = _AREA_FORM.fullmatch(text)
    if area is not None and re.search(r"[-－—()（）\s]", text):
        if not 7 <= len(area[2]) <= 8:
            count = len(area[2])
            return ngettext(
                "区号后有{count}位数字：固定电话号码为7～8位",
                "区号后有{count}位数字：固定电话号码为7～8位",
                count,
            ).format(count=count)
        return None
    n = len(digits)
    if digits[0] == "1":
        if n == 11:
            return None if digits[1] in "3456789" else _("不是有效的手机号码（第二位应为3～9）")
        if n in (3, 5):
            return None  # 110, 12345, 12388
        return ngettext(
            "有{count}位数字：手机号码为以1开头的11位",
            "有{count}位数字：手机号码为以1开头的11位",
            n,
        ).format(count=n)
    if digits[0] == "0":
        if 10 <= n <= 12:
            return None
        return ngettext(
            "有{count}位数字：带区号的固定电话为10～12位（区号3～4位，号码7～8位）",
            "有{count}位数字：带区号的固定电话为10～12位（区号3～4位，号码7～8位）",
            n,
        ).format(count=n)
    if digits[:3] in ("400", "800") and n == 10:
        return None
    if digits[:2] in ("95", "96") and n in (5, 6):
        return None
    if 7 <= n <= 8:
        return None
    return ngettext(
        "有{count}位数字：本地固定电话为7～8位", "有{count}位数字：本地固定电话为7～8位", n
    ).format(count=n)


_PHONE_LABEL = lazy_compile(
    r"(?:联系电话|举报电话|咨询电话|监督电话|值班电话|电话|传真|手机|热线|Tel|TEL)\s*(?:号码)?\s*[:：]?\s*"
)
_PHONE_RUN = lazy_compile(r"[0-9０-９(（][0-9０-９()（）\-－—、/或转 ]*[0-9０-９]|[0-9０-９]")


def _phones(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Numbers after a phone label, each with where it is written."""
    out = []
    for label in _PHONE_LABEL.finditer(text):
        m = _PHONE_RUN.match(text, label.end())
        if m is None:
            continue
        at = m.start()
        for part in re.split(r"([、/]|或|\s{1,3}(?=1[3-9][0-9]{9}))", m[0]):
            if part.strip() and part.strip() not in ("、", "/", "或"):
                start = at + len(part) - len(part.lstrip())
                out.append((part.strip(), (start, start + len(part.strip()))))
            at += len(part)
    return out


def _is_phone_field(unit: Unit, inp: CheckInput) -> bool:
    if inp.raw or unit.path is None:
        return False
    if unit.path.startswith("contact.phones["):
        return True
    m = re.fullmatch(r"contact\.others\[(\d+)\]\.value", unit.path)
    if m is None or inp.notice is None or inp.notice.contact is None:
        return False
    label = inp.notice.contact.others[int(m[1])].label
    return bool(re.search(r"电话|传真|手机|热线|Tel", label, re.I))


def check_phone(inp: CheckInput) -> Iterator[Hit]:
    for unit in inp.units:
        if unit.role == Role.CHROME:
            continue
        if _is_phone_field(unit, inp):
            numbers = [(unit.text.strip(), changed_span(unit.text, ""))]
        else:
            numbers = _phones(unit.text)
        for number, span in numbers:
            problem = phone_problem(number)
            if problem is not None:
                message = _("电话号码“{number}”{problem}").format(number=number, problem=problem)
                yield Hit(message, unit, span=span)


RULES: tuple[Rule, ...] = (
    Rule(
        "GW701",
        N_("电子邮箱格式错误"),
        Level.ERROR,
        N_("电子邮箱地址缺少@或域名，或含有空格、全角＠（去掉这些即有效时可修复）。"),
        check_email,
        bad="联系方式：电话：82746503；电子邮箱：eqxcbscdb＠jn.shandong.cn。\n",
        good="联系方式：电话：82746503；电子邮箱：eqxcbscdb@jn.shandong.cn。\n",
        fixable=True,
    ),
    Rule(
        "GW702",
        N_("电话号码位数错误"),
        Level.ERROR,
        N_(
            "电话号码位数不对：本地号码7～8位，区号（0加2～3位）之后7～8位，"
            "手机号码为以1开头的11位。"
        ),
        check_phone,
        bad="联系方式：电话：827465；电子邮箱：eqxcbscdb@jn.shandong.cn。\n",
        good="联系方式：电话：0531-82746503；电子邮箱：eqxcbscdb@jn.shandong.cn。\n",
    ),
)

__all__ = ["RULES", "check_email", "check_phone", "email_problem", "phone_problem"]
