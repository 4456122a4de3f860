"""What the reader's passes share: the paragraphs, the result, and the findings so far.

The passes (:mod:`~gongwen.read.clean`, then :mod:`~gongwen.read.regions`, then
:mod:`~gongwen.read.body`) hand typed data to each other — cleaned :class:`SourceParagraph`
lists, :class:`~gongwen.read.regions.Regions`, the body tree of :mod:`~gongwen.read.tree` —
and report into one :class:`Context`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gongwen.findings import Finding
from gongwen.i18n import _
from gongwen.model import Notice
from gongwen.read.codes import finding
from gongwen.recognise.sentences import is_sentence

__all__ = ["Context", "Pass", "ReadResult", "SourceParagraph", "listed", "quote"]

QUOTE_CHARS = 24
"""How much of a paragraph a finding quotes."""


@dataclass(frozen=True)
class ReadResult:
    """A notice read back from a published file, with everything the reader noticed.

    ``findings`` holds every repair and every damage found, each with a code (see
    :mod:`gongwen.read.codes`) and the line. ``lines`` maps model field paths, as
    :func:`gongwen.fieldpath.format_path` writes them, to 1-based source lines (paragraph
    numbers for a .docx). ``metadata`` is the page chrome kept (发布日期, 浏览次数, …).
    """

    notice: Notice
    findings: list[Finding]
    lines: dict[str, int]
    source: str
    metadata: dict[str, str]


@dataclass(frozen=True)
class SourceParagraph:
    """One paragraph as the file has it.

    ``line`` is its 1-based line (text) or paragraph number (.docx). ``blank_before`` says
    an empty line separates it from the paragraph before. ``heading_level`` is a hint from a
    .docx heading style or outline level; ``title`` marks a paragraph styled as a title.
    """

    text: str
    line: int
    blank_before: bool = False
    heading_level: int | None = None
    title: bool = False
    front: bool = False
    """A subtitle or speaker line between the title and the 主送机关 (a report to a people's
    congress): kept as a body paragraph as written, never given a 。."""


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A short quotation of ``text`` for a message.

    >>> quote("一二三四五", 3)
    '“一二三…”'
    """
    return f"“{text if len(text) <= limit else text[:limit] + '…'}”"


def listed(items: Iterable[str]) -> str:
    """``items`` listed in a message: with 、 in Chinese, with commas in English.

    >>> listed(["发布日期", "浏览次数"])
    '发布日期、浏览次数'
    """
    # 译注：列举几项时的分隔号（英文用逗号加空格）
    return _("、").join(items)


@dataclass
class Context:
    """The findings, field lines and page metadata collected by the passes of one reading."""

    source: str
    originals: dict[int, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, paragraphs: Sequence[SourceParagraph], source: str) -> Context:
        """A context for reading ``paragraphs`` of ``source``."""
        return cls(source, {p.line: p.text.strip() for p in paragraphs})


class Pass:
    """A pass of the reader: reports into the shared :class:`Context`."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.source = ctx.source
        self.findings = ctx.findings
        self.lines = ctx.lines
        self.metadata = ctx.metadata

    def report(
        self, code: str, message: str, line: int | None, fix: str | None = None, **values: object
    ) -> None:
        """Add a finding with ``code`` at ``line``: ``message`` (translated), its placeholders
        filled with ``values`` when there are any."""
        if values:
            message = message.format(**values)
        self.findings.append(finding(code, message, file=self.source, line=line, fix=fix))

    def original(self, line: int) -> str:
        """The paragraph on ``line`` as the file has it, quoted for a message."""
        return quote(self.ctx.originals.get(line, ""))

    def _replace(self, para: SourceParagraph, text: str) -> SourceParagraph:
        return SourceParagraph(text, para.line, para.blank_before, para.heading_level, para.title)

    def _closed(self, text: str, line: int) -> str:
        """``text`` ending with punctuation: a 。 added (and reported, RD051) only when the text
        is a sentence whose end was lost (:func:`~gongwen.recognise.sentences.is_sentence`);
        a line that stops inside a sentence (after ，) is reported (RD052) and left as it is."""
        if is_sentence(text):
            message = _("{text} 末尾缺少标点，补“。”").format(text=quote(text[-QUOTE_CHARS:]))
            self.report("RD051", message, line, fix="。")
            return text + "。"
        if text[-1:] in "，、,":
            message = _("{text} 在句中断开（以“{mark}”结尾），未补标点").format(
                text=quote(text[-QUOTE_CHARS:]), mark=text[-1]
            )
            self.report("RD052", message, line)
        return text
