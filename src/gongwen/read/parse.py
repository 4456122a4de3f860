"""Paragraphs of a published notice (from text or a hand-made .docx) into the model.

The parser works in passes: clean each paragraph and drop page chrome; repair what a scrape
lost where the repair is certain (each repair a finding); cut the paragraphs into the head
(版头, title, 主送机关), the body and the tail (contact, 附件说明, signature, 附注, bound
attachments, 版记); then build the body tree from heading ordinals, 问题N labels, 整改情况
labels and 一是/二是 leads, checking numbering and counts as it goes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gongwen.dates import find_run_together_dates, format_date, parse_date
from gongwen.findings import Finding, InputError
from gongwen.loader import notice_from_data
from gongwen.model import (
    Classification,
    DocumentNumber,
    Notice,
    SecrecyLevel,
    Urgency,
)
from gongwen.numbering import (
    heading_ordinal,
    measure_lead,
    parse_attachment_label,
    parse_chinese_numeral,
    parse_measure_lead,
    parse_problem_label,
)
from gongwen.read.codes import finding
from gongwen.read.recognise import (
    CLOSING,
    ContactParts,
    HeadingMark,
    first_sentence,
    parse_chrome,
    parse_contact,
    parse_heading,
    parse_label,
    parse_standalone_date,
    split_run_in_measures,
)
from gongwen.read.repair import (
    find_lost_numerals,
    find_stray_digits,
    fullwidth_punctuation,
    is_cjk,
    remove_illegal_characters,
    restore_lost_numeral,
)

__all__ = ["ReadResult", "SourceParagraph", "parse_paragraphs"]

QUOTE_CHARS = 24
"""How much of a paragraph a finding quotes."""


@dataclass(frozen=True)
class ReadResult:
    """A notice read back from a published file, with everything the reader noticed.

    ``findings`` holds every repair and every damage found, each with a code (see
    :mod:`gongwen.read.codes`) and the line. ``lines`` maps model field paths, as
    :func:`gongwen.fieldpath.format_path` writes them, to 1-based source lines (paragraph
    numbers for a .docx). ``metadata`` is the page chrome kept (发布日期, 浏览次数, …).
    """

    notice: Notice
    findings: list[Finding]
    lines: dict[str, int]
    source: str
    metadata: dict[str, str]


@dataclass(frozen=True)
class SourceParagraph:
    """One paragraph as the file has it.

    ``line`` is its 1-based line (text) or paragraph number (.docx). ``blank_before`` says
    an empty line separates it from the paragraph before. ``heading_level`` is a hint from a
    .docx heading style or outline level; ``title`` marks a paragraph styled as a title.
    """

    text: str
    line: int
    blank_before: bool = False
    heading_level: int | None = None
    title: bool = False


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A short quotation of ``text`` for a message.

    >>> quote("一二三四五", 3)
    '“一二三…”'
    """
    return f"“{text if len(text) <= limit else text[:limit] + '…'}”"


# ---------------------------------------------------------------------------------------------
# Builders: the tree as it is read, with source lines, before it becomes a model


@dataclass
class _Text:
    text: str
    line: int
    lead: int | None = None
    """The number of the last 一是/二是 lead the paragraph holds, if it is led."""


@dataclass
class _Problem:
    line: int
    statement: str
    description: str | None = None
    label: str | None = None
    label_line: int | None = None
    measures: list[_Text] = field(default_factory=list)
    leads: list[int | None] = field(default_factory=list)
    """The number of each measure's lead as written (None: no lead)."""


@dataclass
class _Section:
    heading: str
    line: int
    level: int
    number: int | None
    items: list[_Item] = field(default_factory=list)

    def sections(self) -> list[_Section]:
        return [i for i in self.items if isinstance(i, _Section)]


_Item = _Text | _Problem | _Section


# ---------------------------------------------------------------------------------------------
# The parser


