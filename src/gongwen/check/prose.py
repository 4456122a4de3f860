"""What ordinary Chinese prose holds that looks like damage, for the rules to leave alone.

Counts with measure words (``15笔``, ``3个``, ``12户``, ``1.05亿元``), which are not dates that
lost their 月 and 日 nor attachment numbers (``补齐附件23笔``).
"""

from __future__ import annotations

MEASURE_WORDS = (
    "年月日号个项次名人元万亿千百余多条届期批轮组家户栋位岁周天时分秒倍米件份篇本部处所场类"
    "种套台辆张页幅章节款点级层季度斤吨亩平公里笔宗起例块根支首册卷封单座间门架艘列班床顶双"
    "对群队团科室股股份栏期棵株头只枚颗把扇面片段轮遍趟回番成折"
)
"""Characters that follow a number as its unit: a number before one of them is a count."""


def counted(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` in ``text`` is followed by a measure word.

    >>> counted("款项15笔,", 4), counted("巡察91区委", 4)
    (True, False)
    """
    return end < len(text) and text[end] in MEASURE_WORDS


__all__ = ["MEASURE_WORDS", "counted"]
