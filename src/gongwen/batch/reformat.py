"""``gongwen format``: existing drafts (.docx typed in Word or WPS, or .txt) laid out to GB/T 9704.

A draft goes through the reader into the model and out through the renderer, so every word is
kept and the layout is the standard's. What changed is reported as findings: the reader's
repairs (punctuation widths, ordinals renumbered, …) and, for a .docx, the page setup and fonts
the draft used (FM0xx). What the model cannot hold (images, text boxes, …) is reported by the
reader; with ``strict`` such a draft is refused rather than written without it.

A folder is formatted recursively into another, mirroring its sub-folders, with a manifest
(``manifest.json``) so that a second run skips the drafts that have not changed.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from io import BytesIO
from pathlib import Path
from typing import Any

from lxml import etree

from gongwen import __version__, layout
from gongwen.atomic import write_bytes_atomic
from gongwen.findings import (
    Finding,
    GongwenError,
    InputError,
    Level,
    Location,
    finding_to_dict,
)
from gongwen.i18n import N_, _
from gongwen.ooxml import DOCUMENT_PART, STYLES_PART, W_NS
from gongwen.oserror import os_reason
from gongwen.read.codes import LEFT_OUT_CODES
from gongwen.read.text import DOCX_SUFFIXES, read_data, read_limited
from gongwen.write import render_bytes

__all__ = [
    "DRAFT_SUFFIXES",
    "MANIFEST",
    "FormatResult",
    "FormatStatus",
    "Formatted",
    "format_draft",
    "format_tree",
    "layout_changes",
    "paragraph_texts",
    "text_changes",
]

DRAFT_SUFFIXES = frozenset({".docx", ".txt"})
"""What a folder run picks up; Word's lock files (``~$…``) and hidden files are passed over."""
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1

_W = f"{{{W_NS}}}"
_STANDARD_MARGINS_MM = {
    "top": round(layout.twips_to_mm(layout.TEMPLATE_TOP_MARGIN_TWIPS), 1),
    "bottom": layout.BOTTOM_MARGIN_MM,
    "left": layout.LEFT_MARGIN_MM,
    "right": layout.RIGHT_MARGIN_MM,
}
"""The margins gongwen's template writes for cl. 5.2.1 (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm):
the top one is 33.8 mm so that the first line's characters, not its line box, start 37 mm down
(layout.TEMPLATE_TOP_MARGIN_TWIPS)."""
_TEXT_FONTS = (layout.FANGSONG_FONT, layout.TITLE_FONT, layout.HEI_FONT, layout.KAI_FONT)
_STANDARD_FONTS = frozenset(
    {
        *_TEXT_FONTS,
        layout.LATIN_FONT,
        *(layout.FONT_ENGLISH_NAMES[name] for name in _TEXT_FONTS),
    }
)
"""The faces of the notice's text (cl. 5.2.2, 7.2-7.4); 宋体 is only the page number's (7.5)."""


class FormatStatus(StrEnum):
    """What happened to one draft."""

    WRITTEN = "written"
    SKIPPED = "skipped"
    """Unchanged since the last run, and its output as that run left it."""
    REFUSED = "refused"
    """With ``strict``: the model could not hold all of it."""
    FAILED = "failed"
    """It could not be read (or written)."""


@dataclass(frozen=True)
class Formatted:
    """One draft: where it went and what changed."""

    source: Path
    output: Path | None
    status: FormatStatus
    changes: tuple[Finding, ...] = ()
    """What the standard layout changed, and what the reader repaired or left out."""
    errors: tuple[Finding, ...] = ()
    sha256: str | None = None
    input_sha256: str | None = None


@dataclass(frozen=True)
class FormatResult:
    """A folder run, as data."""

    drafts: tuple[Formatted, ...]
    manifest: Path | None = None

    def with_status(self, status: FormatStatus) -> tuple[Formatted, ...]:
        return tuple(d for d in self.drafts if d.status is status)

    @property
    def ok(self) -> bool:
        """Every draft written or skipped."""
        return all(d.status in (FormatStatus.WRITTEN, FormatStatus.SKIPPED) for d in self.drafts)


