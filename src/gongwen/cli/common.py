"""What every subcommand shares: exit statuses and how findings are printed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from gongwen.findings import Finding
from gongwen.widths import columns as text_columns

EXIT_OK = 0
"""Success."""
EXIT_FINDINGS = 1
"""Findings at or above the chosen level (``check``), or some reports failed (``batch``)."""
EXIT_INPUT = 2
"""The input could not be used; nothing was written."""
EXIT_TOOL = 3
"""An external tool (LibreOffice) is missing or failed."""

Command = Callable[[argparse.Namespace], int]

PROG = "gongwen"
"""The command's name, which opens each of its own error lines."""


def output_path(output: Path | None, source: Path, suffix: str) -> Path:
    """Where a command writes what it makes of ``source``: ``-o`` itself, inside ``-o`` when it
    is a folder, and beside the input when there is no ``-o``.

    >>> output_path(None, Path("in/n.yaml"), ".docx").as_posix()
    'in/n.docx'
    >>> output_path(Path("out.docx"), Path("in/n.yaml"), ".docx").as_posix()
    'out.docx'
    """
    if output is None:
        return source.with_suffix(suffix)
    if output.is_dir():
        return output / (source.stem + suffix)
    return output


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns, so that Chinese and English
    lines align alike.

    >>> pad("失败", 8) + "|", pad("failed", 8) + "|"
    ('失败    |', 'failed  |')
    """
    return text + " " * max(0, columns - text_columns(text))


def print_error(message: str, stream: TextIO | None = None, *, command: str = "") -> None:
    """One error line of the command itself: ``gongwen: message`` (``gongwen check: …`` with
    ``command``), on stderr unless ``stream`` says otherwise."""
    who = f"{PROG} {command}" if command else PROG
    print(f"{who}: {message}", file=sys.stderr if stream is None else stream)


def print_findings(findings: Sequence[Finding], stream: TextIO) -> None:
    """One finding a line: ``file:line: path: level CODE: message``."""
    for finding in findings:
        print(finding, file=stream)


__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_TOOL",
    "PROG",
    "Command",
    "output_path",
    "pad",
    "print_error",
    "print_findings",
]
