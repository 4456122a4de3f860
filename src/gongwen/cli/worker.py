"""``gongwen worker``: show, end, start or run in the foreground the background process that
runs commands without importing gongwen at every call (see :mod:`gongwen.worker`)."""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import time
from pathlib import Path
from typing import Any

from gongwen.cli.common import EXIT_INPUT, EXIT_OK, print_error
from gongwen.i18n import _, ngettext
from gongwen.worker import address, wire

START_TIMEOUT = 15.0
"""Seconds ``gongwen worker start`` waits for the worker to answer: it imports and warms up
first (about a second; the title segmenter's dictionary is most of it)."""


def _ask(path: str, message: dict[str, Any], timeout: float = 2.0) -> dict[str, Any] | None:
    """The worker's answer at ``path`` to ``message``; None when no worker answers."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
        wire.send(sock, message)
        answer, _fds = wire.receive(sock)
        return answer
    except OSError:
        return None
    finally:
        sock.close()


def _sockets() -> list[str]:
    folder = address.runtime_dir(os.environ)
    if not address.private_dir(folder, create=False):
        return []
    return sorted(str(p) for p in Path(folder).glob("w-*.sock") if address.is_socket(str(p)))


def _unavailable() -> int:
    if not address.enabled(os.environ):
        print_error(
            _("后台进程已关闭（{variable}=0）或此平台不支持").format(
                variable=address.SWITCH_VARIABLE
            ),
            command="worker",
        )
    else:
        print_error(
            _("没有可用的私有文件夹放后台进程的套接字：{folder}").format(
                folder=address.runtime_dir(os.environ)
            ),
            command="worker",
        )
    return EXIT_INPUT


def cmd_status(args: argparse.Namespace) -> int:
    """One line for each worker of this user, this environment's marked."""
    del args
    mine = address.this_socket(os.environ)
    shown = 0
    for path in _sockets():
        info = _ask(path, {"op": "status"})
        if info is None:
            continue
        shown += 1
        line = _(
            "pid {pid}：gongwen {version}，已运行 {minutes} 分钟，执行了 {served} 个命令，"
            "空闲 {idle} 秒后退出；{python}"
        ).format(
            pid=info.get("pid"),
            version=info.get("version"),
            minutes=int((time.time() - float(info.get("started", time.time()))) // 60),
            served=info.get("served"),
            idle=int(float(info.get("idle", 0))),
            python=info.get("python"),
        )
        if path == mine:
            line += _("（当前环境）")
        print(line)
    if not shown:
        print(_("没有正在运行的后台进程"))
    return EXIT_OK


def cmd_stop(args: argparse.Namespace) -> int:
    """Tell every worker of this user to end once its commands under way have, and remove
    what killed workers left (their sockets and lock files)."""
    del args
    stopped = 0
    for path in _sockets():
        if _ask(path, {"op": "stop"}) is not None:
            stopped += 1
    sweep()
    print(ngettext("停止了 {n} 个后台进程", "停止了 {n} 个后台进程", stopped).format(n=stopped))
    return EXIT_OK


def sweep() -> None:
    """Remove the socket and lock file of each key no worker holds: a worker that ends
    removes its own, one killed (``kill -9``, a power cut) cannot. A worker still ending
    holds its lock, and its files are its own to remove."""
    folder = address.runtime_dir(os.environ)
    if not address.private_dir(folder, create=False):
        return
    keys = {p.stem for p in Path(folder).glob("w-*.lock")}
    keys |= {p.stem for p in Path(folder).glob("w-*.sock")}
    for key in sorted(keys):
        socket_path = str(Path(folder, f"{key}.sock"))
        fd = address.take_lock(socket_path)
        if fd is None:
            continue
        if address.is_socket(socket_path):
            with contextlib.suppress(OSError):
                Path(socket_path).unlink()
        address.drop_lock(socket_path, fd)


def cmd_start(args: argparse.Namespace) -> int:
    """Start this environment's worker, unless it runs, and wait until it answers."""
    del args
    path = address.this_socket(os.environ)
    if path is None:
        return _unavailable()
    info = _ask(path, {"op": "status"})
    if info is None:
        from gongwen.worker.launcher import start_worker

        start_worker(path)
        deadline = time.monotonic() + START_TIMEOUT
        while info is None and time.monotonic() < deadline:
            time.sleep(0.05)
            info = _ask(path, {"op": "status"})
    if info is None:
        print_error(
            _("后台进程没有在 {seconds} 秒内就绪").format(seconds=int(START_TIMEOUT)),
            command="worker",
        )
        return EXIT_INPUT
    print(_("后台进程已就绪（pid {pid}）：{socket}").format(pid=info.get("pid"), socket=path))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """Be this environment's worker in the foreground until Ctrl-C or idle time."""
    path = address.this_socket(os.environ)
    if path is None:
        return _unavailable()
    from gongwen.cli.worker_server import serve

    idle = args.idle if args.idle is not None else address.idle_seconds(os.environ)

    def ready() -> None:
        print(_("在 {socket} 等待命令（Ctrl-C 结束）").format(socket=path), flush=True)

    status = serve(path, idle, ready)
    if status == 0 and _ask(path, {"op": "status"}) is not None:
        print(_("已有后台进程在 {socket} 服务").format(socket=path))
    elif status != 0:
        print_error(_("无法在 {socket} 服务").format(socket=path), command="worker")
    return status


def seconds(text: str) -> float:
    """A positive, finite number of seconds (``--idle``)."""
    seconds = float(text)
    if not 0 < seconds < float("inf"):
        raise ValueError(text)
    return seconds


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``worker`` with ``status``, ``stop``, ``start`` and ``serve``."""
    p = sub.add_parser(
        "worker",
        help=_("显示、停止或启动执行命令的后台进程"),
        description=_(
            "gongwen 命令把工作交给一个已载入 gongwen 的后台进程，每个命令在它的一个分支进程里"
            "运行，省去每次启动时的导入。没有后台进程时，命令照常自己运行，并在后台启动一个；"
            "后台进程空闲 {idle} 秒（{idle_variable}）后退出。设置 {switch}=0 可关闭。"
        ).format(
            idle=int(address.IDLE_SECONDS),
            idle_variable=address.IDLE_VARIABLE,
            switch=address.SWITCH_VARIABLE,
        ),
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION", action=type(sub))
    status = actions.add_parser("status", help=_("列出本用户正在运行的后台进程"))
    status.set_defaults(func=cmd_status)
    stop = actions.add_parser("stop", help=_("停止本用户的所有后台进程（正在执行的命令会执行完）"))
    stop.set_defaults(func=cmd_stop)
    start = actions.add_parser("start", help=_("为当前环境启动后台进程，并等它就绪"))
    start.set_defaults(func=cmd_start)
    serve = actions.add_parser("serve", help=_("在前台作为当前环境的后台进程运行（调试用）"))
    serve.add_argument(
        "--idle",
        type=seconds,
        metavar="SECONDS",
        help=_("空闲多少秒后退出（默认：{variable} 或 {seconds}）").format(
            variable=address.IDLE_VARIABLE, seconds=int(address.IDLE_SECONDS)
        ),
    )
    serve.set_defaults(func=cmd_serve)


__all__ = ["cmd_serve", "cmd_start", "cmd_status", "cmd_stop", "register", "seconds", "sweep"]
