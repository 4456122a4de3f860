"""The ``gongwen`` command: the only place that prints and chooses exit statuses.

Each group of subcommands lives in its own module here and registers itself in
:data:`REGISTRARS`; this module parses arguments, runs the command and turns errors into
messages and exit statuses.

Exit statuses: 0 success; 1 findings at or above the chosen level (``check``); 2 the input
could not be used (nothing is written); 3 an external tool (LibreOffice) is missing or failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from gongwen import __version__
from gongwen.cli import batch, check, convert, notice, parse, reformat, render
from gongwen.cli.common import EXIT_INPUT, Command, print_findings
from gongwen.findings import GongwenError, InputError

Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

REGISTRARS: list[Registrar] = [
    notice.register,
    render.register,
    parse.register,
    convert.register,
    batch.register,
    check.register,
    reformat.register,
]
"""Each module of subcommands adds its parsers through one of these."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="gongwen",
        description="Chinese official documents (公文) as .docx, laid out to GB/T 9704-2012.",
    )
    parser.add_argument("--version", action="version", version=f"gongwen {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except InputError as exc:
        print_findings(exc.findings, sys.stderr)
        return EXIT_INPUT
    except GongwenError as exc:
        print(f"gongwen: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:  # an output folder that does not exist, a full disk, …
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"gongwen: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("gongwen: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["REGISTRARS", "Registrar", "build_parser", "main"]
