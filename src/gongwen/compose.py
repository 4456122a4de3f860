"""Model → a flat list of blocks (style role + runs): every layout decision, on plain data.

The renderer turns blocks into .docx paragraphs almost mechanically; what goes where — which
ordinal a heading gets, where 一是 goes, how the signature sits over the date — is decided
here and can be tested without opening a document.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from gongwen import layout
from gongwen.dates import format_date
from gongwen.layout import StyleRole
from gongwen.model import (
    Attachment,
    BodyItem,
    Contact,
    Header,
    Notice,
    Paragraph,
    Problem,
    Section,
    Signature,
    Table,
    walk,
)
from gongwen.numbering import (
    attachment_label,
    heading_ordinal,
    measure_lead,
    parse_heading_ordinal,
    parse_measure_lead,
    parse_problem_label,
    problem_label,
)
from gongwen.tables import column_alignments, column_widths_twips, header_grid, resolve_ledger
from gongwen.titles import break_title

SENTENCE_END = "。；！？"

SEALED_BLANK_LINES = 2
"""Lines left between the body and a sealed 署名 for the seal ([practice]: cl. 7.3.5.1 only asks
that the seal's top come within one line of the body, and a 42 mm seal centred just above the
署名 reaches about two lines up)."""


def issuer_mark_space_before_twips(
    lines_above: int, offset_mm: float = layout.ISSUER_MARK_TOP_OFFSET_MM
) -> int:
    """Space above the 发文机关标志 so that its top is 35 mm below the type area's top (cl. 7.2.4).

    ``lines_above`` is the number of grid lines taken by 份号, 密级 and 紧急程度 above it. The
    type area's top is the first line's ink, ``layout.BODY_INK_DROP_TWIPS`` below the top
    margin; the 标志's ink is ``layout.TITLE_INK_DROP_TWIPS`` below the top of its own line.

    >>> issuer_mark_space_before_twips(0)  # 1984 (35 mm) + 172 - 428
    1728
    >>> issuer_mark_space_before_twips(2)  # 1728 - 2 x 588
    552
    >>> issuer_mark_space_before_twips(3)  # 1728 - 3 x 588 < 0: as close as it gets
    0

    ``offset_mm`` is the 标志's distance below the type area's top: 35 mm (cl. 7.2.4, and the
    纪要 of cl. 10.3), 20 mm for a 命令（令） (cl. 10.2).

    >>> issuer_mark_space_before_twips(0, offset_mm=20)  # 1134 (20 mm) + 172 - 428
    878
    """
    offset = layout.mm_to_twips(offset_mm)
    ink = offset + layout.BODY_INK_DROP_TWIPS - layout.TITLE_INK_DROP_TWIPS
    return max(0, ink - lines_above * layout.LINE_PITCH_TWIPS)


RED_RULE_SPACE_BEFORE_TWIPS = max(
    0, layout.mm_to_twips(layout.RED_RULE_GAP_MM) - layout.RULE_BELOW_NUMBER_INK_TWIPS
)
"""Space above the red rule's paragraph: 4 mm (227 twips) less the 117 twips already there."""


@dataclass(frozen=True)
class Run:
    """A stretch of text in one character style (``None``: the paragraph's own).

    ``\\n`` in the text is a line break, ``\\t`` a tab.
    """

    text: str
    style: StyleRole | None = None


@dataclass(frozen=True)
class Frame:
    """A paragraph set at a fixed place on page 1, outside the text flow (``w:framePr``): the
    信函's 标志 and red double lines, which cl. 10.1 places from the paper's edges."""

    top_twips: int
    """The top of the frame, from the paper's top edge."""
    width_twips: int
    """Its width, centred on the paper."""


@dataclass(frozen=True)
class Rule:
    """A border drawn on one side of a paragraph: the 信函's red double lines (cl. 10.1)."""

    side: str
    """``top`` or ``bottom``."""
    style: str
    """A ``w:ST_Border`` value, e.g. ``thickThinSmallGap`` (thick over thin)."""
    eighths: int
    """Width of the whole rule in eighths of a point."""
    color: str = layout.RED_COLOR_HEX


@dataclass(frozen=True)
class SealPicture:
    """A seal image anchored to a paragraph, over the 署名 and 成文日期 (cl. 7.3.5.1) or where the
    签发人签名章 goes (cl. 7.3.5.3)."""

    image: Path
    width_twips: int
    """Its printed width; the height follows the image's proportions."""
    centre_x_twips: int
    """Its centre, from the type area's left edge."""
    centre_y_twips: int
    """Its centre, below the top of the paragraph's line."""
    room_above_twips: int
    """The blank lines left above the paragraph: its top must not reach higher."""


