"""``gongwen batch``: one report per community; ``gongwen next``: the next round's bulletin."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from gongwen.batch import (
    ReportResult,
    ReportStatus,
    check_with_gongwen,
    count_statuses,
    load_batch,
    progress_sentence,
    run_batch,
    write_next_round,
)
from gongwen.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_TOOL, print_findings
from gongwen.dates import parse_date
from gongwen.model import RectificationStatus

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
    output = report.output.name if report.output is not None else "-"
    counts = f": {report.summary}" if report.summary is not None else ""
    found = f"; {len(report.findings)} findings" if report.findings else ""
    return f"{report.status.value:8} {output:28} {report.name}{counts}{found}"


def cmd_batch(args: argparse.Namespace) -> int:
    """Run a batch and print one line per report and a summary; exit 1 if any failed."""
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
        print(f"{result.merge_status.value:8} {result.merged.name:28} (all reports, pinyin order)")
    for pdf in result.pdfs:
        print(f"{'pdf':8} {pdf.name}")
    counts = ", ".join(
        f"{len([r for r in result.reports if r.status is s])} {s.value}" for s in ReportStatus
    )
    print(f"{len(result.reports)} reports in {result.outdir}: {counts}; manifest {result.manifest}")
    if result.pdf_error is not None:
        print(f"gongwen: PDFs not made: {result.pdf_error}", file=sys.stderr)
        return EXIT_TOOL
    return EXIT_OK if result.ok else EXIT_FINDINGS


def cmd_next(args: argparse.Namespace) -> int:
    """Write the next round's notice file from the last bulletin."""
    notice, findings = write_next_round(
        args.last, args.output, args.date, default_status=RectificationStatus(args.status)
    )
    print_findings(findings, sys.stderr)
    counts = count_statuses(notice.body)
    sentence = progress_sentence(counts) or "no problems"
    print(
        f"{args.last} -> {args.output}: {sum(counts.values())} problems, {sentence}",
        file=sys.stderr,
    )
    return EXIT_OK


def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _date(text: str) -> date:
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
        help="one report per community from a batch file or a table (docs/batch.md)",
        description="Write one .docx per community into OUTDIR, with manifest.json. Reports "
        "whose inputs are unchanged since the last run are skipped. Exit status 1 if any "
        "report failed (the others are written), 2 if the batch cannot be used at all.",
    )
    p.add_argument("batch", type=Path, help="batch file (.yaml), or a table (.csv, .xlsx)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR")
    p.add_argument(
        "-j", "--jobs", type=_jobs, metavar="N", help="worker processes (default: all cores)"
    )
    p.add_argument("--shared", type=Path, help="with a table: the batch file with the shared parts")
    p.add_argument("--force", action="store_true", help="remake reports even if unchanged")
    p.add_argument(
        "--names",
        choices=("pinyin", "hanzi"),
        default="pinyin",
        help="file names in pinyin (jianxin-shequ.docx, the default) or in Chinese",
    )
    p.add_argument(
        "--merge", action="store_true", help="also merged.docx: every report, pinyin order"
    )
    p.add_argument("--pdf", action="store_true", help="also a PDF of each (LibreOffice)")
    p.add_argument("--soffice", type=Path, help="the LibreOffice program, for --pdf")
    p.add_argument("--template", type=Path, help="your own template .docx")
    p.add_argument(
        "--no-check",
        action="store_true",
        help="do not run the checker (gongwen check) on each report; faster, no findings",
    )
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser(
        "next",
        help="start the next round's bulletin from the last one",
        description="Carry every problem forward with a status, compute the progress "
        "sentence from the statuses and move the dates to --date. Run it again on its own "
        "output after editing statuses to recompute the sentence.",
    )
    p.add_argument("last", type=Path, help="the last bulletin: notice file, or .txt/.docx")
    p.add_argument("-o", "--output", type=Path, required=True, help="the notice file to write")
    p.add_argument("--date", type=_date, required=True, help="the new round's date, 2023-09-01")
    p.add_argument(
        "--status",
        choices=[s.value for s in RectificationStatus],
        default=RectificationStatus.IN_PROGRESS.value,
        help="status of problems that have none (default: 正在推进)",
    )
    p.set_defaults(func=cmd_next)


__all__ = ["BAR_WIDTH", "ProgressBar", "cmd_batch", "cmd_next", "register"]
