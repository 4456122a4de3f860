"""The worker (gongwen.worker): a command handed to it does exactly what it does in-process —
same files, same bytes on stdout and stderr, same exit status — and the worker starts,
serves, ends and keeps out of the way as documented.

Each test runs the console script's code (``gongwen.worker.launcher.main``) from a script
file, as the installed ``gongwen`` command does, with the worker's folder in ``tmp_path`` and
the worker turned on there only; every worker a test started is stopped at its end.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gongwen.cli.worker import _ask
from gongwen.cli.worker_server import warm_up
from gongwen.worker import address, wire
from tests.conftest import EXAMPLES, SEED

pytestmark = pytest.mark.skipif(
    not address.enabled({}), reason="the worker needs fork and descriptor passing (POSIX)"
)

DATA = Path(__file__).resolve().parents[1] / "data"

SCRIPT = """\
import sys
from gongwen.worker.launcher import main
sys.exit(main())
"""


class Worker:
    """A folder for workers, the launcher script, and ways to run and ask."""

    def __init__(self, root: Path) -> None:
        self.folder = root / "run"
        self.folder.mkdir(mode=0o700)
        bin_dir = root / "bin"
        bin_dir.mkdir()
        self.script = bin_dir / "gongwen_launcher.py"
        self.script.write_text(SCRIPT, encoding="utf-8")
        self.env = {
            **os.environ,
            "GONGWEN_WORKER": "1",
            "GONGWEN_RUNTIME_DIR": str(self.folder),
            "GONGWEN_WORKER_IDLE": "60",
        }

    def run(
        self,
        *args: str,
        cwd: Path | None = None,
        worker: bool = True,
        limits: Callable[[], None] | None = None,
        **env: str,
    ) -> subprocess.CompletedProcess[bytes]:
        environ = {**self.env, **env, **({} if worker else {"GONGWEN_WORKER": "0"})}
        return subprocess.run(
            [sys.executable, str(self.script), *args],
            capture_output=True,
            cwd=cwd,
            env=environ,
            timeout=120,
            check=False,
            preexec_fn=limits,
        )

    def sockets(self) -> list[Path]:
        return sorted(p for p in self.folder.glob("w-*.sock") if stat.S_ISSOCK(p.lstat().st_mode))

    def status(self) -> dict[str, object] | None:
        for path in self.sockets():
            info = _ask(str(path), {"op": "status"})
            if info is not None:
                return info
        return None

    def start(self) -> dict[str, object]:
        done = self.run("worker", "start")
        assert done.returncode == 0, done.stderr.decode()
        info = self.status()
        assert info is not None
        return info

    def wait_gone(self, seconds: float = 20, *, sockets_too: bool = True) -> bool:
        """Whether, within ``seconds``, no worker answers (and, with ``sockets_too``, no
        socket is left: a worker that ends removes its own; one killed leaves it)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.status() is None and not (sockets_too and self.sockets()):
                return True
            time.sleep(0.1)
        return False


@pytest.fixture
def worker(tmp_path: Path) -> Iterator[Worker]:
    # A Unix socket's path has about 100 bytes; a deep temporary folder has no room for one.
    if address.socket_path(str(tmp_path / "run"), "0" * 24) is None:
        pytest.skip("the temporary folder's path is too long for a Unix socket")
    w = Worker(tmp_path)
    yield w
    pids = [info["pid"] for p in w.sockets() if (info := _ask(str(p), {"op": "status"}))]
    w.run("worker", "stop")
    if not w.wait_gone(sockets_too=False):
        for pid in pids:
            if isinstance(pid, int):
                os.kill(pid, signal.SIGKILL)


def _served(w: Worker) -> int:
    info = w.status()
    assert info is not None
    served = info["served"]
    assert isinstance(served, int)
    return served


def test_the_first_command_runs_itself_and_starts_a_worker_for_the_next(
    worker: Worker, tmp_path: Path
) -> None:
    done = worker.run("render", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "a.docx"))
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / "a.docx").is_file()
    deadline = time.monotonic() + 30
    while worker.status() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _served(worker) == 0  # the first command ran in the launcher itself
    done = worker.run("render", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "b.docx"))
    assert done.returncode == 0
    assert _served(worker) == 1
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


