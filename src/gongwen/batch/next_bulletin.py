"""``gongwen next`` as a function: read the last bulletin, write the next round's notice file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gongwen.batch.progress import next_round
from gongwen.dumper import dump_notice
from gongwen.findings import Finding
from gongwen.i18n import _
from gongwen.loader import SUFFIXES, load_notice
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
    comment = _(
        "本通报的下一轮（{date}），由 `gongwen next` 从 {last} 开始。\n"
        "每个问题都有状态：已完成、正在推进或长期坚持。\n"
        "“截至…，N个问题中，…”一句由状态算出：改动状态后，\n"
        "对本文件再运行同样的 `gongwen next` 即可重新计算（其他内容不变）。"
    ).format(date=on.isoformat(), last=last)
    source = last if Path(last).suffix.lower() in (".yaml", ".yml") else None
    dump_notice(nxt, output, source=source, header=comment)  # the clerk's comments stay
    return nxt, findings


__all__ = ["load_last", "write_next_round"]
