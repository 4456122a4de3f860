"""Notices out to notice files (YAML, JSON, TOML) that :func:`gongwen.load_notice` reads back.

The loader's other half: ``gongwen parse`` (a published notice read back), ``gongwen next``
(the next round's bulletin) and :func:`gongwen.dump_notice` all write through here. The data
is the model's own file form (body items as ``{section: …}``, ``{paragraph: text}``), its keys
in the order a clerk reads a notice file, a title of several lines as a list of lines, and the
成文日期 and 印发日期 as the notice prints them.

YAML written over the file a notice came from (``source``) keeps that file's comments, key
order and quoting wherever the value under them is unchanged; comments can also be put above
any field path (``comments``) and at the top (``header``).
"""

from __future__ import annotations

import copy
import difflib
import io
import json
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, cast

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from gongwen.atomic import write_bytes_atomic
from gongwen.dates import format_date, parse_date
from gongwen.fieldpath import parse_path
from gongwen.i18n import _
from gongwen.loader import SUFFIXES, SourceData, read_source
from gongwen.model import Notice

__all__ = ["KEY_ORDER", "NoticeFormat", "dump_notice", "dumps_notice", "notice_data"]

NoticeFormat = Literal["yaml", "json", "toml"]
"""The formats of a notice file."""

KEY_ORDER = (
    "title",
    "published",
    "header",
    "addressees",
    "body",
    "contact",
    "attachments",
    "signature",
    "note",
    "imprint",
    "presentation",
)
"""Top-level keys in the order a clerk reads a notice file: what it is, then its parts."""

_MAPPING_INDENT, _SEQUENCE_INDENT, _SEQUENCE_OFFSET = 2, 4, 2
_ITEM_PARTS = frozenset({"paragraph", "section", "problem", "heading", "statement", "description"})


