"""Shared fixtures: paths of the examples and the seed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

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
