"""Shared fixtures: paths of the examples and the seed."""

from __future__ import annotations

import gettext
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# The tests read gongwen's messages in Chinese, its default, whatever the machine's locale says
# (a CI runner with LANG=en_US.UTF-8 would otherwise get English); tests of English ask for it.
# Set before gongwen is imported, and inherited by the commands the tests run.
os.environ["GONGWEN_LANG"] = "zh"
# No test starts a worker behind the user's back: a command the tests run as the console
# script runs in-process, unless tests/cli/test_worker.py turns the worker on in a folder of
# its own (and stops it).
os.environ["GONGWEN_WORKER"] = "0"

# CI runs the property tests on the same examples every time (derandomized), so a landing never
# depends on which examples a run happened to draw; runs elsewhere keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = ROOT / "tests" / "data" / "000_12b1316753024736.txt"
"""The published notice the project grew from, as scraped (a copy of ../shared/seed/…), so that
the tests that read it run wherever the repository is cloned."""


def gongwen_command(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The ``gongwen`` command in a subprocess, as a user runs it; ``env`` added to this
    process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "gongwen.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=None if env is None else {**os.environ, **env},
        check=False,
    )


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


class Marked(gettext.NullTranslations):
    """A pseudo catalog: every message it is asked for comes back as ⟦message⟧, so that a
    message that does not come back marked was never put through the catalog."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"⟦{msgid1 if n == 1 else msgid2}⟧"


@pytest.fixture
def marked() -> Iterator[None]:
    """English asked for, answered by :class:`Marked` instead of the real catalog."""
    from gongwen import i18n

    i18n._reset()
    i18n._catalogs[(i18n.DOMAIN, "en")] = Marked()
    try:
        with i18n.use_language("en"):
            yield
    finally:
        i18n._reset()
