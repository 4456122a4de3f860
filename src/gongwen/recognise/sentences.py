"""Sentences: where the first one ends, and whether a piece of text is one (gets a 。).

>>> is_sentence("社区综合党委没有按要求开展学习"), is_sentence("局长   张三")
(True, False)
"""

from __future__ import annotations

__all__ = ["CLOSING", "SENTENCE_ENDS", "first_sentence", "is_sentence"]

SENTENCE_ENDS = "。！？"
CLOSING = "。！？；：…”’）》」』"


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


_NOT_A_SENTENCE_ENDS = "，、,;；：:（(“‘《"
_DOCUMENT_KINDS = (
    "通知",
    "通报",
    "报告",
    "公告",
    "通告",
    "决定",
    "意见",
    "方案",
    "办法",
    "规定",
    "纪要",
    "情况",
    "函",
    "的公示",
)


def is_sentence(text: str) -> bool:
    """Whether ``text`` reads as a sentence whose end mark was lost, so that a 。 may be added.

    Not a sentence: text ending in a comma or an opening mark (a line broken inside a sentence:
    ``1.05亿元，``), short text, a title (ending in 通知/通报/…情况), a date, a speaker line or a
    name list (words separated by runs of spaces), or text holding no Chinese at all.

    >>> is_sentence("社区综合党委没有按要求开展专题学习")
    True
    >>> [is_sentence(t) for t in ("全年共投入资金1.05亿元，", "局长   张三", "张三 李四 王五 赵六",
    ...                           "关于巡察整改进展情况的通报", "2023年9月15日", "已完成")]
    [False, False, False, False, False, False]
    """
    stripped = text.strip()
    if len(stripped) <= 8 or stripped[-1] in CLOSING or stripped[-1] in _NOT_A_SENTENCE_ENDS:
        return False
    if not any("\u4e00" <= c <= "\u9fff" for c in stripped):
        return False
    if "  " in stripped or "\u3000" in stripped or "\t" in stripped:
        return False
    words = stripped.split()
    if len(words) >= 3 and all(len(w) <= 4 for w in words):
        return False
    if stripped.endswith(_DOCUMENT_KINDS) and len(stripped) <= 40 and stripped.startswith("关于"):
        return False
    if stripped.endswith(("日", "月")) and any(c.isdigit() or c in "〇○" for c in stripped[:6]):
        core = stripped.replace(" ", "")
        if len(core) <= 12:
            return False
    return True
