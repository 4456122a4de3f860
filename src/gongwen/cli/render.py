"""``gongwen render``: a notice file to a .docx laid out to GB/T 9704."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongwen.cli.common import EXIT_OK
from gongwen.loader import load_notice
from gongwen.render import render


def cmd_render(args: argparse.Namespace) -> int:
    """Load, render and write atomically; on bad input nothing is written."""
    notice = load_notice(args.file)
    output: Path = args.output or Path(args.file.stem + ".docx")
    render(notice, output, template=args.template)
    print(f"{args.file} -> {output}", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``render``."""
    p = sub.add_parser("render", help="render a notice file to .docx (GB/T 9704 layout)")
    p.add_argument("file", type=Path, help="notice file (.yaml, .yml, .json, .toml)")
    p.add_argument(
        "-o", "--output", type=Path, help="the .docx to write (default: FILE's name, .docx)"
    )
    p.add_argument(
        "--template", type=Path, help="your own template .docx (its styles and page setup)"
    )
    p.set_defaults(func=cmd_render)
