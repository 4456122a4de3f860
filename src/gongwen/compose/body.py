"""The 正文 (cl. 7.3.3) as blocks: headings with derived ordinals, problems numbered across the
body, 一是/二是 leads, tables laid out to the 版心; and the 联系方式 and 附件说明 lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongwen import layout
from gongwen.compose.blocks import Block, Run, TableCell, TableLayout
from gongwen.layout import StyleRole
from gongwen.model import (
    Attachment,
    BodyItem,
    Contact,
    Notice,
    Paragraph,
    Problem,
    Section,
    Table,
)
from gongwen.numbering import (
    heading_ordinal,
    measure_lead,
    parse_heading_ordinal,
    parse_measure_lead,
    problem_label,
)
from gongwen.tables import column_alignments, column_widths_twips, header_grid, resolve_ledger
from gongwen.typed_ordinals import typed_problem_label

SENTENCE_END = "。；！？"


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
    if typed and typed_problem_label(statement, expected=number) is not None:
        return ""
    return problem_label(number)


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


__all__ = [
    "DEADLINE_LABEL",
    "NOTE_LEAD",
    "RESPONSIBLE_LABEL",
    "SENTENCE_END",
    "attachment_note",
    "compose_body",
    "compose_table",
    "contact_text",
    "run_in_measures",
]
