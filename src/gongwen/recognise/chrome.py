"""Page chrome: the web page's furniture around a published notice (发布日期, 打印本页, 首页 > …).

>>> parse_chrome("关怀版 无障碍"), parse_chrome("第A03版:要闻")
(Chrome(metadata={}), Chrome(metadata={'版面': 'A03版:要闻'}))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongwen.lazy_regex import lazy_compile

__all__ = ["Chrome", "parse_chrome"]

# ---------------------------------------------------------------------------------------------
# Page chrome


@dataclass(frozen=True)
class Chrome:
    """A line of web-page chrome: ``metadata`` kept (发布日期 → value), the rest dropped."""

    metadata: dict[str, str] = field(default_factory=dict)


_KEPT_KEYS = (
    "发布日期|发布时间|发文日期|成文日期|生成日期|归档时间|日期|时间|来源|信息来源|文章来源|作者"
    "|发布者|发布机构|浏览次数|阅读次数|访问次数|访问量|点击数|点击次数|点击量|阅读量|浏览量"
    "|责任编辑|责编|编辑|审核|信息索引号|索引号|主题分类|文件编号|有效性|公开范围|公开方式"
    "|公开形式|文件名称|所属机构"
)
_WIDGET_KEYS = "字体|字号|打印|分享到|分享|视力保护色|下载地址|扫一扫"
_CHROME_ITEM = lazy_compile(rf"(?:[【\[]|(?<!\s))\s*({_KEPT_KEYS}|{_WIDGET_KEYS})\s*[:：]")
"""Starts at a bracket or where a run of spaces starts: tried at every space of a long run,
the whitespace pattern rescanned the run each time (quadratic)."""
_CHROME_WORDS = frozenset(
    {
        "打印本页",
        "打印此页",
        "打印",
        "关闭窗口",
        "关闭本页",
        "关闭",
        "返回顶部",
        "返回",
        "收藏",
        "收藏本页",
        "加入收藏",
        "分享",
        "分享到",
        "上一篇",
        "下一篇",
        "大",
        "中",
        "小",
        "默认",
        "字体",
        "扫一扫在手机打开当前页",
        "扫一扫",
        "在手机打开当前页",
        "【",
        "】",
        "[",
        "]",
        "【打印本页】",
        "【关闭窗口】",
        "【打印】",
        "【关闭】",
        "[打印本页]",
        "[关闭窗口]",
        "[打印]",
        "[关闭]",
        "关怀版",
        "微信",
        "微博",
        "繁体字",
        "EN",
        "手机版",
        "政务微博",
        "政务微信",
        "朗读",
        "无障碍版",
        "长者助手",
        "适老化",
        "无障碍",
        "长者模式",
        "无障碍浏览",
        "繁体",
        "简体",
        "繁體",
        "English",
        "登录",
        "注册",
        "搜索",
        "【大】",
        "【中】",
        "【小】",
        "[大]",
        "[中]",
        "[小]",
        "【打印此页】",
        "【关闭此页】",
        "【收藏】",
        "【返回顶部】",
    }
)
_BREADCRUMB = lazy_compile(
    r"^(?:您)?(?:当前|现在)?(?:所在|的|所处)?(?:位置|栏目)\s*[:：]|^->|^(?:首页|主页)\s*(?:->|>)"
)
_FILE_NAME = lazy_compile(
    r"[\w\-（）()]{1,40}\.(?:png|jpe?g|gif|bmp|pdf|docx?|xlsx?|wps|zip|rar)", re.I
)
_LOGIN = lazy_compile(
    r"(?:账号|手机|用户名)[+＋](?:密码|验证码)登录|还没有账号[?？]?|立即注册|忘记密码[?？]?"
)
_STAMP = lazy_compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\s+[0-9]{1,2}:[0-9]{2}")
_CRUMB_SEPARATORS = lazy_compile(r"(?<!\s)\s*(?:>>|>|»|＞|→|›|/)\s*")
"""Starts where a run of spaces starts (see _CHROME_ITEM): linear in a line of spaces."""
_PAGE_LABEL = lazy_compile(r"^第\s*([A-Z]?[0-9０-９]{1,3}\s*版)\s*[:：]?\s*(\S{0,12})$")


def parse_chrome(text: str) -> Chrome | None:
    """Recognise a whole line of web-page chrome; None if the line is content.

    Kept: 发布日期, 来源, 作者, 浏览次数 and similar labelled values. Dropped: 字体:[ ],
    打印本页, 关闭窗口, breadcrumbs (首页 > 党务公开 > …).

    >>> parse_chrome("发布日期:2023-03-14 浏览次数: 字体:[ ]")
    Chrome(metadata={'发布日期': '2023-03-14', '浏览次数': ''})
    >>> parse_chrome("打印本页 关闭窗口"), parse_chrome("【打印】【关闭】")
    (Chrome(metadata={}), Chrome(metadata={}))
    >>> parse_chrome("当前位置：首页 > 党务公开 > 通知公告")
    Chrome(metadata={})
    >>> print(parse_chrome("来源不明的资金要及时清查。"))
    None
    """
    line = text.strip().lstrip("•·●◆▪").strip()
    if not line or len(line) > 160:
        return None
    if _FILE_NAME.fullmatch(line) or _LOGIN.fullmatch(line):
        return Chrome()
    if _BREADCRUMB.match(line):
        return Chrome()
    if m := _PAGE_LABEL.match(line):
        return Chrome({"版面": f"{m[1]}:{m[2]}" if m[2] else m[1]})
    crumbs = [c for c in _CRUMB_SEPARATORS.split(line) if c]
    if (
        len(crumbs) >= 2
        and crumbs[0] in ("首页", "网站首页", "主页")
        and all(len(c) <= 16 for c in crumbs)
    ):
        return Chrome()
    words = re.sub(r"[【】\[\]|｜]", " ", line).split()
    if words and all(word in _CHROME_WORDS for word in words):
        return Chrome()
    items = list(_CHROME_ITEM.finditer(line))
    if not items:
        return None
    prefix = re.sub(r"[【】\[\]|｜]", " ", line[: items[0].start()]).split()
    if prefix and not all(word in _CHROME_WORDS for word in prefix):
        # 某某人民政府   2019-05-17 15:15:00   来源: 督查室: a stamped byline
        return Chrome() if _STAMP.search(line) and len(line) <= 80 else None
    metadata: dict[str, str] = {}
    for item, following in zip(items, [*items[1:], None], strict=True):
        end = following.start() if following is not None else len(line)
        value = line[item.end() : end].strip().strip("】]").strip()
        if len(value) > 40:
            return None
        key = item[1]
        if not re.fullmatch(_WIDGET_KEYS, key):
            metadata[key] = value
    return Chrome(metadata)
