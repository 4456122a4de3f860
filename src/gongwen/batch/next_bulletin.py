"""``gongwen next`` as a function: read the last bulletin, write the next round's notice file."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from gongwen.atomic import write_bytes_atomic
from gongwen.batch.progress import next_round
from gongwen.findings import Finding
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


def dump_notice_yaml(notice: Notice, comment: str | None = None) -> str:
    """A notice as a notice file (YAML) that :func:`gongwen.loader.load_notice` reads back.

    >>> from gongwen.loader import parse_source, validate
    >>> n = Notice(title="第一行\\n第二行", body=["正文。"], published="2023-09-01")
    >>> validate(Notice, parse_source(dump_notice_yaml(n), "yaml")) == n
    True
    """
    data: dict[str, Any] = notice.model_dump(mode="json", exclude_defaults=True)
    tree = CommentedMap()
    for key in Notice.model_fields:
        if key not in data:
            continue
        value = data[key]
        if key == "title" and "\n" in value:
            value = value.split("\n")
        tree[key] = value
    if comment:
        tree.yaml_set_start_comment(comment)
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def write_next_round(
    last: str | Path,
    output: str | Path,
    on: date,
    *,
    default_status: RectificationStatus = RectificationStatus.IN_PROGRESS,
) -> tuple[Notice, list[Finding]]:
    """Write the next round's notice file from the last bulletin.

    Returns the new notice and the reader's findings on the last one.
    """
    notice, findings = load_last(last)
    nxt = next_round(notice, on, default_status=default_status)
    comment = (
        f"Next round ({on.isoformat()}) of this bulletin, started by `gongwen next` from {last}.\n"
        "Every problem has a status: 已完成, 正在推进 or 长期坚持.\n"
        "The sentence 截至…，N个问题中，… is computed from them: after changing a status,\n"
        "run the same `gongwen next` on this file to recompute it (nothing else changes)."
    )
    write_bytes_atomic(output, dump_notice_yaml(nxt, comment).encode("utf-8"))
    return nxt, findings
