"""Build templates/notice.docx, the slim GB/T 9704 style template, byte-identically on every run."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips
from lxml import etree

from gongwen import layout
from gongwen.layout import StyleRole

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "templates" / "notice.docx"
REVIEW_DIR = Path(__file__).resolve().parent / "template"
"""The template kept unzipped for review: each part of the zip as a file of the same path, its
XML indented one element a line, so that ``git diff`` shows a change to the styles, the
section or the footers as text (tests/write/test_template_parts.py checks they agree)."""
_REVIEW_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

# Every zip entry gets this date (the earliest a zip can hold, and what Word writes), and
# docProps/core.xml these timestamps: the renderer overwrites both with the notice's own date.
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
CORE_TIMESTAMP = dt.datetime(2012, 7, 1, tzinfo=dt.UTC)  # the day GB/T 9704-2012 took effect

# Parts of python-docx's default template a notice does not use. stylesWithEffects.xml is a
# stale 438 kB copy of the old styles that Word may call unreadable once styles.xml changes
# (docx-notes.md). The theme stays: Open XML validators (openxml-audit) expect the main part
# to have one, so only its font scheme is changed (chinese_theme_fonts) and nothing refers
# to it.
STYLES_WITH_EFFECTS_REL = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
DROPPED_DOCUMENT_RELS = (
    STYLES_WITH_EFFECTS_REL,
    RT.WEB_SETTINGS,
    RT.CUSTOM_XML,
    RT.NUMBERING,
    RT.GLOSSARY_DOCUMENT,
)
DROPPED_PACKAGE_RELS = (RT.THUMBNAIL, RT.CUSTOM_XML)
# settings.xml children that are editing history or point at dropped parts.
DROPPED_SETTINGS = (
    "w:rsids",
    "w:attachedTemplate",
    "w:proofState",
    "w:savePreviewPicture",
    "w:shapeDefaults",
    "w14:docId",
    "m:mathPr",
)
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")


# --- small element builders ----------------------------------------------------------------
def w(tag: str, children: Iterable[BaseOxmlElement] = (), /, **attrs: str) -> BaseOxmlElement:
    """A WordprocessingML element ``tag`` with ``w:``-prefixed ``attrs`` and ``children``."""
    element = OxmlElement(tag, attrs={qn(f"w:{name}"): value for name, value in attrs.items()})
    for child in children:
        element.append(child)
    return element  # type: ignore[return-value]


def indent(
    *,
    first: float | None = None,
    hanging: float | None = None,
    left: float | None = None,
    right: float | None = None,
    chars: bool = True,
    char_twips: int = layout.CHAR_WIDTH_TWIPS,
) -> dict[str, str]:
    """``w:ind`` attributes for indents given in 字: ``*Chars`` (if ``chars``) plus twips.

    Word gives ``*Chars`` precedence and its character unit follows the font size, so it is
    written only for 16 pt styles, where it agrees with the twips value (1 字 = 320 twips).
    """
    attrs: dict[str, str] = {}
    for name, value in (("left", left), ("right", right), ("hanging", hanging)):
        if value is not None:
            if chars:
                attrs[f"{name}Chars"] = str(round(value * 100))
            attrs[name] = str(layout.chars_to_twips(value, char_twips))
    if first is not None:
        if chars:
            attrs["firstLineChars"] = str(round(first * 100))
        attrs["firstLine"] = str(layout.chars_to_twips(first, char_twips))
    return attrs


NO_INDENT = indent(first=0)  # overrides Normal's 2 字, both as *Chars and as twips


@dataclass(frozen=True)
class Fonts:
    """The four w:rFonts slots: a Chinese face for East Asian text and for hAnsi, so that
    “” —— …… (which Word assigns to hAnsi) stay Chinese, and a Latin face for ASCII."""

    east_asia: str
    latin: str = layout.LATIN_FONT

    def element(self) -> BaseOxmlElement:
        return w(
            "w:rFonts",
            ascii=self.latin,
            hAnsi=self.east_asia,
            eastAsia=self.east_asia,
            cs=self.latin,
            hint="eastAsia",
        )


FANGSONG = Fonts(layout.FANGSONG_FONT)
XIAOBIAOSONG = Fonts(layout.TITLE_FONT)
HEITI = Fonts(layout.HEI_FONT)
KAITI = Fonts(layout.KAI_FONT)
# cl. 7.5 asks for 半角宋体 digits, so every slot, ASCII included, is 宋体.
SONGTI_ALL = Fonts(layout.PAGE_NUMBER_FONT, latin=layout.PAGE_NUMBER_FONT)

# Body line height. The section's docGrid (type "lines", pitch 588) already puts every 16 pt
# line on a 29.4 pt pitch in Word and in LibreOffice 7.4 (22 lines a page is measured), so
# body-like styles do not add an exact line spacing of their own: exact spacing everywhere
# is what blows up table rows and footers (field-lessons.md), and a 22 pt title that snaps to
# two grid lines keeps the page on the grid. Only lines that must NOT follow the grid (page
# number, red rule, 版记) carry an exact height.
BODY_SPACING = {"before": "0", "after": "0"}
IMPRINT_LINE_TWIPS = layout.LINE_PITCH_TWIPS


@dataclass(frozen=True)
class StyleDef:
    """One style of the template; fields left at None are inherited."""

    role: StyleRole
    name: str
    fonts: Fonts
    kind: Literal["paragraph", "character"] = "paragraph"
    based_on: str | None = StyleRole.NORMAL.value
    next_style: str | None = None
    size_pt: float | None = layout.BODY_SIZE_PT
    # w:spacing w:val in twentieths of a point: -5 on every 16 pt style, so 28 characters fit.
    tracking: int | None = layout.BODY_TRACKING_TWIPS
    color: str | None = None
    not_bold: bool = False
    jc: str | None = "both"
    ind: dict[str, str] | None = field(default_factory=lambda: indent(first=2))
    spacing: dict[str, str] | None = None
    keep_next: bool = False
    outline_level: int | None = None
    snap_to_grid: bool | None = None  # None: the default (on)
    bottom_border: tuple[int, str] | None = None  # (w:sz in eighths of a point, colour)
    tabs: Sequence[tuple[str, int]] = ()


def body_like(role: StyleRole, **overrides: object) -> StyleDef:
    """A 3号仿宋 style justified with the 2 字 first-line indent of cl. 7.3.3."""
    return StyleDef(role, role.value, FANGSONG, **overrides)  # type: ignore[arg-type]


def centred_title(role: StyleRole) -> StyleDef:
    """2号小标宋, centred, no indent, not bold (cl. 7.3.1; also the 附件标题 of cl. 7.3.7).

    A 22 pt line is taller than one 29.4 pt grid line and snaps to two.
    """
    return StyleDef(
        role,
        role.value,
        XIAOBIAOSONG,
        size_pt=layout.TITLE_SIZE_PT,
        tracking=0,
        not_bold=True,
        jc="center",
        ind=NO_INDENT,
    )


def page_number_style(role: StyleRole, jc: str, ind: dict[str, str]) -> StyleDef:
    """4号宋体 (all four slots) on an exact 14 pt line, off the grid (cl. 7.5)."""
    return StyleDef(
        role,
        role.value,
        SONGTI_ALL,
        based_on=None,
        size_pt=layout.PAGE_NUMBER_SIZE_PT,
        tracking=None,
        jc=jc,
        ind=ind,
        spacing={
            "before": "0",
            "after": "0",
            "line": str(layout.FOOTER_LINE_HEIGHT_TWIPS),
            "lineRule": "exact",
        },
        snap_to_grid=False,
    )


def character_style(role: StyleRole, fonts: Fonts) -> StyleDef:
    """A character style that changes only the faces."""
    return StyleDef(
        role,
        role.value,
        fonts,
        kind="character",
        based_on="DefaultParagraphFont",
        size_pt=None,
        tracking=None,
        jc=None,
        ind=None,
    )


PAGE_SIDE = layout.PAGE_NUMBER_SIDE_INDENT_CHARS
IMPRINT_SIDE = layout.IMPRINT_SIDE_INDENT_CHARS
# "抄送：" is three 14 pt characters; continuation lines start right after it (cl. 7.4.2).
COPY_TO_LABEL_TWIPS = 3 * layout.pt_to_twips(layout.IMPRINT_SIZE_PT)  # 840
# The 印发日期 sits at the right indent (右空一字, cl. 7.4.3) on a right tab stop. Word and
# LibreOffice measure tab positions from the text column's left edge, not from the indent.
PRINTER_DATE_TAB_TWIPS = layout.TYPE_AREA_WIDTH_TWIPS - layout.chars_to_twips(IMPRINT_SIDE)  # 8525

STYLES: tuple[StyleDef, ...] = (
    # 正文 (cl. 7.3.3): 3号仿宋, 左空二字, justified, tracked to 28 characters a line.
    StyleDef(
        StyleRole.NORMAL,
        "Normal",
        FANGSONG,
        based_on=None,
        spacing=BODY_SPACING,
    ),
    # --- 版头 (cl. 7.2) ---
    # 份号 (cl. 7.2.1): six Arabic digits, flush left.
    body_like(StyleRole.COPY_NUMBER, jc="left", ind=NO_INDENT),
    # 密级和保密期限 (cl. 7.2.2) and 紧急程度 (cl. 7.2.3): 3号黑体, flush left.
    StyleDef(
        StyleRole.CLASSIFICATION, StyleRole.CLASSIFICATION.value, HEITI, jc="left", ind=NO_INDENT
    ),
    StyleDef(StyleRole.URGENCY, StyleRole.URGENCY.value, HEITI, jc="left", ind=NO_INDENT),
    # 发文机关标志 (cl. 7.2.4): red 小标宋, centred; the renderer may change the size.
    StyleDef(
        StyleRole.ISSUER_MARK,
        StyleRole.ISSUER_MARK.value,
        XIAOBIAOSONG,
        size_pt=layout.ISSUER_MARK_SIZE_PT,
        tracking=0,
        color=layout.RED_COLOR_HEX,
        not_bold=True,
        jc="center",
        ind=NO_INDENT,
    ),
    # 发文字号 (cl. 7.2.5): centred.
    body_like(StyleRole.DOCUMENT_NUMBER, jc="center", ind=NO_INDENT),
    # 发文字号 and 签发人 of an upward document (cl. 7.2.5, 7.2.6), on one line: the 字号
    # 左空一字 (this left indent, in twips only: the renderer overrides it for several
    # signers), then a tab to "签发人：" and the names, which end 右空一字. The renderer sets
    # the tab stop from the names' width; the names take the GwSignerName character style.
    # Left-aligned: justified, the tab's white space would be stretched.
    body_like(
        StyleRole.SIGNER,
        jc="left",
        ind={
            **NO_INDENT,
            **indent(left=layout.SIGNER_RIGHT_INDENT_CHARS, chars=False),
            **indent(right=layout.SIGNER_RIGHT_INDENT_CHARS),
        },
    ),
    # 红色分隔线 (cl. 7.2.7): an empty paragraph whose bottom border is the 156 mm red rule (the
    # border runs between the zero indents, i.e. across the whole 版心). Its own line is an
    # exact 1 pt, off the grid, so it adds almost nothing under the 发文字号's grid line. The
    # renderer puts it straight after the 字号 paragraph and sets w:spacing/@w:before on it to
    # 4 mm minus the white space already below the 字号's glyphs in that line.
    StyleDef(
        StyleRole.RED_RULE,
        StyleRole.RED_RULE.value,
        FANGSONG,
        size_pt=1,
        tracking=0,
        jc="center",
        ind=NO_INDENT,
        spacing={"before": "0", "after": "0", "line": "20", "lineRule": "exact"},
        snap_to_grid=False,
        bottom_border=(layout.RED_RULE_EIGHTH_PT, layout.RED_COLOR_HEX),
    ),
    # --- 主体 (cl. 7.3) ---
    # 标题 (cl. 7.3.1).
    centred_title(StyleRole.TITLE),
    # 主送机关 (cl. 7.3.2): flush left, continuation lines flush left too.
    body_like(StyleRole.ADDRESSEE, ind=NO_INDENT),
    # 层次序数 (cl. 7.3.3): Word's built-in heading names, so the navigation pane and a table
    # of contents work; 黑体 / 楷体 / 仿宋 / 仿宋, all 3号, indented like body text, not bold.
    *(
        StyleDef(
            role,
            f"heading {level + 1}",
            fonts,
            next_style=StyleRole.NORMAL.value,
            not_bold=True,
            spacing=BODY_SPACING,
            keep_next=True,
            outline_level=level,
        )
        for level, (role, fonts) in enumerate(
            zip(layout.HEADING_ROLES, (HEITI, KAITI, FANGSONG, FANGSONG), strict=True)
        )
    ),
    # 问题N： / 整改情况： / 一是……: report paragraphs, set as body text.
    body_like(StyleRole.PROBLEM),
    body_like(StyleRole.MEASURES_LABEL),
    body_like(StyleRole.MEASURE),
    # 联系方式.
    # 联系方式: left-aligned, not justified — an e-mail address cannot break, and justifying
    # the line before it spread that line's characters across the measure.
    body_like(StyleRole.CONTACT, jc="left"),
    # 附件说明 (cl. 7.3.4): "附件：" starts 左空二字, the name and its continuation lines at 5 字.
    # Left-aligned: the names are separated by line breaks, and a justified line that ends in
    # a break is stretched across the type area by LibreOffice (measured).
    body_like(
        StyleRole.ATTACHMENT_NOTE,
        jc="left",
        ind=indent(
            left=layout.ATTACHMENT_NOTE_LEFT_INDENT_CHARS,
            hanging=layout.ATTACHMENT_NOTE_HANGING_CHARS,
        ),
    ),
    # 发文机关署名 (cl. 7.3.5): right-aligned. Sealed, it is centred over the date, so the
    # renderer writes the right indent on each paragraph; the default here is the date's 4 字.
    # Twips only: a style-level rightChars would beat the renderer's direct w:right in Word.
    body_like(
        StyleRole.SIGNATURE,
        jc="right",
        ind={**NO_INDENT, **indent(right=layout.DATE_RIGHT_INDENT_CHARS, chars=False)},
    ),
    # 成文日期 (cl. 7.3.5.1): 右空四字.
    body_like(
        StyleRole.SIGNATURE_DATE,
        jc="right",
        ind={**NO_INDENT, **indent(right=layout.DATE_RIGHT_INDENT_CHARS)},
    ),
    # 附注 (cl. 7.3.6): 左空二字, in round brackets.
    body_like(StyleRole.NOTE),
    # 附件 (cl. 7.3.7): "附件N" in 3号黑体 flush left; its title like the document title.
    StyleDef(
        StyleRole.ATTACHMENT_LABEL,
        StyleRole.ATTACHMENT_LABEL.value,
        HEITI,
        jc="left",
        ind=NO_INDENT,
    ),
    centred_title(StyleRole.ATTACHMENT_TITLE),
    # 空一行 / 空二行: an empty body paragraph is exactly one grid line.
    body_like(StyleRole.BLANK, ind=NO_INDENT),
    # --- 版记 (cl. 7.4) ---
    # 4号仿宋, 左右各空一字. The 字 is the body character (cl. 3.1 defines one 字 for the whole
    # document), 320 twips, written in twips only: Word's character unit would follow 14 pt.
    # Line height: one exact 29.4 pt grid line per 版记 line. 14 pt text reads easily at that
    # leading, and the 版记 stays on the 22-line grid, so the renderer can pin its last rule
    # to the bottom of the 版心 (cl. 7.4.1) by counting lines. The rules themselves are left
    # to the renderer (borders or a table), since which rule is thick depends on the items.
    StyleDef(
        StyleRole.IMPRINT,
        StyleRole.IMPRINT.value,
        FANGSONG,
        size_pt=layout.IMPRINT_SIZE_PT,
        tracking=0,
        ind={**NO_INDENT, **indent(left=IMPRINT_SIDE, right=IMPRINT_SIDE, chars=False)},
        spacing={"before": "0", "after": "0", "line": str(IMPRINT_LINE_TWIPS), "lineRule": "exact"},
    ),
    # 抄送 (cl. 7.4.2): continuation lines align after "抄送：": a hanging indent of 3 × 14 pt.
    StyleDef(
        StyleRole.IMPRINT_COPY_TO,
        StyleRole.IMPRINT_COPY_TO.value,
        FANGSONG,
        based_on=StyleRole.IMPRINT.value,
        size_pt=None,
        tracking=None,
        ind={
            "left": str(layout.chars_to_twips(IMPRINT_SIDE) + COPY_TO_LABEL_TWIPS),
            "right": str(layout.chars_to_twips(IMPRINT_SIDE)),
            "hanging": str(COPY_TO_LABEL_TWIPS),
        },
    ),
    # 印发机关和印发日期 (cl. 7.4.3): organ 左空一字, then a tab to the date 右空一字.
    StyleDef(
        StyleRole.IMPRINT_PRINTER,
        StyleRole.IMPRINT_PRINTER.value,
        FANGSONG,
        based_on=StyleRole.IMPRINT.value,
        size_pt=None,
        tracking=None,
        jc="left",
        ind=None,
        tabs=(("right", PRINTER_DATE_TAB_TWIPS),),
    ),
    # --- 页码 (cl. 7.5): 4号半角宋体, "— N —", odd right 右空一字, even left 左空一字 ---
    # Exact 14 pt lines off the grid: on the grid a footer line takes a 29.4 pt body line.
    page_number_style(StyleRole.PAGE_ODD, "right", indent(right=PAGE_SIDE, chars=False)),
    page_number_style(StyleRole.PAGE_EVEN, "left", indent(left=PAGE_SIDE, chars=False)),
    # --- character styles ---
    # 签发人姓名 3号楷体 (cl. 7.2.6).
    character_style(StyleRole.SIGNER_NAME, KAITI),
    # 楷体 / 黑体 runs inside body text (e.g. a run-in heading).
    character_style(StyleRole.KAI, KAITI),
    character_style(StyleRole.HEI, HEITI),
)


def run_properties(
    fonts: Fonts | None,
    size_pt: float | None,
    *,
    tracking: int | None = None,
    color: str | None = None,
    not_bold: bool = False,
) -> BaseOxmlElement:
    """A w:rPr with its children in schema order."""
    rpr = w("w:rPr")
    if fonts is not None:
        rpr.append(fonts.element())
    if not_bold:
        rpr.append(w("w:b", val="0"))
        rpr.append(w("w:bCs", val="0"))
    if color is not None:
        rpr.append(w("w:color", val=color))
    if tracking is not None:
        rpr.append(w("w:spacing", val=str(tracking)))
    if size_pt is not None:
        half_points = str(layout.pt_to_half_points(size_pt))
        rpr.append(w("w:sz", val=half_points))
        rpr.append(w("w:szCs", val=half_points))
    return rpr


def paragraph_properties(style: StyleDef) -> BaseOxmlElement:
    """A w:pPr with its children in schema order."""
    ppr = w("w:pPr")
    if style.keep_next:
        ppr.append(w("w:keepNext"))
    if style.bottom_border is not None:
        size, color = style.bottom_border
        bottom = w("w:bottom", val="single", sz=str(size), space="0", color=color)
        ppr.append(w("w:pBdr", [bottom]))
    if style.tabs:
        ppr.append(w("w:tabs", [w("w:tab", val=val, pos=str(pos)) for val, pos in style.tabs]))
    if style.snap_to_grid is not None:
        ppr.append(w("w:snapToGrid", val="1" if style.snap_to_grid else "0"))
    if style.spacing is not None:
        ppr.append(w("w:spacing", **style.spacing))
    if style.ind is not None:
        ppr.append(w("w:ind", **style.ind))
    if style.jc is not None:
        ppr.append(w("w:jc", val=style.jc))
    if style.outline_level is not None:
        ppr.append(w("w:outlineLvl", val=str(style.outline_level)))
    return ppr


def style_element(style: StyleDef) -> BaseOxmlElement:
    """The w:style element for one StyleDef."""
    element = w("w:style", type=style.kind, styleId=style.role.value)
    if style.role is StyleRole.NORMAL:
        element.set(qn("w:default"), "1")
    element.append(w("w:name", val=style.name))
    if style.based_on is not None:
        element.append(w("w:basedOn", val=style.based_on))
    if style.next_style is not None:
        element.append(w("w:next", val=style.next_style))
    element.append(w("w:qFormat"))
    if style.kind == "paragraph":
        element.append(paragraph_properties(style))
    rpr = run_properties(
        style.fonts,
        style.size_pt,
        tracking=style.tracking,
        color=style.color,
        not_bold=style.not_bold,
    )
    element.append(rpr)
    return element


def builtin_default_styles() -> list[BaseOxmlElement]:
    """Word's three default non-paragraph styles, which every document is expected to have."""
    character = w("w:style", type="character", default="1", styleId="DefaultParagraphFont")
    table = w("w:style", type="table", default="1", styleId="TableNormal")
    numbering = w("w:style", type="numbering", default="1", styleId="NoList")
    for element, name in (
        (character, "Default Paragraph Font"),
        (table, "Normal Table"),
        (numbering, "No List"),
    ):
        element.append(w("w:name", val=name))
        element.append(w("w:uiPriority", val="1" if element is character else "99"))
        element.append(w("w:semiHidden"))
        element.append(w("w:unhideWhenUsed"))
    cell_margins = w(
        "w:tblCellMar",
        [
            w("w:top", w="0", type="dxa"),
            w("w:left", w="108", type="dxa"),
            w("w:bottom", w="0", type="dxa"),
            w("w:right", w="108", type="dxa"),
        ],
    )
    table.append(w("w:tblPr", [w("w:tblInd", w="0", type="dxa"), cell_margins]))
    return [character, table, numbering]


