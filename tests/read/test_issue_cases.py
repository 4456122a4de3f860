"""The small cases of issue 11, each read from text, and each model kept through render."""

from __future__ import annotations

from gongwen import render_bytes
from gongwen.model import Notice, Paragraph, Problem, Section, walk
from gongwen.read import read_docx_bytes, read_text

TITLE = "关于巡察整改进展情况的通报\n\n"


def _problems(notice: Notice) -> list[Problem]:
    return [item for _, item in walk(notice.body) if isinstance(item, Problem)]


def _round_trip(notice: Notice) -> None:
    assert read_docx_bytes(render_bytes(notice)).notice == notice


def test_a_numbered_problem_with_its_status_before_the_measures() -> None:
    result = read_text(
        TITLE + "1.台账不全。\n完成情况:已完成\n整改情况:一是补建台账;二是每月核对。\n"
    )
    (problem,) = _problems(result.notice)
    assert problem.statement == "台账不全。"
    assert problem.status == "已完成"
    assert problem.measures == ["补建台账。", "每月核对。"]
    assert {f.code for f in result.findings} >= {"RD033", "RD034"}
    _round_trip(result.notice)


def test_a_problem_with_its_measures_run_into_its_line() -> None:
    result = read_text(TITLE + "问题3:制度执行不严格。整改情况:一是修订办法;二是逐项复核。\n")
    (problem,) = _problems(result.notice)
    assert problem.statement == "制度执行不严格。"
    assert problem.description is None
    assert problem.measures == ["修订办法。", "逐项复核。"]


def test_numbered_problems_with_labels_on_the_same_line() -> None:
    text = TITLE + "\n".join(
        [
            "一、整改落实情况",
            "1.学习不深入。完成情况:已完成。整改情况:一是集中学习;二是专题研讨。",
            "2.制度落实不到位。完成情况:正在推进。整改情况:一是修订制度;二是加强督查。",
            "3.台账不规范。整改时限:2023年底前。责任单位:区财政局。整改措施:一是补建;二是核对。",
        ]
    )
    problems = _problems(read_text(text).notice)
    assert [p.statement for p in problems] == ["学习不深入。", "制度落实不到位。", "台账不规范。"]
    assert [p.status for p in problems] == ["已完成", "正在推进", None]
    assert [len(p.measures) for p in problems] == [2, 2, 2]
    assert (problems[2].deadline, problems[2].responsible) == ("2023年底前", "区财政局")
    assert problems[2].measures_label == "整改措施"


def test_details_on_lines_of_their_own_and_a_round_trip() -> None:
    text = TITLE + "\n".join(
        [
            "问题1:资金拨付滞后。",
            "责任单位:区财政局",
            "整改时限:2023年12月底",
            "整改措施:",
            "一是加快拨付。",
            "二是建立台账。",
        ]
    )
    notice = read_text(text).notice
    (problem,) = _problems(notice)
    assert (problem.responsible, problem.deadline) == ("区财政局", "2023年12月底")
    assert problem.measures == ["加快拨付。", "建立台账。"]
    _round_trip(notice)


def test_a_run_in_heading_stays_run_in_through_render() -> None:
    text = (
        TITLE
        + "一、总体情况\n（一）健全工作机制。各部门要建立台账，逐项销号。\n"
        + "（二）强化督查\n继续推进整改。\n"
    )
    notice = read_text(text).notice
    first = notice.body[0]
    assert isinstance(first, Section)
    sub = first.body[0]
    assert isinstance(sub, Section) and sub.run_in
    assert sub.heading == "健全工作机制。"
    assert sub.body == [Paragraph(text="各部门要建立台账，逐项销号。")]
    second = first.body[1]
    assert isinstance(second, Section) and not second.run_in
    _round_trip(notice)


def test_a_notice_whose_top_level_is_the_second_keeps_its_ordinals() -> None:
    text = (
        TITLE
        + "各社区：\n（一）加强组织领导\n街道成立了领导小组。\n1.建立台账。\n逐项销号。\n"
        + "（二）强化督查\n每月通报。\n"
    )
    result = read_text(text)
    assert result.notice.presentation.top_level == 2
    assert "RD023" not in {f.code for f in result.findings}
    rendered = read_docx_bytes(render_bytes(result.notice))
    assert rendered.notice == result.notice
    from gongwen.compose import compose

    texts = [getattr(b, "text", "") for b in compose(result.notice)]
    assert "（一）加强组织领导" in texts and "1.建立台账。" in texts and "（二）强化督查" in texts
    assert not any(t.startswith("一、") for t in texts)


