"""Check configuration: found by walking up, select/ignore by prefix, level overrides, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.check import (
    RULES,
    CheckConfig,
    check_file,
    config_from_table,
    discover_config,
    find_config,
)
from gongwen.findings import InputError, Level
from gongwen.i18n import use_language

BAD = "关于整改情况的通报。\n\n根据部署,现予通报。\n"  # GW403 and GW301


def codes_of(path: Path, config: CheckConfig | None = None) -> set[str]:
    return {f.code for f in check_file(path, config)}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "n.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_nothing_configured_runs_every_rule(tree: Path) -> None:
    assert find_config(tree / "a" / "b" / "n.txt") is None
    assert codes_of(tree / "a" / "b" / "n.txt") == {"GW301", "GW403"}


def test_pyproject_found_by_walking_up(tree: Path) -> None:
    (tree / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.gongwen.check]\nignore = ["GW3"]\n', encoding="utf-8"
    )
    path = tree / "a" / "b" / "n.txt"
    assert find_config(path) == tree / "pyproject.toml"
    assert codes_of(path) == {"GW403"}


def test_nearest_file_wins_and_pyproject_without_table_is_skipped(tree: Path) -> None:
    (tree / "gongwen.toml").write_text('[check]\nignore = ["GW4"]\n', encoding="utf-8")
    (tree / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tree / "a" / "b" / "gongwen.toml").write_text('[check]\nignore = ["GW3"]\n', "utf-8")
    assert codes_of(tree / "a" / "b" / "n.txt") == {"GW403"}
    (tree / "a" / "b" / "gongwen.toml").unlink()
    assert find_config(tree / "a" / "b" / "n.txt") == tree / "gongwen.toml"
    assert codes_of(tree / "a" / "b" / "n.txt") == {"GW301"}


def test_gongwen_toml_comes_before_pyproject_in_one_folder(tree: Path) -> None:
    (tree / "pyproject.toml").write_text('[tool.gongwen.check]\nignore = ["GW3"]\n', "utf-8")
    (tree / "gongwen.toml").write_text('[check]\nignore = ["GW4"]\n', encoding="utf-8")
    assert find_config(tree / "a" / "b" / "n.txt") == tree / "gongwen.toml"


def test_level_overrides_by_code_and_prefix(tree: Path) -> None:
    (tree / "gongwen.toml").write_text(
        '[check]\nfail-level = "error"\n[check.levels]\nGW3 = "info"\nGW403 = "error"\n', "utf-8"
    )
    config = discover_config(tree / "a" / "b" / "n.txt")
    assert config.fail_level == Level.ERROR
    found = {f.code: f.level for f in check_file(tree / "a" / "b" / "n.txt")}
    assert found == {"GW301": Level.INFO, "GW403": Level.ERROR}


@pytest.mark.parametrize(
    ("select", "ignore", "runs"),
    [
        (("GW",), (), True),
        (("ALL",), ("GW3",), False),
        (("GW301",), ("GW3",), True),
        (("GW3",), ("GW3",), False),
        (("GW1",), (), False),
        (("GW1", "GW30"), ("GW302",), True),
    ],
)
def test_the_more_specific_prefix_wins(
    select: tuple[str, ...], ignore: tuple[str, ...], runs: bool
) -> None:
    config = config_from_table({"select": list(select), "ignore": list(ignore)})
    assert config.enabled("GW301") is runs


def test_command_line_select_replaces_and_ignore_adds() -> None:
    config = config_from_table({"select": ["GW3"], "ignore": ["GW302"]})
    changed = config.override(select=["GW4", "GW301"], ignore=["GW403"])
    enabled = {r.code for r in RULES if changed.enabled(r.code)}
    assert enabled == {"GW301", "GW401", "GW402", "GW404"}


@pytest.mark.parametrize(
    ("table", "words", "english"),
    [
        ({"selct": ["GW1"]}, "未知的设置 selct", "unknown setting selct"),
        ({"select": ["GW0"]}, "没有以“GW0”开头", "no rule code starts with “GW0”"),
        ({"ignore": "GW301"}, "列表", "list"),
        ({"levels": {"GW301": "fatal"}}, "不能是“fatal”", "not “fatal”"),
        ({"fail-level": "loud"}, "不能是“loud”", "not “loud”"),
        ({"levels": ["GW301"]}, "组成的表", "a table"),
    ],
)
def test_bad_settings_are_input_errors(table: dict[str, object], words: str, english: str) -> None:
    with pytest.raises(InputError) as info:
        config_from_table(table, "gongwen.toml")
    (finding,) = info.value.findings
    assert finding.code == "CF001"
    assert words in finding.message
    assert finding.location.file == "gongwen.toml"
    with use_language("en"), pytest.raises(InputError) as info:
        config_from_table(table, "gongwen.toml")
    assert english in info.value.findings[0].message


def test_a_broken_configuration_file_stops_the_check(tree: Path) -> None:
    (tree / "gongwen.toml").write_text("[check\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        check_file(tree / "a" / "b" / "n.txt")
    assert info.value.findings[0].code == "CF001"
