"""Notice files (YAML, JSON, TOML) and Python data into the model, with errors a clerk can act on.

This is the input boundary: pydantic's ``ValidationError`` is caught here, once, and turned
into an :class:`~gongwen.findings.InputError` with one finding per problem, each naming the
file, the field path and, for YAML, the line.
"""

from __future__ import annotations

import difflib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from gongwen import model
from gongwen.fieldpath import FieldPath, format_path
from gongwen.findings import Finding, InputError, Level, Location
from gongwen.model import Notice

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""A notice file is a few kilobytes; anything past 20 MiB is refused unread."""

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}

# Stable codes of input errors (documented in docs/errors.md).
CODE_UNREADABLE = "IN001"
CODE_SYNTAX = "IN002"
CODE_FIELD = "IN003"
CODE_UNKNOWN_FIELD = "IN004"
CODE_MISSING_FIELD = "IN005"

M = TypeVar("M", bound=BaseModel)


class _StringDates(RoundTripConstructor):
    """Leaves YAML timestamps as text so that pydantic checks them and names the field."""


_StringDates.add_constructor("tag:yaml.org,2002:timestamp", _StringDates.construct_yaml_str)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _StringDates
    return yaml


@dataclass(frozen=True)
class SourceData:
    """Data read from a file, with what is needed to point back into it."""

    data: Any
    file: str | None = None
    tree: Any = None  # the ruamel tree, which knows the line of every key and item


def read_bytes(path: str | Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a file no larger than ``limit``, or an :class:`InputError` (IN001) that
    says why not: missing, a folder, too large, unreadable.

    The size is checked before reading and again on what was read, so a file that grows
    meanwhile is still refused. Every input file (notice files, published notices the reader
    reads, files to check) is read through here.
    """
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise _too_large(name, size, limit)
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise InputError.single(CODE_UNREADABLE, "文件不存在 (no such file)", file=name) from None
    except IsADirectoryError:
        raise InputError.single(
            CODE_UNREADABLE, "是文件夹，不是文件 (a folder, not a file)", file=name
        ) from None
    except OSError as exc:
        raise InputError.single(
            CODE_UNREADABLE, f"无法读取 (cannot be read: {exc.strerror})", file=name
        ) from None
    if len(data) > limit:
        raise _too_large(name, len(data), limit)
    return data


def _too_large(name: str, size: int, limit: int) -> InputError:
    return InputError.single(
        CODE_UNREADABLE, f"文件过大：{size} 字节，上限 {limit} 字节 (file too large)", file=name
    )


def read_source(path: str | Path) -> SourceData:
    """Read a notice file into plain Python data; syntax errors become :class:`InputError`."""
    path = Path(path)
    name = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError.single(
            CODE_UNREADABLE,
            f"不支持的文件类型“{path.suffix}”：notice files are .yaml, .yml, .json or .toml",
            file=name,
        )
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(
            CODE_UNREADABLE, "is not UTF-8 text; save it as UTF-8", file=name, line=line
        ) from None
    return parse_source(text, kind, file=name)


def parse_source(text: str, kind: str, *, file: str | None = None) -> SourceData:
    """Parse the text of a notice file of the given kind (yaml, json or toml)."""
    if kind == "yaml":
        try:
            tree = _yaml().load(text)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            problem = exc.problem or exc.context or "YAML syntax error"
            raise InputError.single(CODE_SYNTAX, f"YAML: {problem}", file=file, line=line) from None
        except YAMLError as exc:
            raise InputError.single(CODE_SYNTAX, f"YAML: {exc}", file=file) from None
        return SourceData(plain_data(tree), file, tree)
    if kind == "json":
        try:
            return SourceData(json.loads(text), file)
        except json.JSONDecodeError as exc:
            raise InputError.single(
                CODE_SYNTAX, f"JSON: {exc.msg}", file=file, line=exc.lineno
            ) from None
    if kind == "toml":
        try:
            return SourceData(tomllib.loads(text), file)
        except tomllib.TOMLDecodeError as exc:
            raise InputError.single(CODE_SYNTAX, f"TOML: {exc}", file=file) from None
    raise ValueError(f"unknown kind of notice file: {kind}")


