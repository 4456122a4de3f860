"""The worker itself (see :mod:`gongwen.worker`): it imports and warms up what the commands
need, then forks a child for each command a launcher hands it.

The child becomes the launcher's stand-in (:mod:`gongwen.cli.worker_command`) and sends back
the exit status. The worker reports a child that a signal ended (the signal, which the
launcher then ends by), ends when no command came for its idle time or when its socket is no
longer its own, and never removes or replaces anything but its own socket.
"""

from __future__ import annotations

import contextlib
import io
import os
import select
import signal
import socket
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from gongwen.cli.worker_command import is_command, run_command, watch_launcher
from gongwen.worker import address, wire

CHECK_SECONDS = 5.0
"""How often a worker looks whether its socket is still its own, and whether it is idle."""

HANDOVER_TIMEOUT = 5.0
"""Seconds a worker waits for a connected launcher's command before it drops the connection."""

PRELOADED = (
    "gongwen.cli",
    "gongwen.model",
    "gongwen.loader",
    "gongwen.check",
    "gongwen.check.config",
    "gongwen.compose",
    "gongwen.write",
    "gongwen.write.document",
    "gongwen.read",
    "gongwen.dumper",
    "gongwen.summary",
    "gongwen.batch",
    "gongwen.read.docx",
    "gongwen.read.markdown",
    "docx",
    "markdown_it",
)
"""Modules a worker imports before it serves: those of every command, so that no command's
child imports them again."""

# A small notice run through the commands at start-up, so that a child finds the template
# parsed, the patterns compiled and the title segmenter's dictionary loaded. Its title is long
# enough to need breaking (the segmenter); it has a section, a problem and its measures.
_WARM_UP_TEXT = """\
关于开展社区环境卫生集中整治和老旧小区楼道堆物清理工作情况的通报

各社区居民委员会：
    为进一步改善辖区人居环境，街道于2023年4月开展环境卫生集中整治，现将有关情况通报如下。
    一、总体情况
    （一）整治进展
    问题1：楼道堆物清理不及时，部分楼院仍有卫生死角。
    整改情况：一是建立问题台账，逐项销号。二是每周开展一次巡查。
    二、下一步工作
    请各社区高度重视，确保整治工作按时完成。

二七新村街道办事处
2023年4月30日
"""


def preload() -> None:
    """Import :data:`PRELOADED` and run a small notice through ``parse``, ``render`` and
    ``check`` in both languages, in a temporary folder, printing nothing.

    A module that fails to import or a command that fails here is not the worker's to report:
    the child of the first command that needs it meets the same failure and reports it as the
    command would without a worker.
    """
    import importlib

    for name in PRELOADED:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    with contextlib.suppress(Exception):
        warm_up()


def warm_up() -> list[int]:
    """The exit statuses of the warm-up commands (0 or 1: a finding is not a failure)."""
    from gongwen.cli import main

    statuses = []
    with tempfile.TemporaryDirectory(prefix="gongwen-warm-") as folder:
        text = Path(folder, "n.txt")
        text.write_text(_WARM_UP_TEXT, encoding="utf-8")
        notice = str(Path(folder, "n.yaml"))
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            for argv in (
                ["parse", str(text), "-o", notice],
                ["render", notice, "-o", str(Path(folder, "n.docx"))],
                ["check", notice],
                ["--lang", "en", "check", str(text)],
            ):
                statuses.append(main(argv))
    return statuses


def serve_detached(path: str, lock: int) -> int:
    """A worker a launcher started, holding ``lock`` (:func:`gongwen.worker.launcher.boot`):
    serve ``path`` until idle for the environment's idle time. Its exit status is no one's
    to read; it is 0 unless it could not start."""
    return serve(path, address.idle_seconds(os.environ), lock=lock)


