"""Pass 1 of the reader: clean each paragraph, drop page chrome, repair what is certain.

Every repair and every damage found is a finding; see :mod:`gongwen.read.codes`.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongwen.dates import find_run_together_dates, format_date
from gongwen.i18n import _
from gongwen.read.context import Pass, SourceParagraph, listed, quote
from gongwen.recognise.chrome import parse_chrome
from gongwen.recognise.damage import (
    find_cut_names,
    find_days_lost,
    find_lost_counts,
    find_lost_numerals,
    find_mixup_spans,
    find_organ_mixups,
    find_stray_digits,
    fullwidth_punctuation,
    remove_illegal_characters,
    restore_lost_numeral,
)
from gongwen.recognise.defects import DEFECTS
from gongwen.recognise.tail import parse_signature_date

__all__ = ["Cleaner"]


class Cleaner(Pass):
    """Cleans the paragraphs of one reading: :meth:`run` gives the paragraphs left."""

    def run(self, paragraphs: Sequence[SourceParagraph]) -> list[SourceParagraph]:
        out: list[SourceParagraph] = []
        blank = False
        for para in paragraphs:
            text, removed = remove_illegal_characters(para.text)
            if removed:
                message = _("删除了 {count} 个 Word 文档不能容纳的控制字符").format(count=removed)
                self.report("RD003", message, para.line)
            text = text.strip(" \t\u3000\r\n\ufeff\xa0")
            if not text:
                blank = True
                continue
            chrome = parse_chrome(text)
            if chrome is not None:
                for key, value in chrome.metadata.items():
                    self.metadata.setdefault(key, value)
                if chrome.metadata:
                    message = _("网页附加内容 {text}，保留{fields}").format(
                        text=quote(text), fields=listed(chrome.metadata)
                    )
                else:
                    message = _("网页附加内容 {text}，已删除").format(text=quote(text))
                self.report("RD001", message, para.line)
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
        mixups = find_organ_mixups("\n".join(p.text for p in out))
        for p in out:
            self._stray_digits(p)
            self._damage(p, mixups)
        return out

    def _damage(self, para: SourceParagraph, mixups: dict[str, str]) -> None:
        """Damage beyond the seed's patterns, reported with the line and left as written."""
        text = para.text
        for damage in find_mixup_spans(text, mixups):
            self.report(
                "RD054",
                _("{text} 与本文其他处的“{other}”不一致（巡视/巡察混用），未修改").format(
                    text=quote(damage.text), other=damage.detail
                ),
                para.line,
            )
        for damage in find_lost_counts(text):
            self.report(
                "RD053",
                _("{text} 中“{word}”前缺少数字，未修改").format(
                    text=quote(text[max(0, damage.start - 4) : damage.end + 4]),
                    word=damage.text[-1],
                ),
                para.line,
            )
        if parse_signature_date(text) is None:  # a 成文日期 alone is the tail's business
            for damage in find_days_lost(text):
                self.report(
                    "RD055",
                    _("日期 {date} 缺少“日”（应为“{meant}”？），未修改").format(
                        date=quote(damage.text), meant=damage.detail
                    ),
                    para.line,
                )
        for damage in find_cut_names(text):
            self.report(
                "RD056",
                _("{text} 中的机关名称不完整（“委”前缺少市、县、区等），未修改").format(
                    text=quote(text[max(0, damage.start - 4) : damage.end + 4])
                ),
                para.line,
            )

    def _punctuation(self, para: SourceParagraph) -> SourceParagraph:
        text, counts = fullwidth_punctuation(para.text)
        if not counts:
            return para
        detail = listed(f"“{mark}”×{n}" for mark, n in counts.items())
        first = min(i for i, c in enumerate(para.text) if c != text[i])
        context = para.text[max(0, first - 8) : first + 8]
        self.report(
            "RD002",
            _("{count} 处半角标点改为全角（{marks}），如 {text}").format(
                count=sum(counts.values()), marks=detail, text=quote(context)
            ),
            para.line,
        )
        return self._replace(para, text)

    def _dates(self, para: SourceParagraph) -> SourceParagraph:
        text = para.text
        reports: list[tuple[str, str, str | None]] = []
        for run in reversed(find_run_together_dates(text)):
            if len(run.candidates) == 1:
                fixed = format_date(run.candidates[0])
                message = _("日期 {date} 缺少“年”“月”，改为“{fixed}”（只有这一种读法）").format(
                    date=quote(run.text), fixed=fixed
                )
                reports.append(("RD010", message, fixed))
                text = text[: run.start] + fixed + text[run.end :]
            else:
                readings = listed(format_date(d) for d in run.candidates)
                message = _("日期 {date} 缺少“年”“月”，可读作 {readings}，未修改").format(
                    date=quote(run.text), readings=readings
                )
                reports.append((DEFECTS["date-run-together"].code, message, None))
        for code, message, fix in reversed(reports):
            self.report(code, message, para.line, fix=fix)
        return para if text == para.text else self._replace(para, text)

    def _numerals(self, para: SourceParagraph, document: str) -> SourceParagraph:
        text = para.text
        reports: list[tuple[str, str, str | None]] = []
        for lost in reversed(find_lost_numerals(text, document)):
            damaged = text[max(0, lost.index - 2) : lost.index + 1 + len(lost.following)]
            if lost.restored is not None:
                message = _(
                    "{text} 在“第”后缺少数字；本文另处写作“第{numeral}{following}”，"
                    "据此补为“{numeral}”"
                ).format(text=quote(damaged), numeral=lost.restored, following=lost.following)
                reports.append(("RD012", message, lost.restored))
                text = restore_lost_numeral(text, lost)
            else:
                named = listed(f"第{c}{lost.following}" for c in lost.candidates)
                if named:
                    message = _("{text} 在“第”后缺少数字，本文另处有 {named}，未修改").format(
                        text=quote(damaged), named=named
                    )
                else:
                    message = _("{text} 在“第”后缺少数字，未修改").format(text=quote(damaged))
                reports.append((DEFECTS["numeral-lost-after-di"].code, message, None))
        for code, message, fix in reversed(reports):
            self.report(code, message, para.line, fix=fix)
        return para if text == para.text else self._replace(para, text)

    def _stray_digits(self, para: SourceParagraph) -> None:
        for stray in find_stray_digits(para.text):
            around = para.text[max(0, stray.start - 3) : stray.end + 3]
            # 译注：两种读法之间的“或”（英文 ” or “）
            reading = _("”或“").join(stray.dates)
            self.report(
                DEFECTS["date-month-day-lost"].code,
                _("{text} 中的数字“{digits}”前后缺少文字或标点，可能是“{reading}”，未修改").format(
                    text=quote(around), digits=stray.digits, reading=reading
                ),
                para.line,
            )
