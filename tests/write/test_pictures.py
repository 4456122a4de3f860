"""What the special formats and seals put into the .docx: frames, double rules, the first page
without a footer, seal drawings and their package parts; and seal images refused."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

from gongwen import load_notice, render
from gongwen.i18n import use_language
from gongwen.model import Notice
from gongwen.write import render_bytes
from gongwen.write._pictures import SealImageError, image_size
from tests.conftest import EXAMPLES
from tests.write.seal_images import ring_png, write_ring

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read(name))


def _sealed(image: Path, organs: int = 1, width: float = 42) -> Notice:
    names = ["青山县财政局", "青山县审计局", "青山县卫生健康局"][:organs]
    return Notice(
        title="关于联合开展专项检查的通知",
        body=["请认真落实。"],
        signature={
            "organs": names,
            "date": "2024-04-22",
            "seals": [{"image": str(image), "width_mm": width}] * organs,
        },
    )


def test_letter_frames_rules_and_a_first_page_without_footer() -> None:
    docx = render_bytes(load_notice(EXAMPLES / "letter.yaml"))
    body = _part(docx, "word/document.xml")
    frames = body.findall(f".//{W}framePr")
    assert len(frames) == 3
    assert {f.get(f"{W}vAnchor") for f in frames} == {"page"}
    borders = [b.get(f"{W}val") for b in body.iter(f"{W}top") if b.getparent().tag == f"{W}pBdr"]
    assert borders == ["thinThickSmallGap", "thickThinSmallGap"]
    section = body.find(f"{W}body/{W}sectPr")
    assert section is not None and section.find(f"{W}titlePg") is not None
    first = [r for r in section.findall(f"{W}footerReference") if r.get(f"{W}type") == "first"]
    assert first == []  # page 1 has no footer: 首页不显示页码 (cl. 10.1)


def test_ordinary_notices_keep_page_numbers_on_page_one() -> None:
    body = _part(render_bytes(load_notice(EXAMPLES / "full.yaml")), "word/document.xml")
    section = body.find(f"{W}body/{W}sectPr")
    assert section is not None and section.find(f"{W}titlePg") is None
    assert not body.findall(f".//{W}framePr")


def test_seal_images_become_anchored_drawings_with_their_parts(tmp_path: Path) -> None:
    ring = write_ring(tmp_path / "ring.png")
    docx = render_bytes(_sealed(ring, organs=3))
    body = _part(docx, "word/document.xml")
    anchors = body.findall(f".//{WP}anchor")
    assert len(anchors) == 3
    assert {a.get("behindDoc") for a in anchors} == {"0"}  # in front of the text, like ink
    assert len({a.find(f"{WP}docPr").get("id") for a in anchors}) == 3  # type: ignore[union-attr]
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert media == ["word/media/gongwen-seal-1.png"]  # one image, used three times
        assert archive.read(media[0]) == ring.read_bytes()
    rels = _part(docx, "word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in rels if r.get("Type", "").endswith("/image")]
    assert targets == ["media/gongwen-seal-1.png"]
    types = _part(docx, "[Content_Types].xml")
    assert any(d.get("Extension") == "png" for d in types)
    out = tmp_path / "sealed.docx"
    out.write_bytes(docx)
    result = OpenXmlValidator().validate(str(out))
    assert result.is_valid, [str(e) for e in result.errors]
    assert render_bytes(_sealed(ring, organs=3)) == docx  # deterministic


@pytest.mark.parametrize("name", ["letter.yaml", "order.yaml", "minutes.yaml"])
def test_special_formats_are_byte_identical_across_renders(name: str) -> None:
    notice = load_notice(EXAMPLES / name)
    assert render_bytes(notice) == render_bytes(notice)


def test_a_missing_seal_image_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(SealImageError, match=r"missing\.png"):
        render_bytes(_sealed(tmp_path / "missing.png"))


def test_a_seal_image_that_is_no_image_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "seal.png"
    fake.write_bytes(b"GIF89a not a png")
    with pytest.raises(SealImageError, match="PNG 或 JPEG"):
        render_bytes(_sealed(fake))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_seal_image_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "seal.png"
    os.mkfifo(fifo)
    with pytest.raises(SealImageError, match="不是普通文件"):
        render_bytes(_sealed(fifo))


def test_a_seal_too_tall_for_its_room_is_refused_and_nothing_written(tmp_path: Path) -> None:
    tall = write_ring(tmp_path / "tall.png", width=120, height=300)  # 42 x 105 mm
    out = tmp_path / "out.docx"
    with pytest.raises(SealImageError, match="会压住上方正文"):
        render(_sealed(tall), out)
    assert not out.exists()
    with use_language("en"), pytest.raises(SealImageError, match="would cover the text above"):
        render(_sealed(tall), out)


def test_image_size_reads_png_and_jpeg_headers() -> None:
    assert image_size(ring_png(40, 24)) == (40, 24)
    # a minimal JPEG header: SOI, an APP0 segment, then SOF0 with height 30 and width 50
    jpeg = b"\xff\xd8" + b"\xff\xe0\x00\x04\x00\x00" + b"\xff\xc0\x00\x0b\x08\x00\x1e\x00\x32"
    assert image_size(jpeg + b"\x00" * 8) == (50, 30)
    with pytest.raises(ValueError):
        image_size(b"BM not an image")


def test_a_relative_seal_path_is_taken_from_the_notice_file_s_folder(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    write_ring(folder / "seal.png")
    source = folder / "n.yaml"
    source.write_text(
        "title: 关于某事的通知\nbody: [请认真落实。]\n"
        "signature: {organs: [某局], date: 2024-04-22, seals: [{image: seal.png}]}\n",
        encoding="utf-8",
    )
    notice = load_notice(source)
    assert notice.signature is not None
    assert notice.signature.seals[0].image == folder / "seal.png"
    assert b"word/media/gongwen-seal-1.png" in render_bytes(notice)
