"""The rules, one module per family of codes."""

from __future__ import annotations

from gongwen.check.registry import Rule
from gongwen.check.rules import (
    contact,
    counts,
    dating,
    documents,
    headings,
    measures,
    ordinals,
    punctuation,
    repeats,
    tables,
    title_lines,
)

RULES: tuple[Rule, ...] = tuple(
    sorted(
        ordinals.RULES
        + measures.RULES
        + counts.RULES
        + punctuation.RULES
        + headings.RULES
        + title_lines.RULES
        + dating.RULES
        + documents.RULES
        + contact.RULES
        + repeats.RULES
        + tables.RULES,
        key=lambda rule: rule.code,
    )
)
"""Every rule, in code order (a family's codes may sit in two modules: GW107–GW109, the
leads of measures, between the ordinals' GW106 and GW110)."""

__all__ = ["RULES"]
