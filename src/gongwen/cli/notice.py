"""Subcommands on one notice file: ``validate``, ``schema``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from gongwen.cli.common import EXIT_OK
from gongwen.loader import load_notice
from gongwen.model import Notice
from gongwen.summary import summarize


def cmd_validate(args: argparse.Namespace) -> int:
    """Load a notice file and print a one-line summary, or its errors."""
    notice = load_notice(args.file)
    print(f"{args.file}: ok: {summarize(notice)}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the notice input format."""
    schema = Notice.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "gongwen notice"
    print(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``validate`` and ``schema``."""
    p = sub.add_parser("validate", help="check that a notice file loads; print a summary")
    p.add_argument("file", type=Path, help="notice file (.yaml, .yml, .json, .toml)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of the notice input format")
    p.set_defaults(func=cmd_schema)


__all__ = ["cmd_schema", "cmd_validate", "register"]
