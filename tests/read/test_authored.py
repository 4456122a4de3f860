"""A Markdown draft's typed ordinals are held to the derived ones as a notice file's are:
dropped when they agree, refused when they do not, printed as typed when asked."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen import InputError, load_notice, render
from gongwen.cli import main
from gongwen.cli.common import EXIT_INPUT, EXIT_OK
from gongwen.numbering import heading_ordinal, measure_lead, problem_label

DATA = Path(__file__).resolve().parents[1] / "data" / "markdown"

FRONT = "---\ntitle: 关于整改工作的通报\n---\n\n"


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.strip()]


def _write(tmp_path: Path, body: str, name: str = "n.md") -> Path:
    path = tmp_path / name
    path.write_text(FRONT + body, encoding="utf-8")
    return path


def test_a_heading_typed_out_of_place_is_refused_and_nothing_written(tmp_path: Path) -> None:
    md = _write(tmp_path, "## 一、总体要求\n\n认真开展。\n\n## 三、工作安排\n\n按期完成。\n")
    out = tmp_path / "n.docx"
    assert main(["render", str(md), "-o", str(out)]) == EXIT_INPUT
    assert not out.exists()
    with pytest.raises(InputError) as caught:
        load_notice(md)
    [finding] = caught.value.findings
    assert (finding.code, finding.location.line) == ("IN011", 9)
    assert finding.location.path == "body[1].section.heading"
    assert "“三、”" in finding.message and "“二、”" in finding.message


def test_problems_and_measures_out_of_place_are_refused(tmp_path: Path) -> None:
    md = _write(
        tmp_path,
        "问题1：学习不够。\n\n整改情况：\n\n一是加强学习。\n\n三是完善制度。\n\n问题3：制度不全。\n",
    )
    with pytest.raises(InputError) as caught:
        load_notice(md)
    found = {(f.code, f.location.path) for f in caught.value.findings}
    assert found == {
        ("IN011", "body[0].problem.measures[1]"),
        ("IN011", "body[1].problem.statement"),
    }


def test_kept_as_typed_each_ordinal_prints_once(tmp_path: Path) -> None:
    md = _write(tmp_path, "## 一、总体要求\n\n认真开展。\n\n## 三、工作安排\n\n按期完成。\n")
    out = tmp_path / "n.docx"
    assert main(["render", str(md), "-o", str(out), "--keep-typed-ordinals"]) == EXIT_OK
    texts = _texts(out)
    assert "一、总体要求" in texts and "三、工作安排" in texts
    assert not any(t.startswith(("一、一、", "三、三、", "二、三、")) for t in texts)


def test_front_matter_can_ask_to_keep_them(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text(
        "---\ntitle: 关于整改工作的通报\npresentation:\n  ordinals: typed\n---\n\n"
        "## 二、工作安排\n\n按期完成。\n",
        encoding="utf-8",
    )
    notice = load_notice(path)
    assert notice.body[0].heading == "二、工作安排"
    assert notice.presentation.ordinals == "typed"


def test_the_peers_markdown_renders_each_ordinal_once(tmp_path: Path) -> None:
    out = tmp_path / "t.docx"
    render(load_notice(DATA / "typed-ordinals.md"), out)
    texts = _texts(out)
    assert "一、总体要求" in texts
    assert "（一）清理楼道堆物" in texts
    doubled = ("一、一、", "二、二、", "（一）（一）", "1.1.", "（1）（1）")
    assert not any(t.startswith(doubled) for t in texts)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 3)),  # per section: problems, measures each
        min_size=1,
        max_size=4,
    )
)
def test_ordinals_typed_in_place_are_dropped_and_derived_again(
    shape: list[tuple[int, int]],
) -> None:
    """Whatever the structure, the ordinals a draft types in their places are dropped (each
    with an IN010), its texts kept; a change of one number is refused."""
    from gongwen.model import Problem, Section, walk
    from gongwen.read.authored import read_authored_markdown

    typed = [FRONT]
    problem = 0
    expected_measures = 0
    for s, (problems, measures) in enumerate(shape, start=1):
        typed.append(f"## {heading_ordinal(1, s)}第{s}部分\n\n")
        for _p in range(problems):
            problem += 1
            typed.append(f"{problem_label(problem)}问题{problem}的表述。\n\n")
            if measures >= 2:
                typed.append("整改情况：\n\n")
                expected_measures += measures
                for m in range(1, measures + 1):
                    typed.append(f"{measure_lead(m)}第{m}条措施。\n\n")
    path = Path(tempfile.mkdtemp()) / "typed.md"
    path.write_text("".join(typed), encoding="utf-8")
    result, dropped = read_authored_markdown(path)
    items = [item for _path, item in walk(result.notice.body)]
    headings = [i.heading for i in items if isinstance(i, Section)]
    problems_read = [i for i in items if isinstance(i, Problem)]
    assert headings == [f"第{s}部分" for s in range(1, len(shape) + 1)]
    assert [p.statement for p in problems_read] == [
        f"问题{n}的表述。" for n in range(1, problem + 1)
    ]
    assert all(m.startswith("第") for p in problems_read for m in p.measures)
    assert len(dropped) == len(shape) + problem + expected_measures
    wrong = "".join(typed).replace(f"## {heading_ordinal(1, len(shape))}", "## 十九、", 1)
    path.write_text(wrong, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_authored_markdown(path)
    assert {f.code for f in caught.value.findings} == {"IN011"}
