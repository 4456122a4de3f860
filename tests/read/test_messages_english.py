"""Every message the reader gives goes through the catalog, so it has an English form.

The AST lint of ``tests/test_i18n.py`` sees only literals at the call; the reader builds most of
its messages in one place and reports them from another. Here the files are read with a pseudo
catalog installed, which wraps every translated message in ⟦…⟧: a finding or input error whose
message is not wrapped was never translated.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gongwen.findings import Finding, InputError
from gongwen.i18n import use_language
from gongwen.read import read_file, read_text
from gongwen.read.codes import CODES
from gongwen.read.docx import read_docx_bytes
from gongwen.read.markdown import read_markdown
from gongwen.read.safety import decode_text, open_docx, parse_xml
from gongwen.read.text import read_data
from tests.conftest import SEED
from tests.read.test_tables import _with_left_out_content

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = [
    SEED,
    *sorted((DATA / "markdown").glob("*.md")),
    *sorted((DATA / "corpus").glob("*.docx")),
    *sorted((DATA / "corpus").glob("*.txt")),
]


def _untranslated(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings if not (f.message.startswith("⟦") and f.message.endswith("⟧"))]


def test_the_files_give_findings_of_many_codes() -> None:
    """The files below exercise most of the reader's messages (else the next test says little)."""
    codes = {f.code for path in FILES for f in read_file(path).findings}
    codes |= {f.code for f in read_docx_bytes(_with_left_out_content(), file="x.docx").findings}
    assert SEED in FILES and any(p.suffix == ".docx" for p in FILES)
    assert any(p.suffix == ".md" for p in FILES)
    assert len(codes) >= 25, sorted(codes)


@pytest.mark.usefixtures("marked")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_finding_message_of_a_file_goes_through_the_catalog(path: Path) -> None:
    assert _untranslated(read_file(path).findings) == []


@pytest.mark.usefixtures("marked")
def test_the_messages_of_content_left_out_of_a_docx_go_through_the_catalog() -> None:
    findings = read_docx_bytes(_with_left_out_content(), file="typed.docx").findings
    left_out = [f for f in findings if f.code in ("RD062", "RD064", "RD066")]
    assert len(left_out) == 3
    assert _untranslated(findings) == []
    # the kind of content is a message of its own, translated where it is shown
    assert "⟦图片⟧" in next(f.message for f in left_out if f.code == "RD062")


def test_every_finding_of_the_seed_reads_in_english() -> None:
    """The real English catalog: each finding of the seed is given in English, with the same
    code, level and line, and differs from its Chinese form."""
    chinese = read_file(SEED).findings
    with use_language("en"):
        english = read_file(SEED).findings
    assert [(f.code, f.level, f.location) for f in english] == [
        (f.code, f.level, f.location) for f in chinese
    ]
    same = [e.message for e, c in zip(english, chinese, strict=True) if e.message == c.message]
    assert same == []
    for finding in english:
        words = finding.message.split("“")[0]  # before the first quotation of the text
        assert any("a" <= ch.lower() <= "z" for ch in finding.message), finding
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in words[:1]), finding


def test_a_markdown_notice_reads_in_english() -> None:
    text = (DATA / "markdown" / "rectification.md").read_text(encoding="utf-8")
    with use_language("en"):
        english = read_markdown(text, file="r.md").findings
    chinese = read_markdown(text, file="r.md").findings
    assert english and len(english) == len(chinese)
    assert all(e.message != c.message for e, c in zip(english, chinese, strict=True))


def _refusals() -> dict[str, Callable[[], object]]:
    """Ways the reader refuses a file, each an input error of its own message."""
    return {
        "binary text": lambda: decode_text(b"\x00\x01abc", file="a.txt"),
        "bad BOM": lambda: decode_text(b"\xef\xbb\xbf\xff\xfe", file="a.txt"),
        "not a zip": lambda: open_docx(b"plain text", file="a.docx"),
        "old .doc": lambda: open_docx(b"\xd0\xcf\x11\xe0" + b"\x00" * 64, file="a.docx"),
        "bad zip": lambda: open_docx(b"PK\x03\x04broken", file="a.docx"),
        "DTD": lambda: parse_xml(b'<!DOCTYPE a [<!ENTITY x "y">]><a/>', part="p.xml"),
        "malformed": lambda: parse_xml(b"<a><b></a>", part="p.xml"),
        "zip as text": lambda: read_data(b"PK\x03\x04rest", ".txt", file="a.txt"),
        "no notice": lambda: read_text("\n\n", file="a.txt"),
        "title only": lambda: read_text("关于开展整改工作的通知\n", file="a.txt"),
        "front matter": lambda: read_markdown("---\n- a\n---\n# 关于整改的通知\n\n正文。\n"),
        "no document": lambda: read_docx_bytes(b"", file="a.docx"),
    }


@pytest.mark.usefixtures("marked")
@pytest.mark.parametrize("case", sorted(_refusals()))
def test_every_refusal_of_the_reader_goes_through_the_catalog(case: str) -> None:
    with pytest.raises(InputError) as info:
        _refusals()[case]()
    assert info.value.findings
    assert _untranslated(info.value.findings) == []


@pytest.mark.usefixtures("marked")
def test_every_reader_code_summary_goes_through_the_catalog() -> None:
    assert all(c.meaning == f"⟦{c.summary}⟧" for c in CODES.values())


def test_reader_code_summaries_are_chinese_with_an_english_form() -> None:
    assert CODES["RD107"].meaning == CODES["RD107"].summary
    assert any("\u4e00" <= ch <= "\u9fff" for ch in CODES["RD003"].summary)
    with use_language("en"):
        assert CODES["RD003"].meaning == "characters a Word document cannot hold removed"
        assert all(c.meaning != c.summary for c in CODES.values())
