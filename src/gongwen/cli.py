"""The ``gongwen`` command: the only place that prints and chooses exit statuses.

Exit statuses: 0 success; 1 findings at or above the chosen level (``check``); 2 the input
could not be used (nothing is written); 3 an external tool (LibreOffice) is missing or failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from gongwen import __version__
from gongwen.findings import Finding, GongwenError, InputError
from gongwen.loader import load_notice
from gongwen.model import Notice
from gongwen.summary import summarize

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_TOOL = 3

Command = Callable[[argparse.Namespace], int]


def _print_findings(findings: Sequence[Finding], stream: TextIO) -> None:
    for finding in findings:
        print(finding, file=stream)


def cmd_validate(args: argparse.Namespace) -> int:
    """Load a notice file and print a one-line summary, or its errors."""
    notice = load_notice(args.file)
    print(f"{args.file}: ok: {summarize(notice)}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the notice input format."""
    schema = Notice.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "gongwen notice"
    print(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="gongwen",
        description="Chinese official documents (公文) as .docx, laid out to GB/T 9704-2012.",
    )
    parser.add_argument("--version", action="version", version=f"gongwen {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check that a notice file loads; print a summary")
    p.add_argument("file", type=Path, help="notice file (.yaml, .yml, .json, .toml)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of the notice input format")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except InputError as exc:
        _print_findings(exc.findings, sys.stderr)
        return EXIT_INPUT
    except GongwenError as exc:
        print(f"gongwen: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("gongwen: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
