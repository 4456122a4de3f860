"""Where a command finds its worker, and whether it may look for one.

A worker listens on a Unix socket in a folder only this user can enter, named by a key of
everything that decides what code it runs: the interpreter, its import path (and when each
``site-packages`` folder on it last changed, which ``pip install`` changes), gongwen's version
and the size and time of every file of the package. Edit a module, upgrade a dependency or
switch virtual environments, and the command looks for another worker; the old one ends when
idle.

Standard library only: the launcher imports this before anything else of gongwen.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib

TYPE_CHECKING = False  # typing's would import typing, a sixth of a command's start
if TYPE_CHECKING:
    from collections.abc import Mapping

SWITCH_VARIABLE = "GONGWEN_WORKER"
"""``0``, ``off``, ``no`` or ``false`` turn the worker off; anything else, or unset, leaves it
on (where the platform has one)."""

IDLE_VARIABLE = "GONGWEN_WORKER_IDLE"
"""Seconds a worker waits for a command before it ends (:data:`IDLE_SECONDS` by default)."""

DIR_VARIABLE = "GONGWEN_RUNTIME_DIR"
"""The folder for workers' sockets, in place of ``$XDG_RUNTIME_DIR/gongwen``."""

IDLE_SECONDS = 300.0
"""Five minutes: long enough for a clerk's batch script or a session of edits and renders,
short enough that a forgotten worker does not linger."""

MAX_SOCKET_PATH = 100
"""``sockaddr_un`` holds 104 bytes on macOS and 108 on Linux, the terminating NUL included."""

_OFF = frozenset({"0", "off", "no", "false"})
_INSTALL_FOLDERS = frozenset({"site-packages", "dist-packages"})


def enabled(environ: Mapping[str, str]) -> bool:
    """Whether a command may be handed to a worker: not turned off, and a platform that can
    fork and pass file descriptors over a socket.

    >>> enabled({"GONGWEN_WORKER": "0"}), enabled({"GONGWEN_WORKER": "off"})
    (False, False)
    >>> enabled({}) == (os.name == "posix" and hasattr(os, "fork"))
    True
    """
    if environ.get(SWITCH_VARIABLE, "").strip().lower() in _OFF:
        return False
    return os.name == "posix" and hasattr(os, "fork") and sys.platform != "emscripten"


def idle_seconds(environ: Mapping[str, str]) -> float:
    """How long a worker started in ``environ`` waits for a command before it ends.

    >>> idle_seconds({}), idle_seconds({"GONGWEN_WORKER_IDLE": "2.5"})
    (300.0, 2.5)
    >>> idle_seconds({"GONGWEN_WORKER_IDLE": "soon"}), idle_seconds({"GONGWEN_WORKER_IDLE": "-1"})
    (300.0, 300.0)
    """
    try:
        seconds = float(environ.get(IDLE_VARIABLE, ""))
    except ValueError:
        return IDLE_SECONDS
    return seconds if 0 < seconds < float("inf") else IDLE_SECONDS


def runtime_dir(environ: Mapping[str, str]) -> str:
    """The folder of this user's workers: ``$GONGWEN_RUNTIME_DIR``, else
    ``$XDG_RUNTIME_DIR/gongwen``, else ``gongwen-UID`` in the temporary folder.

    >>> runtime_dir({"GONGWEN_RUNTIME_DIR": "/run/w"})
    '/run/w'
    >>> runtime_dir({"XDG_RUNTIME_DIR": "/run/user/7"})
    '/run/user/7/gongwen'
    >>> runtime_dir({"TMPDIR": "/var/tmp"}) == f"/var/tmp/gongwen-{os.getuid()}"
    True
    """
    if environ.get(DIR_VARIABLE):
        return environ[DIR_VARIABLE]
    if environ.get("XDG_RUNTIME_DIR"):
        return os.path.join(environ["XDG_RUNTIME_DIR"], "gongwen")
    return os.path.join(environ.get("TMPDIR") or "/tmp", f"gongwen-{os.getuid()}")


