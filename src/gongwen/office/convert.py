"""LibreOffice headless: .docx (or a notice) to PDF, PDF pages to PNG.

One LibreOffice call converts many documents (start-up is most of its cost). Each call gets
a private profile folder, so parallel runs do not collide with each other or with a
LibreOffice the user has open, and our fontconfig mapping (:mod:`gongwen.office.fonts`), so the
standard's font names are drawn with free look-alikes on Linux. Outputs appear whole or not
at all: LibreOffice writes into a hidden folder beside the output, and each finished file is
renamed into place.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gongwen.atomic import write_bytes_atomic
from gongwen.findings import GongwenError
from gongwen.i18n import N_, _
from gongwen.loader import load_notice
from gongwen.office.fonts import fontconfig_environment
from gongwen.write import render_bytes

__all__ = [
    "ConversionError",
    "ToolMissing",
    "convert_many",
    "find_soffice",
    "pdf_to_png",
    "to_pdf",
]

SOFFICE_ENV = "GONGWEN_SOFFICE"
"""Environment variable naming the LibreOffice program to use."""

SOFFICE_NAMES = ("soffice", "libreoffice")
"""Program names looked up on PATH."""

WELL_KNOWN_SOFFICE = (
    Path("/usr/lib/libreoffice/program/soffice"),
    Path("/opt/libreoffice/program/soffice"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    Path(r"C:\Program Files\LibreOffice\program\soffice.exe"),
    Path(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"),
)
"""Where installers put LibreOffice when it is not on PATH."""

INSTALL_HINT = N_(
    "请安装 LibreOffice：Debian 或 Ubuntu 上运行 `apt-get install libreoffice-writer-nogui`；"
    "Windows 或 macOS 上从 https://www.libreoffice.org/download/ 下载；"
    "或用 --soffice 或环境变量 {env} 指明程序"
)
"""How to get LibreOffice (a message: translate with ``_`` and fill ``env``)."""


def _install_hint() -> str:
    return _(INSTALL_HINT).format(env=SOFFICE_ENV)


BASE_TIMEOUT_S = 120.0
PER_DOCUMENT_TIMEOUT_S = 20.0
"""Default time limit of one call: start-up plus a generous allowance per document (a
notice takes about 0.2 s once LibreOffice is running)."""

PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
"""The PDF export, keeping the blank pages the layout inserts: a section that starts on an
even page (the 版记 on 封四 of a double-sided notice, cl. 7.4) gets the blank page before it,
as a printer would print it. Headless LibreOffice skips those pages by default (measured with
7.4; options in JSON need LibreOffice 7.4 or later)."""

DEFAULT_DPI = 96
"""Resolution of preview pages: an A4 page becomes 794 × 1123 pixels."""


class ToolMissing(GongwenError):  # noqa: N818 (the name the CLI and batch catch it by)
    """An external program gongwen needs (LibreOffice, pdftoppm) is not installed."""


class ConversionError(GongwenError):
    """LibreOffice ran but did not produce every output (or ran out of time)."""


def find_soffice(explicit: str | Path | None = None) -> Path:
    """The LibreOffice program: ``explicit``, else ``$GONGWEN_SOFFICE``, else PATH, else the
    usual install folders. Raises :class:`ToolMissing` with installation advice."""
    configured = explicit if explicit is not None else os.environ.get(SOFFICE_ENV) or None
    if configured is not None:
        found = shutil.which(str(configured))
        if found is None:
            source = "--soffice" if explicit is not None else SOFFICE_ENV
            raise ToolMissing(
                _("找不到 LibreOffice：{path}（来自 {source}）；{hint}").format(
                    path=configured, source=source, hint=_install_hint()
                )
            )
        return Path(found)
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found is not None:
            return Path(found)
    for path in WELL_KNOWN_SOFFICE:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise ToolMissing(_("没有安装 LibreOffice；{hint}").format(hint=_install_hint()))


def _profile_url(folder: Path) -> str:
    """A ``-env:UserInstallation`` value for ``folder``.

    >>> _profile_url(Path("/tmp/a b")).startswith("file:///tmp/a%20b")
    True
    """
    return folder.resolve().as_uri()


def _run(
    command: list[str], env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice in its own process group; on time-out kill the whole group (soffice
    is a wrapper script that starts soffice.bin)."""
    kwargs: dict[str, object] = {}
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        kwargs["start_new_session"] = True
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **kwargs,  # type: ignore[call-overload]
    ) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except (KeyboardInterrupt, SystemExit):
            # Ctrl-C or SIGTERM (cli.boundary): LibreOffice, in a session of its own, sees
            # neither; without this the command would wait for it to finish, or leave it.
            _kill_group(process)
            raise
        except subprocess.TimeoutExpired:
            _kill_group(process)
            process.communicate()
            raise ConversionError(
                _("LibreOffice 在 {seconds} 秒内没有完成；请试试更大的 --timeout").format(
                    seconds=f"{timeout:.0f}"
                )
            ) from None
        return subprocess.CompletedProcess(command, process.returncode, out, err)


