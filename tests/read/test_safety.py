"""The reader refuses oversized, malformed and hostile files, and reads GB18030/GBK text."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from gongwen import InputError, load_notice
from gongwen.read import read_file, safety
from gongwen.write import render_bytes
from tests.conftest import EXAMPLES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
    "<w:p><w:r><w:t>关于开展卫生整治的通知</w:t></w:r></w:p><w:p/>"
    "<w:p><w:r><w:t>请于4月30日前完成整治。</w:t></w:r></w:p>"
    "</w:body></w:document>"
)
TEXT = "关于开展卫生整治的通知\n\n各社区：\n请于4月30日前完成整治，确保“干净整洁”。\n"


def code_of(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    (finding,) = excinfo.value.findings
    return finding.code


def make_docx(path: Path, parts: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_minimal_docx_built_here_is_read(tmp_path: Path) -> None:
    result = read_file(make_docx(tmp_path / "ok.docx", {"word/document.xml": DOCUMENT}))
    assert result.notice.title == "关于开展卫生整治的通知"


# ---------------------------------------------------------------------------------------------
# Zip bombs: refused from the zip directory, before anything is expanded


def test_a_part_that_expands_a_thousandfold_is_refused(tmp_path: Path) -> None:
    padding = " " * (5 * 1024 * 1024)  # 5 MiB of spaces deflate to about 5 KiB
    bomb = DOCUMENT.replace("<w:body>", "<w:body>" + padding)
    path = make_docx(tmp_path / "bomb.docx", {"word/document.xml": bomb})
    assert path.stat().st_size < 50 * 1024
    with pytest.raises(InputError) as info:
        read_file(path)
    assert code_of(info) == "RD104"
    assert "压缩比" in str(info.value) and str(path) in str(info.value)


def test_too_many_entries_are_refused(tmp_path: Path) -> None:
    parts: dict[str, bytes | str] = {"word/document.xml": DOCUMENT}
    parts.update({f"word/media/{n}.bin": b"x" for n in range(safety.MAX_ZIP_ENTRIES)})
    with pytest.raises(InputError) as info:
        read_file(make_docx(tmp_path / "many.docx", parts))
    assert code_of(info) == "RD104"


def test_total_expanded_size_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = tmp_path / "notice.docx"
    rendered.write_bytes(render_bytes(load_notice(EXAMPLES / "minimal.yaml")))
    read_file(rendered)  # within the real limit
    monkeypatch.setattr(safety, "MAX_ZIP_UNCOMPRESSED_BYTES", 10_000)
    with pytest.raises(InputError) as info:
        read_file(rendered)
    assert code_of(info) == "RD104"
    assert "10000" in str(info.value)


# ---------------------------------------------------------------------------------------------
# Hostile or malformed XML

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)


@pytest.mark.parametrize(
    ("part", "xml"),
    [
        ("word/document.xml", BILLION_LAUGHS),
        ("word/document.xml", EXTERNAL_ENTITY),
        ("word/styles.xml", '<!DOCTYPE s SYSTEM "http://example.com/s.dtd"><s/>'),
    ],
    ids=["billion-laughs", "external-entity", "dtd-in-styles"],
)
def test_xml_with_a_dtd_or_entities_is_refused(tmp_path: Path, part: str, xml: str) -> None:
    parts: dict[str, bytes | str] = {"word/document.xml": DOCUMENT, part: xml}
    with pytest.raises(InputError) as info:
        read_file(make_docx(tmp_path / "dtd.docx", parts))
    assert code_of(info) == "RD105"
    assert part in str(info.value)


def test_malformed_xml_is_refused(tmp_path: Path) -> None:
    parts: dict[str, bytes | str] = {"word/document.xml": DOCUMENT[:-20]}
    with pytest.raises(InputError) as info:
        read_file(make_docx(tmp_path / "broken.docx", parts))
    assert code_of(info) == "RD105"


# ---------------------------------------------------------------------------------------------
# Not a .docx


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7 not a word file", "不是 zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), ".doc"),
        (b"PK\x03\x04 truncated", "zip 损坏"),
    ],
    ids=["pdf", "old-doc", "truncated-zip"],
)
def test_a_file_that_is_not_a_zip_is_not_a_docx(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_file(path)
    assert code_of(info) == "RD103"
    assert words in str(info.value)


def test_a_zip_without_word_document_xml_is_not_a_docx(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "x.docx", {"content.xml": "<a/>"})
    with pytest.raises(InputError) as info:
        read_file(path)
    assert code_of(info) == "RD103"
    assert "word/document.xml" in str(info.value)


# ---------------------------------------------------------------------------------------------
# Text encodings


def test_gbk_text_is_read_like_utf8_and_the_encoding_is_noted(tmp_path: Path) -> None:
    utf8, gbk = tmp_path / "utf8.txt", tmp_path / "gbk.txt"
    utf8.write_bytes(TEXT.encode("utf-8"))
    gbk.write_bytes(TEXT.encode("gbk"))
    with pytest.raises(UnicodeDecodeError):
        gbk.read_bytes().decode("utf-8")
    from_gbk, from_utf8 = read_file(gbk), read_file(utf8)
    assert from_gbk.notice == from_utf8.notice
    assert from_gbk.notice.addressees == ["各社区"]
    assert [f.code for f in from_gbk.findings][:1] == ["RD004"]
    assert "RD004" not in {f.code for f in from_utf8.findings}


def test_gb18030_characters_outside_gbk_are_read(tmp_path: Path) -> None:
    text = TEXT.replace("各社区", "各社区㐀")  # U+3400: four bytes in GB18030, not in GBK
    path = tmp_path / "gb18030.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_file(path).notice.addressees == ["各社区㐀"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_text_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_file(path).notice.title == "关于开展卫生整治的通知"


@pytest.mark.parametrize(
    "data",
    [os.urandom(256) + b"\x00", b"\x80\x80\x80\x80", b"\xff\xfe\x00\xd8"],
    ids=["random-with-nul", "neither-utf8-nor-gb18030", "broken-utf16"],
)
def test_binary_junk_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_file(path)
    assert code_of(info) == "RD102"
    assert str(path) in str(info.value)


# ---------------------------------------------------------------------------------------------
# Sizes, names, kinds


def test_an_oversized_text_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(safety.MAX_TEXT_BYTES + 1)  # sparse: nothing is really written
    with pytest.raises(InputError) as info:
        read_file(path)
    assert code_of(info) == "IN001"
    assert str(safety.MAX_TEXT_BYTES) in str(info.value)


def test_an_oversized_docx_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with path.open("wb") as stream:
        stream.truncate(safety.MAX_DOCX_BYTES + 1)
    with pytest.raises(InputError) as info:
        read_file(path)
    assert code_of(info) == "IN001"


@pytest.mark.parametrize(
    ("name", "code"),
    [("missing.txt", "IN001"), ("folder.txt", "IN001"), ("notice.pdf", "RD106")],
)
def test_missing_folders_and_other_kinds_are_clear_errors(
    tmp_path: Path, name: str, code: str
) -> None:
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "notice.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError) as info:
        read_file(tmp_path / name)
    assert code_of(info) == code


def test_a_docx_saved_with_a_txt_name_is_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(render_bytes(load_notice(EXAMPLES / "minimal.yaml")))
    with pytest.raises(InputError) as info:
        read_file(path)
    assert code_of(info) == "RD106"
    assert ".docx" in str(info.value)


def test_reading_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(TEXT, encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    read_file(path)
    docx = tmp_path / "notice.docx"
    docx.write_bytes(render_bytes(load_notice(EXAMPLES / "minimal.yaml")))
    read_file(docx)
    assert sorted(tmp_path.iterdir()) == sorted([*before, docx])


def test_decode_tries_utf8_before_gb18030() -> None:
    data = "通报".encode()
    assert data.decode("gb18030")  # these bytes are valid GB18030 too (other characters)
    assert safety.decode_text(data) == safety.DecodedText("通报", "utf-8")
