"""``gongwen format``: drafts typed in Word or WPS (or text) laid out to GB/T 9704."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.cli.common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, print_error, print_findings
from gongwen.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from gongwen.batch.reformat import Formatted

# The reader and the renderer are imported when the command runs (start-up time).
_SAID = {
    "written": N_("已排版"),
    "skipped": N_("未改动，跳过"),
    "refused": N_("未排版（--strict：有内容无法保留）"),
    "failed": N_("无法排版"),
}
"""What happened to a draft, by :class:`~gongwen.batch.reformat.FormatStatus` (translated where
shown)."""


def _report(draft: Formatted, verbose: bool) -> None:
    where = f" -> {draft.output}" if draft.output else ""
    said = _("{source}{where}：{status}").format(
        source=draft.source, where=where, status=_(_SAID[draft.status.value])
    )
    print(said, file=sys.stderr)
    if draft.errors:
        print_findings(draft.errors, sys.stderr)
    if verbose and draft.changes:
        print_findings(draft.changes, sys.stderr)
    elif draft.changes:
        counts = Counter(f.code for f in draft.changes)
        summary = _("，").join(f"{code}×{n}" for code, n in sorted(counts.items()))
        print(
            "  " + _("改动：{summary}（--verbose 列出每一处）").format(summary=summary),
            file=sys.stderr,
        )


def cmd_format(args: argparse.Namespace) -> int:
    """One draft to one file, or a folder to a folder."""
    from gongwen.batch.reformat import FormatStatus, format_draft, format_tree

    source: Path = args.input
    if source.is_dir():
        if args.output is None:
            print_error(_("排版整个文件夹时须用 -o 指定输出文件夹"))
            return EXIT_INPUT
        result = format_tree(
            source, args.output, strict=args.strict, force=args.force, template=args.template
        )
        for draft in result.drafts:
            _report(draft, args.verbose)
        done = Counter(d.status for d in result.drafts)
        total = len(result.drafts)
        line = ngettext(
            "{n} 份文稿：已排版 {written}，跳过 {skipped}，未排版 {left}；清单 {manifest}",
            "{n} 份文稿：已排版 {written}，跳过 {skipped}，未排版 {left}；清单 {manifest}",
            total,
        )
        left = done[FormatStatus.REFUSED] + done[FormatStatus.FAILED]
        print(
            line.format(
                n=total,
                written=done[FormatStatus.WRITTEN],
                skipped=done[FormatStatus.SKIPPED],
                left=left,
                manifest=result.manifest,
            ),
            file=sys.stderr,
        )
        return EXIT_OK if result.ok else EXIT_FINDINGS
    output: Path = args.output or source.with_name(source.stem + "-gbt9704.docx")
    if output.is_dir():
        output = output / (source.stem + ".docx")
    draft = format_draft(source, output, strict=args.strict, template=args.template)
    _report(draft, args.verbose)
    if draft.status is FormatStatus.FAILED:
        return EXIT_INPUT
    return EXIT_FINDINGS if draft.status is FormatStatus.REFUSED else EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``format``."""
    p = sub.add_parser(
        "format",
        help=_("把已有的文稿（Word/WPS 的 .docx、.txt）按 GB/T 9704 重新排版"),
        description=_(
            "把每份文稿读入公文模型，再按标准的版式生成，一字不丢；报告改动了什么"
            "（页面、字体、序号、标点）以及什么无法保留。文件夹会递归处理并写清单，"
            "再次运行时跳过没有改动的文稿。"
        ),
    )
    p.add_argument(
        "input", type=Path, metavar="IN", help=_("一份文稿（.docx、.txt）或装有文稿的文件夹")
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help=_("要写的 .docx（或文件夹）；一份文稿时默认写在旁边：NAME-gbt9704.docx"),
    )
    p.add_argument("--template", type=Path, metavar="TEMPLATE", help=_("自己的模板 .docx"))
    p.add_argument(
        "--strict",
        action="store_true",
        help=_("拒绝含有模型无法保留的内容（图片、文本框等）的文稿"),
    )
    p.add_argument("--force", action="store_true", help=_("没有改动的文稿也重新排版"))
    p.add_argument("-v", "--verbose", action="store_true", help=_("列出每一处改动"))
    p.set_defaults(func=cmd_format)


__all__ = ["cmd_format", "register"]