def rebuild_styles(document: Document) -> None:
    """Replace styles.xml's content: docDefaults, Word's defaults and the StyleRole styles."""
    styles = document.styles.element
    for child in list(styles):
        styles.remove(child)
    # docDefaults: 16 pt so the grid is computed from the body size (docx-notes.md), explicit
    # fonts (no theme fonts, which would win over the names), Chinese as the East Asian
    # language, and widow/orphan control off: it moves lines to the next page, which would
    # leave pages with fewer than the 22 lines of cl. 5.2.3.
    rpr_default = run_properties(FANGSONG, layout.BODY_SIZE_PT)
    rpr_default.append(w("w:lang", val="en-US", eastAsia="zh-CN"))
    # Punctuation keeps Word's default (w:overflowPunct on): a "，" that may not begin a line
    # hangs past the right edge, so every full line still holds 28 characters in the 版心
    # rather than 27 stretched (LibreOffice does the same, measured in tests/office/layout).
    ppr_default = w("w:pPr", [w("w:widowControl", val="0")])
    styles.append(
        w(
            "w:docDefaults",
            [w("w:rPrDefault", [rpr_default]), w("w:pPrDefault", [ppr_default])],
        )
    )
    normal, *others = STYLES
    styles.append(style_element(normal))
    for element in builtin_default_styles():
        styles.append(element)
    for style in others:
        styles.append(style_element(style))


