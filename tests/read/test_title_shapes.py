"""Titles as web pages give them: behind a column name (栏目：标题), behind a list bullet, with
ASCII double quotes — the title read is the document's own."""

from __future__ import annotations

from gongwen.read import read_text
from gongwen.recognise.damage import fullwidth_punctuation
from gongwen.recognise.head import column_heading


def test_a_column_heading_points_at_the_title_below_it() -> None:
    assert (
        column_heading(["通知公告｜全区开展安全检查", "发布时间:2024-05-06", "全区开展安全检查"])
        == 2
    )
    assert column_heading(["全区开展安全检查", "开展安全检查"]) is None
    assert column_heading(["全区开展安全检查"]) is None


def test_ascii_double_quotes_in_chinese_become_curly() -> None:
    assert fullwidth_punctuation('开展"双随机"检查')[0] == "开展“双随机”检查"
    assert fullwidth_punctuation('print("a")')[0] == 'print("a")'
    assert fullwidth_punctuation('一个"引号')[0] == '一个"引号'  # odd count: left alone


_COLUMN_PAGE = """首页 > 新闻中心 > 部门动态

部门动态：县市场监管局开展"你点我检"抽检活动

发布时间：2024-06-03 10:12 来源：县市场监管局

县市场监管局开展"你点我检"抽检活动

为回应群众关切，县市场监管局于6月1日在城区农贸市场开展“你点我检”食品安全抽检活动。

现场共抽检蔬菜、水产品等样品32批次，检测结果全部合格。

县市场监督管理局

2024年6月3日
"""

_BULLET_PAGE = """  • 索引号：

    11410000MB1234567X/2024-00031

  • 发布机构：

    某县交通运输局

  • 关于做好汛期公路安全保畅工作的通知

各乡镇人民政府，县直有关单位：

为做好今年汛期公路安全保畅工作，现将有关事项通知如下。

一、压实责任。各单位要落实汛期值班制度。

某县交通运输局

2024年5月20日
"""


def test_a_news_page_with_a_column_heading() -> None:
    read = read_text(_COLUMN_PAGE, file="dongtai.txt")
    assert read.notice.title_lines == ["县市场监管局开展“你点我检”抽检活动"]
    assert "部门动态" not in str(read.notice.model_dump())


def test_a_disclosure_page_with_a_bulleted_title() -> None:
    read = read_text(_BULLET_PAGE, file="tongzhi.txt")
    assert read.notice.title_lines == ["关于做好汛期公路安全保畅工作的通知"]
    assert read.notice.addressees == ["各乡镇人民政府", "县直有关单位"]
