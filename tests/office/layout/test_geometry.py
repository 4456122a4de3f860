"""GB/T 9704 geometry measured on the PDF LibreOffice makes of each example.

Every number is in millimetres from the paper's top-left corner, with the arithmetic beside it.
CHAR is one 字 of the 28-character line: 156 mm / 28 = 5.571 mm.
"""

from __future__ import annotations

import itertools
import re

import pytest

from gongwen.dates import format_date
from gongwen.layout import HEADING_ROLES, StyleRole
from tests.office.layout.conftest import Rendered

from .measure import (
    CHAR,
    TYPE_AREA_BOTTOM,
    TYPE_AREA_LEFT,
    TYPE_AREA_RIGHT,
    TYPE_AREA_TOP,
    Line,
    Page,
    is_wide,
)

pytestmark = pytest.mark.layout

PITCH = 588 / 20 * 25.4 / 72  # the grid line: 588 twips = 29.4 pt = 10.372 mm

# Fonts in the PDF of each look-alike (gongwen/data/fontconfig/gongwen-fonts.conf). A Noto CJK
# collection names every face after its Japanese one, so the weight tells the faces apart.
FANGSONG = "NotoSerifCJK.*-Regular"  # 仿宋 -> Noto Serif CJK SC
XIAOBIAOSONG = "NotoSerifCJK.*-Bold"  # 小标宋 -> Noto Serif CJK SC Bold
HEITI = "NotoSansCJK"  # 黑体 -> Noto Sans CJK SC
KAITI = "ZenKai"  # 楷体 -> AR PL KaitiM GB, whose PostScript name is GBZenKai-Medium


def squash(text: str) -> str:
    """Text without the spaces PDF extraction puts where Chinese meets Latin."""
    return re.sub(r"\s+", "", text)


def find_line(example: Rendered, text: str, *, size: float | None = None) -> tuple[Page, Line]:
    """The first line (in page order) whose text starts with ``text``."""
    wanted = squash(text)
    for page in example.pages:
        for line in page.body_lines:
            if size is not None and abs(line.size - size) > 0.1:
                continue
            got = squash(line.text)
            if got and (
                got.startswith(wanted[: len(got)])
                if len(got) < len(wanted)
                else got.startswith(wanted)
            ):
                return page, line
    raise AssertionError(f"no line starts with {text!r} in {example.name}")


def fonts_match(line: Line, pattern: str) -> bool:
    return bool(line.fonts) and all(re.search(pattern, font) for font in line.fonts)


def is_body(line: Line) -> bool:
    """A 16 pt line in the 仿宋 look-alike: body text, levels 3-4, problems, measures."""
    return abs(line.size - 16) < 0.1 and fonts_match(line, FANGSONG)


def run_last_pages(example: Rendered) -> set[int]:
    """Pages after which the text does not run on: the page before each attachment, and the
    last page. Every other page is full."""
    starts = [page.number for page in example.turned] + [  # a 横排 section starts a page
        page.number
        for page in example.pages
        if page.body_lines and re.fullmatch(r"附件\d*", squash(page.body_lines[0].text))
    ]
    last = max(page.number for page in [*example.pages, *example.turned])
    return {n - 1 for n in starts} | {last}


# --- page and margins (cl. 5.1, 5.2.1) ---------------------------------------------------------


def test_pages_are_a4(example: Rendered) -> None:
    for page in example.pages:
        assert page.width == pytest.approx(210, abs=0.5)  # A4, cl. 5.1
        assert page.height == pytest.approx(297, abs=0.5)


def test_body_text_starts_28_mm_from_the_left_edge(example: Rendered) -> None:
    flush = 0
    for page in example.pages:
        for line in (line for line in page.body_lines if is_body(line)):
            assert line.left > 28 - 1, page.number  # nothing left of the 订口
            if line.left < 28 + CHAR:  # a line not indented (a paragraph's first is, 2 字)
                assert line.left == pytest.approx(28, abs=1), page.number  # 订口 28 mm, 5.2.1
                flush += 1
    assert flush, "no line starts at the type area's left edge"


def test_first_body_line_starts_37_mm_from_the_top_edge(example: Rendered) -> None:
    measured = 0
    for page in example.pages:
        first = page.body_lines[0]
        if is_body(first):
            # 天头 37 mm (cl. 5.2.1): the top of the first line's characters
            assert first.top == pytest.approx(37, abs=1), page.number
            measured += 1
    assert measured, "no page starts with body text"


