"""What every subcommand shares: exit statuses and how findings are printed."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TextIO

from gongwen.findings import Finding

EXIT_OK = 0
"""Success."""
EXIT_FINDINGS = 1
"""Findings at or above the chosen level (``check``), or some reports failed (``batch``)."""
EXIT_INPUT = 2
"""The input could not be used; nothing was written."""
EXIT_TOOL = 3
"""An external tool (LibreOffice) is missing or failed."""

Command = Callable[[argparse.Namespace], int]


def print_findings(findings: Sequence[Finding], stream: TextIO) -> None:
    """One finding a line: ``file:line: path: level CODE: message``."""
    for finding in findings:
        print(finding, file=stream)


__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "EXIT_TOOL", "Command", "print_findings"]
