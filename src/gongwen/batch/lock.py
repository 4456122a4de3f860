"""One batch at a time in an output folder.

Two runs writing the same folder would interleave: each writes its reports and then a
manifest vouching for hashes the other run may since have overwritten. :func:`folder_lock`
takes an exclusive lock on the folder itself (on Windows, on ``<outdir>/.gongwen.lock``) for
the whole run, so the folder holds nothing but the run's files; a second run on the same folder
is **refused at once** (it does not wait: a batch can take minutes, and a second
run started by mistake should say so rather than hang). The lock is the operating system's
(``flock`` on POSIX, ``msvcrt.locking`` on Windows), so it is released when the process ends,
however it ends: a killed batch never leaves the folder locked.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from gongwen.atomic import sweep_stale_temporaries
from gongwen.findings import GongwenError
from gongwen.i18n import _

__all__ = ["LOCK_FILE", "FolderBusyError", "folder_lock", "locked_outdir"]

LOCK_FILE = ".gongwen.lock"

P = ParamSpec("P")
R = TypeVar("R")


class FolderBusyError(GongwenError):
    """Another batch holds the output folder's lock."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def folder_lock(outdir: str | Path) -> Iterator[Path]:
    """Hold ``outdir``'s batch lock while inside; :class:`FolderBusyError` if another run holds it.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> with folder_lock(d):
    ...     with folder_lock(d):  # doctest: +ELLIPSIS
    ...         pass
    Traceback (most recent call last):
    ...
    gongwen.batch.lock.FolderBusyError: ...另一个 gongwen batch 正在写入...
    """
    folder = Path(outdir)
    if sys.platform == "win32":  # pragma: no cover - a directory cannot be opened there
        path = folder / LOCK_FILE
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    else:
        path = folder
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        if not _try_lock(fd):
            raise FolderBusyError(
                _(
                    "{folder}：另一个 gongwen batch 正在写入此文件夹，本次未写入任何内容；"
                    "请等它结束后再运行"
                ).format(folder=folder)
            )
        yield path
    finally:
        os.close(fd)  # closing releases the lock


def locked_outdir(run: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function taking ``outdir`` so that it runs holding that folder's lock (the
    folder is created first), after sweeping the temporary files of killed runs from it."""
    signature = inspect.signature(run)

    @functools.wraps(run)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        bound = signature.bind(*args, **kwargs)
        folder = Path(bound.arguments["outdir"])
        folder.mkdir(parents=True, exist_ok=True)
        with folder_lock(folder):
            sweep_stale_temporaries(folder)  # reports a killed run was writing
            return run(*args, **kwargs)

    return wrapper
