"""``gongwen parse``: a published notice (.txt or .docx) into the notice file ``render`` reads.

Exit statuses: 0 the notice was read and written (findings, if any, are warnings printed to
stderr); 2 the file could not be read (too large, not text, not a .docx, hostile XML, no
notice in it) and nothing was written.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.cli.common import EXIT_INPUT, EXIT_OK, output_path, print_findings
from gongwen.cli.helpformat import RawDescriptionHelpFormatter
from gongwen.findings import Finding, GongwenError, Level
from gongwen.i18n import N_, _, ngettext
from gongwen.oserror import os_reason

if TYPE_CHECKING:
    from gongwen.read import ReadResult

# The reader and ruamel.yaml are imported when the command runs (start-up time).

EPILOG = N_(
    "退出状态：\n"
    "  0  公文已读入并写出；检查发现（修复之处和发现的损坏）打印到标准错误输出，\n"
    "     但不使命令失败\n"
    "  2  文件无法读取（太大、不是 UTF-8/GB18030 文本、不是 .docx、压缩炸弹、\n"
    "     带 DTD 的 XML、其中没有公文），或用了 --strict 而 .docx 中有公文文件\n"
    "     无法容纳的内容（图片、文本框、脚注、批注、修订、公式、嵌入对象）；\n"
    "     没有写出任何内容\n"
)
"""The exit statuses under ``gongwen parse --help`` (translated where shown)."""


def notice_yaml(result: ReadResult) -> str:
    """The notice as a YAML notice file, with a comment over every place a finding points to."""
    from gongwen.dumper import dumps_notice

    counts = Counter(f.code for f in result.findings)
    summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items())) or _("无")
    head = [
        _("由 gongwen parse 从 {name} 读入。").format(name=Path(result.source).name),
        _("检查发现：{summary}（代码见 docs/reader.md）。").format(summary=summary),
    ]
    head += [f"{key}: {value}".rstrip() for key, value in result.metadata.items()]
    by_line: dict[int, list[str]] = {}
    for path, line in result.lines.items():
        by_line.setdefault(line, []).append(path)
    comments = [
        (
            max(by_line[f.location.line], key=len),
            _("{code}（第 {line} 行）：{message}").format(
                code=f.code, line=f.location.line, message=f.message
            ),
        )
        for f in result.findings
        if f.level != Level.INFO and f.location.line in by_line
    ]
    return dumps_notice(result.notice, "yaml", comments=comments, header="\n".join(head))


def _print_summary(findings: list[Finding], shown: Level) -> None:
    hidden = [f for f in findings if f.level.rank < shown.rank]
    printed = [f for f in findings if f.level.rank >= shown.rank]
    print_findings(sorted(printed, key=lambda f: f.location.line or 0), sys.stderr)
    counts = Counter(f.code for f in findings)
    summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items()))
    if findings:
        n = len(hidden)
        note = (
            ngettext(
                "（另有 {n} 处提示未列出；--level info 可列出）",
                "（另有 {n} 处提示未列出；--level info 可列出）",
                n,
            ).format(n=n)
            if hidden
            else ""
        )
        total = len(findings)
        line = ngettext(
            "检查发现 {n} 处：{summary}{note}", "检查发现 {n} 处：{summary}{note}", total
        )
        print(line.format(n=total, summary=summary, note=note), file=sys.stderr)


def cmd_parse(args: argparse.Namespace) -> int:
    """Read the file, print findings, write the YAML (or print it)."""
    from gongwen.atomic import refuse_input_as_output, write_bytes_atomic
    from gongwen.read import read_file
    from gongwen.read.codes import LEFT_OUT_CODES

    if args.output is not None:
        refuse_input_as_output(output_path(args.output, args.file, ".yaml"), [args.file])
    result = read_file(args.file)
    text = notice_yaml(result)
    _print_summary(result.findings, Level(args.level))
    left_out = [f for f in result.findings if f.code in LEFT_OUT_CODES]
    if args.strict and left_out:
        codes = ", ".join(sorted({f.code for f in left_out}))
        message = _(
            "{file}：文件中有公文模型无法容纳的内容（{codes}），--strict 拒绝读取；没有写出任何内容"
        )
        print(message.format(file=args.file, codes=codes), file=sys.stderr)
        return EXIT_INPUT
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    output = output_path(args.output, args.file, ".yaml")
    try:
        write_bytes_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        raise GongwenError(
            _("{output}：无法写入：{reason}").format(output=output, reason=os_reason(exc))
        ) from None
    print(f"{args.file} -> {output}", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``parse``."""
    p = sub.add_parser(
        "parse",
        help=_("把已发布的公文（.txt、.md 或 .docx）读成公文文件"),
        description=_(
            "把以文本（UTF-8 或 GB18030/GBK）或 .docx 发布的公文读成 YAML 公文文件，\n"
            "供 gongwen render 和 gongwen validate 使用。读取时修复的和发现损坏的地方，\n"
            "连同 文件:行 和代码打印到标准错误输出，并作为注释写进 YAML。"
        ),
        epilog=_(EPILOG),
        formatter_class=RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=Path, metavar="FILE", help=_("已发布的公文：.txt、.md 或 .docx"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help=_("要写的 YAML 文件，或一个文件夹（写入与 FILE 同名的 .yaml；默认：打印到标准输出）"),
    )
    p.add_argument(
        "--level",
        choices=[level.value for level in Level],
        default=Level.WARNING.value,
        help=_("打印此级别及以上的检查发现（默认：warning）"),
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help=_(
            "拒绝（退出状态 2，不写任何内容）含有公文文件无法容纳的内容的 .docx："
            "图片、文本框、脚注、批注、修订、公式"
        ),
    )
    p.set_defaults(func=cmd_parse)


__all__ = ["EPILOG", "cmd_parse", "notice_yaml", "register"]
