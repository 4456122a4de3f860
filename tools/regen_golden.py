"""Regenerate tests/golden/: the normalised document.xml of each golden example.

Run after a deliberate change to the renderer or template, then review the diff:
``python tools/regen_golden.py && git diff tests/golden``.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree

from gongwen import load_notice
from gongwen.write import render_bytes

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = ("erqi-xincun-2023", "full")


def normalised_document_xml(docx: bytes) -> str:
    """word/document.xml pretty-printed, one element a line, so diffs are readable."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    etree.indent(root, space=" ")
    return etree.tostring(root, encoding="unicode") + "\n"


def main() -> int:
    """Write one golden file per example."""
    GOLDEN.mkdir(exist_ok=True)
    for name in EXAMPLES:
        xml = normalised_document_xml(render_bytes(load_notice(ROOT / "examples" / f"{name}.yaml")))
        (GOLDEN / f"{name}.document.xml").write_text(xml, encoding="utf-8")
        print(f"wrote tests/golden/{name}.document.xml", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
