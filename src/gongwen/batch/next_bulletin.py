"""``gongwen next`` as a function: read the last bulletin, write the next round's notice file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gongwen.batch.progress import next_round
from gongwen.dumper import dump_notice
from gongwen.findings import Finding
from gongwen.i18n import LANGUAGES, N_, _, use_language
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


ROUND_HEADER = N_(
    "本通报的下一轮（{date}），由 `gongwen next` 从 {last} 开始。\n"
    "每个问题都有状态：已完成、正在推进或长期坚持。\n"
    "“截至…，N个问题中，…”一句由状态算出：改动状态后，\n"
    "对本文件再运行同样的 `gongwen next` 即可重新计算（其他内容不变）。"
)
"""The comment ``gongwen next`` puts at the top of the file it writes, in the reader's language."""


def round_header(on: date, last: str | Path) -> str:
    """The comment at the top of the next round's file.

    >>> round_header(date(2024, 1, 31), "b.yaml").splitlines()[0]
    '本通报的下一轮（2024-01-31），由 `gongwen next` 从 b.yaml 开始。'
    """
    return _(ROUND_HEADER).format(date=on.isoformat(), last=last)


def _our_lines() -> tuple[set[str], tuple[str, ...]]:
    """The lines of :data:`ROUND_HEADER` in every language: the fixed ones, and the openings of
    the first (which carries the date and the file)."""
    fixed: set[str] = set()
    starts = []
    for lang in LANGUAGES:
        with use_language(lang):
            first, *rest = _(ROUND_HEADER).split("\n")
        fixed.update(rest)
        starts.append(first.split("{", 1)[0])
    return fixed, tuple(starts)


def clerks_top_comment(path: Path) -> list[str]:
    """The comment lines at the top of a YAML file, without the ones ``gongwen next`` wrote
    there itself, so that a clerk's own notes stay round after round."""
    ours, starts = _our_lines()
    kept = []
    for line in read_bytes(path).decode("utf-8-sig").splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        text = line[1:].strip()
        if text and text not in ours and not text.startswith(starts):
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
    comment = round_header(on, last)
    source = last if Path(last).suffix.lower() in (".yaml", ".yml") else None
    if source is not None:
        comment = "\n".join([comment, *clerks_top_comment(Path(source))])
    dump_notice(nxt, output, source=source, header=comment)  # the clerk's comments stay
    return nxt, findings


__all__ = [
    "ROUND_HEADER",
    "clerks_top_comment",
    "load_last",
    "round_header",
    "write_next_round",
]
