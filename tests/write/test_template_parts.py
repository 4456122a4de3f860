"""tools/template/ (the template unzipped for review) agrees with templates/notice.docx."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from lxml import etree

from tools.make_template import DEFAULT_OUTPUT, REVIEW_DIR, template_parts


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _stale(folder: Path) -> list[str]:
    """Parts missing from ``folder``, differing from it, or files there that are no part."""
    review, expected = _files(folder), template_parts(DEFAULT_OUTPUT)
    return sorted(
        name for name in review.keys() | expected.keys() if review.get(name) != expected.get(name)
    )


def test_the_review_copy_holds_every_part_as_the_template_does() -> None:
    assert _stale(REVIEW_DIR) == [], "run python tools/make_template.py and commit tools/template"


def test_the_review_copy_says_what_the_part_says() -> None:
    """Pretty-printing moves no text: each part and its copy are the same XML, canonically."""
    with zipfile.ZipFile(DEFAULT_OUTPUT) as archive:
        for name in archive.namelist():
            part = etree.fromstring(archive.read(name))
            copy = etree.fromstring((REVIEW_DIR / name).read_bytes())
            texts = [e.text for e in part.iter() if e.text and e.text.strip()]
            assert texts == [e.text for e in copy.iter() if e.text and e.text.strip()], name
            assert [e.tag for e in part.iter()] == [e.tag for e in copy.iter()], name
            assert [dict(e.attrib) for e in part.iter()] == [dict(e.attrib) for e in copy.iter()]


def test_a_stale_review_copy_is_caught(tmp_path: Path) -> None:
    copy = tmp_path / "template"
    shutil.copytree(REVIEW_DIR, copy)
    styles = copy / "word" / "styles.xml"
    styles.write_bytes(styles.read_bytes().replace(b"GwTitle", b"GwTitel", 1))
    (copy / "word" / "extra.xml").write_bytes(b"<x/>")
    (copy / "docProps" / "app.xml").unlink()
    assert _stale(copy) == ["docProps/app.xml", "word/extra.xml", "word/styles.xml"]
