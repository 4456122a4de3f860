"""Notice files (YAML, JSON, TOML) and Python data into the model, with errors a clerk can act on.

This is the input boundary: pydantic's ``ValidationError`` is caught here, once, and turned
into an :class:`~gongwen.findings.InputError` with one finding per problem, each naming the
file, the field path and, for YAML, the line.
"""

from __future__ import annotations

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

from gongwen import limits, model
from gongwen.field_errors import error_message
from gongwen.fieldpath import FieldPath, format_path
from gongwen.findings import Finding, InputError, Level, Location
from gongwen.guard import check_data, parse_guard, read_input
from gongwen.i18n import _
from gongwen.model import Notice

MAX_INPUT_BYTES = limits.MAX_NOTICE_BYTES
"""A notice file is a few kilobytes; anything past 20 MiB is refused unread (gongwen.limits)."""

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
"""Markdown notices, read by :mod:`gongwen.read.markdown`."""

# Stable codes of input errors (documented in docs/errors.md).
CODE_UNREADABLE = "IN001"
CODE_SYNTAX = "IN002"
CODE_FIELD = "IN003"
CODE_UNKNOWN_FIELD = "IN004"
CODE_MISSING_FIELD = "IN005"
CODE_DUPLICATE_KEY = "IN013"

M = TypeVar("M", bound=BaseModel)


class _StringDates(RoundTripConstructor):
    """Leaves YAML timestamps as text so that pydantic checks them and names the field."""


_StringDates.add_constructor("tag:yaml.org,2002:timestamp", _StringDates.construct_yaml_str)


