"""Pass 3 of the reader: the body's paragraphs into a tree of sections, problems and text.

Heading ordinals open sections, 问题N labels (and ``1.`` items followed by a label) open
problems, labels open measures, 一是/二是 leads number them; numbering and counts are checked
as the tree grows.
"""

from __future__ import annotations

import re

from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile
from gongwen.numbering import (
    heading_ordinal,
    measure_lead,
    parse_chinese_numeral,
    parse_measure_lead,
    parse_problem_label,
)
from gongwen.read.context import Context, Pass, SourceParagraph, quote
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
from gongwen.recognise.defects import DEFECTS
from gongwen.recognise.headings import HeadingMark, parse_heading
from gongwen.recognise.labels import (
    LabelKind,
    Labelled,
    label_kind,
    leading_status,
    parse_label,
    parse_numeral_problem_label,
    planned_deadline,
    quoted_problem,
    split_labelled,
    split_run_in_measures,
    status_of,
    trailing_status,
)
from gongwen.recognise.lines import Kind, classify, numbered_problem
from gongwen.recognise.sentences import first_sentence

__all__ = ["BodyBuilder"]

_COUNT_PROBLEMS = lazy_compile(
    r"([0-9]+|[零一二三四五六七八九十百]+)(?:个|项|条)(?:主要|突出|具体)?问题"
)
_COUNT_ASPECTS = lazy_compile(r"([0-9]+|[零一二三四五六七八九十]+)个方面")