# Commands run both ways from a folder holding copies of the inputs, by relative paths: what
# each prints, its exit status and every file it leaves must be the same.
CASES = {
    "render": ["render", "minimal.yaml", "-o", "out.docx"],
    "render beside the input": ["render", "full.yaml"],
    "check with findings": ["check", "seed.txt"],
    "check in English": ["--lang", "en", "check", "seed.txt"],
    "parse to stdout": ["parse", "seed.txt"],
    "parse to a file": ["parse", "seed.txt", "-o", "seed.yaml"],
    "validate": ["validate", "long.yaml"],
    "a missing file": ["render", "missing.yaml"],
    "a usage error": ["render"],
    "help": ["render", "--help"],
    "version": ["--version"],
    "schema": ["schema"],
    "batch": ["batch", "communities.yaml", "-o", "out", "-j", "2"],
    "next round": ["next", "full.yaml", "-o", "next.yaml", "--date", "2030-09-01"],
    "format a draft": ["format", "seed.txt", "-o", "formatted.docx"],
    "check and fix": ["check", "--fix", "long.yaml", "-o", "fixed.yaml"],
    "render Markdown": ["render", "draft.md", "-o", "draft.docx"],
    "parse a .docx from WPS": ["parse", "wps.docx"],
}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name in ("minimal.yaml", "full.yaml", "long.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(EXAMPLES / "batch" / "communities.yaml", folder / "communities.yaml")
    shutil.copy(DATA / "markdown" / "front-matter.md", folder / "draft.md")
    shutil.copy(DATA / "corpus" / "029_hexi_shequ_wps.docx", folder / "wps.docx")
    return folder


def _outcome(
    w: Worker,
    args: list[str],
    folder: Path,
    worker: bool,
    limits: Callable[[], None] | None = None,
    **env: str,
) -> tuple[int, bytes, bytes, dict[str, bytes]]:
    """The exit status, stdout, stderr and every new file (by path, with its bytes) of
    ``args`` run in ``folder``; the new files are removed after."""
    before = set(folder.iterdir())
    done = w.run(*args, cwd=folder, worker=worker, limits=limits, **env)
    made: dict[str, bytes] = {}
    for top in set(folder.iterdir()) - before:
        for path in sorted([top, *top.rglob("*")] if top.is_dir() else [top]):
            made[path.relative_to(folder).as_posix()] = b"" if path.is_dir() else path.read_bytes()
        if top.is_dir():
            shutil.rmtree(top)
        else:
            top.unlink()
    return done.returncode, done.stdout, done.stderr, made


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_command_the_worker_runs_does_what_it_does_in_process(
    worker: Worker, inputs: Path, case: str
) -> None:
    worker.start()
    args = CASES[case]
    served = _served(worker)
    through_worker = _outcome(worker, args, inputs, worker=True)
    assert _served(worker) == served + 1
    in_process = _outcome(worker, args, inputs, worker=False)
    assert through_worker == in_process


def test_the_launchers_environment_and_locale_are_the_commands(
    worker: Worker, inputs: Path
) -> None:
    worker.start()
    args = ["check", "seed.txt"]
    english = _outcome(worker, args, inputs, worker=True, GONGWEN_LANG="en")
    assert english == _outcome(worker, args, inputs, worker=False, GONGWEN_LANG="en")
    assert b"findings (" in english[1]
    chinese = _outcome(worker, args, inputs, worker=True)
    assert chinese != english


def _small_files() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


def test_the_launchers_resource_limits_are_the_commands(worker: Worker, inputs: Path) -> None:
    """``ulimit -f`` in the script that runs the command holds for the command: the .docx
    is bigger than the limit, so writing it fails (Python ignores SIGXFSZ), both ways."""
    worker.start()
    args = ["render", "full.yaml", "-o", "full.docx"]
    limited = _outcome(worker, args, inputs, worker=True, limits=_small_files)
    assert limited == _outcome(worker, args, inputs, worker=False, limits=_small_files)
    assert limited[0] == 2, limited[2].decode()
    assert limited[3] == {}  # nothing written, no temporary file left
    done = worker.run("render", "full.yaml", "-o", "full.docx", cwd=inputs)
    assert done.returncode == 0  # the next command, without the limit, is not held to it


def test_a_reader_that_goes_away_ends_the_command_quietly(worker: Worker) -> None:
    """``gongwen schema | head -c 10``, the reader gone before the command writes (so the
    outcome does not hang on which process is quicker): 141 and nothing on stderr, with or
    without a worker; the pipe itself crossed to the child."""
    worker.start()
    outcomes = []
    for on in ("1", "0"):
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            done = subprocess.run(
                [sys.executable, str(worker.script), "schema"],
                stdout=write_end,
                stderr=subprocess.PIPE,
                env={**worker.env, "GONGWEN_WORKER": on},
                timeout=60,
                check=False,
            )
        finally:
            os.close(write_end)
        outcomes.append((done.returncode, done.stderr))
    assert outcomes == [(141, b""), (141, b"")]
    assert _served(worker) == 1


@contextlib.contextmanager
def _converting(worker: Worker, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``gongwen pdf`` through the launcher, caught in the middle: LibreOffice (a stand-in
    that sleeps) has started. The stand-in is ``tmp_path / "fake-soffice"``."""
    fake, marker = _fake_soffice(tmp_path)
    env = {**worker.env, "GONGWEN_SOFFICE": str(fake)}
    with subprocess.Popen(
        [sys.executable, str(worker.script), "pdf", str(EXAMPLES / "minimal.yaml"), "-o", "m.pdf"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    ) as process:
        _wait_for(marker)
        yield process


def _fake_soffice(tmp_path: Path) -> tuple[Path, Path]:
    marker = tmp_path / "soffice-started"
    fake = tmp_path / "fake-soffice"
    fake.write_text(f'#!/bin/sh\ntouch "{marker}"\nexec sleep 20\n', encoding="utf-8")
    fake.chmod(0o755)
    return fake, marker


def _wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_and_sigterm_reach_the_command(
    worker: Worker, tmp_path: Path, signum: int, status: int
) -> None:
    """A Ctrl-C reaches the launcher (the terminal's foreground process); the command, in the
    worker's child, must stop as it would in-process: 已中断 and 130, or 143 for SIGTERM."""
    worker.start()
    with _converting(worker, tmp_path) as process:
        process.send_signal(signum)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == status, err.decode()
    if signum == signal.SIGINT:
        assert "已中断" in err.decode()
    assert _served(worker) == 1


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return [int(line) for line in found.stdout.split()]


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep (procps) is not installed")
def test_a_child_killed_by_a_signal_is_reported_as_a_shell_would(
    worker: Worker, tmp_path: Path
) -> None:
    info = worker.start()
    with _converting(worker, tmp_path) as process:
        pid = info["pid"]
        assert isinstance(pid, int)
        children = _children(pid)
        assert len(children) == 1
        os.kill(children[0], signal.SIGKILL)
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL  # as if the launcher itself had been killed
    assert worker.status() is not None  # the worker goes on serving


def test_an_idle_worker_ends_and_removes_its_socket(worker: Worker) -> None:
    worker.env["GONGWEN_WORKER_IDLE"] = "2"
    worker.start()
    assert worker.sockets()
    assert worker.wait_gone(30)
    assert not list(worker.folder.glob("w-*.sock"))


def test_stop_ends_every_worker_and_status_says_so(worker: Worker) -> None:
    worker.start()
    listed = worker.run("worker", "status")
    assert "（当前环境）" in listed.stdout.decode()
    stopped = worker.run("worker", "stop")
    assert stopped.stdout.decode().strip() == "停止了 1 个后台进程"
    assert worker.wait_gone()
    assert worker.run("worker", "status").stdout.decode().strip() == "没有正在运行的后台进程"


def test_a_killed_workers_socket_is_taken_over(worker: Worker, tmp_path: Path) -> None:
    info = worker.start()
    pid = info["pid"]
    assert isinstance(pid, int)
    os.kill(pid, signal.SIGKILL)
    (stale,) = worker.sockets()  # left behind: nobody removed it
    done = worker.run("render", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "a.docx"))
    assert done.returncode == 0
    deadline = time.monotonic() + 30
    while worker.status() is None:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert worker.status()["pid"] != pid  # type: ignore[index]
    assert worker.sockets() == [stale]


@pytest.mark.parametrize("kind", ["file", "fifo", "folder"])
def test_what_is_not_a_socket_at_the_workers_path_is_left_alone(
    worker: Worker, tmp_path: Path, kind: str
) -> None:
    worker.start()
    (path,) = worker.sockets()
    worker.run("worker", "stop")
    assert worker.wait_gone()
    if kind == "file":
        path.write_text("a clerk's notes", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    for name in ("a.docx", "b.docx"):
        done = worker.run("render", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / name))
        assert done.returncode == 0, done.stderr.decode()
    time.sleep(1)  # a worker the first command started has had time to try
    assert worker.status() is None
    mode = path.lstat().st_mode
    assert {"file": stat.S_ISREG, "fifo": stat.S_ISFIFO, "folder": stat.S_ISDIR}[kind](mode)
    if kind == "file":
        assert path.read_text(encoding="utf-8") == "a clerk's notes"


@pytest.mark.parametrize("mode", [0o755, 0o770, 0o707])
def test_a_folder_others_may_enter_is_not_used(worker: Worker, tmp_path: Path, mode: int) -> None:
    worker.folder.chmod(mode)
    done = worker.run("render", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "a.docx"))
    assert done.returncode == 0
    time.sleep(0.5)
    assert list(worker.folder.iterdir()) == []
    refused = worker.run("worker", "start")
    assert refused.returncode == 2
    assert "私有文件夹" in refused.stderr.decode()


def test_a_link_in_place_of_the_folder_is_not_followed(worker: Worker, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    worker.folder.rmdir()
    worker.folder.symlink_to(target)
    done = worker.run("render", str(EXAMPLES / "minimal.yaml"), "-o", str(tmp_path / "a.docx"))
    assert done.returncode == 0
    time.sleep(0.5)
    assert list(target.iterdir()) == []


def test_turned_off_no_worker_starts(worker: Worker, tmp_path: Path) -> None:
    for value in ("0", "off", "false"):
        done = worker.run(
            "render",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            str(tmp_path / "a.docx"),
            GONGWEN_WORKER=value,
        )
        assert done.returncode == 0
    time.sleep(0.5)
    assert list(worker.folder.iterdir()) == []


LAUNCH_AND_LIST = """\
import os, sys
from gongwen.worker.launcher import through_worker
status = through_worker(sys.argv[1:], os.environ)
print(status, file=sys.stderr)  # the worker ran it: its exit status
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""


def test_the_launcher_imports_nothing_of_gongwen_but_the_worker_package(
    worker: Worker, tmp_path: Path
) -> None:
    worker.start()
    script = worker.script.parent / "gongwen_launcher_list.py"
    script.write_text(LAUNCH_AND_LIST, encoding="utf-8")
    # The same import path as the launcher script's (its folder first), so the same worker.
    out = tmp_path / "a.docx"
    done = subprocess.run(
        [sys.executable, str(script), "render", str(EXAMPLES / "minimal.yaml"), "-o", str(out)],
        capture_output=True,
        text=True,
        env=worker.env,
        check=False,
    )
    status, modules = done.stderr.strip().splitlines()[-2:]
    assert status == "0"
    assert out.is_file()
    loaded = set(modules.split())
    ours = {m for m in loaded if m.split(".")[0] == "gongwen"}
    assert ours <= {
        "gongwen",
        "gongwen._version",
        "gongwen.worker",
        "gongwen.worker.address",
        "gongwen.worker.wire",
        "gongwen.worker.launcher",
    }
    assert not {"pydantic", "lxml", "ruamel", "docx", "argparse"} & {
        m.split(".")[0] for m in loaded
    }


def test_the_warm_up_runs_every_command_it_names() -> None:
    """What a worker runs at start-up succeeds here (a failure would only slow the first
    command of each kind, silently)."""
    assert all(status in (0, 1) for status in warm_up())


def test_messages_cross_whole_with_descriptors() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    read_end, write_end = os.pipe()
    try:
        message = {"argv": ["\udcff.yaml", "公文"], "env": {"A": "b"}}
        wire.send(left, message, [write_end])
        got, fds = wire.receive(right, max_fds=3)
        assert got == message
        assert len(fds) == 1
        os.write(fds[0], b"x")
        assert os.read(read_end, 1) == b"x"
        os.close(fds[0])
        left.close()
        assert wire.receive(right) == (None, [])
    finally:
        for fd in (read_end, write_end):
            os.close(fd)
        right.close()


@pytest.mark.parametrize(
    "data",
    [
        b'\x00\x00\x00\x10{"op": ',  # cut short
        b"\xff\xff\xff\xff",  # longer than any message of ours
        b"\x00\x00\x00\x03[1]",  # not an object
        b"\x00\x00",  # a length cut short
    ],
)
def test_a_message_that_is_not_ours_is_refused(data: bytes) -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right:
        left.sendall(data)
        left.shutdown(socket.SHUT_WR)
        with pytest.raises(wire.WireError):
            wire.receive(right, max_fds=3)


def test_a_worker_refuses_a_command_that_is_not_whole(worker: Worker) -> None:
    """A connection that sends a ``run`` without its streams is dropped, and the worker
    goes on serving."""
    worker.start()
    (path,) = worker.sockets()
    assert _ask(str(path), {"op": "run", "argv": ["--version"]}) is None
    assert worker.status() is not None


def test_private_dir(tmp_path: Path) -> None:
    made = tmp_path / "made"
    assert address.private_dir(str(made), create=True)
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert not address.private_dir(str(tmp_path / "absent"), create=False)
    open_folder = tmp_path / "open"
    open_folder.mkdir(mode=0o700)
    open_folder.chmod(0o777)
    assert not address.private_dir(str(open_folder), create=True)
    link = tmp_path / "link"
    link.symlink_to(made)
    assert not address.private_dir(str(link), create=True)


def test_the_key_changes_with_the_package_and_the_path(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("x = 1", encoding="utf-8")
    (package / "__pycache__").mkdir()
    key = address.fingerprint(str(package), ["/x"], "/py", "3.11")
    (package / "__pycache__" / "a.pyc").write_bytes(b"cache")
    assert address.fingerprint(str(package), ["/x"], "/py", "3.11") == key  # caches aside
    assert address.fingerprint(str(package), ["/y"], "/py", "3.11") != key
    assert address.fingerprint(str(package), ["/x"], "/py2", "3.11") != key
    (package / "b.py").write_text("", encoding="utf-8")
    assert address.fingerprint(str(package), ["/x"], "/py", "3.11") != key


@pytest.mark.parametrize("kind", ["file", "fifo", "link"])
def test_serve_refuses_a_path_that_is_not_a_socket(tmp_path: Path, kind: str) -> None:
    """The worker itself, asked to serve a path where something else is, leaves it and says
    so (exit 2), whatever started it."""
    from gongwen.cli.worker_server import serve

    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    path = folder / "w-0123.sock"
    if kind == "file":
        path.write_text("notes", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(tmp_path / "elsewhere.sock")
    assert serve(str(path), idle=1.0) == 2
    assert path.is_symlink() if kind == "link" else path.exists()
    if kind == "file":
        assert path.read_text(encoding="utf-8") == "notes"


def test_serve_refuses_a_folder_others_may_enter(tmp_path: Path) -> None:
    from gongwen.cli.worker_server import serve

    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    folder.chmod(0o775)
    assert serve(str(folder / "w-0123.sock"), idle=1.0) == 2
    assert list(folder.iterdir()) == []


NICE_AND_LIMITS = """\
import os, resource, sys
from gongwen.cli.worker_command import _take_limits
base = os.getpriority(os.PRIO_PROCESS, 0)
_take_limits({"RLIMIT_NOFILE": [64, 64], "RLIMIT_BOGUS": [1, 1]}, base + 3)
print(os.getpriority(os.PRIO_PROCESS, 0) - base, resource.getrlimit(resource.RLIMIT_NOFILE))
"""


def test_a_child_takes_the_launchers_niceness_and_limits() -> None:
    done = subprocess.run(
        [sys.executable, "-c", NICE_AND_LIMITS], capture_output=True, text=True, check=True
    )
    assert done.stdout.split(maxsplit=1) == ["3", "(64, 64)\n"]


def test_commands_run_side_by_side(worker: Worker, inputs: Path) -> None:
    """Eight launchers at once (``xargs -P 8``): the worker forks a child for each, and each
    writes what the command in-process writes."""
    worker.start()
    expected = _outcome(worker, ["render", "full.yaml", "-o", "x.docx"], inputs, worker=False)
    env = {**worker.env}
    processes = [
        subprocess.Popen(
            [sys.executable, str(worker.script), "render", "full.yaml", "-o", f"p{i}.docx"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=inputs,
            env=env,
        )
        for i in range(8)
    ]
    for i, process in enumerate(processes):
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
        assert err.decode() == expected[2].decode().replace("x.docx", f"p{i}.docx")
        assert (inputs / f"p{i}.docx").read_bytes() == expected[3]["x.docx"]
    assert _served(worker) == 8


@pytest.mark.skipif(
    shutil.which("pgrep") is None or not Path("/proc/self/cmdline").exists(),
    reason="needs pgrep and /proc to list the workers",
)
def test_launchers_that_all_find_no_worker_start_one(worker: Worker, tmp_path: Path) -> None:
    """Six first calls at once each start a worker; one serves, the others see its lock and
    end, and no process is left but that one."""
    processes = [
        subprocess.Popen(
            [sys.executable, str(worker.script), "--version"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=worker.env,
        )
        for _ in range(6)
    ]
    for process in processes:
        process.communicate(timeout=120)
        assert process.returncode == 0
    deadline = time.monotonic() + 30
    while worker.status() is None:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert len(worker.sockets()) == 1
    pid = worker.status()["pid"]  # type: ignore[index]
    deadline = time.monotonic() + 30  # the others read the lock and end (slowly on a busy CI)
    while (ours := _workers_of(worker)) != [pid]:
        assert time.monotonic() < deadline, ours
        time.sleep(0.1)


def _workers_of(worker: Worker) -> list[int]:
    """The processes serving (or starting to serve) in ``worker``'s folder."""
    found = subprocess.run(
        ["pgrep", "-f", BOOT_MARK], capture_output=True, text=True, check=False
    ).stdout.split()
    return [int(p) for p in found if _runtime_dir_of(int(p)) == str(worker.folder)]


BOOT_MARK = "gongwen.worker.launcher import boot"
"""What a worker's command line holds (``launcher._BOOT``)."""


def _runtime_dir_of(pid: int) -> str | None:
    """The worker folder a worker process serves (its socket's folder, from its arguments)."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return None
    return str(Path(os.fsdecode(argv[-2])).parent) if len(argv) >= 2 else None


def test_a_closed_stdin_runs_the_command_itself(worker: Worker, tmp_path: Path) -> None:
    worker.start()
    done = subprocess.run(
        [
            sys.executable,
            str(worker.script),
            "render",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            str(tmp_path / "a.docx"),
        ],
        capture_output=True,
        env=worker.env,
        preexec_fn=lambda: os.close(0),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.docx").is_file()
    assert _served(worker) == 0


def test_a_file_name_that_is_not_utf8_crosses_whole(worker: Worker, inputs: Path) -> None:
    worker.start()
    name = os.fsdecode(b"\xb9\xab\xce\xc4.yaml")  # 公文 in GBK: not UTF-8
    try:
        (inputs / name).write_bytes((inputs / "minimal.yaml").read_bytes())
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes only UTF-8 names")
    args = ["render", name]
    assert _outcome(worker, args, inputs, worker=True) == _outcome(
        worker, args, inputs, worker=False
    )
    assert _served(worker) == 1


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep (procps) is not installed")
@pytest.mark.skipif(not hasattr(signal, "SIGIO"), reason="no SIGIO to learn the launcher left")
def test_a_command_whose_launcher_was_killed_stops(worker: Worker, tmp_path: Path) -> None:
    """In-process, ``kill -9`` of the command ends the command. Through a worker it ends the
    launcher only; the child sees the launcher gone and stops as SIGTERM would (LibreOffice
    with it), rather than go on writing what nobody waits for."""
    worker.start()
    with _converting(worker, tmp_path) as process:
        process.kill()
        process.communicate(timeout=30)
    deadline = time.monotonic() + 15
    while True:
        info = worker.status()
        assert info is not None
        fake = str(tmp_path / "fake-soffice")
        left = subprocess.run(["pgrep", "-f", fake], capture_output=True, check=False)
        if info["running"] == 0 and not left.stdout.split():
            break
        assert time.monotonic() < deadline, (info, left.stdout)
        time.sleep(0.1)
    assert not (tmp_path / "m.pdf").exists()


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep (procps) is not installed")
def test_a_worker_killed_with_its_command_is_said_plainly(worker: Worker, tmp_path: Path) -> None:
    """``pkill -9`` of the worker and the command it runs: nobody can tell the launcher the
    command's status, so it says so and exits 70 (EX_SOFTWARE), never a traceback."""
    info = worker.start()
    pid = info["pid"]
    assert isinstance(pid, int)
    with _converting(worker, tmp_path) as process:
        for victim in [pid, *_children(pid)]:
            os.kill(victim, signal.SIGKILL)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 70
    assert err.decode().strip().startswith("gongwen: 后台进程（pid ")
    assert "Traceback" not in err.decode()


def test_a_signal_before_the_childs_pid_is_held_then_passed_on() -> None:
    """SIGTERM that reaches the launcher between handing over the command and hearing the
    child's pid is passed on to the child once the pid comes, not lost."""
    from gongwen.worker.launcher import _Forwarder

    with subprocess.Popen(["sleep", "30"]) as child:
        forwarder = _Forwarder()
        try:
            forwarder._caught(signal.SIGTERM, None)
            assert child.poll() is None
            forwarder.start(child.pid)
            assert child.wait(timeout=10) == -signal.SIGTERM
        finally:
            forwarder.restore()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_ctrl_c_before_any_child_interrupts_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C held while the worker failed to start the command: the command counts as
    interrupted (130, 已中断), as gongwen.cli reports it, and is not run here after all."""
    from gongwen.worker.launcher import _Forwarder

    forwarder = _Forwarder()
    forwarder._caught(signal.SIGINT, None)
    forwarder.restore()
    assert forwarder.act_here() == 130
    assert capsys.readouterr().err == "gongwen: 已中断\n"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep (procps) is not installed")
@pytest.mark.skipif(not hasattr(signal, "SIGIO"), reason="no SIGIO to learn the launcher left")
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes in /proc")
def test_a_batch_whose_launcher_was_killed_stops_writing(worker: Worker, tmp_path: Path) -> None:
    """tests/hostile/test_batch.py kills an in-process batch and finds its pool gone and
    nothing written after. Through a worker, ``kill -9`` reaches only the launcher: the
    batch in the worker's child must stop all the same, its pool with it, no temporary file
    left."""
    from tests.hostile.test_batch import _alive, _batch

    batch = _batch(tmp_path, 400)
    out = tmp_path / "out"
    info = worker.start()
    with subprocess.Popen(
        [sys.executable, str(worker.script), "batch", str(batch), "-o", str(out), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=worker.env,
    ) as launcher:
        deadline = time.monotonic() + 120
        pid = info["pid"]
        assert isinstance(pid, int)
        family: list[int] = []
        while len(list(out.glob("*.docx"))) < 10 or len(family) < 3:  # the child, its pool
            assert time.monotonic() < deadline and launcher.poll() is None
            family = [c for child in _children(pid) for c in [child, *_children(child)]]
            time.sleep(0.02)
        launcher.kill()
    deadline = time.monotonic() + 30
    while alive := [p for p in family if _alive(p)]:
        assert time.monotonic() < deadline, alive
        time.sleep(0.05)
    written = {p.name for p in out.glob("*.docx")}
    time.sleep(1)
    assert {p.name for p in out.glob("*.docx")} == written  # nothing writes any more
    assert len(written) < 400
    assert not list(out.glob(".*.tmp"))


def test_a_worker_that_ends_leaves_nothing_behind(worker: Worker) -> None:
    """Neither its socket nor its lock file: a folder does not fill with one lock file for
    each version of the code a worker ever ran."""
    worker.start()
    worker.run("worker", "stop")
    assert worker.wait_gone()
    deadline = time.monotonic() + 10
    while list(worker.folder.iterdir()):
        assert time.monotonic() < deadline, list(worker.folder.iterdir())
        time.sleep(0.05)


def test_stop_sweeps_what_a_killed_worker_left(worker: Worker) -> None:
    info = worker.start()
    pid = info["pid"]
    assert isinstance(pid, int)
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _alive_pid(pid):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert {p.suffix for p in worker.folder.iterdir()} == {".sock", ".lock"}
    stray = worker.folder / "notes.txt"
    stray.write_text("mine", encoding="utf-8")
    assert worker.run("worker", "stop").returncode == 0
    assert list(worker.folder.iterdir()) == [stray]  # what is not a worker's stays


def _alive_pid(pid: int) -> bool:
    """Whether ``pid`` is still there (a worker is no child of ours: whoever reaps it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat_file = Path(f"/proc/{pid}/stat")  # a zombie not reaped yet is gone for our purpose
    return not (stat_file.exists() and stat_file.read_text().rpartition(") ")[2][:1] == "Z")