def serve(
    path: str,
    idle: float,
    ready: Callable[[], None] | None = None,
    lock: int | None = None,
) -> int:
    """Serve commands on the socket ``path`` until no command came for ``idle`` seconds, a
    ``stop`` came, SIGTERM or SIGINT arrived, or ``path`` stopped being this worker's socket.

    The worker takes the lock of ``path`` (unless it is handed ``lock``, held already), then
    imports and warms up, and only then makes its socket: a launcher that comes meanwhile
    finds no socket and runs its command itself, rather than waiting for the warm-up (about
    a second, the title segmenter's dictionary most of it), and starts no other worker while
    the lock is held (:func:`gongwen.worker.address.starting`).

    Returns 0, also when another worker already serves ``path`` (this one has nothing to do);
    2 when the folder is not private or something that is not a socket is at ``path``.
    ``ready``, when given, is called once the worker answers (the foreground command prints).
    """
    if not address.private_dir(str(Path(path).parent), create=False):
        return 2
    if lock is None:
        lock = address.take_lock(path)
        if lock is None:
            return 0
    try:
        if os.path.lexists(path) and not address.is_socket(path):
            return 2
        preload()
        if os.path.lexists(path):
            if not address.is_socket(path):
                return 2
            Path(path).unlink()  # a dead worker's: no live worker holds the lock
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(path)
            listener.listen(64)
            identity = _identity(path)
        except OSError:
            listener.close()
            return 2
        try:
            if ready is not None:
                ready()
            _Worker(listener, path, identity, idle, lock).run()
        finally:
            listener.close()
            release(path, identity)
    finally:
        address.drop_lock(path, lock)
    return 0


def release(path: str, identity: tuple[int, int]) -> None:
    """Remove the socket at ``path`` if it is still the one this worker made."""
    if identity_of(path) == identity:
        with contextlib.suppress(OSError):
            Path(path).unlink()


def _identity(path: str) -> tuple[int, int]:
    info = os.lstat(path)
    return info.st_dev, info.st_ino


def identity_of(path: str) -> tuple[int, int] | None:
    """The device and inode of the socket at ``path``; None when none is there."""
    return _identity(path) if address.is_socket(path) else None