# --- the 22 x 28 grid (cl. 5.2.3) ------------------------------------------------------------


def test_22_lines_on_every_full_page(example: Rendered) -> None:
    last_pages = run_last_pages(example)
    # Page 1 is left out: the 版头's lines and the 22 pt title sit off the 16 pt grid.
    full = [p for p in example.pages if p.number not in last_pages and p.number != 1]
    assert full
    headings = [
        squash(b.text)
        for b in example.blocks
        if b.role in (*HEADING_ROLES, StyleRole.PROBLEM, StyleRole.MEASURES_LABEL)
    ]
    # Paragraphs kept with the signature block (cl. 7.3.5.5): when the block moves, they move
    # with it and the page before ends early (README, layout notes).
    kept_texts = [
        squash(b.text)
        for b in example.blocks
        if b.keep_with_next and b.text and b.role not in (*HEADING_ROLES, StyleRole.PROBLEM)
    ]
    for page in full:
        lines = page.body_lines
        spanned = (lines[-1].baseline - lines[0].baseline) / PITCH
        (next_page,) = [p for p in example.pages if p.number == page.number + 1]
        first = squash(next_page.body_lines[0].text)
        if any(k.startswith(first) for k in kept_texts if first):
            continue  # the page before a block kept with what follows (the signature's text)
        kept = 0  # lines at the top of the next page that keep with the next (a chain)
        for line in next_page.body_lines:
            if not any(h.startswith(squash(line.text)) for h in headings if squash(line.text)):
                break
            kept += 1
        expected = set(range(21 - kept, 22)) if first and kept else {21}
        # 22 lines: first to last baseline is 21 grid lines of 10.37 mm (225 mm / 22 = 10.23,
        # see gongwen.layout.LINE_PITCH_TWIPS); a heading that would end the page moves to
        # the next one with its text, leaving 21.
        assert round(spanned) in expected, (page.number, spanned)
        assert spanned == pytest.approx(round(spanned), abs=0.05), page.number  # on the grid


def test_grid_line_is_29_4_pt(example: Rendered) -> None:
    gaps = [
        b.baseline - a.baseline
        for page in example.pages[1:]
        for a, b in zip(page.body_lines, page.body_lines[1:], strict=False)
        if is_body(a) and is_body(b)
    ]
    assert gaps
    assert min(gaps) == pytest.approx(PITCH, abs=0.05)  # 588 twips = 10.37 mm


RAGGED_ROLES = (StyleRole.CONTACT, StyleRole.ATTACHMENT_NOTE)
"""Left-aligned paragraphs: their lines end where the words do, not at the right edge."""


def _continuation_pairs(example: Rendered) -> list[tuple[Page, Line, Line]]:
    """(page, line, next line) for justified body lines that a paragraph continues after."""
    lines = [(page, line) for page in example.pages for line in page.body_lines]
    ragged = [squash(b.text) for b in example.blocks if b.role in RAGGED_ROLES]
    pairs = []
    for (page, line), (_, after) in itertools.pairwise(lines):
        continues = after.left == pytest.approx(TYPE_AREA_LEFT, abs=0.5) and is_body(after)
        if any(squash(line.text) in text for text in ragged):
            continue
        if is_body(line) and continues:
            pairs.append((page, line, after))
    return pairs


CLOSING_PUNCTUATION = "，。、；：？！”’）》"
OPENING_QUOTES = "“‘"
"""Marks that may not begin a line; one of them may hang past the right edge instead."""


def _split_hanging(line: Line) -> tuple[list[str], list[str]]:
    """The line's characters inside the type area, and those hanging past its right edge."""
    inside = [c.c for c in line.chars if c.x1 <= TYPE_AREA_RIGHT + 0.5]
    hanging = [c.c for c in line.chars if c.x1 > TYPE_AREA_RIGHT + 0.5]
    return inside, hanging


def test_28_characters_on_every_full_line(example: Rendered) -> None:
    counted = 0
    for page, line, after in _continuation_pairs(example):
        if not line.all_wide:
            continue  # digits and Latin letters are narrower: see the next test
        if after.text[:1] in OPENING_QUOTES or not is_wide(after.text[:1]):
            # LibreOffice breaks lines by UAX #14, where “ and ‘ are ambiguous quotation
            # marks (class QU) kept with what comes before them, and a number is never split
            # and gets a fifth of a 字 of space before it: the line before either may end a
            # character or two short, justified.
            continue
        indent = round((line.left - TYPE_AREA_LEFT) / CHAR)  # 0, or 2 on a first line
        assert indent in (0, 2), (page.number, line.text)
        inside, _ = _split_hanging(line)
        # 28 characters a line in the 版心 (cl. 5.2.3), less a first line's 2-character indent
        assert len(inside) + indent == 28, (page.number, line.text)
        counted += 1
    assert counted > 5


