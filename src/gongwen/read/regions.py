"""Pass 2 of the reader: the cleaned paragraphs cut into head, body and tail.

The head is the 版头, the title and the 主送机关; the tail the contact block, 附件说明,
署名 and 成文日期, 附注, bound attachments and 版记. What is left between is the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gongwen.dates import parse_date
from gongwen.findings import InputError
from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile
from gongwen.model import Classification, DocumentNumber, SecrecyLevel, Urgency
from gongwen.numbering import parse_attachment_label, parse_problem_label
from gongwen.read.context import Context, Pass, SourceParagraph, listed, quote
from gongwen.recognise.contact import ContactParts, closing_line, parse_contact
from gongwen.recognise.damage import is_cjk
from gongwen.recognise.head import (
    TRAILING_NUMBER,
    addressee_like,
    column_heading,
    find_title,
    front_matter_line,
    names_document_kind,
    split_addressees,
)
from gongwen.recognise.headings import parse_heading
from gongwen.recognise.labels import parse_label
from gongwen.recognise.tail import parse_attachment_item, parse_signature_date, split_organs

__all__ = ["HeadReader", "Tail", "TailReader", "leading_date"]

_DOC_NUMBER = lazy_compile(r"^.+?[〔\[【(（]\d{4}[〕\]】)）].+?号$")
_SIGNER = lazy_compile(r"^(?P<number>(?:.*?\S)?)\s*签发人\s*[：:]\s*(?P<names>.+)$")
_NAME = lazy_compile(r"^[\u4e00-\u9fff·]{2,5}$")
_CLASSIFICATION = lazy_compile(r"^(秘密|机密|绝密)\s*(?:★\s*(.+))?$")
_IMPRINT_PRINTER = lazy_compile(r"^(?P<printer>.*?\S)[\t 　]+(?P<date>\S+日)\s*印发$")
# Both end a lazy part at a non-space: a lazy ``.*?`` followed by ``\s*`` rescanned a run of
# spaces at every step, quadratic in a line of spaces.
_ATTACHMENT_NAME = lazy_compile(r"^([0-9]+)[.．、]\s*(.+)$")
_ORGAN_PUNCTUATION = set("，。；：！？、,.;:!?")


@dataclass
class Tail:
    """The tail's paragraphs by kind, as :meth:`TailReader.regions` finds them."""

    imprint: list[SourceParagraph] = field(default_factory=list)
    bound: list[SourceParagraph] = field(default_factory=list)
    note: SourceParagraph | None = None
    date: SourceParagraph | None = None
    organs: list[SourceParagraph] = field(default_factory=list)
    note_of_attachments: list[SourceParagraph] = field(default_factory=list)
    after_attachments: list[SourceParagraph] = field(default_factory=list)
    """Lines between 附件说明 and the 署名 that are not attachment items (RD057)."""


BodyReader = Callable[[list[SourceParagraph], str], list[dict[str, Any]]]
"""Reads paragraphs into body items at a field path (for the body of a bound attachment)."""


