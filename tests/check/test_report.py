"""The text output a person reads: serious first, repeats of a line told once, a summary per
code; ``--format json`` keeps every finding."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gongwen.check import check_file
from gongwen.cli import main

NOTICE = (
    "关于整改情况的通报\n"
    "\n"
    "根据区委部署,2022412日至202278日,区委巡察组开展了巡察,现将情况通报如下:\n"
    "一、主要问题\n"
    "问题1:学习不够,制度不全,作风不实.\n"
)


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> str:
    path = tmp_path / "n.txt"
    path.write_text(NOTICE, encoding="utf-8")
    main(["check", *options, str(path)])
    return capsys.readouterr().out


def test_text_output_tells_repeats_of_a_line_once_with_their_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(tmp_path, capsys)
    rows = [line for line in out.splitlines() if re.match(r"\s+\d+\s+(错误|警告|提示)", line)]
    gw301 = [row for row in rows if "GW301" in row]
    assert len(gw301) == 2  # lines 3 and 5, not one row per comma
    assert all("本段同类共" in row and "[可修复]" in row for row in gw301)
    count = sum(f.code == "GW301" for f in check_file(tmp_path / "n.txt"))
    shown = sum(int(re.search(r"共(\d+)处", row)[1]) for row in gw301)  # type: ignore[index]
    assert shown == count


def test_text_output_lists_errors_first_then_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        line.split()
        for line in run(tmp_path, capsys).splitlines()
        if re.match(r"\s+\d+\s+(错误|警告|提示)", line)
    ]
    ranks = {"错误": 0, "警告": 1, "提示": 2}
    keys = [(ranks[row[1]], int(row[0])) for row in rows]
    assert keys == sorted(keys)
    assert rows[0][1] == "错误"


def test_text_output_ends_with_a_line_per_code_then_the_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(tmp_path, capsys).splitlines()
    found = check_file(tmp_path / "n.txt")
    codes = sorted({f.code for f in found})
    summary = lines[-1 - len(codes) : -1]
    assert sorted(line.split()[0] for line in summary) == codes
    gw301 = next(line for line in summary if line.startswith("GW301"))
    assert f"{sum(f.code == 'GW301' for f in found)}个警告" in gw301
    assert lines[-1].startswith(f"检查发现 {len(found)} 处（")


def test_json_keeps_every_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = json.loads(run(tmp_path, capsys, "--format", "json"))
    found = check_file(tmp_path / "n.txt")
    assert len(out) == len(found)
    assert sum(item["code"] == "GW301" for item in out) >= 5
