"""The LibreOffice runner and the font report, without LibreOffice: a stand-in soffice script."""

from __future__ import annotations

import ast
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest

from gongwen.cli import main
from gongwen.cli.common import EXIT_TOOL
from gongwen.i18n import use_language
from gongwen.office import convert, fonts
from gongwen.write import render_bytes
from tests.conftest import EXAMPLES

FAKE_SOFFICE = """#!{python}
# Stands in for LibreOffice: writes a small PDF per input into --outdir, logs its arguments.
import pathlib, sys, time
args = sys.argv[1:]
pathlib.Path({log!r}).open("a").write(repr(args) + "\\n")
mode = {mode!r}
if mode == "hang":
    time.sleep(60)
outdir = pathlib.Path(args[args.index("--outdir") + 1])
for arg in args:
    if arg.endswith(".docx") and mode != "fail":
        (outdir / (pathlib.Path(arg).stem + ".pdf")).write_bytes(b"%PDF-1.4 fake " + arg.encode())
"""


def fake_soffice(folder: Path, mode: str = "ok") -> tuple[Path, Path]:
    script = folder / "soffice"
    log = folder / "calls.log"
    script.write_text(FAKE_SOFFICE.format(python=sys.executable, log=str(log), mode=mode))
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


@pytest.fixture
def no_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv(convert.SOFFICE_ENV, raising=False)
    monkeypatch.setattr(convert, "WELL_KNOWN_SOFFICE", ())


def docx_files(folder: Path, *names: str) -> list[Path]:
    out = []
    for name in names:
        path = folder / f"{name}.docx"
        path.write_bytes(b"PK not really a docx")
        out.append(path)
    return out


@pytest.mark.usefixtures("no_libreoffice")
def test_missing_libreoffice_says_how_to_install_it() -> None:
    with pytest.raises(convert.ToolMissing, match="apt-get install libreoffice-writer-nogui"):
        convert.find_soffice()


@pytest.mark.usefixtures("no_libreoffice")
def test_gongwen_pdf_without_libreoffice_exits_3_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    status = main(["pdf", str(EXAMPLES / "minimal.yaml"), "-o", str(out)])
    assert status == EXIT_TOOL
    assert "libreoffice.org/download" in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.glob(".*")) == []  # no staging folder left behind


def test_configured_program_wins_over_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script, _ = fake_soffice(tmp_path)
    monkeypatch.setenv(convert.SOFFICE_ENV, str(script))
    assert convert.find_soffice() == script
    (tmp_path / "other").mkdir()
    other, _ = fake_soffice(tmp_path / "other")
    assert convert.find_soffice(other) == other  # --soffice wins over the variable


def test_a_configured_program_that_is_not_there_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(convert.SOFFICE_ENV, "/nowhere/soffice")
    with pytest.raises(convert.ToolMissing, match=r"/nowhere/soffice（来自 GONGWEN_SOFFICE）"):
        convert.find_soffice()
    with (
        use_language("en"),
        pytest.raises(convert.ToolMissing, match=r"/nowhere/soffice \(from GONGWEN_SOFFICE\)"),
    ):
        convert.find_soffice()


