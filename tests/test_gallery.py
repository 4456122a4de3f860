"""The pictures in docs/ show what the current template and examples render to.

They are made by ``tools/make_gallery.py`` through LibreOffice; these tests compare the hashes
of the inputs recorded when they were made with the inputs as they are now (never pixels), so
they run without LibreOffice and fail as soon as an example or the template changes and the
pictures are not made again.
"""

from __future__ import annotations

import json

from tests.conftest import EXAMPLES, ROOT
from tools import make_gallery as gallery

AGAIN = "run `python tools/make_gallery.py` and commit docs/gallery*"
NOTICE_SUFFIXES = {".yaml", ".yml", ".json", ".toml", ".md", ".txt"}


def test_every_example_is_in_the_gallery() -> None:
    shown = {path for entry in gallery.ENTRIES for path in entry.inputs}
    examples = {
        path.relative_to(ROOT).as_posix()
        for path in EXAMPLES.iterdir()
        if path.is_file() and path.suffix in NOTICE_SUFFIXES
    }
    assert examples - shown == set(), f"add the new examples to tools/make_gallery.py, {AGAIN}"


def test_pictures_were_made_from_the_current_template_and_examples() -> None:
    recorded = json.loads(gallery.INPUTS.read_text(encoding="utf-8"))
    current = {entry.slug: gallery.recorded_inputs(entry) for entry in gallery.ENTRIES}
    changed = sorted(
        f"{slug}: {path}"
        for slug, inputs in current.items()
        for path, digest in inputs.items()
        if recorded.get(slug, {}).get(path) != digest
    )
    assert changed == [], f"pictures older than their inputs ({AGAIN})"
    assert recorded.keys() == current.keys(), AGAIN


def test_every_picture_is_a_png() -> None:
    for entry in gallery.ENTRIES:
        for name in gallery.pictures(entry):
            path = gallery.DOCS / name
            assert path.is_file(), f"{name} is missing ({AGAIN})"
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name


def test_gallery_page_is_what_the_tool_writes() -> None:
    written = (gallery.DOCS / "gallery.md").read_text(encoding="utf-8")
    assert written == gallery.gallery_markdown(), AGAIN


def test_readme_shows_the_first_and_last_page_of_the_canonical_notice() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (canonical,) = [e for e in gallery.ENTRIES if e.last_page]
    for name in gallery.pictures(canonical):
        assert f"docs/{name}" in readme
    assert "docs/gallery.md" in readme