class HeadReader(Pass):
    """版头, title, 主送机关: :meth:`run` fills ``data`` and gives where the body starts."""

    title_in_header: list[SourceParagraph]
    front_matter: list[SourceParagraph]

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.title_in_header = []
        self.front_matter = []

    def run(self, paras: list[SourceParagraph], data: dict[str, Any]) -> int:
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
            # a title between the 标志 and the 字号 (as some pages set it) is the title
            inside = [p for p in paras[i:j] if names_document_kind(p.text)]
            if inside and not any(
                names_document_kind(o) for o in organs[: organs.index(inside[0].text)]
            ):
                self.title_in_header = inside[-1:]
                for p in inside[:-1]:
                    message = _("重复的标题行 {text} 按网页附加内容删除")
                    self.report("RD005", message, p.line, text=quote(p.text))
                organs = [o for o in organs if o not in {p.text for p in inside}]
            # only organ names stand above the 字号: page furniture above them is not one
            while organs and not _organ_name(organs[0]):
                organs = organs[1:]
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
            raise InputError.single("RD107", _("没有找到标题和正文"), file=self.source)
        if self.title_in_header:
            i, end = i, None
            title = list(self.title_in_header)
        else:
            i, end = self._skip_furniture(paras, i)
            title = [paras[i]] if end is None else paras[i:end]
        if "\n" not in paras[i].text and end is None and not self.title_in_header:
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
        # a page's list bullet (• 关于…的通报) is no part of the title
        lines = [line.lstrip("•●◆▪■ \u3000") for p in title for line in p.text.split("\n")]
        data["title"] = [line for line in lines if line.strip()]
        self.lines["title"] = title[0].line
        number = TRAILING_NUMBER.search(data["title"][-1])
        if (
            number is not None
            and "document_number" not in header
            and _valid_number(number[0][1:-1])
        ):
            data["title"][-1] = data["title"][-1][: number.start()].rstrip()
            header["document_number"] = number[0][1:-1]
            data["header"] = header
            self.lines["header.document_number"] = title[-1].line
            message = _("标题后括注的发文字号“{number}”移入版头（发文字号）")
            self.report("RD007", message, title[-1].line, number=number[0][1:-1])
        if not self.title_in_header:
            i += len(title)
        # a subtitle (—2021年12月2日在…会议上) and a speaker line before the 主送机关
        front = 0
        while (
            front < 3
            and i + front + 1 < len(paras)
            and front_matter_line(paras[i + front].text)
            and not addressee_like(paras[i + front].text)
        ):
            front += 1
        if front and addressee_like(paras[i + front].text):
            self.front_matter = [
                SourceParagraph(p.text, p.line, p.blank_before, p.heading_level, p.title, True)
                for p in paras[i : i + front]
            ]
            quoted = listed(quote(p.text, 12) for p in self.front_matter)
            message = _("标题与主送机关之间的 {lines} 保留为正文开头的段落（模型没有副标题）")
            self.report("RD008", message, paras[i].line, lines=quoted)
            i += front
        # 主送机关: one short line ending with a colon
        if i < len(paras) and addressee_like(paras[i].text):
            names = split_addressees(paras[i].text)
            data["addressees"] = names
            self.lines["addressees"] = paras[i].line
            i += 1
        return i

    def _skip_furniture(self, paras: list[SourceParagraph], i: int) -> tuple[int, int | None]:
        """The title's place: lines above the one naming a kind of document are page
        furniture (RD005, the lines quoted); with none, the first line is taken (RD006)."""
        texts = [p.text for p in paras[i:]]
        found = find_title(texts, [p.blank_before for p in paras[i:]])
        if found is None:
            # 栏目：标题 as the page heading, the title itself a few lines on
            if k := column_heading(texts):
                message = _("标题 {title} 之前的 {count} 行按网页附加内容删除：{lines}")
                skipped = listed(quote(t, 12) for t in texts[:k])
                title = quote(texts[k])
                self.report("RD005", message, paras[i].line, title=title, count=k, lines=skipped)
                return i + k, None
            if not names_document_kind(paras[i].text.split("\n")[-1]):
                message = _("没有以文种结尾的标题行，取第一行 {text} 作标题")
                self.report("RD006", message, paras[i].line, text=quote(paras[i].text))
            return i, None
        start = i + found[0]
        if start > i:
            skipped = listed(quote(p.text, 12) for p in paras[i:start])
            message = _("标题 {title} 之前的 {count} 行按网页附加内容删除：{lines}")
            title = quote(paras[start].text)
            self.report(
                "RD005", message, paras[i].line, title=title, count=start - i, lines=skipped
            )
        return start, i + found[1]


