"""The general causes of false findings and missed defects found on the corpus: a page that
shows its title twice, a report's 题注 taken for title lines, problems set like headings,
totals of findings the notice lists only a few of, and a blank line between a problem and its
label. Each on small cases and on a notice written for the test."""

from __future__ import annotations

from gongwen.check import check_text
from gongwen.check.scan import units_from_lines
from gongwen.check.units import Role
from gongwen.findings import Finding


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def roles(text: str) -> dict[int, Role]:
    units, _ = units_from_lines(text.split("\n"))
    return {u.line or 0: u.role for u in units}


def test_a_page_heading_that_shows_the_title_again_is_chrome() -> None:
    text = (
        "工作动态:城关镇开展整改回头看\n来源:镇党政办 发布时间:2024-05-06 09:12\n"
        "城关镇开展整改回头看\n近日,城关镇对整改情况开展回头看。"
    )
    found = roles(text)
    assert found[1] is Role.CHROME and found[3] is Role.TITLE
    assert not [f for f in check_text(text) if f.location.line == 1]


def test_an_aggregators_lead_in_quoting_the_title_is_chrome() -> None:
    text = (
        "西岭县人民政府关于农村饮水安全审计发现问题整改情况的报告\n"
        ",近日,西岭县人民政府印发关于农村饮水安全审计发现问题整改情况的报告,全文如下:\n"
        "西岭县人民政府关于农村饮水安全审计发现问题整改情况的报告\n"
        "市审计局:\n"
        "根据审计要求,我县认真组织整改,现将情况报告如下。"
    )
    found = roles(text)
    assert found[1] is Role.CHROME and found[2] is Role.CHROME
    assert found[3] is Role.TITLE and found[4] is Role.ADDRESSEE
    assert not [f for f in check_text(text) if f.location.line in (1, 2)]


def test_an_ordinary_first_paragraph_is_not_taken_for_a_lead_in() -> None:
    text = "关于开展安全检查的通知\n\n各科室:\n请于5月10日前完成自查。"
    found = roles(text)
    assert found[1] is Role.TITLE and found[3] is Role.ADDRESSEE


def test_a_reports_subtitle_and_speaker_are_not_title_lines() -> None:
    text = (
        "——2024年6月18日在北塘区第五届人大常委会第十九次会议上\n"
        "区审计局局长  林晓岚\n"
        "主任、各位副主任、各位委员:\n"
        "我受区人民政府委托,报告审计查出问题的整改情况,请予审议。"
    )
    found = roles(text)
    assert Role.TITLE not in found.values()
    assert found[3] is Role.ADDRESSEE
    assert "GW404" not in codes(check_text(text))


def test_problems_set_like_headings_have_no_missing_period() -> None:
    text = (
        "一、整改落实情况\n"
        "1.对于“学习制度执行不严格,集中学习次数不足”的问题\n"
        "整改情况:制定年度学习计划,每月集中学习1次。\n"
        "2.对于“村级财务公开不及时,群众反映较多”的问题\n"
        "整改情况:按季度公开财务收支,接受群众监督。"
    )
    assert "GW306" not in codes(check_text(text))


def test_one_problem_that_lost_its_period_among_others_is_reported() -> None:
    text = (
        "一、整改落实情况\n"
        "1.学习制度执行不严格,集中学习次数不足。\n"
        "整改情况:制定年度学习计划,每月集中学习1次。\n"
        "2.村级财务公开不及时,群众对此反映较多\n"
        "整改情况:按季度公开财务收支,接受群众监督。"
    )
    assert [f.location.line for f in check_text(text) if f.code == "GW306"] == [4]


_REPORT = (
    "一、整改总体情况\n\n"
    "对照巡察反馈的四个方面{total}项问题,逐项制定整改措施。\n\n"
    "二、典型问题整改情况\n\n"
    "1.关于“理论学习流于形式”的问题。\n\n"
    "整改措施:制定学习计划,开展专题研讨。\n\n"
    "2.关于“专项资金拨付滞后”的问题。\n\n"
    "整改措施:建立资金拨付台账,按月通报。\n\n"
    "3.关于“档案管理不规范”的问题。\n\n"
    "整改措施:聘请专业人员整理档案。"
)


def test_a_total_of_findings_the_notice_lists_a_few_of_is_not_a_count_mismatch() -> None:
    found = codes(check_text(_REPORT.format(total=24)))
    assert "GW202" not in found and "GW201" not in found


def test_problems_separated_from_their_labels_by_blank_lines_are_counted() -> None:
    found = [f for f in check_text(_REPORT.format(total=4)) if f.code == "GW202"]
    assert [f.location.line for f in found] == [3]
    assert "列出了3个问题" in found[0].message
