"""``gongwen pdf``, ``gongwen preview`` and ``gongwen fonts``: seeing the notice as printed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.cli.common import EXIT_OK, EXIT_TOOL, print_error
from gongwen.findings import GongwenError
from gongwen.i18n import _, ngettext

if TYPE_CHECKING:
    from gongwen.office.convert import ConversionError, ToolMissing
    from gongwen.office.fonts import FontStatus

# LibreOffice's runner, the renderer and the loader are imported when a command runs, not when
# the parser is built (start-up time).
PREVIEW_DPI = 96
"""The --dpi default: :data:`gongwen.office.convert.DEFAULT_DPI` (a test checks they agree)."""


def _tool_error(exc: ToolMissing | ConversionError) -> int:
    print_error(str(exc))
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
            raise GongwenError(
                _("{outdir}：有多个输入时，-o 须是已有的文件夹").format(outdir=outdir)
            )
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
    n = len(pages)
    done = ngettext("{source} -> {outdir}/ 中的 {n} 页", "{source} -> {outdir}/ 中的 {n} 页", n)
    print(done.format(source=source, n=n, outdir=outdir), file=sys.stderr)
    for page in pages:
        print(page)
    return EXIT_OK


def _describe(status: FontStatus) -> str:
    if status.installed:
        state = _("已安装")
    elif status.installed is None:
        state = _("此处无法判断（没有 fontconfig：请查看系统的字体列表）")
    else:
        state = _("未安装")
    line = _("{font}：{state}").format(font=status.name, state=state)
    if not status.installed and status.fallback:
        line += _("；gongwen pdf 用 {fallback} 代替").format(fallback=status.fallback)
    elif not status.installed and status.look_alikes and status.installed is None:
        line += _("；免费的近似字体有 {font}").format(font=status.look_alikes[0])
    if status.missing_packages:
        line += _("（安装 {packages} 可得到 {font}）").format(
            packages=" ".join(status.missing_packages), font=status.look_alikes[0]
        )
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
        what = _("模板 {path}").format(path=args.template or default_template_path())
    elif args.input.suffix.lower() == ".docx":
        names = fonts_in_docx(args.input)
        what = str(args.input)
    else:
        names = fonts_in_docx(render_bytes(load_notice(args.input), template=args.template))
        what = str(args.input)
    print(_("{what} 用到的字体：").format(what=what))
    with tempfile.TemporaryDirectory(prefix="gongwen-fonts-") as work:
        report = font_report(names, Path(work))
    for status in report:
        print("  " + _describe(status))
    missing = [s.name for s in report if s.installed is False]
    if missing:
        fonts = _("、").join(missing)
        print(
            _(
                "Word 和 WPS 要有真正的字体才能按标准打印公文：请从有授权的来源安装 {fonts}。"
            ).format(fonts=fonts)
        )
    if not uses_fontconfig():
        print(
            _("在此系统上 gongwen pdf 用 LibreOffice 找到的字体；近似字体的替换只在 Linux 上有效。")
        )
    packages = sorted({p for s in report for p in s.missing_packages})
    if packages:
        command = "apt-get install " + " ".join(packages)
        print(
            _("在 Debian 或 Ubuntu 上供 gongwen pdf/preview 使用：{command}").format(
                command=command
            )
        )
    return EXIT_OK


def _add_libreoffice_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--soffice",
        metavar="SOFFICE",
        help=_("LibreOffice 程序（默认：$GONGWEN_SOFFICE，否则 PATH 上的 soffice）"),
    )
    p.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help=_("LibreOffice 最多可用的秒数（默认：足够长）"),
    )
    p.add_argument(
        "--template",
        type=Path,
        metavar="TEMPLATE",
        help=_("自己的模板 .docx（输入是公文文件时）"),
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``pdf``, ``preview`` and ``fonts``."""
    p = sub.add_parser("pdf", help=_("经 LibreOffice 把公文文件或 .docx 转成 PDF"))
    p.add_argument("inputs", type=Path, nargs="+", metavar="IN", help=_("公文文件或 .docx"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help=_("要写的 PDF（默认：与 IN 同名，后缀 .pdf）；有多个输入时为文件夹"),
    )
    _add_libreoffice_options(p)
    p.set_defaults(func=cmd_pdf)

    p = sub.add_parser("preview", help=_("把公文文件或 .docx 的每页生成 PNG 图片，供查看"))
    p.add_argument("input", type=Path, metavar="IN", help=_("公文文件或 .docx"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUTDIR",
        help=_("存放页面图片的文件夹（默认：IN 的名字加 -pages）"),
    )
    p.add_argument(
        "--dpi",
        type=int,
        default=PREVIEW_DPI,
        metavar="DPI",
        help=_("分辨率（默认：{dpi}）").format(dpi=PREVIEW_DPI),
    )
    _add_libreoffice_options(p)
    p.set_defaults(func=cmd_preview)

    p = sub.add_parser("fonts", help=_("公文（或模板）用到的字体，以及哪些已安装"))
    p.add_argument(
        "input",
        type=Path,
        nargs="?",
        metavar="IN",
        help=_("公文文件或 .docx（默认：模板）"),
    )
    p.add_argument("--template", type=Path, metavar="TEMPLATE", help=_("自己的模板 .docx"))
    p.set_defaults(func=cmd_fonts)


__all__ = ["cmd_fonts", "cmd_pdf", "cmd_preview", "register"]
