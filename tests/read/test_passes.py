"""The reader is small passes with typed data between them, each module small."""

from __future__ import annotations

from pathlib import Path

import gongwen.read
import gongwen.recognise
from gongwen.read.clean import Cleaner
from gongwen.read.context import Context, SourceParagraph
from gongwen.read.parse import find_regions

MAX_LINES = 500


def test_every_module_of_the_reader_and_the_recogniser_is_small() -> None:
    too_long = {
        path.name: n
        for package in (gongwen.read, gongwen.recognise)
        for path in Path(package.__file__).parent.glob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) >= MAX_LINES
    }
    assert too_long == {}


def test_the_passes_hand_typed_regions_on() -> None:
    text = [
        "首页 > 通知公告",
        "关于开展卫生整治的通知",
        "",
        "各社区：",
        "请于4月1日前完成整治。",
        "某街道办事处",
        "2023年3月14日",
    ]
    paragraphs = [SourceParagraph(t, n) for n, t in enumerate(text, start=1)]
    ctx = Context.of(paragraphs, "<text>")
    cleaned = Cleaner(ctx).run(paragraphs)
    assert [p.line for p in cleaned] == [2, 4, 5, 6, 7]  # the breadcrumb dropped
    regions = find_regions(ctx, cleaned)
    assert regions.head["title"] == ["关于开展卫生整治的通知"]
    assert regions.head["addressees"] == ["各社区"]
    assert [p.text for p in regions.body] == ["请于4月1日前完成整治。"]
    assert regions.tail.date is not None and regions.tail.date.line == 7
    assert [p.text for p in regions.tail.organs] == ["某街道办事处"]
