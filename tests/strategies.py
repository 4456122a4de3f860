"""Hypothesis strategies for notices, for any test that needs generated models.

:func:`notices` draws notices in the form a rendered document can show exactly, so that
``read(render(m)) == m`` is a fair property (see the notes on :func:`notices` for what that
form leaves out). :func:`any_notices` draws from the same pieces without those limits, for
properties that hold for every notice (render without error, load what was dumped).
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any

from hypothesis import strategies as st

from gongwen.model import Notice, Problem, walk
from gongwen.recognise.labels import parse_status

# Common characters of 公文 prose. Left out on purpose: 是 (it would make 一是/二是 leads
# inside text), 件 (an organ name ending in 文件 reads as the 文件 of a 发文机关标志), and
# the separators the rendered text uses between fields (：；、，\n\t★ and the ideographic
# space), which are added only where a field may hold them.
HAN = (
    "党委员会街道社区综合巡察整改工作落实问题情况组织建设学习制度管理服务群众治理"
    "基层支部干部监督检查责任意识作风推进完善加强提升规范开展专项领导小组办公室区市"
    "省中共二七新村青石东西南北路号楼年月日全面严格深化强化持续落地见效长效机制"
)
DIGITS = "0123456789"
PUNCT_IN_SENTENCE = "，、"

_phrase = st.text(alphabet=HAN, min_size=1, max_size=12)
_CLAUSES = st.lists(st.text(alphabet=HAN + DIGITS, min_size=1, max_size=14), min_size=1, max_size=3)
_JOINERS = st.sampled_from(PUNCT_IN_SENTENCE)


_ORDINAL_START = re.compile(r"^(\d+|[一二三四五六七八九十]+)[、.．]")
"""Text that begins like a typed ordinal (1、, 七、): no reader can tell it from one, and the
loader drops or refuses typed ordinals (IN010/IN011), so real text never starts so."""


def _states_a_status(text: str) -> bool:
    """A clause that states a rectification status (推进中, 已整改): the reader reads such a
    clause as the problem's status, as real notices mean it, so generated prose avoids it."""
    return any(parse_status(c) for c in re.split("[，、。；！]", text) if c)


@functools.cache
def sentences(end: str = "。") -> st.SearchStrategy[str]:
    """One or more clauses of prose ending in ``end`` (empty: no end mark)."""
    return st.builds(lambda clauses, joiner: joiner.join(clauses) + end, _CLAUSES, _JOINERS).filter(
        lambda text: not _ORDINAL_START.match(text) and not _states_a_status(text)
    )


@functools.cache
def prose(max_sentences: int = 3) -> st.SearchStrategy[str]:
    """A paragraph: a few sentences."""
    return st.lists(sentences(), min_size=1, max_size=max_sentences).map("".join)


def organ_names() -> st.SearchStrategy[str]:
    """An organ's name: no punctuation."""
    return st.text(alphabet=HAN, min_size=2, max_size=14)


def dates() -> st.SearchStrategy[date]:
    """Dates of real notices; not 2012-07-01, the date gongwen gives an undated document."""
    return st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)).filter(
        lambda d: d != date(2012, 7, 1)
    )


def _problem(
    statement: str, description: str | None, measures: list[str], label: str | None
) -> dict[str, Any]:
    problem: dict[str, Any] = {"statement": statement}
    if description is not None:
        problem["description"] = description
    if measures:
        problem["measures"] = measures
        if label is not None:
            problem["measures_label"] = label
    return {"problem": problem}


@functools.cache
def problems(*, run_in: bool) -> st.SearchStrategy[dict[str, Any]]:
    """A problem; with ``run_in``, measures end in 。 as 一是……；二是……。 gives them back."""
    measure = sentences() if run_in else st.one_of(sentences(), sentences(end="！"), prose(2))
    return st.builds(
        _problem,
        sentences(),
        st.one_of(st.none(), prose(2)),
        st.lists(measure, max_size=4),
        st.one_of(st.none(), st.sampled_from(["完成情况", "整改措施", "进展"])),
    )