def notice_data(notice: Notice) -> dict[str, Any]:
    """A notice as the plain data of a notice file (defaults left out).

    >>> n = Notice(title="第一行\\n第二行", body=["正文。"], published="2023-09-01")
    >>> notice_data(n)
    {'title': ['第一行', '第二行'], 'published': '2023-09-01', 'body': [{'paragraph': '正文。'}]}
    """
    data = notice.model_dump(mode="json", exclude_defaults=True)
    if "\n" in data["title"]:
        data["title"] = data["title"].split("\n")  # the form examples use for title lines
    # 成文日期 and 印发日期 as the notice prints them; 发布日期 stays ISO.
    if notice.signature is not None:
        data["signature"]["date"] = format_date(notice.signature.date)
    if notice.imprint is not None:
        data["imprint"]["print_date"] = format_date(notice.imprint.print_date)
    ordered = {key: data[key] for key in KEY_ORDER if key in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return ordered


def dumps_notice(
    notice: Notice,
    format: NoticeFormat = "yaml",
    *,
    source: SourceData | str | Path | None = None,
    comments: Mapping[str, str] | Iterable[tuple[str, str]] = (),
    header: str | None = None,
) -> str:
    """A notice as the text of a notice file; see :func:`dump_notice`.

    >>> print(dumps_notice(Notice(title="标题", body=["正文。"]), "toml"), end="")
    title = "标题"
    <BLANKLINE>
    [[body]]
    paragraph = "正文。"
    """
    data = notice_data(notice)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if format == "toml":
        import tomlkit  # only TOML needs it

        text = tomlkit.dumps(data)
        if header:
            text = "".join(f"# {line}\n" for line in header.split("\n")) + "\n" + text
        return text
    if format != "yaml":
        raise ValueError(
            _("未知的公文文件格式“{format}”：可选 yaml、json 或 toml").format(format=format)
        )
    if notice.published is not None:
        data["published"] = notice.published  # YAML writes a date plain: 2023-09-01
    tree = _yaml_tree(data, source)
    for path, text in comments.items() if isinstance(comments, Mapping) else comments:
        _comment_at(tree, path, text)
    if header:
        tree.ca.comment = None
        tree.yaml_set_start_comment(header)
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a long paragraph
    yaml.allow_unicode = True
    yaml.indent(mapping=_MAPPING_INDENT, sequence=_SEQUENCE_INDENT, offset=_SEQUENCE_OFFSET)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def dump_notice(
    notice: Notice,
    target: str | os.PathLike[str] | IO[str] | IO[bytes],
    format: NoticeFormat | None = None,
    *,
    source: SourceData | str | Path | None = None,
    comments: Mapping[str, str] | Iterable[tuple[str, str]] = (),
    header: str | None = None,
) -> None:
    """Write a notice as a notice file that :func:`gongwen.load_notice` reads back equal.

    ``target``: a path (written atomically: the old file or the whole new one, never half)
    or an open stream. ``format``: yaml, json or toml; by default the path's suffix decides,
    YAML for a stream. ``source``: the file the notice was loaded from (its path or the
    loader's :class:`~gongwen.loader.SourceData`); YAML keeps its comments where it can.
    ``comments``: a comment line above each field path, as a mapping or (path, text)
    pairs (YAML). ``header``: a comment at the top (YAML, TOML).
    """
    if format is None:
        suffix = Path(target).suffix.lower() if isinstance(target, str | os.PathLike) else ""
        kind = SUFFIXES.get(suffix, "yaml")
        format = "json" if kind == "json" else "toml" if kind == "toml" else "yaml"
    text = dumps_notice(notice, format, source=source, comments=comments, header=header)
    if isinstance(target, str | os.PathLike):
        write_bytes_atomic(Path(target), text.encode("utf-8"))
    elif isinstance(target, io.TextIOBase) or hasattr(target, "encoding"):
        cast("IO[str]", target).write(text)
    else:
        cast("IO[bytes]", target).write(text.encode("utf-8"))


# --------------------------------------------------------------------------------------------
# YAML: a commented tree, over the source's tree where one is given


def _commented(data: Any) -> Any:
    if isinstance(data, dict):
        return CommentedMap((k, _commented(v)) for k, v in data.items())
    if isinstance(data, list):
        return CommentedSeq(_commented(v) for v in data)
    return data


def _yaml_tree(data: dict[str, Any], source: SourceData | str | Path | None) -> CommentedMap:
    if isinstance(source, str | Path):
        source = read_source(source)
    if source is None or not isinstance(source.tree, CommentedMap):
        return _commented(data)  # type: ignore[no-any-return]
    merged = _merge(copy.deepcopy(source.tree), data)
    assert isinstance(merged, CommentedMap)
    return merged


_DATE_KEYS = frozenset({"published", "date", "print_date"})


def _same_scalar(old: Any, new: Any, key: object) -> bool:
    """``old`` (as the source wrote it) stands for ``new``: the same value of the same kind,
    or for a date field the same date written another way (2023-09-01, 2023年9月1日).

    >>> _same_scalar("2023-09-01", "2023年9月1日", "date"), _same_scalar(5, "5", "serial")
    (True, False)
    """
    if key in _DATE_KEYS and isinstance(old, str) and isinstance(new, str | date):
        try:
            return parse_date(old) == (new if isinstance(new, date) else parse_date(new))
        except ValueError:
            return False
    if isinstance(old, str) or isinstance(new, str):
        return isinstance(old, str) and isinstance(new, str) and str(old) == new
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool) and old == new
    if isinstance(old, int) and isinstance(new, int):
        return int(old) == new
    return old is None and new is None


