"""``gongwen pdf``, ``gongwen preview`` and ``gongwen fonts``: seeing the notice as printed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.cli.common import EXIT_OK, EXIT_TOOL

if TYPE_CHECKING:
    from gongwen.office.convert import ConversionError, ToolMissing
    from gongwen.office.fonts import FontStatus

# LibreOffice's runner, the renderer and the loader are imported when a command runs, not when
# the parser is built (start-up time).
PREVIEW_DPI = 96
"""The --dpi default: :data:`gongwen.office.convert.DEFAULT_DPI` (a test checks they agree)."""


def _tool_error(exc: ToolMissing | ConversionError) -> int:
    print(f"gongwen: {exc}", file=sys.stderr)
    return EXIT_TOOL


def _docx_of(source: Path, work: Path, template: Path | None) -> Path:
    """``source`` itself when it is a .docx, else the notice rendered into ``work``."""
    from gongwen.loader import load_notice
    from gongwen.write import render_bytes

    if source.suffix.lower() == ".docx":
        return source
    docx = work / f"{source.stem}.docx"
    docx.write_bytes(render_bytes(load_notice(source), template=template))
    return docx


def _vet_docx(inputs: list[Path]) -> None:
    """The reader's safety checks (size, zip bomb, DTDs, encrypted or doubled parts) on every
    .docx before LibreOffice opens it: LibreOffice has no limits of its own."""
    from gongwen.loader import read_bytes
    from gongwen.read.safety import MAX_DOCX_BYTES, open_docx

    for source in inputs:
        if source.suffix.lower() == ".docx":
            open_docx(read_bytes(source, MAX_DOCX_BYTES), file=str(source))


def cmd_pdf(args: argparse.Namespace) -> int:
    """One input: ``-o`` names the PDF. Several: ``-o`` names a folder; one LibreOffice call."""
    import tempfile

    from gongwen.atomic import refuse_input_as_output
    from gongwen.office.convert import ConversionError, ToolMissing, convert_many, to_pdf

    inputs: list[Path] = args.inputs
    _vet_docx(inputs)
    try:
        if len(inputs) == 1:
            output: Path = args.output or Path(inputs[0].stem + ".pdf")
            if output.is_dir():
                output = output / f"{inputs[0].stem}.pdf"
            refuse_input_as_output(output, [*inputs, *([args.template] if args.template else [])])
            to_pdf(
                inputs[0],
                output,
                soffice=args.soffice,
                timeout=args.timeout,
                template=args.template,
            )
            print(f"{inputs[0]} -> {output}", file=sys.stderr)
            return EXIT_OK
        outdir: Path = args.output or Path()
        if not outdir.is_dir():
            raise FileNotFoundError(2, "with several inputs, -o must be a folder", str(outdir))
        with tempfile.TemporaryDirectory(prefix="gongwen-pdf-") as work:
            docx = [_docx_of(i, Path(work), args.template) for i in inputs]
            outputs = convert_many(docx, outdir, soffice=args.soffice, timeout=args.timeout)
        for source, pdf in zip(inputs, outputs, strict=True):
            print(f"{source} -> {pdf}", file=sys.stderr)
        return EXIT_OK
    except (ToolMissing, ConversionError) as exc:
        return _tool_error(exc)


def cmd_preview(args: argparse.Namespace) -> int:
    """Render through LibreOffice, then write one PNG a page into the output folder."""
    import tempfile

    from gongwen.office.convert import ConversionError, ToolMissing, pdf_to_png, to_pdf

    source: Path = args.input
    outdir: Path = args.output or Path(source.stem + "-pages")
    _vet_docx([source])
    try:
        with tempfile.TemporaryDirectory(prefix="gongwen-preview-") as work:
            pdf = Path(work) / f"{source.stem}.pdf"
            to_pdf(source, pdf, soffice=args.soffice, timeout=args.timeout, template=args.template)
            outdir.mkdir(parents=True, exist_ok=True)
            pages = pdf_to_png(pdf, outdir, dpi=args.dpi)
    except (ToolMissing, ConversionError) as exc:
        return _tool_error(exc)
    print(f"{source} -> {len(pages)} page(s) in {outdir}/", file=sys.stderr)
    for page in pages:
        print(page)
    return EXIT_OK


def _describe(status: FontStatus) -> str:
    if status.installed:
        state = "installed"
    elif status.installed is None:
        state = "cannot tell here (no fontconfig: check your system's font list)"
    else:
        state = "not installed"
    line = f"{status.name}: {state}"
    if not status.installed and status.fallback:
        line += f"; gongwen pdf draws it with {status.fallback}"
    elif not status.installed and status.look_alikes and status.installed is None:
        line += f"; a free look-alike is {status.look_alikes[0]}"
    if status.missing_packages:
        line += f" (install {' '.join(status.missing_packages)} for {status.look_alikes[0]})"
    return line


def cmd_fonts(args: argparse.Namespace) -> int:
    """List the font names and, for each, installed or what stands in for it."""
    import tempfile

    from gongwen.loader import load_notice
    from gongwen.office.fonts import font_report, fonts_in_docx, uses_fontconfig
    from gongwen.write import render_bytes
    from gongwen.write.template import default_template_path

    if args.input is None:
        names = fonts_in_docx(args.template or default_template_path(), every_style=True)
        what = f"the template {args.template or default_template_path()}"
    elif args.input.suffix.lower() == ".docx":
        names = fonts_in_docx(args.input)
        what = str(args.input)
    else:
        names = fonts_in_docx(render_bytes(load_notice(args.input), template=args.template))
        what = str(args.input)
    print(f"fonts used by {what}:")
    with tempfile.TemporaryDirectory(prefix="gongwen-fonts-") as work:
        report = font_report(names, Path(work))
    for status in report:
        print("  " + _describe(status))
    missing = [s.name for s in report if s.installed is False]
    if missing:
        print(
            "Word and WPS need the real faces to print the notice as the standard asks: "
            "install " + "、".join(missing) + " from a licensed source."
        )
    if not uses_fontconfig():
        print(
            "gongwen pdf on this system uses the fonts LibreOffice finds; the look-alike "
            "mapping applies on Linux only."
        )
    packages = sorted({p for s in report for p in s.missing_packages})
    if packages:
        print("For gongwen pdf/preview on Debian or Ubuntu: apt-get install " + " ".join(packages))
    return EXIT_OK


def _add_libreoffice_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--soffice",
        help="the LibreOffice program (default: $GONGWEN_SOFFICE, else soffice on PATH)",
    )
    p.add_argument("--timeout", type=float, help="seconds LibreOffice may take (default: ample)")
    p.add_argument("--template", type=Path, help="your own template .docx (for notice-file inputs)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``pdf``, ``preview`` and ``fonts``."""
    p = sub.add_parser("pdf", help="a notice file or .docx to PDF, through LibreOffice")
    p.add_argument("inputs", type=Path, nargs="+", metavar="IN", help="notice file or .docx")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the PDF (default: IN's name, .pdf); with several inputs, a folder",
    )
    _add_libreoffice_options(p)
    p.set_defaults(func=cmd_pdf)

    p = sub.add_parser("preview", help="PNG pages of a notice file or .docx, to look at")
    p.add_argument("input", type=Path, metavar="IN", help="notice file or .docx")
    p.add_argument(
        "-o", "--output", type=Path, help="folder for the pages (default: IN's name + -pages)"
    )
    p.add_argument(
        "--dpi", type=int, default=PREVIEW_DPI, help=f"resolution (default: {PREVIEW_DPI})"
    )
    _add_libreoffice_options(p)
    p.set_defaults(func=cmd_preview)

    p = sub.add_parser(
        "fonts", help="the fonts a notice (or the template) uses, and which are installed"
    )
    p.add_argument(
        "input", type=Path, nargs="?", metavar="IN", help="notice file or .docx (default: template)"
    )
    p.add_argument("--template", type=Path, help="your own template .docx")
    p.set_defaults(func=cmd_fonts)


__all__ = ["cmd_fonts", "cmd_pdf", "cmd_preview", "register"]
