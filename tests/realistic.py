"""Realistic titles and notices, generated from a seeded random source (deterministic in CI).

Titles are built the way 公文 titles are: an issuing organ, 关于, a topic, 的, a 文种 — with or
without the organ, with 印发《…》 sometimes — so that title breaking is tested on the shapes it
meets, not only on the examples.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

ORGANS = (
    "中共济南市市中区委巡察工作领导小组办公室",
    "济南市市中区人民政府办公室",
    "二七新村街道社区综合党委",
    "建新社区综合党委",
    "市中区二七新村街道办事处",
    "中共青石街道工作委员会",
    "区应急管理局",
    "市生态环境局",
    "区教育和体育局",
    "市人民政府",
    "区委组织部",
    "舜耕街道党工委",
    "王官庄社区居民委员会",
    "区卫生健康委员会",
)
TOPICS = (
    "巡察整改进展情况",
    "开展安全生产大检查",
    "进一步加强基层社区治理工作",
    "做好2023年度防汛抗旱工作",
    "落实巡察反馈意见整改任务",
    "全面推进城镇老旧小区改造",
    "加强和改进新时代基层党组织建设",
    "开展主题教育调研成果交流",
    "建立健全社区网格化管理长效机制",
    "深化党建引领基层治理改革试点",
    "表彰先进基层党组织和优秀共产党员",
    "规范社区工作者队伍建设管理",
    "开展燃气安全专项整治",
    "巡察反馈问题整改落实情况",
    "2023年第一季度重点工作完成情况",
    "调整区安全生产委员会组成人员",
)
PLANS = (
    "社区网格化服务管理实施方案",
    "安全生产专项整治三年行动实施方案",
    "巡察整改工作方案",
    "基层党组织标准化规范化建设考核办法",
)
DOCUMENT_TYPES = ("通知", "通报", "报告", "意见", "决定", "请示", "函", "批复")
ATTACHMENT_TITLES = (
    "巡察反馈问题整改台账",
    "整改任务清单和责任分工",
    "社区网格员联系方式一览表",
    "二七新村街道社区综合党委巡察整改问题清单及整改措施完成情况",
    "年度重点工作任务分解表",
    "安全生产隐患排查整治情况统计表",
    "关于进一步加强社区工作者队伍建设管理的实施意见",
)
SENTENCE = (
    "各社区要高度重视，把巡察整改作为重大政治任务，主要负责同志亲自抓、负总责，"
    "逐条对照问题清单，明确整改时限和责任人，确保件件有着落、事事有回音。"
    "对已经完成的整改事项，要巩固成果、防止反弹；对需要长期坚持的，要建立长效机制。"
)
HEADINGS = (
    "总体情况",
    "整改工作开展情况",
    "存在的主要问题",
    "下一步工作打算",
    "加强组织领导",
    "压实工作责任",
    "强化督促检查",
    "健全长效机制",
)


def realistic_title(rng: random.Random, low: int = 10, high: int = 40) -> str:
    """A title of ``low`` to ``high`` characters: [organ] 关于 topic 的 文种."""
    while True:
        kind = rng.choice(DOCUMENT_TYPES)
        if rng.random() < 0.2:
            topic = f"印发{rng.choice(PLANS)}"
            kind = "通知"
        else:
            topic = rng.choice(TOPICS)
        organ = rng.choice(ORGANS) if rng.random() < 0.7 else ""
        title = f"{organ}关于{topic}的{kind}"
        if low <= len(title) <= high:
            return title


def _paragraph(rng: random.Random) -> str:
    start = rng.randrange(0, len(SENTENCE) // 2)
    length = rng.randrange(20, 140)
    text = (SENTENCE * 3)[start : start + length].strip("，、；。")
    return text + "。"


def _body(rng: random.Random, size: int) -> list[Any]:
    body: list[Any] = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.35:
            sub = [_paragraph(rng) for _ in range(rng.randrange(1, 4))]
            if rng.random() < 0.3:
                sub.append(
                    {"section": {"heading": rng.choice(HEADINGS), "body": [_paragraph(rng)]}}
                )
            body.append({"section": {"heading": rng.choice(HEADINGS), "body": sub}})
        elif roll < 0.5:
            body.append(
                {
                    "problem": {
                        "statement": _paragraph(rng),
                        "measures": [_paragraph(rng) for _ in range(rng.randrange(1, 4))],
                    }
                }
            )
        else:
            body.append(_paragraph(rng))
    return body


SIGNATURE_FORMS = ("sealed", "unsealed", "none")


def realistic_notice(rng: random.Random, index: int) -> dict[str, Any]:
    """A notice as a dict for :class:`gongwen.model.Notice`, of random length and parts.

    ``index`` cycles the signature forms and the 版头/版记 so that every combination occurs.
    """
    data: dict[str, Any] = {
        "title": realistic_title(rng),
        "addressees": ["各社区党组织"],
        "body": _body(rng, rng.choice((1, 2, 3, 5, 8, 12, 18, 25))),
    }
    form = SIGNATURE_FORMS[index % len(SIGNATURE_FORMS)]
    if form != "none":
        data["signature"] = {
            "organs": [rng.choice(ORGANS[2:])],
            "date": date(2023, 3, 14).isoformat(),
            "sealed": form == "sealed",
        }
    attachments = rng.choice((0, 0, 1, 2, 3))
    if attachments:
        data["attachments"] = [
            {"title": rng.choice(ATTACHMENT_TITLES), "body": _body(rng, rng.randrange(1, 6))}
            for _ in range(attachments)
        ]
    if (index // 3) % 2 == 0:
        data["header"] = {
            "issuer_mark": {"organs": [rng.choice(ORGANS)], "with_wenjian": True},
            "document_number": "市中巡办发〔2023〕5号",
        }
    if (index // 6) % 2 == 0:
        data["imprint"] = {
            "copy_to": ["区委办公室", "区政府办公室"],
            "printer": "市中区委巡察办",
            "print_date": "2023-03-14",
        }
        # printed on both sides: the 版记 on 封四; on one side: at the foot of the text
        data["presentation"] = {"sides": "double" if (index // 12) % 2 == 0 else "single"}
    return data
