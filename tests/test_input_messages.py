"""Every error a user can make in a notice reads as a message in Chinese (and in English when
asked), whichever way the notice comes in: a file, Python data, a model built in code. pydantic's
own English ("Input should be …", "Field required", "Value error, …") never reaches anyone."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

import gongwen
from gongwen.findings import InputError
from gongwen.i18n import use_language
from gongwen.loader import SourceData, load_notice, notice_from_data, validate

PYDANTIC_WORDS = (
    "Input should",
    "Input is not",
    "Field required",
    "Value error",
    "Assertion failed",
    "String should",
    "List should",
    "Extra inputs",
    "Unable to",
    "Unable to extract tag",
    "does not match any of the expected tags",
)
"""pydantic's own wording, which must not reach a user in either language."""

BASE: dict[str, Any] = {"title": "关于巡察整改进展情况的通报", "body": ["正文。"]}
SIGNED: dict[str, Any] = {"organs": ["甲局"], "date": "2023-03-14"}


def _with(**fields: Any) -> dict[str, Any]:
    return {**BASE, **fields}


def _problem(**fields: Any) -> dict[str, Any]:
    return _with(body=[{"problem": {"statement": "学习不深入。", **fields}}])


def _seal(**fields: Any) -> dict[str, Any]:
    return _with(signature={**SIGNED, "seals": [{"image": "seal.png", **fields}]})


