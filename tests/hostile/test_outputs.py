"""``-o`` never destroys anything: not the input, not a device, FIFO or symlink; temporary
files do not outlive a stopped write; messages name the real output."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gongwen.atomic import UnsafeOutput, write_atomic, write_bytes_atomic
from tests.hostile.cases import NOTICE, notice_docx, run_gongwen


def _notice(tmp_path: Path) -> Path:
    path = tmp_path / "m.yaml"
    path.write_text(NOTICE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("command", "name", "output"),
    [
        ("render", "m.yaml", "m.yaml"),
        ("render", "m.yaml", "./sub/../m.yaml"),
        ("parse", "in.docx", "in.docx"),
        ("check", "m.yaml", "m.yaml"),
    ],
)
def test_the_output_is_never_the_input(
    tmp_path: Path, command: str, name: str, output: str
) -> None:
    (tmp_path / "sub").mkdir()
    if name.endswith(".docx"):
        (tmp_path / name).write_bytes(notice_docx())
    else:
        _notice(tmp_path)
    before = (tmp_path / name).read_bytes()
    extra = ["--fix"] if command == "check" else []
    run = run_gongwen(command, name, *extra, "-o", output, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "输出文件就是输入文件" in run.stderr
    assert (tmp_path / name).read_bytes() == before


def test_a_hard_link_to_the_input_is_the_input(tmp_path: Path) -> None:
    source = _notice(tmp_path)
    os.link(source, tmp_path / "other.docx")
    run = run_gongwen("render", "m.yaml", "-o", "other.docx", cwd=tmp_path)
    assert run.returncode == 2
    assert source.read_text(encoding="utf-8") == NOTICE


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink_to_a_file(path: Path) -> None:
    (path.parent / "real.docx").write_bytes(b"keep me")
    path.symlink_to(path.parent / "real.docx")


def _symlink_to_a_stand_in_device(path: Path) -> None:
    # A link named like /dev/stdout or /dev/null: the link itself must stay, whatever it names.
    _fifo(path.parent / "stand-in-device")
    path.symlink_to(path.parent / "stand-in-device")


def _character_device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null, in tmp
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")


@pytest.mark.parametrize(
    "make",
    [_fifo, _symlink_to_a_file, _symlink_to_a_stand_in_device, _character_device],
    ids=["fifo", "symlink", "symlink-to-device", "char-device"],
)
def test_only_regular_files_or_new_paths_are_written(tmp_path: Path, make: object) -> None:
    _notice(tmp_path)
    out = tmp_path / "out.docx"
    make(out)  # type: ignore[operator]
    before = out.lstat()
    run = run_gongwen("render", "m.yaml", "-o", "out.docx", cwd=tmp_path, timeout=60)
    assert run.returncode == 2, run.stderr
    assert "不是普通文件" in run.stderr and "Traceback" not in run.stderr
    after = out.lstat()
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    if (tmp_path / "real.docx").exists():
        assert (tmp_path / "real.docx").read_bytes() == b"keep me"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_api_refuses_a_fifo_too(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(UnsafeOutput):
        write_bytes_atomic(tmp_path / "pipe", b"x")
    assert stat.S_ISFIFO((tmp_path / "pipe").lstat().st_mode)


def test_a_long_cjk_name_is_written(tmp_path: Path) -> None:
    name = "社" * 80 + ".docx"  # 245 bytes: the temporary name must not pass 255
    assert write_bytes_atomic(tmp_path / name, b"ok").read_bytes() == b"ok"


def test_an_error_names_the_output_not_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"

    def full_disk(stream: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space") as info:
        write_atomic(target, full_disk)  # type: ignore[arg-type]
    assert info.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_file_of_a_dead_process_is_swept(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.docx.gw{dead.pid}-abc123.tmp"
    stale.write_bytes(b"half")
    live = tmp_path / f".out.docx.gw{os.getpid()}-def456.tmp"
    live.write_bytes(b"mine")
    write_bytes_atomic(tmp_path / "out.docx", b"ok")
    assert not stale.exists()
    assert live.exists()  # a running process's file is not touched


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys, time
        from gongwen.atomic import write_atomic
        from gongwen.cli.boundary import stop_on_sigterm

        def slow(stream):
            stream.write(b"x" * 1000)
            stream.flush()
            print("writing", flush=True)
            time.sleep(60)

        with stop_on_sigterm():
            write_atomic({str(tmp_path / "out.docx")!r}, slow)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"writing"
    assert [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 143
    child.stdout.close()
    assert list(tmp_path.iterdir()) == []


def test_render_names_the_output_it_wrote(tmp_path: Path) -> None:
    _notice(tmp_path)
    run = run_gongwen("render", "m.yaml", "-o", "out.docx", cwd=tmp_path)
    assert run.returncode == 0
    assert "out.docx" in run.stderr and ".tmp" not in run.stderr
