"""``gongwen render``: a notice file to a .docx laid out to GB/T 9704."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.cli.common import EXIT_FINDINGS, EXIT_OK, output_path, print_findings
from gongwen.findings import Finding, Level

if TYPE_CHECKING:
    from gongwen.model import Notice

MARKDOWN_SUFFIXES = (".md", ".markdown")  # gongwen.loader.MARKDOWN_SUFFIXES, without its imports


def cmd_render(args: argparse.Namespace) -> int:
    """Load, render and write atomically; on bad input nothing is written."""
    from gongwen.atomic import refuse_input_as_output
    from gongwen.check import check_loaded
    from gongwen.loader import read_source, seal_images_beside, typed_ordinals, validate
    from gongwen.model import Notice
    from gongwen.write import render

    if args.file.suffix.lower() in MARKDOWN_SUFFIXES:
        notice, findings = _markdown(args.file)
    else:
        source = read_source(args.file)
        notice, dropped = typed_ordinals(
            validate(Notice, source), source, keep=args.keep_typed_ordinals
        )
        if dropped:
            print(
                f"{args.file}: 删去了 {len(dropped)} 个键入的序号，按位置重新生成 "
                f"(dropped {len(dropped)} typed ordinals that match the derived ones)",
                file=sys.stderr,
            )
        findings = check_loaded(notice, source)
    notice = seal_images_beside(notice, args.file.parent)
    warnings = [f for f in findings if f.level.rank >= Level.WARNING.rank]
    print_findings(warnings, sys.stderr)
    if args.strict and any(f.level == Level.ERROR for f in warnings):
        print(f"{args.file}: not rendered: gongwen check found errors (--strict)", file=sys.stderr)
        return EXIT_FINDINGS
    output = output_path(args.output, args.file, ".docx")
    refuse_input_as_output(output, [args.file, *([args.template] if args.template else [])])
    render(notice, output, template=args.template)
    print(f"{args.file} -> {output}", file=sys.stderr)
    return EXIT_OK


def _markdown(path: Path) -> tuple[Notice, list[Finding]]:
    """A Markdown notice read by the reader, with what it dropped and what the checker finds."""
    from gongwen.check import check_notice
    from gongwen.read.markdown import read_markdown_file

    result = read_markdown_file(path)
    return result.notice, [*result.findings, *check_notice(result.notice, file=str(path))]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``render``."""
    p = sub.add_parser("render", help="render a notice file to .docx (GB/T 9704 layout)")
    p.add_argument(
        "file", type=Path, help="notice file (.yaml, .yml, .json, .toml or Markdown .md)"
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the .docx (or .pdf) to write, or a folder to write it into "
        "(default: beside FILE, with its name and .docx)",
    )
    p.add_argument(
        "--template", type=Path, help="your own template .docx (its styles and page setup)"
    )
    p.add_argument(
        "--strict", action="store_true", help="refuse to render when gongwen check finds errors"
    )
    p.add_argument(
        "--keep-typed-ordinals",
        action="store_true",
        help="keep ordinals typed in the text (一、…, 问题1：…, 一是…) as typed, even where "
        "they disagree with the ones gongwen derives (default: drop matching ones, refuse others)",
    )
    p.set_defaults(func=cmd_render)


__all__ = ["cmd_render", "register"]
