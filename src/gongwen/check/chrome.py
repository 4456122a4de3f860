"""Web page furniture copied with a notice: breadcrumbs, metadata fields, page labels, share
and print buttons. None of it is part of the notice, so no rule checks it.

Modelled on the page chrome of the real-shaped corpus (tests/data/corpus/, each notice lists
its chrome lines). A line is chrome when it is nothing but such furniture: a notice's own
sentences that mention 来源 or 时间 are not.
"""

from __future__ import annotations

from gongwen.lazy_regex import lazy_compile

_BULLET = r"[•·●◆■\-\s]*"
_FIELD_LABELS = (
    "信息索引号|索引号|文件名称|文件编号|发布机构|生成日期|成文日期|主题分类|公开方式|公开范围|"
    "有效性|访问量|浏览量|浏览次数|浏览|阅读|点击量|点击数|点击率|归档时间|视力保护色|责编|"
    "责任编辑|编辑|作者|时间|日期|来源|信息来源|发布日期|发布时间|下载地址|所属机构|分享到?|"
    "字号|字体|色调调节"
)
_FIELD = lazy_compile(rf"{_BULLET}(?:{_FIELD_LABELS})\s*[:：]")
_FIELDS_ONLY = lazy_compile(rf"(?:{_BULLET}(?:{_FIELD_LABELS})\s*[:：][^:：]{{0,40}}?)+\s*")
_BREADCRUMB = lazy_compile(r"(?:[>＞»›]|->).*(?:[>＞»›]|->)|^(?:您)?当前(?:所在)?(?:的)?位置")
_PAGE_LABEL = lazy_compile(r"第\s*[A-Z]?\d{1,3}\s*版\s*[:：]")
_BUTTONS = lazy_compile(
    r"^(?:【[^】]{0,8}】\s*)+$|^【\s*(?:打印|关闭|字体|字号|收藏|分享)|打印本页|关闭窗口|还没有账号|关怀版|无障碍|扫一扫|"
    r"^(?:微信|微博|繁体字?|EN|登录|注册)$|^[\d\s:：-]{8,}$"
)
_NOTICE_WORDS = lazy_compile(r"[。；]|现将|如下|通知|通报|巡察组|整改")


def is_page_chrome(text: str) -> bool:
    """Whether a line (stripped) is web page furniture rather than text of the notice.

    >>> is_page_chrome("您当前所在位置: 主页 > 信息公开 > 巡视巡察 > 反馈 >")
    True
    >>> is_page_chrome("• 索引号: j602402--2024-0188 主题分类: 综合政务")
    True
    >>> is_page_chrome("第C02版:要闻"), is_page_chrome("责编:郭慧红"), is_page_chrome("浏览量:")
    (True, True, True)
    >>> is_page_chrome("时间:2020-10-12"), is_page_chrome("【打印】 【字体:")
    (True, True)
    >>> is_page_chrome("受理时间:2023年3月14日至4月14日。")
    False
    >>> is_page_chrome("来源于群众反映的问题，现将整改情况通报如下：")
    False
    """
    text = text.strip()
    if not text:
        return False
    if _BUTTONS.search(text) or _PAGE_LABEL.match(text):
        return True
    if _BREADCRUMB.search(text) and not _NOTICE_WORDS.search(text):
        return True
    return (
        bool(_FIELD.match(text))
        and (_FIELDS_ONLY.fullmatch(text) is not None or not _NOTICE_WORDS.search(text))
        and len(text) < 80
    )


__all__ = ["is_page_chrome"]
