"""Paragraphs of a published notice (from text or a hand-made .docx) into the model.

The reader works in passes with typed data between them:

1. :class:`~gongwen.read.clean.Cleaner` — clean each paragraph, drop page chrome, repair what a
   scrape lost where the repair is certain (each repair a finding): ``list[SourceParagraph]``;
2. :class:`~gongwen.read.regions.HeadReader` and :class:`~gongwen.read.regions.TailReader` —
   cut the paragraphs into the head (版头, title, 主送机关), the body and the tail (contact,
   附件说明, signature, 附注, bound attachments, 版记): :class:`Regions`;
3. :class:`~gongwen.read.body.BodyBuilder` — build the body tree from what the recogniser
   (:mod:`gongwen.recognise`) says each paragraph is, checking numbering and counts as it goes:
   :data:`~gongwen.read.tree.Item` lists, then model data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gongwen.findings import Finding, InputError
from gongwen.i18n import _
from gongwen.loader import notice_from_data
from gongwen.read.body import BodyBuilder
from gongwen.read.clean import Cleaner
from gongwen.read.context import Context, ReadResult, SourceParagraph, quote
from gongwen.read.regions import HeadReader, Tail, TailReader, leading_date
from gongwen.read.tree import dump_items

__all__ = ["ReadResult", "Regions", "SourceParagraph", "parse_paragraphs", "quote"]


@dataclass(frozen=True)
class Regions:
    """The cleaned paragraphs cut into head (model data), body paragraphs, contact and tail."""

    head: dict[str, Any]
    body: list[SourceParagraph]
    contact: dict[str, Any] | None
    tail: Tail


def find_regions(ctx: Context, paras: list[SourceParagraph]) -> Regions:
    """Pass 2: where the head ends and the tail begins."""
    if not paras:
        raise InputError.single(
            "RD107", _("没有找到公文内容（文件为空或只有网页附加内容）"), file=ctx.source
        )
    head: dict[str, Any] = {}
    head_reader = HeadReader(ctx)
    start = head_reader.run(paras, head)
    tail_reader = TailReader(ctx)
    end, tail = tail_reader.regions(paras, start)
    body_paras = head_reader.front_matter + paras[start:end] + tail.after_attachments
    contact, body = tail_reader.contact(body_paras)
    return Regions(head, body, contact, tail)


def parse_paragraphs(
    paragraphs: Sequence[SourceParagraph], *, source: str, findings: Sequence[Finding] = ()
) -> ReadResult:
    """Read paragraphs into a notice; ``findings`` from earlier stages are put first."""
    ctx = Context.of(paragraphs, source)
    paras = Cleaner(ctx).run(paragraphs)
    regions = find_regions(ctx, paras)
    builder = BodyBuilder(ctx)
    items = builder.build(regions.body)
    if not items:
        raise InputError.single(
            "RD107", _("没有找到正文（只有标题）"), file=source, line=paras[-1].line
        )
    builder.check_counts(items)
    data = dict(regions.head)
    data["body"] = dump_items(items, "body", ctx.lines)
    if regions.contact is not None:
        data["contact"] = regions.contact

    def read_body(body: list[SourceParagraph], path: str) -> list[dict[str, Any]]:
        return dump_items(builder.build(body), path, ctx.lines)

    TailReader(ctx).run(regions.tail, data, read_body)
    if "发布日期" in ctx.metadata or "发布时间" in ctx.metadata:
        value = ctx.metadata.get("发布日期") or ctx.metadata.get("发布时间", "")
        published = leading_date(value)
        if published is not None:
            data["published"] = published.isoformat()
    if builder.run_in and not builder.paragraph_lists:
        data["presentation"] = {"measures": "run-in"}
    if builder.top_level is not None and builder.top_level > 1:
        data.setdefault("presentation", {})["top_level"] = builder.top_level
    notice = notice_from_data(data, file=source)
    ctx.findings.sort(key=lambda f: f.location.line or 0)
    return ReadResult(notice, [*findings, *ctx.findings], ctx.lines, source, ctx.metadata)
