"""Patterns compiled on first use: the same answers as ``re``, and no compiling at import."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from gongwen.lazy_regex import LazyPattern, lazy_compile
from tests.conftest import ROOT

SRC = ROOT / "src" / "gongwen"

TEXT = "2023年3月14日，区委第3巡察组；问题12：整改。二是加强学习"
CASES = [
    (r"([0-9]+)(年|月)", 0),
    (r"^二是", re.M),
    (r"[㐀-䶿一-鿿]+", 0),
    (r"(问题)?([0-9]+)", 0),
]


@pytest.mark.parametrize(("pattern", "flags"), CASES)
def test_answers_as_re_does(pattern: str, flags: int) -> None:
    lazy, plain = lazy_compile(pattern, flags), re.compile(pattern, flags)
    assert not lazy.compiled_yet
    assert lazy.findall(TEXT) == plain.findall(TEXT)
    assert lazy.compiled_yet
    assert [m.span() for m in lazy.finditer(TEXT, 2)] == [m.span() for m in plain.finditer(TEXT, 2)]
    for method in ("search", "match", "fullmatch"):
        got, want = getattr(lazy, method)(TEXT, 1), getattr(plain, method)(TEXT, 1)
        assert (got and got.span()) == (want and want.span()), method
    assert lazy.sub("#", TEXT, 2) == plain.sub("#", TEXT, 2)
    assert lazy.subn(lambda m: m.group().upper(), TEXT) == plain.subn(
        lambda m: m.group().upper(), TEXT
    )
    assert lazy.split(TEXT, 3) == plain.split(TEXT, 3)
    assert (lazy.pattern, lazy.flags) == (pattern, flags)
    assert lazy.compiled is lazy.compiled  # compiled once, then kept
    assert lazy.search == lazy.compiled.search  # later calls go straight to the pattern


def test_a_bad_pattern_fails_when_first_used() -> None:
    bad = lazy_compile("(unclosed")
    with pytest.raises(re.error):
        bad.search("x")


MODULE_LEVEL_COMPILE = re.compile(r"^[A-Z_][A-Z_0-9]*(?:: [^=]+)? = re\.compile\(", re.M)
EAGER_ON_PURPOSE = {"model.py": "its two patterns serve every validation of every notice"}


def test_module_level_patterns_are_lazy() -> None:
    """A pattern at module level costs its compiling at every start of the command (1–2 ms
    with a CJK class); ``lazy_compile`` defers it to the first use."""
    eager = sorted(
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if MODULE_LEVEL_COMPILE.search(p.read_text(encoding="utf-8"))
    )
    assert set(eager) <= set(EAGER_ON_PURPOSE), eager
    assert MODULE_LEVEL_COMPILE.search('_X = re.compile(r"x")')  # the lint sees one


def test_importing_the_checker_and_reader_compiles_no_pattern() -> None:
    code = (
        "import sys, gongwen.check, gongwen.read, gongwen.write\n"
        "from gongwen.lazy_regex import LazyPattern\n"
        "done = [f'{n}.{a}' for n, m in list(sys.modules.items()) if n.startswith('gongwen')\n"
        "        for a, v in vars(m).items() if isinstance(v, LazyPattern) and v.compiled_yet]\n"
        "total = sum(isinstance(v, LazyPattern) for n, m in list(sys.modules.items())\n"
        "            if n.startswith('gongwen') for v in vars(m).values())\n"
        "print(total, done)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    total, compiled = out.stdout.split(" ", 1)
    assert int(total) > 50  # the patterns are there, and lazy
    assert compiled.strip() == "[]"


def test_repr_names_the_pattern() -> None:
    assert repr(LazyPattern("a+", re.M)) == "lazy_compile('a+', re.MULTILINE)"
