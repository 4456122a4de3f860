"""The ``gongwen`` command: the only place that prints and chooses exit statuses.

Each group of subcommands lives in its own module here and registers itself in
:data:`REGISTRARS`; this module parses arguments, runs the command and turns errors into
messages and exit statuses.

Exit statuses: 0 success; 1 findings at or above the chosen level (``check``); 2 the input
could not be used (nothing is written); 3 an external tool (LibreOffice) is missing or failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from gongwen import __version__
from gongwen.cli import batch, check, convert, notice, parse, reformat, render, worker
from gongwen.cli.boundary import internal_error, stop_on_sigterm
from gongwen.cli.common import EXIT_INPUT, Command, print_error, print_findings
from gongwen.cli.helpformat import HelpFormatter
from gongwen.findings import GongwenError, InputError
from gongwen.i18n import LANGUAGES, _, argparse_gettext, argparse_ngettext, use_language
from gongwen.oserror import os_error_line

Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

REGISTRARS: list[Registrar] = [
    notice.register,
    render.register,
    parse.register,
    convert.register,
    batch.register,
    check.register,
    reformat.register,
    worker.register,
]
"""Each module of subcommands adds its parsers through one of these."""


EXIT_CLOSED_PIPE = 141
"""The reader of our output went away (``gongwen schema | head -1``): 128 + SIGPIPE, quietly."""


class _Subcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose ``--help`` opens with their one-line help when they give no
    description, so that every ``gongwen COMMAND --help`` says what the command does."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if kwargs.get("description") is None and kwargs.get("help"):
            kwargs["description"] = kwargs["help"]
        kwargs.setdefault("formatter_class", HelpFormatter)
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="gongwen",
        formatter_class=HelpFormatter,
        description=_(
            "按 GB/T 9704-2012《党政机关公文格式》排版的公文 .docx：生成、检查、读取、批量制作。"
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"gongwen {__version__}",
        help=_("显示版本号并退出"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("消息的语言：zh 中文（默认）或 en 英文；不给时按环境变量 GONGWEN_LANG 和 LANG"),
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", action=_Subcommands
    )
    for register in REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    with _in_language(_language_asked(arguments)):
        parser = build_parser()
        args = parser.parse_args(arguments)
        func: Command = args.func
        with stop_on_sigterm():
            return _run(func, args)


def _language_asked(arguments: Sequence[str]) -> str | None:
    """The value of ``--lang`` given before the subcommand, read before the parser is built
    (its help texts are written in that language).

    >>> _language_asked(["--lang", "en", "check", "n.yaml"]), _language_asked(["--lang=zh"])
    ('en', 'zh')
    >>> _language_asked(["check", "--lang", "en"]) is None
    True
    """
    for i, token in enumerate(arguments):
        if token == "--lang" and i + 1 < len(arguments):
            return arguments[i + 1] if arguments[i + 1] in LANGUAGES else None
        if token.startswith("--lang="):
            value = token.partition("=")[2]
            return value if value in LANGUAGES else None
        if not token.startswith("-"):
            return None
    return None


@contextmanager
def _in_language(lang: str | None) -> Iterator[None]:
    """Messages in ``lang`` (or the locale's), argparse's own words too, while the command
    runs; argparse is given back its own words afterwards (``main`` may run inside a host)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = argparse_ngettext  # type: ignore[attr-defined]
    try:
        if lang is None:
            yield
        else:
            with use_language(lang):
                yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _run(func: Command, args: argparse.Namespace) -> int:
    try:
        status = func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except BrokenPipeError:
        # Nobody reads the rest: stop quietly, with no "Exception ignored" at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_CLOSED_PIPE
    except InputError as exc:
        print_findings(exc.findings, sys.stderr)
        return EXIT_INPUT
    except GongwenError as exc:
        print_error(str(exc))
        return EXIT_INPUT
    except OSError as exc:  # an output folder that does not exist, a full disk, …
        print_error(os_error_line(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        print_error(_("已中断"))
        return 130
    except (RecursionError, MemoryError, ValueError, TypeError, KeyError, LookupError) as exc:
        # The last boundary: an input that got past every check into code that did not
        # expect it. One line and exit 2, never a traceback; the code says it is gongwen's bug.
        print_error(internal_error(exc))
        return EXIT_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["REGISTRARS", "Registrar", "build_parser", "main"]
