"""GW6xx: 发文字号 (cl. 7.2.5), 份号 (cl. 7.2.1), 附件说明 and attachments (cl. 7.3.4, 7.3.7)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongwen.check.prose import counted
from gongwen.check.registry import Hit, Rule, replaced
from gongwen.check.rules.headings import CLOSING_PUNCTUATION
from gongwen.check.view import CJK, SPACES, CheckInput, Role, Unit
from gongwen.findings import Level
from gongwen.i18n import N_, _, ngettext
from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import ascii_digits

# ---------------------------------------------------------------------------------------------
# 发文字号

_DOCUMENT_NUMBER = lazy_compile(
    rf"(?<=[{CJK}A-Za-z])(?P<open>[〔\[【(（［])\s*(?P<year>[0-9]{{4}})\s*(?P<close>[〕\]】)）］])"
    r"\s*(?P<zi>字)?\s*(?P<di>第)?\s*(?P<serial>[0-9]+)\s*号"
)


def _canonical(m: re.Match[str]) -> str:
    return f"〔{m['year']}〕{int(m['serial'])}号"


def _agency(text: str, start: int) -> str:
    head = re.split(rf"[^{CJK}A-Za-z0-9]", text[:start])[-1]
    return head[-8:]


def _number_hits(inp: CheckInput, wrong: str, message: str) -> Iterator[Hit]:
    """``message`` (marked with ``N_``, with ``{written}`` and ``{right}``) on each wrong one."""
    for unit in inp.units:
        if unit.role == Role.CHROME:
            continue
        for m in _DOCUMENT_NUMBER.finditer(unit.text):
            if not _is_wrong(m, wrong):
                continue
            code = _agency(unit.text, m.start())
            written = code + unit.text[m.start() : m.end()]
            yield Hit(
                _(message).format(written=written, right=code + _canonical(m)),
                unit,
                fix=replaced(unit.text, m.start(), m.end(), _canonical(m)),
                span=m.span(),
            )


def _is_wrong(m: re.Match[str], wrong: str) -> bool:
    if wrong == "brackets":
        return (m["open"], m["close"]) != ("〔", "〕")
    if wrong == "di":
        return bool(m["di"] or m["zi"])
    return m["serial"].startswith("0")


def check_number_brackets(inp: CheckInput) -> Iterator[Hit]:
    yield from _number_hits(
        inp,
        "brackets",
        N_("发文字号“{written}”的年份要用六角括号〔〕：应为“{right}”（GB/T 9704 7.2.5）"),
    )


def check_number_di(inp: CheckInput) -> Iterator[Hit]:
    yield from _number_hits(
        inp,
        "di",
        N_("发文字号“{written}”的序号前不加“第”或“字”：应为“{right}”（GB/T 9704 7.2.5）"),
    )


def check_number_zero(inp: CheckInput) -> Iterator[Hit]:
    yield from _number_hits(
        inp,
        "zero",
        N_("发文字号“{written}”的序号不编虚位（不写前导0）：应为“{right}”（GB/T 9704 7.2.5）"),
    )


# ---------------------------------------------------------------------------------------------
# 份号


def check_copy_number(inp: CheckInput) -> Iterator[Hit]:
    for unit in inp.by_role(Role.COPY_NUMBER):
        content = unit.content
        if re.fullmatch(r"[0-9]{6}", content):
            continue
        digits = ascii_digits(content)
        fix = digits.zfill(6) if digits.isdigit() and len(digits) <= 6 else None
        message = _("份号“{written}”应为6位半角阿拉伯数字，如“{example}”（GB/T 9704 7.2.1）")
        yield Hit(message.format(written=content, example=fix or "000007"), unit, fix=fix)


# ---------------------------------------------------------------------------------------------
# 附件说明 and attachments


@dataclass(frozen=True)
class _Entry:
    """One attachment named in a text's 附件说明."""

    number: int
    name: str
    unit: Unit


_ENTRY = lazy_compile(r"([0-9０-９]{1,3})\s*[.．、]\s*")


def _entries(inp: CheckInput) -> list[_Entry]:
    """The names in the 附件说明: one a line, or one a line break in a .docx paragraph."""
    out: list[_Entry] = []
    for unit in inp.by_role(Role.ATTACHMENT_NOTE):
        for piece in unit.text[unit.start :].split("\n"):
            piece = piece.strip(SPACES)
            if not piece:
                continue
            m = _ENTRY.match(piece)
            number = int(ascii_digits(m[1])) if m else len(out) + 1
            out.append(_Entry(number, piece[m.end() :] if m else piece, unit))
    return out


