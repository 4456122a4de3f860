"""``gongwen batch``: one report per community; ``gongwen next``: the next round's bulletin."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gongwen.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_TOOL, pad, print_error, print_findings
from gongwen.i18n import _, ngettext

if TYPE_CHECKING:
    from gongwen.batch import ReportResult
    from gongwen.model import RectificationStatus

# The batch machinery is imported when a command runs, not when the parser is built.
STATUSES = ("已完成", "正在推进", "长期坚持")
"""The values of :class:`gongwen.model.RectificationStatus`, for --help (a test checks them)."""

BAR_WIDTH = 30


class ProgressBar:
    """A one-line progress bar on a terminal: ``[#####     ] 3/5 建新社区``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int, report: ReportResult) -> None:
        """Redraw the bar after a report."""
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + " " * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {report.name[:20]}\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """End the bar's line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _line(report: ReportResult) -> str:
    """``已生成   jianxin-shequ.docx  建新社区：…；检查发现 2 处``: one report's line."""
    output = report.output.name if report.output is not None else "-"
    counts = _("：{summary}").format(summary=report.summary) if report.summary is not None else ""
    n = len(report.findings)
    found = ngettext("；检查发现 {n} 处", "；检查发现 {n} 处", n).format(n=n) if n else ""
    return f"{pad(report.status.label, 8)} {pad(output, 28)} {report.name}{counts}{found}"


def _count(label: str, n: int) -> str:
    """How many reports had one status: ``已生成 3`` (``3 written``)."""
    return _("{status} {n}").format(status=label, n=n)


def cmd_batch(args: argparse.Namespace) -> int:
    """Run a batch and print one line per report and a summary; exit 1 if any failed."""
    from gongwen.batch import ReportStatus, check_with_gongwen, load_batch, run_batch

    loaded = load_batch(args.batch, shared=args.shared)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = run_batch(
            loaded,
            args.output,
            jobs=args.jobs,
            force=args.force,
            names=args.names,
            merge=args.merge,
            pdf=args.pdf,
            soffice=args.soffice,
            template=args.template,
            check=None if args.no_check else check_with_gongwen,
            progress=bar,
        )
    finally:
        if bar is not None:
            bar.close()
    for report in result.reports:
        print(_line(report))
        if report.status is ReportStatus.FAILED:
            print_findings(report.errors, sys.stdout)
    if result.merged is not None and result.merge_status is not None:
        volume = _("（全部报告的合订本，按拼音排序）")
        print(f"{pad(result.merge_status.label, 8)} {pad(result.merged.name, 28)} {volume}")
    for pdf in result.pdfs:
        print(f"{pad('PDF', 8)} {pdf.name}")
    counts = _("，").join(
        _count(s.label, len([r for r in result.reports if r.status is s])) for s in ReportStatus
    )
    total = len(result.reports)
    summary = ngettext(
        "{outdir} 中共 {n} 份报告：{counts}；清单 {manifest}",
        "{outdir} 中共 {n} 份报告：{counts}；清单 {manifest}",
        total,
    )
    print(summary.format(n=total, outdir=result.outdir, counts=counts, manifest=result.manifest))
    if result.pdf_error is not None:
        print_error(_("未生成 PDF：{error}").format(error=result.pdf_error))
        return EXIT_TOOL
    return EXIT_OK if result.ok else EXIT_FINDINGS


def cmd_next(args: argparse.Namespace) -> int:
    """Write the next round's notice file from the last bulletin."""
    from gongwen.atomic import refuse_input_as_output
    from gongwen.batch import count_statuses, write_next_round

    refuse_input_as_output(args.output, [args.last])
    notice, findings = write_next_round(
        args.last, args.output, args.date, default_status=args.status
    )
    print_findings(findings, sys.stderr)
    counts = count_statuses(notice.body)
    total = sum(counts.values())
    if not total:
        line = _("{last} -> {output}：没有问题")
    else:
        line = ngettext(
            "{last} -> {output}：共 {n} 个问题（{statuses}）",
            "{last} -> {output}：共 {n} 个问题（{statuses}）",
            total,
        )
    statuses = _("，").join(
        _count(status.value if status is not None else _("未标明状态"), n)
        for status, n in counts.items()
    )
    print(
        line.format(last=args.last, output=args.output, n=total, statuses=statuses), file=sys.stderr
    )
    return EXIT_OK


def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(_("至少为 1"))
    return value


def _status(text: str) -> RectificationStatus:
    from gongwen.model import RectificationStatus

    try:
        return RectificationStatus(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}”不是状态，可选：{choices}").format(text=text, choices=_("、").join(STATUSES))
        ) from None


