"""Every command over a generated set of malformed files of every input kind: truncations,
bit flips, deep nesting, big numbers, odd tags, bad encodings. Whatever the file, the command
ends with 0, 1 or 2 and, on 2, a message naming a code; never a traceback, never the
last-resort internal error (IN009), and never a half-written output."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gongwen.cli import main
from gongwen.cli.boundary import CODE_INTERNAL
from gongwen.loader import read_source
from gongwen.write import render_bytes
from gongwen.write.template import default_template_path
from tests.conftest import EXAMPLES, SEED

Mutation = Callable[[bytes], bytes]


def _truncate(fraction: float) -> Mutation:
    return lambda data: data[: int(len(data) * fraction)]


def _flip(seed: int, count: int) -> Mutation:
    def flip(data: bytes) -> bytes:
        rng = random.Random(seed)
        blob = bytearray(data)
        for _ in range(count):
            at = rng.randrange(len(blob))
            blob[at] ^= 1 << rng.randrange(8)
        return bytes(blob)

    return flip


def _text(change: Callable[[str], str]) -> Mutation:
    return lambda data: change(data.decode("utf-8", "replace")).encode("utf-8")


_NUMBER = re.compile(r"\d+")
TEXT_MUTATIONS: dict[str, Mutation] = {
    "empty": lambda data: b"",
    "truncated-third": _truncate(1 / 3),
    "truncated-half": _truncate(1 / 2),
    "truncated-end": _truncate(0.97),
    **{f"flip-{seed}": _flip(seed, 6) for seed in range(4)},
    "nul": lambda data: data[:40] + b"\0" + data[40:],
    "latin1": lambda data: data.decode("utf-8", "replace").encode("latin-1", "replace"),
    "utf16-no-bom": lambda data: data.decode("utf-8", "replace").encode("utf-16-le"),
    "big-numbers": _text(lambda t: _NUMBER.sub("9" * 5000, t, count=3)),
    "deep": lambda data: b"[" * 400 + data + b"]" * 400,
    "python-tag": _text(lambda t: t.replace(": ", ": !!python/object:os.system ", 2)),
    "odd-tags": _text(lambda t: t.replace(": ", ": !foo ", 3)),
    "merge-key": _text(lambda t: "base: &b {x: 1}\n<<: *b\n" + t),
    "long-line": _text(lambda t: t + "\n" + "a@" * 60_000 + "\n"),
    "vertical-tab": _text(lambda t: t.replace("。", "。\v", 5)),
}
ZIP_MUTATIONS: dict[str, Mutation] = {
    "empty": lambda data: b"",
    "truncated-third": _truncate(1 / 3),
    "truncated-end": _truncate(0.97),
    **{f"flip-{seed}": _flip(seed, 3) for seed in range(6)},
    "not-a-zip": lambda data: b"PK\x03\x04" + b"\0" * 100,
}


def _notice_data() -> dict[str, object]:
    data = read_source(EXAMPLES / "full.yaml").data
    assert isinstance(data, dict)
    return data


def _bases() -> dict[str, bytes]:
    from gongwen.loader import notice_from_data

    data = _notice_data()
    import tomlkit

    return {
        "notice.yaml": (EXAMPLES / "full.yaml").read_bytes(),
        "notice.json": json.dumps(data, ensure_ascii=False, default=str).encode("utf-8"),
        "notice.toml": tomlkit.dumps(json.loads(json.dumps(data, default=str))).encode("utf-8"),
        "notice.txt": SEED.read_bytes(),
        "notice.docx": render_bytes(notice_from_data(data)),
        "table.csv": (EXAMPLES / "batch" / "communities.csv").read_bytes(),
        "table.xlsx": (EXAMPLES / "batch" / "communities.xlsx").read_bytes(),
        "batch.yaml": (EXAMPLES / "batch" / "communities.yaml").read_bytes(),
        "template.docx": default_template_path().read_bytes(),
    }


COMMANDS: dict[str, list[list[str]]] = {
    "notice.yaml": [["validate", "{f}"], ["render", "{f}", "-o", "out.docx"], ["check", "{f}"]],
    "notice.json": [["validate", "{f}"], ["render", "{f}", "-o", "out.docx"], ["check", "{f}"]],
    "notice.toml": [["validate", "{f}"], ["render", "{f}", "-o", "out.docx"], ["check", "{f}"]],
    "notice.txt": [["parse", "{f}", "-o", "out.yaml"], ["check", "{f}"]],
    "notice.docx": [["parse", "{f}", "-o", "out.yaml"], ["check", "{f}"]],
    "table.csv": [["batch", "{f}", "-o", "out", "-j", "1", "--no-check"]],
    "table.xlsx": [["batch", "{f}", "-o", "out", "-j", "1", "--no-check"]],
    "batch.yaml": [["batch", "{f}", "-o", "out", "-j", "1", "--no-check"]],
    "template.docx": [["render", "minimal.yaml", "--template", "{f}", "-o", "out.docx"]],
}


def _cases() -> Iterator[tuple[str, str]]:
    for kind in COMMANDS:
        mutations = ZIP_MUTATIONS if kind.endswith((".docx", ".xlsx")) else TEXT_MUTATIONS
        for name in mutations:
            yield kind, name


_BASES: dict[str, bytes] = {}


def _base(kind: str) -> bytes:
    if not _BASES:
        _BASES.update(_bases())
    return _BASES[kind]


@pytest.mark.parametrize(("kind", "mutation"), list(_cases()))
def test_no_traceback_on_a_malformed_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    mutation: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mutations = ZIP_MUTATIONS if kind.endswith((".docx", ".xlsx")) else TEXT_MUTATIONS
    data = mutations[mutation](_base(kind))
    (tmp_path / kind).write_bytes(data)
    (tmp_path / "minimal.yaml").write_bytes((EXAMPLES / "minimal.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    for command in COMMANDS[kind]:
        argv = [part.format(f=kind) for part in command]
        status = main(argv)  # an exception escaping here fails the test with its traceback
        out, err = capsys.readouterr()
        assert status in (0, 1, 2), (argv, err)
        assert CODE_INTERNAL not in err, (argv, err)
        assert "Traceback" not in err + out
        if status == 2:
            assert re.search(r"\b[A-Z]{2}\d{3}\b|gongwen: ", err), (argv, err)
        for left in tmp_path.rglob("*.tmp"):
            raise AssertionError(f"{argv}: temporary file left: {left}")
