"""The canonical example's document.xml against its reviewed golden copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import load_notice
from gongwen.write import render_bytes
from tools.regen_golden import EXAMPLES, GOLDEN, normalised_document_xml

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", EXAMPLES)
def test_document_xml_matches_the_golden_copy(name: str) -> None:
    """A difference is either a regression or a deliberate change: then run
    ``python tools/regen_golden.py`` and review ``git diff tests/golden``."""
    rendered = normalised_document_xml(
        render_bytes(load_notice(ROOT / "examples" / f"{name}.yaml"))
    )
    golden = (GOLDEN / f"{name}.document.xml").read_text(encoding="utf-8")
    assert rendered == golden
