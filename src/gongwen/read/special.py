"""Reading back the special formats of cl. 10 and the signature forms gongwen writes: the
inverse of :mod:`gongwen.special_formats` and :mod:`gongwen.signing` for a rendered .docx.

The block reader gathers the data as for an ordinary notice; this pass turns what a special
format prints differently back into the model's fields, with what the page does not show (an
order's title, a letter's 印发 line) taken from the custom properties the renderer wrote.
"""

from __future__ import annotations

from typing import Any

from gongwen.compose import FORMAT_PROPERTY, UNPRINTED_PROPERTIES
from gongwen.lazy_regex import lazy_compile
from gongwen.special_formats import ATTENDANCE_LABELS, MINUTES_WORD, ORDER_WORD

__all__ = ["attendance_line", "special_data"]

_ORDER_NUMBER = lazy_compile(r"第(\d+)号")
_LABELS = {label: field for field, label in ATTENDANCE_LABELS}
SIGNER_GAP = "\u3000\u3000"
"""Between the 签发人's 职务 and name in the 签发人签名章 form (cl. 7.3.5.3)."""


def attendance_line(text: str) -> tuple[str, list[str]] | None:
    """A 纪要's 出席/请假/列席 line as ``(field, names)``, or None.

    >>> attendance_line("出席：张三、李四（县财政局）")
    ('present', ['张三', '李四（县财政局）'])
    >>> attendance_line("附件：整改台账") is None
    True
    """
    label, colon, names = text.partition("：")
    if not colon or label not in _LABELS:
        return None
    return _LABELS[label], [n for n in names.split("、") if n]


def _strip_word(mark: dict[str, Any], word: str) -> None:
    organs = mark.get("organs") or []
    if organs and organs[-1].endswith(word) and len(organs[-1]) > len(word):
        organs[-1] = organs[-1][: -len(word)]


def _signature(data: dict[str, Any], properties: dict[str, str]) -> None:
    signature = data.get("signature")
    if not signature:
        return
    organs: list[str] = signature.get("organs", [])
    if len(organs) == 1 and organs[0].startswith("\t"):  # a sealed joint row: \t甲\t乙\t丙
        signature["organs"] = [o for o in organs[0].split("\t") if o]
        return
    hidden = properties.get(UNPRINTED_PROPERTIES["signer_name"])
    if len(organs) == 1 and (SIGNER_GAP in organs[0] or hidden is not None):
        title, _, name = organs[0].partition(SIGNER_GAP)
        signature["organs"] = []
        signature["signer_title"] = title.strip()
        signature["signer_name"] = hidden if hidden is not None else name.strip()


def special_data(data: dict[str, Any], header: dict[str, Any], properties: dict[str, str]) -> None:
    """Turn the data read from a special-format document into the model's fields, in place."""
    _signature(data, properties)
    kind = properties.get(FORMAT_PROPERTY)
    if kind not in ("letter", "order", "minutes"):
        return
    data.setdefault("presentation", {})["format"] = kind
    mark = header.get("issuer_mark") or {}
    if kind == "letter":
        number = header.get("copy_number", "")
        if "\t" in number:  # 份号 flush left, 字号 flush right, on one line (cl. 10.1)
            header["copy_number"], header["document_number"] = number.split("\t", 1)
        imprint = data.get("imprint")
        if imprint is not None:
            printer = properties.get(UNPRINTED_PROPERTIES["printer"])
            printed = properties.get(UNPRINTED_PROPERTIES["print_date"])
            if printer and printed:
                imprint.setdefault("printer", printer)
                imprint.setdefault("print_date", printed)
    elif kind == "order":
        _strip_word(mark, ORDER_WORD)
        found = _ORDER_NUMBER.fullmatch(header.get("document_number", ""))
        if found:
            del header["document_number"]
            header["order_number"] = int(found.group(1))
        title = properties.get(UNPRINTED_PROPERTIES["title"])
        if title:
            data["title"] = title.split("\n")
    else:
        _strip_word(mark, MINUTES_WORD)