def test_every_full_line_ends_at_the_right_edge(example: Rendered) -> None:
    for page, line, _ in _continuation_pairs(example):
        _, hanging = _split_hanging(line)
        right = max(c.x1 for c in line.chars if c.x1 <= TYPE_AREA_RIGHT + 0.5)
        assert right == pytest.approx(TYPE_AREA_RIGHT, abs=1), (
            page.number,
            line.text,
        )  # 28 + 156 = 184 mm
        # at most one closing mark hangs past the edge rather than begin the next line
        assert len(hanging) <= 1 and all(c in CLOSING_PUNCTUATION for c in hanging), line.text


# --- page numbers (cl. 7.5) ------------------------------------------------------------------


def test_page_numbers(example: Rendered) -> None:
    for page in example.pages:
        (number,) = page.footer_lines
        assert squash(number.text) == f"—{page.number}—"  # "— N —", one-character dashes
        # the top of the dash's ink — the line one sees, not the glyph's em box — 7 mm below
        # the type area: 37 + 225 + 7 = 269 mm (cl. 7.5)
        assert len(page.dash_ink) == 2, page.number
        for top, bottom in page.dash_ink:
            assert top == pytest.approx(TYPE_AREA_BOTTOM + 7, abs=1), page.number
            assert bottom - top < 1, page.number  # a thin line, not a whole glyph box
        if page.number % 2:
            # odd pages: right-aligned, 右空一字: 184 - 5.57 = 178.4 mm
            assert number.right == pytest.approx(TYPE_AREA_RIGHT - CHAR, abs=1)
        else:
            # even pages: left-aligned, 左空一字: 28 + 5.57 = 33.6 mm
            assert number.left == pytest.approx(TYPE_AREA_LEFT + CHAR, abs=1)


# --- 版头 (cl. 7.2) ---------------------------------------------------------------------------


WITH_HEADER = ("full", "long")
"""The examples with a 版头, 附件, 署名 and 版记 (the canonical one has none of them)."""


def _blocks(example: Rendered, role: StyleRole) -> list[str]:
    """The texts of the blocks of a role on portrait pages (a 横排 attachment's are measured
    in test_tables)."""
    return [b.text for b in example.blocks if b.role is role and not _turned(example, b.path)]


def _turned(example: Rendered, path: str) -> bool:
    match = re.match(r"attachments\[(\d+)\]", path)
    attachments = example.notice.attachments
    return match is not None and attachments[int(match[1])].orientation == "landscape"


@pytest.mark.parametrize("name", WITH_HEADER)
def test_issuer_mark_is_35_mm_below_the_type_area_top(
    rendered: dict[str, Rendered], name: str
) -> None:
    example = rendered[name]
    marks = _blocks(example, StyleRole.ISSUER_MARK)
    page, line = find_line(example, marks[0].split("\n")[0], size=22)
    assert page.number == 1
    assert line.top == pytest.approx(TYPE_AREA_TOP + 35, abs=1)  # 37 + 35 = 72 mm, cl. 7.2.4
    left, right = line.left, line.right
    if marks[-1] == "文件" and len(marks) > 2:
        # A joint issue: the names and 文件 beside them are centred as one block, and 文件
        # sits at the middle of the names (cl. 7.2.4).
        _, suffix = find_line(example, "文件", size=22)
        _, last = find_line(example, marks[-2], size=22)
        right = suffix.right
        names_middle = (line.top + last.bottom) / 2
        assert (suffix.top + suffix.bottom) / 2 == pytest.approx(names_middle, abs=1.5)
    assert (left + right) / 2 == pytest.approx(TYPE_AREA_LEFT + 78, abs=1)  # 28 + 156 / 2


@pytest.mark.parametrize("name", WITH_HEADER)
def test_red_rule_is_4_mm_below_the_document_number(
    rendered: dict[str, Rendered], name: str
) -> None:
    example = rendered[name]
    header = example.notice.header
    assert header is not None and header.document_number is not None
    _, number = find_line(example, str(header.document_number))
    red = [r for r in example.pages[0].rules if r.color[:3] == (1.0, 0.0, 0.0)]
    assert red, "no red rule"
    rule = red[0]
    assert rule.y - number.bottom == pytest.approx(4, abs=0.5)  # cl. 7.2.7
    assert (rule.x0, rule.x1) == (
        pytest.approx(TYPE_AREA_LEFT, abs=0.5),
        pytest.approx(TYPE_AREA_RIGHT, abs=0.5),
    )  # as wide as the type area, 156 mm


