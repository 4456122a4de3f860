"""Pass 3 of the reader: the body's paragraphs into a tree of sections, problems and text.

Heading ordinals open sections, 问题N labels (and ``1.`` items followed by a label) open
problems, labels open measures, 一是/二是 leads number them; numbering and counts are checked
as the tree grows.
"""

from __future__ import annotations

import re

from gongwen.numbering import (
    heading_ordinal,
    measure_lead,
    parse_chinese_numeral,
    parse_measure_lead,
    parse_problem_label,
)
from gongwen.read.context import Context, Pass, SourceParagraph
from gongwen.read.tree import (
    Item,
    ProblemNode,
    SectionNode,
    TextNode,
    problems,
    sections,
    texts_before_first_problem,
)
from gongwen.recognise.damage import is_cjk
from gongwen.recognise.headings import HeadingMark, parse_heading
from gongwen.recognise.labels import parse_label, split_run_in_measures
from gongwen.recognise.sentences import first_sentence

__all__ = ["BodyBuilder"]

_COUNT_PROBLEMS = re.compile(
    r"([0-9]+|[零一二三四五六七八九十百]+)(?:个|项|条)(?:主要|突出|具体)?问题"
)
_COUNT_ASPECTS = re.compile(r"([0-9]+|[零一二三四五六七八九十]+)个方面")


