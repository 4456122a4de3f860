"""The rules, one module per family of codes."""

from __future__ import annotations

from gongwen.check.registry import Rule
from gongwen.check.rules import (
    contact,
    counts,
    dates,
    documents,
    headings,
    numbering,
    punctuation,
    repeats,
)

RULES: tuple[Rule, ...] = (
    numbering.RULES
    + counts.RULES
    + punctuation.RULES
    + headings.RULES
    + dates.RULES
    + documents.RULES
    + contact.RULES
    + repeats.RULES
)
"""Every rule, in code order."""

__all__ = ["RULES"]
