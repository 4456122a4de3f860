"""Subcommands on one notice file: ``validate``, ``schema``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from gongwen.cli.common import EXIT_OK
from gongwen.i18n import _


def cmd_validate(args: argparse.Namespace) -> int:
    """Load a notice file and print a one-line summary, or its errors."""
    from gongwen.loader import load_notice
    from gongwen.summary import summarize

    notice = load_notice(args.file, keep_typed_ordinals=args.keep_typed_ordinals)
    print(_("{file}：无误：{summary}").format(file=args.file, summary=summarize(notice)))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the notice input format."""
    from gongwen.model import Notice

    schema = Notice.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "gongwen notice"
    print(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``validate`` and ``schema``."""
    p = sub.add_parser("validate", help=_("检查公文文件能否读入，并打印摘要"))
    p.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help=_("公文文件（.yaml、.yml、.json、.toml 或 .md）"),
    )
    p.add_argument(
        "--keep-typed-ordinals",
        action="store_true",
        help=_("接受正文中键入的序号（一、…，问题1：…），与 render 的同名选项一样"),
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help=_("打印公文文件格式的 JSON Schema"))
    p.set_defaults(func=cmd_schema)


__all__ = ["cmd_schema", "cmd_validate", "register"]