@dataclass(frozen=True)
class _Page:
    """An attachment page of a text: its label and the title under it."""

    number: int
    label: Unit
    title: Unit | None


def _pages(inp: CheckInput) -> list[_Page]:
    out: list[_Page] = []
    units = inp.units
    for i, unit in enumerate(units):
        if unit.role != Role.ATTACHMENT_LABEL:
            continue
        title = units[i + 1] if i + 1 < len(units) else None
        if title is not None and title.role != Role.ATTACHMENT_TITLE:
            title = None
        out.append(_Page(unit.number if unit.number is not None else 1, unit, title))
    return out


_REFERENCE = lazy_compile(r"附件\s*([0-9０-９]{1,3})")
_SEE = lazy_compile(r"(?:见|详见|参见|如)附件(?![0-9０-９])")
_BODY_ROLES = (Role.PARAGRAPH, Role.PROBLEM, Role.MEASURE, Role.HEADING, Role.NOTE)


def _attachment_count(inp: CheckInput) -> int:
    if not inp.raw:
        return len(inp.notice.attachments) if inp.notice is not None else 0
    return max(len(_entries(inp)), len(_pages(inp)))


def check_attachment_missing(inp: CheckInput) -> Iterator[Hit]:
    count = _attachment_count(inp)
    for unit in inp.units:
        if unit.role not in _BODY_ROLES or unit.part != 0:
            continue
        for m in _REFERENCE.finditer(unit.text):
            if counted(unit.text, m.end()):
                continue  # 补齐附件23笔: a count of supporting papers, not attachment 23
            n = int(ascii_digits(m[1]))
            if n > count:
                message = ngettext(
                    "正文提到“附件{number}”，但本文只有{count}个附件",
                    "正文提到“附件{number}”，但本文只有{count}个附件",
                    count,
                ).format(number=n, count=count)
                yield Hit(message, unit, span=m.span())
        see = _SEE.search(unit.text)
        if count == 0 and see is not None:
            yield Hit(_("正文提到附件，但本文没有附件，也没有附件说明"), unit, span=see.span())
    if inp.raw:
        # Attachments after the last one bound in may be sent as separate files; one missing
        # between bound ones is not.
        pages = {page.number for page in _pages(inp)}
        for entry in _entries(inp):
            if pages and entry.number not in pages and entry.number < max(pages):
                message = _("附件说明列了“{entry}”，正文后有附件{last}，却没有附件{number}").format(
                    entry=f"{entry.number}.{entry.name}", last=max(pages), number=entry.number
                )
                yield Hit(message, entry.unit)


def check_attachment_unnamed(inp: CheckInput) -> Iterator[Hit]:
    if not inp.raw:
        return
    named = {entry.number for entry in _entries(inp)}
    for page in _pages(inp):
        if page.number not in named:
            label = page.label.content
            yield Hit(
                _("“{label}”没有在附件说明中列出（GB/T 9704 7.3.4）").format(label=label),
                page.label,
            )


def check_attachment_punctuation(inp: CheckInput) -> Iterator[Hit]:
    if inp.raw:
        for entry in _entries(inp):
            if entry.name and entry.name[-1] in CLOSING_PUNCTUATION:
                fixed = "\n".join(
                    piece.rstrip(SPACES).rstrip(CLOSING_PUNCTUATION)
                    for piece in entry.unit.text.split("\n")
                )
                yield Hit(
                    _("附件名称“{name}”后不加标点（GB/T 9704 7.3.4）").format(name=entry.name),
                    entry.unit,
                    fix=fixed,
                )
        return
    for unit in inp.by_role(Role.ATTACHMENT_TITLE):
        text = unit.text.rstrip(SPACES)
        if text and text[-1] in CLOSING_PUNCTUATION:
            yield Hit(
                _("附件名称“{name}”后不加标点（GB/T 9704 7.3.4）").format(name=text),
                unit,
                fix=text.rstrip(CLOSING_PUNCTUATION),
            )


def _same_name(a: str, b: str) -> bool:
    def squeeze(s: str) -> str:
        return re.sub(rf"[\s{re.escape(CLOSING_PUNCTUATION)}]", "", s)

    return squeeze(a) == squeeze(b)