def test_document_number_and_signers_share_a_line(rendered: dict[str, Rendered]) -> None:
    example = rendered["full"]
    header = example.notice.header
    assert header is not None and header.signers and header.document_number is not None
    _, line = find_line(example, str(header.document_number))
    assert "签发人" in line.text
    assert line.left == pytest.approx(TYPE_AREA_LEFT + CHAR, abs=1)  # 字号 左空一字: 33.6 mm
    assert line.right == pytest.approx(TYPE_AREA_RIGHT - CHAR, abs=1)  # 签发人 右空一字: 178.4 mm
    names = [c for c in line.chars if c.c in "".join(header.signers)]
    assert all(re.search(KAITI, c.font) for c in names)  # names in 楷体, cl. 7.2.6


# --- 主体 (cl. 7.3) ---------------------------------------------------------------------------


def test_titles_are_centred(example: Rendered) -> None:
    centred = 0
    # The 标志 is measured by its own test: a joint issue's names are centred with 文件.
    marks = {squash(text) for text in _blocks(example, StyleRole.ISSUER_MARK)}
    for page in example.pages:
        for line in page.body_lines:
            if abs(line.size - 22) < 0.1 and squash(line.text) not in marks:  # 标题, 附件标题
                assert line.centre == pytest.approx(TYPE_AREA_LEFT + 78, abs=1)  # 28 + 156 / 2
                centred += 1
    assert centred


def test_title_and_headings_are_in_their_faces(example: Rendered) -> None:
    faces = {
        StyleRole.TITLE: XIAOBIAOSONG,  # 小标宋, cl. 7.3.1
        StyleRole.ATTACHMENT_TITLE: XIAOBIAOSONG,  # cl. 7.3.7
        HEADING_ROLES[0]: HEITI,  # 一、 黑体, cl. 7.3.3
        HEADING_ROLES[1]: KAITI,  # （一） 楷体
        HEADING_ROLES[2]: FANGSONG,  # 1. 仿宋
        HEADING_ROLES[3]: FANGSONG,  # （1） 仿宋
        StyleRole.ATTACHMENT_LABEL: HEITI,  # 附件N 黑体, cl. 7.3.7
    }
    checked = 0
    for role, face in faces.items():
        for text in _blocks(example, role):
            _, line = find_line(example, text.split("\n")[0])
            assert fonts_match(line, face), (role, line.text, line.fonts)
            checked += 1
    assert checked


@pytest.mark.parametrize("name", WITH_HEADER)
def test_attachments_start_on_a_new_page(rendered: dict[str, Rendered], name: str) -> None:
    example = rendered[name]
    labels = _blocks(example, StyleRole.ATTACHMENT_LABEL)
    assert labels
    for label in labels:
        page, line = find_line(example, label)
        assert line is page.body_lines[0], label  # cl. 7.3.7: a new page
        assert line.left == pytest.approx(TYPE_AREA_LEFT, abs=1)  # flush left
        assert line.top == pytest.approx(TYPE_AREA_TOP, abs=1)  # on line 1


@pytest.mark.parametrize("name", WITH_HEADER)
def test_attachment_note_is_not_stretched(rendered: dict[str, Rendered], name: str) -> None:
    example = rendered[name]
    notes = _blocks(example, StyleRole.ATTACHMENT_NOTE)
    assert "\n" in notes[0]  # several attachments, one a line
    first, second = notes[0].split("\n")[:2]
    _, line = find_line(example, first)
    assert line.left == pytest.approx(TYPE_AREA_LEFT + 2 * CHAR, abs=1)  # 左空二字, cl. 7.3.4
    assert line.right < TYPE_AREA_RIGHT - CHAR  # not justified across the type area
    _, after = find_line(example, second)
    # the second name aligned with the first: "附件：" is 3 字 after the 2 字 indent
    assert after.left == pytest.approx(TYPE_AREA_LEFT + 5 * CHAR, abs=1)


WITH_SIGNATURE = ("erqi-xincun-2023", "full", "long")
"""The examples with a sealed 署名 and 成文日期; the canonical one as the office issued it."""