def same_user(conn: socket.socket) -> bool:
    """Whether the peer of ``conn`` runs as this user. The private folder already keeps
    others out; Linux lets the worker make sure (``SO_PEERCRED``), elsewhere the folder's
    permissions are the guard."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    size = struct.calcsize("3i")
    _pid, uid, _gid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, option, size))
    return bool(uid == os.getuid())


class _Worker:
    """The serving loop: accept, fork, reap, and end when idle or told to."""

    def __init__(
        self, listener: socket.socket, path: str, identity: tuple[int, int], idle: float, lock: int
    ) -> None:
        self.listener = listener
        self.path = path
        self.identity = identity
        self.idle = idle
        self.lock = lock
        self.children: dict[int, socket.socket] = {}
        self.served = 0
        self.started = time.time()
        self.last = time.monotonic()
        self.stopping = False
        self.wake_r, self.wake_w = os.pipe()

    def run(self) -> None:
        for fd in (self.wake_r, self.wake_w):
            os.set_blocking(fd, False)
        previous = self._install_signals()
        try:
            while not self.stopping:
                timeout = self._timeout()
                if timeout <= 0:
                    break
                waited: list[Any] = [self.listener, self.wake_r]
                ready, _w, _x = select.select(waited, [], [], timeout)
                if self.wake_r in ready:
                    with contextlib.suppress(OSError):
                        os.read(self.wake_r, 4096)
                self._reap(block=False)
                if self.listener in ready and not self.stopping:
                    self._accept()
                if identity_of(self.path) != self.identity:
                    break  # removed or replaced: another worker serves, or a stop
            # No more commands: the next launcher starts a new worker; those under way
            # still report their status.
            self.listener.close()
            release(self.path, self.identity)
            while self.children:
                self._reap(block=True)
        finally:
            signal.set_wakeup_fd(-1)
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            for conn in self.children.values():
                conn.close()
            os.close(self.wake_r)
            os.close(self.wake_w)

    def _install_signals(self) -> dict[int, Any]:
        def stop(signum: int, frame: FrameType | None) -> None:
            del signum, frame
            self.stopping = True

        signal.set_wakeup_fd(self.wake_w)
        previous: dict[int, Any] = {signal.SIGCHLD: signal.signal(signal.SIGCHLD, _nothing)}
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            previous[signum] = signal.signal(signum, stop)
        return previous

    def _timeout(self) -> float:
        if self.children:
            return CHECK_SECONDS
        return min(CHECK_SECONDS, self.idle - (time.monotonic() - self.last))

    def _accept(self) -> None:
        try:
            conn, _address = self.listener.accept()
        except OSError:
            return
        fds: list[int] = []
        try:
            conn.settimeout(HANDOVER_TIMEOUT)
            if not same_user(conn):
                return
            message, fds = wire.receive(conn, max_fds=3)
            if message is None:
                return
            op = message.get("op")
            if op == "run" and len(fds) == 3 and is_command(message):
                self._fork(conn, message, fds)
                conn = None  # type: ignore[assignment]  # kept for the child's status
            elif op == "status":
                wire.send(conn, self.status())
            elif op == "stop":
                self.stopping = True
                wire.send(conn, {"pid": os.getpid()})
        except OSError:
            pass
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            if conn is not None:
                conn.close()

    def status(self) -> dict[str, Any]:
        """What ``gongwen worker status`` shows of this worker."""
        from gongwen import __version__

        return {
            "pid": os.getpid(),
            "version": __version__,
            "python": sys.executable,
            "package": address.package_dir(),
            "socket": self.path,
            "started": self.started,
            "served": self.served,
            "running": len(self.children),
            "idle": self.idle,
            "idle_for": time.monotonic() - self.last,
        }

    def _fork(self, conn: socket.socket, message: dict[str, Any], fds: list[int]) -> None:
        pid = os.fork()
        if pid == 0:  # the child: never returns
            status = 70
            try:
                status = self._become_command(conn, message, fds)
            finally:
                os._exit(status & 0xFF)
        self.children[pid] = conn
        self.served += 1
        self.last = time.monotonic()

    def _become_command(self, conn: socket.socket, message: dict[str, Any], fds: list[int]) -> int:
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        self.listener.close()
        for other in self.children.values():
            other.close()
        for fd in (self.wake_r, self.wake_w, self.lock):
            os.close(fd)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        fds.clear()
        conn.settimeout(None)
        with contextlib.suppress(OSError):
            wire.send(conn, {"pid": os.getpid()})
        stop_watching = watch_launcher(conn)
        status = run_command(message)
        stop_watching()
        with contextlib.suppress(OSError):
            wire.send(conn, {"status": status})
        return status

    def _reap(self, *, block: bool) -> None:
        while self.children:
            try:
                pid, code = os.waitpid(-1, 0 if block else os.WNOHANG)
            except ChildProcessError:
                self.children.clear()
                return
            if pid == 0:
                return
            conn = self.children.pop(pid, None)
            self.last = time.monotonic()
            if conn is None:
                continue
            # The child sent its status before it ended; this one counts only when it could
            # not (a signal ended it). The launcher keeps the first status it reads.
            status = os.waitstatus_to_exitcode(code)
            ended: dict[str, Any] = {"status": status}
            if status < 0:  # ended by a signal: the launcher ends by the same one
                ended = {"status": 128 - status, "signal": -status}
            with contextlib.suppress(OSError):
                wire.send(conn, ended)
            conn.close()
            if block:
                return


def _nothing(signum: int, frame: FrameType | None) -> None:
    del signum, frame  # SIGCHLD only wakes the loop (set_wakeup_fd)


__all__ = [
    "CHECK_SECONDS",
    "HANDOVER_TIMEOUT",
    "PRELOADED",
    "identity_of",
    "preload",
    "release",
    "same_user",
    "serve",
    "serve_detached",
    "warm_up",
]
