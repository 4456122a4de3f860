"""Shared fixtures: paths of the examples and the seed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The tests read gongwen's messages in Chinese, its default, whatever the machine's locale says
# (a CI runner with LANG=en_US.UTF-8 would otherwise get English); tests of English ask for it.
# Set before gongwen is imported, and inherited by the commands the tests run.
os.environ["GONGWEN_LANG"] = "zh"

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


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
