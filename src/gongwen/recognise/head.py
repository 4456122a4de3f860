"""The head of a notice: 份号, 密级, 紧急程度, 发文字号, title lines, 主送机关.

>>> is_document_number("济发〔2023〕5号"), is_copy_number("000123")
(True, True)
>>> split_addressees("各乡(镇、街道)党委,区直各部门:")
['各乡(镇、街道)党委', '区直各部门']
"""

from __future__ import annotations

from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import parse_measure_lead, parse_problem_label
from gongwen.recognise.headings import scan_heading
from gongwen.recognise.labels import parse_label
from gongwen.recognise.tail import parse_signature_date

__all__ = [
    "CLASSIFICATION",
    "DOCUMENT_KINDS",
    "TRAILING_NUMBER",
    "addressee_like",
    "body_starts",
    "column_heading",
    "find_title",
    "front_matter_line",
    "is_classification",
    "is_copy_number",
    "is_document_number",
    "names_document_kind",
    "split_addressees",
    "title_candidate",
    "title_shown_again",
    "title_shown_at",
]

SPACES = " \t\u3000\xa0\r\ufeff"
CLASSIFICATION = lazy_compile(r"^(秘密|机密|绝密)\s*(?:★\s*(.+))?$")
"""密级 and 保密期限 (cl. 7.2.2): group 1 the level, group 2 the period."""
_URGENCY = lazy_compile(r"特急|加急")
_COPY_NUMBER = lazy_compile(r"[0-9０-９]{1,10}")
_DOCUMENT_NUMBER = lazy_compile(
    r"\S{1,20}?[〔\[【(（［]\s*[0-9]{4}\s*[〕\]】)）］]\s*字?\s*第?\s*[0-9]+\s*号"
)
_PROBLEM = lazy_compile(r"问题\s*[0-9０-９]")
_SENTENCE_INSIDE = lazy_compile(r"[。；！？;!?]")  # half-width too: a scrape turns ； into ;
DOCUMENT_KINDS = lazy_compile(
    r"(?:通知|通报|报告|意见|决定|办法|方案|规定|函|纪要|请示|批复|公告|通告|决议|公报|命令|议案)"
    r"[。，；：、,.;:！？!?]+$"
)
TITLE_MAX = 40
"""A title line is at most this many characters (a 2号 line holds about 20)."""


def is_copy_number(text: str) -> bool:
    """A 份号: digits alone on the line (cl. 7.2.1)."""
    return _COPY_NUMBER.fullmatch(text.strip(SPACES)) is not None


def is_document_number(text: str) -> bool:
    """A 发文字号 alone on the line: 机关代字〔年份〕序号 (cl. 7.2.4)."""
    return _DOCUMENT_NUMBER.fullmatch(text.strip(SPACES)) is not None


def is_classification(text: str) -> bool:
    """A 密级 (with its period) or a 紧急程度 alone on the line (cl. 7.2.2, 7.2.3)."""
    stripped = text.strip(SPACES)
    return CLASSIFICATION.match(stripped) is not None or _URGENCY.fullmatch(stripped) is not None


def title_candidate(text: str, next_line: str | None) -> bool:
    """Whether a line at the top can be (part of) the title.

    A line that ends like a sentence is a title only when it names a kind of document and a
    blank line follows it.

    A line that opens with a measure's lead (一是…) is a measure, never a title.

    >>> title_candidate("关于巡察整改进展情况的通报", None), title_candidate("各社区：", None)
    (True, False)
    >>> title_candidate("一是加强理论学习", "1、完善制度")
    False
    """
    if not text or len(text) > TITLE_MAX or text.endswith(("：", ":")):
        return False
    if scan_heading(text) or _PROBLEM.match(text) or parse_label(text):
        return False
    if parse_measure_lead(text) is not None:
        return False
    if _SENTENCE_INSIDE.search(text.rstrip("。；！？.;!?")):
        return False
    if text[-1] in "。，；、,.;！？!?" and (
        not DOCUMENT_KINDS.search(text) or (next_line is not None and next_line.strip(SPACES))
    ):
        return False
    return parse_signature_date(text) is None