def _kill_group(process: subprocess.Popen[str]) -> None:
    if sys.platform == "win32":
        process.kill()
        return
    with contextlib.suppress(ProcessLookupError):  # it ended by itself meanwhile
        os.killpg(process.pid, signal.SIGKILL)


def convert_many(
    paths: Sequence[str | Path],
    outdir: str | Path,
    *,
    soffice: str | Path | None = None,
    timeout: float | None = None,
    fonts: bool = True,
) -> list[Path]:
    """Convert .docx files to PDF in one LibreOffice call; return the PDFs, in input order.

    Each PDF is named after its input (``a.docx`` → ``outdir/a.pdf``) and appears atomically.
    ``fonts`` applies gongwen's font mapping. Raises :class:`ToolMissing` when LibreOffice is
    not installed, :class:`ConversionError` when it fails or runs out of time, and
    ``ValueError`` when two inputs would give the same output name.
    """
    sources = [Path(p) for p in paths]
    if not sources:
        return []
    target = Path(outdir)
    stems = [s.stem for s in sources]
    duplicates = sorted({s for s in stems if stems.count(s) > 1})
    if duplicates:
        raise ValueError(_("有几个输入都会写成 {name}.pdf").format(name=duplicates[0]))
    for source in sources:
        if not source.is_file():
            raise FileNotFoundError(2, _("文件不存在"), str(source))
    program = find_soffice(soffice)
    if not target.is_dir():
        raise FileNotFoundError(2, _("输出文件夹不存在"), str(target))
    limit = (
        timeout if timeout is not None else BASE_TIMEOUT_S + PER_DOCUMENT_TIMEOUT_S * len(sources)
    )
    with tempfile.TemporaryDirectory(prefix="gongwen-lo-") as private:
        work = Path(private)
        env = {**os.environ, "HOME": str(work)}
        if fonts:
            env.update(fontconfig_environment(work))
        # The staging folder sits beside the outputs, so the final rename stays on one
        # file system and is atomic.
        staging = Path(tempfile.mkdtemp(prefix=".gongwen-pdf-", dir=target))
        try:
            command = [
                str(program),
                f"-env:UserInstallation={_profile_url(work / 'profile')}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                PDF_FILTER,
                "--outdir",
                str(staging),
                *(str(s.resolve()) for s in sources),
            ]
            result = _run(command, env, limit)
            produced = [staging / f"{s.stem}.pdf" for s in sources]
            missing = [s for s, p in zip(sources, produced, strict=True) if not p.is_file()]
            if missing:
                detail = (result.stderr or result.stdout).strip().splitlines()
                why = f": {detail[-1]}" if detail else ""
                raise ConversionError(
                    _("LibreOffice（退出状态 {status}）没有转换 {files}{why}").format(
                        status=result.returncode,
                        files=_("、").join(str(m) for m in missing),
                        why=why,
                    )
                )
            outputs = []
            for made in produced:
                final = target / made.name
                made.chmod(0o644)
                made.replace(final)
                outputs.append(final)
            return outputs
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def to_pdf(
    source: str | Path,
    output: str | Path,
    *,
    soffice: str | Path | None = None,
    timeout: float | None = None,
    template: str | Path | None = None,
) -> Path:
    """One notice file or .docx to a PDF at ``output`` (written atomically)."""
    path = Path(source)
    target = Path(output)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, _("输出文件夹不存在"), str(target.parent))
    with tempfile.TemporaryDirectory(prefix="gongwen-pdf-") as work:
        if path.suffix.lower() == ".docx":
            docx = path
        else:
            docx = Path(work) / f"{path.stem}.docx"
            docx.write_bytes(render_bytes(load_notice(path), template=template))
        (pdf,) = convert_many([docx], work, soffice=soffice, timeout=timeout)
        write_bytes_atomic(target, pdf.read_bytes())
    return target