class BodyBuilder(Pass):
    """Builds body trees; counts how measures are laid out (run in or one a paragraph)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.run_in = 0
        self.paragraph_lists = 0
        self.top_level: int | None = None
        """The level of the outermost headings of the main text (1 for 一、)."""

    def build(self, paras: list[SourceParagraph]) -> list[Item]:
        if self.top_level is None:
            self.top_level = self._top_level(paras)
        root = SectionNode("", 0, 0, None)
        stack: list[SectionNode] = [root]
        problem: ProblemNode | None = None
        in_measures = False
        problems = 0
        i = 0
        while i < len(paras):
            para = paras[i]
            text = para.text
            if para.front:  # a subtitle or speaker line: as written
                stack[-1].items.append(TextNode(text, para.line))
                i += 1
                continue
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            # what follows as the item's own line (a label, a status): not a paragraph the
            # document marks as a heading (a Markdown #, a .docx outline level)
            own_next = nxt.text if nxt is not None and not nxt.heading_level else None
            bracketed = next((s.level for s in reversed(stack) if s.level in (2, 4)), 2)
            mark = parse_heading(text, bracketed)
            if mark is None and para.heading_level:
                mark = HeadingMark(min(max(para.heading_level, 1), 4), None, text)
            problem_label = parse_problem_label(text, problems + 1)
            if problem_label is None and (written := parse_numeral_problem_label(text)):
                problem_label = written
                message = _("{text} 的“问题{written}…”读作问题{number}").format(
                    text=quote(text, 12), written=text.strip()[2], number=written[0]
                )
                self.report("RD036", message, para.line)
            label = parse_label(text)

            next_label = parse_label(nxt.text) if nxt is not None else None
            parts = split_labelled(mark.rest) if mark else []
            inline = [p.label for p in parts[1:] if p.label] if parts and not parts[0].label else []
            # an item numbered 1. / （1） with a label run in or on the next line, or with its
            # status after the statement, is a problem (the recogniser decides)
            if (
                mark is not None
                and problem_label is None
                and numbered_problem(classify(text), text, own_next)
            ):
                problems += 1
                problem, in_measures = self._new_problem(mark.rest, para.line)
                stack[-1].items.append(problem)
                shown = inline[0] if inline else next_label[0] if next_label else "完成情况"
                self.report(
                    "RD033",
                    _("{text} 带有“{label}”，按问题读取（问题{number}）").format(
                        text=self.original(para.line), label=shown, number=problems
                    ),
                    para.line,
                )
            elif mark is not None and problem_label is None:
                problem, in_measures = None, False
                if not mark.rest:
                    if nxt is not None and parse_heading(nxt.text) is None and len(nxt.text) <= 60:
                        mark = HeadingMark(mark.level, mark.number, nxt.text, mark.damage)
                        i += 1
                    else:
                        message = _("{text} 只有序号，没有标题文字")
                        self.report("RD025", message, para.line, text=self.original(para.line))
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
                problem, in_measures = self._new_problem(rest, para.line)
                stack[-1].items.append(problem)
            elif (
                label is not None
                and problem is not None
                and (problem.label is None or label_kind(*label) is not LabelKind.MEASURES)
            ):
                in_measures = self._labelled(problem, split_labelled(text), para.line)
            elif (
                problem is not None
                and not in_measures
                and not problem.measures
                and problem.status is None
                and (stated := leading_status(text)) is not None
            ):
                # （一）问题。 then 该问题已完成整改。一是…：the status, then the measures
                problem.status, problem.details["status"] = stated[0], para.line
                message = _("{text} 读作完成情况（{status}）")
                self.report("RD034", message, para.line, text=quote(text, 12), status=stated[0])
                if stated[1]:
                    self._add_measures(problem, stated[1], para.line)
                in_measures = True
            elif in_measures and problem is not None:
                self._add_measures(problem, text, para.line)
            else:
                if label is not None:
                    message = _("{text} 之前没有对应的问题，保留为段落")
                    self.report("RD043", message, para.line, text=self.original(para.line))
                stack[-1].items.append(self._paragraph(stack[-1], text, para.line))
            i += 1
        self._check_measures(root)
        return root.items

    def _top_level(self, paras: list[SourceParagraph]) -> int:
        """The level of the first heading when no heading above it comes (（一） or 1. first);
        numbered problems (1. with a label) are not headings."""
        levels = []
        for k, para in enumerate(paras):
            found = classify(para.text)
            after = paras[k + 1] if k + 1 < len(paras) else None
            following = after.text if after is not None and not after.heading_level else None
            if (
                found.kind is Kind.HEADING
                and found.level is not None
                and found.damage is None
                and not numbered_problem(found, para.text, following)
            ):
                levels.append(found.level)
            elif para.heading_level:  # a level from the document's structure (# count, outline)
                levels.append(min(max(para.heading_level, 1), 4))
        top = min(levels, default=1)
        if top > 1:
            self.report(
                "RD026",
                _("正文的第一级标题是第{level}级（{ordinal}），按原文序号保留").format(
                    level=top, ordinal=heading_ordinal(top, 1)
                ),
                paras[0].line if paras else None,
            )
        return top

    def _paragraph(self, container: SectionNode, text: str, line: int) -> TextNode:
        """A body paragraph; a run of 一是/二是 paragraphs outside problems is checked too."""
        numbers: list[int] = []
        if (split := split_run_in_measures(text)) is not None:
            numbers = [number for number, _measure in split]
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
        if number < expected:
            message = _("“一是、二是”序号重复：此处应为“{expected}”，原文为“{written}”")
        else:
            message = _("“一是、二是”序号跳号：此处应为“{expected}”，原文为“{written}”")
        self.report(
            DEFECTS["measure-sequence"].code,
            message.format(expected=measure_lead(expected), written=measure_lead(number)),
            line,
        )

    def _new_problem(self, text: str, line: int) -> tuple[ProblemNode, bool]:
        """A problem from its line: statement, description, then any labels run in; and
        whether measures follow (the line ended in a measures label)."""
        parts = split_labelled(text)
        lead = parts[0].text if parts and parts[0].label is None else ""
        quoted = quoted_problem(lead)
        if quoted is not None:
            # 关于“……”的问题: the quoted feedback is the problem (the wrapper reported)
            message = _("{text} 读作问题“{problem}”")
            self.report("RD035", message.format(text=quote(lead), problem=quoted[0]), line)
            statement, description = first_sentence(quoted[0])
            description = " ".join(t for t in (description, quoted[1]) if t)
        else:
            statement, description = first_sentence(lead.strip())
        status = leading_status(description) if description else None
        if status is not None:
            # 1.问题。已整改。整改措施…: the status, then what was done
            description = ""
        if description:
            description = self._closed(description, line)
        else:
            statement = self._closed(statement, line)
        problem = ProblemNode(line, statement, description or None)
        if status is not None:
            problem.status, problem.details["status"] = status[0], line
            message = _("{text} 中的完成情况读作“{status}”")
            self.report("RD034", message.format(text=quote(lead), status=status[0]), line)
            if status[1]:
                problem.measures.append(TextNode(self._closed(status[1], line), line))
                problem.leads.append(None)
        labelled = [p for p in parts if p.label is not None]
        return problem, self._labelled(problem, labelled, line) if labelled else False

    def _labelled(self, problem: ProblemNode, parts: list[Labelled], line: int) -> bool:
        """Labelled parts of a line under a problem; whether measures follow."""
        in_measures = False
        for part in parts:
            if part.label is None:
                continue
            value = part.text.strip()
            kind = label_kind(part.label, value)
            if kind is LabelKind.STATUS and not value:
                kind = LabelKind.MEASURES  # 完成情况： alone, measures below it
            if kind is LabelKind.STATUS:
                status = status_of(value)
                problem.status, problem.details["status"] = status, line
                message = _("“{label}：{value}”读作完成情况（{status}）")
                self.report("RD034", message, line, label=part.label, value=value, status=status)
                planned = planned_deadline(value)
                if planned is not None and problem.deadline is None:
                    problem.deadline, problem.details["deadline"] = planned, line
                    message = _("“{value}”中的“{deadline}”读作整改时限")
                    self.report("RD037", message.format(value=value, deadline=planned), line)
                in_measures = False
            elif kind is LabelKind.DEADLINE:
                problem.deadline, problem.details["deadline"] = value.rstrip("。；"), line
                in_measures = False
            elif kind is LabelKind.RESPONSIBLE:
                problem.responsible, problem.details["responsible"] = value.rstrip("。；"), line
                in_measures = False
            elif problem.label is None:
                problem.label, problem.label_line = part.label, line
                in_measures = True
                if value:
                    self._add_measures(problem, value, line)
                    stated = trailing_status(value)
                    if stated is not None and problem.status is None:
                        problem.status, problem.details["status"] = stated, line
                        message = _("“{label}”末句读作完成情况（{status}）")
                        self.report("RD034", message, line, label=part.label, status=stated)
            else:
                in_measures = True
                self._add_measures(problem, f"{part.label}：{value}", line)
        return in_measures

    def _problem_label_findings(self, text: str, number: int, expected: int, line: int) -> None:
        m = re.match(r"\s*问题\s*([0-9０-９]+)\s*([：:])?", text)
        if m is not None and m[2] is None:
            digits = m[1]
            if len(digits) > len(str(number)):
                self.report(
                    "RD031",
                    _(
                        "{text}：“问题”后的数字与正文连在一起，按顺序读作“问题{number}”，"
                        "正文以“{start}”开头"
                    ).format(
                        text=self.original(line), number=number, start=digits[len(str(number)) :]
                    ),
                    line,
                )
            else:
                message = _("“问题{number}”后缺少冒号：{text}")
                self.report("RD030", message.format(number=number, text=self.original(line)), line)
        if number != expected:
            if number < expected:
                message = _(
                    "问题编号重复：应为“问题{expected}”，原文为“问题{number}”（按位置编号）"
                )
            else:
                message = _(
                    "问题编号跳号：应为“问题{expected}”，原文为“问题{number}”（按位置编号）"
                )
            message = message.format(expected=expected, number=number)
            self.report(DEFECTS["problem-sequence"].code, message, line)

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
                _("{text} 的序号丢失，按位置补为“{ordinal}”").format(
                    text=self.original(para.line), ordinal=ordinal
                ),
                para.line,
                fix=ordinal,
            )
        elif mark.damage == "bracket" and mark.number is not None:
            ordinal = heading_ordinal(level, mark.number)
            self.report(
                "RD021",
                _("{text} 的序号缺少左括号，读作“{ordinal}”").format(
                    text=self.original(para.line), ordinal=ordinal
                ),
                para.line,
                fix=ordinal,
            )
        if mark.number is not None and mark.number != expected and mark.damage != "ordinal":
            if mark.number < expected:
                message = _("标题序号重复：此处应为“{expected}”，原文为“{written}”：{text}")
            else:
                message = _("标题序号跳号：此处应为“{expected}”，原文为“{written}”：{text}")
            self.report(
                DEFECTS["heading-repeat" if mark.number < expected else "heading-gap"].code,
                message.format(
                    expected=heading_ordinal(level, expected),
                    written=heading_ordinal(level, mark.number),
                    text=self.original(para.line),
                ),
                para.line,
            )
        top = self.top_level or 1
        if depth + top != level:
            self.report(
                "RD023",
                _("{text} 是第{level}级标题，却位于第{parent}级标题之下，按第{read}级读取").format(
                    text=self.original(para.line),
                    level=level,
                    parent=depth + top - 1,
                    read=depth + top,
                ),
                para.line,
            )
        heading, rest = first_sentence(mark.rest.strip())
        section = SectionNode(heading, para.line, level, mark.number)
        parent.items.append(section)
        stack.append(section)
        if rest:
            self.report(
                "RD024",
                _("{text}：标题与正文在同一段，读作标题后接正文（run_in）").format(
                    text=self.original(para.line)
                ),
                para.line,
            )
            section.run_in = True
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
                _("{text} 的序数词丢失，前为“{previous}”，读作“{read}”").format(
                    text=self.original(line),
                    previous=measure_lead(previous),
                    read=measure_lead(number),
                ),
                line,
                fix=measure_lead(number),
            )
        else:
            number, rest = None, text
            if previous is not None:
                self.report(
                    "RD041",
                    _("{text} 前没有“{lead}”，按第{number}项措施读取").format(
                        text=self.original(line),
                        lead=measure_lead(len(problem.measures) + 1),
                        number=len(problem.measures) + 1,
                    ),
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
                        DEFECTS["problem-count"].code,
                        _("正文说“{stated}”，读到的问题共 {count} 个").format(
                            stated=m[0], count=total
                        ),
                        text.line,
                    )
            for m in _COUNT_ASPECTS.finditer(text.text):
                stated = _number(m[1])
                if stated is not None and stated != len(aspects):
                    self.report(
                        DEFECTS["aspect-count"].code,
                        _("正文说“{stated}”，读到的含问题的小节共 {count} 个").format(
                            stated=m[0], count=len(aspects)
                        ),
                        text.line,
                    )


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        return parse_chinese_numeral(text)
    except ValueError:
        return None
