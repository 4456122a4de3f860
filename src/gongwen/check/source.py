"""Files to check — notice files (YAML, JSON, TOML), plain text, .docx — and writing them back.

A model file is kept as the tree its format's round-trip parser gives (ruamel for YAML, so
comments survive; tomlkit for TOML; plain data for JSON), so that fixes can be applied to it
and the file written in the same format.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from collections import Counter
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from gongwen.fieldpath import FieldPath, format_path, parse_path
from gongwen.findings import InputError
from gongwen.guard import check_data, parse_guard
from gongwen.i18n import N_, _
from gongwen.lazy_regex import lazy_compile
from gongwen.loader import (
    CODE_SYNTAX,
    CODE_UNREADABLE,
    SUFFIXES,
    BadDatesAsText,
    load_json,
    plain_data,
    read_bytes,
)

TEXT_SUFFIXES = frozenset({".txt", ".text"})
DOCX_SUFFIX = ".docx"


# ---------------------------------------------------------------------------------------------
# Plain text


@dataclass
class TextSource:
    """A text file as lines, with what is needed to write it back as it was."""

    file: str | None
    lines: list[str]
    encoding: str = "utf-8"
    newline: str = "\n"
    final_newline: bool = True

    def dump(self) -> bytes:
        """The text, encoded as it was read (a UTF-8 BOM kept)."""
        text = self.newline.join(self.lines) + (self.newline if self.final_newline else "")
        return text.encode(self.encoding)


def text_source(text: str, *, file: str | None = None, encoding: str = "utf-8") -> TextSource:
    """A text split into lines, remembering its line ending."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    return TextSource(file, lines, encoding, newline, text.endswith(("\n", "\r")))


def read_text_source(path: Path) -> TextSource:
    """Read a text file as the reader does: size limit, BOM, UTF-8, then GB18030."""
    from gongwen.read.safety import MAX_TEXT_BYTES, decode_text, limit_paragraphs

    data = read_bytes(path, MAX_TEXT_BYTES)
    decoded = decode_text(data, file=str(path))
    source = text_source(decoded.text, file=str(path), encoding=decoded.encoding)
    limit_paragraphs(enumerate(source.lines, start=1), file=str(path))
    _refuse_empty(source)
    return source


def read_docx_source(path: Path) -> TextSource:
    """A .docx as the text of its paragraphs, one line each (refused if hostile).

    A line break inside a paragraph stays in its line as "\\n" (the 附件说明 has them).
    """
    from gongwen.read.docx import paragraph_texts
    from gongwen.read.safety import MAX_DOCX_BYTES

    lines = paragraph_texts(read_bytes(path, MAX_DOCX_BYTES), file=str(path))
    return _refuse_empty(TextSource(str(path), lines))


def _refuse_empty(source: TextSource) -> TextSource:
    """A text or .docx with no text in it holds no notice: say so (as ``gongwen parse`` does)
    rather than report "No findings" on nothing."""
    if not any(line.strip() for line in source.lines):
        raise InputError.single(
            "RD107",
            _("没有找到通知：文件中没有文字"),
            file=source.file,
        )
    return source


# ---------------------------------------------------------------------------------------------
# Model files


@dataclass
class ModelSource:
    """A notice file parsed by a round-trip parser of its format."""

    file: str
    kind: str
    """yaml, json or toml."""
    tree: Any
    yaml_indent: tuple[int, int] = (2, 0)
    json_indent: int = 2
    line_map: dict[str, int] = field(default_factory=dict)

    def data(self) -> Any:
        """The tree as plain dicts, lists and scalars, for validation."""
        return plain_data(self.tree)

    def dump(self) -> bytes:
        """The tree written back in its format."""
        if self.kind == "yaml":
            stream = io.StringIO()
            _round_trip_yaml(*self.yaml_indent).dump(self.tree, stream)
            return stream.getvalue().encode("utf-8")
        if self.kind == "json":
            text = json.dumps(self.tree, ensure_ascii=False, indent=self.json_indent)
            return (text + "\n").encode("utf-8")
        import tomlkit

        return tomlkit.dumps(self.tree).encode("utf-8")


def _round_trip_yaml(sequence_indent: int = 2, offset: int = 0) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = BadDatesAsText
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long paragraph
    yaml.indent(mapping=2, sequence=sequence_indent, offset=offset)
    return yaml


def read_model_source(path: Path) -> ModelSource:
    """Parse a notice file with the round-trip parser of its format."""
    kind = SUFFIXES[path.suffix.lower()]
    name = str(path)
    try:
        text = read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError.single(
            CODE_UNREADABLE, _("不是 UTF-8 编码的文本；请另存为 UTF-8"), file=name
        ) from None
    try:
        with parse_guard(name, kind.upper()):
            source = _parse_model(name, kind, text)
    except InputError:
        raise  # a limit, a duplicate key (InputError is a ValueError too)
    except (YAMLError, ValueError) as exc:
        raise InputError.single(CODE_SYNTAX, _syntax(kind, exc), file=name) from None
    check_data(source.tree, file=name)  # the limits and YAML features the loader refuses
    if kind == "yaml":
        source.line_map = yaml_lines(source.tree)
    return source


