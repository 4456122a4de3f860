"""Atomic writes: a file appears whole under its name, or not at all — and only where a file
may safely be replaced.

What is written to: a regular file (replaced) or a missing path (created). Anything else at
the path — a symbolic link (even to a regular file), a FIFO, a character or block device
(``/dev/null``, ``/dev/stdout``), a socket, a folder — is refused with :class:`UnsafeOutput`
and left as it was: the atomic move would otherwise put a regular file in its place.

The temporary file sits beside the target as ``.<name>.gw<pid>-<random>.tmp`` (a shortened
name when the target's is long, so that it never passes 255 bytes). It is removed when the
write fails or the process is stopped by SIGTERM (the CLI turns SIGTERM into ``SystemExit``),
and a temporary file left by a process that no longer runs (SIGKILL, a power cut) is swept
the next time the same target is written.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from gongwen.findings import GongwenError

__all__ = [
    "UnsafeOutput",
    "refuse_input_as_output",
    "refuse_unsafe_target",
    "sweep_stale_temporaries",
    "write_atomic",
    "write_bytes_atomic",
]

_MAX_NAME_BYTES = 255
_TEMP_MARK = ".gw"
_TEMP_SUFFIX = ".tmp"


class UnsafeOutput(GongwenError):  # noqa: N818 - the name says what was refused
    """An output path that gongwen refuses to write: it is an input, or not a regular file."""


def refuse_unsafe_target(path: str | Path) -> None:
    """Raise :class:`UnsafeOutput` unless ``path`` is a regular file or does not exist.

    >>> import tempfile, pathlib, os
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> refuse_unsafe_target(d / "new.docx")
    >>> os.mkfifo(d / "pipe")
    >>> refuse_unsafe_target(d / "pipe")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongwen.atomic.UnsafeOutput: ...pipe: 输出路径是命名管道 (FIFO)...
    """
    target = Path(path)
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnsafeOutput(f"{target}: 无法检查输出路径 ({exc.strerror or exc})") from None
    if stat.S_ISREG(mode):
        return
    kinds = (
        (stat.S_ISLNK, "符号链接 (a symbolic link)"),
        (stat.S_ISFIFO, "命名管道 (FIFO)"),
        (stat.S_ISCHR, "字符设备 (a character device)"),
        (stat.S_ISBLK, "块设备 (a block device)"),
        (stat.S_ISSOCK, "套接字 (a socket)"),
        (stat.S_ISDIR, "文件夹 (a folder)"),
    )
    kind = next((name for test, name in kinds if test(mode)), "特殊文件 (not a regular file)")
    raise UnsafeOutput(
        f"{target}: 输出路径是{kind}，不是普通文件；gongwen 只写入普通文件或新文件，未写入任何内容 "
        "(refused: only a regular file or a new path is written)"
    )


def refuse_input_as_output(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`UnsafeOutput` when ``output`` is one of ``inputs`` (the same name, or the
    same file through another name or a hard link): writing it would destroy the input.

    >>> refuse_input_as_output("a.docx", ["a.yaml"])
    >>> refuse_input_as_output("./a.yaml", ["a.yaml"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongwen.atomic.UnsafeOutput: a.yaml: 输出文件就是输入文件...
    """
    out = Path(output)
    for source in inputs:
        src = Path(source)
        same = os.path.abspath(out) == os.path.abspath(src)  # noqa: PTH100 - no symlinks followed
        if not same:
            try:
                same = out.exists() and src.exists() and out.samefile(src)
            except (OSError, RuntimeError):
                same = False
        if same:
            raise UnsafeOutput(
                f"{out}: 输出文件就是输入文件 {src}，写入会毁掉输入；请用 -o 指定另一个文件 "
                "(refused: the output is the input)"
            )


def _temp_prefix(name: str) -> str:
    """``.<name>.`` for the temporary file, shortened so the whole name stays under 255 bytes.

    >>> _temp_prefix("a.docx")
    '.a.docx.'
    >>> len(_temp_prefix("社" * 80 + ".docx").encode()) < 100
    True
    """
    prefix = f".{name}."
    if len(prefix.encode()) <= _MAX_NAME_BYTES - 64:
        return prefix
    digest = hashlib.sha256(name.encode()).hexdigest()[:16]
    return f".gongwen-{digest}."


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    except OSError:
        return True
    return True


def sweep_stale_temporaries(folder: str | Path, prefix: str = ".") -> list[Path]:
    """Remove temporary files gongwen left in ``folder`` from processes no longer running
    (``prefix``: only those of one target). Returns what was removed."""
    removed: list[Path] = []
    try:
        names = [entry.name for entry in Path(folder).iterdir()]
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_TEMP_SUFFIX)):
            continue
        mark = name.rfind(_TEMP_MARK)
        if mark < 0:
            continue
        pid_text = name[mark + len(_TEMP_MARK) :].split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        path = Path(folder) / name
        try:
            if stat.S_ISREG(path.lstat().st_mode):
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def write_atomic(
    path: str | Path, write: Callable[[BinaryIO], None], *, durable: bool = True
) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then move it into place.

    If ``write`` raises, the temporary file is removed and ``path`` is left as it was.
    ``durable=False`` skips the fsync before the move, for a caller that writes many files
    and syncs once at the end (the file still appears whole or not at all to any reader).
    A ``path`` that exists and is not a regular file is refused (:class:`UnsafeOutput`);
    an ``OSError`` names ``path``, never the temporary file.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "a.txt", lambda f: f.write(b"ok")).read_bytes()
    b'ok'
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the output folder does not exist", str(folder))
    refuse_unsafe_target(target)
    prefix = _temp_prefix(target.name)
    sweep_stale_temporaries(folder, prefix)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f"{prefix}{_TEMP_MARK[1:]}{os.getpid()}-",
            suffix=_TEMP_SUFFIX,
            dir=folder,
        )
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        Path(tmp).chmod(0o644)
        refuse_unsafe_target(target)  # a FIFO or link put there meanwhile is not replaced
        Path(tmp).replace(target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_bytes_atomic(path: str | Path, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically (``durable``: as for :func:`write_atomic`)."""

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write_atomic(path, write, durable=durable)


__all__ = ["write_atomic", "write_bytes_atomic"]