def _merge(old: Any, new: Any, key: object = None) -> Any:
    """``new`` written over ``old``, keeping ``old``'s nodes (and their comments) where they
    still hold the same thing."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for position, (key, value) in enumerate(new.items()):
            if key in old:
                old[key] = _merge(old[key], value, key)
            else:
                old.insert(min(position, len(old)), key, _commented(value))
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        _merge_list(old, new, key, 0, len(old), 0, len(new), _key)
        return old
    if isinstance(old, str) and new == {"paragraph": old}:
        return old  # a paragraph the source wrote as a bare string
    scalars = not isinstance(new, dict | list) and not isinstance(old, dict | list)
    if scalars and _same_scalar(old, new, key):
        return old
    return _commented(new)


def _merge_list(
    old: CommentedSeq,
    new: list[Any],
    key: object,
    i1: int,
    i2: int,
    j1: int,
    j2: int,
    by: Callable[[Any], str],
) -> None:
    """Write ``new[j1:j2]`` over ``old[i1:i2]``: items that line up (by ``by``) are merged, so
    their comments stay; the rest are removed or inserted. A run that changed is lined up
    again by :func:`_label` (a section whose problems got statuses is still that section)."""
    before = [by(v) for v in old[i1:i2]]
    after = [by(v) for v in new[j1:j2]]
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    for tag, a1, a2, b1, b2 in reversed(opcodes):  # from the end: indexes stay valid
        a1, a2, b1, b2 = a1 + i1, a2 + i1, b1 + j1, b2 + j1
        if tag == "equal" or (tag == "replace" and a2 - a1 == b2 - b1):
            for i, j in zip(range(a1, a2), range(b1, b2), strict=True):
                old[i] = _merge(old[i], new[j], key)
        elif tag == "replace" and by is _key:
            _merge_list(old, new, key, a1, a2, b1, b2, _label)
        else:
            for i in reversed(range(a1, a2)):
                del old[i]
            for j in reversed(range(b1, b2)):
                old.insert(a1, _commented(new[j]))


def _plain_item(node: Any) -> Any:
    from gongwen.loader import plain_data

    value = plain_data(node)
    return {"paragraph": value} if isinstance(value, str) else value


def _key(node: Any) -> str:
    """What a list item holds, for lining up the source's list with the new one."""
    return json.dumps(_plain_item(node), ensure_ascii=False, sort_keys=True, default=str)


def _label(node: Any) -> str:
    """What a list item is, without all it holds: its kind and the start of its heading."""
    value = _plain_item(node)
    if isinstance(value, dict) and len(value) == 1:
        ((kind, inner),) = value.items()
        if isinstance(inner, dict):
            inner = inner.get("heading") or inner.get("statement") or inner.get("text") or ""
        return f"{kind}:{str(inner)[:40]}"
    return _key(node)


def _comment_at(tree: CommentedMap, path: str, text: str) -> None:
    """Put a comment line above what ``path`` points to.

    A finding on a paragraph, a heading or a problem's statement goes above the body item
    (``- problem:``); one on a measure above that measure; others above their key.
    """
    node: Any = tree
    column = 0
    anchors: list[tuple[Any, Any, int]] = []
    parts = parse_path(path)
    for part in parts:
        if isinstance(part, str):
            name = part
            if not isinstance(node, CommentedMap) or name not in node:
                break
            anchors.append((node, name, column))
            node = node[name]
            if isinstance(node, CommentedMap):
                column += _MAPPING_INDENT
            elif isinstance(node, CommentedSeq):
                column += _SEQUENCE_OFFSET
        else:
            position = part
            if not isinstance(node, CommentedSeq) or position >= len(node):
                break
            anchors.append((node, position, column))
            node = node[position]
            column += _SEQUENCE_INDENT - _SEQUENCE_OFFSET
    if not anchors:
        return
    last_name = next((part for part in reversed(parts) if isinstance(part, str)), "")
    owner, key, indent = anchors[-1]
    if last_name in _ITEM_PARTS:
        items = [a for a in anchors if isinstance(a[0], CommentedSeq)]
        if items:
            owner, key, indent = items[-1]
    existing = owner.ca.items.get(key)
    before = text
    if existing and len(existing) > 1 and existing[1]:
        earlier = [t.value.strip()[2:] for t in existing[1] if t is not None]
        before = "\n".join([*earlier, text])
        del owner.ca.items[key]
    owner.yaml_set_comment_before_after_key(key, before=before, indent=indent)
