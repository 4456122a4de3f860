"""The body tree as the reader builds it, with source lines, before it becomes a model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Item", "dump_items", "problems", "sections", "texts_before_first_problem"]


@dataclass
class TextNode:
    text: str
    line: int
    lead: int | None = None
    """The number of the last 一是/二是 lead the paragraph holds, if it is led."""


@dataclass
class ProblemNode:
    line: int
    statement: str
    description: str | None = None
    label: str | None = None
    label_line: int | None = None
    measures: list[TextNode] = field(default_factory=list)
    leads: list[int | None] = field(default_factory=list)
    """The number of each measure's lead as written (None: no lead)."""
    status: str | None = None
    deadline: str | None = None
    responsible: str | None = None
    details: dict[str, int] = field(default_factory=dict)
    """The line of each detail read (status, deadline, responsible)."""


@dataclass
class SectionNode:
    heading: str
    line: int
    level: int
    number: int | None
    items: list[Item] = field(default_factory=list)
    run_in: bool = False

    def sections(self) -> list[SectionNode]:
        return [i for i in self.items if isinstance(i, SectionNode)]


Item = TextNode | ProblemNode | SectionNode


def problems(items: list[Item]) -> list[ProblemNode]:
    out: list[ProblemNode] = []
    for item in items:
        if isinstance(item, ProblemNode):
            out.append(item)
        elif isinstance(item, SectionNode):
            out += problems(item.items)
    return out


def sections(items: list[Item], depth: int) -> list[SectionNode]:
    out: list[SectionNode] = []
    for item in items:
        if isinstance(item, SectionNode):
            if depth == 0:
                out.append(item)
            else:
                out += sections(item.items, depth - 1)
    return out


def texts_before_first_problem(items: list[Item]) -> list[TextNode]:
    out: list[TextNode] = []

    def visit(children: list[Item]) -> bool:
        for item in children:
            if isinstance(item, ProblemNode):
                return True
            if isinstance(item, TextNode):
                out.append(item)
            elif visit(item.items):
                return True
        return False

    visit(items)
    return out


def dump_items(items: list[Item], path: str, lines: dict[str, int]) -> list[dict[str, Any]]:
    """The tree as model data; each field's source line goes into ``lines``."""
    out: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        if isinstance(item, TextNode):
            here = f"{path}[{index}].paragraph"
            out.append({"paragraph": item.text})
            lines[here] = item.line
        elif isinstance(item, SectionNode):
            here = f"{path}[{index}].section"
            lines[here] = item.line
            lines[f"{here}.heading"] = item.line
            section: dict[str, Any] = {"heading": item.heading}
            if item.run_in:
                section["run_in"] = True
            if item.items:
                section["body"] = dump_items(item.items, f"{here}.body", lines)
            out.append({"section": section})
        else:
            here = f"{path}[{index}].problem"
            lines[here] = item.line
            lines[f"{here}.statement"] = item.line
            problem: dict[str, Any] = {"statement": item.statement}
            if item.description:
                problem["description"] = item.description
                lines[f"{here}.description"] = item.line
            if item.measures:
                problem["measures"] = [m.text for m in item.measures]
                for n, m in enumerate(item.measures):
                    lines[f"{here}.measures[{n}]"] = m.line
            for name in ("status", "deadline", "responsible"):
                value = getattr(item, name)
                if value:
                    problem[name] = value
                    lines[f"{here}.{name}"] = item.details.get(name, item.line)
            if item.label is not None and item.label_line is not None:
                if item.label != "整改情况":
                    problem["measures_label"] = item.label
                lines[f"{here}.measures_label"] = item.label_line
            out.append({"problem": problem})
    return out
