"""``gongwen format``: drafts typed in Word (or text) laid out to the standard, every word kept."""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from gongwen import load_notice
from gongwen.batch.reformat import (
    FormatStatus,
    format_draft,
    format_tree,
    layout_changes,
    paragraph_texts,
)
from gongwen.write import render_bytes
from tests.batch.drafts import typed_draft, write_drafts
from tests.conftest import EXAMPLES


def _words(text: str) -> str:
    """The letters and digits of a text: what a reformat must keep."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def _joined(data: bytes, suffix: str) -> str:
    return "".join(t for _, t in paragraph_texts(data, suffix))


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    write_drafts(folder)
    return folder


def test_a_folder_is_formatted_keeping_every_word_and_reporting_every_change(
    drafts: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = format_tree(drafts, out)
    assert result.ok
    assert sorted(d.source.relative_to(drafts).as_posix() for d in result.drafts) == [
        "回头看通知.docx",
        "科室/带图片的通知.docx",
        "科室/纯文本通知.txt",
    ]  # the Word lock file ~$… is no draft
    for draft in result.drafts:
        assert draft.status is FormatStatus.WRITTEN and draft.output is not None
        before = draft.source.read_bytes()
        after = draft.output.read_bytes()
        old, new = _joined(before, draft.source.suffix), _joined(after, ".docx")
        assert _words(old) == _words(new)  # every letter and digit kept, in order
        reported = {m for f in draft.changes if f.code == "FM010" for m in f.message.split("；")}
        edits = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        for op, a1, a2, b1, b2 in edits:
            if op != "equal":
                assert f"“{old[a1:a2]}”→“{new[b1:b2]}”" in reported  # nothing changes unseen
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in manifest["drafts"]] == ["written"] * 3


def test_word_drafts_report_their_page_and_fonts(drafts: Path) -> None:
    changes = layout_changes(typed_draft(), file="d.docx")
    codes = {f.code: f.message for f in changes}
    assert "上25.0" in codes["FM001"] and "上33.8" in codes["FM001"]  # cl. 5.2.1
    assert "宋体" in codes["FM002"] and "微软雅黑" in codes["FM002"]
    assert "216×279" in codes["FM003"]  # python-docx's default Letter paper, not A4


def test_formatting_a_formatted_notice_changes_nothing(tmp_path: Path) -> None:
    for name in ("full.yaml", "letter.yaml", "minutes.yaml"):
        source = tmp_path / f"{Path(name).stem}.docx"
        source.write_bytes(render_bytes(load_notice(EXAMPLES / name)))
        done = format_draft(source, tmp_path / "again.docx")
        assert done.status is FormatStatus.WRITTEN
        assert [f.code for f in done.changes] == [], (
            name
        )  # idempotent: no page, font or text change


def test_strict_refuses_a_draft_with_content_the_model_cannot_hold(
    drafts: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = format_tree(drafts, out, strict=True)
    (refused,) = result.with_status(FormatStatus.REFUSED)
    assert refused.source.name == "带图片的通知.docx"
    assert [f.code for f in refused.errors] == ["RD061"]
    assert not (out / "科室" / "带图片的通知.docx").exists()
    assert not result.ok


def test_a_second_run_skips_unchanged_drafts(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    format_tree(drafts, out)
    again = format_tree(drafts, out)
    assert {d.status for d in again.drafts} == {FormatStatus.SKIPPED}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert all(d["changes"] for d in manifest["drafts"])  # the first run's report is kept
    text = drafts / "科室" / "纯文本通知.txt"
    text.write_text(text.read_text(encoding="utf-8") + "特此通知。\n", encoding="utf-8")
    third = format_tree(drafts, out)
    assert [d.source.name for d in third.with_status(FormatStatus.WRITTEN)] == ["纯文本通知.txt"]


def test_the_input_is_never_the_output(drafts: Path) -> None:
    source = drafts / "回头看通知.docx"
    before = source.read_bytes()
    done = format_draft(source, source)
    assert done.status is FormatStatus.FAILED and done.errors[0].code == "FM102"
    assert source.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_link_among_the_drafts_is_not_read(drafts: Path, tmp_path: Path) -> None:
    os.mkfifo(drafts / "管道.txt")
    (drafts / "链接.docx").symlink_to(drafts / "回头看通知.docx")
    result = format_tree(drafts, tmp_path / "out")
    failed = {d.source.name: d.errors[0].code for d in result.with_status(FormatStatus.FAILED)}
    assert failed == {"管道.txt": "FM101", "链接.docx": "FM101"}


def test_the_command_formats_a_folder_and_exits_by_what_happened(
    drafts: Path, tmp_path: Path
) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "gongwen.cli", "format", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    done = run(str(drafts), "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "3 份文稿：已排版 3" in done.stderr
    strict = run(str(drafts), "-o", str(tmp_path / "strict"), "--strict")
    assert strict.returncode == 1 and "RD061" in strict.stderr
    missing = run(str(tmp_path / "nowhere.docx"), "-o", str(tmp_path / "x.docx"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
