"""Atomic writes: a file appears whole under its name, or not at all."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomic(
    path: str | Path, write: Callable[[BinaryIO], None], *, durable: bool = True
) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then move it into place.

    If ``write`` raises, the temporary file is removed and ``path`` is left as it was.
    ``durable=False`` skips the fsync before the move, for a caller that writes many files
    and syncs once at the end (the file still appears whole or not at all to any reader).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "a.txt", lambda f: f.write(b"ok")).read_bytes()
    b'ok'
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the output folder does not exist", str(folder))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        Path(tmp).chmod(0o644)
        Path(tmp).replace(target)
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
