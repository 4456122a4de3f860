"""The notice model: what it accepts, what it rejects, and how it round-trips."""

from __future__ import annotations

from datetime import date

import pytest

from gongwen import InputError, Notice, notice_from_data
from gongwen.model import DocumentNumber, Paragraph, Problem, Section, walk


def base(**fields: object) -> dict[str, object]:
    data: dict[str, object] = {"title": "关于做好巡察整改工作的通知", "body": ["请认真落实。"]}
    data.update(fields)
    return data


def errors_of(data: dict[str, object]) -> list[tuple[str | None, str]]:
    with pytest.raises(InputError) as info:
        notice_from_data(data)
    return [(f.location.path, f.message) for f in info.value.findings]


def test_bare_strings_and_one_key_mappings_make_the_body_tree() -> None:
    notice = notice_from_data(
        base(
            body=[
                "引言。",
                {"paragraph": "又一段。"},
                {"section": {"heading": "一级", "body": [{"section": {"heading": "二级"}}]}},
                {"problem": {"statement": "问题。", "measures": ["甲", "乙"]}},
            ]
        )
    )
    kinds = [(depth, type(item).__name__) for depth, item in walk(notice.body)]
    assert kinds == [
        (0, "Paragraph"),
        (0, "Paragraph"),
        (0, "Section"),
        (1, "Section"),
        (0, "Problem"),
    ]


def test_dump_is_the_input_format_and_round_trips() -> None:
    notice = Notice(
        title="标题",
        body=[
            Paragraph(text="段落。"),
            Section(heading="一", body=[Problem(statement="问题。", measures=["一", "二"])]),
        ],
    )
    data = notice.model_dump(mode="json", exclude_defaults=True)
    assert data["body"][0] == {"paragraph": "段落。"}
    assert data["body"][1]["section"]["body"][0]["problem"]["measures"] == ["一", "二"]
    assert Notice.model_validate(data) == notice


def test_title_lines_keep_the_authors_breaks() -> None:
    notice = notice_from_data(
        base(title=["二七新村街道社区综合党委", "关于巡察整改进展情况的通报"])
    )
    assert notice.title_lines == ["二七新村街道社区综合党委", "关于巡察整改进展情况的通报"]


@pytest.mark.parametrize(
    ("fields", "path", "words"),
    [
        ({"title": "  "}, "title", "不能为空"),
        ({"title": "一\n\n二"}, "title", "不能含有空行"),
        ({"body": [{"section": {"heading": ""}}]}, "body[0].section.heading", "不能为空"),
        ({"body": []}, "body", "不能为空"),
        ({"colour": "red"}, "colour", "未知字段"),
        ({"body": [{"section": {"heading": "h", "bodyy": []}}]}, "body[0].section.bodyy", "body"),
        (
            {"body": [{"chapter": {"heading": "h"}}]},
            "body[0]",
            "paragraph、section、problem 或 table",
        ),
        ({"body": ["坏\x07字符"]}, "body[0].paragraph.text", "U+0007"),
        ({"signature": {"date": "2023-02-30"}}, "signature.date", "2023年2月只有 28 天"),
        ({"signature": {"date": "2023年2月30日"}}, "signature.date", "2023年2月30日"),
        ({"header": {"copy_number": "12345"}}, "header.copy_number", "六位阿拉伯数字"),
        ({"header": {"copy_number": 7}}, "header.copy_number", "'000007'"),
        (
            {"header": {"document_number": "X发〔2023〕05号"}},
            "header.document_number",
            "不编虚位",
        ),
        ({"header": {"document_number": "X发〔2023〕第5号"}}, "header.document_number", "第"),
        ({"header": {"document_number": "X发2023-5"}}, "header.document_number", "发文字号"),
        ({"header": {"urgency": "很急"}}, "header.urgency", "特急"),
        ({"contact": {}}, "contact", "至少需要"),
    ],
)
def test_bad_input_is_named_by_field_path(fields: dict[str, object], path: str, words: str) -> None:
    found = errors_of(base(**fields))
    assert any(p == path and words in m for p, m in found), found


def test_every_problem_is_reported_not_only_the_first() -> None:
    found = errors_of(base(title="", body=[], extra=1))
    assert {p for p, _ in found} == {"title", "body", "extra"}


def test_sections_deeper_than_four_levels_are_rejected() -> None:
    item: dict[str, object] = {"section": {"heading": "五级"}}
    for level in range(4):
        item = {"section": {"heading": f"{level}", "body": [item]}}
    found = errors_of(base(body=[item]))
    assert any("四层" in m and "五级" in m for _, m in found), found


def test_four_levels_are_accepted() -> None:
    item: dict[str, object] = {"section": {"heading": "四级"}}
    for level in range(3):
        item = {"section": {"heading": f"{level}", "body": [item]}}
    notice = notice_from_data(base(body=[item]))
    assert max(depth for depth, _ in walk(notice.body)) == 3


def test_document_number_parses_and_prints_with_hexagonal_brackets() -> None:
    number = DocumentNumber.model_validate("X党发〔2023〕5号")
    assert (number.agency_code, number.year, number.serial) == ("X党发", 2023, 5)
    assert str(number) == "X党发〔2023〕5号"


def test_dates_accept_chinese_forms() -> None:
    notice = notice_from_data(
        base(signature={"organs": ["某机关"], "date": "二〇二三年三月十四日"})
    )
    assert notice.signature is not None
    assert notice.signature.date == date(2023, 3, 14)
