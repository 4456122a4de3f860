"""The rules, one module per family of codes."""

from __future__ import annotations

from gongwen.check.registry import Rule
from gongwen.check.rules import (
    contact,
    counts,
    dating,
    documents,
    headings,
    ordinals,
    punctuation,
    repeats,
    tables,
    title_lines,
)

RULES: tuple[Rule, ...] = (
    ordinals.RULES
    + counts.RULES
    + punctuation.RULES
    + headings.RULES
    + title_lines.RULES
    + dating.RULES
    + documents.RULES
    + contact.RULES
    + repeats.RULES
    + tables.RULES
)
"""Every rule, in code order."""

__all__ = ["RULES"]