def test_only_sentences_get_a_full_stop_and_each_one_added_is_a_finding() -> None:
    text = TITLE + "\n".join(
        [
            "一、整改情况",
            "全年共投入整改资金1.05亿元,",
            "用于老旧小区改造和管网更新",
            "局长   张三",
            "张三 李四 王五 赵六",
        ]
    )
    result = read_text(text)
    paragraphs = [i.text for _, i in walk(result.notice.body) if isinstance(i, Paragraph)]
    assert paragraphs == [
        "全年共投入整改资金1.05亿元，",
        "用于老旧小区改造和管网更新。",
        "局长   张三",
        "张三 李四 王五 赵六",
    ]
    added = [f for f in result.findings if f.code == "RD051"]
    assert [f.location.line for f in added] == [5]
    assert [f.location.line for f in result.findings if f.code == "RD052"] == [4]


def test_damage_beyond_the_seed_is_reported_with_its_line() -> None:
    text = TITLE + "\n".join(
        [
            "根据委巡察工作领导小组统一部署，县委第五巡察组对某局开展巡察。",
            "县委第五巡视组组长在会上讲话。县委第五巡察组反馈了意见。",
            "在市届人大常委会次会议上，截止时间为2023年9月15，逾期不再受理。",
            "某县卫生健康局  某县医疗保障局",
            "2023年9月15",
        ]
    )
    result = read_text(text)
    lines = {
        code: [f.location.line for f in result.findings if f.code == code]
        for code in ("RD053", "RD054", "RD055", "RD056")
    }
    assert lines == {"RD053": [5, 5], "RD054": [4], "RD055": [5, 7], "RD056": [3]}
    signature = result.notice.signature
    assert signature is not None
    assert signature.organs == ["某县卫生健康局", "某县医疗保障局"]
    assert signature.date.isoformat() == "2023-09-15"
    body = " ".join(i.text for _, i in walk(result.notice.body) if isinstance(i, Paragraph))
    assert "县委第五巡视组" in body and "市届人大" in body  # reported, not changed


def test_what_follows_the_attachment_note_is_not_an_attachment() -> None:
    text = TITLE + "\n".join(
        [
            "请各单位按要求抓好整改落实。",
            "附件:1.整改台账",
            "2.问题清单",
            "联系人:张三  联系电话:0371-7654321",
            "某县巡察工作领导小组办公室",
            "二〇二三年九月十五日",
        ]
    )
    notice = read_text(text).notice
    assert [a.title for a in notice.attachments] == ["整改台账", "问题清单"]
    assert notice.signature is not None
    assert notice.signature.organs == ["某县巡察工作领导小组办公室"]
    assert notice.presentation.date_numerals == "chinese"
    assert notice.contact is not None and notice.contact.phones == ["0371-7654321"]


def test_contact_lines_with_a_spaced_label_and_an_office_after_the_number() -> None:
    text = TITLE + "\n".join(
        [
            "请各单位抓好整改。",
            "电 话:0573-85067721(市委巡察办);",
            "电子邮箱:xcb@pinghai.gov.cn;",
            "某县巡察办",
            "2023年9月15",
        ]
    )
    notice = read_text(text).notice
    assert notice.contact is not None
    assert notice.contact.phones == ["0573-85067721（市委巡察办）"]
    assert notice.contact.email == "xcb@pinghai.gov.cn"
    assert [i.text for i in notice.body if isinstance(i, Paragraph)] == ["请各单位抓好整改。"]


def test_the_title_is_chosen_among_page_furniture_and_said_so() -> None:
    text = "\n".join(
        [
            "关怀版 无障碍",
            "第A03版:要闻",
            "您当前所在位置: 首页 > 信息公开 > 巡察",
            "本级巡察整改",
            "",
            "中共某街道工作委员会",
            "",
            "关于巡察整改进展情况的通报",
            "",
            "各乡(镇、街道)党委,区直各部门:",
            "根据区委统一部署，区委第二巡察组对街道开展了巡察。",
        ]
    )
    result = read_text(text)
    assert result.notice.title_lines == ["中共某街道工作委员会", "关于巡察整改进展情况的通报"]
    assert result.notice.addressees == ["各乡（镇、街道）党委", "区直各部门"]
    (chosen,) = [f for f in result.findings if f.code == "RD005"]
    assert "本级巡察整改" in chosen.message