@functools.cache
def _items(depth: int, run_in: bool) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Body items: paragraphs and problems first, then subsections (as a document shows
    them: text after a subsection would read as part of it)."""
    leading = st.lists(
        st.one_of(prose().map(lambda t: {"paragraph": t}), problems(run_in=run_in)),
        max_size=3,
    )
    if depth >= 4:
        return leading
    sections = st.lists(_sections(depth + 1, run_in), max_size=3 if depth == 0 else 2)
    return st.tuples(leading, sections).map(lambda pair: pair[0] + pair[1])


@functools.cache
def _sections(depth: int, run_in: bool) -> st.SearchStrategy[dict[str, Any]]:
    heading = st.one_of(st.text(alphabet=HAN, min_size=2, max_size=20), sentences())
    return st.builds(
        lambda h, body: {"section": {"heading": h, "body": body}},
        heading,
        st.deferred(lambda: _items(depth, run_in)),
    )


@st.composite
def _header(draw: st.DrawFn) -> dict[str, Any] | None:
    header: dict[str, Any] = {}
    if draw(st.booleans()):
        header["copy_number"] = draw(st.text(alphabet=DIGITS, min_size=6, max_size=6))
    if draw(st.booleans()):
        level = draw(st.sampled_from(["秘密", "机密", "绝密"]))
        period = draw(st.one_of(st.none(), st.integers(1, 30).map(lambda n: f"{n}年")))
        header["classification"] = {"level": level, **({"period": period} if period else {})}
    if draw(st.booleans()):
        header["urgency"] = draw(st.sampled_from(["特急", "加急"]))
    if draw(st.booleans()):
        header["issuer_mark"] = {
            "organs": draw(st.lists(organ_names(), min_size=1, max_size=3)),
            "with_wenjian": draw(st.booleans()),
        }
    if draw(st.booleans()):
        code = draw(st.text(alphabet=HAN, min_size=1, max_size=4)) + "发"
        header["document_number"] = (
            f"{code}〔{draw(st.integers(1990, 2099))}〕{draw(st.integers(1, 999))}号"
        )
    if draw(st.booleans()):
        header["signers"] = draw(
            st.lists(st.text(alphabet=HAN, min_size=2, max_size=3), min_size=1, max_size=3)
        )
    return header or None


@st.composite
def _contact(draw: st.DrawFn) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    if draw(st.booleans()):
        contact["lead"] = draw(st.sampled_from(["联系方式", "举报方式", "联系办法"]))
    phone = st.text(alphabet=DIGITS + "-", min_size=5, max_size=13).filter(lambda p: p.strip("-"))
    channels = draw(st.sets(st.sampled_from(["phones", "postbox", "email", "others"]), min_size=1))
    if "phones" in channels:
        contact["phones"] = draw(st.lists(phone, min_size=1, max_size=3))
    if "postbox" in channels:
        contact["postbox"] = draw(st.text(alphabet=HAN + DIGITS, min_size=3, max_size=20))
    if "email" in channels:
        contact["email"] = draw(
            st.from_regex(r"[a-z][a-z0-9_.]{0,10}@[a-z]{2,8}\.(cn|com)", fullmatch=True)
        )
    if "others" in channels:
        labels = st.sampled_from(["传真", "联系人", "微信公众号", "邮编"])
        contact["others"] = draw(
            st.lists(
                st.builds(lambda label, value: {"label": label, "value": value}, labels, _phrase),
                min_size=1,
                max_size=2,
            )
        )
    return contact


@st.composite
def notices(draw: st.DrawFn) -> Notice:
    """A notice in the form its rendered .docx shows exactly.

    That form leaves out what the document does not show: a problem's ``status``; the
    ``measures_label`` of a problem with no measures; ``published`` unless nothing else
    dates the document (no signature, no 版记); the ``date_numerals`` choice when there is
    no signature; ``run-in`` measures unless some problem has two or more, and then every
    multi-measure problem's measures end in 。. Body items after a subsection are left out
    too: in the document they read as the subsection's own.
    """
    run_in = draw(st.booleans())
    data: dict[str, Any] = {
        "title": draw(
            st.lists(st.text(alphabet=HAN, min_size=2, max_size=20), min_size=1, max_size=3)
        ),
        "body": draw(_items(0, run_in).filter(bool)),
    }
    header = draw(_header())
    if header is not None:
        data["header"] = header
    if draw(st.booleans()):
        data["addressees"] = draw(st.lists(organ_names(), min_size=1, max_size=3))
    if draw(st.booleans()):
        data["contact"] = draw(_contact())
    if draw(st.booleans()):
        titles = st.text(alphabet=HAN, min_size=2, max_size=16)
        attachments = draw(st.lists(titles.map(lambda t: {"title": t}), min_size=1, max_size=3))
        for attachment in attachments:
            if draw(st.booleans()):
                attachment["body"] = draw(_items(1, run_in).filter(bool))
                if draw(st.booleans()):
                    attachment["title"] = attachment["title"] + "\n" + draw(titles)
        data["attachments"] = attachments
    if draw(st.booleans()):
        data["signature"] = {
            "organs": draw(st.lists(organ_names(), max_size=2)),
            "date": draw(dates()).isoformat(),
            "sealed": draw(st.booleans()),
        }
    if draw(st.booleans()):
        data["note"] = draw(prose(1))
    if draw(st.booleans()):
        data["imprint"] = {
            "copy_to": draw(st.lists(organ_names(), max_size=3)),
            "printer": draw(organ_names()),
            "print_date": draw(dates()).isoformat(),
        }
    if "signature" not in data and "imprint" not in data and draw(st.booleans()):
        data["published"] = draw(dates()).isoformat()
    notice = Notice.model_validate(data)
    presentation: dict[str, str] = {}
    if run_in and any(len(p.measures) > 1 for p in _problems(notice)):
        presentation["measures"] = "run-in"
    if "signature" in data and draw(st.booleans()):
        presentation["date_numerals"] = "chinese"
    if presentation:
        notice = Notice.model_validate({**data, "presentation": presentation})
    return notice


def _problems(notice: Notice) -> list[Problem]:
    bodies = [notice.body, *(a.body for a in notice.attachments)]
    return [item for body in bodies for _, item in walk(body) if isinstance(item, Problem)]


@st.composite
def any_notices(draw: st.DrawFn) -> Notice:
    """Any notice the model accepts: the exact form plus statuses and the rest."""
    notice = draw(notices())
    data = notice.model_dump(mode="json")
    if draw(st.booleans()):
        data["published"] = draw(dates()).isoformat()
    statuses = st.sampled_from([None, "已完成", "正在推进", "长期坚持"])

    def mark(items: list[dict[str, Any]]) -> None:
        for item in items:
            if "problem" in item:
                item["problem"]["status"] = draw(statuses)
            elif "section" in item:
                mark(item["section"]["body"])

    mark(data["body"])
    return Notice.model_validate(data)
