"""The input boundary's checks shared by every reader: what a file is, and what its data holds.

* :func:`read_input` reads a regular file no larger than a limit. A FIFO, a device or a
  socket is refused before it is opened (opening a FIFO would block until a writer comes), a
  symlink loop is an error, not a traceback.
* :func:`check_data` walks parsed data (plain or ruamel's round-trip tree) once, without
  expanding YAML aliases, and refuses what would make later work unbounded or wrong: nesting
  past :data:`~gongwen.limits.MAX_NESTING`, more values than
  :data:`~gongwen.limits.MAX_DATA_NODES` once aliases are expanded (an alias bomb), a
  structure that contains itself, YAML tags and merge keys.
* :func:`parse_guard` turns what a parser raises on hostile input (RecursionError, a number
  too long to convert, MemoryError) into an :class:`~gongwen.findings.InputError`.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar, merge_attrib

from gongwen import limits
from gongwen.findings import InputError
from gongwen.i18n import _

__all__ = [
    "CODE_YAML_FEATURE",
    "check_data",
    "check_zip",
    "check_zip_directory",
    "not_a_regular_file",
    "parse_guard",
    "read_input",
    "zip_bomb",
]

CODE_NOT_ZIP = "RD103"
"""Not a zip, a damaged one, or one whose members repeat a name."""

CODE_YAML_FEATURE = "IN012"
"""A YAML feature a notice file has no use for and that changes what is read: a tag
(``!!python/object``, ``!foo``, ``!!binary``, ``!!set``) or a merge key (``<<``)."""


def not_a_regular_file(path: Path, mode: int) -> str | None:
    """Why a file of this mode is not read, or ``None`` for a regular file.

    >>> import stat
    >>> not_a_regular_file(Path("p"), stat.S_IFIFO | 0o644)
    '是命名管道（FIFO），不是普通文件'
    >>> not_a_regular_file(Path("p"), stat.S_IFREG | 0o644) is None
    True
    """
    del path
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("是文件夹，不是文件")
    if stat.S_ISFIFO(mode):
        return _("是命名管道（FIFO），不是普通文件")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("是设备，不是普通文件")
    if stat.S_ISSOCK(mode):
        return _("是套接字，不是普通文件")
    return _("不是普通文件")


def read_input(path: str | Path, limit: int, *, code: str, too_large_code: str = "LM001") -> bytes:
    """The bytes of the regular file ``path``, no more than ``limit``; else an InputError.

    The file is opened without blocking and checked again once open, so a FIFO swapped in
    after the first look is still refused and never waited on.
    """
    path = Path(path)
    name = str(path)
    try:
        before = path.stat()
        why = not_a_regular_file(path, before.st_mode)
        if why is not None:
            raise InputError.single(code, why, file=name)
        if before.st_size > limit:
            raise _too_large(name, before.st_size, limit, too_large_code)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as stream:
            why = not_a_regular_file(path, os.fstat(stream.fileno()).st_mode)
            if why is not None:
                raise InputError.single(code, why, file=name)
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise InputError.single(code, _("文件不存在"), file=name) from None
    except IsADirectoryError:
        raise InputError.single(code, _("是文件夹，不是文件"), file=name) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            reason = _("符号链接成环")
        else:
            reason = _("无法读取：{reason}").format(reason=exc.strerror or exc)
        raise InputError.single(code, reason, file=name) from None
    if len(data) > limit:
        raise _too_large(name, len(data), limit, too_large_code)
    return data


def _too_large(name: str, size: int, limit: int, code: str) -> InputError:
    return InputError.single(
        code,
        _("文件过大：{size} 字节，上限 {limit} 字节").format(size=size, limit=limit),
        file=name,
    )


@contextmanager
def parse_guard(file: str | None, what: str) -> Iterator[None]:
    """Turn a parser's failures on hostile input into an :class:`InputError`.

    >>> with parse_guard("a.json", "JSON"):
    ...     int("9" * 5000)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongwen.findings.InputError: a.json: 错误 LM009: 超出限制：JSON：数字位数...
    """
    try:
        yield
    except RecursionError:
        raise limits.exceeded("nesting", file=file, where=what) from None
    except MemoryError:
        raise limits.exceeded("data_nodes", file=file, where=what) from None
    except ValueError as exc:
        if isinstance(exc, InputError):
            raise
        if "integer string conversion" in str(exc):
            raise limits.exceeded("number_digits", file=file, where=what) from None
        raise


def check_data(data: Any, *, file: str | None = None) -> None:
    """Refuse data whose walk would be unbounded, or that uses YAML features notices do not.

    Containers reached twice (YAML aliases) are measured once: the count of values is what a
    full expansion would hold, found in time linear in the distinct containers.

    >>> check_data({"title": "T", "body": ["a", {"problem": {"statement": "s"}}]})
    >>> check_data({"a": [[[[1]]]]})
    >>> deep: list[Any] = []
    >>> node = deep
    >>> for _level in range(100):
    ...     node.append([]); node = node[0]
    >>> check_data(deep)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongwen.findings.InputError: 错误 LM004: 超出限制：嵌套层数 ...
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    # Iterative post-order walk: (node, depth, children done?)
    stack: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1 + sum(sizes.get(id(child), 1) for child in _children(node))
            if total > limits.MAX_DATA_NODES:
                raise limits.exceeded("data_nodes", total, file=file)
            sizes[key] = total
            continue
        _check_node(node, file)
        if not isinstance(node, Mapping | list):
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise InputError.single(
                CODE_YAML_FEATURE,
                _("YAML 别名指向其自身（循环结构）"),
                file=file,
            )
        if depth > limits.MAX_NESTING:
            raise limits.exceeded("nesting", depth, file=file)
        on_path.add(key)
        stack.append((node, depth, True))
        for child in _children(node):
            if isinstance(child, str):  # plain or ruamel's quoted scalars
                if len(child) > limits.MAX_PARAGRAPH_CHARS:
                    raise limits.exceeded("paragraph_chars", len(child), file=file)
            elif isinstance(child, Mapping | list) or not _plain_scalar(child):
                stack.append((child, depth + 1, False))