@pytest.mark.parametrize("name", WITH_SIGNATURE)
def test_date_four_characters_from_the_right_with_the_signature_centred_over_it(
    rendered: dict[str, Rendered], name: str
) -> None:
    example = rendered[name]
    signature = example.notice.signature
    assert signature is not None and signature.sealed
    _, date = find_line(example, format_date(signature.date))
    # 成文日期 右空四字, cl. 7.3.5.1: 184 - 4 x 5.57 = 161.7 mm
    assert date.right == pytest.approx(TYPE_AREA_RIGHT - 4 * CHAR, abs=1)
    for organ in signature.organs:
        _, line = find_line(example, organ, size=16)
        assert line.centre == pytest.approx(date.centre, abs=1), organ  # 以成文日期为准居中


def test_canonical_notice_ends_with_contact_footer_signature_and_date(
    rendered: dict[str, Rendered],
) -> None:
    """The quick start's render: the contact footer, then the 署名 and 成文日期 below it on the
    same page as text, the seal's room of two blank lines above the 署名 (cl. 7.3.5.1)."""
    example = rendered["erqi-xincun-2023"]
    notice = example.notice
    assert notice.signature is not None and notice.contact is not None
    last = example.pages[-1]
    texts = [squash(line.text) for line in last.body_lines]
    (organ,) = notice.signature.organs
    date_text = format_date(notice.signature.date)
    # the last two lines of the notice are the 署名 and the 成文日期, in that order
    assert texts[-2:] == [organ, date_text]
    contact_page, contact = find_line(example, "联系方式：电话：82746503")
    assert contact_page.number == last.number  # the signature shares its page with text
    _, signature = find_line(example, organ, size=16)
    _, date = find_line(example, date_text)
    assert contact.top < signature.top < date.top
    # sealed: two blank grid lines between the last line of text and the 署名, so the seal's
    # top lies within one line of the text above it (cl. 7.3.5.1)
    last_text_line = last.body_lines[-3]
    assert signature.baseline - last_text_line.baseline == pytest.approx(3 * PITCH, abs=0.5)
    # one grid line from 署名 to 成文日期
    assert date.baseline - signature.baseline == pytest.approx(PITCH, abs=0.5)


# --- 版记 (cl. 7.4) ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", WITH_HEADER)
def test_imprint_last_rule_lies_on_the_bottom_edge_of_the_type_area(
    rendered: dict[str, Rendered], name: str
) -> None:
    example = rendered[name]
    assert example.notice.imprint is not None
    last = example.pages[-1]
    rules = [r for r in last.rules if r.color[:3] == (0.0, 0.0, 0.0)]
    assert len(rules) >= 2
    assert rules[-1].y == pytest.approx(TYPE_AREA_BOTTOM, abs=0.5)  # 37 + 225 = 262 mm, cl. 7.4.1
    for rule in rules:
        assert rule.x1 - rule.x0 == pytest.approx(156, abs=0.5)  # as wide as the type area
    assert rules[0].width == pytest.approx(0.35, abs=0.05)  # first and last 0.35 mm
    assert rules[-1].width == pytest.approx(0.35, abs=0.05)
    for middle in rules[1:-1]:
        assert middle.width == pytest.approx(0.25, abs=0.05)  # middle rules 0.25 mm
    printed = [line for line in last.body_lines if "印发" in line.text][-1]
    assert printed.left == pytest.approx(TYPE_AREA_LEFT + CHAR, abs=1)  # 印发机关 左空一字
    assert printed.right == pytest.approx(TYPE_AREA_RIGHT - CHAR, abs=1)  # 印发日期 右空一字


def test_body_characters_lie_inside_the_type_area(example: Rendered) -> None:
    for page in example.pages:
        for line in page.body_lines:
            assert line.top >= TYPE_AREA_TOP - 1, (page.number, line.text)
            assert line.bottom <= TYPE_AREA_BOTTOM, (page.number, line.text)
            assert line.left >= TYPE_AREA_LEFT - 0.5, (page.number, line.text)
            _, hanging = _split_hanging(line)  # but a hanging closing mark, as above
            assert all(c in CLOSING_PUNCTUATION for c in hanging), (page.number, line.text)


def test_long_notice_has_at_least_five_pages(rendered: dict[str, Rendered]) -> None:
    assert len(rendered["long"].pages) >= 5


def test_is_wide_counts_chinese_and_full_width_punctuation() -> None:
    assert [is_wide(c) for c in "中，1a“"] == [True, True, False, False, False]