class BodyBuilder(Pass):
    """Builds body trees; counts how measures are laid out (run in or one a paragraph)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.run_in = 0
        self.paragraph_lists = 0

    def build(self, paras: list[SourceParagraph]) -> list[Item]:
        root = SectionNode("", 0, 0, None)
        stack: list[SectionNode] = [root]
        problem: ProblemNode | None = None
        in_measures = False
        problems = 0
        i = 0
        while i < len(paras):
            para = paras[i]
            text = para.text
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            bracketed = next((s.level for s in reversed(stack) if s.level in (2, 4)), 2)
            mark = parse_heading(text, bracketed)
            if mark is None and para.heading_level:
                mark = HeadingMark(min(max(para.heading_level, 1), 4), None, text)
            problem_label = parse_problem_label(text, problems + 1)
            label = parse_label(text)

            next_label = parse_label(nxt.text) if nxt is not None else None
            # an item numbered 1. / （1） directly followed by 整改情况 is a problem
            if (
                mark is not None
                and mark.level in (3, 4)
                and mark.damage is None
                and next_label is not None
                and problem_label is None
            ):
                problems += 1
                problem = self._new_problem(mark.rest, para.line)
                stack[-1].items.append(problem)
                in_measures = False
                self.report(
                    "RD033",
                    f"{self.original(para.line)} 后接“{next_label[0]}”，"
                    f"按问题读取（问题{problems}）",
                    para.line,
                )
            elif mark is not None and problem_label is None:
                problem, in_measures = None, False
                if not mark.rest:
                    if nxt is not None and parse_heading(nxt.text) is None and len(nxt.text) <= 60:
                        mark = HeadingMark(mark.level, mark.number, nxt.text, mark.damage)
                        i += 1
                    else:
                        self.report(
                            "RD025", f"{self.original(para.line)} 只有序号，没有标题文字", para.line
                        )
                        i += 1
                        continue
                self._open_section(stack, mark, para)
            elif problem_label is not None:
                number, rest = problem_label
                problems += 1
                self._problem_label_findings(text, number, problems, para.line)
                if not rest.strip() and nxt is not None:
                    rest = nxt.text
                    i += 1
                problem = self._new_problem(rest, para.line)
                stack[-1].items.append(problem)
                in_measures = False
            elif label is not None and problem is not None and problem.label is None:
                problem.label, problem.label_line = label[0], para.line
                in_measures = True
                if label[1]:
                    self._add_measures(problem, label[1], para.line)
            elif in_measures and problem is not None:
                self._add_measures(problem, text, para.line)
            else:
                if label is not None:
                    self.report(
                        "RD043",
                        f"{self.original(para.line)} 之前没有对应的问题，保留为段落",
                        para.line,
                    )
                stack[-1].items.append(self._paragraph(stack[-1], text, para.line))
            i += 1
        self._check_measures(root)
        return root.items

    def _paragraph(self, container: SectionNode, text: str, line: int) -> TextNode:
        """A body paragraph; a run of 一是/二是 paragraphs outside problems is checked too."""
        numbers: list[int] = []
        if (split := split_run_in_measures(text)) is not None:
            numbers = [number for number, _ in split]
        elif (lead := parse_measure_lead(text)) is not None:
            numbers = [lead[0]]
        if numbers:
            previous = container.items[-1] if container.items else None
            expected = 1
            if isinstance(previous, TextNode) and previous.lead is not None:
                expected = previous.lead + 1
            for number in numbers:
                if number != expected:
                    self._lead_skip(expected, number, line)
                expected = number + 1
        return TextNode(self._closed(text, line), line, numbers[-1] if numbers else None)

    def _lead_skip(self, expected: int, number: int, line: int) -> None:
        kind = "重复" if number < expected else "跳号"
        self.report(
            "RD042",
            f"“一是、二是”序号{kind}：此处应为“{measure_lead(expected)}”，"
            f"原文为“{measure_lead(number)}”",
            line,
        )

    def _new_problem(self, text: str, line: int) -> ProblemNode:
        statement, description = first_sentence(text.strip())
        if description:
            description = self._closed(description, line)
        else:
            statement = self._closed(statement, line)
        return ProblemNode(line, statement, description or None)

    def _problem_label_findings(self, text: str, number: int, expected: int, line: int) -> None:
        m = re.match(r"\s*问题\s*([0-9０-９]+)\s*([：:])?", text)
        if m is not None and m[2] is None:
            digits = m[1]
            if len(digits) > len(str(number)):
                self.report(
                    "RD031",
                    f"{self.original(line)}：“问题”后的数字与正文连在一起，按顺序读作“问题{number}”，"
                    f"正文以“{digits[len(str(number)) :]}”开头",
                    line,
                )
            else:
                self.report("RD030", f"“问题{number}”后缺少冒号：{self.original(line)}", line)
        if number != expected:
            kind = "重复" if number < expected else "跳号"
            self.report(
                "RD032",
                f"问题编号{kind}：应为“问题{expected}”，原文为“问题{number}”（按位置编号）",
                line,
            )

    def _open_section(
        self, stack: list[SectionNode], mark: HeadingMark, para: SourceParagraph
    ) -> None:
        level = mark.level
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        depth = len(stack) - 1  # ordinal levels rise along the stack, so at most 3
        expected = len(parent.sections()) + 1
        if mark.damage == "ordinal":
            ordinal = heading_ordinal(level, expected)
            self.report(
                "RD020",
                f"{self.original(para.line)} 的序号丢失，按位置补为“{ordinal}”",
                para.line,
                fix=ordinal,
            )
        elif mark.damage == "bracket" and mark.number is not None:
            ordinal = heading_ordinal(level, mark.number)
            self.report(
                "RD021",
                f"{self.original(para.line)} 的序号缺少左括号，读作“{ordinal}”",
                para.line,
                fix=ordinal,
            )
        if mark.number is not None and mark.number != expected and mark.damage != "ordinal":
            kind = "重复" if mark.number < expected else "跳号"
            self.report(
                "RD022",
                f"标题序号{kind}：此处应为“{heading_ordinal(level, expected)}”，"
                f"原文为“{heading_ordinal(level, mark.number)}”：{self.original(para.line)}",
                para.line,
            )
        if depth + 1 != level:
            self.report(
                "RD023",
                f"{self.original(para.line)} 是第{level}级标题，却位于第{depth}级标题之下，"
                f"按第{depth + 1}级读取",
                para.line,
            )
        heading, rest = first_sentence(mark.rest.strip())
        section = SectionNode(heading, para.line, level, mark.number)
        parent.items.append(section)
        stack.append(section)
        if rest:
            self.report(
                "RD024", f"{self.original(para.line)}：标题与正文在同一段，已分开", para.line
            )
            section.items.append(TextNode(self._closed(rest, para.line), para.line))

    def _add_measures(self, problem: ProblemNode, text: str, line: int) -> None:
        run_in = split_run_in_measures(text)
        if run_in is not None:
            self.run_in += 1
            for written, measure in run_in:
                problem.measures.append(TextNode(measure, line))
                problem.leads.append(written)
            return
        lead = parse_measure_lead(text)
        previous = next((n for n in reversed(problem.leads) if n is not None), None)
        number: int | None
        if lead is not None:
            number, rest = lead
        elif text.startswith("是") and previous is not None and is_cjk(text[1:2]):
            number, rest = previous + 1, text[1:]
            self.report(
                "RD040",
                f"{self.original(line)} 的序数词丢失，前为“{measure_lead(previous)}”，"
                f"读作“{measure_lead(number)}”",
                line,
                fix=measure_lead(number),
            )
        else:
            number, rest = None, text
            if previous is not None:
                self.report(
                    "RD041",
                    f"{self.original(line)} 前没有“{measure_lead(len(problem.measures) + 1)}”，"
                    f"按第{len(problem.measures) + 1}项措施读取",
                    line,
                )
        problem.measures.append(TextNode(self._closed(rest.strip(), line), line))
        problem.leads.append(number)

    def _check_measures(self, root: SectionNode) -> None:
        for problem in problems(root.items):
            if len({m.line for m in problem.measures}) > 1:
                self.paragraph_lists += 1
            expected = 1
            for number, measure in zip(problem.leads, problem.measures, strict=True):
                if number is not None and number != expected:
                    self._lead_skip(expected, number, measure.line)
                expected = (number if number is not None else expected) + 1

    def check_counts(self, items: list[Item]) -> None:
        """Counts stated before the first problem (the summary) against the structure."""
        total = len(list(problems(items)))
        if total == 0:
            return
        aspects = [s for s in sections(items, depth=1) if any(problems(s.items))]
        if not aspects:
            aspects = [s for s in sections(items, depth=0) if any(problems(s.items))]
        for text in texts_before_first_problem(items):
            for m in _COUNT_PROBLEMS.finditer(text.text):
                stated = _number(m[1])
                if stated is not None and stated != total:
                    self.report(
                        "RD050",
                        f"正文说“{m[0]}”，读到的问题共 {total} 个",
                        text.line,
                    )
            for m in _COUNT_ASPECTS.finditer(text.text):
                stated = _number(m[1])
                if stated is not None and stated != len(aspects):
                    self.report(
                        "RD050",
                        f"正文说“{m[0]}”，读到的含问题的小节共 {len(aspects)} 个",
                        text.line,
                    )


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        return parse_chinese_numeral(text)
    except ValueError:
        return None
