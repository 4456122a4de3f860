"""``gongwen parse``: the YAML render and validate read, findings on stderr, exit statuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from gongwen import load_notice
from gongwen.cli import main
from gongwen.cli.parse import notice_yaml
from gongwen.i18n import use_language
from gongwen.loader import notice_from_data, parse_source
from gongwen.model import Notice
from gongwen.read import ReadResult, read_file
from gongwen.summary import summarize
from tests.conftest import SEED
from tests.strategies import any_notices


def test_parse_writes_a_notice_file_that_validates_and_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "seed.yaml"
    assert main(["parse", str(SEED), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    notice = load_notice(out)
    assert notice == read_file(SEED).notice
    summary = summarize(notice)
    assert (summary.sections_by_level[:2], summary.problems) == ((3, 4), 16)
    assert main(["validate", str(out)]) == 0
    assert main(["render", str(out), "-o", str(tmp_path / "seed.docx")]) == 0
    capsys.readouterr()
    assert main(["parse", str(tmp_path / "seed.docx"), "-o", str(tmp_path / "again.yaml")]) == 0
    assert load_notice(tmp_path / "again.yaml") == notice


def test_findings_go_to_stderr_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["parse", str(SEED), "-o", str(tmp_path / "seed.yaml")])
    err = capsys.readouterr().err
    assert f"{SEED}:7: 警告 RD010: 日期 “2022412日”" in err
    assert f"{SEED}:111: 警告 RD020:" in err
    assert f"{SEED}:155: 警告 RD021:" in err
    assert "RD002" not in err.split("检查发现 101 处")[0]  # info findings are counted, not listed
    assert "检查发现 101 处：GW506×1, RD001×2, RD002×71," in err
    assert "另有 87 处提示未列出" in err
    with use_language("en"):
        main(["parse", str(SEED), "-o", str(tmp_path / "seed.yaml")])
    err = capsys.readouterr().err
    assert f"{SEED}:7: warning RD010: " in err
    assert "101 findings: GW506×1, RD001×2, RD002×71," in err
    assert "(87 at level info not shown; --level info shows them)" in err


def test_level_info_lists_every_finding(capsys: pytest.CaptureFixture[str]) -> None:
    main(["parse", str(SEED), "--level", "info"])
    err = capsys.readouterr().err
    assert err.count(" 提示 RD002: ") == 71
    assert "未列出" not in err


def test_without_output_the_yaml_goes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# 由 gongwen parse 从 000_12b1316753024736.txt 读入。")
    notice = notice_from_data(parse_source(text, "yaml").data)
    assert notice == read_file(SEED).notice


def test_the_yaml_carries_a_comment_above_each_repair(capsys: pytest.CaptureFixture[str]) -> None:
    main(["parse", str(SEED)])
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(lines) if "RD020（第 111 行）" in line)
    assert lines[at + 1].strip() == "- section:"
    assert lines[at + 2].strip() == "heading: 聚焦基层党组织软弱涣散、组织力欠缺方面"
    assert lines[:8] == [
        "# 由 gongwen parse 从 000_12b1316753024736.txt 读入。",
        lines[1],
        "# 发布日期: 2023-03-14",
        "# 浏览次数:",
        "title:",
        "  - 二七新村街道社区综合党委",
        "  - 关于巡察整改进展情况的通报",
        "published: 2023-03-14",
    ]


def test_an_unreadable_file_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out.yaml"
    assert main(["parse", str(junk), "-o", str(out)]) == 2
    assert f"{junk}: 错误 RD102:" in capsys.readouterr().err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.txt"]


def test_a_failed_parse_leaves_an_existing_output_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("title: old\nbody: [kept]\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert main(["parse", str(empty), "-o", str(out)]) == 2
    assert "RD107" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "title: old\nbody: [kept]\n"


def test_an_output_folder_that_does_not_exist_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "n.txt"
    source.write_text("关于整治的通知\n\n请按时完成。\n", encoding="utf-8")
    assert main(["parse", str(source), "-o", str(tmp_path / "no" / "out.yaml")]) == 2
    err = capsys.readouterr().err
    assert "no" in err and "Traceback" not in err


def test_the_command_documents_its_exit_statuses() -> None:
    def parse_help(*lang: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "gongwen.cli", *lang, "parse", "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0
        return result.stdout

    chinese = parse_help()
    assert "退出状态：" in chinese
    assert "0  公文已读入并写出" in chinese
    assert "2  文件无法读取" in chinese
    english = parse_help("--lang", "en")
    assert "exit statuses:" in english
    assert "0  the notice was read and written" in english
    assert "2  the file could not be read" in english


def test_the_installed_command_parses_the_seed(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gongwen.cli", "parse", str(SEED), "-o", str(tmp_path / "s.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s.yaml").is_file()


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(any_notices())
def test_the_yaml_written_loads_back_to_the_notice(notice: Notice) -> None:
    result = ReadResult(notice, [], {}, "<test>", {"发布日期": "2023-03-14"})
    assert notice_from_data(parse_source(notice_yaml(result), "yaml").data) == notice
