"""The stable codes of what the reader reports: one table, one line of meaning each.

Codes never change meaning once published; a retired code is not reused. ``docs/reader.md``
lists them with examples. ``RD0xx`` are findings on a notice that was read (the reader still
returns a model); ``RD1xx`` are input errors (nothing is read, nothing written).

Each summary is a message of the catalog, written in Chinese (its English form in
``gongwen.po``); :attr:`ReaderCode.meaning` gives it in the language of the moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from gongwen.findings import Finding, Level, Location
from gongwen.i18n import N_, _
from gongwen.recognise.defects import DEFECTS

__all__ = ["CODES", "LEFT_OUT_CODES", "ReaderCode", "finding"]


@dataclass(frozen=True)
class ReaderCode:
    """One code: its level and what it means (``summary``, the catalog's Chinese message)."""

    code: str
    level: Level
    summary: str

    @property
    def meaning(self) -> str:
        """The summary in the current language.

        >>> from gongwen.i18n import use_language
        >>> CODES["RD030"].meaning
        '问题N 后缺少冒号'
        >>> with use_language("en"):
        ...     CODES["RD030"].meaning
        '问题N lost its colon'
        """
        return _(self.summary)


_I, _W, _E = Level.INFO, Level.WARNING, Level.ERROR

_TABLE: Final = (
    # Page chrome and characters
    ReaderCode(
        "RD001",
        _I,
        N_("网页附加内容（发布日期、浏览次数、字体、打印本页、导航路径）保留为元数据或删除"),
    ),
    ReaderCode("RD002", _I, N_("中文里的半角标点改为全角（每行一条）")),
    ReaderCode("RD003", _W, N_("删除了 Word 文档不能容纳的字符")),
    ReaderCode("RD004", _I, N_("文本按 GB18030/GBK 或 UTF-16 解码，不是 UTF-8")),
    ReaderCode("RD005", _I, N_("删除了标题之上的行（网页附加内容）；选定了标题")),
    ReaderCode("RD006", _I, N_("没有一行写明文种；取第一行作标题")),
    ReaderCode("RD007", _I, N_("标题后括注的发文字号移入版头")),
    ReaderCode("RD008", _I, N_("主送机关之前的副标题或讲话人行保留为正文")),
    # Dates and numbers that lost characters
    ReaderCode("RD010", _W, N_("日期缺少“年”“月”（2022412日）；只有一种读法，已修复")),
    ReaderCode("RD011", _W, N_("已停用：改报 GW505（一个缺陷一个代码）")),
    ReaderCode("RD012", _W, N_("“第”后缺少数字（区委第巡察组）；据本文其他处补回")),
    ReaderCode("RD013", _W, N_("已停用：改报 GW110（一个缺陷一个代码）")),
    ReaderCode("RD014", _W, N_("已停用：改报 GW506（一个缺陷一个代码）")),
    # Headings
    ReaderCode("RD020", _W, N_("标题缺少序号（“)聚焦…”）；按位置编号")),
    ReaderCode("RD021", _W, N_("标题序号缺少左括号（“四)”）；读作（四）")),
    ReaderCode("RD022", _W, N_("已停用：改报 GW101/GW102（一个缺陷一个代码）")),
    ReaderCode("RD023", _W, N_("标题跳级（一、下直接是 1.）；降一级嵌套")),
    ReaderCode("RD024", _I, N_("标题与正文写在同一段；读作标题后接正文")),
    ReaderCode("RD025", _W, N_("有标题序号而没有标题文字")),
    ReaderCode("RD026", _I, N_("最外层标题低于一、（为（一）或 1.）；照原样保留")),
    # Problems
    ReaderCode("RD030", _I, N_("问题N 后缺少冒号")),
    ReaderCode("RD031", _W, N_("问题N 与正文开头的数字连在一起（问题82019年）；按顺序确定编号")),
    ReaderCode("RD032", _W, N_("已停用：改报 GW104（一个缺陷一个代码）")),
    ReaderCode("RD033", _I, N_("以 1. 2. 编号、带有标签的项读作问题")),
    ReaderCode("RD034", _I, N_("完成情况读作问题的整改状态")),
    ReaderCode("RD035", _I, N_("写作 关于“…”的问题 的问题读作引号内的文字")),
    ReaderCode("RD036", _I, N_("用汉字数字的问题标签（问题三：）读作问题N")),
    ReaderCode("RD037", _I, N_("从完成情况中读出整改时限（正在推进，计划于…前完成）")),
    # Measures
    ReaderCode("RD040", _W, N_("措施引导词缺少数字（一是、二是之后的“是加强…”）")),
    ReaderCode("RD041", _W, N_("一组带一是/二是的措施中，有一项没有引导词")),
    ReaderCode("RD042", _W, N_("已停用：改报 GW107（一个缺陷一个代码）")),
    ReaderCode("RD043", _W, N_("前面没有问题的整改情况标签保留为段落")),
    # Counts and sentences
    ReaderCode("RD050", _W, N_("已停用：改报 GW201/GW202（一个缺陷一个代码）")),
    ReaderCode("RD051", _W, N_("段落缺少句末标点；补“。”")),
    ReaderCode("RD052", _W, N_("段落在句中断开（以，结尾）；不补“。”")),
    ReaderCode("RD053", _W, N_("届/次/轮/点前缺少数字且没有“第”（市届人大）；未修改")),
    ReaderCode("RD054", _W, N_("同一机关一处写作巡视、其他处写作巡察；未修改")),
    ReaderCode("RD055", _W, N_("日期缺少“日”（2023年9月15）；只给单独的成文日期补上")),
    ReaderCode("RD056", _W, N_("机关名称不完整（根据委巡察工作领导小组）；未修改")),
    ReaderCode("RD057", _W, N_("附件说明之后不是附件的一行；保留在正文中")),
    # Blocks at the end
    ReaderCode("RD060", _W, N_("像联系方式的段落无法按联系方式读取")),
    ReaderCode("RD061", _W, N_(".docx 段落中的图片、文本框或嵌入对象已跳过")),
    # Markdown (gongwen.read.markdown)
    ReaderCode("RD070", _I, N_("去掉了 Markdown 格式（强调、代码、链接、HTML 标记）")),
    ReaderCode("RD071", _W, N_("删去了公文中没有位置的 Markdown 内容（图片、[TOC]）")),
    ReaderCode("RD072", _W, N_("Markdown 表格按文字读取，每行一段")),
    ReaderCode("RD073", _W, N_("Markdown 代码块按普通段落读取")),
    ReaderCode("RD074", _I, N_("去掉了 Markdown 列表符号或引用标记；保留各项")),
    ReaderCode("RD075", _W, N_("Markdown 标题层级没有对应的公文层级（###### 或第二个 #）")),
    ###### or a second #)"),
    ReaderCode("RD076", _W, N_("标题的 # 层级与其序号不一致；以序号为准")),
    # level and its typed ordinal disagree; the ordinal wins"),
    # Content of a .docx the model cannot hold: named, never dropped silently
    ReaderCode("RD062", _W, N_(".docx 段落中的图片未读取")),
    ReaderCode("RD063", _W, N_(".docx 段落中的文本框未读取（其中的文字不读）")),
    ReaderCode("RD064", _W, N_(".docx 段落中的脚注或尾注未读取")),
    ReaderCode("RD065", _W, N_(".docx 段落上的批注未读取")),
    ReaderCode("RD066", _W, N_(".docx 段落中有修订：按接受修订读取，删除的文字不保留")),
    ReaderCode("RD067", _W, N_(".docx 段落中的公式未读取")),
    ReaderCode("RD068", _W, N_("表格正文行中的合并单元格逐格写出")),
    ReaderCode("RD069", _W, N_("无法放入公文的 .docx 表格未读取")),
    # Input errors: nothing is read
    ReaderCode("RD102", _E, N_("文本既不是 UTF-8 也不是 GB18030/GBK，或是二进制文件")),
    ReaderCode("RD103", _E, N_("文件不是 .docx（不是 zip，或缺少 word/document.xml）")),
    ReaderCode("RD104", _E, N_(".docx 解压后过大（压缩炸弹：大小、压缩比或条目数）")),
    ReaderCode("RD105", _E, N_(".docx 含有带 DTD 或实体的 XML，或 XML 格式不正确")),
    ReaderCode("RD106", _E, N_("阅读器不读取这种文件类型（应为 .txt、.md 或 .docx）")),
    ReaderCode("RD107", _E, N_("文件中没有找到公文（没有标题或没有正文）")),
)

CODES: Final = MappingProxyType({c.code: c for c in _TABLE})
"""Every reader code by its name."""


def finding(
    code: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    path: str | None = None,
    fix: str | None = None,
) -> Finding:
    """A finding with the level of its code; a defect the checker owns
    (:mod:`gongwen.recognise.defects`) is reported under the checker's code.

    >>> str(finding("RD010", "日期“2022412日”", file="a.txt", line=7))
    'a.txt:7: 警告 RD010: 日期“2022412日”'
    """
    shared = {d.code for d in DEFECTS.values()}
    level = Level.WARNING if code in shared else CODES[code].level
    return Finding(code, level, message, Location(file, line, path), fix)


LEFT_OUT_CODES: Final = frozenset(
    {"RD061", "RD062", "RD063", "RD064", "RD065", "RD066", "RD067", "RD069"}
)
"""Codes that say content of the source was left out because the model cannot hold it (objects,
images, text boxes, notes, comments, deleted revisions, equations, a table with no place):
``gongwen parse --strict`` and ``gongwen format --strict`` refuse a file with any of them."""
