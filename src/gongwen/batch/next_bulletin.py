"""``gongwen next`` as a function: read the last bulletin, write the next round's notice file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gongwen.batch.progress import next_round
from gongwen.dumper import dump_notice
from gongwen.findings import Finding
from gongwen.loader import SUFFIXES, load_notice, read_bytes
from gongwen.model import Notice, RectificationStatus
from gongwen.read import read_file


def load_last(path: str | Path) -> tuple[Notice, list[Finding]]:
    """The last bulletin: a notice file, or a published .txt/.docx read back by gongwen.read.

    Findings are the reader's (its repairs); a notice file has none.
    """
    path = Path(path)
    if path.suffix.lower() in SUFFIXES:
        return load_notice(path), []
    result = read_file(path)
    return result.notice, list(result.findings)


ROUND_HEADER_START = "Next round ("
ROUND_HEADER_REST = (
    "Every problem has a status: 已完成, 正在推进 or 长期坚持.\n"
    "The sentence 截至…，N个问题中，… is computed from them: after changing a status,\n"
    "run the same `gongwen next` on this file to recompute it (nothing else changes)."
)
"""The comment ``gongwen next`` puts at the top of the file it writes."""


def clerks_top_comment(path: Path) -> list[str]:
    """The comment lines at the top of a YAML file, without the ones ``gongwen next`` wrote
    there itself, so that a clerk's own notes stay round after round."""
    ours = set(ROUND_HEADER_REST.split("\n"))
    kept = []
    for line in read_bytes(path).decode("utf-8-sig").splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        text = line[1:].strip()
        if text and text not in ours and not text.startswith(ROUND_HEADER_START):
            kept.append(text)
    return kept


def write_next_round(
    last: str | Path,
    output: str | Path,
    on: date,
    *,
    default_status: RectificationStatus = RectificationStatus.IN_PROGRESS,
) -> tuple[Notice, list[Finding]]:
    """Write the next round's notice file from the last bulletin (YAML unless ``output`` says
    .json or .toml; a YAML last bulletin's comments are kept where their items are).

    Returns the new notice and the reader's findings on the last one.
    """
    notice, findings = load_last(last)
    nxt = next_round(notice, on, default_status=default_status)
    comment = (
        f"{ROUND_HEADER_START}{on.isoformat()}) of this bulletin, started by `gongwen next` "
        f"from {last}.\n{ROUND_HEADER_REST}"
    )
    source = last if Path(last).suffix.lower() in (".yaml", ".yml") else None
    if source is not None:
        comment = "\n".join([comment, *clerks_top_comment(Path(source))])
    dump_notice(nxt, output, source=source, header=comment)  # the clerk's comments stay
    return nxt, findings


__all__ = [
    "ROUND_HEADER_REST",
    "ROUND_HEADER_START",
    "clerks_top_comment",
    "load_last",
    "write_next_round",
]
