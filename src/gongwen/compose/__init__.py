"""Model → a flat list of blocks (style role + runs): every layout decision, on plain data.

The renderer turns blocks into .docx paragraphs almost mechanically; what goes where — which
ordinal a heading gets, where 一是 goes, how the signature sits over the date — is decided
here and can be tested without opening a document.

:func:`compose` puts the parts together: the blocks themselves (:mod:`~gongwen.compose.blocks`),
the 版头 (:mod:`~gongwen.compose.header`), the 正文 (:mod:`~gongwen.compose.body`), the 署名
and 成文日期 (:mod:`~gongwen.compose.signature`) and the custom properties that carry what the
page does not show (:mod:`~gongwen.compose.properties`). Every name of those modules can be
imported from here.
"""

from __future__ import annotations

from datetime import date

from gongwen import layout
from gongwen.compose.blocks import (
    AUTOSPACE_CHARS,
    MARK_LINES,
    Block,
    Element,
    Frame,
    ImprintBlock,
    JointIssuerMark,
    Rule,
    Run,
    SealPicture,
    SectionBreak,
    TableCell,
    TableLayout,
    blank,
    paragraphs,
    set_width_chars,
    text_width_chars,
    title_text,
)
from gongwen.compose.body import (
    DEADLINE_LABEL,
    NOTE_LEAD,
    RESPONSIBLE_LABEL,
    SENTENCE_END,
    attachment_note,
    compose_body,
    compose_table,
    contact_text,
    run_in_measures,
)
from gongwen.compose.header import (
    RED_RULE_SPACE_BEFORE_TWIPS,
    SIGNER_LABEL,
    SIGNER_SEPARATOR,
    SIGNER_SLACK_TWIPS,
    SIGNERS_PER_LINE,
    WENJIAN,
    compose_header,
    issuer_mark_space_before_twips,
    signer_blocks,
)
from gongwen.compose.properties import (
    BROKEN_TITLES_PROPERTY,
    FORMAT_PROPERTY,
    PUBLISHED_PROPERTY,
    STATUSES_PROPERTY,
    UNPRINTED_PROPERTIES,
    broken_titles,
    problem_statuses,
    unprinted_values,
)
from gongwen.compose.signature import (
    SEALED_BLANK_LINES,
    compose_signature,
    keep_signature_with_text,
    signature_indents,
)
from gongwen.dates import format_date
from gongwen.layout import StyleRole
from gongwen.model import Notice
from gongwen.numbering import attachment_label


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
    :mod:`gongwen.special_formats` and :mod:`gongwen.signing`, which build on this package's
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


__all__ = [
    "AUTOSPACE_CHARS",
    "BROKEN_TITLES_PROPERTY",
    "DEADLINE_LABEL",
    "FORMAT_PROPERTY",
    "MARK_LINES",
    "NOTE_LEAD",
    "PUBLISHED_PROPERTY",
    "RED_RULE_SPACE_BEFORE_TWIPS",
    "RESPONSIBLE_LABEL",
    "SEALED_BLANK_LINES",
    "SENTENCE_END",
    "SIGNERS_PER_LINE",
    "SIGNER_LABEL",
    "SIGNER_SEPARATOR",
    "SIGNER_SLACK_TWIPS",
    "STATUSES_PROPERTY",
    "UNPRINTED_PROPERTIES",
    "WENJIAN",
    "Block",
    "Element",
    "Frame",
    "ImprintBlock",
    "JointIssuerMark",
    "Rule",
    "Run",
    "SealPicture",
    "SectionBreak",
    "TableCell",
    "TableLayout",
    "attachment_note",
    "blank",
    "broken_titles",
    "compose",
    "compose_body",
    "compose_header",
    "compose_imprint",
    "compose_signature",
    "compose_table",
    "contact_text",
    "issuer_mark_space_before_twips",
    "keep_signature_with_text",
    "paragraphs",
    "problem_statuses",
    "run_in_measures",
    "set_width_chars",
    "signature_indents",
    "signer_blocks",
    "text_width_chars",
    "title_text",
    "unprinted_values",
]
