"""What the benchmarks measure gongwen against: docxtpl and plain python-docx, same content.

Both alternatives get the paragraphs gongwen's composer produces (style and text, numbering
already derived) and the same styles — gongwen's own template, templates/notice.docx — so
they write equivalent documents: the same paragraphs in the same styles.

docxtpl renders a Jinja template that this module writes into a temporary folder: a loop
over the paragraphs with one ``{%p if %}`` branch per style, the idiomatic docxtpl way to
give each paragraph its style. A DocxTemplate renders once, so each document loads it anew,
as docxtpl's documentation says to. python-docx opens the template and adds each paragraph
with ``add_paragraph(style=...)``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docxtpl import DocxTemplate, Listing

from gongwen.compose import Block, compose
from gongwen.model import Notice
from gongwen.write.template import default_template_path, load_template


@dataclass(frozen=True)
class Paragraph:
    """One paragraph to write: its style id and text (\\n: a line break)."""

    style: str
    text: str


def paragraphs(notice: Notice) -> list[Paragraph]:
    """The notice's paragraphs as gongwen composes them (numbering derived)."""
    styles = load_template().style_ids
    out = []
    for element in compose(notice):
        if isinstance(element, Block):
            out.append(Paragraph(styles[element.role], "".join(r.text for r in element.runs)))
    return out


def _style_names(document: Any) -> dict[str, str]:
    return {s.style_id: s.name for s in document.styles}


def write_docxtpl_template(folder: Path, styles: list[str]) -> Path:
    """A docxtpl template over gongwen's template: one loop, one branch per paragraph style."""
    document = docx.Document(str(default_template_path()))
    names = _style_names(document)
    document.add_paragraph("{%p for b in blocks %}")
    for i, style in enumerate(styles):
        keyword = "if" if i == 0 else "elif"
        document.add_paragraph(f"{{%p {keyword} b.style == '{style}' %}}")
        document.add_paragraph("{{ b.text }}", style=names[style])
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    path = folder / "docxtpl-template.docx"
    document.save(str(path))
    return path


def docxtpl_bytes(template: Path, blocks: list[Paragraph]) -> bytes:
    """One document through docxtpl."""
    doc = DocxTemplate(str(template))
    context = {
        "blocks": [
            {"style": b.style, "text": Listing(b.text) if "\n" in b.text else b.text}
            for b in blocks
        ]
    }
    doc.render(context)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def python_docx_bytes(blocks: list[Paragraph], names: dict[str, str]) -> bytes:
    """One document through python-docx: Document() on the template, add_paragraph(style=...)."""
    document = docx.Document(str(default_template_path()))
    for block in blocks:
        paragraph = document.add_paragraph(style=names[block.style])
        lines = block.text.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def style_names() -> dict[str, str]:
    """Style id → style name in gongwen's template (python-docx looks styles up by name)."""
    return _style_names(docx.Document(str(default_template_path())))


def check_equivalent(gongwen: bytes, other: bytes) -> None:
    """Both documents hold the same paragraph texts in the same styles (blank lines aside)."""

    def shape(data: bytes) -> list[tuple[str, str]]:
        document = docx.Document(io.BytesIO(data))
        out = []
        for p in document.paragraphs:
            text = p.text.replace("\n", "")
            if text:
                out.append((p.style.style_id if p.style is not None else "", text))
        return out

    a, b = shape(gongwen), shape(other)
    if a != b:
        raise AssertionError(f"the documents differ: {len(a)} vs {len(b)} paragraphs")
