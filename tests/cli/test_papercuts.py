"""The command's small courtesies: where output goes, closed pipes, --help of every command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gongwen.cli import EXIT_CLOSED_PIPE, build_parser, main
from gongwen.cli.common import EXIT_INPUT, EXIT_OK
from tests.conftest import EXAMPLES

MINIMAL = EXAMPLES / "minimal.yaml"


def test_without_o_the_docx_goes_beside_the_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in" / "notice.yaml"
    source.parent.mkdir()
    shutil.copy(MINIMAL, source)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["render", str(source)]) == EXIT_OK
    assert (source.parent / "notice.docx").is_file()
    assert list(elsewhere.iterdir()) == []


def test_o_folder_writes_into_the_folder(tmp_path: Path) -> None:
    assert main(["render", str(MINIMAL), "-o", str(tmp_path)]) == EXIT_OK
    assert (tmp_path / "minimal.docx").is_file()
    seed = tmp_path / "n.md"
    seed.write_text("# 关于整改的通知\n\n## 一、总体要求\n\n请落实。\n", "utf-8")
    out = tmp_path / "yaml"
    out.mkdir()
    assert main(["parse", str(seed), "-o", str(out)]) == EXIT_OK
    assert (out / "n.yaml").is_file()


def test_an_output_render_does_not_write_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "n.txt"
    assert main(["render", str(MINIMAL), "-o", str(out)]) == EXIT_INPUT
    assert not out.exists()


CLOSED_PIPE = """
import os, sys
reader, writer = os.pipe()
os.close(reader)  # whoever read our output has gone, as head -1 does
sys.stdout = os.fdopen(writer, "w")
from gongwen.cli import main
sys.stderr.write(f"status {main(['schema'])}\\n")
"""


def test_a_closed_pipe_ends_quietly() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CLOSED_PIPE], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"status {EXIT_CLOSED_PIPE}\n"


def test_every_subcommand_has_a_description() -> None:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, __import__("argparse")._SubParsersAction)]
    missing = [name for name, p in sub.choices.items() if not p.description]
    assert sub.choices and not missing


def test_check_fix_o_folder_writes_each_file_into_the_folder(tmp_path: Path) -> None:
    sources = []
    for name in ("a.txt", "b.txt"):
        path = tmp_path / name
        path.write_text("关于整改的通知\n\n请各社区认真落实,按时报送。\n", encoding="utf-8")
        sources.append(path)
    out = tmp_path / "fixed"
    out.mkdir()
    assert main(["check", "--fix", *map(str, sources), "-o", str(out)]) == EXIT_OK
    for source in sources:
        assert "落实，按时" in (out / source.name).read_text(encoding="utf-8")
        assert "落实,按时" in source.read_text(encoding="utf-8")  # the inputs are left
