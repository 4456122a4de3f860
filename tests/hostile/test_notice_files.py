"""Notice files built to cost unbounded work or to slip past validation: each ends with exit 2
and one line naming its code, quickly and in little memory, for every command that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import InputError, load_notice
from gongwen.check import check_file
from gongwen.limits import LIMITS, MAX_DATA_NODES
from tests.hostile.cases import (
    NOTICE,
    alias_bomb,
    big_json_int,
    deep_json,
    deep_yaml,
    many_problems,
    run_gongwen,
)

MAX_RSS = 200 * 1024 * 1024

CASES = {
    "bomb.yaml": (alias_bomb(), "LM005"),
    "deep.json": (deep_json(), "LM004"),
    "deep.yaml": (deep_yaml(), "LM004"),
    "big.json": (big_json_int(), "LM009"),
    "python-tag.yaml": ("title: !!python/object:os.system x\nbody: [a]\n", "IN012"),
    "foreign-tag.yaml": ("title: T\nbody: !foo [a]\n", "IN012"),
    "merge.yaml": ("base: &b {title: T}\n<<: *b\nbody: [a]\n", "IN012"),
    "loop.yaml": ("title: T\nbody: &r [*r]\n", "IN003"),  # ruamel reads the inner alias as null
    "dup.json": ('{"title": "T", "title": "U", "body": ["a"]}', "IN013"),
    "timestamp.yaml": (NOTICE + "signature: {organs: [某机关], date: 1678752000}\n", "IN003"),
    "epoch.json": ('{"title": "T", "body": ["a"], "published": 0}', "IN003"),
    "feb30.yaml": (NOTICE + "signature: {organs: [某机关], date: 2023-02-30}\n", "IN003"),
    "problems.json": (many_problems(), "LM007"),
    "long.yaml": ("title: T\nbody: ['" + "a" * 200_000 + "']\n", "LM006"),
    "long-quoted.yaml": ('title: T\nbody: ["' + "a" * 100_001 + '"]\n', "LM006"),
}


def test_the_alias_bomb_is_360_bytes_and_would_expand_past_the_limit() -> None:
    bomb = alias_bomb()
    assert len(bomb.encode()) - len(NOTICE.encode()) < 400
    assert MAX_DATA_NODES < 9**9


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_loader_refuses_with_the_code(tmp_path: Path, name: str) -> None:
    text, code = CASES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_notice(path)
    assert code in {f.code for f in info.value.findings}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_checker_refuses_with_the_code(tmp_path: Path, name: str) -> None:
    # gongwen check parses with round-trip parsers of its own (to write fixes back)
    text, code = CASES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        check_file(path)
    assert code in {f.code for f in info.value.findings}


@pytest.mark.parametrize("command", ["validate", "render", "check"])
@pytest.mark.parametrize("name", ["bomb.yaml", "deep.yaml", "big.json", "merge.yaml", "feb30.yaml"])
def test_every_command_exits_2_with_one_line(tmp_path: Path, command: str, name: str) -> None:
    text, code = CASES[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = run_gongwen(command, name, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and code in lines[0], run.stderr
    assert run.max_rss_bytes < MAX_RSS
    assert not (tmp_path / (Path(name).stem + ".docx")).exists()


def test_every_limit_has_a_reason_and_a_documented_code() -> None:
    errors = (Path(__file__).parents[2] / "docs" / "errors.md").read_text(encoding="utf-8")
    for limit in LIMITS.values():
        assert limit.reason and limit.value > 0
        assert limit.code in errors and f"`{limit.name}`" in errors
