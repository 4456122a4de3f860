"""``gongwen check --render``: GW911-GW913 found on laid-out pages, for any .docx."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest

from gongwen.model import Notice
from gongwen.office.pages import PageLine, PdfPage, check_pages, page_findings
from gongwen.write import render_bytes
from tests.office.layout.conftest import _require_libreoffice
from tests.realistic import realistic_notice

SIGNED = Notice.model_validate(
    {
        "title": "关于开展安全检查的通知",
        "body": [{"section": {"heading": "总体情况", "body": ["正文。"]}}],
        "signature": {"organs": ["建新社区综合党委"], "date": "2023-03-14"},
    }
)


def page(number: int, *texts: str) -> PdfPage:
    return PdfPage(number, [PageLine(t, i * 10.0, i * 10.0 + 8) for i, t in enumerate(texts)])


# --- on given pages, without LibreOffice --------------------------------------------------------


def test_a_page_of_only_the_signature_is_an_error() -> None:
    pages = [
        page(1, "关于开展安全检查的通知", "一、总体情况", "正文。", "—1—"),
        page(2, "建新社区综合党委", "2023年3月14日", "—2—"),
    ]
    (finding,) = page_findings(SIGNED, pages, "a.docx")
    assert finding.code == "GW912" and "第2页" in finding.message


def test_the_old_no_text_tag_does_not_excuse_it() -> None:
    pages = [page(1, "正文。"), page(2, "（此页无正文）", "建新社区综合党委", "2023年3月14日")]
    assert [f.code for f in page_findings(SIGNED, pages, "a.docx")] == ["GW912"]


def test_a_heading_at_the_foot_of_a_page_and_a_lone_title_character() -> None:
    notice = SIGNED.model_copy(
        update={"title": "二七新村街道社区综合党委关于巡察整改进展情况的通报"}
    )
    pages = [
        page(1, "二七新村街道社区综合党委关于巡察整改进展情况的通", "报", "一、总体情况", "—1—"),
        page(2, "正文。", "建新社区综合党委", "2023年3月14日", "—2—"),
    ]
    assert [f.code for f in page_findings(notice, pages, "a.docx")] == ["GW911", "GW913"]


def test_balanced_pages_give_nothing() -> None:
    notice = SIGNED.model_copy(
        update={"title": "二七新村街道社区综合党委关于巡察整改进展情况的通报"}
    )
    pages = [
        page(1, "二七新村街道社区综合党委", "关于巡察整改进展情况的通报", "一、总体情况", "正文。"),
        page(
            2,
            "正文。",
            "建新社区综合党委",
            "2023年3月14日",
            "抄送：区委。",
            "区委办公室2023年3月14日印发",
        ),
    ]
    assert page_findings(notice, pages, "a.docx") == []


# --- laid out by LibreOffice --------------------------------------------------------------------


def _without_keeps(data: bytes) -> bytes:
    """A .docx as another tool would write it: no keep-with-next anywhere."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename in ("word/document.xml", "word/styles.xml"):
                part = part.replace(b"<w:keepNext/>", b"")
            target.writestr(info, part)
    return out.getvalue()


@pytest.mark.layout
def test_pages_of_generated_notices(tmp_path: Path) -> None:
    """Notices gongwen renders give no page finding; the same without keeps and with an
    author's unbalanced title give each finding."""
    _require_libreoffice()
    rng = random.Random(13)
    notices = [Notice.model_validate(realistic_notice(rng, i)) for i in range(54)]
    good = []
    for index in (7, 26, 43, 10, 48):
        path = tmp_path / f"good{index}.docx"
        path.write_bytes(render_bytes(notices[index]))
        good.append(path)
    bad = []
    for index in (7, 26, 43):
        notice = notices[index].model_copy(deep=True)
        notice.title = notice.title[:-1] + "\n" + notice.title[-1]
        path = tmp_path / f"bad{index}.docx"
        path.write_bytes(_without_keeps(render_bytes(notice)))
        bad.append(path)
    found = check_pages([*good, *bad])
    for path in good:
        assert found[path] == [], path
    codes = {path.stem: sorted({f.code for f in found[path]}) for path in bad}
    assert codes == {
        "bad7": ["GW911", "GW913"],
        "bad26": ["GW911", "GW913"],
        "bad43": ["GW911", "GW912"],
    }


@pytest.mark.layout
def test_a_hand_made_docx_is_checked_through_the_cli(tmp_path: Path) -> None:
    """A .docx made with python-docx (no gongwen styles): the reader finds its title."""
    _require_libreoffice()
    document = docx.Document()
    document.add_paragraph("二七新村街道社区综合党委关于巡察整改进展情况的通")
    document.add_paragraph("报")
    document.add_paragraph("各社区党组织：")
    document.add_paragraph("现将巡察整改进展情况通报如下。")
    document.add_paragraph("建新社区综合党委")
    document.add_paragraph(f"{date(2023, 3, 14).year}年3月14日")
    path = tmp_path / "hand.docx"
    document.save(str(path))
    result = subprocess.run(
        [sys.executable, "-m", "gongwen.cli", "check", "--render", "--select", "GW911", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "GW911" in result.stdout and "第2行只有一个字" in result.stdout
