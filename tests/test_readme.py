"""The README's quick start: the first command installs only what rendering needs, the second
is the test command that CI runs."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

TEST_TOOLS = ("pytest", "hypothesis", "mypy", "ruff", "dask", "pymupdf", "openxml-audit")


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    return block.group(1).strip().splitlines()


def test_the_first_command_installs_no_test_tool() -> None:
    first = _quick_start()[0]
    assert first.startswith("pip install -e . && gongwen render ")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"]).lower()
    assert not [tool for tool in TEST_TOOLS if tool in runtime]


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    second = _quick_start()[1]
    assert second == 'pip install -e ".[test]" && python -m pytest'
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert second in ci


def test_the_licence_is_the_one_pyproject_names() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and licence.startswith("MIT License")
    assert "gongwen developers" in licence