def _change(code: str, message: str, file: str) -> Finding:
    return Finding(code, Level.INFO, message, Location(file=file))


def layout_changes(docx: bytes, *, file: str) -> list[Finding]:
    """What laying a Word or WPS draft out to the standard changes in its page and fonts.

    FM001: the page margins (cl. 5.2.1); FM002: the fonts (cl. 5.2.2, 7.2-7.5); FM003: the page
    size (cl. 5.1). Unreadable parts give no finding: the reader has already judged the file.
    """
    try:
        with zipfile.ZipFile(BytesIO(docx)) as archive:
            names = set(archive.namelist())
            document = archive.read(DOCUMENT_PART)
            styles = archive.read(STYLES_PART) if STYLES_PART in names else b""
    except (zipfile.BadZipFile, KeyError, OSError):
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    out: list[Finding] = []
    try:
        root = etree.fromstring(document, parser)
        style_root = etree.fromstring(styles, parser) if styles else None
    except etree.XMLSyntaxError:
        return []
    section = root.find(f"{_W}body/{_W}sectPr")
    margins = section.find(f"{_W}pgMar") if section is not None else None
    if margins is not None:
        found = {}
        for side in _STANDARD_MARGINS_MM:
            value = margins.get(f"{_W}{side}")
            if value is not None and value.lstrip("-").isdigit():
                found[side] = layout.twips_to_mm(abs(int(value)))
        if any(abs(found[s] - _STANDARD_MARGINS_MM[s]) > 0.5 for s in found):
            sep = _("、")
            was = sep.join(f"{_(_SIDE[s])}{found[s]:.1f}" for s in found)
            now = sep.join(f"{_(_SIDE[s])}{v}" for s, v in _STANDARD_MARGINS_MM.items())
            message = _("页边距（毫米）由 {was} 改为 {now}（GB/T 9704 5.2.1）")
            out.append(_change("FM001", message.format(was=was, now=now), file))
    size = section.find(f"{_W}pgSz") if section is not None else None
    if size is not None:
        width, height = size.get(f"{_W}w", ""), size.get(f"{_W}h", "")
        if width.isdigit() and height.isdigit():
            mm = sorted((layout.twips_to_mm(int(width)), layout.twips_to_mm(int(height))))
            if abs(mm[0] - 210) > 1 or abs(mm[1] - 297) > 1:
                message = _("纸张由 {width}×{height} 毫米改为 A4（GB/T 9704 5.1）")
                size_mm = {"width": f"{mm[0]:.0f}", "height": f"{mm[1]:.0f}"}
                out.append(_change("FM003", message.format(**size_mm), file))
    fonts: set[str] = set()
    for element in _fonts_in_use(root, style_root):
        for key in ("eastAsia", "ascii", "hAnsi"):
            name = element.get(f"{_W}{key}")
            if name:
                fonts.add(name)
    other = sorted(fonts - _STANDARD_FONTS)
    if other:
        message = _(
            "字体 {fonts} 改为标准字体（仿宋_GB2312、黑体、楷体_GB2312、"
            "方正小标宋简体；GB/T 9704 5.2.2、7.3）"
        )
        out.append(_change("FM002", message.format(fonts=_("、").join(other)), file))
    return out


def _fonts_in_use(root: etree._Element, styles: etree._Element | None) -> list[etree._Element]:
    """The ``w:rFonts`` that reach the text: the runs', the defaults', and those of the styles
    the paragraphs and runs name (not of every style a template happens to define)."""
    found = list(root.iter(f"{_W}rFonts"))
    if styles is None:
        return found
    used = {"Normal"} | {
        e.get(f"{_W}val", "") for tag in ("pStyle", "rStyle") for e in root.iter(f"{_W}{tag}")
    }
    defaults = styles.find(f"{_W}docDefaults")
    if defaults is not None:
        found += defaults.iter(f"{_W}rFonts")
    for style in styles.iter(f"{_W}style"):
        if style.get(f"{_W}styleId") in used:
            found += style.iter(f"{_W}rFonts")
    return found