def _date(text: str) -> date:
    from gongwen.dates import parse_date

    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``batch`` and ``next``."""
    p = sub.add_parser(
        "batch",
        help=_("由批量文件或表格为每个社区生成一份通报（见 docs/batch.md）"),
        description=_(
            "在 OUTDIR 中为每个社区写一份 .docx，并写 manifest.json。输入自上次运行以来"
            "没有改动的报告跳过不做。有报告失败时退出状态为 1（其余照常写出），"
            "整批无法使用时为 2。"
        ),
    )
    p.add_argument(
        "batch", type=Path, metavar="BATCH", help=_("批量文件（.yaml），或表格（.csv、.xlsx）")
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUTDIR", help=_("输出文件夹")
    )
    p.add_argument(
        "-j", "--jobs", type=_jobs, metavar="N", help=_("并行的工作进程数（默认：全部核心）")
    )
    p.add_argument(
        "--shared",
        type=Path,
        metavar="SHARED",
        help=_("给表格时：写有共用部分（标题、日期等）的批量文件"),
    )
    p.add_argument("--force", action="store_true", help=_("即使没有改动也重新生成"))
    p.add_argument(
        "--names",
        choices=("pinyin", "hanzi"),
        default="pinyin",
        help=_("文件名用拼音（jianxin-shequ.docx，默认）或用汉字"),
    )
    p.add_argument(
        "--merge",
        action="store_true",
        help=_("另生成 merged.docx：全部报告的合订本，按拼音排序"),
    )
    p.add_argument("--pdf", action="store_true", help=_("另为每份报告生成 PDF（经 LibreOffice）"))
    p.add_argument(
        "--soffice", type=Path, metavar="SOFFICE", help=_("LibreOffice 程序，供 --pdf 使用")
    )
    p.add_argument("--template", type=Path, metavar="TEMPLATE", help=_("自己的模板 .docx"))
    p.add_argument(
        "--no-check",
        action="store_true",
        help=_("不对每份报告运行检查（gongwen check）：更快，没有检查发现"),
    )
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser(
        "next",
        help=_("由上一轮通报开始下一轮通报"),
        description=_(
            "把每个问题连同状态带到下一轮，按状态重新计算进展句，并把日期改为 --date。"
            "修改状态后，对它自己的输出再运行一次，即可重新计算进展句。"
        ),
    )
    p.add_argument(
        "last",
        type=Path,
        metavar="LAST",
        help=_("上一轮通报：公文文件，或 .txt、.docx"),
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help=_("要写的公文文件")
    )
    p.add_argument(
        "--date",
        type=_date,
        required=True,
        metavar="DATE",
        help=_("新一轮的日期，如 2023-09-01"),
    )
    p.add_argument(
        "--status",
        type=_status,
        default="正在推进",
        metavar="STATUS",
        help=_("没有状态的问题取此状态：{choices}（默认：正在推进）").format(
            choices=_("、").join(STATUSES)
        ),
    )
    p.set_defaults(func=cmd_next)


__all__ = ["BAR_WIDTH", "ProgressBar", "cmd_batch", "cmd_next", "register"]
