"""Markdown notices: the conventions other 公文 tools document, and generated notices."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openxml_audit import OpenXmlValidator

from gongwen import InputError, load_notice
from gongwen.cli import main
from gongwen.cli.common import EXIT_INPUT, EXIT_OK
from gongwen.model import Notice, Paragraph, Problem, Section, walk
from gongwen.numbering import (
    heading_ordinal,
    measure_lead,
    parse_measure_lead,
    parse_problem_label,
    problem_label,
)
from gongwen.read import read_docx_bytes, read_file
from gongwen.read.markdown import read_markdown
from gongwen.read.recognise import parse_heading, parse_label
from tests.strategies import notices

DATA = Path(__file__).resolve().parents[1] / "data" / "markdown"
DOCUMENTS = sorted(DATA.glob("*.md"))


# ---------------------------------------------------------------------------------------------
# Documents written in the conventions of other tools: # title, ## 一、, ### （一）, #### 1.,
# ##### （1）, ordinals typed in the headings (markdown-gongwen-vscode, FormalDoc) or not, and
# a YAML front matter for 主送/落款/日期/附件 (gongwen-format-skill).


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_documented_markdown_renders_each_ordinal_once_and_reads_back(
    path: Path, tmp_path: Path
) -> None:
    read = read_file(path)
    assert not [f for f in read.findings if f.level == "error"]
    out = tmp_path / "out.docx"
    assert main(["render", str(path), "-o", str(out)]) == EXIT_OK
    result = OpenXmlValidator().validate(str(out))
    assert result.is_valid, [str(e) for e in result.errors]
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    doubled = ("一、一、", "（一）（一）", "1.1.", "（1）（1）", "问题1：问题1：", "一是一是")
    assert not [t for t in texts if any(d in t for d in doubled)]
    assert read_docx_bytes(out.read_bytes()).notice == read.notice


def test_headings_take_their_level_from_the_hashes_and_drop_typed_ordinals() -> None:
    notice = load_notice(DATA / "typed-ordinals.md")
    sections = [
        (depth, item.heading) for depth, item in walk(notice.body) if isinstance(item, Section)
    ]
    assert sections[:7] == [
        (0, "总体要求"),
        (0, "重点任务"),
        (1, "清理楼道堆物"),
        (2, "全面排查"),
        (2, "限期清理"),
        (3, "劝导为主"),
        (3, "集中清运"),
    ]
    assert notice.addressees == ["各社区居委会", "各物业服务企业"]
    assert notice.signature is not None and str(notice.signature.date) == "2024-03-25"


def test_problems_measures_and_front_matter_are_recognised() -> None:
    report = load_notice(DATA / "rectification.md")
    problems = [item for _, item in walk(report.body) if isinstance(item, Problem)]
    assert [p.statement for p in problems] == [
        "理论学习不够深入。",
        "组织生活不够规范。",
        "服务群众意识不强。",
    ]
    assert [len(p.measures) for p in problems] == [2, 2, 2]
    notice = load_notice(DATA / "front-matter.md")
    assert notice.addressees == ["各科室", "各直属单位"]
    assert notice.signature is not None and notice.signature.organs == [
        "某某区安全生产委员会办公室"
    ]
    assert [a.title for a in notice.attachments] == ["安全生产工作总结提纲", "报送联系表"]
    assert notice.header is not None and str(notice.header.document_number) == "某安办〔2024〕12号"


def test_a_model_written_draft_keeps_its_signature_from_html_and_its_lists() -> None:
    notice = load_notice(DATA / "model-draft.md")
    assert notice.signature is not None
    assert (notice.signature.organs, str(notice.signature.date)) == (["XX街道办事处"], "2025-01-20")
    texts = [i.text for _, i in walk(notice.body) if isinstance(i, Paragraph)]
    assert "人员密集场所：商场、超市、农贸市场；" in texts


def test_what_markdown_drops_is_reported_by_line() -> None:
    text = (
        "# 关于整改的通知\n\n![示意图](a.png)\n\n请**认真**落实，见[附表](http://x.cn)。\n\n"
        '<div><img src="x.png"></div>\n\n```\n代码\n```\n\n[TOC]\n\n'
        "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n"
    )
    found = {(f.code, f.location.line) for f in read_markdown(text, file="n.md").findings}
    assert {("RD071", 3), ("RD070", 5), ("RD071", 7), ("RD073", 9), ("RD071", 13)} <= found
    assert ("RD072", 15) in found


def test_a_heading_whose_hashes_and_ordinal_disagree_is_read_by_the_ordinal() -> None:
    result = read_markdown("# 标题\n\n## 一、总体\n\n## （一）具体\n\n正文。\n")
    (top,) = result.notice.body
    assert isinstance(top, Section) and isinstance(top.body[0], Section)
    assert top.body[0].heading == "具体"
    assert [f.code for f in result.findings if f.code == "RD076"] == ["RD076"]


def test_a_bad_front_matter_value_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text("---\n主送: 各社区\n日期: 2024年2月30日\n---\n# 标题\n\n正文。\n", "utf-8")
    with pytest.raises(InputError) as info:
        load_notice(path)
    (found,) = info.value.findings
    assert (found.location.path, found.location.line) == ("signature.date", 3)
    out = tmp_path / "n.docx"
    assert main(["render", str(path), "-o", str(out)]) == EXIT_INPUT
    assert not out.exists()


def test_a_front_matter_syntax_error_names_a_line_of_the_file() -> None:
    with pytest.raises(InputError) as info:
        read_markdown("---\n主送: 各社区\n日期: [2024\n---\n# 标题\n\n正文。\n", file="n.md")
    (found,) = info.value.findings
    assert found.code == "IN002" and found.location.line in (3, 4)


def test_parse_writes_the_notice_file_of_a_markdown_notice(tmp_path: Path) -> None:
    out = tmp_path / "n.yaml"
    assert main(["parse", str(DATA / "rectification.md"), "-o", str(out)]) == EXIT_OK
    assert load_notice(out) == load_notice(DATA / "rectification.md")


# ---------------------------------------------------------------------------------------------
# Generated notices written as Markdown read back to themselves


def to_markdown(notice: Notice, typed: st.DataObject) -> str:
    """A notice as Markdown: body in Markdown, the rest in front matter; each heading's
    ordinal typed or not, as drawn."""
    data = notice.model_dump(mode="json", exclude_defaults=True)
    front = {k: v for k, v in data.items() if k not in ("title", "body")}
    if len(notice.title_lines) > 1:  # a title broken in lines goes in the front matter
        front["title"] = notice.title_lines
    lines = []
    if front:
        lines += ["---", json.dumps(front, ensure_ascii=False), "---", ""]
    if "title" not in front:
        lines += ["# " + notice.title, ""]
    run_in = notice.presentation.measures == "run-in"

    def items(body: list[Any], depth: int, problems: list[int]) -> None:
        sections = 0
        for item in body:
            if isinstance(item, Paragraph):
                lines.extend([item.text, ""])
            elif isinstance(item, Section):
                sections += 1
                ordinal = heading_ordinal(depth + 1, sections)
                shown = ordinal if typed.draw(st.booleans(), label="typed") else ""
                lines.extend(["#" * (depth + 2) + " " + shown + item.heading, ""])
                items(item.body, depth + 1, problems)
            else:
                problems[0] += 1
                head = problem_label(problems[0]) + item.statement + (item.description or "")
                lines.extend([head, ""])
                if item.measures:
                    lines.extend([item.measures_label + "：", ""])
                    if len(item.measures) == 1:
                        lines.extend([item.measures[0], ""])
                    elif run_in:
                        parts = [
                            measure_lead(n) + m.rstrip("。！")
                            for n, m in enumerate(item.measures, 1)
                        ]
                        lines.extend(["；".join(parts) + "。", ""])
                    else:
                        for n, measure in enumerate(item.measures, start=1):
                            lines.extend([measure_lead(n) + measure, ""])

    items(notice.body, 0, [0])
    return "\n".join(lines)


def _markdown_shaped(notice: Notice) -> Notice:
    """The notice as text can say it: every measures label one the recogniser knows (进展 is
    not one), no paragraph right after a problem (in text it reads as the problem's own) and
    none that starts like an ordinal (1、…), as in the text reader: only a .docx's styles
    tell them apart."""
    data = notice.model_dump(mode="json")

    def shape(body: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for item in body:
            if "paragraph" in item and (
                (out and "problem" in out[-1]) or _ordinal_led(item["paragraph"])
            ):
                continue
            if "problem" in item and not parse_label(item["problem"]["measures_label"] + "："):
                item["problem"]["measures_label"] = "整改情况"
            elif "section" in item:
                section = item["section"]
                if _ordinal_led(section["heading"]) or section["heading"][:1].isdigit():
                    section["heading"] = "做好" + section["heading"]  # not 1、… nor 1.0
                section["body"] = shape(section["body"])
            out.append(item)
        return out

    data["body"] = shape(data["body"]) or [{"paragraph": "请认真贯彻落实。"}]
    for attachment in data["attachments"]:
        attachment["body"] = shape(attachment["body"])
    return Notice.model_validate(data)


def _ordinal_led(text: str) -> bool:
    return any(
        parse(text) is not None
        for parse in (parse_heading, parse_problem_label, parse_measure_lead, parse_label)
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notice=notices(), typed=st.data())
def test_a_generated_notice_written_as_markdown_reads_back_to_it(
    notice: Notice, typed: st.DataObject
) -> None:
    notice = _markdown_shaped(notice)
    text = to_markdown(notice, typed)
    assert read_markdown(text, file="n.md").notice == notice, text


def test_a_heading_is_never_read_as_the_status_line_of_the_item_above_it() -> None:
    """Found by the round-trip property: '### 持续推进' is a heading by its #, not the status
    (持续推进 → 长期坚持) that would make '（一）七七' a problem."""
    text = "# 七七\n\n## 七七\n\n## 七七\n\n### （一）七七\n\n### 持续推进\n"
    body = read_markdown(text, file="n.md").notice.body
    second = body[1]
    assert isinstance(second, Section)
    assert [type(item).__name__ for item in second.body] == ["Section", "Section"]
    assert [item.heading for item in second.body if isinstance(item, Section)] == [
        "七七",
        "持续推进",
    ]
