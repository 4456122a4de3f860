"""``gongwen parse``: a published notice (.txt or .docx) into the notice file ``render`` reads.

Exit statuses: 0 the notice was read and written (findings, if any, are warnings printed to
stderr); 2 the file could not be read (too large, not text, not a .docx, hostile XML, no
notice in it) and nothing was written.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from gongwen.atomic import refuse_input_as_output, write_bytes_atomic
from gongwen.cli.common import EXIT_OK, print_findings
from gongwen.dates import format_date
from gongwen.findings import Finding, GongwenError, Level
from gongwen.read import ReadResult, read_file

EPILOG = """\
exit statuses:
  0  the notice was read and written; findings (repairs and damage found) are
     printed to stderr but do not fail the command
  2  the file could not be read (too large, not UTF-8/GB18030 text, not a .docx,
     a zip bomb, XML with a DTD, no notice in it); nothing was written
"""

# Top-level keys in the order a clerk reads a notice file: what it is, then its parts.
_KEY_ORDER = (
    "title",
    "published",
    "header",
    "addressees",
    "body",
    "contact",
    "attachments",
    "signature",
    "note",
    "imprint",
    "presentation",
)
_MAPPING_INDENT, _SEQUENCE_INDENT, _SEQUENCE_OFFSET = 2, 4, 2
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _commented(data: Any) -> Any:
    if isinstance(data, dict):
        return CommentedMap((k, _commented(v)) for k, v in data.items())
    if isinstance(data, list):
        return CommentedSeq(_commented(v) for v in data)
    return data


_ITEM_PARTS = frozenset({"paragraph", "section", "problem", "heading", "statement", "description"})


def _comment_at(tree: CommentedMap, path: str, text: str) -> None:
    """Put a comment line above what ``path`` points to.

    A finding on a paragraph, a heading or a problem's statement goes above the body item
    (``- problem:``); one on a measure above that measure; others above their key.
    """
    node: Any = tree
    column = 0
    anchors: list[tuple[Any, Any, int]] = []
    parts = _PATH_PART.findall(path)
    for name, index in parts:
        if name:
            if not isinstance(node, CommentedMap) or name not in node:
                break
            anchors.append((node, name, column))
            node = node[name]
            if isinstance(node, CommentedMap):
                column += _MAPPING_INDENT
            elif isinstance(node, CommentedSeq):
                column += _SEQUENCE_OFFSET
        else:
            position = int(index)
            if not isinstance(node, CommentedSeq) or position >= len(node):
                break
            anchors.append((node, position, column))
            node = node[position]
            column += _SEQUENCE_INDENT - _SEQUENCE_OFFSET
    if not anchors:
        return
    last_name = next((name for name, _ in reversed(parts) if name), "")
    owner, key, indent = anchors[-1]
    if last_name in _ITEM_PARTS:
        items = [a for a in anchors if isinstance(a[0], CommentedSeq)]
        if items:
            owner, key, indent = items[-1]
    existing = owner.ca.items.get(key)
    before = text
    if existing and len(existing) > 1 and existing[1]:
        earlier = [t.value.strip()[2:] for t in existing[1] if t is not None]
        before = "\n".join([*earlier, text])
        del owner.ca.items[key]
    owner.yaml_set_comment_before_after_key(key, before=before, indent=indent)


def notice_yaml(result: ReadResult) -> str:
    """The notice as a YAML notice file, with a comment over every place a finding points to."""
    notice = result.notice
    data = notice.model_dump(mode="json", exclude_defaults=True)
    if "\n" in data["title"]:
        data["title"] = data["title"].split("\n")  # the form examples use for title lines
    # Dates as the examples write them: 发布日期 plain ISO, the others as the notice prints them.
    if notice.published is not None:
        data["published"] = notice.published
    if notice.signature is not None:
        data["signature"]["date"] = format_date(notice.signature.date)
    if notice.imprint is not None:
        data["imprint"]["print_date"] = format_date(notice.imprint.print_date)
    ordered = {key: data[key] for key in _KEY_ORDER if key in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    tree = _commented(ordered)
    counts = Counter(f.code for f in result.findings)
    summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items())) or "none"
    head = [
        f"Read by gongwen parse from {Path(result.source).name}.",
        f"Findings: {summary} (codes: docs/reader.md).",
    ]
    head += [f"{key}: {value}".rstrip() for key, value in result.metadata.items()]
    tree.yaml_set_start_comment("\n".join(head))
    by_line: dict[int, list[str]] = {}
    for path, line in result.lines.items():
        by_line.setdefault(line, []).append(path)
    for found in result.findings:
        if found.level == Level.INFO or found.location.line not in by_line:
            continue
        path = max(by_line[found.location.line], key=len)
        where = f"line {found.location.line}"
        _comment_at(tree, path, f"{found.code} ({where}): {found.message}")
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=_MAPPING_INDENT, sequence=_SEQUENCE_INDENT, offset=_SEQUENCE_OFFSET)
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def _print_summary(findings: list[Finding], shown: Level) -> None:
    hidden = [f for f in findings if f.level.rank < shown.rank]
    printed = [f for f in findings if f.level.rank >= shown.rank]
    print_findings(sorted(printed, key=lambda f: f.location.line or 0), sys.stderr)
    counts = Counter(f.code for f in findings)
    summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items()))
    if findings:
        note = (
            f" ({len(hidden)} at level info not shown; --level info shows them)" if hidden else ""
        )
        print(f"{len(findings)} findings: {summary}{note}", file=sys.stderr)


def cmd_parse(args: argparse.Namespace) -> int:
    """Read the file, print findings, write the YAML (or print it)."""
    if args.output is not None:
        refuse_input_as_output(args.output, [args.file])
    result = read_file(args.file)
    text = notice_yaml(result)
    _print_summary(result.findings, Level(args.level))
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_bytes_atomic(args.output, text.encode("utf-8"))
    except OSError as exc:
        raise GongwenError(f"{args.output}: 无法写入 (cannot be written: {exc.strerror})") from None
    print(f"{args.file} -> {args.output}", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``parse``."""
    p = sub.add_parser(
        "parse",
        help="read a published notice (.txt or .docx) into a notice file",
        description=(
            "Read a notice published as text (UTF-8 or GB18030/GBK) or .docx into the YAML "
            "notice file that 'gongwen render' and 'gongwen validate' read. What the reader "
            "repaired or found damaged is printed to stderr with file:line and a code, and "
            "written as comments in the YAML."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=Path, help="the published notice: .txt or .docx")
    p.add_argument(
        "-o", "--output", type=Path, help="the YAML file to write (default: print to stdout)"
    )
    p.add_argument(
        "--level",
        choices=[level.value for level in Level],
        default=Level.WARNING.value,
        help="print findings at this level and above (default: warning)",
    )
    p.set_defaults(func=cmd_parse)
