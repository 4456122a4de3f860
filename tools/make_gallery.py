"""Make the pictures of rendered notices kept in docs/: the first and last page of the canonical
example shown in the README, and docs/gallery.md with the first page of every example beside
the file that made it.

    python tools/make_gallery.py

It renders through LibreOffice and pdftoppm, like ``gongwen preview``. Beside the pictures,
``docs/gallery/inputs.json`` records the SHA-256 of every input each picture was made from (the
template and the example files); ``tests/test_gallery.py`` fails when an input changes and the
pictures are not made again, comparing hashes, never pixels.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GALLERY = DOCS / "gallery"
INPUTS = GALLERY / "inputs.json"
TEMPLATE = ROOT / "templates" / "notice.docx"
DPI = 60
"""60 dpi: an A4 page is 496 × 702 pixels, enough to see the layout, small enough to keep."""


@dataclass(frozen=True)
class Entry:
    """One example in the gallery."""

    slug: str
    heading: str
    about: str
    source: str
    """The notice file (or, for a batch report, the batch file), relative to the repository."""
    inputs: tuple[str, ...]
    """Every file the pictures depend on besides the template, relative to the repository."""
    community: str | None = None
    """For a batch report: the community whose report is shown."""
    last_page: bool = False
    """Also keep the last page (the canonical example, for the README)."""


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "erqi-xincun-2023",
        "The canonical example: 二七新村 巡察整改进展情况的通报",
        "A real notice as the office issued it: three levels of headings, 16 problems with their "
        "整改情况, the contact footer, the 署名 and 成文日期.",
        "examples/erqi-xincun-2023.yaml",
        ("examples/erqi-xincun-2023.yaml",),
        last_page=True,
    ),
    Entry(
        "minimal",
        "The smallest notice",
        "A title, one 主送机关, a paragraph.",
        "examples/minimal.yaml",
        ("examples/minimal.yaml",),
    ),
    Entry(
        "full",
        "Every element",
        "版头 with 份号, 密级, 紧急程度 and 签发人, 附件说明 and an attachment, 附注, 版记.",
        "examples/full.yaml",
        ("examples/full.yaml",),
    ),
    Entry(
        "long",
        "A long notice",
        "Nine pages: all four heading levels, page numbers on the outer side.",
        "examples/long.yaml",
        ("examples/long.yaml",),
    ),
    Entry(
        "letter",
        "信函格式 (cl. 10.1)",
        "A 函: the 标志 30 mm from the top edge, the red double lines, 份号 and 发文字号 under the "
        "upper line, no page number on page 1.",
        "examples/letter.yaml",
        ("examples/letter.yaml",),
    ),
    Entry(
        "order",
        "命令（令）格式 (cl. 10.2)",
        "The 标志 with 令 20 mm below the type area, the 令号, the body, the 签发人签名章.",
        "examples/order.yaml",
        ("examples/order.yaml",),
    ),
    Entry(
        "minutes",
        "纪要格式 (cl. 10.3)",
        "The 纪要标志, a body in sections, and the 出席, 请假 and 列席 lists.",
        "examples/minutes.yaml",
        ("examples/minutes.yaml",),
    ),
    Entry(
        "batch-jianxin-shequ",
        "A batch report: 建新社区",
        "One of the five reports `gongwen batch` makes from the batch file and its shared values.",
        "examples/batch/communities.yaml",
        ("examples/batch/communities.yaml", "examples/batch/shared.yaml"),
        community="jianxin-shequ",
    ),
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recorded_inputs(entry: Entry) -> dict[str, str]:
    """The hashes the entry's pictures depend on, keyed by path relative to the repository."""
    paths = [TEMPLATE.relative_to(ROOT).as_posix(), *entry.inputs]
    return {p: sha256(ROOT / p) for p in paths}


def pictures(entry: Entry) -> list[str]:
    """The picture files of an entry, relative to docs/."""
    names = [f"gallery/{entry.slug}-first.png"]
    if entry.last_page:
        names.append(f"gallery/{entry.slug}-last.png")
    return names


def _docx(entry: Entry, work: Path) -> Path:
    from gongwen import load_notice, render

    target = work / f"{entry.slug}.docx"
    if entry.community is None:
        render(load_notice(ROOT / entry.source), target)
        return target
    from gongwen.batch import run_batch

    result = run_batch(ROOT / entry.source, work / "batch", jobs=1, check=None)
    (made,) = [r.output for r in result.written if r.output and r.output.stem == entry.community]
    shutil.copyfile(made, target)
    return target


def _yaml_cell(entry: Entry, limit: int = 40) -> str:
    lines = (ROOT / entry.source).read_text(encoding="utf-8").splitlines()
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(f"# … {len(lines) - limit} more lines in {entry.source}")
    return "\n".join(shown)


def gallery_markdown() -> str:
    out = [
        "# Gallery",
        "",
        "The first page of every example as gongwen renders it (LibreOffice with the free",
        "look-alike fonts of `src/gongwen/data/fontconfig/`; Word and WPS use the fonts named in",
        "the document), beside the file that made it. Made by `python tools/make_gallery.py`;",
        "`tests/test_gallery.py` fails when an example or the template changes and the pictures",
        "are not made again.",
        "",
    ]
    for entry in ENTRIES:
        first = pictures(entry)[0]
        out += [
            f"## {entry.heading}",
            "",
            entry.about,
            "",
            "<table><tr>",
            f'<td valign="top"><img src="{first}" width="420" alt="{entry.slug}, page 1"></td>',
            '<td valign="top">',
            "",
            f"[`{entry.source}`](../{entry.source})",
            "",
            "```yaml",
            _yaml_cell(entry),
            "```",
            "",
            "</td>",
            "</tr></table>",
            "",
        ]
    return "\n".join(out)


def main() -> int:
    from gongwen.atomic import write_bytes_atomic
    from gongwen.office.convert import convert_many, pdf_to_png

    GALLERY.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongwen-gallery-") as tmp:
        work = Path(tmp)
        docs = [_docx(entry, work) for entry in ENTRIES]
        pdfs = convert_many(docs, work)
        for entry, pdf in zip(ENTRIES, pdfs, strict=True):
            pages_dir = work / f"{entry.slug}-pages"
            pages_dir.mkdir()
            pages = pdf_to_png(pdf, pages_dir, dpi=DPI)
            chosen = [pages[0], pages[-1]] if entry.last_page else [pages[0]]
            for page, name in zip(chosen, pictures(entry), strict=True):
                write_bytes_atomic(DOCS / name, page.read_bytes())
                print(f"wrote docs/{name}")
    record = {entry.slug: recorded_inputs(entry) for entry in ENTRIES}
    write_bytes_atomic(
        INPUTS, (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    )
    write_bytes_atomic(DOCS / "gallery.md", gallery_markdown().encode("utf-8"))
    print("wrote docs/gallery/inputs.json, docs/gallery.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
