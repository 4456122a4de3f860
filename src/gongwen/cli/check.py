"""``gongwen check``: proofread notices, like a linter; ``--fix`` writes the mechanical repairs."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gongwen.cli.common import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_TOOL,
    output_path,
    pad,
    print_error,
)
from gongwen.findings import Finding, InputError, Level, finding_to_dict
from gongwen.i18n import _, ngettext

if TYPE_CHECKING:
    from gongwen.check import CheckConfig

# The checker is imported when the command runs, not when the parser is built (start-up time).

_COLOURS = {Level.ERROR: "31", Level.WARNING: "33", Level.INFO: "36"}


def _codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


def _config(args: argparse.Namespace, file: Path) -> CheckConfig:
    from gongwen.check import discover_config, load_config

    config = load_config(args.config) if args.config else discover_config(file)
    fail = Level(args.fail_level) if args.fail_level else None
    return config.override(
        select=[c for group in args.select for c in group],
        ignore=[c for group in args.ignore for c in group],
        fail_level=fail,
    )


def _usage_error(message: str) -> int:
    print_error(message, command="check")
    return EXIT_INPUT


def _fix_one(args: argparse.Namespace, file: Path, config: CheckConfig) -> list[Finding]:
    from gongwen.atomic import refuse_input_as_output, write_bytes_atomic
    from gongwen.check import fix_file
    from gongwen.check.source import DOCX_SUFFIX

    if file.suffix.lower() == DOCX_SUFFIX:
        raise InputError.single(
            "IN001",
            _("--fix 不能写 .docx：请修改文本或公文文件"),
            file=file,
        )
    target = file if args.output is None else output_path(args.output, file, file.suffix)
    if args.output is not None:
        refuse_input_as_output(target, [file])  # overwriting the input is --in-place
    result = fix_file(file, config)
    write_bytes_atomic(target, result.content)
    n = len(result.applied)
    done = ngettext(
        "{file}：修复了 {n} 处，写入 {target}", "{file}：修复了 {n} 处，写入 {target}", n
    )
    print(done.format(file=file, n=n, target=target), file=sys.stderr)
    return [replace(f, location=replace(f.location, file=str(target))) for f in result.remaining]


def cmd_check(args: argparse.Namespace) -> int:
    """Check each file; print the findings; exit 0, 1 (findings) or 2 (unreadable)."""
    from gongwen.check import check_file

    if args.list_rules:
        _print_rules(sys.stdout)
        return EXIT_OK
    files: list[Path] = args.files
    if not files:
        return _usage_error(_("请至少给出一个要检查的文件（或用 --list-rules）"))
    if (args.output is not None or args.in_place) and not args.fix:
        return _usage_error(_("-o 和 --in-place 须与 --fix 一起用"))
    if args.fix:
        if args.output is not None and args.in_place:
            return _usage_error(_("-o OUT 和 --in-place 只能给一个"))
        if args.output is None and not args.in_place:
            return _usage_error(_("--fix 需要 -o OUT（或用 --in-place 覆盖输入文件）"))
        if args.output is not None and len(files) != 1 and not args.output.is_dir():
            return _usage_error(_("-o OUT 只能对应一个输入文件（或 -o DIR，一个文件夹）"))
    results: list[tuple[Path, list[Finding]]] = []
    unreadable: list[Finding] = []
    failing = False
    for file in files:
        try:
            config = _config(args, file)
            findings = _fix_one(args, file, config) if args.fix else check_file(file, config)
        except InputError as exc:
            unreadable.extend(exc.findings)
            continue
        results.append((file, findings))
        failing = failing or any(f.level.rank >= config.fail_level.rank for f in findings)
    if args.render and not args.fix:
        pages_failing = _check_pages(args, results)
        if pages_failing is None:
            return EXIT_TOOL
        failing = failing or pages_failing
    if args.format == "json":
        import json

        every = [f for _file, findings in results for f in findings] + unreadable
        print(json.dumps([finding_to_dict(f) for f in every], ensure_ascii=False, indent=2))
    else:
        _print_text(results, unreadable, sys.stdout, sys.stderr)
    if unreadable:
        return EXIT_INPUT
    return EXIT_FINDINGS if failing else EXIT_OK


def _check_pages(
    args: argparse.Namespace, results: list[tuple[Path, list[Finding]]]
) -> bool | None:
    """Add the findings of the laid-out pages (GW911-GW913) to each .docx or notice file's;
    whether one reaches the fail level, ``None`` when LibreOffice cannot lay them out."""
    from gongwen.office.convert import ConversionError, ToolMissing
    from gongwen.office.pages import check_pages  # LibreOffice only when --render asks

    laid_out = [file for file, _found in results if file.suffix.lower() != ".txt"]
    try:
        pages = check_pages(laid_out) if laid_out else {}
    except (ToolMissing, ConversionError) as exc:
        print_error(str(exc), command="check --render")
        return None
    failing = False
    for index, (file, findings) in enumerate(results):
        config = _config(args, file)
        extra = [f for f in pages.get(file, []) if config.enabled(f.code)]
        results[index] = (file, findings + extra)
        failing = failing or any(f.level.rank >= config.fail_level.rank for f in extra)
    return failing


def _colour(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _print_text(
    results: Sequence[tuple[Path, list[Finding]]],
    unreadable: Sequence[Finding],
    out: TextIO,
    err: TextIO,
) -> None:
    from gongwen.check import RULES
    from gongwen.check.report import code_summary, grouped

    colour = _colour(out)
    total: list[Finding] = []
    for file, findings in results:
        if not findings:
            continue
        total += findings
        print(_paint(str(file), "1", colour), file=out)
        width = max(len(str(f.location.line or "")) for f in findings)
        for entry in grouped(findings):  # most serious first; repeats of a line told once
            f = entry.first
            line = str(f.location.line or "").rjust(width)
            level = _paint(pad(f.level.label, 7), _COLOURS[f.level], colour)
            fix = _("  [可修复]") if entry.fixable else ""
            code = _paint(f.code, "1", colour)
            print(f"  {line}  {level}  {code}  {entry.message}{fix}", file=out)
            if f.location.path:
                print(f"  {' ' * width}  {_paint(f.location.path, '2', colour)}", file=out)
        print(file=out)
    for f in unreadable:
        print(_paint(str(f), _COLOURS[Level.ERROR], _colour(err)), file=err)
    if results or not unreadable:  # "0 个文件没有检查发现" would hide that nothing was read
        for line in code_summary(total, {rule.code: rule.label for rule in RULES}):
            print(line, file=out)
        print(_summary(total, len(results)), file=out)


def _summary(findings: Sequence[Finding], files: int) -> str:
    """The last line: how many findings of each level, and how many ``--fix`` repairs.

    >>> _summary([], 2)
    '2 个文件中没有检查发现。'
    """
    if not findings:
        return ngettext("{n} 个文件中没有检查发现。", "{n} 个文件中没有检查发现。", files).format(
            n=files
        )
    counts = {level: sum(f.level == level for f in findings) for level in Level}
    errors, warnings, infos = counts[Level.ERROR], counts[Level.WARNING], counts[Level.INFO]
    parts = _("，").join(
        [
            ngettext("错误 {n} 个", "错误 {n} 个", errors).format(n=errors),
            ngettext("警告 {n} 个", "警告 {n} 个", warnings).format(n=warnings),
            ngettext("提示 {n} 个", "提示 {n} 个", infos).format(n=infos),
        ]
    )
    fixable = sum(f.fix is not None for f in findings)
    tail = ""
    if fixable:
        tail = ngettext("；{n} 处可用 --fix 修复", "；{n} 处可用 --fix 修复", fixable)
        tail = tail.format(n=fixable)
    n = len(findings)
    line = ngettext("检查发现 {n} 处（{parts}）{tail}。", "检查发现 {n} 处（{parts}）{tail}。", n)
    return line.format(n=n, parts=parts, tail=tail)


def _print_rules(out: TextIO) -> None:
    """One rule a line: code, level, whether ``--fix`` repairs it, name and summary."""
    from gongwen.check import RULES

    for rule in RULES:
        fix = pad(_("可修复") if rule.fixable else "", 6)
        level = pad(rule.level.label, 7)
        # 译注：规则名与说明之间
        described = _("{name}：{summary}").format(name=rule.label, summary=rule.description)
        print(f"{rule.code}  {level}  {fix}  {described}", file=out)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check``."""
    p = sub.add_parser(
        "check",
        help=_("校对公文：序号、计数、标点、日期、联系方式、照抄的文字"),
        description=_(
            "检查公文文件（.yaml、.yml、.json、.toml）、Markdown（.md）、纯文本（.txt）和 .docx。"
            "退出状态：0 没有问题，1 有达到 --fail-level 的检查发现，2 有文件无法读取。"
            "规则见 --list-rules 和 docs/checks.md。"
        ),
    )
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help=_("要检查的文件"))
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("输出格式（默认 text）"),
    )
    p.add_argument(
        "--fail-level",
        choices=[level.value for level in Level],
        help=_("有检查发现达到此级别时退出状态为 1（默认：warning，或配置文件中的 fail-level）"),
    )
    p.add_argument(
        "--select",
        type=_codes,
        action="append",
        default=[],
        metavar="CODES",
        help=_("要运行的代码前缀，逗号分隔，取代配置文件中的（如 GW1,GW301）"),
    )
    p.add_argument(
        "--ignore",
        type=_codes,
        action="append",
        default=[],
        metavar="CODES",
        help=_("不运行的代码前缀，逗号分隔，加在配置文件中的之上"),
    )
    p.add_argument(
        "--config",
        type=Path,
        metavar="CONFIG",
        help=_("从这个 gongwen.toml 或 pyproject.toml 读取设置，不再自动查找"),
    )
    p.add_argument("--fix", action="store_true", help=_("做机械性的修复"))
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help=_("与 --fix 同用：修正后的文件写到这里，或以原文件名写入这个文件夹"),
    )
    p.add_argument("--in-place", action="store_true", help=_("与 --fix 同用：覆盖输入文件"))
    p.add_argument("--list-rules", action="store_true", help=_("列出全部规则后退出"))
    p.add_argument(
        "--render",
        action="store_true",
        help=_(
            "另经 LibreOffice 排出 .docx 和公文文件的页面并检查：标题行、只有署名的一页、"
            "页末的标题（GW911-GW913）"
        ),
    )
    p.set_defaults(func=cmd_check)


__all__ = ["cmd_check", "register"]
