"""``--help`` wrapped by the columns a terminal gives each character: Chinese takes two and has
no spaces to break at, so argparse's own wrapping (by characters, at spaces) would run Chinese
help far past the edge."""

from __future__ import annotations

import argparse

from gongwen.lazy_regex import lazy_compile
from gongwen.widths import columns as text_columns

__all__ = ["HelpFormatter", "RawDescriptionHelpFormatter", "wrap_columns"]

_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…—"
"""Chinese characters and marks: a line may break before or after each (but see below)."""
_TOKENS = lazy_compile(rf"\s+|[{_WIDE}]|[^\s{_WIDE}]+")
_NO_LINE_START = frozenset("，。、；：！？）》」』”’…")
"""Marks that may not begin a line (they stay with the character before them)."""
_NO_LINE_END = frozenset("（《「『“‘")
"""Marks that may not end a line (they go with the character after them)."""


def _units(text: str) -> list[str]:
    """Pieces a line may break between: words, single Chinese characters, spaces; marks that
    may not start or end a line joined to their neighbour."""
    units: list[str] = []
    glue = False
    for token in _TOKENS.findall(text):
        if units and not token.isspace() and (glue or token[0] in _NO_LINE_START):
            units[-1] += token
        else:
            units.append(token)
        glue = not token.isspace() and token[-1] in _NO_LINE_END
    return units


def wrap_columns(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` terminal columns (a longer word alone).

    >>> wrap_columns("输出格式（默认 text）", 10)
    ['输出格式', '（默认', 'text）']
    >>> wrap_columns("the PDF to write", 8)
    ['the PDF', 'to write']
    """
    lines: list[str] = []
    line = ""
    for unit in _units(" ".join(text.split())):
        if line and text_columns(line + unit.rstrip()) > columns:
            lines.append(line.rstrip())
            line = "" if unit.isspace() else unit
        else:
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, wrapping by terminal columns."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_columns(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_columns(text, width))


class RawDescriptionHelpFormatter(HelpFormatter):
    """Descriptions and epilogs as written (their own line breaks); options still wrapped."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))