class BadDatesAsText(RoundTripConstructor):
    """Round-trip YAML whose impossible dates (``2023-02-30`` unquoted) stay text, so that
    validation names the field and line instead of the parser raising ``ValueError``."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_yaml_str(node)


BadDatesAsText.add_constructor(
    "tag:yaml.org,2002:timestamp", BadDatesAsText.construct_yaml_timestamp
)


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
    """The bytes of a file no larger than ``limit``, or an :class:`InputError` that says why
    not: missing, a folder, a FIFO or a device (refused without a read that would block), too
    large (LM001), unreadable (IN001).

    The size is checked before reading and again on what was read, so a file that grows
    meanwhile is still refused. Every input file (notice files, published notices the reader
    reads, files to check) is read through here (:func:`gongwen.guard.read_input`).
    """
    return read_input(path, limit, code=CODE_UNREADABLE)


def read_source(path: str | Path) -> SourceData:
    """Read a notice file into plain Python data; syntax errors become :class:`InputError`."""
    path = Path(path)
    name = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError.single(
            CODE_UNREADABLE,
            _("不支持的文件类型“{suffix}”：公文文件应为 .yaml、.yml、.json 或 .toml").format(
                suffix=path.suffix
            ),
            file=name,
        )
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(
            CODE_UNREADABLE,
            _("不是 UTF-8 编码的文本；请另存为 UTF-8"),
            file=name,
            line=line,
        ) from None
    return parse_source(text, kind, file=name)


def parse_source(text: str, kind: str, *, file: str | None = None) -> SourceData:
    """Parse the text of a notice file of the given kind (yaml, json or toml).

    The data is then held to :mod:`gongwen.limits` (nesting, values with aliases expanded,
    number length) and YAML tags and merge keys are refused (:func:`gongwen.guard.check_data`).
    """
    if kind == "yaml":
        try:
            with parse_guard(file, "YAML"):
                tree = _yaml().load(text)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            problem = exc.problem or exc.context
            message = (
                _("YAML 语法错误：{problem}").format(problem=problem)
                if problem
                else _("YAML 语法错误")
            )
            raise InputError.single(CODE_SYNTAX, message, file=file, line=line) from None
        except InputError:
            raise  # a limit the guard enforced (InputError is a ValueError too)
        except (YAMLError, ValueError) as exc:
            raise InputError.single(
                CODE_SYNTAX, _("YAML 语法错误：{problem}").format(problem=exc), file=file
            ) from None
        check_data(tree, file=file)
        return SourceData(plain_data(tree), file, tree)
    if kind == "json":
        data = load_json(text, file=file)
        check_data(data, file=file)
        return SourceData(data, file)
    if kind == "toml":
        try:
            with parse_guard(file, "TOML"):
                data = tomllib.loads(text)
        except InputError:
            raise  # a limit the guard enforced (InputError is a ValueError too)
        except (tomllib.TOMLDecodeError, ValueError) as exc:
            raise InputError.single(
                CODE_SYNTAX, _("TOML 语法错误：{problem}").format(problem=exc), file=file
            ) from None
        check_data(data, file=file)
        return SourceData(data, file)
    raise ValueError(_("未知的公文文件类型：{kind}").format(kind=kind))


class _DuplicateKeyError(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > limits.MAX_NUMBER_DIGITS:
        raise limits.exceeded("number_digits", len(text.lstrip("-")))
    return int(text)


def load_json(text: str, *, file: str | None = None) -> Any:
    """JSON text as data: duplicate keys refused (as YAML's are), numbers and nesting bounded.

    >>> load_json('{"a": 1, "a": 2}')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongwen.findings.InputError: 错误 IN013: JSON：键“a”重复
    """
    try:
        with parse_guard(file, "JSON"):
            return json.loads(text, object_pairs_hook=_unique_keys, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise InputError.single(
            CODE_SYNTAX,
            _("JSON 语法错误：{problem}").format(problem=exc.msg),
            file=file,
            line=exc.lineno,
        ) from None
    except _DuplicateKeyError as exc:
        raise InputError.single(
            CODE_DUPLICATE_KEY, _("JSON：键“{key}”重复").format(key=exc), file=file
        ) from None
    except InputError as exc:
        raise InputError([_with_file(f, file) for f in exc.findings]) from None


def _with_file(finding: Finding, file: str | None) -> Finding:
    if finding.location.file is not None or file is None:
        return finding
    return Finding(
        finding.code,
        finding.level,
        finding.message,
        Location(file, finding.location.line, finding.location.path),
    )


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


def load_notice(path: str | Path, *, keep_typed_ordinals: bool = False) -> Notice:
    """Load a notice file (.yaml, .yml, .json, .toml, or Markdown .md) into a :class:`Notice`.

    Ordinals the author typed (一、总体要求, 问题1：…, 一是…) are dropped when they match the
    derived ones and refused (IN011) when they do not, unless ``keep_typed_ordinals``
    (see :mod:`gongwen.typed_ordinals`).

    Raises :class:`InputError` with one finding per problem found. A seal image named by a
    relative path is taken from the file's folder.
    """
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        from gongwen.read.authored import read_authored_markdown  # the reader sits above this

        result, _typed = read_authored_markdown(path, keep_typed_ordinals=keep_typed_ordinals)
        return seal_images_beside(result.notice, Path(path).parent)
    source = read_source(path)
    notice, _dropped = typed_ordinals(validate(Notice, source), source, keep=keep_typed_ordinals)
    return seal_images_beside(notice, Path(path).parent)


def seal_images_beside(notice: Notice, folder: Path) -> Notice:
    """The notice with relative seal image paths made relative to ``folder`` (the notice
    file's) instead of the working directory."""
    signature = notice.signature
    if signature is None or all(seal.image.is_absolute() for seal in signature.seals):
        return notice
    seals = [
        seal if seal.image.is_absolute() else seal.model_copy(update={"image": folder / seal.image})
        for seal in signature.seals
    ]
    return notice.model_copy(update={"signature": signature.model_copy(update={"seals": seals})})


def typed_ordinals(
    notice: Notice, source: SourceData, *, keep: bool = False
) -> tuple[Notice, list[Finding]]:
    """:func:`gongwen.typed_ordinals.drop_typed_ordinals` with the file's lines."""
    from gongwen.typed_ordinals import drop_typed_ordinals

    tree = source.tree

    def line_of(loc: tuple[int | str, ...]) -> int | None:
        return yaml_line(tree, loc)

    return drop_typed_ordinals(
        notice, file=source.file, line_of=line_of if tree is not None else None, keep=keep
    )


def notice_from_data(data: Any, *, file: str | None = None) -> Notice:
    """A :class:`Notice` from Python data (dicts and lists), with the same errors as files."""
    return validate(Notice, SourceData(data, file))


def validate(model_class: type[M], source: SourceData) -> M:
    """Validate source data against a model, turning pydantic errors into an InputError."""
    if not isinstance(source.data, Mapping):
        raise InputError.single(
            CODE_SYNTAX,
            _("文件应为字段的映射（title:、body:、…）"),
            file=source.file,
        )
    if source.tree is None:
        check_data(source.data, file=source.file)  # data from Python: the same limits as files
    try:
        with parse_guard(source.file, "data"):
            result = model_class.model_validate(source.data)
    except ValidationError as exc:
        raise input_error(exc, source) from None
    if isinstance(result, Notice):
        check_counts(result, file=source.file)
    return result


def check_counts(notice: Notice, *, file: str | None = None) -> None:
    """Refuse a notice with more items than its numbering can count (:data:`limits.MAX_PROBLEMS`):
    problems are numbered across the notice, sections, measures and attachments in their list.

    >>> check_counts(Notice(title="T", body=["p"]))
    """
    limit = limits.MAX_PROBLEMS
    lists: list[tuple[str, int]] = [("attachments", len(notice.attachments))]
    roots = [("body", notice.body)] + [
        (f"attachments[{i}].body", a.body) for i, a in enumerate(notice.attachments)
    ]
    for root, body in roots:
        problems = 0
        stack: list[tuple[str, list[Any]]] = [(root, list(body))]
        while stack:
            where, items = stack.pop()
            sections = 0
            for index, item in enumerate(items):
                if isinstance(item, model.Problem):
                    problems += 1
                    lists.append((f"{where}[{index}].problem.measures", len(item.measures)))
                elif isinstance(item, model.Section):
                    sections += 1
                    stack.append((f"{where}[{index}].section.body", list(item.body)))
            lists.append((where, sections))
        lists.append((root, problems))
    for where, count in lists:
        if count > limit:
            raise limits.exceeded("problems", count, file=file, where=where)


def input_error(exc: ValidationError, source: SourceData | None = None) -> InputError:
    """pydantic's ``ValidationError`` as an :class:`InputError`: one finding per error, with
    the codes and messages of notice files (and the file and line when ``source`` has them)."""
    where = source if source is not None else SourceData(None)
    return InputError([_finding(error, where) for error in exc.errors(include_url=False)])


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
        import difflib  # only on this error path: one import less at every start

        code = CODE_UNKNOWN_FIELD
        name = str(loc[-1])
        close = difflib.get_close_matches(name, sorted(_known_fields()), n=1)
        if close:
            message = _("未知字段“{name}”，是否想写“{close}”？").format(name=name, close=close[0])
        else:
            message = _("未知字段“{name}”").format(name=name)
    elif kind == "missing":
        code = CODE_MISSING_FIELD
        message = _("缺少必填字段“{name}”").format(name=loc[-1])
    else:
        code = CODE_FIELD
        message = error_message(error)
    line = yaml_line(source.tree, loc) if source.tree is not None else None
    return Finding(code, Level.ERROR, message, Location(source.file, line, format_path(loc)))


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
