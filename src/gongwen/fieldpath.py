"""Field paths (字段路径): where a value sits in a notice, as ``body[1].section.heading``.

One home for writing and reading them: the loader writes pydantic's locations as paths, the
checker and the reader point findings at them, the batch maps them back to the input files.
A path is a :data:`FieldPath` (a tuple of keys and list indexes) in code, a string in data.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongwen.lazy_regex import lazy_compile

__all__ = ["FieldPath", "format_path", "parse_path"]

FieldPath = tuple[str | int, ...]
"""A field path as keys (str) and list indexes (int), from the notice down."""

_PART = lazy_compile(r"([^.\[\]]+)|\[(\d+)\]")


def format_path(loc: Sequence[int | str]) -> str:
    """A location (e.g. pydantic's) as a field path.

    >>> format_path(("body", 1, "section", "body", 0, "problem", "statement"))
    'body[1].section.body[0].problem.statement'
    >>> format_path(())
    ''
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def parse_path(path: str) -> FieldPath:
    """A field path as :func:`format_path` writes it, back into keys and indexes.

    >>> parse_path("body[1].section.body[0].problem.measures[2]")
    ('body', 1, 'section', 'body', 0, 'problem', 'measures', 2)
    >>> parse_path("")
    ()
    """
    return tuple(m[1] if m[1] is not None else int(m[2]) for m in _PART.finditer(path))
