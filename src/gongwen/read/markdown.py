"""Notices written in Markdown, the way drafts by hand and by language models come.

The Markdown is parsed by a CommonMark parser (markdown-it-py) and turned into the same
stream of paragraphs the text reader classifies (:func:`gongwen.read.parse.parse_paragraphs`),
so headings, 问题N：, 整改情况 and 一是/二是 are recognised by the one recogniser, with a
heading level from the ``#`` count as a hint:

======================  ==============================
``# 标题``               the title
``## 一、…``             level 1 (一、)
``### （一）…``          level 2 (（一）)
``#### 1. …``            level 3 (1.)
``##### （1）…``         level 4 (（1）)
======================  ==============================

Ordinals typed in headings (as other 公文 tools expect) are recognised and dropped; where the
typed ordinal and the ``#`` count disagree the ordinal decides (RD076). Emphasis, inline code
and links are reduced to their text (RD070); list bullets and quote marks dropped (RD074);
ordered list numbers kept as typed, so ``1. …`` reads as the text reader reads it; tables
are read as text, one row a paragraph (RD072); images and HTML dropped (RD071).

A YAML front matter between ``---`` lines holds what Markdown has no syntax for: the 版头,
主送机关, 署名, date, contact and attachments, by gongwen's field names or their Chinese terms
(``主送``, ``署名``, ``日期`` …, see :data:`FRONT_MATTER_KEYS`). Front matter wins over what
the body says.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongwen.findings import Finding, InputError, Location
from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile
from gongwen.loader import MARKDOWN_SUFFIXES, SourceData, parse_source, validate, yaml_line
from gongwen.model import Notice
from gongwen.read.codes import finding
from gongwen.read.context import listed
from gongwen.read.parse import ReadResult, SourceParagraph, parse_paragraphs
from gongwen.read.recognise import CLOSING, parse_heading, parse_label, parse_standalone_date

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = [
    "FRONT_MATTER_KEYS",
    "MARKDOWN_SUFFIXES",
    "markdown_paragraphs",
    "read_markdown",
    "read_markdown_as_typed",
    "read_markdown_file",
    "read_markdown_text",
]

# A key of the front matter, by its Chinese term or a name other tools use, and where it goes.
FRONT_MATTER_KEYS: Mapping[str, tuple[str, ...]] = {
    "标题": ("title",),
    "主送": ("addressees",),
    "主送机关": ("addressees",),
    "recipients": ("addressees",),
    "发文字号": ("header", "document_number"),
    "发文机关": ("header", "issuer_mark", "organs"),
    "发文机关标志": ("header", "issuer_mark", "organs"),
    "份号": ("header", "copy_number"),
    "紧急程度": ("header", "urgency"),
    "签发人": ("header", "signers"),
    "署名": ("signature", "organs"),
    "落款": ("signature", "organs"),
    "发文机关署名": ("signature", "organs"),
    "日期": ("signature", "date"),
    "成文日期": ("signature", "date"),
    "date": ("signature", "date"),
    "联系方式": ("contact",),
    "附件": ("attachments",),
    "附注": ("note",),
    "抄送": ("imprint", "copy_to"),
    "抄送机关": ("imprint", "copy_to"),
    "印发机关": ("imprint", "printer"),
    "印发日期": ("imprint", "print_date"),
    "发布日期": ("published",),
}
"""Front-matter keys besides gongwen's own field names (``title``, ``addressees``, ``header``,
``signature``, ``contact``, ``attachments``, ``note``, ``imprint``, ``published``,
``presentation``)."""

_LIST_FIELDS = frozenset({"addressees", "organs", "signers", "copy_to"})
_FRONT = lazy_compile(
    r"\A\ufeff?---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_TOC = lazy_compile(r"^\[\[?toc\]?\]$", re.IGNORECASE)
_CJK_END = lazy_compile(r"[\u3000-\u9fff\uff00-\uffef]$")
_SHORT_LINE = 20
"""A line this short (an organ name, a heading) ends its paragraph at a soft line break."""


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only for Markdown files

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


@dataclass
class _Reader:
    file: str
    paragraphs: list[SourceParagraph] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    titled: bool = False

    def report(self, code: str, message: str, line: int) -> None:
        self.findings.append(finding(code, message, file=self.file, line=line))

    def add(self, text: str, line: int, *, level: int | None = None, title: bool = False) -> None:
        self.paragraphs.append(SourceParagraph(text, line, True, level, title))


def _split_front_matter(text: str) -> tuple[str | None, str, int]:
    """The front matter's YAML (None if there is none), the Markdown with the front matter
    blanked out (so that line numbers stay those of the file), and the front matter's first
    line."""
    match = _FRONT.match(text)
    if match is None:
        return None, text, 0
    blanked = "\n" * match.group(0).count("\n") + text[match.end() :]
    return match.group(1) or "", blanked, 2


def _inline_lines(token: Token, line: int, reader: _Reader) -> list[tuple[str, int]]:
    """The text of an inline token as lines, soft breaks joined or split as a clerk means them."""
    pieces: list[tuple[str, int, bool]] = []  # text, line, hard break before
    current, start, hard = "", line, False
    dropped: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            text = child.content
            if "**" in text or "__" in text:
                # CommonMark does not close ** after CJK punctuation (**问题1：**理论…): the
                # marks stay as text; a notice never means them literally.
                text = text.replace("**", "").replace("__", "")
                dropped.append(_("加粗"))
            current += text
        elif kind == "code_inline":
            current += child.content
            dropped.append(_("行内代码"))
        elif kind in ("softbreak", "hardbreak"):
            pieces.append((current, start, hard))
            current, hard = "", kind == "hardbreak"
            start += 1
        elif kind in ("em_open", "strong_open", "s_open"):
            dropped.append(
                {"em_open": _("斜体"), "strong_open": _("加粗"), "s_open": _("删除线")}[kind]
            )
        elif kind == "link_open":
            dropped.append(_("链接地址 {address}").format(address=child.attrGet("href")))
        elif kind == "image":
            message = _("删去了图片“{image}”（公文正文不放图片）").format(image=child.content)
            reader.report("RD071", message, start)
        elif kind == "html_inline":
            if re.fullmatch(r"<br\s*/?>", child.content.strip(), re.IGNORECASE):
                pieces.append((current, start, hard))
                current, hard = "", True
            else:
                message = _("删去了 HTML 标记 {tag}").format(tag=child.content)
                reader.report("RD071", message, start)
    pieces.append((current, start, hard))
    if dropped:
        kinds = listed(dict.fromkeys(dropped))
        reader.report(
            "RD070", _("去掉了 Markdown 格式（{kinds}），保留文字").format(kinds=kinds), line
        )
    out: list[tuple[str, int]] = []
    for text, at, hard_before in pieces:
        text = text.strip()
        if not text:
            continue
        if out and not hard_before and _joins(out[-1][0], text):
            previous = out[-1][0]
            glue = "" if _CJK_END.search(previous) or re.match(r"[\u3000-\u9fff]", text) else " "
            out[-1] = (previous + glue + text, out[-1][1])
        else:
            out.append((text, at))
    return out


def _joins(previous: str, text: str) -> bool:
    """Whether a soft line break between two lines only wraps a paragraph.

    It ends the paragraph after closing punctuation, after a short line (an organ's name, a
    heading) and before a date standing alone, as in a 署名 and 成文日期 typed on two lines.
    """
    if previous[-1] in CLOSING or len(previous) < _SHORT_LINE:
        return False
    return parse_standalone_date(text) is None


def _blocks(tokens: Sequence[Token], reader: _Reader) -> None:
    lists: list[bool] = []  # per open list: keep the item numbers as typed
    item_prefix: str | None = None
    quoted = False
    row: list[str] = []
    row_line = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        line = token.map[0] + 1 if token.map else 0
        if kind == "heading_open":
            inline = tokens[i + 1]
            text = " ".join(t for t, _line in _inline_lines(inline, line, reader))
            _heading(int(token.tag[1]), text, line, reader)
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            # 1. 2. items right after a bare 整改情况： are its measures, not numbered items
            label = parse_label(reader.paragraphs[-1].text) if reader.paragraphs else None
            measures = kind == "ordered_list_open" and label is not None and not label[1]
            lists.append(not measures)
            if measures:
                reader.report(
                    "RD074",
                    _("“{label}”下的列表序号已去掉，各项按整改措施读取").format(
                        label=label[0] if label else ""
                    ),
                    line,
                )
            elif kind == "bullet_list_open" and len(lists) == 1:
                reader.report("RD074", _("列表的项目符号已去掉，各项按段落读取"), line)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            numbered = bool(token.info) and lists[-1]
            item_prefix = f"{token.info}{token.markup}" if numbered else ""
        elif kind == "blockquote_open":
            if not quoted:
                reader.report("RD074", _("引用标记“>”已去掉，引文按段落读取"), line)
            quoted = True
        elif kind == "blockquote_close":
            quoted = False
        elif kind == "paragraph_open":
            inline = tokens[i + 1]
            lines = _inline_lines(inline, line, reader)
            if len(lines) == 1 and _TOC.match(lines[0][0]):
                message = _("删去了目录标记 {mark}（公文不设目录）").format(mark=lines[0][0])
                reader.report("RD071", message, line)
                lines = []
            for n, (text, at) in enumerate(lines):
                if n == 0 and item_prefix:
                    text = item_prefix + text
                reader.add(text, at)
            item_prefix = None
            i += 3
            continue
        elif kind in ("fence", "code_block"):
            reader.report("RD073", _("代码块按普通段落读取"), line)
            for n, text in enumerate(token.content.splitlines()):
                if text.strip():
                    reader.add(text.strip(), line + n + (1 if kind == "fence" else 0))
        elif kind == "html_block" and not token.content.lstrip().startswith("<!--"):
            texts = [t for t in _html_text(token.content).splitlines() if t.strip()]
            if texts:  # <div align="right">XX街道办事处</div>: the words are the notice's
                reader.report("RD070", _("去掉了 HTML 标记，保留文字"), line)
            else:
                reader.report("RD071", _("删去了 HTML 块"), line)
            for n, text in enumerate(texts):
                reader.add(text.strip(), line + n)
        elif kind == "hr":
            reader.report("RD070", _("删去了分隔线"), line)
        elif kind == "table_open":
            reader.report("RD072", _("表格按文字读取，每行一段，单元格以全角空格分隔"), line)
        elif kind == "tr_open":
            row, row_line = [], line
        elif kind == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            row.append(" ".join(t for t, _line in _inline_lines(token, row_line, reader)))
        elif kind == "tr_close" and any(cell.strip() for cell in row):
            reader.add("\u3000".join(cell.strip() for cell in row), row_line)
        i += 1


_TAG = lazy_compile(r"<[^>]*>")


def _html_text(html: str) -> str:
    """The words of an HTML block, tags removed.

    >>> _html_text('<div align="right">XX街道&nbsp;办事处</div>')
    'XX街道\xa0办事处'
    """
    import html as html_module

    return html_module.unescape(_TAG.sub("", html))


def _heading(depth: int, text: str, line: int, reader: _Reader) -> None:
    if not text:
        return
    if depth == 1 and not reader.titled:
        reader.titled = True
        reader.add(text, line, title=True)
        return
    level = depth - 1
    if depth == 1 or depth > 5:
        level = 1 if depth == 1 else 4
        message = _("“{marks}”标题没有对应的公文层级，按第{level}级读取")
        reader.report("RD075", message.format(marks="#" * depth, level=level), line)
    mark = parse_heading(text)
    if mark is not None and mark.damage is None and mark.level != level:
        reader.report(
            "RD076",
            _("“{heading}”：# 数表示第{level}级，序号表示第{ordinal_level}级，按序号读取").format(
                heading=f"{'#' * depth} {text[:12]}", level=level, ordinal_level=mark.level
            ),
            line,
        )
    reader.add(text, line, level=level)


def markdown_paragraphs(
    text: str, *, file: str = "<markdown>"
) -> tuple[list[SourceParagraph], list[Finding]]:
    """The paragraphs of a Markdown body, as the text reader takes them, and what was dropped.

    >>> md = "# 关于整改的通知\\n\\n## 一、总体要求\\n\\n**请**落实。"
    >>> paras, found = markdown_paragraphs(md)
    >>> [(p.text, p.line, p.heading_level, p.title) for p in paras]
    [('关于整改的通知', 1, None, True), ('一、总体要求', 3, 1, False), ('请落实。', 5, None, False)]
    >>> [f.code for f in found]
    ['RD070']
    """
    reader = _Reader(file)
    _blocks(_parser().parse(text), reader)
    return reader.paragraphs, reader.findings


def read_markdown(text: str, *, file: str | None = None) -> ReadResult:
    """Read a notice from Markdown, with front matter for what Markdown has no syntax for.

    >>> md = "---\\n主送: 各社区\\n---\\n# 关于整改的通知\\n\\n## 一、总体要求\\n\\n请落实。"
    >>> r = read_markdown(md)
    >>> r.notice.title, r.notice.addressees, r.notice.body[0].heading
    ('关于整改的通知', ['各社区'], '总体要求')
    """
    return read_markdown_as_typed(text, file=file)[0]


def read_markdown_as_typed(
    text: str, *, file: str | None = None
) -> tuple[ReadResult, dict[int, str]]:
    """:func:`read_markdown`, and each paragraph of the body by its line as its author typed
    it: the Markdown syntax gone, the ordinals (一、 问题1： 一是) still there.

    >>> md = "---\\n标题: 通知\\n---\\n## 三、工作安排\\n\\n按期完成。"
    >>> read_markdown_as_typed(md)[1]
    {4: '三、工作安排', 6: '按期完成。'}
    """
    name = file if file is not None else "<markdown>"
    front, body, front_line = _split_front_matter(text)
    # One empty line for the opening ---, so that YAML's lines are the file's.
    source = parse_source("\n" + front, "yaml", file=name) if front is not None else None
    if source is not None and source.data is not None and not isinstance(source.data, dict):
        raise InputError.single("IN002", _("front matter 须为“键: 值”的映射"), file=name, line=2)
    front_data: dict[str, Any] = dict(source.data or {}) if source is not None else {}
    paragraphs, found = markdown_paragraphs(body, file=name)
    typed = {p.line: p.text for p in paragraphs}
    title = front_data.get("title", front_data.get("标题"))
    if isinstance(title, str | list) and title:
        titles = [p for p in paragraphs if p.title]
        if titles:  # the front matter's title wins; a # title that repeats it is dropped
            paragraphs.remove(titles[0])
        lines = title if isinstance(title, list) else [title]
        paragraphs.insert(0, SourceParagraph("\n".join(map(str, lines)), front_line, False))
    result = parse_paragraphs(paragraphs, source=name, findings=found)
    if not front_data:
        return result, typed
    return _with_front_matter(result, front_data, source), typed


def _with_front_matter(
    result: ReadResult, front: dict[str, Any], source: SourceData | None
) -> ReadResult:
    from gongwen.dumper import notice_data  # the one notice → file data

    data = notice_data(result.notice)
    lines = dict(result.lines)
    placed: dict[str, int | None] = {}
    tree = source.tree if source is not None else None
    for key, value in front.items():
        target = FRONT_MATTER_KEYS.get(key, (key,))
        line = yaml_line(tree, (key,)) if tree is not None else None
        placed[target[0]] = line
        _put(data, target, _shaped(target, value))
        if line is not None:
            lines[".".join(target)] = line
    try:
        notice = validate(Notice, SourceData(data, result.source))
    except InputError as error:
        raise InputError([_placed(f, placed) for f in error.findings]) from None
    return ReadResult(notice, result.findings, lines, result.source, result.metadata)


def _shaped(target: tuple[str, ...], value: Any) -> Any:
    """A front-matter value in the model's shape: one name for a list, titles for attachments."""
    name = target[-1]
    if name in _LIST_FIELDS and isinstance(value, str):
        return [n.strip() for n in re.split(r"[、，,]", value) if n.strip()]
    if name == "attachments" and isinstance(value, list | str):
        items = [value] if isinstance(value, str) else value
        return [{"title": v} if isinstance(v, str) else v for v in items]
    if name == "signature" and isinstance(value, str):
        return {"organs": [value]}
    return value


def _put(data: dict[str, Any], target: tuple[str, ...], value: Any) -> None:
    node = data
    for part in target[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    last = target[-1]
    if isinstance(value, dict) and isinstance(node.get(last), dict):
        node[last] = {**node[last], **value}
    else:
        node[last] = value


def _placed(found: Finding, placed: dict[str, int | None]) -> Finding:
    top = re.split(r"[.\[]", found.location.path or "", maxsplit=1)[0]
    line = placed.get(top, found.location.line)
    where = Location(found.location.file, line, found.location.path)
    return Finding(found.code, found.level, found.message, where, found.fix)


def read_markdown_text(path: str | Path) -> str:
    """The text of a Markdown notice file (UTF-8 or GB18030, size-limited)."""
    from gongwen.loader import read_bytes
    from gongwen.read.safety import MAX_TEXT_BYTES, decode_text

    return decode_text(read_bytes(Path(path), MAX_TEXT_BYTES), file=str(path)).text


def read_markdown_file(path: str | Path) -> ReadResult:
    """Read a Markdown notice file (UTF-8 or GB18030 text, size-limited)."""
    return read_markdown(read_markdown_text(path), file=str(path))