# (case, data, field path, Chinese message, English message)
CASES: list[tuple[str, dict[str, Any], str, str, str]] = [
    (
        "enum",
        _problem(status="完成"),
        "body[0].problem.status",
        "应为“已完成”“正在推进”或“长期坚持”之一，实为“完成”",
        "must be one of “已完成”, “正在推进” or “长期坚持”, got “完成”",
    ),
    (
        "literal_error",
        _with(presentation={"sides": "both"}),
        "presentation.sides",
        "应为“single”或“double”之一，实为“both”",
        "must be one of “single” or “double”, got “both”",
    ),
    (
        "literal_error with four values",
        _with(presentation={"format": "memo"}),
        "presentation.format",
        "应为“standard”“letter”“order”或“minutes”之一，实为“memo”",
        "must be one of “standard”, “letter”, “order” or “minutes”, got “memo”",
    ),
    (
        "impossible ISO date",
        _with(published="2023-02-30"),
        "published",
        "“2023-02-30”不是有效日期：2023年2月只有 28 天，没有 30 日",
        "“2023-02-30” is not a valid date: 2023年2月 has 28 days, not 30",
    ),
    (
        "month out of range",
        _with(published="2023-13-01"),
        "published",
        "“2023-13-01”不是有效日期：没有 13 月",
        "“2023-13-01” is not a valid date: there is no month 13",
    ),
    (
        "Chinese date text",
        _with(signature={**SIGNED, "date": "3月14日"}),
        "signature.date",
        "不是日期：“3月14日”",
        "not a date: “3月14日”",
    ),
    (
        "date as a number",
        _with(published=20230314),
        "published",
        "日期应写成日期，如 2023-03-14 或 2023年3月14日，而不是数字",
        "a date must be written as a date, e.g. 2023-03-14 or 2023年3月14日, not as a number",
    ),
    (
        "date_type",
        _with(published=["2023-03-14"]),
        "published",
        "应为日期，如 2023-03-14 或 2023年3月14日，实为列表",
        "must be a date, e.g. 2023-03-14 or 2023年3月14日, got a list",
    ),
    (
        "greater_than_equal",
        _with(header={"order_number": 0}),
        "header.order_number",
        "应不小于 1，实为0",
        "must be at least 1, got 0",
    ),
    (
        "less_than_equal",
        _with(presentation={"top_level": 9}),
        "presentation.top_level",
        "应不大于 4，实为9",
        "must be at most 4, got 9",
    ),
    (
        "greater_than",
        _seal(width_mm=5),
        "signature.seals[0].width_mm",
        "应大于 5，实为5",
        "must be greater than 5, got 5",
    ),
    (
        "string_pattern_mismatch",
        _with(header={"copy_number": "12"}),
        "header.copy_number",
        "应为加引号的六位阿拉伯数字，如 '000007'，实为“12”",
        "must be six Arabic digits in quotes, e.g. '000007', got “12”",
    ),
    (
        "copy number as a number",
        _with(header={"copy_number": 7}),
        "header.copy_number",
        "份号应加引号写成文字，如 '000007'，以保留前面的 0",
        "份号 must be written as text in quotes, e.g. '000007', so its leading zeros survive",
    ),
    (
        "string_too_short",
        _with(body=[{"section": {"heading": "  "}}]),
        "body[0].section.heading",
        "不能为空",
        "must not be empty",
    ),
    ("too_short", _with(body=[]), "body", "不能为空", "must not be empty"),
    ("blank title", _with(title=" "), "title", "不能为空", "must not be empty"),
    (
        "int_parsing",
        _with(header={"order_number": "三"}),
        "header.order_number",
        "应为整数，实为“三”",
        "must be a whole number, got “三”",
    ),
    (
        "int_from_float",
        _with(header={"order_number": 1.5}),
        "header.order_number",
        "应为整数，实为1.5",
        "must be a whole number, got 1.5",
    ),
    (
        "bool_parsing",
        _with(body=[{"section": {"heading": "要求", "run_in": "maybe"}}]),
        "body[0].section.run_in",
        "应为 true 或 false，实为“maybe”",
        "must be true or false, got “maybe”",
    ),
    (
        "bool_type",
        _with(signature={**SIGNED, "sealed": [True]}),
        "signature.sealed",
        "应为 true 或 false，实为列表",
        "must be true or false, got a list",
    ),
    (
        "float_parsing",
        _seal(width_mm="四十"),
        "signature.seals[0].width_mm",
        "应为数字，实为“四十”",
        "must be a number, got “四十”",
    ),
    (
        "string_type",
        _with(note=5),
        "note",
        "应为文字，实为5",
        "must be text, got 5",
    ),
    (
        "path_type",
        _seal(image=3),
        "signature.seals[0].image",
        "应为文件路径，实为3",
        "must be a file path, got 3",
    ),
    ("list_type", _with(addressees="各社区"), "addressees", "应为列表", "must be a list"),
    ("model_type", _with(header="X"), "header", "应为字段的映射", "must be a mapping of fields"),
    (
        "body item",
        _with(body=[{"chapter": {"heading": "h"}}]),
        "body[0]",
        "正文的一项应为一段文字，或只有一个键的映射：paragraph、section、problem 或 table",
        "a body item is a string (a paragraph) or a mapping with one key: "
        "paragraph, section, problem or table",
    ),
    (
        "missing",
        _with(body=[{"problem": {"description": "d"}}]),
        "body[0].problem.statement",
        "缺少必填字段“statement”",
        "required field “statement” is missing",
    ),
    (
        "extra_forbidden with a close name",
        _problem(statment="s"),
        "body[0].problem.statment",
        "未知字段“statment”，是否想写“statement”？",
        "unknown field “statment”; did you mean “statement”?",
    ),
    (
        "extra_forbidden",
        _with(qqqzzz=1),
        "qqqzzz",
        "未知字段“qqqzzz”",
        "unknown field “qqqzzz”",
    ),
    (
        "a character Word cannot hold",
        _with(body=["坏\x07字符"]),
        "body[0].paragraph.text",
        "第 2 个字符 U+0007 不能出现在 Word 文档中，请删去",
        "contains the character U+0007 at position 2, which cannot appear in a Word document; "
        "delete it",
    ),
    (
        "document number with a leading zero",
        _with(header={"document_number": "X发〔2023〕05号"}),
        "header.document_number",
        "“X发〔2023〕05号”：发文字号的序号不编虚位（GB/T 9704 第 7.2.5 条），应写成 5号",
        "“X发〔2023〕05号”: a 发文字号 has no leading zero (GB/T 9704 cl. 7.2.5); write 5号",
    ),
    (
        "table row width",
        _with(body=[{"table": {"rows": [["1", "2"], ["3"]]}}]),
        "body[0].table",
        "第 2 行有 1 个单元格，表格有 2 列",
        "row 2 has 1 cells, the table has 2 columns",
    ),
    (
        "contact",
        _with(contact={}),
        "contact",
        "联系方式至少需要 phones、postbox、email、others 之一",
        "a contact block needs at least one of phones, postbox, email, others",
    ),
]


