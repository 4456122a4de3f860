"""Checks that see the page: a .docx (or a notice) laid out by LibreOffice, read back as lines.

``gongwen check --render`` converts each file to PDF (one LibreOffice call for all), reads the
lines of every page with poppler's ``pdftotext -bbox-layout``, and finds in them what the
reader (:mod:`gongwen.read`) recognised in the document's paragraphs — the title, the
attachments' titles, the headings, the 署名 and 成文日期 — so it works for any .docx, not only
gongwen's. It reports:

* GW911 — a title (or 附件标题) whose lines on the page leave a lone character, a line under
  40 % of the longest, or an hourglass (cl. 7.3.1);
* GW912 — a page that holds only the signature block (cl. 7.3.5.5);
* GW913 — a heading that is the last line of its page.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from gongwen.check.rules.title_lines import PAGE_RULES
from gongwen.compose import compose, paragraphs, title_text
from gongwen.dates import format_date
from gongwen.findings import Finding, GongwenError, Location
from gongwen.i18n import _
from gongwen.layout import HEADING_ROLES, StyleRole
from gongwen.lazy_regex import lazy_compile
from gongwen.loader import SUFFIXES, load_notice
from gongwen.model import Notice
from gongwen.office.convert import ToolMissing, convert_many
from gongwen.read.docx import read_docx_bytes
from gongwen.titles import line_problems
from gongwen.write import render_bytes

__all__ = ["PAGE_RULES", "PageLine", "check_pages", "page_findings", "pdf_pages"]

PDFTOTEXT_TIMEOUT_S = 60.0
_XHTML = "{http://www.w3.org/1999/xhtml}"
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
_PAGE_NUMBER = lazy_compile(r"[-—–－]?\s*\d{1,4}\s*[-—–－]?")
_SPACES = lazy_compile(r"\s+")
NO_TEXT_TAG = "此页无正文"
"""The old workaround for a page of only the seal and date (not the standard's)."""


@dataclass
class PageLine:
    """One line of a page: its text (spaces removed) and its top, in points."""

    text: str
    top: float
    bottom: float


@dataclass
class PdfPage:
    number: int
    lines: list[PageLine] = field(default_factory=list)

    @property
    def content(self) -> list[PageLine]:
        """The lines but the page number and the 版记 (抄送, 印发) at the foot."""
        out = []
        for line in self.lines:
            if _PAGE_NUMBER.fullmatch(line.text):
                continue
            if line.text.startswith(("抄送", "主送")) or line.text.endswith("印发"):
                break
            out.append(line)
        return out


def squash(text: str) -> str:
    """Text without white space, as compared with the PDF's lines.

    >>> squash("2023 年3 月14 日")
    '2023年3月14日'
    """
    return _SPACES.sub("", text)


def pdf_pages(pdf: Path) -> list[PdfPage]:
    """The lines of each page of a PDF, top to bottom (words on one baseline joined)."""
    program = shutil.which("pdftotext")
    if program is None:
        raise ToolMissing(
            _("找不到 pdftotext：请安装 poppler-utils（apt-get install poppler-utils）")
        )
    result = subprocess.run(
        [program, "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        timeout=PDFTOTEXT_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        raise GongwenError(
            _("{pdf}：pdftotext 失败：{reason}").format(
                pdf=pdf, reason=result.stderr.decode(errors="replace")
            )
        )
    root = etree.fromstring(result.stdout, _SAFE)
    pages = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        raw = []
        for line in page.iter(f"{_XHTML}line"):
            words = [w.text or "" for w in line.iter(f"{_XHTML}word")]
            top, bottom = float(line.get("yMin", "0")), float(line.get("yMax", "0"))
            left = float(line.get("xMin", "0"))
            raw.append((top, bottom, left, squash("".join(words))))
        raw.sort()
        merged: list[tuple[float, float, list[tuple[float, str]]]] = []
        for top, bottom, left, text in raw:
            if merged and abs(merged[-1][0] - top) < 2:
                merged[-1][2].append((left, text))
            else:
                merged.append((top, bottom, [(left, text)]))
        lines = [
            PageLine("".join(t for _left, t in sorted(parts)), top, bottom)
            for top, bottom, parts in merged
        ]
        pages.append(PdfPage(number, [line for line in lines if line.text]))
    return pages


def _find_run(pages: list[PdfPage], text: str) -> tuple[PdfPage, list[str]] | None:
    """The consecutive lines of a page that together read ``text``."""
    wanted = squash(text)
    for page in pages:
        lines = [line.text for line in page.content]
        for start, first in enumerate(lines):
            if not wanted.startswith(first):
                continue
            got: list[str] = []
            for line in lines[start:]:
                if not wanted.startswith("".join(got) + line):
                    break
                got.append(line)
                if "".join(got) == wanted:
                    return page, got
    return None


def page_findings(notice: Notice, pages: list[PdfPage], file: str) -> list[Finding]:
    """GW911-GW913 for one document: its recognised model and its laid-out pages."""
    found: list[Finding] = []

    def add(code: str, message: str, page: PdfPage, path: str | None) -> None:
        level = PAGE_RULES[code][1]
        found.append(
            Finding(
                code,
                level,
                _("第{page}页：{message}").format(page=page.number, message=message),
                Location(file, None, path),
            )
        )

    titles = [("title", notice.title)]
    titles += [(f"attachments[{i}].title", a.title) for i, a in enumerate(notice.attachments)]
    for path, title in titles:
        run = _find_run(pages, title.replace("\n", ""))
        if run is None or len(run[1]) < 2:
            continue
        problems = line_problems(run[1])
        if problems:
            shown = " / ".join(run[1])
            add(
                "GW911",
                _(
                    "标题排成（{shown}）：{problems}（GB/T 9704 7.3.1：回行时词意完整、"
                    "排列对称、长短适宜，梯形或菱形）"
                ).format(shown=shown, problems=_("；").join(problems)),
                run[0],
                path,
            )
    signature = notice.signature
    if signature is not None:
        date = format_date(signature.date, numerals=notice.presentation.date_numerals)
        block = {squash(o) for o in signature.organs} | {squash(date)}
        for page in pages:
            texts = [line.text for line in page.content]
            rest = [t for t in texts if t not in block and NO_TEXT_TAG not in t]
            if texts and not rest and any(t in block for t in texts):
                add(
                    "GW912",
                    _(
                        "这一页只有发文机关署名和成文日期，没有正文（GB/T 9704 7.3.5.5：印章和"
                        "成文日期不得单独成页；调整行距、字距或把正文的末几行移到这一页）"
                    ),
                    page,
                    "signature",
                )
    headings = [
        squash(b.text)
        for b in paragraphs(compose(notice))
        if b.role in (*HEADING_ROLES, StyleRole.MEASURES_LABEL)
    ]
    for page in pages[:-1]:
        content = page.content
        if not content:
            continue
        last = content[-1].text
        if last in headings:
            add(
                "GW913",
                _("标题“{last}”是这一页的最后一行，应与下文同页").format(last=last),
                page,
                None,
            )
    return found


def _notice_and_docx(file: Path) -> tuple[Notice, bytes]:
    if file.suffix.lower() in SUFFIXES:  # a notice file
        notice = load_notice(file)
        return notice, render_bytes(notice)
    data = file.read_bytes()
    notice = read_docx_bytes(data, file=str(file)).notice
    # The page shows a title broken by gongwen's renderer; compare what the page can show.
    notice.title = title_text(notice.title).replace("\n", "")
    return notice, data


def check_pages(
    files: Sequence[Path], *, soffice: str | Path | None = None
) -> dict[Path, list[Finding]]:
    """GW911-GW913 for each .docx or notice file, laid out in one LibreOffice call."""
    with tempfile.TemporaryDirectory(prefix="gongwen-pages-") as work:
        folder = Path(work)
        notices: list[Notice] = []
        sources: list[Path] = []
        for index, file in enumerate(files):
            notice, data = _notice_and_docx(file)
            source = folder / f"{index:04d}.docx"
            source.write_bytes(data)
            notices.append(notice)
            sources.append(source)
        pdfs = convert_many(sources, folder, soffice=soffice)
        return {
            file: page_findings(notice, pdf_pages(pdf), str(file))
            for file, notice, pdf in zip(files, notices, pdfs, strict=True)
        }