def _parse_model(name: str, kind: str, text: str) -> ModelSource:
    if kind == "yaml":
        tree = _round_trip_yaml().load(text)
        return ModelSource(name, kind, tree, yaml_indent(text))
    if kind == "json":
        indent = re.search(r"\n( +)\S", text)
        return ModelSource(
            name, kind, load_json(text, file=name), json_indent=len(indent[1]) if indent else 2
        )
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        return ModelSource(name, kind, tomlkit.parse(text))
    except TOMLKitError as exc:
        raise InputError.single(CODE_SYNTAX, _syntax(kind, exc), file=name) from None


_SYNTAX = {
    "yaml": N_("YAML 语法错误：{problem}"),
    "json": N_("JSON 语法错误：{problem}"),
    "toml": N_("TOML 语法错误：{problem}"),
}


def _syntax(kind: str, error: Exception) -> str:
    """The parser's complaint (in its own words) about a file of ``kind``."""
    return _(_SYNTAX[kind]).format(problem=error)


_KEY_LINE = lazy_compile(r"( *)[^\s#-][^:#]*:\s*(?:#.*)?$")
_DASH_LINE = lazy_compile(r"( *)- ")


def yaml_indent(text: str) -> tuple[int, int]:
    """How a YAML file indents its block sequences: (sequence indent, dash offset).

    The most common distance from a key to the dashes of the list under it decides.

    >>> yaml_indent("body:\\n  - a\\n  - b\\n")
    (4, 2)
    >>> yaml_indent("body:\\n- a\\n")
    (2, 0)
    """
    offsets: Counter[int] = Counter()
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    for above, line in itertools.pairwise(lines):
        key, dash = _KEY_LINE.match(above), _DASH_LINE.match(line)
        if key and dash and len(dash[1]) >= len(key[1]):
            offsets[len(dash[1]) - len(key[1])] += 1
    offset = offsets.most_common(1)[0][0] if offsets else 2
    return offset + 2, offset


def yaml_lines(tree: Any) -> dict[str, int]:
    """The 1-based line of every field path in a ruamel YAML tree.

    A bare string in a body list is a paragraph: ``body[0].paragraph`` names it too.
    """
    lines: dict[str, int] = {}

    def visit(node: Any, loc: FieldPath) -> None:
        if isinstance(node, CommentedMap):
            for key in node:
                here = (*loc, str(key))
                lines[format_path(here)] = node.lc.key(key)[0] + 1
                visit(node[key], here)
        elif isinstance(node, CommentedSeq):
            for i, item in enumerate(node):
                here = (*loc, i)
                lines[format_path(here)] = node.lc.item(i)[0] + 1
                if isinstance(item, str):
                    lines[format_path((*here, "paragraph"))] = node.lc.item(i)[0] + 1
                visit(item, here)

    visit(tree, ())
    return lines


# ---------------------------------------------------------------------------------------------
# Setting a field by its path


def set_field(tree: Any, path: str, value: str) -> None:
    """Set the string field at ``path`` in a data tree (as a notice file holds it).

    A paragraph may be a bare string in its list or ``{paragraph: text}``; a title may be a
    list of lines. Raises KeyError or IndexError when the path is not in the tree.

    >>> data = {"title": ["甲", "乙。"], "body": ["一段。", {"section": {"heading": "标题。"}}]}
    >>> set_field(data, "title", "甲\\n乙")
    >>> set_field(data, "body[0].paragraph", "一段")
    >>> set_field(data, "body[1].section.heading", "标题")
    >>> data
    {'title': ['甲', '乙'], 'body': ['一段', {'section': {'heading': '标题'}}]}
    """
    parts = parse_path(path)
    parent: Any = None
    key: str | int | None = None
    node: Any = tree
    for part in parts:
        if part == "paragraph" and not isinstance(node, Mapping):
            break  # a bare string paragraph: set the list item itself
        parent, key, node = node, part, node[part]
    assert key is not None
    if isinstance(node, MutableMapping) and "text" in node:  # {paragraph: {text: ...}}
        node["text"] = value
    elif isinstance(node, list) and key == "title":
        lines = value.split("\n")
        if len(lines) == len(node):
            for i, line in enumerate(lines):  # in place: comments on the items stay
                node[i] = line
        else:
            parent[key] = lines
    else:
        parent[key] = value


__all__ = [
    "DOCX_SUFFIX",
    "TEXT_SUFFIXES",
    "ModelSource",
    "TextSource",
    "read_docx_source",
    "read_model_source",
    "read_text_source",
    "set_field",
    "text_source",
    "yaml_indent",
    "yaml_lines",
]
