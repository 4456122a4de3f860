"""Batch: one run at a time in a folder, and workers that end with their batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gongwen.batch import run_batch
from gongwen.batch.lock import FolderBusyError, folder_lock
from tests.hostile.cases import run_gongwen

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc for the workers")


def _batch(tmp_path: Path, communities: int) -> Path:
    data = {
        "title": "关于{community}巡察整改情况的通报",
        "communities": [
            {"name": f"第{i}社区", "body": [f"正文{i}。"] * 20} for i in range(communities)
        ],
    }
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # Batch files are YAML; JSON is YAML.
    yaml = path.with_suffix(".yaml")
    path.rename(yaml)
    return yaml


def test_a_second_batch_on_a_locked_folder_is_refused(tmp_path: Path) -> None:
    batch = _batch(tmp_path, 2)
    out = tmp_path / "out"
    out.mkdir()
    with folder_lock(out):
        run = run_gongwen("batch", batch, "-o", out, "-j", "1", cwd=tmp_path)
        with pytest.raises(FolderBusyError):
            run_batch(batch, out, jobs=1, check=None)
    assert run.returncode == 2, run.stderr
    assert "另一个 gongwen batch" in run.stderr
    assert list(out.iterdir()) == []  # nothing written by the refused runs
    assert run_batch(batch, out, jobs=1, check=None).ok  # free again once the holder ends


def test_two_batches_started_together_do_not_interleave(tmp_path: Path) -> None:
    batch = _batch(tmp_path, 400)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "gongwen.cli", "batch", str(batch), "-o", str(out)]
    first = subprocess.Popen([*command, "-j", "1"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not (out.is_dir() and any(out.glob("*.docx"))):  # the first holds the lock now
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.05)
    second = subprocess.run([*command, "-j", "1"], capture_output=True, timeout=120, check=False)
    first.communicate(timeout=300)
    assert first.returncode == 0
    assert second.returncode == 2 and "另一个 gongwen batch" in second.stderr.decode()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    import hashlib

    for report in manifest["reports"]:
        data = (out / report["output"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == report["sha256"]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rfind(")") + 2] != "Z"


def test_workers_end_when_the_batch_is_killed(tmp_path: Path) -> None:
    batch = _batch(tmp_path, 400)
    out = tmp_path / "out"
    parent = subprocess.Popen(
        [sys.executable, "-m", "gongwen.cli", "batch", str(batch), "-o", str(out), "-j", "2"],
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 or not any(out.glob("*.docx")):
        assert time.monotonic() < deadline, "the batch never started its workers"
        assert parent.poll() is None, "the batch ended before it could be killed"
        workers = {p for p in _children(parent.pid) if "python" in _cmdline(p)}
        time.sleep(0.05)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [w for w in workers if _alive(w)]
    for w in survivors:  # do not leave them running if the assertion fails
        os.kill(w, signal.SIGKILL)
    assert not survivors
    written = {p.name for p in out.glob("*.docx")}
    time.sleep(1)
    assert {p.name for p in out.glob("*.docx")} == written  # nothing writes any more


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_a_killed_runs_temporary_files_are_swept_by_the_next_run(tmp_path: Path) -> None:
    batch = _batch(tmp_path, 2)
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = out / f".di0-shequ.docx.gw{dead.pid}-x1y2z3.tmp"
    stale.write_bytes(b"half a report")
    assert run_batch(batch, out, jobs=1, check=None).ok
    assert not stale.exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_next_refuses_to_overwrite_the_last_bulletin(tmp_path: Path) -> None:
    last = tmp_path / "last.yaml"
    last.write_text("title: T\nbody: [正文。]\n", encoding="utf-8")
    run = run_gongwen("next", "last.yaml", "-o", "last.yaml", "--date", "2023-09-01", cwd=tmp_path)
    assert run.returncode == 2
    assert last.read_text(encoding="utf-8") == "title: T\nbody: [正文。]\n"
