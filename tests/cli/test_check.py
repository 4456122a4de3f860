"""The ``gongwen check`` command: output, JSON shape, exit statuses, --fix, and render --strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongwen.check import RULES, check_file
from gongwen.cli import main
from gongwen.findings import FINDING_KEYS
from gongwen.i18n import use_language
from tests.conftest import SEED

DATA = Path(__file__).parents[1] / "data" / "check"

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ERQI = EXAMPLES / "erqi-xincun-2023.yaml"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_output_is_a_list_of_objects_with_the_documented_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--format", "json", str(SEED), str(ERQI)]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out
    assert {tuple(item) for item in out} == {FINDING_KEYS}
    assert FINDING_KEYS == ("code", "level", "message", "file", "line", "path", "fix")
    seed = [item for item in out if item["file"] == str(SEED)]
    assert all(isinstance(i["line"], int) and i["path"] is None for i in seed)
    (erqi,) = [item for item in out if item["file"] == str(ERQI)]
    assert erqi == {
        "code": "GW402",
        "level": "info",
        "message": erqi["message"],
        "file": str(ERQI),
        "line": erqi["line"],
        "path": "body[2].section.body[3].section.heading",
        "fix": "对巡察发现问题的整改情况",
    }


def test_json_output_matches_the_api(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--format", "json", str(SEED)])
    out = json.loads(capsys.readouterr().out)
    expected = check_file(SEED)
    assert [(i["code"], i["line"], i["fix"]) for i in out] == [
        (f.code, f.location.line, f.fix) for f in expected
    ]


def test_json_output_includes_files_that_could_not_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write(tmp_path, "broken.yaml", "title: [\n")
    assert main(["check", "--format", "json", str(ERQI), str(broken)]) == 2
    out = json.loads(capsys.readouterr().out)
    assert [i["file"] for i in out] == [str(ERQI), str(broken)]
    assert out[1]["level"] == "error" and out[1]["code"].startswith("IN")


def test_terminal_output_is_grouped_by_file_without_colour_off_a_tty(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(ERQI), str(SEED)]) == 1
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == str(ERQI)
    assert "GW402" in lines[1] and "[可修复]" in lines[1]
    assert lines[2].strip() == "body[2].section.body[3].section.heading"
    assert lines.index(str(SEED)) > 2
    assert lines[-1].startswith(f"检查发现 {len(check_file(SEED)) + 1} 处（错误 ")
    with use_language("en"):
        assert main(["check", str(ERQI), str(SEED)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "GW402" in lines[1] and "[fix]" in lines[1]
    assert lines[-1].startswith(f"{len(check_file(SEED)) + 1} findings (")


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ([], 0),  # only an info remark
        (["--fail-level", "info"], 1),
        (["--select", "GW5"], 0),
    ],
)
def test_exit_status_follows_the_fail_level(options: list[str], status: int) -> None:
    assert main(["check", *options, str(ERQI)]) == status


def test_errors_only_fail_at_error_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--fail-level", "error", "--select", "GW3", str(SEED)]) == 0
    assert main(["check", "--fail-level", "error", str(SEED)]) == 1


def test_select_and_ignore_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--format", "json", "--select", "GW1,GW5", "--ignore", "GW105", str(SEED)])
    found = {item["code"] for item in json.loads(capsys.readouterr().out)}
    assert found == {"GW103", "GW106", "GW109", "GW110", "GW505", "GW506"}


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert main(["check", str(write(tmp_path, "n.pdf", "x"))]) == 2


@pytest.mark.parametrize(
    "options",
    [
        ["-o", "out.txt"],
        ["--fix"],
        ["--fix", "-o", "out.txt", "--in-place"],
        ["--in-place"],
    ],
)
def test_fix_options_that_do_not_fit_exit_2_and_write_nothing(
    options: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = SEED.read_bytes()
    text = write(tmp_path, "n.txt", before.decode())
    assert main(["check", *options, str(text)]) == 2
    assert text.read_bytes() == before
    assert not (tmp_path / "out.txt").exists()


def test_fix_to_output_writes_the_corrected_file_and_reports_what_remains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fixed.txt"
    assert main(["check", "--fix", str(SEED), "-o", str(out), "--format", "json"]) == 1
    remaining = json.loads(capsys.readouterr().out)
    # What no fix can decide: 巡察91区委 (GW506) and four paragraphs that lost their 。 (GW306).
    assert sorted((i["code"], i["file"]) for i in remaining) == [("GW306", str(out))] * 4 + [
        ("GW506", str(out))
    ]
    assert "2022年4月12日" in out.read_text(encoding="utf-8")
    assert SEED.read_bytes() != out.read_bytes()


def test_fix_in_place_only_when_asked(tmp_path: Path) -> None:
    path = write(tmp_path, "n.txt", "根据部署,现予通报.\n")
    assert main(["check", "--fix", "--in-place", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == "根据部署，现予通报。\n"
    assert main(["check", str(path)]) == 0


def test_fix_refuses_docx(tmp_path: Path) -> None:
    from gongwen.write import render

    docx = tmp_path / "n.docx"
    render(ERQI, docx)
    assert main(["check", "--fix", str(docx), "-o", str(tmp_path / "o.docx")]) == 2
    assert not (tmp_path / "o.docx").exists()


def test_list_rules_names_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--list-rules"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == [rule.code for rule in RULES]


def test_configuration_file_near_the_input_is_used(tmp_path: Path) -> None:
    path = write(tmp_path, "n.txt", "根据部署,现予通报。\n")
    assert main(["check", str(path)]) == 1
    write(tmp_path, "gongwen.toml", '[check]\nignore = ["GW301"]\n')
    assert main(["check", str(path)]) == 0
    other = write(tmp_path, "other.toml", '[check]\nselect = ["GW3"]\n')
    assert main(["check", "--config", str(other), str(path)]) == 1


# ---------------------------------------------------------------------------------------------
# gongwen render runs the checks


BAD_NOTICE = """\
title: 关于整改情况的通报。
body:
  - 2022412日，区委巡察组开展了巡察。
