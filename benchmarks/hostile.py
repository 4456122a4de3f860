"""Hostile inputs beside normal ones of the same size: a regression shows as a ratio (issue 12).

    python benchmarks/hostile.py [--repeat 3]

Each row times one worst case from issue 12 and a normal input of about the same size, in
this process (best of ``--repeat``), and prints the ratio hostile / normal. A case that is
refused by a limit is timed until its refusal: the ratio says that the refusal is cheap. No
assertion: the figures are for reading (a ratio far above 1 for a case that once took
minutes — 200 KB of letters in one paragraph, the 360-byte alias bomb — means linear work
has become something worse).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gongwen.check import check_text  # noqa: E402
from gongwen.findings import InputError  # noqa: E402
from gongwen.loader import parse_source, validate  # noqa: E402
from gongwen.model import Notice  # noqa: E402
from gongwen.read import read_docx_bytes, read_text  # noqa: E402
from gongwen.write import render_bytes  # noqa: E402
from gongwen.write.template import default_template_path  # noqa: E402
from gongwen.write.template_check import read_template_parts  # noqa: E402
from tests.hostile.cases import (  # noqa: E402
    NOTICE,
    alias_bomb,
    big_json_int,
    deep_json,
    many_problems,
)


def _best(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(InputError):  # refused: what is timed is the refusal
            work()
        best = min(best, time.perf_counter() - start)
    return best


def _paragraph(unit: str, n: int) -> str:
    return "关于整改情况的通报\n\n" + (unit * (n // len(unit) + 1))[: n - 1] + "。\n"


def _normal_yaml(size: int) -> str:
    line = "  - 请于4月1日前完成整治，确保整改取得实效。\n"
    return NOTICE + line * max(1, (size - len(NOTICE)) // len(line.encode()))


def _docx_with(text: str) -> bytes:
    from gongwen.loader import notice_from_data

    return render_bytes(notice_from_data({"title": "关于整改情况的通报", "body": [text]}))


def _bomb_template(size: int) -> Path:
    path = Path(sys.argv[0]).resolve().parent / ".hostile-template.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * size)
    path.write_bytes(out.getvalue())
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat

    letters = _paragraph("abcdefghij", 200_000)
    cjk = _paragraph("整改落实巡察问题通报", 200_000)
    under_limit_letters = _paragraph("ab.c@", 99_000)
    under_limit_cjk = _paragraph("整改落实巡察问题通报", 99_000)
    bomb = alias_bomb()
    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        (
            "YAML alias bomb (360 B) vs a notice of 360 B",
            lambda: parse_source(bomb, "yaml"),
            lambda: parse_source(_normal_yaml(len(bomb.encode())), "yaml"),
        ),
        (
            "JSON 300 deep vs flat",
            lambda: parse_source(deep_json(), "json"),
            lambda: parse_source(json.dumps({"title": "T", "body": ["a"] * 150}), "json"),
        ),
        (
            "JSON 5,000-digit integer vs 5,000 characters of text",
            lambda: parse_source(big_json_int(), "json"),
            lambda: parse_source(json.dumps({"title": "T", "body": ["a" * 5000]}), "json"),
        ),
        (
            "10,000 problems (refused) vs 9,999 (read)",
            lambda: validate(Notice, parse_source(many_problems(10_000), "json")),
            lambda: validate(Notice, parse_source(many_problems(9_999), "json")),
        ),
        (
            "parse: 200 KB of letters in one paragraph (refused) vs CJK",
            lambda: read_text(letters),
            lambda: read_text(cjk),
        ),
        (
            "parse: 99k e-mail-like characters vs 99k CJK",
            lambda: read_text(under_limit_letters),
            lambda: read_text(under_limit_cjk),
        ),
        (
            "check: 99k e-mail-like characters vs 99k CJK",
            lambda: check_text(under_limit_letters),
            lambda: check_text(under_limit_cjk),
        ),
        (
            ".docx: 99k e-mail-like characters vs 99k CJK",
            (lambda data: lambda: read_docx_bytes(data))(
                _docx_with(under_limit_letters.split("\n")[2])
            ),
            (lambda data: lambda: read_docx_bytes(data))(
                _docx_with(under_limit_cjk.split("\n")[2])
            ),
        ),
    ]
    bomb_template = _bomb_template(150 * 1024 * 1024)
    cases.append(
        (
            "template expanding to 150 MB (refused) vs gongwen's own",
            lambda: read_template_parts(bomb_template),
            lambda: read_template_parts(default_template_path()),
        )
    )
    print(f"{'case':<62} {'hostile':>10} {'normal':>10} {'ratio':>7}")
    try:
        for name, hostile, normal in cases:
            a, b = _best(hostile, repeat), _best(normal, repeat)
            print(f"{name:<62} {a * 1000:>8.1f}ms {b * 1000:>8.1f}ms {a / max(b, 1e-6):>7.2f}")
    finally:
        bomb_template.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
