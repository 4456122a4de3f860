"""What real notices contain, held by the model and kept through render → read.

Run-in headings (cl. 7.3.3 practice), a top level below 一、, and problem details that are
neither statement nor measures (整改时限, 责任单位, 完成情况 → status).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.compose import compose
from gongwen.model import Notice
from gongwen.read import read_docx_bytes
from gongwen.render import render_bytes
from tests.strategies import organ_names, prose, sentences


def _notice(top_level: int, run_in: bool, heading: str, text: str, detail: str) -> Notice:
    section: dict[str, Any] = {
        "heading": heading,
        "run_in": run_in,
        "body": [
            text,
            {
                "problem": {
                    "statement": "台账不全。",
                    "deadline": detail,
                    "responsible": detail,
                    "status": "已完成",
                    "measures": ["补建台账。", "每月核对。"],
                }
            },
        ],
    }
    return Notice.model_validate(
        {
            "title": "关于巡察整改进展情况的通报",
            "body": [{"section": section}, {"section": {"heading": heading, "body": [text]}}],
            "presentation": {"top_level": top_level},
        }
    )


def test_a_run_in_heading_renders_in_one_paragraph_with_the_text_in_fangsong() -> None:
    notice = _notice(2, True, "健全工作机制。", "各部门要建立台账。", "2023年底前")
    texts = [b.text for b in compose(notice) if hasattr(b, "text")]
    assert "（一）健全工作机制。各部门要建立台账。" in texts
    assert "（二）健全工作机制。" in texts  # not run in: heading alone
    block = next(b for b in compose(notice) if getattr(b, "text", "").startswith("（一）"))
    assert [r.style for r in block.runs][-1] == "GwFang"


@settings(max_examples=25, deadline=None)
@given(
    top_level=st.integers(1, 3),
    run_in=st.booleans(),
    heading=sentences(),
    text=prose(2),
    detail=organ_names(),
)
def test_render_then_read_gives_the_same_model(
    top_level: int, run_in: bool, heading: str, text: str, detail: str
) -> None:
    notice = _notice(top_level, run_in, heading, text, detail)
    assert read_docx_bytes(render_bytes(notice)).notice == notice
