"""Print the checker's corpus scores at the end of the run (see test_corpus_precision.py)."""

from __future__ import annotations

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.check.test_corpus_precision import SCORES

    for line in SCORES:
        terminalreporter.write_line(line)