def _messages(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(InputError) as info:
        notice_from_data(data)
    return {str(f.location.path): f.message for f in info.value.findings}


def _assert_no_pydantic(messages: Any) -> None:
    for message in messages:
        assert not any(words in message for words in PYDANTIC_WORDS), message


@pytest.mark.parametrize(
    ("data", "path", "chinese", "english"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_every_kind_of_bad_value_has_a_message_in_both_languages(
    data: dict[str, Any], path: str, chinese: str, english: str
) -> None:
    found = _messages(data)
    assert found.get(path) == chinese, found
    _assert_no_pydantic(found.values())
    with use_language("en"):
        found = _messages(data)
    assert found.get(path) == english, found
    _assert_no_pydantic(found.values())


def test_a_notice_file_gets_the_same_messages_with_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "title: 关于巡察整改进展情况的通报\n"
        "body:\n"
        "  - problem:\n"
        "      statment: 学习不深入。\n"
        "      status: 完成\n"
        "published: 2023-02-30\n"
        "presentation:\n"
        "  top_level: 9\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_notice(path)
    found = {(f.location.path, f.location.line): (f.code, f.message) for f in info.value.findings}
    assert found == {
        ("body[0].problem.statement", 3): ("IN005", "缺少必填字段“statement”"),
        ("body[0].problem.statment", 4): ("IN004", "未知字段“statment”，是否想写“statement”？"),
        ("body[0].problem.status", 5): (
            "IN003",
            "应为“已完成”“正在推进”或“长期坚持”之一，实为“完成”",
        ),
        ("published", 6): ("IN003", "“2023-02-30”不是有效日期：2023年2月只有 28 天，没有 30 日"),
        ("presentation.top_level", 8): ("IN003", "应不大于 4，实为9"),
    }
    with use_language("en"), pytest.raises(InputError) as info:
        load_notice(path)
    english = {f.location.path: f.message for f in info.value.findings}
    assert english["body[0].problem.status"] == (
        "must be one of “已完成”, “正在推进” or “长期坚持”, got “完成”"
    )
    assert english["body[0].problem.statment"] == (
        "unknown field “statment”; did you mean “statement”?"
    )
    _assert_no_pydantic(english.values())


def test_a_model_built_in_code_raises_the_same_input_error() -> None:
    with pytest.raises(gongwen.InputError) as info:
        gongwen.Problem(statment="理论学习不深入。")  # type: ignore[call-arg]
    found = {f.location.path: (f.code, f.message) for f in info.value.findings}
    assert found == {
        "statment": ("IN004", "未知字段“statment”，是否想写“statement”？"),
        "statement": ("IN005", "缺少必填字段“statement”"),
    }
    with use_language("en"), pytest.raises(gongwen.InputError) as info:
        gongwen.Problem(statment="理论学习不深入。")  # type: ignore[call-arg]
    assert {f.message for f in info.value.findings} == {
        "unknown field “statment”; did you mean “statement”?",
        "required field “statement” is missing",
    }


def test_an_assignment_is_checked_with_the_same_messages() -> None:
    problem = gongwen.Problem(statement="理论学习不深入。")
    with pytest.raises(gongwen.InputError) as info:
        problem.status = "完成"  # type: ignore[assignment]
    (finding,) = info.value.findings
    assert finding.message == "应为“已完成”“正在推进”或“长期坚持”之一，实为“完成”"
    with use_language("en"), pytest.raises(gongwen.InputError) as info:
        problem.status = "完成"  # type: ignore[assignment]
    (finding,) = info.value.findings
    assert finding.message == "must be one of “已完成”, “正在推进” or “长期坚持”, got “完成”"


# Models of the kinds other parts of gongwen validate through the loader (validators raising
# ValueError or failing an assert, length limits, tagged unions), for the error types that the
# notice model itself cannot raise.


def _refuse_x(value: str) -> str:
    if value == "x":
        raise ValueError("不能是 x")
    if value == "y":
        raise AssertionError("不能是 y")  # as a failed assert in a validator
    return value


class _Cat(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["cat"]


class _Dog(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["dog"]


class _Other(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, AfterValidator(_refuse_x)] = "a"
    short: str = Field(default="", max_length=3)
    few: list[int] = Field(default_factory=list, min_length=2, max_length=3)
    pet: _Cat | _Dog | None = Field(default=None, discriminator="kind")


OTHER_CASES = [
    ({"name": "x"}, "name", "不能是 x", "不能是 x"),
    ({"name": "y"}, "name", "不能是 y", "不能是 y"),
    (
        {"short": "abcd"},
        "short",
        "不能超过 3 个字符",
        "must have at most 3 characters",
    ),
    ({"few": [1]}, "few", "至少应有 2 项，实有 1 项", "must have at least 2 items, has 1"),
    (
        {"few": [1, 2, 3, 4]},
        "few",
        "不能超过 3 项，实有 4 项",
        "must have at most 3 items, has 4",
    ),
    (
        {"pet": {"kind": "cow"}},
        "pet",
        "“cow”不是可用的类型：应为“cat”或“dog”之一",
        "“cow” is not a known kind: must be one of “cat” or “dog”",
    ),
    (
        {"pet": {}},
        "pet",
        "缺少区分类型的字段“kind”",
        "the field “kind” that tells the kind is missing",
    ),
]


@pytest.mark.parametrize(("data", "path", "chinese", "english"), OTHER_CASES)
def test_validators_and_other_pydantic_errors_lose_pydantic_words(
    data: dict[str, Any], path: str, chinese: str, english: str
) -> None:
    for expected, lang in ((chinese, "zh"), (english, "en")):
        with use_language(lang), pytest.raises(InputError) as info:
            validate(_Other, SourceData(data))
        (finding,) = info.value.findings
        assert (finding.location.path, finding.message) == (path, expected)
        _assert_no_pydantic([finding.message])
