"""``gongwen parse``: a published notice (.txt or .docx) into the notice file ``render`` reads.

Exit statuses: 0 the notice was read and written (findings, if any, are warnings printed to
stderr); 2 the file could not be read (too large, not text, not a .docx, hostile XML, no
notice in it) and nothing was written.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from gongwen.atomic import write_bytes_atomic
from gongwen.cli.common import EXIT_OK, print_findings
from gongwen.dumper import dumps_notice
from gongwen.findings import Finding, GongwenError, Level
from gongwen.read import ReadResult, read_file

EPILOG = """\
exit statuses:
  0  the notice was read and written; findings (repairs and damage found) are
     printed to stderr but do not fail the command
  2  the file could not be read (too large, not UTF-8/GB18030 text, not a .docx,
     a zip bomb, XML with a DTD, no notice in it); nothing was written
"""


def notice_yaml(result: ReadResult) -> str:
    """The notice as a YAML notice file, with a comment over every place a finding points to."""
    counts = Counter(f.code for f in result.findings)
    summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items())) or "none"
    head = [
        f"Read by gongwen parse from {Path(result.source).name}.",
        f"Findings: {summary} (codes: docs/reader.md).",
    ]
    head += [f"{key}: {value}".rstrip() for key, value in result.metadata.items()]
    by_line: dict[int, list[str]] = {}
    for path, line in result.lines.items():
        by_line.setdefault(line, []).append(path)
    comments = [
        (max(by_line[f.location.line], key=len), f"{f.code} (line {f.location.line}): {f.message}")
        for f in result.findings
        if f.level != Level.INFO and f.location.line in by_line
    ]
    return dumps_notice(result.notice, "yaml", comments=comments, header="\n".join(head))


def _print_summary(findings: list[Finding], shown: Level) -> None:
    hidden = [f for f in findings if f.level.rank < shown.rank]
    printed = [f for f in findings if f.level.rank >= shown.rank]
    print_findings(sorted(printed, key=lambda f: f.location.line or 0), sys.stderr)
    counts = Counter(f.code for f in findings)
    summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items()))
    if findings:
        note = (
            f" ({len(hidden)} at level info not shown; --level info shows them)" if hidden else ""
        )
        print(f"{len(findings)} findings: {summary}{note}", file=sys.stderr)


def cmd_parse(args: argparse.Namespace) -> int:
    """Read the file, print findings, write the YAML (or print it)."""
    result = read_file(args.file)
    text = notice_yaml(result)
    _print_summary(result.findings, Level(args.level))
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_bytes_atomic(args.output, text.encode("utf-8"))
    except OSError as exc:
        raise GongwenError(f"{args.output}: cannot be written: {exc.strerror}") from None
    print(f"{args.file} -> {args.output}", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``parse``."""
    p = sub.add_parser(
        "parse",
        help="read a published notice (.txt or .docx) into a notice file",
        description=(
            "Read a notice published as text (UTF-8 or GB18030/GBK) or .docx into the YAML "
            "notice file that 'gongwen render' and 'gongwen validate' read. What the reader "
            "repaired or found damaged is printed to stderr with file:line and a code, and "
            "written as comments in the YAML."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=Path, help="the published notice: .txt or .docx")
    p.add_argument(
        "-o", "--output", type=Path, help="the YAML file to write (default: print to stdout)"
    )
    p.add_argument(
        "--level",
        choices=[level.value for level in Level],
        default=Level.WARNING.value,
        help="print findings at this level and above (default: warning)",
    )
    p.set_defaults(func=cmd_parse)


__all__ = ["EPILOG", "cmd_parse", "notice_yaml", "register"]
