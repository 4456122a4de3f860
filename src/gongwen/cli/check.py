"""``gongwen check``: proofread notices, like a linter; ``--fix`` writes the mechanical repairs."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gongwen.cli.common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_TOOL
from gongwen.findings import Finding, InputError, Level, finding_to_dict

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
    print(f"gongwen check: {message}", file=sys.stderr)
    return EXIT_INPUT


def _fix_one(args: argparse.Namespace, file: Path, config: CheckConfig) -> list[Finding]:
    from gongwen.atomic import refuse_input_as_output, write_bytes_atomic
    from gongwen.check import fix_file
    from gongwen.check.source import DOCX_SUFFIX

    if file.suffix.lower() == DOCX_SUFFIX:
        raise InputError.single(
            "IN001", "--fix cannot write .docx; fix the text or the notice file", file=file
        )
    if args.output is not None:
        refuse_input_as_output(args.output, [file])  # overwriting the input is --in-place
    result = fix_file(file, config)
    target: Path = args.output if args.output is not None else file
    write_bytes_atomic(target, result.content)
    print(f"{file}: {len(result.applied)} fixes applied, written to {target}", file=sys.stderr)
    return [replace(f, location=replace(f.location, file=str(target))) for f in result.remaining]


def cmd_check(args: argparse.Namespace) -> int:
    """Check each file; print the findings; exit 0, 1 (findings) or 2 (unreadable)."""
    from gongwen.check import check_file

    if args.list_rules:
        _print_rules(sys.stdout)
        return EXIT_OK
    files: list[Path] = args.files
    if not files:
        return _usage_error("give at least one file to check (or --list-rules)")
    if (args.output is not None or args.in_place) and not args.fix:
        return _usage_error("-o and --in-place go with --fix")
    if args.fix:
        if args.output is not None and args.in_place:
            return _usage_error("give either -o OUT or --in-place, not both")
        if args.output is None and not args.in_place:
            return _usage_error("--fix needs -o OUT (or --in-place to overwrite the input)")
        if args.output is not None and len(files) != 1:
            return _usage_error("-o OUT takes exactly one input file")
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
        every = [f for _, findings in results for f in findings] + unreadable
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

    laid_out = [file for file, _ in results if file.suffix.lower() != ".txt"]
    try:
        pages = check_pages(laid_out) if laid_out else {}
    except (ToolMissing, ConversionError) as exc:
        print(f"gongwen check --render: {exc}", file=sys.stderr)
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
            level = _paint(f"{f.level.value:<7}", _COLOURS[f.level], colour)
            fix = "  [fix]" if entry.fixable else ""
            code = _paint(f.code, "1", colour)
            print(f"  {line}  {level}  {code}  {entry.message}{fix}", file=out)
            if f.location.path:
                print(f"  {' ' * width}  {_paint(f.location.path, '2', colour)}", file=out)
        print(file=out)
    for f in unreadable:
        print(_paint(str(f), _COLOURS[Level.ERROR], _colour(err)), file=err)
    if results or not unreadable:  # "No findings in 0 files" would hide that nothing was read
        for line in code_summary(total, {rule.code: rule.label for rule in RULES}):
            print(line, file=out)
        print(_summary(total, len(results)), file=out)


def _summary(findings: Sequence[Finding], files: int) -> str:
    if not findings:
        return f"No findings in {_plural(files, 'file')}."
    counts = {level: sum(f.level == level for f in findings) for level in Level}
    parts = [
        _plural(counts[Level.ERROR], "error"),
        _plural(counts[Level.WARNING], "warning"),
        f"{counts[Level.INFO]} info",
    ]
    fixable = sum(f.fix is not None for f in findings)
    tail = f"; {fixable} fixable with --fix" if fixable else ""
    return f"{_plural(len(findings), 'finding')} ({', '.join(parts)}){tail}."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _print_rules(out: TextIO) -> None:
    from gongwen.check import RULES

    for rule in RULES:
        fix = "fix" if rule.fixable else "   "
        print(
            f"{rule.code}  {rule.level.value:<7}  {fix}  {rule.label}: {rule.description}", file=out
        )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check``."""
    p = sub.add_parser(
        "check",
        help="proofread notices: numbering, counts, punctuation, dates, contacts, copied text",
        description=(
            "Check notice files (.yaml, .yml, .json, .toml), plain text (.txt) and .docx. "
            "Exit status: 0 clean, 1 findings at or above --fail-level, 2 a file could not be "
            "read. Rules are listed by --list-rules and in docs/checks.md."
        ),
    )
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help="files to check")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    p.add_argument(
        "--fail-level",
        choices=[level.value for level in Level],
        help="exit 1 when a finding is at or above this level (default: warning, or the "
        "configuration's fail-level)",
    )
    p.add_argument(
        "--select",
        type=_codes,
        action="append",
        default=[],
        metavar="CODES",
        help="comma-separated code prefixes to run, replacing the configuration's (GW1,GW301)",
    )
    p.add_argument(
        "--ignore",
        type=_codes,
        action="append",
        default=[],
        metavar="CODES",
        help="comma-separated code prefixes to leave out, added to the configuration's",
    )
    p.add_argument(
        "--config",
        type=Path,
        help="read settings from this gongwen.toml or pyproject.toml instead of searching",
    )
    p.add_argument("--fix", action="store_true", help="apply the mechanical fixes")
    p.add_argument("-o", "--output", type=Path, help="with --fix: write the corrected file here")
    p.add_argument("--in-place", action="store_true", help="with --fix: overwrite the input files")
    p.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    p.add_argument(
        "--render",
        action="store_true",
        help="also lay .docx and notice files out through LibreOffice and check the pages: "
        "title lines, a page of only the signature, a heading at a page's foot (GW911-GW913)",
    )
    p.set_defaults(func=cmd_check)


__all__ = ["cmd_check", "register"]
