"""The command's side of the worker (see :mod:`gongwen.worker`): a child of the worker takes
the launcher's place — its folder, environment, umask, resource limits, niceness and standard
streams — and runs the command as ``python -m gongwen.cli`` would."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from types import FrameType
from typing import Any


def is_command(message: dict[str, Any]) -> bool:
    """Whether a ``run`` message has the launcher's fields, with their types.

    >>> is_command({"argv": ["check", "n.yaml"], "cwd": "/tmp", "env": {"LANG": "C"},
    ...              "umask": 18, "streams": [["utf-8", "strict", False]] * 3})
    True
    >>> is_command({"argv": "check n.yaml", "cwd": "/tmp", "env": {}, "umask": 18, "streams": []})
    False
    """
    streams = message.get("streams")
    env = message.get("env")
    return (
        isinstance(message.get("argv"), list)
        and all(isinstance(a, str) for a in message["argv"])
        and isinstance(message.get("cwd"), str)
        and isinstance(env, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in env.items())
        and isinstance(message.get("umask"), int)
        and isinstance(streams, list)
        and len(streams) == 3
        and all(
            isinstance(s, list)
            and len(s) == 3
            and isinstance(s[0], str)
            and isinstance(s[1], str)
            and isinstance(s[2], bool)
            for s in streams
        )
    )


def run_command(message: dict[str, Any]) -> int:
    """In a child: take the launcher's place (folder, environment, umask, streams, arguments)
    and run the command as ``python -m gongwen.cli`` would; its exit status."""
    try:
        os.chdir(message["cwd"])
    except OSError as exc:
        from gongwen.oserror import os_error_line

        os.write(2, f"gongwen: {os_error_line(exc)}\n".encode("utf-8", "replace"))
        return 2
    os.environ.clear()
    os.environ.update(message["env"])
    time.tzset()  # today's date is the launcher's, in its TZ
    tempfile.tempdir = None  # the launcher's TMPDIR, not the one the warm-up used
    os.umask(message["umask"])
    _take_limits(message.get("limits"), message.get("niceness"))
    _take_streams(message["streams"])
    argv: list[str] = message["argv"]
    sys.argv = ["gongwen", *argv]
    from gongwen.cli import main

    try:
        status = _exit_status(main(argv))
    except SystemExit as exc:  # argparse: --help, --version, a usage error
        status = _exit_status(exc.code)
    except KeyboardInterrupt:
        status = 130
    except BaseException:  # as Python would: the traceback and 1
        traceback.print_exc()
        status = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    return status


def _take_limits(limits: object, niceness: object) -> None:
    """The launcher's resource limits and niceness, as far as this process may take them: a
    limit above the worker's hard limit, or a higher priority, needs a privilege it may not
    have, and then the worker's own stays."""
    import resource

    if isinstance(limits, dict):
        for name, value in limits.items():
            which = getattr(resource, str(name), None)
            if which is None or not (isinstance(value, list) and len(value) == 2):
                continue
            soft, hard = value
            with contextlib.suppress(ValueError, OSError, TypeError):
                resource.setrlimit(which, (soft, hard))
                continue
            with contextlib.suppress(ValueError, OSError, TypeError):  # within our hard limit
                current_hard = resource.getrlimit(which)[1]
                capped = current_hard if soft == resource.RLIM_INFINITY else soft
                if current_hard != resource.RLIM_INFINITY:
                    capped = min(capped, current_hard)
                resource.setrlimit(which, (capped, current_hard))
    if isinstance(niceness, int):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, 0, niceness)


def _exit_status(code: object) -> int:
    """The exit status ``sys.exit(code)`` gives, as Python computes it.

    >>> _exit_status(None), _exit_status(3)
    (0, 3)
    """
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def _take_streams(streams: list[list[Any]]) -> None:
    """``sys.stdin``, ``sys.stdout`` and ``sys.stderr`` on descriptors 0–2, with the
    launcher's encodings, error handlers and line buffering."""
    opened: list[Any] = []
    for fd, (mode, (encoding, errors, line_buffering)) in enumerate(
        zip(("r", "w", "w"), streams, strict=True)
    ):
        opened.append(
            open(  # noqa: SIM115 - they live as long as the process
                fd,
                mode,
                buffering=1 if line_buffering else -1,
                encoding=encoding,
                errors=errors,
                closefd=False,
            )
        )
    sys.stdin, sys.stdout, sys.stderr = opened


def watch_launcher(conn: socket.socket) -> Callable[[], None]:
    """Until the function returned is called, stop the command as SIGTERM would when the
    launcher goes away (killed, even by SIGKILL, which it cannot forward): in-process, the
    command would have gone with it. A ``gongwen batch`` whose launcher was killed does not
    go on writing reports nobody waits for.

    The launcher sends nothing after its command, so the connection becomes readable only
    when it closes; ``O_ASYNC`` makes that a SIGIO, without a thread (forking a process that
    has threads, as a batch's pool does, is unsafe). Where the platform has no SIGIO or
    ``O_ASYNC`` the command runs to its end.
    """
    sigio = getattr(signal, "SIGIO", None)
    o_async = getattr(os, "O_ASYNC", None)
    if sigio is None or o_async is None:
        return lambda: None
    watching = True

    def closed() -> bool:
        try:
            return conn.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False  # SIGIO for another reason: the launcher is there
        except OSError:
            return True

    def gone(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        if watching and closed():
            signal.raise_signal(signal.SIGTERM)

    def stop() -> None:
        nonlocal watching
        watching = False
        signal.signal(sigio, signal.SIG_IGN)

    signal.signal(sigio, gone)
    fd = conn.fileno()
    try:
        fcntl.fcntl(fd, fcntl.F_SETOWN, os.getpid())
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | o_async)
    except OSError:
        return stop
    if closed():  # gone before the watch began
        signal.raise_signal(signal.SIGTERM)
    return stop


__all__ = ["is_command", "run_command", "watch_launcher"]
