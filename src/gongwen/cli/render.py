"""``gongwen render``: a notice file to a .docx laid out to GB/T 9704."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongwen.check import check_loaded
from gongwen.cli.common import EXIT_FINDINGS, EXIT_OK, print_findings
from gongwen.findings import Level
from gongwen.loader import read_source, validate
from gongwen.model import Notice
from gongwen.write import render


def cmd_render(args: argparse.Namespace) -> int:
    """Load, render and write atomically; on bad input nothing is written."""
    source = read_source(args.file)
    notice = validate(Notice, source)
    findings = check_loaded(notice, source)
    warnings = [f for f in findings if f.level.rank >= Level.WARNING.rank]
    print_findings(warnings, sys.stderr)
    if args.strict and any(f.level == Level.ERROR for f in warnings):
        print(f"{args.file}: not rendered: gongwen check found errors (--strict)", file=sys.stderr)
        return EXIT_FINDINGS
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
    p.add_argument(
        "--strict", action="store_true", help="refuse to render when gongwen check finds errors"
    )
    p.set_defaults(func=cmd_render)


__all__ = ["cmd_render", "register"]
