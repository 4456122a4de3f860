"""The corpus of real-shaped notices (tests/data/corpus/, see its README) for the checker's
tests: where it is, which notices the committed scores were measured on, and each notice as
the checker reads it.

``GONGWEN_CORPUS`` names another folder (a corpus being written on another branch).
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from tools.score_checker import BASELINE, corpus_dir, corpus_files, notice_source

__all__ = ["BASELINE", "baseline", "corpus_dir", "corpus_files", "notice_names", "notice_source"]


def baseline() -> dict[str, object]:
    """The committed scores: precision, recall and the files they were measured on."""
    data = YAML(typ="safe").load(BASELINE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def notice_names() -> list[str]:
    """The notices to test: the baseline's, and any the corpus has beyond them."""
    listed = [str(name) for name in baseline().get("files") or []]  # type: ignore[attr-defined]
    present = [name for name, _, _ in corpus_files(corpus_dir())]
    return sorted(set(listed) | set(present))


def notice_path(name: str) -> Path | None:
    """The corpus file of a notice, None when the corpus does not have it."""
    for stem, path, _ in corpus_files(corpus_dir()):
        if stem == name:
            return path
    return None