"""


def test_render_prints_warnings_and_still_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "n.yaml", BAD_NOTICE)
    out = tmp_path / "n.docx"
    assert main(["render", str(path), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "GW403" in err and "GW505" in err
    assert out.exists()


def test_render_strict_refuses_errors_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "n.yaml", BAD_NOTICE)
    out = tmp_path / "n.docx"
    assert main(["render", "--strict", str(path), "-o", str(out)]) == 1
    assert "--strict" in capsys.readouterr().err
    assert not out.exists()


def test_render_strict_renders_a_notice_with_remarks_only(tmp_path: Path) -> None:
    out = tmp_path / "erqi.docx"
    assert main(["render", "--strict", str(ERQI), "-o", str(out)]) == 0
    assert out.exists()


MARKDOWN = """# 关于巡察整改进展情况的通报

截至目前，已完成整改2个。

## 一、整改情况

问题1：理论学习不深入。

整改进展：已完成。

## 三、下一步打算

问题2：台账不全。

整改进展：正在推进。
"""


def test_a_markdown_notice_is_checked_as_the_notice_it_reads_as(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md = write(tmp_path, "n.md", MARKDOWN)
    found = {(f.code, f.location.line) for f in check_file(md)}
    assert {("GW101", 11), ("GW203", 3)} <= found  # the skipped 二、 and the stale count
    assert main(["check", "--format", "json", str(md)]) == 1
    out = json.loads(capsys.readouterr().out)
    assert {(item["code"], item["file"]) for item in out} >= {("GW203", str(md))}
    clean = write(tmp_path, "clean.md", MARKDOWN.replace("三、", "二、").replace("2个", "1个"))
    assert main(["check", str(clean)]) == 0


def test_fix_refuses_a_markdown_notice_and_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    md = write(tmp_path, "n.md", MARKDOWN)
    assert main(["check", "--fix", "--in-place", str(md)]) == 2
    assert "Markdown" in capsys.readouterr().err
    assert md.read_text(encoding="utf-8") == MARKDOWN