def private_dir(path: str, *, create: bool) -> bool:
    """Whether ``path`` is a folder (not a link to one) that this user owns and nobody else
    may enter: the only kind of folder a worker's socket is looked for or put in. With
    ``create``, a missing folder is made so (its parent must exist).

    A folder others can write to would let them put their own socket in a worker's place and
    receive the commands, their environment and their streams; such a folder is not used, and
    the command runs in-process.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        if not create:
            return False
        try:
            os.mkdir(path, 0o700)
            info = os.lstat(path)
        except OSError:
            return False
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def package_dir() -> str:
    """The folder of the gongwen package this code is part of."""
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fingerprint(package: str, path: list[str], executable: str, version: str) -> str:
    """A key of everything that decides what code a worker runs: the interpreter and its
    version, the import path with the modification time of each ``site-packages`` folder on it
    (installing or removing a distribution changes it; other folders, the current one among
    them, change with every file written there), and the relative path, size and modification
    time of every file of the package (bytecode caches aside).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     with open(os.path.join(folder, "a.py"), "w") as f:
    ...         _ = f.write("x = 1")
    ...     before = fingerprint(folder, [folder], "/usr/bin/python3", "3.11")
    ...     with open(os.path.join(folder, "a.py"), "w") as f:
    ...         _ = f.write("x = 22")
    ...     after = fingerprint(folder, [folder], "/usr/bin/python3", "3.11")
    >>> len(before), before == after
    (24, False)
    """
    parts = [executable, version]
    for entry in path:
        if os.path.basename(entry) not in _INSTALL_FOLDERS:
            parts.append(entry)
            continue
        try:
            parts.append(f"{entry}\0{os.stat(entry).st_mtime_ns}")
        except OSError:
            parts.append(f"{entry}\0-")
    files = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in names:
            full = os.path.join(folder, name)
            try:
                info = os.stat(full)
            except OSError:
                continue
            relative = os.path.relpath(full, package)
            files.append(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}")
    parts.extend(sorted(files))
    data = "\n".join(parts).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data) & 0xFFFFFFFF:08x}"


def import_path() -> list[str]:
    """This interpreter's import path, the current folder (``""`` under ``python -c``) made
    absolute: a worker runs elsewhere and must import what this process would."""
    return [entry or os.getcwd() for entry in sys.path]


def this_key() -> str:
    """The key of the code this interpreter would run as gongwen now."""
    from gongwen._version import __version__

    version = f"{sys.version}/{__version__}"
    return fingerprint(package_dir(), import_path(), sys.executable, version)


def this_socket(environ: Mapping[str, str]) -> str | None:
    """The socket of the worker for the code this interpreter runs: None when the worker is
    off, or there is no private folder for it, or the path is too long. Raises
    :class:`OSError` when the current folder is gone (it is on the import path of a
    ``python -c``)."""
    if not enabled(environ):
        return None
    folder = runtime_dir(environ)
    if not private_dir(folder, create=True):
        return None
    return socket_path(folder, this_key())


def socket_path(folder: str, key: str) -> str | None:
    """The socket of the worker with ``key`` in ``folder``; None when the path is too long
    for a Unix socket (a deep ``$TMPDIR``), and then the command runs in-process.

    >>> socket_path("/run/user/7/gongwen", "0123abcd")
    '/run/user/7/gongwen/w-0123abcd.sock'
    >>> socket_path("/" + "x" * 120, "0123abcd") is None
    True
    """
    path = os.path.join(folder, f"w-{key}.sock")
    return path if len(path.encode("utf-8", "surrogateescape")) <= MAX_SOCKET_PATH else None


def lock_path(socket: str) -> str:
    """The file a worker holds locked while it serves ``socket``: one worker per key.

    >>> lock_path("/run/user/7/gongwen/w-0123abcd.sock")
    '/run/user/7/gongwen/w-0123abcd.lock'
    """
    return socket.removesuffix(".sock") + ".lock"


def take_lock(socket: str) -> int | None:
    """The descriptor of the lock file of ``socket``, locked for this process: the one
    worker that serves it. None when another process holds it, or when the lock file cannot
    be had (a link or something else put in its place).

    A worker removes its lock file as it ends, while it still holds it (:func:`drop_lock`),
    so that a folder does not fill with the lock files of old keys; a lock taken on a file
    that was removed meanwhile is let go and taken again on the file now there.
    """
    import fcntl

    path = lock_path(socket)
    for _attempt in range(10):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            held, there = os.fstat(fd), os.lstat(path)
        except OSError:
            os.close(fd)
            return None
        if (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino):
            return fd
        os.close(fd)  # removed by the worker that held it as it ended: take the new one
    return None


def drop_lock(socket: str, fd: int) -> None:
    """Remove the lock file of ``socket`` and let go of ``fd``, the lock on it this process
    holds (:func:`take_lock`): removed first, so no process can take the old file after."""
    path = lock_path(socket)
    try:
        held, there = os.fstat(fd), os.lstat(path)
        if (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino):
            os.unlink(path)
    except OSError:
        pass
    os.close(fd)


def starting(socket: str) -> bool:
    """Whether a worker holds the lock of ``socket`` without answering on it yet: it is
    importing and warming up, and a launcher should not start another."""
    import fcntl

    try:
        fd = os.open(lock_path(socket), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def is_socket(path: str) -> bool:
    """Whether ``path`` is a socket itself (not a link, a file or anything else), the only
    kind of file a worker ever removes or replaces.

    >>> is_socket("/")
    False
    """
    try:
        return stat.S_ISSOCK(os.lstat(path).st_mode)
    except OSError:
        return False


__all__ = [
    "DIR_VARIABLE",
    "IDLE_SECONDS",
    "IDLE_VARIABLE",
    "MAX_SOCKET_PATH",
    "SWITCH_VARIABLE",
    "drop_lock",
    "enabled",
    "fingerprint",
    "idle_seconds",
    "import_path",
    "is_socket",
    "lock_path",
    "package_dir",
    "private_dir",
    "runtime_dir",
    "socket_path",
    "starting",
    "take_lock",
    "this_key",
    "this_socket",
]
