"""Blocks (style role + runs) back into a notice: the inverse of :func:`gongwen.compose.compose`.

A .docx rendered by gongwen names the role of every paragraph in its style, and keeps the
derived ordinals (一、, 问题N：, 一是) in runs of their own, so reading it back is exact: the
role says what a paragraph is, and only the ordinal that position implies is stripped. What
the rendered document does not show cannot come back: a problem's ``status``, and
``published`` when a 成文日期 or 印发日期 dates the document (see :func:`notice_from_blocks`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gongwen.compose import Block, Run
from gongwen.dates import parse_date
from gongwen.findings import Finding
from gongwen.layout import HEADING_ROLES, StyleRole
from gongwen.loader import notice_from_data
from gongwen.numbering import attachment_label, heading_ordinal, measure_lead, problem_label
from gongwen.ooxml import FALLBACK_DATE
from gongwen.read.parse import ReadResult
from gongwen.read.recognise import split_run_in_measures
from gongwen.read.special import attendance_line, special_data

__all__ = ["LinedBlock", "notice_from_blocks"]


@dataclass(frozen=True)
class LinedBlock:
    """A block and the number of the paragraph it was read from."""

    block: Block
    line: int


@dataclass
class _Container:
    items: list[dict[str, Any]] = field(default_factory=list)
    path: str = "body"


_CHINESE_DATE_START = "〇零一二三四五六七八九"


def _strip_prefix(text: str, prefix: str) -> str:
    return text[len(prefix) :] if text.startswith(prefix) else text


def _runs_after(runs: tuple[Run, ...], prefix: str) -> list[str]:
    """The texts of the runs after a leading run that holds exactly ``prefix``.

    When the runs were split otherwise (a document edited in Word), the joined text without
    the prefix is the single item returned.
    """
    if runs and runs[0].text == prefix:
        return [r.text for r in runs[1:]]
    text = "".join(r.text for r in runs)
    return [_strip_prefix(text, prefix)]


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.findings: list[Finding] = []
        self.lines: dict[str, int] = {}
        self.data: dict[str, Any] = {}
        self.run_in = False

    def body(self, blocks: Sequence[LinedBlock], path: str) -> list[dict[str, Any]]:
        """Body items from headings, paragraphs, problems, labels and measures."""
        root = _Container(path=path)
        stack: list[_Container] = [root]
        counts = [0, 0, 0, 0]
        problems = 0
        problem: dict[str, Any] | None = None
        problem_path = ""
        measure_blocks: list[LinedBlock] = []

        def close_problem() -> None:
            nonlocal problem, measure_blocks
            if problem is not None and measure_blocks:
                self._measures(problem, measure_blocks, problem_path)
            problem, measure_blocks = None, []

        for lined in blocks:
            block, line = lined.block, lined.line
            role = block.role
            container = stack[-1]
            if role in HEADING_ROLES:
                close_problem()
                depth = HEADING_ROLES.index(role)
                del stack[depth + 1 :]
                while len(stack) < depth + 1:  # a level skipped in an edited document
                    stack.append(stack[-1])
                counts[depth] += 1
                counts[depth + 1 :] = [0] * (len(counts) - depth - 1)
                parent = stack[depth]
                ordinal = heading_ordinal(depth + 1, counts[depth])
                heading = "".join(_runs_after(block.runs, ordinal)).strip()
                here = f"{parent.path}[{len(parent.items)}].section"
                section: dict[str, Any] = {"heading": heading, "body": []}
                parent.items.append({"section": section})
                self.lines[here] = line
                self.lines[f"{here}.heading"] = line
                stack.append(_Container(section["body"], f"{here}.body"))
            elif role == StyleRole.PROBLEM:
                close_problem()
                problems += 1
                parts = _runs_after(block.runs, problem_label(problems))
                problem = {"statement": parts[0].strip()}
                description = "".join(parts[1:]).strip()
                if description:
                    problem["description"] = description
                problem_path = f"{container.path}[{len(container.items)}].problem"
                container.items.append({"problem": problem})
                self.lines[problem_path] = line
                self.lines[f"{problem_path}.statement"] = line
                if description:
                    self.lines[f"{problem_path}.description"] = line
            elif role == StyleRole.MEASURES_LABEL and problem is not None:
                label = block.text.strip()
                label = label[:-1] if label.endswith("：") else label
                if label != "整改情况":
                    problem["measures_label"] = label
                self.lines[f"{problem_path}.measures_label"] = line
            elif role == StyleRole.MEASURE and problem is not None:
                measure_blocks.append(lined)
            else:
                close_problem()
                if role != StyleRole.BLANK and block.text.strip():
                    here = f"{container.path}[{len(container.items)}].paragraph"
                    container.items.append({"paragraph": block.text.strip()})
                    self.lines[here] = line
        close_problem()
        return root.items

    def _measures(self, problem: dict[str, Any], blocks: list[LinedBlock], path: str) -> None:
        if len(blocks) == 1:
            text = blocks[0].block.text.strip()
            split = split_run_in_measures(text)
            measures = [text] if split is None else [measure for _, measure in split]
            if split is not None:
                self.run_in = True
        else:
            measures = [
                "".join(_runs_after(b.block.runs, measure_lead(n))).strip()
                for n, b in enumerate(blocks, start=1)
            ]
        problem["measures"] = measures
        for n in range(len(measures)):
            self.lines[f"{path}.measures[{n}]"] = blocks[min(n, len(blocks) - 1)].line


def notice_from_blocks(
    blocks: Sequence[LinedBlock],
    *,
    source: str,
    created: date | None = None,
    properties: dict[str, str] | None = None,
) -> ReadResult:
    """Read the blocks of a rendered notice back into the model.

    ``created`` is the document's own date (``dcterms:created``): gongwen dates a document by
    its 成文日期, else its 印发日期, else its 发布日期, so when neither of the first two is
    there it is taken as ``published``. ``properties`` are the document's custom properties:
    they name a special format and hold what it does not print (:mod:`gongwen.read.special`).
    """
    reader = _Reader(source)
    data = reader.data
    lines = reader.lines
    header: dict[str, Any] = {}
    body_blocks: list[LinedBlock] = []
    attachments: list[dict[str, Any]] = []
    bound: list[tuple[int, LinedBlock, list[LinedBlock]]] = []
    signature_organs: list[str] = []
    blanks_before_signature = 0
    trailing_blanks = 0
    region = "body"
    for lined in blocks:
        block, line = lined.block, lined.line
        role, text = block.role, block.text
        if role == StyleRole.BLANK:
            trailing_blanks += 1
            if region == "attachment":
                bound[-1][2].append(lined)
            continue
        blanks, trailing_blanks = trailing_blanks, 0
        if role == StyleRole.COPY_NUMBER:
            header["copy_number"] = text
            lines["header.copy_number"] = line
        elif role == StyleRole.CLASSIFICATION:
            level, _, period = text.partition("★")
            header["classification"] = {"level": level, **({"period": period} if period else {})}
            lines["header.classification"] = line
        elif role == StyleRole.URGENCY:
            header["urgency"] = text
            lines["header.urgency"] = line
        elif role == StyleRole.ISSUER_MARK and "issuer_mark" in header:
            # A joint issue's 标志 is a table: one paragraph per organ, then 文件.
            mark = header["issuer_mark"]
            if text == "文件":
                mark["with_wenjian"] = True
            else:
                mark["organs"].append(text)
        elif role == StyleRole.ISSUER_MARK:
            organs = text.split("\n")
            with_wenjian = False
            if len(organs) > 1 and organs[-1] == "文件":
                organs, with_wenjian = organs[:-1], True
            elif len(organs) == 1 and organs[0].endswith("文件"):
                organs, with_wenjian = [organs[0][: -len("文件")]], True
            header["issuer_mark"] = {"organs": organs, "with_wenjian": with_wenjian}
            lines["header.issuer_mark"] = line
        elif role == StyleRole.DOCUMENT_NUMBER:
            header["document_number"] = text
            lines["header.document_number"] = line
        elif role == StyleRole.SIGNER:
            # One line a pair of names; the 字号 stands before the last pair (cl. 7.2.5).
            number, _, names = text.partition("\t")
            if number:
                header["document_number"] = number
                lines["header.document_number"] = line
            names = names.removeprefix("签发人：")
            header.setdefault("signers", []).extend(n for n in names.split("　") if n)
            lines.setdefault("header.signers", line)
        elif role == StyleRole.RED_RULE:
            continue
        elif role == StyleRole.TITLE:
            data["title"] = text.split("\n")
            lines["title"] = line
        elif role == StyleRole.ADDRESSEE:
            data["addressees"] = _strip_suffix(text, "：").split("、")
            lines["addressees"] = line
        elif role == StyleRole.CONTACT:
            data["contact"] = _contact(text)
            lines["contact"] = line
        elif role == StyleRole.ATTACHMENT_NOTE and attendance_line(text) is not None:
            listed, people = attendance_line(text) or ("", [])
            data.setdefault("attendance", {})[listed] = people
            lines[f"attendance.{listed}"] = line
        elif role == StyleRole.ATTACHMENT_NOTE:
            named = _strip_prefix(text, "附件：").split("\n")
            if len(named) > 1:
                named = [_strip_prefix(n, f"{i}.") for i, n in enumerate(named, start=1)]
            attachments = [{"title": n} for n in named]
            lines["attachments"] = line
        elif role == StyleRole.SIGNATURE:
            if not signature_organs:
                blanks_before_signature = blanks
                lines["signature"] = line
            lines[f"signature.organs[{len(signature_organs)}]"] = line
            signature_organs.append(text)
        elif role == StyleRole.SIGNATURE_DATE:
            if not signature_organs:
                blanks_before_signature = blanks
                lines["signature"] = line
            data["signature"] = {
                "organs": signature_organs,
                "date": parse_date(text).isoformat(),
                "sealed": blanks_before_signature != 1,
            }
            lines["signature.date"] = line
            if text[:1] in _CHINESE_DATE_START:
                data.setdefault("presentation", {})["date_numerals"] = "chinese"
        elif role == StyleRole.NOTE:
            data["note"] = _strip_suffix(_strip_prefix(text, "（"), "）")
            lines["note"] = line
        elif role == StyleRole.ATTACHMENT_LABEL:
            region = "attachment"
            bound.append((len(bound), lined, []))
        elif role == StyleRole.IMPRINT_COPY_TO:
            names = _strip_suffix(_strip_prefix(text, "抄送："), "。")
            data.setdefault("imprint", {})["copy_to"] = names.split("，")
            lines["imprint.copy_to"] = line
        elif role == StyleRole.IMPRINT_PRINTER:
            printer, _, printed = text.partition("\t")
            imprint = data.setdefault("imprint", {})
            imprint["printer"] = printer
            imprint["print_date"] = parse_date(_strip_suffix(printed, "印发")).isoformat()
            lines["imprint"] = line
        elif region == "attachment":
            bound[-1][2].append(lined)
        else:
            body_blocks.append(lined)
    special_data(data, header, properties or {})
    if header:
        data["header"] = header
    data["body"] = reader.body(body_blocks, "body")
    for _, label_block, content in bound:
        label = label_block.block.text
        position = _attachment_position(label, len(attachments))
        titles = [c for c in content if c.block.role == StyleRole.ATTACHMENT_TITLE]
        rest = [c for c in content if c.block.role != StyleRole.ATTACHMENT_TITLE]
        while len(attachments) <= position:
            attachments.append({"title": ""})
        path = f"attachments[{position}]"
        if titles:
            attachments[position]["title"] = titles[0].block.text
            lines[f"{path}.title"] = titles[0].line
        attachments[position]["body"] = reader.body(rest, f"{path}.body")
        lines[path] = label_block.line
    if attachments:
        data["attachments"] = attachments
    if reader.run_in:
        data.setdefault("presentation", {})["measures"] = "run-in"
    dated_otherwise = "signature" in data or "imprint" in data
    if created is not None and created != FALLBACK_DATE and not dated_otherwise:
        data["published"] = created.isoformat()
    notice = notice_from_data(data, file=source)
    return ReadResult(notice, reader.findings, lines, source, {})


def _attachment_position(label: str, count: int) -> int:
    """The 0-based index of the attachment a label (附件 or 附件N) names.

    >>> _attachment_position("附件3", 3), _attachment_position("附件", 1)
    (2, 0)
    """
    if label == attachment_label(1, 1):
        return 0
    m = re.fullmatch(r"附件(\d+)", label)
    return int(m[1]) - 1 if m else max(count - 1, 0)


def _strip_suffix(text: str, suffix: str) -> str:
    return text[: -len(suffix)] if suffix and text.endswith(suffix) else text


def _contact(text: str) -> dict[str, Any]:
    """The inverse of :func:`gongwen.compose.contact_text`.

    >>> c = _contact("联系方式：电话：1、2；邮政信箱：某路1号；电子邮箱：a@b.cn；传真：3。")
    >>> c["phones"], c["postbox"], c["email"], c["others"]
    (['1', '2'], '某路1号', 'a@b.cn', [{'label': '传真', 'value': '3'}])
    """
    lead, _, rest = _strip_suffix(text, "。").partition("：")
    contact: dict[str, Any] = {"lead": lead}
    others: list[dict[str, str]] = []
    for part in rest.split("；"):
        label, _, value = part.partition("：")
        if label == "电话" and "phones" not in contact and not others:
            contact["phones"] = value.split("、")
        elif label == "邮政信箱" and "postbox" not in contact and not others:
            contact["postbox"] = value
        elif label == "电子邮箱" and "email" not in contact and not others:
            contact["email"] = value
        else:
            others.append({"label": label, "value": value})
    if others:
        contact["others"] = others
    return contact
