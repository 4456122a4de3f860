"""Notice files into the model: formats, and errors that name file, field and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongwen import InputError, load_notice

YAML_WITH_ERRORS = """\
title: 关于做好巡察整改工作的通知
body:
  - 引言。
  - section:
      heading: ""
  - section:
      heading: 二
      body:
        - problem:
            statement: 问题。
            measures: [甲, ""]
signature:
  organs: [某机关]
  date: 2023-02-30
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_errors_name_file_field_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", YAML_WITH_ERRORS)
    with pytest.raises(InputError) as info:
        load_notice(path)
    where = {(f.location.path, f.location.line) for f in info.value.findings}
    assert where == {
        ("body[1].section.heading", 5),
        ("body[2].section.body[0].problem.measures[1]", 11),
        ("signature.date", 14),
    }
    assert all(f.location.file == str(path) for f in info.value.findings)


@pytest.mark.parametrize(
    ("name", "text", "line", "words"),
    [
        ("a.yaml", "title: [unclosed\n", 2, "YAML"),
        ("a.yaml", "title: a\ntitle: b\nbody: [x]\n", 2, "duplicate"),
        ("a.json", '{"title": "t",\n "body": [}', 2, "JSON"),
        ("a.toml", 'title = "t"\nbody = [\n', None, "TOML"),
        ("a.yaml", "- just\n- a list\n", None, "映射"),
        ("a.txt", "title: t", None, "不支持"),
    ],
)
def test_syntax_errors_are_one_clear_message(
    tmp_path: Path, name: str, text: str, line: int | None, words: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as info:
        load_notice(path)
    (finding,) = info.value.findings
    assert words in finding.message
    assert finding.location.line == line


def test_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="文件不存在"):
        load_notice(tmp_path / "nope.yaml")
    path = tmp_path / "gbk.yaml"
    path.write_bytes("title: 通知\nbody: [内容]\n".encode("gbk"))
    with pytest.raises(InputError, match="UTF-8"):
        load_notice(path)


def test_json_and_toml_load_the_same_notice(tmp_path: Path) -> None:
    data = {"title": "通知", "body": ["内容。", {"section": {"heading": "一", "body": ["段。"]}}]}
    from_json = load_notice(write(tmp_path, "n.json", json.dumps(data, ensure_ascii=False)))
    toml = 'title = "通知"\nbody = ["内容。", { section = { heading = "一", body = ["段。"] } }]\n'
    from_toml = load_notice(write(tmp_path, "n.toml", toml))
    from_yaml = load_notice(write(tmp_path, "n.yaml", json.dumps(data, ensure_ascii=False)))
    assert from_json == from_toml == from_yaml