def pdf_to_png(pdf: str | Path, outdir: str | Path, *, dpi: int = DEFAULT_DPI) -> list[Path]:
    """Each page of ``pdf`` as ``outdir/<stem>-<n>.png`` (n from 1, zero-padded to the width of
    the page count so that the names sort in page order), written atomically.

    Uses pdftoppm (poppler-utils) when installed, else PyMuPDF; raises :class:`ToolMissing`
    when neither is there.
    """
    source = Path(pdf)
    target = Path(outdir)
    if not target.is_dir():
        raise FileNotFoundError(2, _("输出文件夹不存在"), str(target))
    with tempfile.TemporaryDirectory(prefix=".gongwen-png-", dir=target) as work:
        pages = _pdftoppm(source, Path(work), dpi)
        if pages is None:
            pages = _pymupdf_pages(source, Path(work), dpi)
        outputs = []
        digits = len(str(len(pages)))  # page-01 … page-10: names sort in page order
        for number, page in enumerate(pages, start=1):
            final = target / f"{source.stem}-{number:0{digits}d}.png"
            page.chmod(0o644)
            page.replace(final)
            outputs.append(final)
    # Pages left from an earlier, longer version of the same document would mislead.
    kept = set(outputs)
    for stale in target.glob(f"{source.stem}-*.png"):
        if stale.stem.rsplit("-", 1)[1].isdigit() and stale not in kept:
            stale.unlink()
    return outputs


def _pdftoppm(pdf: Path, work: Path, dpi: int) -> list[Path] | None:
    program = shutil.which("pdftoppm")
    if program is None:
        return None
    result = subprocess.run(
        [program, "-r", str(dpi), "-png", str(pdf), str(work / "page")],
        capture_output=True,
        text=True,
        check=False,
        timeout=BASE_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise ConversionError(
            _("pdftoppm 处理 {pdf} 失败：{reason}").format(pdf=pdf, reason=result.stderr.strip())
        )
    # pdftoppm pads the page number to the width of the page count: page-01.png …
    return sorted(work.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def _pymupdf_pages(pdf: Path, work: Path, dpi: int) -> list[Path]:
    try:
        pymupdf: Any = importlib.import_module("pymupdf")  # optional: only the test extra has it
    except ImportError:
        raise ToolMissing(
            _(
                "把 PDF 页面转为 PNG 需要 pdftoppm（`apt-get install poppler-utils`）"
                "或 PyMuPDF（`pip install pymupdf`）"
            )
        ) from None
    pages = []
    with pymupdf.open(str(pdf)) as document:
        for number, page in enumerate(document, start=1):
            path = work / f"page-{number}.png"
            page.get_pixmap(dpi=dpi).save(str(path))
            pages.append(path)
    return pages