class TailReader(Pass):
    """Where the body ends, the contact block at its end, and the tail into model data."""

    def regions(self, paras: list[SourceParagraph], start: int) -> tuple[int, Tail]:
        """Where the body ends, and the tail's pieces (paragraph lists by kind)."""
        end = len(paras)
        tail = Tail()
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
            tail.imprint = imprint
        else:
            end += len(imprint)
        # bound attachments: from the first paragraph that is a bare 附件/附件N label
        for k in range(start + 1, end):
            label = parse_attachment_label(paras[k].text)
            if label is not None and label[1] == "" and paras[k].text.startswith("附件"):
                tail.bound = paras[k:end]
                end = k
                break
        # 附注 after the date, the date, the 署名 above it
        if (
            end - 2 > start
            and _is_note(paras[end - 1].text)
            and parse_signature_date(paras[end - 2].text) is not None
        ):
            tail.note = paras[end - 1]
            end -= 1
        if end - 1 > start and parse_signature_date(paras[end - 1].text) is not None:
            tail.date = paras[end - 1]
            end -= 1
            organs: list[SourceParagraph] = []
            while end - 1 > start and len(organs) < 4 and _organ_like(paras[end - 1].text):
                organs.insert(0, paras[end - 1])
                end -= 1
            tail.organs = organs
        # 附件说明: 附件：name, or 附件：1.name then 2.name …
        for k in range(end - 1, start, -1):
            if re.match(r"^附件\s*[：:]", paras[k].text):
                stop = k + 1
                while stop < end and parse_attachment_item(paras[stop].text) is not None:
                    stop += 1
                tail.note_of_attachments = paras[k:stop]
                after = paras[stop:end]
                if after and not tail.organs and tail.date is not None:
                    organs = [p for p in after if _organ_like(p.text)]
                    if len(organs) == len(after) and len(after) <= 4:
                        tail.organs, after = after, []
                for p in after:
                    message = _("{text} 在附件说明之后，不是附件名称，保留为正文最后一段")
                    self.report("RD057", message, p.line, text=quote(p.text))
                tail.after_attachments = after
                end = k
                break
        return end, tail

    def contact(
        self, paras: list[SourceParagraph]
    ) -> tuple[dict[str, Any] | None, list[SourceParagraph]]:
        """The contact block at the end of the body, in one paragraph or one line each."""
        if not paras:
            return None, paras
        parts: list[ContactParts] = []
        k = len(paras)
        # closing lines after the block (受理时间…, 特此公告。) stay where they are in the body
        while k > 2 and len(paras) - k < 3 and closing_line(paras[k - 1].text):
            k -= 1
        closing = paras[k:]
        if closing and parse_contact(paras[k - 1].text) is None:
            k, closing = len(paras), []
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
                message = _("{text} 像联系方式，但无法逐项读出，保留为段落")
                self.report("RD060", message, paras[-1].line, text=quote(last))
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
        return contact, rest + closing

    def run(self, tail: Tail, data: dict[str, Any], read_body: BodyReader) -> None:
        attachments: list[dict[str, Any]] = []
        note_paras = tail.note_of_attachments
        if note_paras:
            first = re.sub(r"^附件\s*[：:]\s*", "", note_paras[0].text)
            names = [first, *(p.text for p in note_paras[1:])]
            numbered = [_ATTACHMENT_NAME.match(n) for n in names]
            if all(numbered) and (len(names) > 1 or (numbered[0] and numbered[0][1] == "1")):
                names = [m[2] for m in numbered if m]
            attachments = [{"title": n.strip()} for n in names if n.strip()]
            self.lines["attachments"] = note_paras[0].line
        bound = tail.bound
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
                body_paras = content[len(title_paras) :]
                while len(attachments) <= position:
                    attachments.append({"title": title.replace("\n", "")})
                path = f"attachments[{position}]"
                attachments[position]["title"] = title
                attachments[position]["body"] = read_body(body_paras, f"{path}.body")
                self.lines[path] = label.line
                self.lines[f"{path}.title"] = title_paras[0].line
        if attachments:
            data["attachments"] = attachments
        if tail.date is not None:
            date_para = tail.date
            written = parse_signature_date(date_para.text)
            assert written is not None
            signed = written.date
            if written.day_missing:
                message = _("成文日期 {date} 缺少“日”，补为“{fixed}日”")
                fixed = date_para.text.strip()
                self.report(
                    "RD055", message, date_para.line, "日", date=quote(date_para.text), fixed=fixed
                )
            organs = [name for p in tail.organs for name in split_organs(p.text)]
            data["signature"] = {"organs": organs, "date": signed.isoformat()}
            self.lines["signature"] = (tail.organs[0] if organs else date_para).line
            self.lines["signature.date"] = date_para.line
            for n, p in enumerate(tail.organs):
                self.lines[f"signature.organs[{n}]"] = p.line
            if any(c in "〇零一二三四五六七八九" for c in date_para.text[:1]):
                data.setdefault("presentation", {})["date_numerals"] = "chinese"
        if tail.note is not None:
            data["note"] = tail.note.text[1:-1].strip()
            self.lines["note"] = tail.note.line
        if tail.imprint:
            imprint: dict[str, Any] = {}
            for p in tail.imprint:
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


def _title_like(text: str) -> bool:
    return len(text) <= 40 and text[-1:] not in "。；：:;，," and parse_heading(text) is None


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


def leading_date(value: str) -> date | None:
    head = value.strip().split()[0] if value.strip() else ""
    try:
        return parse_date(head)
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


def _organ_name(text: str) -> bool:
    """A line that can be (part of) a 发文机关标志: mostly Chinese, no marks, 4+ characters."""
    stripped = text.strip()
    return (
        len(stripped) >= 4
        and sum(1 for c in stripped if is_cjk(c)) >= 3
        and not any(c in _ORGAN_PUNCTUATION for c in stripped)
    )


def _valid_number(text: str) -> bool:
    try:
        DocumentNumber.model_validate(text)
    except ValueError:
        return False
    return True
