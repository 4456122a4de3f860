"""The command line: summaries, exit statuses, clear messages, nothing written on bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from gongwen.cli import main
from tests.conftest import EXAMPLES, ROOT, SEED, gongwen_command

run = gongwen_command


def test_validate_reports_the_seed_notices_structure() -> None:
    result = run("validate", str(EXAMPLES / "erqi-xincun-2023.yaml"))
    assert result.returncode == 0
    assert "3个一级标题，4个二级标题" in result.stdout
    assert "16个问题" in result.stdout
    english = run("--lang", "en", "validate", str(EXAMPLES / "erqi-xincun-2023.yaml"))
    assert ": ok: 3 top-level sections, 4 subsections" in english.stdout
    assert "16 problems, 31 measures, 0 attachments" in english.stdout


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_validates(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(path)]) == 0
    assert "：无误：" in capsys.readouterr().out


BAD_INPUTS = {
    "syntax.yaml": "title: [\n",
    "unknown.yaml": "title: t\nbody: [p]\ncolour: red\n",
    "empty-title.yaml": "title: ''\nbody: [p]\n",
    "bad-date.yaml": "title: t\nbody: [p]\nsignature: {organs: [a], date: 2023-02-30}\n",
    "copy-number.yaml": "title: t\nbody: [p]\nheader: {copy_number: '123'}\n",
    "doc-number.yaml": "title: t\nbody: [p]\nheader: {document_number: X发〔2023〕第5号}\n",
    "xml-char.yaml": 'title: t\nbody: ["a\\u0001b"]\n',
    "not-utf8.yaml": None,
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
@pytest.mark.parametrize("command", ["validate", "render"])
def test_bad_input_exits_2_with_a_located_message_and_writes_nothing(
    name: str, command: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    text = BAD_INPUTS[name]
    if text is None:
        path.write_bytes("title: 通知\nbody: [内容]\n".encode("gb18030"))
    else:
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.docx"
    args = [command, str(path)] + (["-o", str(out)] if command == "render" else [])
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(str(path))}(:\d+)?: ", result.stderr), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_yaml_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("title: t\nbody:\n  - p\n  - section:\n      heading: ''\n", encoding="utf-8")
    result = run("validate", str(path))
    assert f"{path}:5: body[1].section.heading: 错误 IN003: 不能为空" in result.stderr


def test_render_writes_the_docx(tmp_path: Path) -> None:
    out = tmp_path / "notice.docx"
    result = run("render", str(EXAMPLES / "erqi-xincun-2023.yaml"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"


def test_schema_describes_every_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    yaml = YAML(typ="safe")
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = json.loads(json.dumps(yaml.load(path), default=str))
        jsonschema.validate(data, schema)


def test_schema_rejects_what_the_loader_rejects(capsys: pytest.CaptureFixture[str]) -> None:
    main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "t", "body": [{"chapter": {}}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "t", "body": ["p"], "colour": 1}, schema)


def test_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, re.S)
    code = code.replace('"examples/', f'"{EXAMPLES}/')
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "notice.docx").read_bytes()[:2] == b"PK"


def test_the_seed_copy_is_the_shared_seed() -> None:
    """tests/data/seed.txt is ../shared/seed/…; where the shared folder is beside the clone,
    the two must not drift apart."""
    shared = ROOT.parent / "shared" / "seed" / "000_12b1316753024736.txt"
    if not shared.exists():
        pytest.skip(f"no shared folder beside the clone ({shared})")
    assert SEED.read_bytes() == shared.read_bytes()


def test_the_clis_light_copies_of_constants_agree_with_their_homes() -> None:
    from gongwen.cli import batch, convert
    from gongwen.model import RectificationStatus
    from gongwen.office.convert import DEFAULT_DPI

    assert convert.PREVIEW_DPI == DEFAULT_DPI
    assert tuple(s.value for s in RectificationStatus) == batch.STATUSES


# What a command may load: batch scripts start ``gongwen`` once a file, so every import is paid
# each time (benchmarks/startup.py measures the whole process).
NEVER_AT_START = ("docx", "lxml", "jieba", "pypinyin", "babel", "openpyxl", "markdown_it")
"""Libraries that neither ``gongwen --help`` nor ``gongwen schema`` loads."""
NOT_FOR_RENDER = ("docx", "jieba", "pypinyin", "babel", "openpyxl", "markdown_it", "tomlkit")
"""Libraries that ``gongwen render`` of a YAML notice whose title fits one line never loads
(jieba comes only to break a longer title)."""


def _modules_after_cli(*args: str, cache: Path) -> set[str]:
    """The modules (top-level names, and gongwen's in full) loaded by running the command, in
    a process started after a first one has filled the catalog cache (``gongwen.i18n``)."""
    code = (
        "import contextlib, io, sys\n"
        "from gongwen.cli import main\n"
        "out, err = io.StringIO(), io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):\n"
        "    try:\n"
        "        status = main(sys.argv[1:])\n"
        "    except SystemExit as exit:\n"
        "        status = exit.code\n"
        "print(status)\n"
        "print('\\n'.join(sys.modules))\n"
    )
    env = {**os.environ, "GONGWEN_CACHE_DIR": str(cache)}
    command = [sys.executable, "-c", code, *args]
    subprocess.run(command, capture_output=True, check=True, env=env)  # the first start
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    status, *names = out.stdout.split()
    assert status == "0", out.stdout[:200]
    return {n for n in names if n.startswith("gongwen.")} | {n.split(".")[0] for n in names}


def test_help_loads_no_model_renderer_checker_or_heavy_library(tmp_path: Path) -> None:
    loaded = _modules_after_cli("--help", cache=tmp_path)
    heavy = {*NEVER_AT_START, "pydantic", "ruamel", "tomlkit"} & loaded
    assert not heavy, sorted(heavy)
    ours = {"gongwen.check", "gongwen.batch", "gongwen.model", "gongwen.write", "gongwen.read"}
    assert not ours & loaded, sorted(ours & loaded)
    assert "gongwen.cli.render" in loaded  # the check looks where it should


def test_render_loads_only_what_rendering_a_notice_needs(tmp_path: Path) -> None:
    loaded = _modules_after_cli(
        "render", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "m.docx"), cache=tmp_path
    )
    assert (tmp_path / "m.docx").stat().st_size > 0
    assert not set(NOT_FOR_RENDER) & loaded, sorted(set(NOT_FOR_RENDER) & loaded)
    assert {"lxml", "pydantic", "ruamel", "gongwen.check", "gongwen.write"} <= loaded
    # a notice is checked as a model: the scan of text lines and its recogniser stay out
    skipped = {"gongwen.batch", "gongwen.read", "gongwen.office", "gongwen.check.scan"}
    assert not (skipped | {"gongwen.recognise.lines"}) & loaded


def test_schema_loads_the_model_but_not_the_renderer_or_checker(tmp_path: Path) -> None:
    loaded = _modules_after_cli("schema", cache=tmp_path)
    assert "pydantic" in loaded
    assert not {*NEVER_AT_START, "ruamel"} & loaded, sorted({*NEVER_AT_START, "ruamel"} & loaded)
    assert not {"gongwen.check", "gongwen.write", "gongwen.batch"} & loaded
