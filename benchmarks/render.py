"""Rendering speed, one process: gongwen vs docxtpl on the canonical example (issue 3).

    python benchmarks/render.py [--seconds 5]

Prints documents per second for gongwen (render_bytes of a loaded notice: composing,
numbering and writing the .docx), docxtpl and plain python-docx on equivalent content (see
_alternatives.py), and gongwen's ratio to docxtpl. The aim is a ratio of at least 4.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _alternatives import (
    check_equivalent,
    docxtpl_bytes,
    paragraphs,
    python_docx_bytes,
    style_names,
    write_docxtpl_template,
)

from gongwen import load_notice
from gongwen.write import render_bytes

CANONICAL = Path(__file__).resolve().parents[1] / "examples" / "erqi-xincun-2023.yaml"


def rate(make: Callable[[], bytes], seconds: float) -> float:
    """Documents per second over about ``seconds`` (at least 5 documents)."""
    count, start = 0, time.perf_counter()
    while True:
        make()
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds and count >= 5:
            return count / elapsed


def best_rates(
    tools: dict[str, Callable[[], bytes]], seconds: float, rounds: int = 3
) -> dict[str, float]:
    """Each tool's best rate over ``rounds`` rounds, the tools taking turns within a round so
    that a busy moment on the machine weighs on all of them alike (best of, as timeit)."""
    for make in tools.values():
        make()  # warm-up: imports, caches
    best = dict.fromkeys(tools, 0.0)
    for _ in range(rounds):
        for name, make in tools.items():
            best[name] = max(best[name], rate(make, seconds / rounds))
    return best


def main(argv: list[str]) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=6.0, help="time per tool (default 6)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, best kept (default 5)")
    args = parser.parse_args(argv)
    notice = load_notice(CANONICAL)
    blocks = paragraphs(notice)
    names = style_names()
    with tempfile.TemporaryDirectory() as tmp:
        template = write_docxtpl_template(Path(tmp), sorted({b.style for b in blocks}))
        ours = render_bytes(notice)
        check_equivalent(ours, docxtpl_bytes(template, blocks))
        check_equivalent(ours, python_docx_bytes(blocks, names))
        rates = best_rates(
            {
                "gongwen": lambda: render_bytes(notice),
                "docxtpl": lambda: docxtpl_bytes(template, blocks),
                "python-docx": lambda: python_docx_bytes(blocks, names),
            },
            args.seconds,
            args.rounds,
        )
    print(f"canonical example ({len(blocks)} paragraphs), one process:")
    for tool, rate in rates.items():
        print(f"  {tool:12} {rate:8.1f} documents/s  ({1000 / rate:6.1f} ms each)")
    ratio = rates["gongwen"] / rates["docxtpl"]
    print(f"  gongwen / docxtpl: {ratio:.1f}x (aim: at least 4x)")
    print(f"  gongwen / python-docx: {rates['gongwen'] / rates['python-docx']:.1f}x")
    return 0 if ratio >= 4 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