def page_number_footer(paragraph_style: StyleRole, cached: str) -> list[BaseOxmlElement]:
    """Runs of "— PAGE —" (cl. 7.5) with a complete field, its cached result included."""

    def text_run(text: str) -> BaseOxmlElement:
        t = w("w:t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return w("w:r", [t])

    instr = w("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    ppr = w("w:pPr", [w("w:pStyle", val=paragraph_style.value)])
    return [
        w(
            "w:p",
            [
                ppr,
                text_run("\N{EM DASH} "),
                w("w:r", [w("w:fldChar", fldCharType="begin")]),
                w("w:r", [instr]),
                w("w:r", [w("w:fldChar", fldCharType="separate")]),
                text_run(cached),
                w("w:r", [w("w:fldChar", fldCharType="end")]),
                text_run(" \N{EM DASH}"),
            ],
        )
    ]


def set_up_section(document: Document) -> None:
    """A4, the cl. 5.2.1 margins, the 22-line grid and odd/even page-number footers."""
    section = document.sections[0]
    section.page_width = Twips(layout.PAGE_WIDTH_TWIPS)
    section.page_height = Twips(layout.PAGE_HEIGHT_TWIPS)
    # 37 mm less the drop of the first line's characters in their grid line: the characters,
    # not the line box, start 37 mm down (layout.TEMPLATE_TOP_MARGIN_TWIPS; measured by
    # tests/office/layout).
    section.top_margin = Twips(layout.TEMPLATE_TOP_MARGIN_TWIPS)
    section.bottom_margin = Twips(layout.BOTTOM_MARGIN_TWIPS)
    section.left_margin = Twips(layout.LEFT_MARGIN_TWIPS)
    section.right_margin = Twips(layout.RIGHT_MARGIN_TWIPS)
    section.gutter = Twips(0)
    # No header content; the distance only matters if a user adds one.
    section.header_distance = Twips(layout.mm_to_twips(15))
    # See layout.FOOTER_DISTANCE_TWIPS: 28 mm - 14 pt = 1587 - 280 = 1307 twips, so the top of
    # the exact 14 pt page-number line is 28 mm above the paper's edge, 7 mm below the 版心.
    section.footer_distance = Twips(layout.FOOTER_DISTANCE_TWIPS)
    section.different_first_page_header_footer = False
    sect_pr = section._sectPr
    for name in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
        if qn(name) in sect_pr.attrib:
            del sect_pr.attrib[qn(name)]
    # type "lines", not "linesAndChars": LibreOffice renders the latter at 14 characters a
    # line (docx-notes.md); the 28 characters come from tracking instead.
    grid = sect_pr.find(qn("w:docGrid"))
    assert grid is not None
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(layout.LINE_PITCH_TWIPS))  # 588: see layout

    document.settings.odd_and_even_pages_header_footer = True
    for footer, style, cached in (
        (section.footer, StyleRole.PAGE_ODD, "1"),
        (section.even_page_footer, StyleRole.PAGE_EVEN, "2"),
    ):
        footer.is_linked_to_previous = False
        ftr = footer._element
        for child in list(ftr):
            ftr.remove(child)
        for paragraph in page_number_footer(style, cached):
            ftr.append(paragraph)


def slim_settings(document: Document) -> None:
    """Chinese theme-font language, current compatibility mode, no editing history."""
    settings = document.settings.element
    for tag in DROPPED_SETTINGS:
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    lang = settings.find(qn("w:themeFontLang"))
    assert lang is not None
    lang.attrib.clear()
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")  # python-docx's default is ja-JP: Japanese fallback
    for compat in settings.iter(qn("w:compatSetting")):
        if compat.get(qn("w:name")) == "compatibilityMode":
            compat.set(qn("w:val"), "15")  # Word 2013+ layout, not Word 2010 compatibility


def font_table(document: Document) -> None:
    """Replace fontTable.xml's Western and Japanese faces by the faces the styles name.

    w:charset 86 (GB2312) and the English w:altName help Word and WPS pick a Chinese
    substitute when a face is missing.
    """
    fonts_part = document.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(fonts_part.blob)
    for child in list(root):
        root.remove(child)
    root.append(
        w("w:font", [w("w:charset", val="00"), w("w:family", val="roman")], name=layout.LATIN_FONT)
    )
    for name, english in layout.FONT_ENGLISH_NAMES.items():
        root.append(
            w(
                "w:font",
                [w("w:altName", val=english), w("w:charset", val="86"), w("w:family", val="auto")],
                name=name,
            )
        )
    fonts_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Theme fonts (minor = body, major = headings): Word shows them as "+正文"/"+标题" in its font
# list and uses them for styles a user adds later. No style of the template refers to them.
THEME_FONTS = {
    "minorFont": (layout.LATIN_FONT, layout.FANGSONG_FONT),
    "majorFont": (layout.LATIN_FONT, layout.HEI_FONT),
}


def chinese_theme_fonts(document: Document) -> None:
    """Point the theme's font scheme at Times New Roman and the 公文 faces (not Calibri/宋体)."""
    theme_part = document.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    for scheme, (latin, east_asia) in THEME_FONTS.items():
        for fonts in root.iter(f"{{{DRAWINGML}}}{scheme}"):
            for child in fonts:
                if child.tag == f"{{{DRAWINGML}}}latin":
                    child.set("typeface", latin)
                elif child.tag == f"{{{DRAWINGML}}}ea" or child.get("script") == "Hans":
                    child.set("typeface", east_asia)
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def drop_unused_parts(document: Document) -> None:
    """Remove the parts listed in DROPPED_*_RELS; unreferenced parts are not saved."""
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype in DROPPED_DOCUMENT_RELS:
            part.drop_rel(r_id)
    package = part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype in DROPPED_PACKAGE_RELS:
            del package.rels[r_id]


def fixed_properties(document: Document) -> None:
    """core.xml with fixed timestamps only; app.xml with the application name only."""
    properties = document.core_properties
    core = properties._element
    for child in list(core):
        core.remove(child)
    properties.created = CORE_TIMESTAMP
    properties.modified = CORE_TIMESTAMP

    app_part = document.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    extended = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    # The stubs do not allow lxml's None key (the default namespace) in nsmap.
    app = etree.Element(f"{{{extended}}}Properties", nsmap={None: extended})  # type: ignore[dict-item]
    etree.SubElement(app, f"{{{extended}}}Application").text = "gongwen"
    app_part._blob = etree.tostring(app, xml_declaration=True, encoding="UTF-8", standalone=True)


def strip_theme_fonts(document: Document) -> None:
    """Belt and braces: no theme-font attribute may survive in any saved XML part."""
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            continue
        for rfonts in element.iter(qn("w:rFonts")):
            for name in THEME_FONT_ATTRIBUTES:
                if qn(name) in rfonts.attrib:
                    del rfonts.attrib[qn(name)]


def build_document() -> Document:
    """The template as a python-docx Document."""
    document = docx.Document()
    drop_unused_parts(document)
    rebuild_styles(document)
    set_up_section(document)
    slim_settings(document)
    font_table(document)
    chinese_theme_fonts(document)
    fixed_properties(document)
    strip_theme_fonts(document)
    return document


CUSTOM_PART = "docProps/custom.xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def add_custom_properties(entries: dict[str, bytes]) -> None:
    """An empty custom-properties part, registered in [Content_Types].xml and _rels/.rels.

    The renderer fills it with what the page does not show but a notice file holds (the
    publication date, each problem's status), so that a rendered notice reads back whole.
    python-docx has no API for custom properties, so the part is added to the package here.
    """
    # The stubs do not allow lxml's None key (the default namespace) in nsmap.
    nsmap = {None: CUSTOM_NS, "vt": VT_NS}
    custom = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap=nsmap)  # type: ignore[arg-type]
    entries[CUSTOM_PART] = etree.tostring(
        custom, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    types = etree.fromstring(entries["[Content_Types].xml"])
    etree.SubElement(
        types,
        f"{{{CONTENT_TYPES_NS}}}Override",
        PartName=f"/{CUSTOM_PART}",
        ContentType=CUSTOM_TYPE,
    )
    entries["[Content_Types].xml"] = etree.tostring(
        types, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    rels = etree.fromstring(entries["_rels/.rels"])
    ids = {rel.get("Id") for rel in rels}
    new_id = next(f"rId{n}" for n in range(1, 100) if f"rId{n}" not in ids)
    etree.SubElement(
        rels, f"{{{PACKAGE_RELS_NS}}}Relationship", Id=new_id, Type=CUSTOM_REL, Target=CUSTOM_PART
    )
    entries["_rels/.rels"] = etree.tostring(
        rels, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def reproducible_zip(docx_bytes: bytes) -> bytes:
    """Rewrite a .docx with fixed entry dates, attributes and order, so equal input gives
    equal bytes. [Content_Types].xml comes first, as OPC readers expect."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    add_custom_properties(entries)
    names = sorted(entries, key=lambda name: (name != "[Content_Types].xml", name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, entries[name], compresslevel=9)
    return out.getvalue()


def make_template(output: Path) -> int:
    """Write the template to ``output``; return its size in bytes."""
    buffer = io.BytesIO()
    build_document().save(buffer)
    data = reproducible_zip(buffer.getvalue())
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    return len(data)


# --- the review copy ---------------------------------------------------------------------------


def pretty_part(data: bytes) -> bytes:
    """An XML part indented one element a line (text inside elements untouched).

    >>> print(pretty_part(b'<a xmlns="urn:x"><b>t</b><c/></a>').decode())
    <?xml version='1.0' encoding='UTF-8' standalone='yes'?>
    <a xmlns="urn:x">
      <b>t</b>
      <c/>
    </a>
    """
    root = etree.fromstring(data, _REVIEW_PARSER)
    etree.indent(root, space="  ")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def template_parts(docx: Path = DEFAULT_OUTPUT) -> dict[str, bytes]:
    """The parts of a .docx by zip path, each as the review copy holds it."""
    with zipfile.ZipFile(docx) as archive:
        return {name: pretty_part(archive.read(name)) + b"\n" for name in archive.namelist()}


def write_review_copy(docx: Path = DEFAULT_OUTPUT, folder: Path = REVIEW_DIR) -> list[Path]:
    """Write every part of ``docx`` under ``folder`` (and remove files that are no part)."""
    parts = template_parts(docx)
    for old in sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []:
        if old.relative_to(folder).as_posix() not in parts:
            old.unlink()
    written = []
    for name, data in sorted(parts.items()):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"where to write the template (default: {DEFAULT_OUTPUT})",
    )
    parser.add_argument(
        "--review-dir",
        type=Path,
        help=f"where to write its parts pretty-printed for review (default: {REVIEW_DIR} "
        "when the template is written to its default place)",
    )
    args = parser.parse_args(argv)
    size = make_template(args.output)
    print(f"wrote {args.output} ({size} bytes)")
    review = args.review_dir
    if review is None and args.output.resolve() == DEFAULT_OUTPUT:
        review = REVIEW_DIR
    if review is not None:
        parts = write_review_copy(args.output, review)
        print(f"wrote {len(parts)} parts under {review}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