def addressee_like(text: str) -> bool:
    """A 主送机关 line: short, ending in a colon, no sentence in it.

    >>> addressee_like("各乡(镇、街道)党委,区直各部门:"), addressee_like("整改情况：")
    (True, False)
    """
    return (
        len(text) <= 80
        and text[-1:] in "：:"
        and text[:1] not in "，,、。；;：:"
        and all(len(name) <= 30 for name in split_addressees(text))
        and not any(c in text for c in "。；")
        and parse_label(text) is None
        and scan_heading(text) is None
        and parse_problem_label(text) is None
    )


def split_addressees(text: str) -> list[str]:
    """The organs of a 主送机关 line, split at 、 and ， outside brackets.

    >>> split_addressees("各社区综合党委、各科室：")
    ['各社区综合党委', '各科室']
    """
    names: list[str] = []
    depth = 0
    current = ""
    for char in text.strip().rstrip("：:"):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and char in "、，,":
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [n.strip() for n in names if n.strip()]


_KIND_END = lazy_compile(
    r"(?:通知|通报|报告|意见|决定|办法|方案|规定|函|纪要|请示|批复|公告|通告|决议|公报|通知单)$"
)
TRAILING_NUMBER = lazy_compile(r"[（(][^（）()]{1,12}〔[0-9]{4}〕[0-9]{1,4}号[）)]$")
"""A 发文字号 in brackets after a title, as pages print it: …的通知（岳办发〔2023〕12号）."""
_HEAD_ZONE = 30
"""How many paragraphs at the top may hold page furniture before the title."""
_TITLE_KIND_MAX = 90
"""A title that names its kind of document may be this long (it wraps on the page)."""


def names_document_kind(text: str) -> bool:
    """A line that ends a title: it ends in the name of a kind of document (… 的通报).

    >>> names_document_kind("关于巡察整改进展情况的通报"), names_document_kind("巡察公告")
    (True, True)
    >>> names_document_kind("根据区委统一部署，现将有关情况通报如下：")
    False
    """
    stripped = TRAILING_NUMBER.sub("", text.strip(SPACES))
    return (
        len(stripped) <= _TITLE_KIND_MAX
        and _KIND_END.search(stripped) is not None
        and not _SENTENCE_INSIDE.search(stripped)
        and "：" not in stripped
        and ":" not in stripped
    )


def body_starts(text: str) -> bool:
    """A line that cannot stand before the title: a heading, a 问题N, an addressee line, or a
    long sentence (the opening paragraph)."""
    stripped = text.strip(SPACES)
    return (
        scan_heading(stripped) is not None
        or _PROBLEM.match(stripped) is not None
        or addressee_like(stripped)
        or (len(stripped) > 60 and _SENTENCE_INSIDE.search(stripped) is not None)
    )


_SHOWN_MIN = 6
"""A later line a page heading holds must be this long: not a stray word (通知)."""


def title_shown_at(text: str, later: list[str]) -> int | None:
    """Which of the ``later`` lines holds the title a line at the top shows again (the
    page's own heading or lead-in), as :func:`title_shown_again` decides; None if none.

    >>> title_shown_at("通知公告｜全区开展安全检查", ["发布时间:2024-05-06", "全区开展安全检查"])
    1
    """
    stripped = text.strip(SPACES)
    for k, line in enumerate(later):
        shown = line.strip(SPACES)
        if len(shown) < _SHOWN_MIN or not title_candidate(shown, None):
            continue
        column = stripped[: -len(shown)].rstrip(SPACES) if stripped.endswith(shown) else ""
        if column and column[-1] in "：:|｜丨":
            return k  # 栏目：标题
        if not names_document_kind(shown):
            continue
        about = shown[shown.find("关于") :] if "关于" in shown else shown
        if stripped == shown or (len(about) >= _SHOWN_MIN and about in stripped):
            return k
    return None