def plain_data(node: Any) -> Any:
    """Round-trip parsers' containers and scalars (ruamel's commented maps and scalar strings,
    tomlkit's items) as plain dicts, lists, strs and values.

    >>> plain_data({"a": [1, "b"]})
    {'a': [1, 'b']}
    """
    if isinstance(node, Mapping):
        return {str(k): plain_data(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain_data(v) for v in node]
    if isinstance(node, str):
        return str(node)
    unwrap = getattr(node, "unwrap", None)  # tomlkit scalars
    return unwrap() if callable(unwrap) else node


def load_notice(path: str | Path) -> Notice:
    """Load a notice file (.yaml, .yml, .json, .toml) into a :class:`Notice`.

    Raises :class:`InputError` with one finding per problem found. A seal image named by a
    relative path is taken from the file's folder.
    """
    return _seal_images_beside(validate(Notice, read_source(path)), Path(path).parent)


def _seal_images_beside(notice: Notice, folder: Path) -> Notice:
    """The notice with relative seal image paths made relative to ``folder`` instead."""
    signature = notice.signature
    if signature is None or all(seal.image.is_absolute() for seal in signature.seals):
        return notice
    seals = [
        seal if seal.image.is_absolute() else seal.model_copy(update={"image": folder / seal.image})
        for seal in signature.seals
    ]
    return notice.model_copy(update={"signature": signature.model_copy(update={"seals": seals})})


def notice_from_data(data: Any, *, file: str | None = None) -> Notice:
    """A :class:`Notice` from Python data (dicts and lists), with the same errors as files."""
    return validate(Notice, SourceData(data, file))


def validate(model_class: type[M], source: SourceData) -> M:
    """Validate source data against a model, turning pydantic errors into an InputError."""
    if not isinstance(source.data, Mapping):
        raise InputError.single(
            CODE_SYNTAX,
            "the file must hold a mapping of fields (title:, body:, …)",
            file=source.file,
        )
    try:
        return model_class.model_validate(source.data)
    except ValidationError as exc:
        raise InputError(
            [_finding(error, source) for error in exc.errors(include_url=False)]
        ) from None


def yaml_line(tree: Any, loc: FieldPath) -> int | None:
    """The 1-based line of the deepest node along ``loc`` that the YAML tree holds."""
    node, line = tree, None
    if isinstance(node, CommentedMap | CommentedSeq):
        line = node.lc.line + 1
    for part in loc:
        if isinstance(node, CommentedMap) and isinstance(part, str) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        elif isinstance(part, str) and part in _TAGS:
            continue  # a union tag pydantic adds to the path, not a key in a bare-string item
        else:
            break
    return line


_TAGS = frozenset({"paragraph", "section", "problem"})


def _known_fields() -> set[str]:
    names: set[str] = set()
    for obj in vars(model).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            names.update(obj.model_fields)
    return names


def _finding(error: ErrorDetails, source: SourceData) -> Finding:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        code = CODE_UNKNOWN_FIELD
        name = str(loc[-1])
        close = difflib.get_close_matches(name, sorted(_known_fields()), n=1)
        hint = f"; did you mean “{close[0]}”?" if close else ""
        message = f"unknown field “{name}”{hint}"
    elif kind == "missing":
        code = CODE_MISSING_FIELD
        message = f"required field “{loc[-1]}” is missing"
    else:
        code = CODE_FIELD
        message = _MESSAGES.get(kind, error["msg"])
        if kind in _SHOW_INPUT:
            message += f" (got {error['input']!r})"
    line = yaml_line(source.tree, loc) if source.tree is not None else None
    return Finding(code, Level.ERROR, message, Location(source.file, line, format_path(loc)))


_MESSAGES = {
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "list_type": "must be a list",
    "model_type": "must be a mapping of fields",
    "model_attributes_type": "must be a mapping of fields",
    "dict_type": "must be a mapping of fields",
    "string_pattern_mismatch": "must be six Arabic digits in quotes, e.g. '000007'",
}
_SHOW_INPUT = {"enum", "literal_error", "date_from_datetime_parsing", "date_parsing", "date_type"}

__all__ = [
    "CODE_FIELD",
    "CODE_MISSING_FIELD",
    "CODE_SYNTAX",
    "CODE_UNKNOWN_FIELD",
    "CODE_UNREADABLE",
    "MAX_INPUT_BYTES",
    "SUFFIXES",
    "SourceData",
    "load_notice",
    "notice_from_data",
    "parse_source",
    "plain_data",
    "read_bytes",
    "read_source",
    "validate",
    "yaml_line",
]
