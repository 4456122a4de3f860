"""pydantic's validation errors as messages a clerk reads, in the language of the moment.

The loader (:mod:`gongwen.loader`) gives each error its code, file and line; this module words
it. Our validators' messages (``PydanticCustomError``, ``ValueError``) were translated where they
were raised and are kept (without pydantic's "Value error, " prefix); pydantic's own errors are
worded here from their type, the allowed values and bounds taken from the error's ``ctx``, so
that pydantic's English ("Input should be …") never reaches a user.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any, get_args

from pydantic_core import ErrorDetails
from pydantic_core.core_schema import ErrorType

from gongwen.i18n import N_, _
from gongwen.lazy_regex import lazy_compile

__all__ = ["error_message"]


def error_message(error: ErrorDetails) -> str:
    """The message of one pydantic error, in the current language, for a field whose path is
    shown beside it: pydantic's own English never reaches the user.

    Our validators' messages (PydanticCustomError, ValueError) were translated where they
    were raised; pydantic's errors are written here, the allowed values taken from ``ctx``.

    >>> error_message({"type": "enum", "loc": (), "msg": "", "input": "完成",
    ...                "ctx": {"expected": "'已完成', '正在推进' or '长期坚持'"}})
    '应为“已完成”“正在推进”或“长期坚持”之一，实为“完成”'
    >>> error_message({"type": "value_error", "loc": (), "msg": "Value error, 不对", "input": 1,
    ...                "ctx": {"error": ValueError("不对")}})
    '不对'
    """
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])  # raised by our validators, translated there
    if kind in ("enum", "literal_error"):
        message = _("应为{values}之一").format(values=_one_of(str(ctx.get("expected", ""))))
    elif kind == "union_tag_invalid":
        return _("“{tag}”不是可用的类型：应为{values}之一").format(
            tag=ctx.get("tag", ""), values=_one_of(str(ctx.get("expected_tags", "")))
        )
    elif kind == "union_tag_not_found":
        return _("缺少区分类型的字段“{name}”").format(
            name=str(ctx.get("discriminator", "")).strip("'\"")
        )
    elif kind in ("string_too_short", "too_short"):
        least = ctx.get("min_length", 1)
        if least <= 1:
            return _("不能为空")
        if kind == "too_short":
            return _("至少应有 {least} 项，实有 {count} 项").format(
                least=least, count=ctx.get("actual_length", "?")
            )
        return _("至少应有 {least} 个字符").format(least=least)
    elif kind == "string_too_long":
        return _("不能超过 {most} 个字符").format(most=ctx.get("max_length", "?"))
    elif kind == "too_long":
        return _("不能超过 {most} 项，实有 {count} 项").format(
            most=ctx.get("max_length", "?"), count=ctx.get("actual_length", "?")
        )
    elif kind == "string_pattern_mismatch":
        if ctx.get("pattern") == r"^\d{6}$":
            message = _("应为加引号的六位阿拉伯数字，如 '000007'")
        else:
            message = _("格式不符：应符合 {pattern}").format(pattern=ctx.get("pattern", ""))
    elif kind in _BOUNDS:
        key, template = _BOUNDS[kind]
        message = _(template).format(bound=_number(ctx.get(key)))
    elif kind in _MESSAGES:
        message = _(_MESSAGES[kind])
        if kind in _NO_INPUT:
            return message
    elif kind in _PYDANTIC_TYPES:
        message = _("取值不合要求")  # a pydantic error our models do not raise today
    else:
        return error["msg"]  # our own PydanticCustomError, translated where it was raised
    return _("{message}，实为{value}").format(message=message, value=_shown(error.get("input")))


_MESSAGES: dict[str, str] = {
    "string_type": N_("应为文字"),
    "string_unicode": N_("应为文字"),
    "bool_type": N_("应为 true 或 false"),
    "bool_parsing": N_("应为 true 或 false"),
    "int_type": N_("应为整数"),
    "int_parsing": N_("应为整数"),
    "int_from_float": N_("应为整数"),
    "int_parsing_size": N_("数字太大"),
    "float_type": N_("应为数字"),
    "float_parsing": N_("应为数字"),
    "finite_number": N_("应为有限的数字"),
    "list_type": N_("应为列表"),
    "model_type": N_("应为字段的映射"),
    "model_attributes_type": N_("应为字段的映射"),
    "dict_type": N_("应为字段的映射"),
    "date_type": N_("应为日期，如 2023-03-14 或 2023年3月14日"),
    "date_parsing": N_("应为日期，如 2023-03-14 或 2023年3月14日"),
    "date_from_datetime_parsing": N_("应为日期，如 2023-03-14 或 2023年3月14日"),
    "date_from_datetime_inexact": N_("应为日期，不带时刻，如 2023-03-14"),
    "path_type": N_("应为文件路径"),
    "none_required": N_("应为空"),
    # 译注：正文（body）的一项写错了形式；paragraph 等是文件中的键名，不翻译
    "body_item": N_(
        "正文的一项应为一段文字，或只有一个键的映射：paragraph、section、problem 或 table"
    ),
}
"""Messages of pydantic's error types (and the body-item discriminator's), in Chinese."""

_NO_INPUT = frozenset(
    {"model_type", "model_attributes_type", "dict_type", "list_type", "body_item"}
)
"""Errors whose input (a mapping, a list) is not shown: it would be the whole subtree."""

_BOUNDS: dict[str, tuple[str, str]] = {
    "greater_than": ("gt", N_("应大于 {bound}")),
    "greater_than_equal": ("ge", N_("应不小于 {bound}")),
    "less_than": ("lt", N_("应小于 {bound}")),
    "less_than_equal": ("le", N_("应不大于 {bound}")),
}

_PYDANTIC_TYPES = frozenset(get_args(ErrorType))
"""Every error type pydantic itself raises (any other type is one of our validators')."""

_QUOTED = lazy_compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def _one_of(expected: str) -> str:
    """pydantic's ``'a', 'b' or 'c'`` as “a”“b”或“c” (“a”, “b” or “c” in English).

    >>> _one_of("'已完成', '正在推进' or '长期坚持'"), _one_of("'single' or 'double'")
    ('“已完成”“正在推进”或“长期坚持”', '“single”或“double”')
    """
    values = [str(ast.literal_eval(m)) for m in _QUOTED.findall(expected)] or [expected]
    quoted = [f"“{v}”" for v in values]
    if len(quoted) == 1:
        return quoted[0]
    text = quoted[0]
    for value in quoted[1:-1]:
        # 译注：列举中再接一个值；中文引号之间不加顿号，英文用 “, ” 分开
        text = _("{values}{value}").format(values=text, value=value)
    # 译注：列举的最后一个值
    return _("{values}或{last}").format(values=text, last=quoted[-1])


def _number(value: Any) -> str:
    """A bound as written: ``0`` for ``0.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _shown(value: Any) -> str:
    """The value a user gave, as a message shows it: text in quotes and cut short.

    >>> _shown("完成"), _shown(True), _shown(3), _shown([1])
    ('“完成”', 'true', '3', '列表')
    """
    if isinstance(value, str):
        return f"“{value if len(value) <= 40 else value[:40] + '…'}”"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, Mapping):
        return _("映射")
    if isinstance(value, list | tuple):
        return _("列表")
    return str(value)[:40]
