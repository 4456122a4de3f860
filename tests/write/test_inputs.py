"""One error type and one set of inputs for render, render_bytes and to_document."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gongwen
from gongwen import InputError, Notice, Problem, load_notice, notice_from_data
from gongwen.model import Paragraph
from gongwen.office import convert
from gongwen.read import read_docx_bytes
from gongwen.write import render, render_bytes
from gongwen.write.template import default_template_path
from tests.conftest import EXAMPLES
from tests.office.test_convert import fake_soffice
from tests.strategies import any_notices

MINIMAL = EXAMPLES / "minimal.yaml"

BAD_FIELDS: list[dict[str, Any]] = [
    {"title": "  "},
    {"title": "一\n\n二"},
    {"body": []},
    {"colour": "red"},
    {"body": [{"section": {"heading": "h", "bodyy": []}}]},
    {"body": [{"chapter": {"heading": "h"}}]},
    {"signature": {"date": "2023-02-30"}},
    {"header": {"copy_number": 7}},
    {"header": {"document_number": "X发〔2023〕05号"}},
    {"contact": {}},
    {"title": 3},
    {"addressees": "各社区"},
]


def _codes(error: InputError) -> list[tuple[str, str | None, str]]:
    return sorted((f.code, f.location.path, f.message) for f in error.findings)


@pytest.mark.parametrize("fields", BAD_FIELDS, ids=repr)
def test_building_a_model_fails_as_loading_the_same_data_does(fields: dict[str, Any]) -> None:
    data: dict[str, Any] = {"title": "关于做好巡察整改工作的通知", "body": ["请认真落实。"]}
    data.update(fields)
    with pytest.raises(InputError) as loaded:
        notice_from_data(data)
    with pytest.raises(InputError) as built:
        Notice(**data)
    assert _codes(built.value) == _codes(loaded.value)


def test_a_misspelt_field_gets_the_did_you_mean_message_and_is_a_value_error() -> None:
    with pytest.raises(ValueError) as info:
        Problem(statment="理论学习不深入。")  # type: ignore[call-arg]
    error = info.value
    assert isinstance(error, gongwen.InputError)
    by_code = {f.code: f for f in error.findings}
    assert by_code["IN004"].message == "未知字段“statment”，是否想写“statement”？"
    assert by_code["IN005"].location.path == "statement"
    assert "pydantic" not in str(error)


def test_assigning_a_bad_value_is_an_input_error() -> None:
    notice = Notice(title="关于做好巡察整改工作的通知", body=["请认真落实。"])
    with pytest.raises(InputError) as info:
        notice.title = ""
    assert [(f.code, f.location.path) for f in info.value.findings] == [("IN003", "title")]


def test_the_loader_still_places_errors_by_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("title: 关于整改的通知\nbody:\n  - problem:\n      statment: 学习不深入。\n")
    with pytest.raises(InputError) as info:
        load_notice(path)
    assert {(f.code, f.location.line) for f in info.value.findings} == {
        ("IN004", 4),
        ("IN005", 3),
    }


def test_a_notice_a_mapping_and_a_path_render_the_same_bytes() -> None:
    notice = load_notice(MINIMAL)
    data = notice.model_dump(mode="json", exclude_defaults=True)
    expected = render_bytes(notice)
    assert render_bytes(MINIMAL) == expected
    assert render_bytes(str(MINIMAL)) == expected
    assert render_bytes(data) == expected
    assert gongwen.to_document(data).paragraphs[0] is not None


@pytest.mark.parametrize("value", [42, b"title: x", ["title"], None])
def test_what_is_not_a_notice_is_refused_plainly(value: object, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    for call in (
        lambda: render_bytes(value),  # type: ignore[arg-type]
        lambda: render(value, out),  # type: ignore[arg-type]
        lambda: gongwen.to_document(value),  # type: ignore[arg-type]
    ):
        with pytest.raises(InputError) as info:
            call()
        assert info.value.findings[0].code == "IN006"
        assert type(value).__name__ in str(info.value)
    assert not out.exists()


def test_a_template_that_is_not_one_is_refused_plainly() -> None:
    with pytest.raises(InputError) as info:
        render_bytes(MINIMAL, template=3.5)  # type: ignore[arg-type]
    assert info.value.findings[0].code == "IN006"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    notice=any_notices(), extra=st.lists(st.text(min_size=1).map(lambda s: "补" + s), max_size=3)
)
def test_strings_appended_to_a_body_render_as_paragraphs(notice: Notice, extra: list[str]) -> None:
    extra = [e for e in (x.replace("\x00", "") for x in extra) if e.strip()]
    extra = [e for e in extra if notice_ok(e)]
    built = notice.model_copy(deep=True)
    built.body.extend(extra)  # type: ignore[arg-type]
    expected = notice.model_copy(deep=True)
    expected.body.extend(Paragraph(text=e) for e in extra)
    assert render_bytes(built) == render_bytes(expected)


def notice_ok(text: str) -> bool:
    try:
        Paragraph(text=text)
    except InputError:
        return False
    return True


def test_a_bad_appended_item_is_named_by_its_path() -> None:
    notice = Notice(title="关于做好巡察整改工作的通知", body=["请认真落实。"])
    notice.body.append({"section": {"heading": ""}})  # type: ignore[arg-type]
    with pytest.raises(InputError) as info:
        render_bytes(notice)
    assert [f.location.path for f in info.value.findings] == ["body[1].section.heading"]


@pytest.mark.parametrize("name", ["out.txt", "out.doc", "out"])
def test_other_output_suffixes_are_refused_before_anything_is_written(
    name: str, tmp_path: Path
) -> None:
    with pytest.raises(InputError) as info:
        render(MINIMAL, tmp_path / name)
    assert info.value.findings[0].code == "IN007"
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_target_goes_through_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, log = fake_soffice(tmp_path)
    monkeypatch.setenv(convert.SOFFICE_ENV, str(script))
    out = tmp_path / "notice.pdf"
    render(MINIMAL, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert "--convert-to" in log.read_text()


def test_a_pdf_target_without_libreoffice_is_refused_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv(convert.SOFFICE_ENV, raising=False)
    monkeypatch.setattr(convert, "WELL_KNOWN_SOFFICE", ())
    out = tmp_path / "notice.pdf"
    with pytest.raises(convert.ToolMissing):
        render(MINIMAL, out)
    assert not out.exists()


def test_a_python_docx_document_serves_as_the_template() -> None:
    template = docx.Document(str(default_template_path()))
    template.styles["Normal"].font.size = docx.shared.Pt(15)
    data = render_bytes(EXAMPLES / "erqi-xincun-2023.yaml", template=template)
    read = read_docx_bytes(data).notice
    assert read.title == load_notice(EXAMPLES / "erqi-xincun-2023.yaml").title
    reopened = docx.Document(io.BytesIO(data))
    assert reopened.styles["Normal"].font.size == docx.shared.Pt(15)
