"""Contact channels as published notices lay them out: numbered one a line, named with the
words before them (举报电子邮箱, 专门值班电话), several numbers or places in one channel, and
closing lines (受理时间…, 特此公告。) after them."""

from __future__ import annotations

from gongwen import render_bytes
from gongwen.read import read_docx_bytes, read_text
from gongwen.recognise.contact import closing_line, parse_contact


def test_a_numbered_channel_is_read_without_its_ordinal() -> None:
    c = parse_contact("（四）电子邮箱:abc@163.com")
    assert c is not None and c.email == "abc@163.com" and c.before == ""
    c = parse_contact("2.举报电子邮箱：xcz@126.com；")
    assert c is not None and c.email == "xcz@126.com"


def test_words_before_the_channel_name_are_part_of_the_label() -> None:
    c = parse_contact("3.举报电话:0553-2631762 15212243871;")
    assert c is not None and c.phones == ("0553-2631762", "15212243871")
    c = parse_contact("专门值班电话：0760-88872316")
    assert c is not None and c.phones == ("0760-88872316",)


def test_a_landline_and_a_mobile_in_one_channel() -> None:
    c = parse_contact("(五)举报电话:座机0554-4986215;手机18055437719(只接收短信)")
    assert c is not None
    assert c.phones == ("0554-4986215", "18055437719(只接收短信)")


def test_several_places_of_one_channel_stay_one_channel() -> None:
    c = parse_contact("(三)举报信箱设置地点:区政府北门;民生大厦西侧;殡仪馆门口")
    assert c is not None
    assert c.others == (("举报信箱设置地点", "区政府北门，民生大厦西侧，殡仪馆门口"),)


def test_a_sentence_is_not_a_channel_value() -> None:
    assert parse_contact("邮政编码:215004。同时在各村张贴公告") is None
    assert parse_contact("(一)巡察对象") is None


def test_closing_lines() -> None:
    assert closing_line("特此通告。")
    assert closing_line("接待来访时间：工作日9:00-17:00。")
    assert not closing_line("请各单位按要求整改。")
    assert not closing_line("受理范围：巡察对象领导班子及其成员的问题。")


_NOTICE_ONE = """巡察公告

根据县委统一部署，县委第一巡察组于2024年4月8日至5月31日对县水利局党组开展常规巡察。

一、巡察对象

县水利局领导班子及其成员。

二、联系渠道

巡察期间，巡察组设立值班电话和电子邮箱，接受干部群众来信来电。

（一）值班电话：0739-5212345

（二）举报电子邮箱：sljxcz1@163.com

（三）来信请寄：县行政中心三号楼六楼县委第一巡察组

接待来访时间：工作日上午9:00至12:00，下午14:30至17:30。

特此公告。

中共某县委巡察工作领导小组办公室

2024年4月8日
"""

_NOTICE_TWO = """关于开展城区燃气安全隐患排查的通告

各有关单位：

为切实保障群众生命财产安全，现就开展城区燃气安全隐患排查有关事项通告如下。

一、排查时间：即日起至2024年10月31日。

二、排查范围：城区各餐饮场所、老旧小区。

三、监督举报。

1.投诉电话：12345、0451-86612345

2.监督电子信箱：rqjc@hrb.gov.cn

3.邮寄地址：市住建局燃气管理处（邮编150001）

受理举报的时间为每个工作日8:30-17:00。

某市住房和城乡建设局

2024年9月2日
"""


def test_a_notice_with_numbered_channels_and_closing_lines() -> None:
    read = read_text(_NOTICE_ONE, file="gonggao.txt")
    contact = read.notice.contact
    assert contact is not None
    assert contact.phones == ["0739-5212345"]
    assert contact.email == "sljxcz1@163.com"
    assert [(o.label, o.value) for o in contact.others] == [
        ("来信请寄", "县行政中心三号楼六楼县委第一巡察组")
    ]
    text = str(read.notice.body)
    assert "特此公告" in text and "接待来访时间" in text  # closing lines stay in the body
    assert "0739-5212345" not in text
    assert read_docx_bytes(render_bytes(read.notice)).notice == read.notice


def test_a_notice_with_arabic_numbered_channels() -> None:
    read = read_text(_NOTICE_TWO, file="tonggao.txt")
    contact = read.notice.contact
    assert contact is not None
    assert contact.phones == ["12345", "0451-86612345"]
    assert contact.email == "rqjc@hrb.gov.cn"
    assert read.notice.signature is not None
    assert read.notice.signature.organs == ["某市住房和城乡建设局"]
    assert "受理举报的时间" in str(read.notice.body)
    assert read_docx_bytes(render_bytes(read.notice)).notice == read.notice
