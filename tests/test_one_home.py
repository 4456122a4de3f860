"""Each small vocabulary is defined in one module: a second copy in ``src/`` fails here.

A lint over the source text, not a proof: it catches the copies that were found before (a
field-path regex, a Finding → dict, namespace URIs), each pattern naming its one home.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src" / "gongwen"

HOMES: dict[str, tuple[str, re.Pattern[str]]] = {
    "field path parsing": ("fieldpath.py", re.compile(re.escape(r"[^.\[\]]+"))),
    "field path functions": ("fieldpath.py", re.compile(r"^def (format|parse)_path\(", re.M)),
    "Finding → dict": ("findings.py", re.compile(r"""["']level["']:\s*\w+\.level""")),
    "dict → Finding": ("findings.py", re.compile(r"Level\(\w+\[[\"']level[\"']\]\)")),
    "OOXML namespaces": ("ooxml.py", re.compile(r"schemas\.openxmlformats\.org|purl\.org/dc")),
    "OOXML part paths": (
        "ooxml.py",
        re.compile(r"=\s*.(word/(document|styles)|docProps/\w+)\.xml"),
    ),
    "the fallback date": ("ooxml.py", re.compile(r"date\(2012, 7, 1\)")),
    "reading an input file": ("loader.py", re.compile(r"^def read_bytes\(", re.M)),
    "the unreadable-file code": ("loader.py", re.compile(r"^CODE_UNREADABLE\s*=", re.M)),
    "notice → file data": ("dumper.py", re.compile(r"model_dump\(mode=\"json\"")),
    "the width of a character": ("widths.py", re.compile(r"east_asian_width")),
}


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("what", sorted(HOMES))
def test_defined_once(what: str) -> None:
    home, pattern = HOMES[what]
    found = [p.relative_to(SRC).as_posix() for p in _sources() if pattern.search(p.read_text())]
    assert found == [home], f"{what} belongs in gongwen/{home} alone"


def test_the_lint_sees_a_copy(tmp_path: Path) -> None:
    """The patterns match the copies that were removed (so they would catch them again)."""
    copies = {
        "field path parsing": '_PART = re.compile(r"([^.\\[\\]]+)|\\[(\\d+)\\]")',
        "field path functions": "def parse_path(path: str) -> list[str | int]:",
        "Finding → dict": '        "level": finding.level.value,',
        "dict → Finding": '        Level(data["level"]),',
        "OOXML namespaces": '_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom"',
        "OOXML part paths": 'STYLES_PART = "word/styles.xml"',
        "the fallback date": "UNDATED = date(2012, 7, 1)",
        "reading an input file": "def read_bytes(path: str | Path, limit: int) -> bytes:",
        "the unreadable-file code": 'CODE_UNREADABLE = "RD100"',
        "notice → file data": 'data = notice.model_dump(mode="json", exclude_defaults=True)',
    }
    for what, text in copies.items():
        assert HOMES[what][1].search(text), what


MAX_MODULE_LINES = 500
LONGER_FOR_NOW = {
    "model.py": "the model: every field of a notice with its description, one schema in one place",
}


def test_modules_stay_short() -> None:
    long = {
        p.relative_to(SRC).as_posix(): n
        for p in _sources()
        if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert set(long) <= set(LONGER_FOR_NOW), {
        k: v for k, v in long.items() if k not in LONGER_FOR_NOW
    }


def test_no_module_is_excused_that_need_not_be() -> None:
    """An allowance for a module that is gone or now short is dropped, not kept for later."""
    lengths = {p.relative_to(SRC).as_posix(): len(p.read_text().splitlines()) for p in _sources()}
    stale = [k for k in LONGER_FOR_NOW if lengths.get(k, 0) <= MAX_MODULE_LINES]
    assert not stale


def test_batch_imports_plainly() -> None:
    """No dependency of batch/ hidden behind importlib (all of gongwen is one distribution)."""
    hidden = [p.name for p in (SRC / "batch").glob("*.py") if "importlib" in p.read_text()]
    assert not hidden
