"""The corpus of real-shaped notices (tests/data/corpus/, see its README): where it is, and its
notices as the checker reads them.

``GONGWEN_CORPUS`` names another folder (a corpus being written on another branch).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from gongwen.check.source import TextSource, read_docx_source, text_source

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "tests" / "data" / "corpus"


def corpus_dir() -> Path:
    """The corpus folder: ``$GONGWEN_CORPUS`` when set, else tests/data/corpus/."""
    named = os.environ.get("GONGWEN_CORPUS")
    return Path(named) if named else DEFAULT


@dataclass(frozen=True)
class CorpusNotice:
    """One notice of the corpus: its text as lines and its expected file."""

    name: str
    path: Path
    expected: dict[str, Any]

    def source(self) -> TextSource:
        """The notice as the checker reads it; a .txt's ``# source:`` line becomes blank, so
        that line numbers stay those of the file (and of the expected file)."""
        if self.path.suffix == ".docx":
            return read_docx_source(self.path)
        source = text_source(self.path.read_text(encoding="utf-8"), file=str(self.path))
        if source.lines and source.lines[0].startswith("# source:"):
            source.lines[0] = ""
        return source


def corpus_notices(folder: Path | None = None) -> list[CorpusNotice]:
    """Every notice that has an expected file, by name."""
    folder = folder or corpus_dir()
    out = []
    for expected in sorted(folder.glob("*.expected.yaml")):
        stem = expected.name.removesuffix(".expected.yaml")
        for suffix in (".txt", ".docx"):
            path = folder / (stem + suffix)
            if path.exists():
                data = YAML(typ="safe").load(expected.read_text(encoding="utf-8")) or {}
                out.append(CorpusNotice(stem, path, data))
                break
    return out
