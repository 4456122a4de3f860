"""Hostile and unlucky inputs, generated: each a (name, file name, bytes) the tests write out.

Kept as generators, not committed files, so that the cases stay small in the repository and
their sizes are parameters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
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


def run_gongwen(*args: str | Path, cwd: Path, timeout: float = 120) -> Run:
    """Run ``python -m gongwen.cli`` in a child, reaped by ``wait4`` for its own peak RSS.

    ``timeout`` bounds the wait so that a hang fails the test instead of blocking the suite;
    it is not a speed assertion.
    """
    command = [sys.executable, "-m", "gongwen.cli", *map(str, args)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                child.kill()
                os.wait4(child.pid, 0)
                raise AssertionError(f"gongwen {' '.join(map(str, args))} did not end")
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: KiB on Linux
        return Run(
            child.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            int(usage.ru_maxrss) * scale,
        )


def notice_docx() -> bytes:
    """A small .docx gongwen rendered: the base of the damaged ones."""
    from gongwen.loader import notice_from_data
    from gongwen.render import render_bytes

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