_SIDE = {"top": N_("上"), "bottom": N_("下"), "left": N_("左"), "right": N_("右")}
"""The margins' names in FM001 (translated where shown)."""


MAX_DIFF_CHARS = 200_000
"""Drafts longer than this (about 70 pages) are not compared character by character (FM011)."""


def paragraph_texts(data: bytes, suffix: str) -> list[tuple[int, str]]:
    """The non-empty paragraphs of a draft or of a rendered .docx, numbered as the reader numbers
    them (every ``w:p`` of the body, or every line of a text), white space removed."""
    if suffix.lower() not in DOCX_SUFFIXES:
        lines = data.decode("utf-8", errors="replace").splitlines()
        return [(n, "".join(t.split())) for n, t in enumerate(lines, start=1) if t.strip()]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            root = etree.fromstring(archive.read(DOCUMENT_PART), parser)
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError):
        return []
    out = []
    for number, paragraph in enumerate(root.iter(f"{_W}p"), start=1):
        text = "".join("".join(t.text or "" for t in paragraph.iter(f"{_W}t")).split())
        if text:
            out.append((number, text))
    return out


def text_changes(
    before: list[tuple[int, str]], after: list[tuple[int, str]], *, file: str
) -> list[Finding]:
    """Every difference between a draft's text and the formatted text, one FM010 per changed
    stretch of paragraphs, so that nothing changes unseen: ``“，”→“、”`` and the like.

    >>> [f.message for f in text_changes([(1, "甲,乙")], [(1, "甲，乙")], file="d")]
    ['“,”→“，”']
    """
    old_texts, new_texts = [t for _n, t in before], [t for _n, t in after]
    if sum(map(len, old_texts)) + sum(map(len, new_texts)) > MAX_DIFF_CHARS:
        return [_change("FM011", _("文稿过长，未逐字比对改动"), file)]
    out = []
    paragraphs = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    for tag, i1, i2, j1, j2 in paragraphs.get_opcodes():
        if tag == "equal":
            continue
        old, new = "".join(old_texts[i1:i2]), "".join(new_texts[j1:j2])
        chars = difflib.SequenceMatcher(None, old, new, autojunk=False)
        edits = [
            f"“{old[a1:a2]}”→“{new[b1:b2]}”"
            for op, a1, a2, b1, b2 in chars.get_opcodes()
            if op != "equal"
        ]
        line = before[i1][0] if i1 < len(before) else None
        out.append(Finding("FM010", Level.INFO, "；".join(edits), Location(file=file, line=line)))
    return out


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _template_digest(template: str | Path | None) -> bytes:
    """What a template adds to every output's input hash: read once per run, not per draft."""
    return b"" if template is None else hashlib.sha256(Path(template).read_bytes()).digest()


def _input_hash(data: bytes, template_digest: bytes) -> str:
    """The draft, the template and gongwen's version: what an output depends on."""
    digest = hashlib.sha256(data)
    digest.update(b"\0" + __version__.encode() + b"\0" + template_digest)
    return digest.hexdigest()


