"""The ``gongwen`` console script: hand the command to a worker when one answers, else run it
in-process and start a worker for the next call (see :mod:`gongwen.worker`).

Nothing here may change what a command does: a command the worker ran and one run here read
the same files, write the same files and print the same bytes with the same exit status
(``tests/cli/test_worker.py`` runs commands both ways and compares them).
"""

from __future__ import annotations

import os
import signal
import sys

from gongwen.worker import address, wire

TYPE_CHECKING = False  # typing's would import typing, a sixth of a command's start
if TYPE_CHECKING:
    import socket
    from collections.abc import Sequence
    from types import FrameType
    from typing import Any

FORWARDED_SIGNALS = (
    "SIGINT",
    "SIGTERM",
    "SIGHUP",
    "SIGQUIT",
    "SIGUSR1",
    "SIGUSR2",
    "SIGTSTP",
    "SIGCONT",
)
"""Signals the launcher passes on to the child running its command: a Ctrl-C or Ctrl-Z in
the terminal reaches the launcher (the foreground process), and the command must see it."""

EXIT_LOST = 70
"""``EX_SOFTWARE``: the worker went away in the middle of a command and its status is not
known (a worker killed with ``kill -9``); the command may or may not have finished."""

# The worker's first line: take the launcher's import path, then boot. ``-c`` keeps
# ``python -m``'s current folder and the console script's folder out of the path, which the
# key was computed from.
_BOOT = (
    "import json, sys; sys.path[:] = json.loads(sys.argv[1]); "
    "from gongwen.worker.launcher import boot; sys.exit(boot(sys.argv[2]))"
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (``sys.argv[1:]``) through a worker, or in-process.

    A worker this call should start is started after the command has run: started before,
    its imports would slow the command they are meant to spare (by a sixth here, on two
    cores), and a single command typed by hand would wait for nothing.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    outcome = through_worker(arguments, os.environ)
    if isinstance(outcome, int):
        return outcome
    from gongwen.cli import main as run_here

    try:
        return run_here(arguments)
    finally:
        if isinstance(outcome, NoWorker):
            start_worker(outcome.path)


class NoWorker:
    """No worker answers at ``path`` and none is starting there: one should be started."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path


def subcommand(arguments: Sequence[str]) -> str | None:
    """The subcommand named in ``arguments``, past the options before it.

    >>> subcommand(["--lang", "en", "worker", "stop"])
    'worker'
    >>> subcommand(["--lang=en", "render", "n.yaml"])
    'render'
    >>> subcommand(["--version"]) is None
    True
    """
    skip = False
    for token in arguments:
        if skip:
            skip = False
        elif token == "--lang":
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def through_worker(arguments: list[str], environ: os._Environ[str]) -> int | NoWorker | None:
    """The exit status of ``arguments`` run by a worker. Otherwise the caller runs the
    command itself: :class:`NoWorker` when it should then start a worker, None when not
    (none is allowed, one is starting, or it cannot be reached)."""
    if subcommand(arguments) == "worker":
        return None
    try:
        path = address.this_socket(environ)
        if path is None:
            return None
        request = _request(arguments, environ)
    except (OSError, ValueError, AttributeError):  # a closed stream, a folder removed under us
        return None
    import socket

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            sock.connect(path)
        except (FileNotFoundError, ConnectionRefusedError):
            return None if address.starting(path) else NoWorker(path)
        except OSError:
            return None
        return _hand_over(sock, request)
    finally:
        sock.close()


def _request(arguments: list[str], environ: os._Environ[str]) -> dict[str, object]:
    streams = []
    for fd, stream in enumerate((sys.stdin, sys.stdout, sys.stderr)):
        os.fstat(fd)  # OSError when closed: then the command runs here, as Python would
        if stream is None:  # pythonw, or a host that took it away
            raise ValueError
        streams.append([stream.encoding, stream.errors, stream.line_buffering])
    mask = os.umask(0o022)
    os.umask(mask)
    return {
        "op": "run",
        "argv": arguments,
        "cwd": os.getcwd(),
        "env": dict(environ),
        "umask": mask,
        "streams": streams,
        "limits": _limits(),
        "niceness": os.getpriority(os.PRIO_PROCESS, 0),
    }


LIMITS = ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_DATA", "RLIMIT_FSIZE", "RLIMIT_NOFILE")
"""Resource limits the command takes from the launcher (``ulimit -v``, ``-t``, ``-f``, ``-n``
in the script that runs it), where the platform has them."""


def _limits() -> dict[str, list[int]]:
    import resource

    out = {}
    for name in LIMITS:
        which = getattr(resource, name, None)
        if which is not None:
            out[name] = list(resource.getrlimit(which))
    return out


def _hand_over(sock: socket.socket, request: dict[str, object]) -> int | None:
    forwarder = _Forwarder()
    try:
        try:
            wire.send(sock, request, (0, 1, 2))
            started, _fds = wire.receive(sock)
        except OSError:
            started = None  # the worker ended before it forked
        if started is None or not isinstance(started.get("pid"), int):
            forwarder.restore()
            return forwarder.act_here()  # nothing ran: run it here, unless stopped
        child: int = started["pid"]
        forwarder.start(child)
        try:
            ended, _fds = wire.receive(sock)
        except OSError:
            ended = None
    finally:
        forwarder.restore()
    if ended is None or not isinstance(ended.get("status"), int):
        from gongwen.i18n import _

        lost = _("后台进程（pid {pid}）在命令结束前退出，命令是否完成未知")
        sys.stderr.write(f"gongwen: {lost.format(pid=child)}\n")
        return EXIT_LOST
    status: int = ended["status"]
    if isinstance(ended.get("signal"), int):
        _end_by(ended["signal"])
    return status


class _Forwarder:
    """Passes each of :data:`FORWARDED_SIGNALS` on to the child running the command. One
    that comes before the child is known (between sending the command and hearing the
    child's pid) is held, and passed on when it is."""

    def __init__(self) -> None:
        self.child: int | None = None
        self.held: list[int] = []
        self.previous: dict[int, Any] = {}
        for name in FORWARDED_SIGNALS:
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            try:
                self.previous[signum] = signal.signal(signum, self._caught)
            except (OSError, ValueError):  # not the main thread, or a signal we may not catch
                continue

    def _caught(self, signum: int, frame: FrameType | None) -> None:
        del frame
        if self.child is None:
            self.held.append(signum)
        else:
            self._pass(signum)

    def _pass(self, signum: int) -> None:
        assert self.child is not None
        # Ctrl-Z: the command stops with the launcher, and goes on when the shell's fg or bg
        # sends the launcher SIGCONT (passed on like the others).
        suspend = signum == getattr(signal, "SIGTSTP", None)
        try:  # (the child may have just ended)
            os.kill(self.child, signal.SIGSTOP if suspend else signum)
        except OSError:
            pass
        if suspend:
            os.kill(os.getpid(), signal.SIGSTOP)

    def start(self, child: int) -> None:
        """Pass signals on to ``child`` from now, those held first."""
        self.child = child
        for signum in self.held:
            self._pass(signum)
        self.held.clear()

    def restore(self) -> None:
        """The handlers as they were before."""
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        self.previous.clear()

    def act_here(self) -> int | None:
        """When no child came: act on the signals held as this process would have without a
        worker. Ctrl-C is the command interrupted (130, as ``gongwen.cli`` reports it); the
        others take their usual course. None when the command is still to run here."""
        held, self.held = self.held, []
        if signal.SIGINT in held:
            from gongwen.i18n import _

            sys.stderr.write(f"gongwen: {_('已中断')}\n")
            return 130
        for signum in held:
            signal.raise_signal(signum)
        return None


def _end_by(signum: int) -> None:
    """End this process by ``signum``, which ended the command's process: a shell, a
    ``subprocess.run`` or a batch system sees the command killed (``Killed``, -9), as it would
    without a worker. Returns only when the signal does not end this process."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    try:  # SIGKILL and SIGSTOP keep theirs
        signal.signal(signum, signal.SIG_DFL)
    except (OSError, ValueError):
        pass
    try:
        os.kill(os.getpid(), signum)
    except (OSError, ValueError):
        pass


def start_worker(path: str) -> None:
    """Start a worker for ``path`` in the background, in a session of its own, with no stream
    of ours: a ``subprocess.run(…, capture_output=True)`` of this command returns when the
    command ends, not when the worker does. A worker that cannot start costs nothing.

    ``posix_spawn`` where it can start a session (Linux, macOS): importing :mod:`subprocess`
    would cost more than the spawn itself.
    """
    import json

    argv = [sys.executable, "-c", _BOOT, json.dumps(address.import_path()), path]
    null = os.devnull
    try:
        os.posix_spawn(
            sys.executable,
            argv,
            os.environ,
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, null, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, null, os.O_WRONLY, 0),
                (os.POSIX_SPAWN_OPEN, 2, null, os.O_WRONLY, 0),
            ],
            setsid=True,
        )
        return
    except (OSError, TypeError, NotImplementedError, AttributeError):
        pass
    import subprocess

    try:
        subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd="/",
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        pass


def boot(path: str) -> int:
    """The worker's start: take the lock of ``path`` first, with the standard library alone
    (so that a worker started in a race with another ends at once, having imported next to
    nothing), then leave the launcher's folder and serve."""
    lock = address.take_lock(path)
    if lock is None:
        return 0
    os.chdir("/")  # hold no folder of the user's
    from gongwen.cli.worker_server import serve_detached

    return serve_detached(path, lock)


__all__ = [
    "EXIT_LOST",
    "FORWARDED_SIGNALS",
    "LIMITS",
    "NoWorker",
    "boot",
    "main",
    "start_worker",
    "subcommand",
    "through_worker",
]