@dataclass(frozen=True)
class Block:
    """One paragraph of the rendered notice."""

    role: StyleRole
    runs: tuple[Run, ...] = ()
    page_break_before: bool = False
    right_indent_chars: float | None = None
    """Overrides the style's right indent: places the 署名 over the 成文日期."""
    space_before_twips: int | None = None
    """Space above the paragraph: puts the 发文机关标志 35 mm below the type area's top."""
    tab_stops_twips: tuple[int, ...] = ()
    """Left tab stops, in twips from the text column's left edge: place the 签发人."""
    path: str = ""
    """The model field this block renders, e.g. ``body[1].section.heading``."""
    justification: str | None = None
    """Overrides the style's alignment (``left``, ``right``, ``center``): a table cell's
    ``center`` or ``right``, the 信函's 发文字号."""
    right_tab_twips: int | None = None
    """A right tab stop: the 信函's 发文字号 at the right edge, on the 份号's line (cl. 10.1)."""
    center_tabs_twips: tuple[int, ...] = ()
    """Centre tab stops: a joint issue's sealed 署名 set in one row, each under its seal."""
    frame: Frame | None = None
    rule: Rule | None = None
    seals: tuple[SealPicture, ...] = ()
    keep_with_next: bool = False
    """On the same page as the next paragraph: keeps the signature block with its text."""

    @property
    def text(self) -> str:
        """The paragraph's text, runs joined."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ImprintBlock:
    """The 版记 (cl. 7.4): rows between rules, anchored to the foot of the last page."""

    rows: tuple[Block, ...]
    ruled: bool = True
    """False for a 信函, whose 版记 has no rules (cl. 10.1)."""


@dataclass(frozen=True)
class JointIssuerMark:
    """A joint issue's 发文机关标志 with 文件 (cl. 7.2.4): the organs stacked in issuing order,
    文件 to their right, centred vertically on them.

    Rendered as a borderless two-column table: names justified to one width on the left, the
    suffix beside them.
    """

    organs: tuple[str, ...]
    suffix: str
    space_before_twips: int
    """Above the first name, as for a one-line 标志 (:func:`issuer_mark_space_before_twips`)."""
    path: str = "header.issuer_mark"

    @property
    def names_width_twips(self) -> int:
        """The names' column: the widest name at the 标志's size, and one character to spare
        (LibreOffice wrapped a 13-character name in a column measured to fit it exactly)."""
        widest = max(set_width_chars(o) for o in self.organs) + 1
        return math.ceil(widest * layout.pt_to_twips(layout.ISSUER_MARK_SIZE_PT))

    @property
    def suffix_width_twips(self) -> int:
        """The suffix's column: the suffix and half a character of space before it."""
        chars = set_width_chars(self.suffix) + 0.5
        return math.ceil(chars * layout.pt_to_twips(layout.ISSUER_MARK_SIZE_PT))

    @property
    def suffix_space_before_twips(self) -> int:
        """Moves the suffix down to the middle of the names: half of the lines after the first.

        >>> JointIssuerMark(("甲机关", "乙机关", "丙机关"), "文件", 100).suffix_space_before_twips
        1276
        """
        line = MARK_LINES * layout.LINE_PITCH_TWIPS
        return self.space_before_twips + (len(self.organs) - 1) * line // 2

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Its paragraphs in reading order: each organ, then the suffix."""
        texts = (*self.organs, self.suffix)
        return tuple(Block(StyleRole.ISSUER_MARK, (Run(t),), path=self.path) for t in texts)


MARK_LINES = 2
"""Grid lines one 22 pt line of the 标志 or the title takes (the template's grid is 29.4 pt)."""


@dataclass(frozen=True)
class TableCell:
    """One cell of a laid-out table: its paragraph, the columns it spans, a vertical merge.

    ``merge`` is ``restart`` for a header cell spanning rows below, ``continue`` for the
    places it covers, None otherwise (w:vMerge).
    """

    block: Block
    span: int = 1
    merge: str | None = None


@dataclass(frozen=True)
class TableLayout:
    """A table as it is rendered: 表题, header rows (repeated on each page), body rows
    (never split across pages), column widths filling the 版心, and the 注 line."""

    header: tuple[tuple[TableCell, ...], ...]
    rows: tuple[tuple[TableCell, ...], ...]
    widths_twips: tuple[int, ...]
    title: Block | None = None
    note: Block | None = None
    path: str = ""

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Its paragraphs in reading order: title, header cells, body cells, note."""
        cells = [
            cell.block
            for row in (*self.header, *self.rows)
            for cell in row
            if cell.merge != "continue"
        ]
        return tuple(b for b in (self.title, *cells, self.note) if b is not None)


@dataclass(frozen=True)
class SectionBreak:
    """The end of a section of the given orientation: the content before it, back to the
    previous break, is laid out on portrait or on landscape (横排, cl. 8) pages."""

    orientation: str = "portrait"


NOTE_LEAD = "注："
"""What the note line under a table starts with."""


def compose_table(table: Table, width_twips: int, path: str = "") -> TableLayout:
    """A table laid out to the 公文 conventions: the 版心's width, 序号 and numbers aligned.

    >>> t = Table(title="整改台账", header=[["序号", "问题"]], rows=[["1", "学习不够。"]],
    ...           note="截至6月底。")
    >>> laid = compose_table(t, 8845)
    >>> [b.text for b in laid.blocks], sum(laid.widths_twips)
    (['整改台账', '序号', '问题', '1', '学习不够。', '注：截至6月底。'], 8845)
    """
    char_twips = layout.pt_to_twips(layout.TABLE_SIZE_PT)
    widths = tuple(column_widths_twips(table, width_twips, char_twips))
    header = tuple(
        tuple(
            TableCell(
                Block(StyleRole.TABLE_HEADER, (Run(cell.text),), path=path),
                cell.span,
                "continue" if cell.continued else ("restart" if cell.rows > 1 else None),
            )
            for cell in row
        )
        for row in header_grid(table)
    )
    aligns = column_alignments(table)
    rows = tuple(
        tuple(
            TableCell(Block(StyleRole.TABLE_TEXT, (Run(text),), justification=align, path=path))
            for text, align in zip(row, aligns, strict=True)
        )
        for row in table.rows
    )
    title = Block(StyleRole.TABLE_TITLE, (Run(table.title),), path=path) if table.title else None
    note = (
        Block(StyleRole.TABLE_NOTE, (Run(NOTE_LEAD + table.note),), path=path)
        if table.note
        else None
    )
    return TableLayout(header, rows, widths, title, note, path)


Element = Block | ImprintBlock | JointIssuerMark | TableLayout | SectionBreak


def paragraphs(elements: list[Element]) -> list[Block]:
    """Every paragraph in reading order, those inside the tables (标志, 版记) included.

    >>> mark = JointIssuerMark(("甲机关", "乙机关"), "文件", 0)
    >>> [b.text for b in paragraphs([mark, Block(StyleRole.NORMAL, (Run("正文"),))])]
    ['甲机关', '乙机关', '文件', '正文']
    """
    out: list[Block] = []
    for element in elements:
        if isinstance(element, ImprintBlock):
            out += element.rows
        elif isinstance(element, JointIssuerMark | TableLayout):
            out += element.blocks
        elif isinstance(element, Block):
            out.append(element)
    return out


def title_text(title: str, capacity: int = layout.TITLE_CHARS_PER_LINE) -> str:
    """A title as set: the author's lines kept as given, one line too long for the 版心 broken
    into balanced lines of whole words (cl. 7.3.1, :func:`gongwen.titles.break_title`).

    >>> title_text("关于开展安全检查的通知")
    '关于开展安全检查的通知'
    >>> title_text("建新社区综合党委\\n关于巡察整改进展情况的通报")
    '建新社区综合党委\\n关于巡察整改进展情况的通报'
    """
    if "\n" in title:
        return title
    return "\n".join(break_title(title, capacity, width=set_width_chars))


def blank(count: int = 1) -> list[Block]:
    """``count`` empty lines (空一行, 空二行)."""
    return [Block(StyleRole.BLANK) for _ in range(count)]


def text_width_chars(text: str) -> float:
    """Width of ``text`` in 字 (cl. 3.1): a Chinese or full-width character is one, others half.

    >>> text_width_chars("2023年3月14日")
    6.5
    >>> text_width_chars("二七新村街道社区综合党委")
    12.0
    """
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


AUTOSPACE_CHARS = 0.2
"""The space word processors add where Chinese meets Latin letters or digits, in 字.

Word and LibreOffice both add it by default (LibreOffice: 1.12 mm at 16 pt, a fifth of a
character, measured; it ignores a .docx's request to leave it out). "2023年6月15日" has five
such places, a whole 字 of extra width, which decides where a 署名 centred over it goes."""


def set_width_chars(text: str) -> float:
    """Width of ``text`` as set, in 字: :func:`text_width_chars` plus the space added where
    Chinese and Latin characters meet.

    >>> round(set_width_chars("2023年3月14日"), 2)  # 6.5 + 5 x 0.2
    7.5
    >>> set_width_chars("二七新村街道社区综合党委")
    12.0
    """
    wide = [unicodedata.east_asian_width(c) in "WF" for c in text if not c.isspace()]
    meetings = sum(1 for a, b in itertools.pairwise(wide) if a != b)
    return text_width_chars(text) + AUTOSPACE_CHARS * meetings


def signature_indents(
    organ_widths: list[float], date_width: float, *, sealed: bool
) -> tuple[list[float], float]:
    """Right indents, in 字, of each 署名 line and of the 成文日期 (cl. 7.3.5).

    Sealed (cl. 7.3.5.1): the date is 右空四字 and each 署名 is centred over the date.

    >>> signature_indents([12.0], 6.5, sealed=True)
    ([1.25], 4.0)
    >>> signature_indents([4.0], 6.5, sealed=True)
    ([5.25], 4.0)

    Unsealed (cl. 7.3.5.2): the 署名 is 右空二字 and the date starts two characters right of the
    署名's first character; when that would push the date past 右空二字, the date is set 右空二字
    and the 署名 moves left to keep the two-character step.

    >>> signature_indents([12.0], 6.5, sealed=False)
    ([2.0], 5.5)
    >>> signature_indents([4.0], 6.5, sealed=False)
    ([6.5], 2.0)
    """
    if sealed:
        date_right = float(layout.DATE_RIGHT_INDENT_CHARS)
        return [max(0.0, date_right + (date_width - w) / 2) for w in organ_widths], date_right
    step = float(layout.UNSEALED_DATE_OFFSET_CHARS)
    margin = float(layout.UNSEALED_SIGNATURE_RIGHT_INDENT_CHARS)
    widest = max(organ_widths, default=0.0)
    date_right = widest - step - date_width + margin
    if date_right >= margin:
        return [margin + (widest - w) for w in organ_widths], date_right
    first_start = margin + date_width + step  # distance of the 署名's start from the right edge
    return [first_start - w for w in organ_widths], margin


def run_in_measures(measures: list[str], typed: bool = False) -> str:
    """Measures run together in one paragraph: 一是……；二是……。 ``typed``: a measure whose
    author typed its lead keeps it instead (``Presentation.ordinals``).

    >>> run_in_measures(["加强学习。", "完善制度", "严格考核！"])
    '一是加强学习；二是完善制度；三是严格考核。'
    >>> run_in_measures(["一是加强学习。", "三是完善制度"], typed=True)
    '一是加强学习；三是完善制度。'
    """
    parts = []
    for number, measure in enumerate(measures, start=1):
        body = measure.rstrip(SENTENCE_END)
        parts.append(_measure_lead(number, measure, typed) + body)
    return "；".join(parts) + "。"


def _measure_lead(number: int, measure: str, typed: bool) -> str:
    """一是, 二是… before a measure; none where ``typed`` and the author typed one."""
    return "" if typed and parse_measure_lead(measure) is not None else measure_lead(number)


def _heading_ordinal(level: int, number: int, heading: str, typed: bool) -> str:
    """一、 （一） 1. （1） before a heading; none where ``typed`` and the author typed one."""
    if typed and parse_heading_ordinal(heading) is not None:
        return ""
    return heading_ordinal(level, number)


def _problem_label(number: int, statement: str, typed: bool) -> str:
    """问题N： before a problem; none where ``typed`` and the author typed one (or 1.)."""
    if typed and parse_problem_label(statement) is not None:
        return ""
    heading = parse_heading_ordinal(statement) if typed else None
    return "" if heading is not None and heading.level == 3 else problem_label(number)


def contact_text(contact: Contact) -> str:
    """The contact block as one sentence.

    >>> from gongwen.model import Contact
    >>> contact_text(Contact(phones=["82746503"], postbox="济南市市中区英雄山路77号",
    ...                      email="eqxcbscdb@jn.shandong.cn"))
    '联系方式：电话：82746503；邮政信箱：济南市市中区英雄山路77号；电子邮箱：eqxcbscdb@jn.shandong.cn。'
    """
    parts = []
    if contact.phones:
        parts.append("电话：" + "、".join(contact.phones))
    if contact.postbox:
        parts.append(f"邮政信箱：{contact.postbox}")
    if contact.email:
        parts.append(f"电子邮箱：{contact.email}")
    parts += [f"{other.label}：{other.value}" for other in contact.others]
    return f"{contact.lead}：" + "；".join(parts) + "。"


def attachment_note(attachments: list[Attachment]) -> str:
    """The 附件说明 (cl. 7.3.4): "附件：" and the names, numbered when there are several.

    >>> attachment_note([Attachment(title="整改台账")])
    '附件：整改台账'
    >>> attachment_note([Attachment(title="整改台账"), Attachment(title="联系表")])
    '附件：1.整改台账\\n2.联系表'
    """
    names = [a.title.replace("\n", "") for a in attachments]
    if len(names) == 1:
        return f"附件：{names[0]}"
    return "附件：" + "\n".join(f"{i}.{name}" for i, name in enumerate(names, start=1))


@dataclass
class _Counters:
    problems: int = 0
    sections: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    notice: Notice | None = None
    """The notice a ledger table (``from_problems``) is derived from."""
    width_twips: int = layout.TYPE_AREA_WIDTH_TWIPS
    typed: bool = False
    """The texts keep their typed ordinals (``Presentation.ordinals == "typed"``)."""


def compose_body(
    items: list[BodyItem],
    measures: str,
    path: str = "body",
    top_level: int = 1,
    *,
    notice: Notice | None = None,
    width_twips: int = layout.TYPE_AREA_WIDTH_TWIPS,
) -> list[Block | TableLayout]:
    """Blocks of a body: headings with derived ordinals, problems numbered across it.

    >>> from gongwen.model import Notice
    >>> n = Notice(title="T", body=[{"section": {"heading": "总体情况", "body": [
    ...     {"problem": {"statement": "学习不够。", "measures": ["加强学习。", "完善制度。"]}}]}}])
    >>> [b.text for b in compose_body(n.body, "paragraphs")]
    ['一、总体情况', '问题1：学习不够。', '整改情况：', '一是加强学习。', '二是完善制度。']
    """
    typed = notice is not None and notice.presentation.ordinals == "typed"
    counters = _Counters(notice=notice, width_twips=width_twips, typed=typed)
    blocks: list[Block | TableLayout] = []
    _compose_items(items, top_level - 1, counters, blocks, measures, path)
    return blocks


def _compose_items(
    items: list[BodyItem],
    depth: int,
    counters: _Counters,
    blocks: list[Block | TableLayout],
    measures: str,
    path: str,
    offset: int = 0,
) -> None:
    counters.sections[depth:] = [0] * (len(counters.sections) - depth)
    for index, item in enumerate(items, start=offset):
        here = f"{path}[{index}].{item.kind}"
        if isinstance(item, Paragraph):
            blocks.append(Block(StyleRole.NORMAL, (Run(item.text),), path=here))
        elif isinstance(item, Section):
            counters.sections[depth] += 1
            ordinal = _heading_ordinal(
                depth + 1, counters.sections[depth], item.heading, counters.typed
            )
            runs = [Run(ordinal), Run(item.heading)] if ordinal else [Run(item.heading)]
            body = item.body
            if item.run_in and body and isinstance(body[0], Paragraph):
                # cl. 7.3.3 practice: the heading, then its first paragraph in 仿宋, run in
                runs.append(Run(body[0].text, StyleRole.FANG))
                blocks.append(Block(layout.HEADING_ROLES[depth], tuple(runs), path=here))
                _compose_items(
                    body[1:], depth + 1, counters, blocks, measures, f"{here}.body", offset=1
                )
                continue
            blocks.append(Block(layout.HEADING_ROLES[depth], tuple(runs), path=here))
            _compose_items(item.body, depth + 1, counters, blocks, measures, f"{here}.body")
        elif isinstance(item, Table):
            table = item if counters.notice is None else resolve_ledger(item, counters.notice)
            if table.columns:
                blocks.append(compose_table(table, counters.width_twips, here))
        else:
            counters.problems += 1
            blocks.extend(_problem(item, counters.problems, measures, here, counters.typed))


DEADLINE_LABEL = "整改时限"
"""The label of a problem's ``deadline``, set like 整改情况 on a line of its own."""
RESPONSIBLE_LABEL = "责任单位"
"""The label of a problem's ``responsible``."""


def _problem(
    problem: Problem, number: int, measures: str, path: str, typed: bool = False
) -> list[Block]:
    ordinal = _problem_label(number, problem.statement, typed)
    runs = [Run(ordinal), Run(problem.statement)] if ordinal else [Run(problem.statement)]
    if problem.description:
        runs.append(Run(problem.description))
    blocks = [Block(StyleRole.PROBLEM, tuple(runs), path=path)]
    for detail, value, field_name in (
        (DEADLINE_LABEL, problem.deadline, "deadline"),
        (RESPONSIBLE_LABEL, problem.responsible, "responsible"),
    ):
        if value:
            detail_runs = (Run(f"{detail}："), Run(value))
            here = f"{path}.{field_name}"
            blocks.append(Block(StyleRole.MEASURES_LABEL, detail_runs, path=here))
    if not problem.measures:
        return blocks
    label = Block(StyleRole.MEASURES_LABEL, (Run(f"{problem.measures_label}："),), path=path)
    blocks.append(label)
    if len(problem.measures) == 1:
        blocks.append(Block(StyleRole.MEASURE, (Run(problem.measures[0]),), path=path))
    elif measures == "run-in":
        text = run_in_measures(problem.measures, typed)
        blocks.append(Block(StyleRole.MEASURE, (Run(text),), path=path))
    else:
        blocks.extend(
            Block(
                StyleRole.MEASURE,
                (Run(lead), Run(m)) if (lead := _measure_lead(n, m, typed)) else (Run(m),),
                path=f"{path}.measures[{n - 1}]",
            )
            for n, m in enumerate(problem.measures, start=1)
        )
    return blocks


SIGNERS_PER_LINE = 2
"""cl. 7.2.6: several 签发人 names are set two a line."""

SIGNER_LABEL = "签发人："
"""The label before the names, with its full-width colon (cl. 7.2.6)."""

SIGNER_SEPARATOR = "\u3000"
"""Between two names on a line: one full-width space (一字)."""


SIGNER_SLACK_TWIPS = 20
"""Room left after the last name (0.35 mm): with none, rounding in the word processor pushes
the last character onto a line of its own (measured)."""


def _advance_twips(chars: float) -> int:
    """The width of ``chars`` 字 of tracked 16 pt body text (15.75 pt each), in twips.

    >>> _advance_twips(4)
    1260
    """
    return round(chars * layout.BODY_CHAR_ADVANCE_PT * layout.TWIPS_PER_PT)


def signer_blocks(number: str, signers: list[str]) -> list[Block]:
    """The 发文字号 and 签发人 lines of an upward document (上行文, cl. 7.2.5, 7.2.6).

    The 字号 is 左空一字 (the style's left indent) and "签发人：" plus the names end 右空一字: a
    left tab stop where the label starts puts them there. Names go two a line; continuation
    lines align with the first name, and the 字号 stands on the line of the last names.

    >>> [b.text for b in signer_blocks("X发〔2023〕5号", ["王建国", "刘晓梅"])]
    ['X发〔2023〕5号\\t签发人：王建国\\u3000刘晓梅']
    >>> signer_blocks("X发〔2023〕5号", ["王建国", "刘晓梅"])[0].tab_stops_twips
    (5040,)
    >>> [b.text for b in signer_blocks("X发〔2023〕5号", ["王建国", "刘晓梅", "张三"])]
    ['\\t签发人：王建国\\u3000刘晓梅', 'X发〔2023〕5号\\t张三']
    """
    lines = [
        SIGNER_SEPARATOR.join(signers[i : i + SIGNERS_PER_LINE])
        for i in range(0, len(signers), SIGNERS_PER_LINE)
    ]
    names_width = _advance_twips(max(text_width_chars(line) for line in lines))
    right_edge = layout.TYPE_AREA_WIDTH_TWIPS - layout.chars_to_twips(
        layout.SIGNER_RIGHT_INDENT_CHARS
    )
    names_start = right_edge - names_width - SIGNER_SLACK_TWIPS
    label_start = names_start - _advance_twips(text_width_chars(SIGNER_LABEL))
    blocks = []
    for index, names in enumerate(lines):
        first, last = index == 0, index == len(lines) - 1
        label = SIGNER_LABEL if first else ""
        runs = (
            Run(number if last else ""),
            Run("\t" + label),
            Run(names, StyleRole.SIGNER_NAME),
        )
        stop = label_start if first else names_start
        blocks.append(
            Block(
                StyleRole.SIGNER,
                tuple(r for r in runs if r.text),
                tab_stops_twips=(stop,),
                path="header.signers",
            )
        )
    return blocks


WENJIAN = "文件"
"""The word after the organ names in a 发文机关标志 (cl. 7.2.4)."""


def compose_header(header: Header) -> list[Block | JointIssuerMark]:
    """The 版头 (cl. 7.2): 份号, 密级, 紧急程度, 标志, 字号 and 签发人, and the red rule."""
    blocks: list[Block | JointIssuerMark] = []
    if header.copy_number:
        blocks.append(Block(StyleRole.COPY_NUMBER, (Run(header.copy_number),), path="header"))
    if header.classification:
        c = header.classification
        text = c.level.value + (f"★{c.period}" if c.period else "")
        blocks.append(Block(StyleRole.CLASSIFICATION, (Run(text),), path="header.classification"))
    if header.urgency:
        blocks.append(Block(StyleRole.URGENCY, (Run(header.urgency.value),), path="header.urgency"))
    if header.issuer_mark:
        mark = header.issuer_mark
        before = issuer_mark_space_before_twips(len(blocks))
        if mark.with_wenjian and len(mark.organs) > 1:
            blocks.append(JointIssuerMark(tuple(mark.organs), WENJIAN, before))
        else:
            suffix = WENJIAN if mark.with_wenjian else ""
            text = "\n".join(mark.organs) + suffix
            blocks.append(
                Block(
                    StyleRole.ISSUER_MARK,
                    (Run(title_text(text, layout.ISSUER_MARK_CHARS_PER_LINE)),),
                    space_before_twips=before,
                    path="header.issuer_mark",
                )
            )
        blocks += blank(2)  # 发文字号 two lines below the 标志 (cl. 7.2.5)
    number = str(header.document_number) if header.document_number else ""
    if header.signers:
        blocks += signer_blocks(number, list(header.signers))
    elif number:
        blocks.append(
            Block(StyleRole.DOCUMENT_NUMBER, (Run(number),), path="header.document_number")
        )
    if header.issuer_mark or number:
        # 4 mm below the 字号 (cl. 7.2.7).
        blocks.append(
            Block(StyleRole.RED_RULE, space_before_twips=RED_RULE_SPACE_BEFORE_TWIPS, path="header")
        )
    return blocks


def compose_signature(signature: Signature, numerals: str) -> list[Block]:
    """署名 and 成文日期 (cl. 7.3.5), placed by :func:`signature_indents`."""
    date_text = format_date(
        signature.date, numerals="chinese" if numerals == "chinese" else "arabic"
    )
    organ_widths = [set_width_chars(o) for o in signature.organs]
    organ_indents, date_indent = signature_indents(
        organ_widths, set_width_chars(date_text), sealed=signature.sealed
    )
    # Sealed: room for the seal above the 署名; unsealed: one blank line (cl. 7.3.5.2).
    blocks = blank(SEALED_BLANK_LINES if signature.sealed else 1)
    blocks += [
        Block(StyleRole.SIGNATURE, (Run(o),), right_indent_chars=i, path="signature.organs")
        for o, i in zip(signature.organs, organ_indents, strict=True)
    ]
    blocks.append(
        Block(
            StyleRole.SIGNATURE_DATE,
            (Run(date_text),),
            right_indent_chars=date_indent,
            path="signature.date",
        )
    )
    return blocks


def keep_signature_with_text(elements: list[Element], start: int) -> None:
    """Keep the signature block that begins at ``elements[start]`` with the text before it.

    cl. 7.3.5.5: the seal and the date never stand on a page without body text. Every
    paragraph from the last one with text before the signature (body, 联系方式 or 附件说明)
    through the last 署名 keeps with the next, so when the block does not fit, the text's last
    line moves with it (widow control is off: one line moves, see the README's layout notes).

    >>> out = [Block(StyleRole.NORMAL, (Run("正文。"),)), *blank(2)]
    >>> out += [Block(StyleRole.SIGNATURE, (Run("某党委"),)), Block(StyleRole.SIGNATURE_DATE)]
    >>> keep_signature_with_text(out, 1)
    >>> [b.keep_with_next for b in out if isinstance(b, Block)]
    [True, True, True, True, False]
    """
    text = start - 1
    while text > 0 and _is_blank(elements[text]):
        text -= 1
    for index in range(max(text, 0), len(elements) - 1):
        element = elements[index]
        if isinstance(element, Block):
            elements[index] = replace(element, keep_with_next=True)


def _is_blank(element: Element) -> bool:
    return isinstance(element, Block) and not element.text


def compose_imprint(copy_to: list[str], printer: str, print_date: date) -> ImprintBlock:
    """The 版记 rows: 抄送 (ending in 。, cl. 7.4.2), then 印发机关 and 印发日期 (cl. 7.4.3)."""
    rows = []
    if copy_to:
        rows.append(Block(StyleRole.IMPRINT_COPY_TO, (Run("抄送：" + "，".join(copy_to) + "。"),)))
    date_text = format_date(print_date) + "印发"
    rows.append(Block(StyleRole.IMPRINT_PRINTER, (Run(printer), Run("\t" + date_text))))
    return ImprintBlock(tuple(rows))


def compose(notice: Notice) -> list[Element]:
    """Every block of a notice, in reading order.

    The special formats of cl. 10 (信函, 命令（令）, 纪要) and seals come from
    :mod:`gongwen.special_formats` and :mod:`gongwen.signing`, which build on this module's
    blocks and so are imported here, when a notice needs them.
    """
    kind = notice.presentation.format
    out: list[Element] = []
    if kind != "standard":
        from gongwen import special_formats

        out += special_formats.compose_head(notice)
    else:
        if notice.header is not None:
            out += compose_header(notice.header)
            out += blank(2)  # the title two lines below the red rule (cl. 7.3.1)
        out.append(Block(StyleRole.TITLE, (Run(title_text(notice.title)),), path="title"))
        out += blank(1)  # 主送机关 one line below the title (cl. 7.3.2)
    if notice.addressees:
        text = "、".join(notice.addressees) + "："
        out.append(Block(StyleRole.ADDRESSEE, (Run(text),), path="addressees"))
    measures = notice.presentation.measures
    top = notice.presentation.top_level
    out += compose_body(notice.body, measures, top_level=top, notice=notice)
    if notice.contact:
        out.append(Block(StyleRole.CONTACT, (Run(contact_text(notice.contact)),), path="contact"))
    if notice.attachments:
        out += blank(1)  # 附件说明 one line below the body (cl. 7.3.4)
        note = attachment_note(notice.attachments)
        out.append(Block(StyleRole.ATTACHMENT_NOTE, (Run(note),), path="attachments"))
    if notice.attendance is not None:
        from gongwen import special_formats

        out += special_formats.compose_attendance(notice.attendance)
    if notice.signature:
        signature, numerals = notice.signature, notice.presentation.date_numerals
        start = len(out)
        if signature.seals or signature.signer_title is not None:
            from gongwen import signing

            out += signing.compose_signature_with_seals(signature, numerals)
        else:
            out += compose_signature(signature, numerals)
        keep_signature_with_text(out, start)
    if notice.note:
        out.append(Block(StyleRole.NOTE, (Run(f"（{notice.note}）"),), path="note"))
    bound = [(i, a) for i, a in enumerate(notice.attachments) if a.body]
    orientation = "portrait"
    for index, attachment in bound:
        here = f"attachments[{index}]"
        label = attachment_label(index + 1, len(notice.attachments))
        turned = attachment.orientation != orientation
        if turned:  # a section of its own: 横排 pages (cl. 8), or back to portrait
            out.append(SectionBreak(orientation))
            orientation = attachment.orientation
        out.append(
            Block(
                StyleRole.ATTACHMENT_LABEL, (Run(label),), page_break_before=not turned, path=here
            )
        )
        out += blank(1)  # the title on line 3 (cl. 7.3.7)
        title = Run(title_text(attachment.title))
        out.append(Block(StyleRole.ATTACHMENT_TITLE, (title,), path=f"{here}.title"))
        out += blank(1)
        width = (
            layout.LANDSCAPE_TYPE_AREA_WIDTH_TWIPS
            if orientation == "landscape"
            else layout.TYPE_AREA_WIDTH_TWIPS
        )
        out += compose_body(
            attachment.body, measures, f"{here}.body", top, notice=notice, width_twips=width
        )
    if orientation == "landscape":
        out.append(SectionBreak("landscape"))
    if notice.imprint:
        i = notice.imprint
        if kind == "letter":
            from gongwen import special_formats

            out += special_formats.letter_imprint(list(i.copy_to))
        else:
            out.append(compose_imprint(list(i.copy_to), i.printer, i.print_date))
    return out


PUBLISHED_PROPERTY = "gongwen.published"
"""Custom property: the notice's 发布日期 (ISO), which the page does not show."""
STATUSES_PROPERTY = "gongwen.statuses"
"""Custom property: each problem's status in document order, comma-separated, empty for none."""
FORMAT_PROPERTY = "gongwen.format"
"""Custom property: a special format of cl. 10 (``letter``, ``order``, ``minutes``)."""
UNPRINTED_PROPERTIES = {
    "title": "gongwen.title",
    "printer": "gongwen.imprint.printer",
    "print_date": "gongwen.imprint.print_date",
    "signer_name": "gongwen.signature.signer_name",
}
"""Custom properties for what a special format does not print, so that it reads back: an
order's title (cl. 10.2), a letter's 印发机关 and 印发日期 (cl. 10.1), and the 签发人's name
where a 签名章 image stands for it (cl. 7.3.5.3)."""


def unprinted_values(notice: Notice) -> dict[str, str]:
    """The custom properties a notice needs beyond the 发布日期 and statuses.

    >>> n = Notice(title="某市人民政府令", body=["p"], presentation={"format": "order"},
    ...            header={"issuer_mark": {"organs": ["某市人民政府"]}, "order_number": 3})
    >>> unprinted_values(n)
    {'gongwen.format': 'order', 'gongwen.title': '某市人民政府令'}
    """
    kind = notice.presentation.format
    if kind == "standard" and not (notice.signature and notice.signature.seals):
        return {}
    values: dict[str, str] = {FORMAT_PROPERTY: kind} if kind != "standard" else {}
    if kind == "order":
        values[UNPRINTED_PROPERTIES["title"]] = notice.title
    if kind == "letter" and notice.imprint is not None:
        values[UNPRINTED_PROPERTIES["printer"]] = notice.imprint.printer
        values[UNPRINTED_PROPERTIES["print_date"]] = notice.imprint.print_date.isoformat()
    signature = notice.signature
    if signature and signature.seals and signature.signer_name is not None:
        values[UNPRINTED_PROPERTIES["signer_name"]] = signature.signer_name
    return values


BROKEN_TITLES_PROPERTY = "gongwen.broken_titles"
"""Custom property: the fields given as one line that :func:`title_text` broke into several
(``title``, ``attachments[0].title``, ``header.issuer_mark``), comma-separated, so that a
reader joins their lines again."""


def broken_titles(notice: Notice) -> list[str]:
    """The paths of the titles given as one line and set as several (:func:`title_text`).

    >>> broken_titles(Notice(title="建新社区综合党委关于巡察整改进展情况的通报", body=["p"]))
    ['title']
    >>> broken_titles(Notice(title="关于巡察整改进展情况的通报", body=["p"]))
    []
    """
    texts = [("title", notice.title, layout.TITLE_CHARS_PER_LINE)]
    texts += [
        (f"attachments[{i}].title", a.title, layout.TITLE_CHARS_PER_LINE)
        for i, a in enumerate(notice.attachments)
        if a.body
    ]
    mark = notice.header.issuer_mark if notice.header else None
    if mark is not None and not (mark.with_wenjian and len(mark.organs) > 1):
        text = "\n".join(mark.organs) + (WENJIAN if mark.with_wenjian else "")
        texts.append(("header.issuer_mark", text, layout.ISSUER_MARK_CHARS_PER_LINE))
    return [path for path, text, capacity in texts if title_text(text, capacity) != text]


def problem_statuses(notice: Notice) -> list[str]:
    """The status of every problem, body then attachments, ``""`` where there is none.

    >>> n = Notice(title="T", body=[{"problem": {"statement": "甲。", "status": "已完成"}},
    ...                              {"problem": {"statement": "乙。"}}])
    >>> problem_statuses(n)
    ['已完成', '']
    """
    bodies = [notice.body, *(a.body for a in notice.attachments)]
    return [
        item.status.value if item.status else ""
        for body in bodies
        for _, item in walk(body)
        if isinstance(item, Problem)
    ]


__all__ = [
    "AUTOSPACE_CHARS",
    "MARK_LINES",
    "PUBLISHED_PROPERTY",
    "RED_RULE_SPACE_BEFORE_TWIPS",
    "SEALED_BLANK_LINES",
    "SENTENCE_END",
    "SIGNERS_PER_LINE",
    "SIGNER_LABEL",
    "SIGNER_SEPARATOR",
    "SIGNER_SLACK_TWIPS",
    "STATUSES_PROPERTY",
    "WENJIAN",
    "Block",
    "Element",
    "ImprintBlock",
    "JointIssuerMark",
    "Run",
    "attachment_note",
    "blank",
    "compose",
    "compose_body",
    "compose_header",
    "compose_imprint",
    "compose_signature",
    "contact_text",
    "issuer_mark_space_before_twips",
    "paragraphs",
    "problem_statuses",
    "run_in_measures",
    "set_width_chars",
    "signature_indents",
    "signer_blocks",
    "text_width_chars",
]
