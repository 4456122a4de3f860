"""Hostile and unlucky inputs, generated: each a (name, file name, bytes) the tests write out.

Kept as generators, not committed files, so that the cases stay small in the repository and
their sizes are parameters.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

NOTICE = "title: 关于开展卫生整治的通知\nbody:\n  - 请于4月1日前完成整治。\n"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A YAML file whose aliases expand to ``width ** levels`` values (360 bytes at 9×9)."""
    lines = ["a0: &a0 [" + ",".join(["x"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    return NOTICE + "\n".join(lines) + "\n"


def deep_json(depth: int = 300) -> str:
    return '{"title": "T", "body": ' + "[" * depth + "]" * depth + "}"


def deep_yaml(depth: int = 300) -> str:
    return "title: T\nbody: " + "[" * depth + "]" * depth + "\n"


def big_json_int(digits: int = 5000) -> str:
    return '{"title": "T", "body": ["a"], "published": ' + "9" * digits + "}"


def many_problems(count: int = 10_000) -> str:
    body = [{"problem": {"statement": f"问题{i}。"}} for i in range(count)]
    return json.dumps({"title": "关于整改情况的通报", "body": body}, ensure_ascii=False)


@dataclass(frozen=True)
class Run:
    """A finished child process: status, output, and its own peak memory."""

    returncode: int
    stdout: str
    stderr: str
    max_rss_bytes: int


_WRAPPER = """
import sys
from pathlib import Path

report, argv = sys.argv[1], sys.argv[2:]
code = 1
try:
    from gongwen.cli import main

    code = main(argv)
finally:
    status = Path("/proc/self/status")
    peak = "0"
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = line.split()[1]
    Path(report).write_text(peak)
sys.exit(code)
"""


def run_gongwen(*args: str | Path, cwd: Path, timeout: float = 120) -> Run:
    """Run the ``gongwen`` command in a child and measure its own peak memory.

    The peak is the child's ``VmHWM`` (Linux), which starts afresh at exec: the rusage of a
    forked child would count the test process's memory copied at the fork. ``timeout`` bounds
    the wait so that a hang fails the test instead of blocking the suite; it is not a speed
    assertion.
    """
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "peak"
        command = [sys.executable, "-c", _WRAPPER, str(report), *map(str, args)]
        try:
            done = subprocess.run(
                command,
                cwd=cwd,
                capture_output=True,
                stdin=subprocess.DEVNULL,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise AssertionError(f"gongwen {' '.join(map(str, args))} did not end") from None
        peak_kib = int(report.read_text() or 0) if report.exists() else 0
        return Run(
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
            peak_kib * 1024,
        )


def notice_docx() -> bytes:
    """A small .docx gongwen rendered: the base of the damaged ones."""
    from gongwen.loader import notice_from_data
    from gongwen.write import render_bytes

    return render_bytes(notice_from_data({"title": "关于开展卫生整治的通知", "body": ["正文。"]}))


def rezip(
    data: bytes, change: dict[str, bytes | None], *, extra: tuple[tuple[str, bytes], ...] = ()
) -> bytes:
    """``data``'s zip with members replaced (``None``: removed) and ``extra`` appended."""
    import io
    import warnings
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = change.get(info.filename, src.read(info))
            if content is not None:
                dst.writestr(info.filename, content)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a duplicate name is the point of some cases
            for name, content in extra:
                dst.writestr(name, content)
    return out.getvalue()


def encrypt_flag(data: bytes, member: str) -> bytes:
    """Set the 'encrypted' bit of ``member`` in its local and central headers."""
    import struct

    blob = bytearray(data)
    name = member.encode()
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (at := blob.find(signature, start)) >= 0:
            start = at + 4
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if blob[name_at : name_at + len(name)] == name:
                (flags,) = struct.unpack_from("<H", blob, at + flag_at)
                struct.pack_into("<H", blob, at + flag_at, flags | 1)
    return bytes(blob)


def corrupt_member(data: bytes, member: str) -> bytes:
    """Flip bytes in the middle of ``member``'s compressed data."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(member)
    blob = bytearray(data)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 60)):
        blob[i] ^= 0x5A
    return bytes(blob)