def test_many_documents_go_through_one_call_with_a_private_profile(tmp_path: Path) -> None:
    script, log = fake_soffice(tmp_path)
    sources = docx_files(tmp_path, "a", "b", "c")
    outdir = tmp_path / "out"
    outdir.mkdir()
    pdfs = convert.convert_many(sources, outdir, soffice=script)
    assert pdfs == [outdir / "a.pdf", outdir / "b.pdf", outdir / "c.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    calls = log.read_text().splitlines()
    assert len(calls) == 1
    assert "-env:UserInstallation=file:///" in calls[0]
    assert "--headless" in calls[0]
    assert sorted(p.name for p in outdir.iterdir()) == ["a.pdf", "b.pdf", "c.pdf"]


def test_each_call_gets_its_own_profile(tmp_path: Path) -> None:
    script, log = fake_soffice(tmp_path)
    (source,) = docx_files(tmp_path, "a")
    convert.convert_many([source], tmp_path, soffice=script)
    convert.convert_many([source], tmp_path, soffice=script)
    first, second = (
        next(a for a in ast.literal_eval(line) if a.startswith("-env:"))
        for line in log.read_text().splitlines()
    )
    assert first != second


def test_fonts_are_mapped_for_the_child_only(tmp_path: Path) -> None:
    script = tmp_path / "soffice"
    seen = tmp_path / "env.txt"
    script.write_text(
        f"#!{sys.executable}\nimport os, pathlib\n"
        f"pathlib.Path({str(seen)!r}).write_text(os.environ.get('FONTCONFIG_FILE', ''))\n"
    )
    script.chmod(0o755)
    (source,) = docx_files(tmp_path, "a")
    with pytest.raises(convert.ConversionError):
        convert.convert_many([source], tmp_path, soffice=script)
    if fonts.uses_fontconfig():
        assert seen.read_text().endswith("fonts.conf")
    assert "FONTCONFIG_FILE" not in os.environ or os.environ["FONTCONFIG_FILE"] != seen.read_text()


def test_a_document_libreoffice_did_not_convert_is_an_error(tmp_path: Path) -> None:
    script, _ = fake_soffice(tmp_path, mode="fail")
    sources = docx_files(tmp_path, "a")
    with pytest.raises(convert.ConversionError, match=r"没有转换 .*a\.docx"):
        convert.convert_many(sources, tmp_path / ".", soffice=script)
    assert not (tmp_path / "a.pdf").exists()


def test_a_hanging_libreoffice_is_stopped(tmp_path: Path) -> None:
    script, _ = fake_soffice(tmp_path, mode="hang")
    sources = docx_files(tmp_path, "a")
    with pytest.raises(convert.ConversionError, match="没有完成"):
        convert.convert_many(sources, tmp_path, soffice=script, timeout=1)


def test_two_inputs_with_one_name_are_refused(tmp_path: Path) -> None:
    script, _ = fake_soffice(tmp_path)
    (tmp_path / "x").mkdir()
    first = docx_files(tmp_path, "a")
    second = docx_files(tmp_path / "x", "a")
    with pytest.raises(ValueError, match=r"a\.pdf"):
        convert.convert_many(first + second, tmp_path, soffice=script)


def test_gongwen_pdf_renders_a_notice_then_converts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, log = fake_soffice(tmp_path)
    monkeypatch.setenv(convert.SOFFICE_ENV, str(script))
    out = tmp_path / "n.pdf"
    assert main(["pdf", str(EXAMPLES / "minimal.yaml"), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "minimal.docx" in log.read_text()


# --- fonts ------------------------------------------------------------------------------------

STANDARD_NAMES = (
    *("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"),
    *("方正小标宋简体", "FZXiaoBiaoSong-B05S", "黑体", "SimHei"),
    *("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "宋体", "SimSun"),
)


@pytest.mark.parametrize("name", [*STANDARD_NAMES, "Times New Roman"])
def test_every_standard_name_has_a_free_look_alike(name: str) -> None:
    alikes = fonts.look_alikes()[name]
    assert alikes
    assert alikes[0] in fonts.LOOK_ALIKE_PACKAGES  # so gongwen fonts can name its package


def test_generated_config_reads_the_system_one_first(tmp_path: Path) -> None:
    env = fonts.fontconfig_environment(tmp_path)
    if not fonts.uses_fontconfig():
        assert env == {}
        return
    text = Path(env["FONTCONFIG_FILE"]).read_text("utf-8")
    ours = str(fonts.fontconfig_conf())
    assert ours in text
    system = fonts.system_fontconfig()
    if system is not None:
        assert text.index(str(system)) < text.index(ours)


def test_fonts_of_a_notice_are_those_its_styles_use() -> None:
    from gongwen import load_notice

    minimal = fonts.fonts_in_docx(render_bytes(load_notice(EXAMPLES / "minimal.yaml")))
    full = fonts.fonts_in_docx(render_bytes(load_notice(EXAMPLES / "full.yaml")))
    assert "仿宋_GB2312" in minimal and "宋体" in minimal  # body and page numbers
    assert "楷体_GB2312" not in minimal  # no level-2 heading, no 签发人
    assert {"黑体", "楷体_GB2312", "方正小标宋简体"} <= set(full)


def test_a_missing_face_without_its_look_alike_names_the_package() -> None:
    status = fonts.FontStatus("仿宋_GB2312", False, ("Noto Serif CJK SC",), "DejaVu Sans:Book")
    assert status.missing_packages == ("fonts-noto-cjk",)
    served = fonts.FontStatus(
        "仿宋_GB2312", False, ("Noto Serif CJK SC",), "Noto Serif CJK SC:Regular"
    )
    assert served.missing_packages == ()


def test_gongwen_fonts_lists_the_template_faces(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fonts"]) == 0
    out = capsys.readouterr().out
    for name in ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"):
        assert name in out


def test_png_pages_are_named_to_sort_in_page_order(tmp_path: Path) -> None:
    """Ten pages give -01 … -10, so a file browser shows them in order; pages left over from
    a longer earlier version, under either naming, are removed."""

    pdf = tmp_path / "notice.pdf"
    document = pymupdf.open()
    for _ in range(10):
        document.new_page(width=595, height=842)
    document.save(str(pdf))
    out = tmp_path / "pages"
    out.mkdir()
    (out / "notice-11.png").write_bytes(b"old")
    (out / "notice-3.png").write_bytes(b"old")
    pages = convert.pdf_to_png(pdf, out, dpi=10)
    names = [p.name for p in pages]
    assert names == [f"notice-{n:02d}.png" for n in range(1, 11)]
    assert sorted(p.name for p in out.iterdir()) == names


@pytest.mark.skipif(shutil.which("pgrep") is None, reason="pgrep (procps) is not installed")
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_command_stops_libreoffice_too(tmp_path: Path, signum: int, status: int) -> None:
    """Ctrl-C or SIGTERM during a conversion ends the command at once and LibreOffice with it
    (it runs in a session of its own, where the terminal's Ctrl-C does not reach)."""
    script, log = fake_soffice(tmp_path, mode="hang")
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gongwen.cli",
            "pdf",
            str(EXAMPLES / "minimal.yaml"),
            "-o",
            str(tmp_path / "m.pdf"),
            "--soffice",
            str(script),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        deadline = time.monotonic() + 60
        while not log.exists():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        started = time.monotonic()
        process.send_signal(signum)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == status, err.decode()
    assert time.monotonic() - started < 10  # the stand-in sleeps for 60 s
    left = subprocess.run(
        ["pgrep", "-f", str(script)], capture_output=True, text=True, check=False
    ).stdout.split()
    assert left == []
    assert not (tmp_path / "m.pdf").exists()
