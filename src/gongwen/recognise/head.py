"""The head of a notice: 份号, 密级, 紧急程度, 发文字号, title lines, 主送机关.

>>> is_document_number("济发〔2023〕5号"), is_copy_number("000123")
(True, True)
>>> split_addressees("各乡(镇、街道)党委,区直各部门:")
['各乡(镇、街道)党委', '区直各部门']
"""

from __future__ import annotations

import re

from gongwen.numbering import parse_problem_label
from gongwen.recognise.headings import scan_heading
from gongwen.recognise.labels import parse_label
from gongwen.recognise.tail import parse_signature_date

__all__ = [
    "CLASSIFICATION",
    "DOCUMENT_KINDS",
    "addressee_like",
    "is_classification",
    "is_copy_number",
    "is_document_number",
    "split_addressees",
    "title_candidate",
]

SPACES = " \t\u3000\xa0\r\ufeff"
CLASSIFICATION = re.compile(r"^(秘密|机密|绝密)\s*(?:★\s*(.+))?$")
"""密级 and 保密期限 (cl. 7.2.2): group 1 the level, group 2 the period."""
_URGENCY = re.compile(r"特急|加急")
_COPY_NUMBER = re.compile(r"[0-9０-９]{1,10}")
_DOCUMENT_NUMBER = re.compile(
    r"\S{1,20}?[〔\[【(（［]\s*[0-9]{4}\s*[〕\]】)）］]\s*字?\s*第?\s*[0-9]+\s*号"
)
_PROBLEM = re.compile(r"问题\s*[0-9０-９]")
_SENTENCE_INSIDE = re.compile(r"[。；！？]")
DOCUMENT_KINDS = re.compile(
    r"(?:通知|通报|报告|意见|决定|办法|方案|规定|函|纪要|请示|批复|公告|通告|决议|公报|命令|议案)"
    r"[。，；：、,.;:！？!?]+$"
)
TITLE_MAX = 40
"""A title line is at most this many characters (a 2号 line holds about 20)."""


def is_copy_number(text: str) -> bool:
    """A 份号: digits alone on the line (cl. 7.2.1)."""
    return _COPY_NUMBER.fullmatch(text.strip(SPACES)) is not None


def is_document_number(text: str) -> bool:
    """A 发文字号 alone on the line: 机关代字〔年份〕序号 (cl. 7.2.4)."""
    return _DOCUMENT_NUMBER.fullmatch(text.strip(SPACES)) is not None


def is_classification(text: str) -> bool:
    """A 密级 (with its period) or a 紧急程度 alone on the line (cl. 7.2.2, 7.2.3)."""
    stripped = text.strip(SPACES)
    return CLASSIFICATION.match(stripped) is not None or _URGENCY.fullmatch(stripped) is not None


def title_candidate(text: str, next_line: str | None) -> bool:
    """Whether a line at the top can be (part of) the title.

    A line that ends like a sentence is a title only when it names a kind of document and a
    blank line follows it.

    >>> title_candidate("关于巡察整改进展情况的通报", None), title_candidate("各社区：", None)
    (True, False)
    """
    if not text or len(text) > TITLE_MAX or text.endswith(("：", ":")):
        return False
    if scan_heading(text) or _PROBLEM.match(text) or parse_label(text):
        return False
    if _SENTENCE_INSIDE.search(text.rstrip("。；！？.;!?")):
        return False
    if text[-1] in "。，；、,.;！？!?" and (
        not DOCUMENT_KINDS.search(text) or (next_line is not None and next_line.strip(SPACES))
    ):
        return False
    return parse_signature_date(text) is None


def addressee_like(text: str) -> bool:
    """A 主送机关 line: short, ending in a colon, no sentence in it.

    >>> addressee_like("各乡(镇、街道)党委,区直各部门:"), addressee_like("整改情况：")
    (True, False)
    """
    return (
        len(text) <= 80
        and text[-1:] in "：:"
        and not any(c in text for c in "。；")
        and parse_label(text) is None
        and scan_heading(text) is None
        and parse_problem_label(text) is None
    )


def split_addressees(text: str) -> list[str]:
    """The organs of a 主送机关 line, split at 、 and ， outside brackets.

    >>> split_addressees("各社区综合党委、各科室：")
    ['各社区综合党委', '各科室']
    """
    names: list[str] = []
    depth = 0
    current = ""
    for char in text.strip().rstrip("：:"):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and char in "、，,":
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [n.strip() for n in names if n.strip()]
