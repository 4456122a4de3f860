"""The readers (.txt, .docx) and ``gongwen check`` on files that are not what they seem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gongwen import InputError
from gongwen.check import check_file
from gongwen.limits import MAX_PARAGRAPH_CHARS
from gongwen.read import read_file
from tests.hostile.cases import corrupt_member, encrypt_flag, notice_docx, rezip, run_gongwen

DOCUMENT = "word/document.xml"


def _codes(exc: pytest.ExceptionInfo[InputError]) -> set[str]:
    return {f.code for f in exc.value.findings}


DAMAGED = {
    "encrypted.docx": (lambda d: encrypt_flag(d, DOCUMENT), "RD103", "已加密"),
    "corrupt.docx": (lambda d: corrupt_member(d, DOCUMENT), "RD103", "无法解压"),
    "twice.docx": (lambda d: rezip(d, {}, extra=((DOCUMENT, b"<x/>"),)), "RD103", "两次"),
    "empty.docx": (
        lambda d: rezip(
            d,
            {
                DOCUMENT: b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body/></w:document>'
            },
        ),
        "RD107",
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
@pytest.mark.parametrize("reader", [read_file, check_file])
def test_damaged_docx_is_refused(tmp_path: Path, name: str, reader: object) -> None:
    damage, code, words = DAMAGED[name]
    path = tmp_path / name
    path.write_bytes(damage(notice_docx()))
    with pytest.raises(InputError) as info:
        reader(path)  # type: ignore[operator]
    assert code in _codes(info)
    assert words in str(info.value)


def test_check_on_a_docx_with_no_notice_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(DAMAGED["empty.docx"][0](notice_docx()))
    run = run_gongwen("check", path.name, cwd=tmp_path)
    assert run.returncode == 2
    assert "RD107" in run.stderr and "No findings" not in run.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("parse", "in.txt"),
        ("parse", "in.docx"),
        ("check", "in.txt"),
        ("check", "in.yaml"),
        ("validate", "in.yaml"),
        ("render", "in.json"),
    ],
)
def test_a_fifo_as_input_is_refused_at_once(tmp_path: Path, command: str, name: str) -> None:
    os.mkfifo(tmp_path / name)  # no writer ever comes: a reader that opened it would block
    run = run_gongwen(command, name, cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    assert "FIFO" in run.stderr and "Traceback" not in run.stderr


def test_a_symlink_loop_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    for command in ("validate", "render", "check"):
        run = run_gongwen(command, "a.yaml", cwd=tmp_path)
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert "符号链接成环" in run.stderr


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_paragraph_over_the_limit_is_refused_with_its_line(tmp_path: Path, kind: str) -> None:
    long = "甲" * (MAX_PARAGRAPH_CHARS + 1)
    path = tmp_path / f"long.{kind}"
    if kind == "txt":
        path.write_text(f"关于整改的通报\n\n{long}\n", encoding="utf-8")
    else:
        from gongwen.loader import notice_from_data
        from gongwen.write import render_bytes

        # The notice model refuses the paragraph too; build the .docx from a shorter one.
        short = render_bytes(notice_from_data({"title": "T", "body": ["MARK"]}))
        xml = rezip(short, {})
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(xml)) as z:
            document = z.read(DOCUMENT).replace(b"MARK", long.encode())
        path.write_bytes(rezip(short, {DOCUMENT: document}))
    for reader in (read_file, check_file):
        with pytest.raises(InputError) as info:
            reader(path)
        assert _codes(info) == {"LM006"}
        assert info.value.findings[0].location.line is not None


def test_pdf_vets_a_docx_before_libreoffice_sees_it(tmp_path: Path) -> None:
    (tmp_path / "in.docx").write_bytes(encrypt_flag(notice_docx(), DOCUMENT))
    # No LibreOffice at that path: exit 3 would mean the .docx reached the converter.
    run = run_gongwen("pdf", "in.docx", "--soffice", str(tmp_path / "no-soffice"), cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "RD103" in run.stderr