def _children(node: Any) -> list[Any]:
    if isinstance(node, Mapping):
        return [*node.keys(), *node.values()]
    if isinstance(node, list):
        return list(node)
    return []


def _plain_scalar(value: Any) -> bool:
    return value is None or (
        type(value) in (str, bool, float) or (isinstance(value, int) and not _huge(value))
    )


def _huge(value: int) -> bool:
    return bool(abs(value).bit_length() > limits.MAX_NUMBER_DIGITS * 3.33)


def _check_node(node: Any, file: str | None) -> None:
    if isinstance(node, TaggedScalar | bytes | set | frozenset):
        tag = getattr(getattr(node, "tag", None), "value", None) or type(node).__name__
        raise _feature(file, _("不允许使用 YAML 标记 {tag}").format(tag=tag), node)
    if isinstance(node, CommentedMap | CommentedSeq):
        tag = getattr(getattr(node, "tag", None), "value", None)
        if tag is not None:
            raise _feature(file, _("不允许使用 YAML 标记 {tag}").format(tag=tag), node)
        if isinstance(node, CommentedMap) and getattr(node, merge_attrib, None):
            raise _feature(file, _("不允许使用 YAML 合并键“<<”，请直接写出各字段"), node)
        if type(node).__name__ not in ("CommentedMap", "CommentedSeq"):  # !!omap, !!set, …
            raise _feature(
                file, _("不允许使用 YAML 类型 {kind}").format(kind=type(node).__name__), node
            )
    if isinstance(node, int) and not isinstance(node, bool) and _huge(node):
        raise limits.exceeded("number_digits", len(str(abs(node))), file=file)


def _feature(file: str | None, message: str, node: Any) -> InputError:
    line = None
    lc = getattr(node, "lc", None)
    if lc is not None and getattr(lc, "line", None) is not None:
        line = lc.line + 1
    return InputError.single(CODE_YAML_FEATURE, message, file=file, line=line)


def zip_bomb(file: str | None, detail: str) -> InputError:
    """The error for a zip that would expand too much (code RD104)."""
    return InputError.single(
        LIMITS_ZIP_CODE, _("拒绝读取：疑似压缩炸弹，{detail}").format(detail=detail), file=file
    )


LIMITS_ZIP_CODE = limits.LIMITS["zip_entries"].code


def check_zip_directory(
    infos: list[zipfile.ZipInfo],
    file: str | None,
    *,
    entries: int = limits.MAX_ZIP_ENTRIES,
    total: int = limits.MAX_ZIP_UNCOMPRESSED_BYTES,
    ratio: int = limits.MAX_ZIP_RATIO,
    ratio_floor: int = 1024 * 1024,
) -> None:
    """Refuse a zip (.docx, template, .xlsx) from its directory, before anything is expanded:
    too many entries, too much once expanded, one part expanding too much, or a name twice
    (which of two ``word/document.xml`` an office reads is undefined)."""
    if len(infos) > entries:
        raise zip_bomb(
            file, _("含有 {count} 个文件，上限 {limit}").format(count=len(infos), limit=entries)
        )
    size = 0
    for info in infos:
        size += info.file_size
        expansion = info.file_size / max(info.compress_size, 1)
        if info.file_size > ratio_floor and expansion > ratio:
            raise zip_bomb(
                file,
                _("{name} 压缩比 {expansion}:1，上限 {limit}:1").format(
                    name=info.filename, expansion=f"{expansion:.0f}", limit=ratio
                ),
            )
    if size > total:
        raise zip_bomb(
            file, _("解压后共 {size} 字节，上限 {limit} 字节").format(size=size, limit=total)
        )
    counts = Counter(info.filename for info in infos)
    twice = sorted(name for name, n in counts.items() if n > 1)
    if twice:
        raise InputError.single(
            CODE_NOT_ZIP,
            _("zip 中同名文件出现两次：{names}（办公软件读哪一个没有定义）").format(
                names="、".join(twice[:3])
            ),
            file=file,
        )


def check_zip(data: bytes, *, file: str | None = None, what: str = "zip") -> list[zipfile.ZipInfo]:
    """The directory of the zip ``data`` after :func:`check_zip_directory`; an InputError for
    what is not a zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError.single(
            CODE_NOT_ZIP,
            _("不是有效的 {what} 文件（zip 损坏：{reason}）").format(what=what, reason=exc),
            file=file,
        ) from None
    check_zip_directory(infos, file)
    return infos
