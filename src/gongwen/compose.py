"""Model → a flat list of blocks (style role + runs): every layout decision, on plain data.

The renderer turns blocks into .docx paragraphs almost mechanically; what goes where — which
ordinal a heading gets, where 一是 goes, how the signature sits over the date — is decided
here and can be tested without opening a document.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

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
)
from gongwen.numbering import attachment_label, heading_ordinal, measure_lead, problem_label

HEADING_ROLES = layout.HEADING_ROLES

SENTENCE_END = "。；！？"

SEALED_BLANK_LINES = 2
"""Lines left between the body and a sealed 署名 for the seal ([practice]: cl. 7.3.5.1 only asks
that the seal's top come within one line of the body, and a 42 mm seal centred just above the
署名 reaches about two lines up)."""


def issuer_mark_space_before_twips(lines_above: int) -> int:
    """Space above the 发文机关标志 so that its top is 35 mm below the type area's top (cl. 7.2.4).

    ``lines_above`` is the number of grid lines taken by 份号, 密级 and 紧急程度 above it.

    >>> issuer_mark_space_before_twips(0)  # 35 mm = 1984 twips
    1984
    >>> issuer_mark_space_before_twips(3)  # 1984 - 3 x 579
    247
    """
    offset = layout.mm_to_twips(layout.ISSUER_MARK_TOP_OFFSET_MM)
    return max(0, offset - lines_above * layout.LINE_PITCH_TWIPS)


@dataclass(frozen=True)
class Run:
    """A stretch of text in one character style (``None``: the paragraph's own).

    ``\\n`` in the text is a line break, ``\\t`` a tab.
    """

    text: str
    style: StyleRole | None = None


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
    path: str = ""
    """The model field this block renders, e.g. ``body[1].section.heading``."""

    @property
    def text(self) -> str:
        """The paragraph's text, runs joined."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Imprint:
    """The 版记 (cl. 7.4): rows between rules, anchored to the foot of the last page."""

    rows: tuple[Block, ...]


Element = Block | Imprint


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


def run_in_measures(measures: list[str]) -> str:
    """Measures run together in one paragraph: 一是……；二是……。

    >>> run_in_measures(["加强学习。", "完善制度", "严格考核！"])
    '一是加强学习；二是完善制度；三是严格考核。'
    """
    parts = []
    for number, measure in enumerate(measures, start=1):
        body = measure.rstrip(SENTENCE_END)
        parts.append(measure_lead(number) + body)
    return "；".join(parts) + "。"


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


def compose_body(items: list[BodyItem], measures: str, path: str = "body") -> list[Block]:
    """Blocks of a body: headings with derived ordinals, problems numbered across it.

    >>> from gongwen.model import Notice
    >>> n = Notice(title="T", body=[{"section": {"heading": "总体情况", "body": [
    ...     {"problem": {"statement": "学习不够。", "measures": ["加强学习。", "完善制度。"]}}]}}])
    >>> [b.text for b in compose_body(n.body, "paragraphs")]
    ['一、总体情况', '问题1：学习不够。', '整改情况：', '一是加强学习。', '二是完善制度。']
    """
    counters = _Counters()
    blocks: list[Block] = []
    _compose_items(items, 0, counters, blocks, measures, path)
    return blocks


def _compose_items(
    items: list[BodyItem],
    depth: int,
    counters: _Counters,
    blocks: list[Block],
    measures: str,
    path: str,
) -> None:
    counters.sections[depth:] = [0] * (len(counters.sections) - depth)
    for index, item in enumerate(items):
        here = f"{path}[{index}].{item.kind}"
        if isinstance(item, Paragraph):
            blocks.append(Block(StyleRole.NORMAL, (Run(item.text),), path=here))
        elif isinstance(item, Section):
            counters.sections[depth] += 1
            ordinal = heading_ordinal(depth + 1, counters.sections[depth])
            blocks.append(Block(HEADING_ROLES[depth], (Run(ordinal), Run(item.heading)), path=here))
            _compose_items(item.body, depth + 1, counters, blocks, measures, f"{here}.body")
        else:
            counters.problems += 1
            blocks.extend(_problem(item, counters.problems, measures, here))


def _problem(problem: Problem, number: int, measures: str, path: str) -> list[Block]:
    runs = [Run(problem_label(number)), Run(problem.statement)]
    if problem.description:
        runs.append(Run(problem.description))
    blocks = [Block(StyleRole.PROBLEM, tuple(runs), path=path)]
    if not problem.measures:
        return blocks
    label = Block(StyleRole.RECTIFICATION_LABEL, (Run(f"{problem.measures_label}："),), path=path)
    blocks.append(label)
    if len(problem.measures) == 1:
        blocks.append(Block(StyleRole.MEASURE, (Run(problem.measures[0]),), path=path))
    elif measures == "run-in":
        text = run_in_measures(problem.measures)
        blocks.append(Block(StyleRole.MEASURE, (Run(text),), path=path))
    else:
        blocks.extend(
            Block(
                StyleRole.MEASURE, (Run(measure_lead(n)), Run(m)), path=f"{path}.measures[{n - 1}]"
            )
            for n, m in enumerate(problem.measures, start=1)
        )
    return blocks


def compose_header(header: Header) -> list[Block]:
    """The 版头 (cl. 7.2): 份号, 密级, 紧急程度, 标志, 字号 and 签发人, and the red rule."""
    blocks: list[Block] = []
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
        lines = list(mark.organs)
        if mark.with_wenjian:
            lines[0] += "文件" if len(lines) == 1 else ""
            if len(lines) > 1:
                lines.append("文件")
        before = issuer_mark_space_before_twips(len(blocks))
        blocks.append(
            Block(
                StyleRole.ISSUER_MARK,
                (Run("\n".join(lines)),),
                space_before_twips=before,
                path="header.issuer_mark",
            )
        )
        blocks += blank(2)  # 发文字号 two lines below the 标志 (cl. 7.2.5)
    number = str(header.document_number) if header.document_number else ""
    if header.signers:
        names = "　".join(header.signers)
        runs = (Run(number), Run("\t签发人："), Run(names, StyleRole.SIGNER_NAME))
        blocks.append(Block(StyleRole.SIGNER, runs, path="header.signers"))
    elif number:
        blocks.append(
            Block(StyleRole.DOCUMENT_NUMBER, (Run(number),), path="header.document_number")
        )
    if header.issuer_mark or number:
        blocks.append(Block(StyleRole.RED_RULE, path="header"))  # 4 mm below the 字号 (cl. 7.2.7)
    return blocks


def compose_signature(signature: Signature, numerals: str) -> list[Block]:
    """署名 and 成文日期 (cl. 7.3.5), placed by :func:`signature_indents`."""
    date_text = format_date(
        signature.date, numerals="chinese" if numerals == "chinese" else "arabic"
    )
    organ_widths = [text_width_chars(o) for o in signature.organs]
    organ_indents, date_indent = signature_indents(
        organ_widths, text_width_chars(date_text), sealed=signature.sealed
    )
    # Sealed: room for the seal above the 署名; unsealed: one blank line (cl. 7.3.5.2).
    blocks = blank(SEALED_BLANK_LINES if signature.sealed else 1)
    blocks += [
        Block(StyleRole.SIGNATURE, (Run(o),), right_indent_chars=i, path="signature.organs")
        for o, i in zip(signature.organs, organ_indents, strict=True)
    ]
    blocks.append(
        Block(
            StyleRole.DATE, (Run(date_text),), right_indent_chars=date_indent, path="signature.date"
        )
    )
    return blocks


def compose_imprint(copy_to: list[str], printer: str, print_date: date) -> Imprint:
    """The 版记 rows: 抄送 (ending in 。, cl. 7.4.2), then 印发机关 and 印发日期 (cl. 7.4.3)."""
    rows = []
    if copy_to:
        rows.append(Block(StyleRole.IMPRINT_COPY_TO, (Run("抄送：" + "，".join(copy_to) + "。"),)))
    date_text = format_date(print_date) + "印发"
    rows.append(Block(StyleRole.IMPRINT_PRINTER, (Run(printer), Run("\t" + date_text))))
    return Imprint(tuple(rows))


def compose(notice: Notice) -> list[Element]:
    """Every block of a notice, in reading order."""
    out: list[Element] = []
    if notice.header is not None:
        out += compose_header(notice.header)
        out += blank(2)  # the title two lines below the red rule (cl. 7.3.1)
    out.append(Block(StyleRole.TITLE, (Run("\n".join(notice.title_lines)),), path="title"))
    out += blank(1)  # 主送机关 one line below the title (cl. 7.3.2)
    if notice.addressees:
        text = "、".join(notice.addressees) + "："
        out.append(Block(StyleRole.ADDRESSEE, (Run(text),), path="addressees"))
    measures = notice.presentation.measures
    out += compose_body(notice.body, measures)
    if notice.contact:
        out.append(Block(StyleRole.CONTACT, (Run(contact_text(notice.contact)),), path="contact"))
    if notice.attachments:
        out += blank(1)  # 附件说明 one line below the body (cl. 7.3.4)
        note = attachment_note(notice.attachments)
        out.append(Block(StyleRole.ATTACHMENT_NOTE, (Run(note),), path="attachments"))
    if notice.signature:
        out += compose_signature(notice.signature, notice.presentation.date_numerals)
    if notice.note:
        out.append(Block(StyleRole.NOTE, (Run(f"（{notice.note}）"),), path="note"))
    bound = [(i, a) for i, a in enumerate(notice.attachments) if a.body]
    for index, attachment in bound:
        here = f"attachments[{index}]"
        label = attachment_label(index + 1, len(notice.attachments))
        out.append(
            Block(StyleRole.ATTACHMENT_LABEL, (Run(label),), page_break_before=True, path=here)
        )
        out += blank(1)  # the title on line 3 (cl. 7.3.7)
        title = Run(attachment.title)
        out.append(Block(StyleRole.ATTACHMENT_TITLE, (title,), path=f"{here}.title"))
        out += blank(1)
        out += compose_body(attachment.body, measures, f"{here}.body")
    if notice.imprint:
        i = notice.imprint
        out.append(compose_imprint(list(i.copy_to), i.printer, i.print_date))
    return out
