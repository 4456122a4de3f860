"""Write the corpus's .docx notices, typed the way Word and WPS users type them.

Nobody in an office styles a notice with Heading 1–4: they type the ordinals (一、（一）1.),
make a heading bold or set it in 黑体/楷体 by hand, press Shift+Enter inside a long title, and
WPS leaves first-line indents counted in characters (``w:firstLineChars``). Each notice below is a
small spec of paragraphs and runs; this script turns the specs into .docx files with
python-docx, so no binary in the repository is made by hand.

The output is deterministic: fixed core properties and fixed zip entry times, so that
``tests/read/test_corpus_files.py`` can check that the committed files are what this script
writes. Run ``python tests/data/corpus/make_docx.py`` to rewrite them.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 1, 15, 9, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2024, 1, 15, 9, 0, 0)

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
BODY_SIZE = 16.0
TITLE_SIZE = 22.0


@dataclass(frozen=True)
class R:
    """A run: text and its direct formatting (``\\n`` in text is a manual line break)."""

    text: str
    bold: bool = False
    font: str = BODY_FONT
    size: float = BODY_SIZE


@dataclass(frozen=True)
class P:
    """A paragraph of runs, with the direct paragraph formatting a user would leave."""

    runs: tuple[R, ...] = ()
    align: str | None = None  # "center" or "right"
    first_line_chars: int | None = None  # WPS: w:ind w:firstLineChars (hundredths of a char)
    first_line_pt: float | None = None  # Word: first-line indent in points


@dataclass(frozen=True)
class Spec:
    name: str
    paragraphs: tuple[P, ...] = field(default_factory=tuple)


def body(text: str, *, wps: bool = False) -> P:
    """A body paragraph indented two characters, as Word (points) or WPS (chars) stores it."""
    if wps:
        return P((R(text),), first_line_chars=200)
    return P((R(text),), first_line_pt=32.0)


def heading(text: str, font: str, *, bold: bool = False, wps: bool = False) -> P:
    """A heading made by direct formatting of its run: font (and bold), never a style."""
    if wps:
        return P((R(text, bold=bold, font=font),), first_line_chars=200)
    return P((R(text, bold=bold, font=font),), first_line_pt=32.0)


def run_in(head: str, rest: str, font: str, *, bold: bool = False, wps: bool = False) -> P:
    """A run-in heading: the heading sentence in its font, then body text, in one paragraph."""
    runs = (R(head, bold=bold, font=font), R(rest))
    return P(runs, first_line_chars=200) if wps else P(runs, first_line_pt=32.0)


def title(*lines: str) -> P:
    """A title typed as one paragraph with Shift+Enter (w:br) between its lines."""
    return P((R("\n".join(lines), font=TITLE_FONT, size=TITLE_SIZE),), align="center")


def blank() -> P:
    return P()


def right(text: str) -> P:
    return P((R(text),), align="right")


def plain(text: str) -> P:
    return P((R(text),))


def _set_fonts(run_props: object, font: str) -> None:
    """All four w:rFonts attributes, so that CJK text and ASCII both get the font."""
    fonts = run_props.get_or_add_rFonts()  # type: ignore[attr-defined]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _add_run(paragraph: object, spec: R) -> None:
    pieces = spec.text.split("\n")
    run = paragraph.add_run(pieces[0])  # type: ignore[attr-defined]
    for piece in pieces[1:]:
        run.add_break()
        run.add_text(piece)
    run.bold = spec.bold or None
    run.font.size = Pt(spec.size)
    _set_fonts(run._r.get_or_add_rPr(), spec.font)


def _paragraph(document: object, spec: P) -> None:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    if spec.align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif spec.align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if spec.first_line_pt is not None:
        paragraph.paragraph_format.first_line_indent = Pt(spec.first_line_pt)
    if spec.first_line_chars is not None:
        indent = OxmlElement("w:ind")
        indent.set(qn("w:firstLineChars"), str(spec.first_line_chars))
        indent.set(qn("w:firstLine"), str(int(spec.first_line_chars / 100 * BODY_SIZE * 20)))
        paragraph._p.get_or_add_pPr().append(indent)
    for run in spec.runs:
        _add_run(paragraph, run)


def _normalised_zip(data: bytes) -> bytes:
    """The same package with fixed entry times, so that two runs write the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def build(spec: Spec) -> bytes:
    """The .docx bytes of one notice."""
    document = docx.Document()
    properties = document.core_properties
    properties.author = "corpus"
    properties.last_modified_by = "corpus"
    properties.title = ""
    properties.comments = ""
    properties.revision = 1
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.last_printed = FIXED_TIME
    for paragraph in spec.paragraphs:
        _paragraph(document, paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalised_zip(buffer.getvalue())


HEI = "黑体"
KAI = "楷体_GB2312"


SPECS: tuple[Spec, ...] = (
    # Modelled on http://www.hetang.gov.cn/c11731/20241224/i2296399.html, typed in WPS:
    # first-line indents in characters, headings by font, labels on their own lines.
    Spec(
        "029_hexi_shequ_wps",
        (
            title("中共河西街道桂花社区委员会", "关于巡察整改进展情况的报告"),
            blank(),
            body(
                "根据区委巡察工作安排，2023年10月9日至11月30日，区委第二巡察组对河西街道"
                "桂花社区党委进行了巡察，并于2024年1月12日反馈了巡察意见。按照巡察工作有关"
                "要求，现将巡察整改进展情况报告如下。",
                wps=True,
            ),
            heading("一、整改工作开展情况", HEI, wps=True),
            body(
                "社区党委召开专题会议研究整改工作，成立以党委书记为组长的整改工作领导小组，"
                "对反馈的2个方面3个问题逐条制定整改措施，明确整改时限和责任人。",
                wps=True,
            ),
            heading("二、反馈问题整改落实情况", HEI, wps=True),
            heading("（一）党建工作方面", KAI, wps=True),
            body("1.党员教育管理不够严格。", wps=True),
            body("整改情况：", wps=True),
            body("一是建立党员积分管理台账，每月公示积分情况；", wps=True),
            body("二是对3名长期不参加组织生活的党员进行谈心谈话。", wps=True),
            body("完成情况：已完成", wps=True),
            body("整改时限：2024年3月底", wps=True),
            body("责任人:社区党委书记", wps=True),
            body("2.“三会一课”记录不规范。", wps=True),
            body("整改情况：", wps=True),
            body("统一使用区委组织部印制的记录本，由组织委员每季度检查1次。", wps=True),
            body("完成情况：已完成", wps=True),
            heading("（二）为民服务方面", KAI, wps=True),
            body("1.居民诉求办理回访不及时。", wps=True),
            body("整改情况：", wps=True),
            body("一是建立诉求办理“日登记、周回访”制度；", wps=True),
            body("二是2024年以来回访居民诉求142件，满意率98.6%。", wps=True),
            body("完成情况：正在推进", wps=True),
            body("整改时限：长期坚持", wps=True),
            body("责任人：社区居委会主任", wps=True),
            blank(),
            body(
                "欢迎广大党员群众对巡察整改落实情况进行监督。联系电话：0731-85527416；"
                "电子邮箱：hxghsq@163.com。",
                wps=True,
            ),
            blank(),
            right("中共河西街道桂花社区委员会"),
            right("2024年4月12日"),
        ),
    ),
    # Modelled on https://pingjiang.gov.cn/35048/40718/40820/40821/content_1202379.html
    # (a joint signature), typed in Word: headings bold in 黑体/楷体, a 〇-numeral date, the two
    # organs on one line separated by spaces, 附件说明 before the signature.
    Spec(
        "030_qiaodong_lianhe_word",
        (
            title("关于巡察反馈问题整改落实情况的通报"),
            blank(),
            plain("各社区党组织，街道机关各办（中心）："),
            body(
                "2023年9月，区委第三巡察组对桥东街道党工委开展了常规巡察，反馈问题4个。"
                "街道党工委、办事处坚持把巡察整改作为重大政治任务，现将整改落实情况通报如下。"
            ),
            heading("一、整改落实总体情况", HEI, bold=True),
            body("截至2024年1月底，4个问题已完成整改3个，正在整改1个，整改完成率75%。"),
            heading("二、具体问题整改情况", HEI, bold=True),
            run_in(
                "（一）落实意识形态工作责任制不到位。",
                "整改措施：一是制定街道意识形态工作责任清单；二是每半年专题研究1次意识形态工作。"
                "完成情况：已完成。",
                KAI,
                bold=True,
            ),
            run_in(
                "（二）政府采购程序执行不规范。",
                "整改措施：一是对2022年以来的31笔采购逐笔复核；二是修订街道采购管理办法。"
                "完成情况：已完成。",
                KAI,
                bold=True,
            ),
            run_in(
                "（三）城市管理网格作用发挥不充分。",
                "整改措施：调整网格划分，配齐网格员56名。完成情况：已完成。",
                KAI,
                bold=True,
            ),
            run_in(
                "（四）老旧小区停车难问题解决不力。",
                "整改措施：新增停车泊位280个，计划于2024年6月底前完成二期建设。完成情况：正在推进。",
                KAI,
                bold=True,
            ),
            body("附件：桥东街道巡察整改问题清单"),
            blank(),
            right("中共桥东街道工作委员会    桥东街道办事处"),
            right("二〇二四年二月五日"),
        ),
    ),
    # Modelled on https://cixird.gov.cn/index.php/home/content?id=1532529, typed in Word: the
    # title split by Shift+Enter, the 题注 in 楷体, run-in headings (一)… in bold 楷体 runs
    # followed by body runs, measures run together, a date that lost its 日.
    Spec(
        "031_beian_shenji_word",
        (
            title("关于2023年度区级预算执行和其他财政收支", "审计查出问题整改情况的报告"),
            P((R("——2024年10月24日在区第九届人大常委会第二十三次会议上", font=KAI),), "center"),
            P((R("区审计局局长  吴海峰", font=KAI),), "center"),
            blank(),
            plain("主任、各位副主任、各位委员："),
            body(
                "受区人民政府委托，现将2023年度区级预算执行和其他财政收支审计查出问题的整改情况报告如下。"
            ),
            heading("一、审计整改工作推进情况", HEI),
            run_in(
                "（一）压实整改责任。",
                "区政府常务会议专题研究审计整改，将整改情况纳入部门年度绩效考核。",
                KAI,
                bold=True,
            ),
            run_in(
                "（二）强化跟踪督促。",
                "区审计局建立整改台账，对12家单位开展整改“回头看”，督促整改问题资金2.86亿元。",
                KAI,
                bold=True,
            ),
            heading("二、审计查出问题整改情况", HEI),
            body(
                "1.部分专项资金未及时拨付。整改情况：区财政局已拨付资金4150万元。完成情况：已完成。"
            ),
            body(
                "2.政府投资项目结算审核不严。整改情况：一是核减工程结算价款326.5万元；"
                "二是对2家中介机构约谈提醒；三是修订政府投资项目结算管理办法。完成情况：已完成。"
            ),
            body(
                "3.国有资产出租管理不规范。整改情况：一是清理到期未续签合同17份；"
                "二是推行公开招租。完成情况：正在推进。"
            ),
            heading("三、下一步工作", HEI),
            body(
                "对尚未完成整改的问题，区审计局将持续跟踪，整改结果于2025年3月底前向区人大常委会报告。"
            ),
            blank(),
            right("北岸区审计局"),
            right("2024年10月24"),
        ),
    ),
)


def write_all(folder: Path) -> list[Path]:
    """Write every notice into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in SPECS:
        path = folder / f"{spec.name}.docx"
        path.write_bytes(build(spec))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
