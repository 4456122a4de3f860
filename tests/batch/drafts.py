"""Drafts typed the way Word and WPS users type them, made with python-docx for the tests of
``gongwen format``: ordinals typed by hand, headings by direct formatting, fonts and margins of
their own, half-width punctuation."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tests.write.seal_images import ring_png

NOTICE = [
    ("title", "关于开展巡察整改“回头看”的通知"),
    ("plain", "各科室,各直属单位:"),
    ("body", "为巩固巡察整改成果,经研究,决定开展巡察整改“回头看”.现将有关事项通知如下:"),
    ("h1", "一、总体要求"),
    ("body", "坚持问题导向,对照巡察反馈问题逐项复核,确保整改到位。"),
    ("h2", "(一)工作目标"),
    ("body", "2024年6月底前完成全部复核工作,形成复核报告。"),
    ("h2", "(二)工作步骤"),
    ("body", "各单位要按照自查、复核、整改三个阶段推进,每个阶段形成书面材料。"),
    ("h1", "二、工作要求"),
    ("body", "各单位主要负责同志要亲自部署,确保“回头看”工作取得实效。"),
    ("right", "青山县审计局"),
    ("right", "2024年5月6日"),
]


def _font(run: docx.text.run.Run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def typed_draft(lines: list[tuple[str, str]] = NOTICE, *, image: bool = False) -> bytes:
    """A draft as a clerk types it in Word: 宋体 and 微软雅黑, direct formatting, 25 mm margins."""
    document = docx.Document()
    section = document.sections[0]
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(25))
    for kind, text in lines:
        p = document.add_paragraph()
        if kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), "微软雅黑", 22, bold=True)
        elif kind == "h1":
            p.paragraph_format.first_line_indent = Pt(32)
            _font(p.add_run(text), "黑体", 16)
        elif kind == "h2":
            p.paragraph_format.first_line_indent = Pt(32)
            _font(p.add_run(text), "楷体", 16, bold=True)
        elif kind == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _font(p.add_run(text), "宋体", 16)
        else:
            if kind == "body":
                p.paragraph_format.first_line_indent = Pt(32)
            _font(p.add_run(text), "宋体", 16)
    if image:
        document.add_paragraph().add_run().add_picture(io.BytesIO(ring_png(60)), width=Mm(20))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_drafts(folder: Path) -> list[Path]:
    """Three drafts in two folders, one with an image; a Word lock file beside them."""
    (folder / "科室").mkdir(parents=True, exist_ok=True)
    made = [folder / "回头看通知.docx", folder / "科室" / "带图片的通知.docx"]
    made[0].write_bytes(typed_draft())
    made[1].write_bytes(typed_draft(image=True))
    text = folder / "科室" / "纯文本通知.txt"
    text.write_text("\n".join(t for _, t in NOTICE) + "\n", encoding="utf-8")
    made.append(text)
    (folder / "~$回头看通知.docx").write_bytes(b"lock")  # Word's lock file: never a draft
    return made
