"""What real notices contain, held by the model and kept through render → read.

Run-in headings (cl. 7.3.3 practice), a top level below 一、, and problem details that are
neither statement nor measures (整改时限, 责任单位, 完成情况 → status).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import render_bytes
from gongwen.compose import compose
from gongwen.model import Notice
from gongwen.read import read_docx_bytes, read_text
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


_HEADINGS = st.sampled_from(
    ["健全工作机制", "强化督查问责", "压实整改责任", "完善制度建设", "聚焦群众身边问题"]
)
_TEXTS = st.sampled_from(
    ["各部门要建立台账，逐项销号。", "街道每月召开一次调度会。", "对整改情况开展回头看。"]
)
_PROBLEMS = st.sampled_from(["台账不全。", "制度执行不严格。", "资金拨付滞后。"])
_MEASURES = st.lists(
    st.sampled_from(["补建台账。", "每月核对。", "修订办法。", "逐项复核。"]),
    min_size=2,
    max_size=3,
)
_DETAILS = st.one_of(st.none(), st.sampled_from(["2023年底前", "区财政局", "社区党委书记"]))


@st.composite
def _outlines(draw: st.DrawFn, level: int, top: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 2))):
        run_in = draw(st.booleans())
        body: list[Any] = [draw(_TEXTS)] if run_in or draw(st.booleans()) else []
        if level < 4 and draw(st.booleans()):
            body += draw(_outlines(level + 1, top))
        elif draw(st.booleans()):
            body.append(
                {
                    "problem": {
                        "statement": draw(_PROBLEMS),
                        "measures": draw(_MEASURES),
                        "deadline": draw(_DETAILS),
                        "responsible": draw(_DETAILS),
                    }
                }
            )
        heading = draw(_HEADINGS) + ("。" if run_in else "")
        items.append(
            {"section": {"heading": heading, "run_in": run_in and bool(body), "body": body}}
        )
    return items


@st.composite
def _shaped_notices(draw: st.DrawFn) -> Notice:
    top = draw(st.integers(1, 3))
    return Notice.model_validate(
        {
            "title": "关于巡察整改进展情况的通报",
            "body": draw(_outlines(top, top)),
            "presentation": {"top_level": top},
        }
    )


def _text(notice: Notice) -> str:
    from gongwen.compose import Block

    lines = ["关于巡察整改进展情况的通报", ""]
    for element in compose(notice)[1:]:
        if isinstance(element, Block) and element.text.strip():
            lines += element.text.split("\n")
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None)
@given(_shaped_notices())
def test_generated_outlines_read_back_from_their_text(notice: Notice) -> None:
    """A text laid out as gongwen renders it — any top level, run-in headings, problems with
    deadline and responsible — reads back to the model (status is not shown on the page)."""
    read = read_text(_text(notice), file="<generated>").notice
    assert read.presentation.top_level == notice.presentation.top_level
    assert read.body == notice.body