def check_attachment_title(inp: CheckInput) -> Iterator[Hit]:
    if not inp.raw:
        return
    entries = {entry.number: entry for entry in _entries(inp)}
    for page in _pages(inp):
        entry = entries.get(page.number)
        if entry is None or page.title is None:
            continue
        if not _same_name(entry.name, page.title.content):
            message = _(
                "附件{number}的标题“{title}”与附件说明中的“{name}”不一致（GB/T 9704 7.3.7）"
            ).format(number=page.number, title=page.title.content, name=entry.name)
            yield Hit(message, page.title)


RULES: tuple[Rule, ...] = (
    Rule(
        "GW601",
        N_("发文字号的括号"),
        Level.WARNING,
        N_("发文字号的年份用了【】、[]或()，而不是〔〕。"),
        check_number_brackets,
        bad="根据《关于开展巡察的通知》（区委发【2023】5号）要求，现通知如下。\n",
        good="根据《关于开展巡察的通知》（区委发〔2023〕5号）要求，现通知如下。\n",
        fixable=True,
    ),
    Rule(
        "GW602",
        N_("发文字号加“第”"),
        Level.WARNING,
        N_("发文字号的序号前加了“第”（或“字第”）。"),
        check_number_di,
        bad="根据《关于开展巡察的通知》（区委发〔2023〕第5号）要求，现通知如下。\n",
        good="根据《关于开展巡察的通知》（区委发〔2023〕5号）要求，现通知如下。\n",
        fixable=True,
    ),
    Rule(
        "GW603",
        N_("发文字号编虚位"),
        Level.WARNING,
        N_("发文字号的序号前补了0（05号）。"),
        check_number_zero,
        bad="根据《关于开展巡察的通知》（区委发〔2023〕05号）要求，现通知如下。\n",
        good="根据《关于开展巡察的通知》（区委发〔2023〕5号）要求，现通知如下。\n",
        fixable=True,
    ),
    Rule(
        "GW604",
        N_("份号格式"),
        Level.WARNING,
        N_("份号不是6位阿拉伯数字（7应为000007）。"),
        check_copy_number,
        bad="7\n关于开展巡察整改的通知\n\n各社区：\n",
        good="000007\n关于开展巡察整改的通知\n\n各社区：\n",
        fixable=True,
    ),
    Rule(
        "GW605",
        N_("附件缺失"),
        Level.ERROR,
        N_("正文或附件说明提到的附件本文没有（最后一个随文附上的附件之后的可以另行发送）。"),
        check_attachment_missing,
        bad="请按附件3的格式报送。\n\n附件：1.整改台账\n　　　2.联系表\n",
        good="请按附件2的格式报送。\n\n附件：1.整改台账\n　　　2.联系表\n",
    ),
    Rule(
        "GW606",
        N_("附件未列入附件说明"),
        Level.WARNING,
        N_("附件说明没有列出的附件页（附件N）。"),
        check_attachment_unnamed,
        bad="请认真落实。\n\n附件：整改台账\n\n附件2\n联系表\n",
        good="请认真落实。\n\n附件：1.整改台账\n　　　2.联系表\n\n附件2\n联系表\n",
    ),
    Rule(
        "GW607",
        N_("附件名称后加标点"),
        Level.WARNING,
        N_("附件名称末尾有标点（7.3.4：名称后不加标点）。"),
        check_attachment_punctuation,
        bad="请认真落实。\n\n附件：整改台账。\n",
        good="请认真落实。\n\n附件：整改台账\n",
        fixable=True,
    ),
    Rule(
        "GW608",
        N_("附件标题与附件说明不符"),
        Level.WARNING,
        N_("附件的标题与附件说明中的名称不一致（7.3.7）。"),
        check_attachment_title,
        bad="请认真落实。\n\n附件：1.整改台账\n　　　2.联系表\n\n附件1\n整改问题台账\n",
        good="请认真落实。\n\n附件：1.整改台账\n　　　2.联系表\n\n附件1\n整改台账\n",
    ),
)

__all__ = [
    "RULES",
    "check_attachment_missing",
    "check_attachment_punctuation",
    "check_attachment_title",
    "check_attachment_unnamed",
    "check_copy_number",
    "check_number_brackets",
    "check_number_di",
    "check_number_zero",
]
