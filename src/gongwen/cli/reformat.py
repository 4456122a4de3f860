"""``gongwen format``: drafts typed in Word or WPS (or text) laid out to GB/T 9704."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from gongwen.batch.reformat import FormatStatus, Formatted, format_draft, format_tree
from gongwen.cli.common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, print_findings

_SAID = {
    FormatStatus.WRITTEN: "已排版",
    FormatStatus.SKIPPED: "未改动，跳过",
    FormatStatus.REFUSED: "未排版（--strict：有内容无法保留）",
    FormatStatus.FAILED: "无法排版",
}


def _report(draft: Formatted, verbose: bool) -> None:
    where = f" -> {draft.output}" if draft.output else ""
    print(f"{draft.source}{where}: {_SAID[draft.status]}", file=sys.stderr)
    if draft.errors:
        print_findings(draft.errors, sys.stderr)
    if verbose and draft.changes:
        print_findings(draft.changes, sys.stderr)
    elif draft.changes:
        counts = Counter(f.code for f in draft.changes)
        summary = "，".join(f"{code}×{n}" for code, n in sorted(counts.items()))
        print(f"  改动：{summary}（--verbose 列出每一处）", file=sys.stderr)


def cmd_format(args: argparse.Namespace) -> int:
    """One draft to one file, or a folder to a folder."""
    source: Path = args.input
    if source.is_dir():
        if args.output is None:
            print("gongwen: 排版整个文件夹时须用 -o 指定输出文件夹", file=sys.stderr)
            return EXIT_INPUT
        result = format_tree(
            source, args.output, strict=args.strict, force=args.force, template=args.template
        )
        for draft in result.drafts:
            _report(draft, args.verbose)
        done = Counter(d.status for d in result.drafts)
        print(
            f"{len(result.drafts)} 份文稿：已排版 {done[FormatStatus.WRITTEN]}，"
            f"跳过 {done[FormatStatus.SKIPPED]}，未排版 "
            f"{done[FormatStatus.REFUSED] + done[FormatStatus.FAILED]}；清单 {result.manifest}",
            file=sys.stderr,
        )
        return EXIT_OK if result.ok else EXIT_FINDINGS
    output: Path = args.output or source.with_name(source.stem + "-gbt9704.docx")
    if output.is_dir():
        output = output / (source.stem + ".docx")
    draft = format_draft(source, output, strict=args.strict, template=args.template)
    _report(draft, args.verbose)
    if draft.status is FormatStatus.FAILED:
        return EXIT_INPUT
    return EXIT_FINDINGS if draft.status is FormatStatus.REFUSED else EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``format``."""
    p = sub.add_parser(
        "format",
        help="lay out existing drafts (.docx from Word/WPS, .txt) to GB/T 9704",
        description=(
            "Read each draft into the notice model and render it to the standard's layout, "
            "keeping every word; report what changed (page, fonts, ordinals, punctuation) and "
            "what could not be kept. A folder is done recursively, with a manifest, and a "
            "second run skips the drafts that have not changed."
        ),
    )
    p.add_argument("input", type=Path, help="a draft (.docx, .txt) or a folder of drafts")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the .docx (or folder) to write; default for a draft: NAME-gbt9704.docx beside it",
    )
    p.add_argument("--template", type=Path, help="your own template .docx")
    p.add_argument(
        "--strict",
        action="store_true",
        help="refuse a draft holding what the model cannot keep (images, text boxes, …)",
    )
    p.add_argument("--force", action="store_true", help="format unchanged drafts again")
    p.add_argument("-v", "--verbose", action="store_true", help="list every change")
    p.set_defaults(func=cmd_format)


__all__ = ["cmd_format", "register"]