def column_heading(texts: list[str]) -> int | None:
    """Where the title is when the first of ``texts`` shows it again (栏目：标题, a lead-in)
    and the title itself follows within three lines; None otherwise.

    >>> column_heading(["本级巡察整改:东山区开展专项督查", "来源:区委巡察办", "东山区开展专项督查"])
    2
    >>> print(column_heading(["关于整改的通报", "整改的通报"]))
    None
    """
    if not texts:
        return None
    k = title_shown_at(texts[0], texts[1:4])
    return None if k is None else k + 1


def title_shown_again(text: str, later: list[str]) -> bool:
    """Whether a line at the top is the page's own heading or lead-in showing the title that
    one of the ``later`` lines (the next few lines before the body) gives on its own: the line
    holds that title-like line whole (栏目：标题, the title twice), or its 关于… part (日前，某市
    人民政府发布关于…的函，详情如下：).

    >>> title_shown_again("本级巡察整改:东山区开展专项督查",
    ...                   ["来源:区委巡察办", "东山区开展专项督查"])
    True
    >>> title_shown_again("关于整改情况的函", ["日前，县政府发布关于整改情况的函，详情如下：",
    ...                                        "关于整改情况的函"])
    True
    >>> title_shown_again("日前，某县政府发布关于整改情况的函，详情如下：",
    ...                   ["某县政府关于整改情况的函"])
    True
    >>> title_shown_again("中共某街道工作委员会", ["关于巡察整改情况的通报"])
    False
    >>> title_shown_again("关于整改情况的通知", ["通知"])
    False
    >>> title_shown_again("区委2022年4月12日", ["区委2022年4月12日"])
    False
    """
    return title_shown_at(text, later) is not None


def find_title(texts: list[str], blank_before: list[bool]) -> tuple[int, int] | None:
    """Where the title is among the top paragraphs when page furniture may come first: the
    last group of lines, before the body starts, whose last line names a kind of document
    (a page often shows the title in its own heading first). The group takes up to two
    title-like lines above it when no empty line separates them. None when no line names a
    kind of document.

    >>> find_title(["首页", "关于巡察整改情况的通报", "专题专栏：巡察整改。",
    ...             "中共某街道工作委员会", "关于巡察整改情况的通报", "根据区委统一部署……。"],
    ...            [False, False, False, False, True, False])
    (3, 5)
    >>> print(find_title(["东山区开展巡察整改专项督查", "近日，东山区……。"], [False, False]))
    None
    """
    found: tuple[int, int] | None = None
    for k, text in enumerate(texts[:_HEAD_ZONE]):
        if body_starts(text):
            break
        if not names_document_kind(text):
            continue
        start = k
        while (
            start > 0
            and k - start < 2
            and (
                not blank_before[start]
                or (start == k and texts[k].lstrip(SPACES)[:2] == "关于")
                or texts[start - 1].strip(SPACES).endswith(("的", "和", "及", "与"))
            )
            and title_candidate(texts[start - 1].strip(SPACES), None)
            and not names_document_kind(texts[start - 1])
        ):
            start -= 1
        found = (start, k + 1)
    return found


_SUBTITLE = lazy_compile(r"^(?:[—－\-]{1,2}|——)|会议上$|会议$|常务委员会|人民代表大会")
_SPEAKER = lazy_compile(
    r"^\S{2,20}(?:局长|主任|书记|部长|厅长|处长|县长|市长|区长)[ \u3000]+\S{2,4}$"
)


def front_matter_line(text: str) -> bool:
    """A subtitle or speaker line of a report made to a people's congress, between its title
    and its 主送机关.

    >>> front_matter_line("—2021年12月2日在瑶山自治县第十二届")
    True
    >>> front_matter_line("市审计局局长   钟远明")
    True
    >>> front_matter_line("现将有关情况报告如下：")
    False
    """
    stripped = text.strip()
    return len(stripped) <= 40 and (
        _SUBTITLE.search(stripped) is not None or _SPEAKER.match(stripped) is not None
    )