def _read_regular(path: Path) -> bytes:
    """A draft's bytes within the reader's limits; a link, FIFO or device is not read."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError.single("FM101", _("不是普通文件（是链接、管道或设备）"), file=str(path))
    return read_limited(path)


def format_draft(
    source: str | Path,
    output: str | Path,
    *,
    strict: bool = False,
    template: str | Path | None = None,
    template_digest: bytes | None = None,
) -> Formatted:
    """Lay one draft out to the standard at ``output`` (written atomically).

    Never raises for a bad draft: its errors are in the result (status ``failed``).
    ``template_digest`` is :func:`_template_digest` of ``template`` when the caller has it.
    """
    source, output = Path(source), Path(output)
    name = str(source)
    try:
        if output.exists() and output.resolve() == source.resolve():
            raise InputError.single("FM102", _("输出文件不能是输入文件本身"), file=name)
        data = _read_regular(source)
        read = read_data(data, source.suffix, file=name)
        changes = list(read.findings)
        if source.suffix.lower() in DOCX_SUFFIXES:
            changes = layout_changes(data, file=name) + changes
        left_out = [f for f in changes if f.code in LEFT_OUT_CODES]
        if strict and left_out:
            return Formatted(source, None, FormatStatus.REFUSED, tuple(changes), tuple(left_out))
        docx = render_bytes(read.notice, template=template)
        changes += text_changes(
            paragraph_texts(data, source.suffix), paragraph_texts(docx, ".docx"), file=name
        )
        write_bytes_atomic(output, docx)
        if template_digest is None:
            template_digest = _template_digest(template)
    except InputError as error:
        return Formatted(source, None, FormatStatus.FAILED, errors=tuple(error.findings))
    except (GongwenError, OSError) as error:
        why = os_reason(error) if isinstance(error, OSError) else str(error)
        failure = Finding("FM100", Level.ERROR, why, Location(file=name))
        return Formatted(source, None, FormatStatus.FAILED, errors=(failure,))
    return Formatted(
        source,
        output,
        FormatStatus.WRITTEN,
        tuple(changes),
        sha256=_sha256(docx),
        input_sha256=_input_hash(data, template_digest),
    )


def _drafts(indir: Path, outdir: Path) -> Iterator[Path]:
    """Drafts below ``indir`` in a stable order, not following links, outside ``outdir``."""
    skip = outdir.resolve()
    for folder, dirs, files in os.walk(indir, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() != skip)
        for name in sorted(files):
            path = here / name
            if name.startswith((".", "~$")) or path.suffix.lower() not in DRAFT_SUFFIXES:
                continue
            yield path


def _previous(outdir: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
        return {str(e["source"]): e for e in data.get("drafts", []) if isinstance(e, dict)}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}  # no manifest, or a damaged one: format everything again


def format_tree(
    indir: str | Path,
    outdir: str | Path,
    *,
    strict: bool = False,
    force: bool = False,
    template: str | Path | None = None,
) -> FormatResult:
    """Format every draft below ``indir`` into ``outdir`` (same sub-folders, ``.docx``)."""
    indir, outdir = Path(indir), Path(outdir)
    if not indir.is_dir():
        raise InputError.single("FM103", _("输入文件夹不存在"), file=str(indir))
    outdir.mkdir(parents=True, exist_ok=True)
    before = {} if force else _previous(outdir)
    template_digest = _template_digest(template)
    results: list[Formatted] = []
    for path in _drafts(indir, outdir):
        relative = path.relative_to(indir)
        target = outdir / relative.with_suffix(".docx")
        key = relative.as_posix()
        last = before.get(key)
        if last and target.is_file():
            try:
                unchanged = last.get("input_sha256") == _input_hash(
                    _read_regular(path), template_digest
                ) and last.get("sha256") == _sha256(target.read_bytes())
            except (OSError, InputError):  # changed, gone or refused: format it (and say why)
                unchanged = False
            if unchanged:
                results.append(
                    Formatted(
                        path,
                        target,
                        FormatStatus.SKIPPED,
                        sha256=last.get("sha256"),
                        input_sha256=last.get("input_sha256"),
                    )
                )
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        results.append(
            format_draft(
                path, target, strict=strict, template=template, template_digest=template_digest
            )
        )
    manifest = outdir / MANIFEST
    entries = []
    for d in results:
        key = d.source.relative_to(indir).as_posix()
        if d.status is FormatStatus.SKIPPED:  # what the run that wrote it found still holds
            entries.append({**before[key], "status": d.status.value})
            continue
        entries.append(
            {
                "source": key,
                "output": d.output.relative_to(outdir).as_posix() if d.output else None,
                "status": d.status.value,
                "input_sha256": d.input_sha256,
                "sha256": d.sha256,
                "changes": [finding_to_dict(f) for f in d.changes],
                "errors": [finding_to_dict(f) for f in d.errors],
            }
        )
    record = {"format": MANIFEST_FORMAT, "gongwen": __version__, "drafts": entries}
    text = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_bytes_atomic(manifest, text.encode("utf-8"))
    return FormatResult(tuple(results), manifest)