_DOC_NUMBER = re.compile(r"^.+?[〔\[【(（]\d{4}[〕\]】)）].+?号$")
_SIGNER = re.compile(r"^(?P<number>.*?)\s*签发人\s*[：:]\s*(?P<names>.+)$")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
_CLASSIFICATION = re.compile(r"^(秘密|机密|绝密)\s*(?:★\s*(.+))?$")
_IMPRINT_PRINTER = re.compile(r"^(?P<printer>.+?)[\t 　]+(?P<date>\S+日)\s*印发$")
_ATTACHMENT_NAME = re.compile(r"^([0-9]+)[.．、]\s*(.+)$")
_COUNT_PROBLEMS = re.compile(
    r"([0-9]+|[零一二三四五六七八九十百]+)(?:个|项|条)(?:主要|突出|具体)?问题"
)
_COUNT_ASPECTS = re.compile(r"([0-9]+|[零一二三四五六七八九十]+)个方面")
_ORGAN_PUNCTUATION = set("，。；：！？、,.;:!?")


class _Parser:
    def __init__(self, paragraphs: Sequence[SourceParagraph], source: str) -> None:
        self.source = source
        self.findings: list[Finding] = []
        self.metadata: dict[str, str] = {}
        self.lines: dict[str, int] = {}
        self.originals: dict[int, str] = {p.line: p.text.strip() for p in paragraphs}
        self.paras = self._clean(paragraphs)
        self.run_in = 0
        self.paragraph_lists = 0

    # -- findings ------------------------------------------------------------------------

    def report(self, code: str, message: str, line: int | None, fix: str | None = None) -> None:
        self.findings.append(finding(code, message, file=self.source, line=line, fix=fix))

    def original(self, line: int) -> str:
        """The paragraph on ``line`` as the file has it, quoted for a message."""
        return quote(self.originals.get(line, ""))

    # -- pass 1: clean, chrome, repairs --------------------------------------------------

    def _clean(self, paragraphs: Sequence[SourceParagraph]) -> list[SourceParagraph]:
        out: list[SourceParagraph] = []
        blank = False
        for para in paragraphs:
            text, removed = remove_illegal_characters(para.text)
            if removed:
                self.report("RD003", f"删除了 {removed} 个 Word 文档不能容纳的控制字符", para.line)
            text = text.strip(" \t\u3000\r\n\ufeff\xa0")
            if not text:
                blank = True
                continue
            chrome = parse_chrome(text)
            if chrome is not None:
                for key, value in chrome.metadata.items():
                    self.metadata.setdefault(key, value)
                kept = "，保留" + "、".join(chrome.metadata) if chrome.metadata else "，已删除"
                self.report("RD001", f"网页附加内容 {quote(text)}{kept}", para.line)
                blank = True
                continue
            out.append(
                SourceParagraph(
                    text, para.line, para.blank_before or blank, para.heading_level, para.title
                )
            )
            blank = False
        out = [self._punctuation(p) for p in out]
        out = [self._dates(p) for p in out]
        document = "\n".join(p.text for p in out)
        out = [self._numerals(p, document) for p in out]
        for p in out:
            self._stray_digits(p)
        return out

    def _replace(self, para: SourceParagraph, text: str) -> SourceParagraph:
        return SourceParagraph(text, para.line, para.blank_before, para.heading_level, para.title)

    def _punctuation(self, para: SourceParagraph) -> SourceParagraph:
        text, counts = fullwidth_punctuation(para.text)
        if not counts:
            return para
        detail = "、".join(f"“{mark}”×{n}" for mark, n in counts.items())
        first = min(i for i, c in enumerate(para.text) if c != text[i])
        context = para.text[max(0, first - 8) : first + 8]
        self.report(
            "RD002",
            f"{sum(counts.values())} 处半角标点改为全角（{detail}），如 {quote(context)}",
            para.line,
        )
        return self._replace(para, text)

    def _dates(self, para: SourceParagraph) -> SourceParagraph:
        text = para.text
        reports: list[tuple[str, str, str | None]] = []
        for run in reversed(find_run_together_dates(text)):
            if len(run.candidates) == 1:
                fixed = format_date(run.candidates[0])
                message = f"日期 {quote(run.text)} 缺少“年”“月”，改为“{fixed}”（只有这一种读法）"
                reports.append(("RD010", message, fixed))
                text = text[: run.start] + fixed + text[run.end :]
            else:
                readings = "、".join(format_date(d) for d in run.candidates)
                message = f"日期 {quote(run.text)} 缺少“年”“月”，可读作 {readings}，未修改"
                reports.append(("RD011", message, None))
        for code, message, fix in reversed(reports):
            self.report(code, message, para.line, fix=fix)
        return para if text == para.text else self._replace(para, text)

    def _numerals(self, para: SourceParagraph, document: str) -> SourceParagraph:
        text = para.text
        reports: list[tuple[str, str, str | None]] = []
        for lost in reversed(find_lost_numerals(text, document)):
            damaged = text[max(0, lost.index - 2) : lost.index + 1 + len(lost.following)]
            if lost.restored is not None:
                message = (
                    f"{quote(damaged)} 在“第”后缺少数字；本文另处写作"
                    f"“第{lost.restored}{lost.following}”，据此补为“{lost.restored}”"
                )
                reports.append(("RD012", message, lost.restored))
                text = restore_lost_numeral(text, lost)
            else:
                named = "、".join(f"第{c}{lost.following}" for c in lost.candidates)
                also = f"，本文另处有 {named}" if named else ""
                message = f"{quote(damaged)} 在“第”后缺少数字{also}，未修改"
                reports.append(("RD013", message, None))
        for code, message, fix in reversed(reports):
            self.report(code, message, para.line, fix=fix)
        return para if text == para.text else self._replace(para, text)

    def _stray_digits(self, para: SourceParagraph) -> None:
        for stray in find_stray_digits(para.text):
            around = para.text[max(0, stray.start - 3) : stray.end + 3]
            reading = "”或“".join(stray.dates)
            self.report(
                "RD014",
                f"{quote(around)} 中的数字“{stray.digits}”前后缺少文字或标点，"
                f"可能是“{reading}”，未修改",
                para.line,
            )

    # -- pass 2: regions --------------------------------------------------------------------

    def parse(self) -> ReadResult:
        paras = self.paras
        if not paras:
            raise InputError.single(
                "RD107", "没有找到公文内容（文件为空或只有网页附加内容）", file=self.source
            )
        data: dict[str, Any] = {}
        start = self._head(paras, data)
        end, tail = self._tail_regions(paras, start)
        body_paras = paras[start:end]
        contact, body_paras = self._contact(body_paras)
        items = self._body(body_paras)
        if not items:
            raise InputError.single(
                "RD107", "没有找到正文（只有标题）", file=self.source, line=paras[-1].line
            )
        self._check_counts(items)
        data["body"] = self._dump_items(items, "body")
        if contact is not None:
            data["contact"] = contact
        self._tail(tail, data)
        if "发布日期" in self.metadata or "发布时间" in self.metadata:
            value = self.metadata.get("发布日期") or self.metadata.get("发布时间", "")
            published = _leading_date(value)
            if published is not None:
                data["published"] = published.isoformat()
        if self.run_in and not self.paragraph_lists:
            data["presentation"] = {"measures": "run-in"}
        notice = notice_from_data(data, file=self.source)
        self.findings.sort(key=lambda f: f.location.line or 0)
        return ReadResult(notice, self.findings, self.lines, self.source, self.metadata)

    # -- head: 版头, title, 主送机关 ---------------------------------------------------------

    def _head(self, paras: list[SourceParagraph], data: dict[str, Any]) -> int:
        i = 0
        header: dict[str, Any] = {}
        # 份号, 密级, 紧急程度
        while i < len(paras):
            text = paras[i].text
            if re.fullmatch(r"[0-9]{6}", text) and "copy_number" not in header:
                header["copy_number"] = text
                self.lines["header.copy_number"] = paras[i].line
            elif (m := _CLASSIFICATION.match(text)) and "classification" not in header:
                header["classification"] = Classification(
                    level=SecrecyLevel(m[1]), period=m[2]
                ).model_dump(exclude_none=True)
                self.lines["header.classification"] = paras[i].line
            elif text in (Urgency.URGENT, Urgency.EXTRA_URGENT) and "urgency" not in header:
                header["urgency"] = text
                self.lines["header.urgency"] = paras[i].line
            else:
                break
            i += 1
        # 发文机关标志 and 发文字号: organ lines followed, within a few lines, by the 字号
        for j in range(i, min(i + 6, len(paras))):
            number_line = paras[j].text
            signer = _SIGNER.match(number_line)
            if signer is None and not _DOC_NUMBER.match(number_line):
                continue
            number = signer["number"].strip() if signer else number_line
            if number and not _DOC_NUMBER.match(number):
                break
            organs = [p.text for p in paras[i:j]]
            if organs:
                with_wenjian = organs[-1] == "文件" or organs[-1].endswith("文件")
                if organs[-1] == "文件":
                    organs = organs[:-1]
                elif with_wenjian:
                    organs[-1] = organs[-1][: -len("文件")]
                if organs and all(organs):
                    header["issuer_mark"] = {"organs": organs, "with_wenjian": with_wenjian}
                    self.lines["header.issuer_mark"] = paras[i].line
            if number:
                try:
                    DocumentNumber.model_validate(number)
                    header["document_number"] = number
                    self.lines["header.document_number"] = paras[j].line
                except ValueError:
                    break
            if signer:
                header["signers"] = [n for n in re.split(r"[\s、，]+", signer["names"]) if n]
                self.lines["header.signers"] = paras[j].line
                if not number:
                    # More than two 签发人: names go on in the next lines, two a line, and the
                    # 字号 stands before the last of them (cl. 7.2.5, 7.2.6).
                    while j + 1 < len(paras):
                        tokens = paras[j + 1].text.split()
                        if tokens and _DOC_NUMBER.match(tokens[0]):
                            header["document_number"] = tokens[0]
                            self.lines["header.document_number"] = paras[j + 1].line
                            tokens = tokens[1:]
                        elif not tokens or not all(_NAME.match(t) for t in tokens):
                            break
                        header["signers"] += tokens
                        j += 1
                        if "document_number" in header:
                            break
            i = j + 1
            break
        if header:
            data["header"] = header
        # 标题: the paragraphs up to the first empty line, a few short lines at most
        if i >= len(paras):
            raise InputError.single("RD107", "没有找到标题和正文", file=self.source)
        title = [paras[i]]
        if "\n" not in paras[i].text:
            j = i + 1
            while (
                j < len(paras)
                and len(title) < 3
                and not paras[j].blank_before
                and _title_like(paras[j].text)
                and _title_like(paras[i].text)
                and not paras[j].heading_level
            ):
                title.append(paras[j])
                j += 1
        data["title"] = [line for p in title for line in p.text.split("\n") if line.strip()]
        self.lines["title"] = title[0].line
        i += len(title)
        # 主送机关: one short line ending with a colon
        if i < len(paras) and _addressee_like(paras[i].text):
            names = [
                n.strip() for n in re.split(r"[、，]", paras[i].text.rstrip("：:")) if n.strip()
            ]
            data["addressees"] = names
            self.lines["addressees"] = paras[i].line
            i += 1
        return i

    # -- tail: contact, 附件说明, 署名, 日期, 附注, attachments, 版记 -------------------------

    def _tail_regions(self, paras: list[SourceParagraph], start: int) -> tuple[int, dict[str, Any]]:
        """Where the body ends, and the tail's pieces (paragraph lists by kind)."""
        end = len(paras)
        tail: dict[str, Any] = {}
        # 版记 at the very end
        imprint: list[SourceParagraph] = []
        while end > start + 1:
            text = paras[end - 1].text
            if _IMPRINT_PRINTER.match(text) or re.match(r"^抄\s*送\s*[：:]", text):
                imprint.insert(0, paras[end - 1])
                end -= 1
            else:
                break
        if any(_IMPRINT_PRINTER.match(p.text) for p in imprint):
            tail["imprint"] = imprint
        else:
            end += len(imprint)
        # bound attachments: from the first paragraph that is a bare 附件/附件N label
        for k in range(start + 1, end):
            label = parse_attachment_label(paras[k].text)
            if label is not None and label[1] == "" and paras[k].text.startswith("附件"):
                tail["bound"] = paras[k:end]
                end = k
                break
        # 附注 after the date, the date, the 署名 above it
        if (
            end - 2 > start
            and _is_note(paras[end - 1].text)
            and parse_standalone_date(paras[end - 2].text) is not None
        ):
            tail["note"] = paras[end - 1]
            end -= 1
        if end - 1 > start and parse_standalone_date(paras[end - 1].text) is not None:
            tail["date"] = paras[end - 1]
            end -= 1
            organs: list[SourceParagraph] = []
            while end - 1 > start and len(organs) < 4 and _organ_like(paras[end - 1].text):
                organs.insert(0, paras[end - 1])
                end -= 1
            tail["organs"] = organs
        # 附件说明: 附件：name, or 附件：1.name then 2.name …
        for k in range(end - 1, start, -1):
            if re.match(r"^附件\s*[：:]", paras[k].text):
                tail["note_of_attachments"] = paras[k:end]
                end = k
                break
        return end, tail

    def _contact(
        self, paras: list[SourceParagraph]
    ) -> tuple[dict[str, Any] | None, list[SourceParagraph]]:
        """The contact block at the end of the body, in one paragraph or one line each."""
        if not paras:
            return None, paras
        parts: list[ContactParts] = []
        k = len(paras)
        while k > 1:
            found = parse_contact(paras[k - 1].text)
            if found is None:
                break
            parts.insert(0, found)
            k -= 1
            if found.before:
                break
        if not parts:
            last = paras[-1].text
            if re.search(r"(联系方式|电子邮箱|邮政信箱)", last) and re.search(r"[：:]", last):
                self.report(
                    "RD060", f"{quote(last)} 像联系方式，但无法逐项读出，保留为段落", paras[-1].line
                )
            return None, paras
        if len(parts) > 1 and any(p.before for p in parts[1:]):
            return None, paras
        line = paras[k].line
        contact: dict[str, Any] = {}
        lead = next((p.lead for p in parts if p.lead), None)
        if lead:
            contact["lead"] = lead
        phones = [n for p in parts for n in p.phones]
        if phones:
            contact["phones"] = phones
        postbox = next((p.postbox for p in parts if p.postbox), None)
        if postbox:
            contact["postbox"] = postbox
        email = next((p.email for p in parts if p.email), None)
        if email:
            contact["email"] = email
        others = [{"label": label, "value": value} for p in parts for label, value in p.others]
        if others:
            contact["others"] = others
        if len(contact) == (1 if lead else 0):
            return None, paras
        rest = list(paras[:k])
        if parts[0].before:
            first = paras[k]
            rest.append(self._replace(first, parts[0].before))
        self.lines["contact"] = line
        return contact, rest

    def _tail(self, tail: dict[str, Any], data: dict[str, Any]) -> None:
        attachments: list[dict[str, Any]] = []
        note_paras: list[SourceParagraph] = tail.get("note_of_attachments", [])
        if note_paras:
            first = re.sub(r"^附件\s*[：:]\s*", "", note_paras[0].text)
            names = [first, *(p.text for p in note_paras[1:])]
            numbered = [_ATTACHMENT_NAME.match(n) for n in names]
            if all(numbered) and (len(names) > 1 or (numbered[0] and numbered[0][1] == "1")):
                names = [m[2] for m in numbered if m]
            attachments = [{"title": n.strip()} for n in names if n.strip()]
            self.lines["attachments"] = note_paras[0].line
        bound = tail.get("bound", [])
        if bound:
            for chunk in _split_attachments(bound):
                label, *content = chunk
                number = parse_attachment_label(label.text)
                position = (number[0] if number and number[0] else 1) - 1
                if not content:
                    continue
                title_paras = [content[0]]
                for p in content[1:3]:
                    if p.blank_before or not _title_like(p.text):
                        break
                    title_paras.append(p)
                title = "\n".join(p.text for p in title_paras)
                body = self._body(content[len(title_paras) :])
                while len(attachments) <= position:
                    attachments.append({"title": title.replace("\n", "")})
                path = f"attachments[{position}]"
                attachments[position]["title"] = title
                attachments[position]["body"] = self._dump_items(body, f"{path}.body")
                self.lines[path] = label.line
                self.lines[f"{path}.title"] = title_paras[0].line
        if attachments:
            data["attachments"] = attachments
        if "date" in tail:
            date_para: SourceParagraph = tail["date"]
            signed = parse_standalone_date(date_para.text)
            assert signed is not None
            organs = [p.text for p in tail.get("organs", [])]
            data["signature"] = {"organs": organs, "date": signed.isoformat()}
            self.lines["signature"] = (tail["organs"][0] if organs else date_para).line
            self.lines["signature.date"] = date_para.line
            for n, p in enumerate(tail.get("organs", [])):
                self.lines[f"signature.organs[{n}]"] = p.line
            if any(c in "〇零一二三四五六七八九" for c in date_para.text[:1]):
                data.setdefault("presentation", {})["date_numerals"] = "chinese"
        if "note" in tail:
            data["note"] = tail["note"].text[1:-1].strip()
            self.lines["note"] = tail["note"].line
        if "imprint" in tail:
            imprint: dict[str, Any] = {}
            for p in tail["imprint"]:
                if m := _IMPRINT_PRINTER.match(p.text):
                    imprint["printer"] = m["printer"].strip()
                    imprint["print_date"] = parse_date(m["date"]).isoformat()
                    self.lines["imprint"] = p.line
                else:
                    copied = re.sub(r"^抄\s*送\s*[：:]\s*", "", p.text).rstrip("。.")
                    imprint["copy_to"] = [
                        n.strip() for n in re.split(r"[，、,]", copied) if n.strip()
                    ]
                    self.lines["imprint.copy_to"] = p.line
            data["imprint"] = imprint

    # -- pass 3: the body tree ----------------------------------------------------------------

    def _body(self, paras: list[SourceParagraph]) -> list[_Item]:
        root = _Section("", 0, 0, None)
        stack: list[_Section] = [root]
        problem: _Problem | None = None
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

    def _paragraph(self, container: _Section, text: str, line: int) -> _Text:
        """A body paragraph; a run of 一是/二是 paragraphs outside problems is checked too."""
        numbers: list[int] = []
        if (split := split_run_in_measures(text)) is not None:
            numbers = [number for number, _ in split]
        elif (lead := parse_measure_lead(text)) is not None:
            numbers = [lead[0]]
        if numbers:
            previous = container.items[-1] if container.items else None
            expected = 1
            if isinstance(previous, _Text) and previous.lead is not None:
                expected = previous.lead + 1
            for number in numbers:
                if number != expected:
                    self._lead_skip(expected, number, line)
                expected = number + 1
        return _Text(self._closed(text, line), line, numbers[-1] if numbers else None)

    def _lead_skip(self, expected: int, number: int, line: int) -> None:
        kind = "重复" if number < expected else "跳号"
        self.report(
            "RD042",
            f"“一是、二是”序号{kind}：此处应为“{measure_lead(expected)}”，"
            f"原文为“{measure_lead(number)}”",
            line,
        )

    def _new_problem(self, text: str, line: int) -> _Problem:
        statement, description = first_sentence(text.strip())
        if description:
            description = self._closed(description, line)
        else:
            statement = self._closed(statement, line)
        return _Problem(line, statement, description or None)

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
        self, stack: list[_Section], mark: HeadingMark, para: SourceParagraph
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
        section = _Section(heading, para.line, level, mark.number)
        parent.items.append(section)
        stack.append(section)
        if rest:
            self.report(
                "RD024", f"{self.original(para.line)}：标题与正文在同一段，已分开", para.line
            )
            section.items.append(_Text(self._closed(rest, para.line), para.line))

    def _add_measures(self, problem: _Problem, text: str, line: int) -> None:
        run_in = split_run_in_measures(text)
        if run_in is not None:
            self.run_in += 1
            for written, measure in run_in:
                problem.measures.append(_Text(measure, line))
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
        problem.measures.append(_Text(self._closed(rest.strip(), line), line))
        problem.leads.append(number)

    def _check_measures(self, root: _Section) -> None:
        for problem in _problems(root.items):
            if len({m.line for m in problem.measures}) > 1:
                self.paragraph_lists += 1
            expected = 1
            for number, measure in zip(problem.leads, problem.measures, strict=True):
                if number is not None and number != expected:
                    self._lead_skip(expected, number, measure.line)
                expected = (number if number is not None else expected) + 1

    def _closed(self, text: str, line: int) -> str:
        """``text`` ending with punctuation; a 。 added (and reported) when the end was lost."""
        last = text[-1:]
        if last and last not in CLOSING and (is_cjk(last) or last.isalnum()) and len(text) > 8:
            self.report(
                "RD051", f"{quote(text[-QUOTE_CHARS:])} 末尾缺少标点，补“。”", line, fix="。"
            )
            return text + "。"
        return text

    # -- checks --------------------------------------------------------------------------------

    def _check_counts(self, items: list[_Item]) -> None:
        """Counts stated before the first problem (the summary) against the structure."""
        total = len(list(_problems(items)))
        if total == 0:
            return
        aspects = [s for s in _sections(items, depth=1) if any(_problems(s.items))]
        if not aspects:
            aspects = [s for s in _sections(items, depth=0) if any(_problems(s.items))]
        for text in _texts_before_first_problem(items):
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

    # -- the model ---------------------------------------------------------------------------

    def _dump_items(self, items: list[_Item], path: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for index, item in enumerate(items):
            if isinstance(item, _Text):
                here = f"{path}[{index}].paragraph"
                out.append({"paragraph": item.text})
                self.lines[here] = item.line
            elif isinstance(item, _Section):
                here = f"{path}[{index}].section"
                self.lines[here] = item.line
                self.lines[f"{here}.heading"] = item.line
                section: dict[str, Any] = {"heading": item.heading}
                if item.items:
                    section["body"] = self._dump_items(item.items, f"{here}.body")
                out.append({"section": section})
            else:
                here = f"{path}[{index}].problem"
                self.lines[here] = item.line
                self.lines[f"{here}.statement"] = item.line
                problem: dict[str, Any] = {"statement": item.statement}
                if item.description:
                    problem["description"] = item.description
                    self.lines[f"{here}.description"] = item.line
                if item.measures:
                    problem["measures"] = [m.text for m in item.measures]
                    for n, m in enumerate(item.measures):
                        self.lines[f"{here}.measures[{n}]"] = m.line
                if item.label is not None and item.label_line is not None:
                    if item.label != "整改情况":
                        problem["measures_label"] = item.label
                    self.lines[f"{here}.measures_label"] = item.label_line
                out.append({"problem": problem})
        return out


# ---------------------------------------------------------------------------------------------
# Helpers


def _title_like(text: str) -> bool:
    return len(text) <= 40 and text[-1:] not in "。；：:;，," and parse_heading(text) is None


def _addressee_like(text: str) -> bool:
    return (
        len(text) <= 80
        and text[-1:] in "：:"
        and not any(c in text for c in "。；")
        and parse_label(text) is None
        and parse_heading(text) is None
        and parse_problem_label(text) is None
    )


def _organ_like(text: str) -> bool:
    return (
        len(text) <= 30
        and not any(c in _ORGAN_PUNCTUATION for c in text)
        and not text.startswith("特此")
        and parse_heading(text) is None
        and parse_label(text) is None
        and parse_problem_label(text) is None
        and any(is_cjk(c) for c in text)
    )


def _is_note(text: str) -> bool:
    return len(text) >= 3 and text[0] in "（(" and text[-1] in "）)"


def _leading_date(value: str) -> date | None:
    head = value.strip().split()[0] if value.strip() else ""
    try:
        return parse_date(head)
    except ValueError:
        return None


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        return parse_chinese_numeral(text)
    except ValueError:
        return None


def _split_attachments(paras: list[SourceParagraph]) -> list[list[SourceParagraph]]:
    chunks: list[list[SourceParagraph]] = []
    for p in paras:
        label = parse_attachment_label(p.text)
        if label is not None and label[1] == "" and p.text.startswith("附件"):
            chunks.append([p])
        elif chunks:
            chunks[-1].append(p)
    return chunks


def _problems(items: list[_Item]) -> list[_Problem]:
    out: list[_Problem] = []
    for item in items:
        if isinstance(item, _Problem):
            out.append(item)
        elif isinstance(item, _Section):
            out += _problems(item.items)
    return out


def _sections(items: list[_Item], depth: int) -> list[_Section]:
    out: list[_Section] = []
    for item in items:
        if isinstance(item, _Section):
            if depth == 0:
                out.append(item)
            else:
                out += _sections(item.items, depth - 1)
    return out


def _texts_before_first_problem(items: list[_Item]) -> list[_Text]:
    out: list[_Text] = []

    def visit(children: list[_Item]) -> bool:
        for item in children:
            if isinstance(item, _Problem):
                return True
            if isinstance(item, _Text):
                out.append(item)
            elif visit(item.items):
                return True
        return False

    visit(items)
    return out


def parse_paragraphs(
    paragraphs: Sequence[SourceParagraph], *, source: str, findings: Sequence[Finding] = ()
) -> ReadResult:
    """Read paragraphs into a notice; ``findings`` from earlier stages are put first."""
    parser = _Parser(paragraphs, source)
    result = parser.parse()
    if findings:
        return ReadResult(
            result.notice, [*findings, *result.findings], result.lines, source, result.metadata
        )
    return result
