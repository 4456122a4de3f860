"""``gongwen render``: a notice file to a .docx laid out to GB/T 9704."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.cli.common import EXIT_FINDINGS, EXIT_OK, output_path, print_findings
from gongwen.findings import Finding, Level
from gongwen.i18n import _, ngettext

if TYPE_CHECKING:
    from gongwen.model import Notice


def cmd_render(args: argparse.Namespace) -> int:
    """Load, render and write atomically; on bad input nothing is written."""
    from gongwen.atomic import refuse_input_as_output
    from gongwen.check import check_loaded
    from gongwen.loader import (
        MARKDOWN_SUFFIXES,
        read_source,
        seal_images_beside,
        typed_ordinals,
        validate,
    )
    from gongwen.model import Notice
    from gongwen.write import render

    if args.file.suffix.lower() in MARKDOWN_SUFFIXES:
        notice, findings, dropped = _markdown(args.file, args.keep_typed_ordinals)
    else:
        source = read_source(args.file)
        notice, dropped_findings = typed_ordinals(
            validate(Notice, source), source, keep=args.keep_typed_ordinals
        )
        dropped = len(dropped_findings)
        findings = check_loaded(notice, source)
    if dropped:
        line = ngettext(
            "{file}：删去了 {n} 个键入的序号，按位置重新生成",
            "{file}：删去了 {n} 个键入的序号，按位置重新生成",
            dropped,
        )
        print(line.format(file=args.file, n=dropped), file=sys.stderr)
    notice = seal_images_beside(notice, args.file.parent)
    warnings = [f for f in findings if f.level.rank >= Level.WARNING.rank]
    print_findings(warnings, sys.stderr)
    if args.strict and any(f.level == Level.ERROR for f in warnings):
        message = _("{file}：未生成：gongwen check 发现了错误（--strict）")
        print(message.format(file=args.file), file=sys.stderr)
        return EXIT_FINDINGS
    output = output_path(args.output, args.file, ".docx")
    refuse_input_as_output(output, [args.file, *([args.template] if args.template else [])])
    render(notice, output, template=args.template)
    print(f"{args.file} -> {output}", file=sys.stderr)
    return EXIT_OK


def _markdown(path: Path, keep_typed_ordinals: bool) -> tuple[Notice, list[Finding], int]:
    """A Markdown notice read as its author wrote it (typed ordinals held to the derived ones,
    as a notice file's), with what the reader noticed, what the checker finds, and how many
    typed ordinals were dropped."""
    from gongwen.check import check_notice
    from gongwen.read.authored import read_authored_markdown

    result, dropped = read_authored_markdown(path, keep_typed_ordinals=keep_typed_ordinals)
    findings = [*result.findings, *check_notice(result.notice, file=str(path))]
    return result.notice, findings, len(dropped)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``render``."""
    p = sub.add_parser("render", help=_("把公文文件生成 .docx（GB/T 9704 版式）"))
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=_("公文文件（.yaml、.yml、.json、.toml 或 Markdown .md）"),
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help=_("要写的 .docx（或 .pdf），或写入的文件夹（默认：写在 FILE 旁边，同名，后缀 .docx）"),
    )
    p.add_argument(
        "--template",
        type=Path,
        metavar="TEMPLATE",
        help=_("自己的模板 .docx（用它的样式和页面设置）"),
    )
    p.add_argument("--strict", action="store_true", help=_("gongwen check 发现错误时拒绝生成"))
    p.add_argument(
        "--keep-typed-ordinals",
        action="store_true",
        help=_(
            "保留正文中键入的序号（一、…，问题1：…，一是…），即使与 gongwen 推出的不一致"
            "（默认：删去一致的，拒绝不一致的）"
        ),
    )
    p.set_defaults(func=cmd_render)


__all__ = ["cmd_render", "register"]
