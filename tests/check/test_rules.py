"""gongwen check: every rule on its own examples, on models, on the scraped seed, on examples."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from ruamel.yaml import YAML

from gongwen import Notice, notice_from_data
from gongwen.check import RULES, Rule, check_file, check_notice, check_text
from gongwen.findings import Finding, Level
from tests.conftest import SEED
from tests.strategies import any_notices, notices

DATA = Path(__file__).parents[1] / "data" / "check"

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run_example(rule: Rule, text: str) -> list[Finding]:
    if rule.example_format == "yaml":
        return check_notice(notice_from_data(YAML(typ="safe").load(text)))
    return check_text(text)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


# ---------------------------------------------------------------------------------------------
# Each rule: a failing and a passing example (the ones docs/checks.md shows)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_reports_its_bad_example(rule: Rule) -> None:
    found = [f for f in run_example(rule, rule.bad) if f.code == rule.code]
    assert found
    assert all(f.level == rule.level and f.message for f in found)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_silent_on_its_good_example(rule: Rule) -> None:
    assert rule.code not in codes(run_example(rule, rule.good))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_only_fixable_rules_offer_fixes(rule: Rule) -> None:
    found = [f for f in run_example(rule, rule.bad) if f.code == rule.code]
    assert all(f.fix is not None for f in found) == rule.fixable
    assert any(f.fix is not None for f in found) == rule.fixable


@pytest.mark.parametrize("rule", [r for r in RULES if r.fixable], ids=lambda r: r.code)
def test_a_fix_removes_its_finding(rule: Rule, tmp_path: Path) -> None:
    from gongwen.check import fix_file

    path = tmp_path / ("bad.yaml" if rule.example_format == "yaml" else "bad.txt")
    path.write_text(rule.bad, encoding="utf-8")
    result = fix_file(path)
    assert rule.code in codes(result.applied)
    assert rule.code not in codes(result.remaining)


def test_codes_are_unique_stable_and_in_families() -> None:
    all_codes = [r.code for r in RULES]
    assert len(all_codes) == len(set(all_codes))
    assert all(re.fullmatch(r"GW[1-8][0-9]{2}", c) for c in all_codes)
    assert all_codes == sorted(all_codes)
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


# ---------------------------------------------------------------------------------------------
# The scraped seed: each of its known defects, and its half-width punctuation


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def line_of(snippet: str) -> int:
    (number,) = [i for i, line in enumerate(seed_lines(), start=1) if snippet in line]
    return number


@pytest.fixture(scope="module")
def seed_findings() -> list[Finding]:
    return check_file(SEED)


@pytest.mark.parametrize(
    ("damage", "code", "fixed"),
    [
        ("2022412日", "GW505", "2022年4月12日至"),
        ("202278日", "GW505", "至2022年7月8日"),
        ("区委第巡察组", "GW110", "区委第二巡察组对"),
        ("巡察91区委", "GW506", None),
        ("是加强对党的创新理论", "GW109", "三是加强对党的创新理论"),
        ("是加强党务工作培训力度", "GW109", "二是加强党务工作培训力度"),
        (")聚焦基层党组织软弱涣散", "GW103", "（三）聚焦基层党组织软弱涣散"),
        ("四)对巡察发现问题", "GW103", "（四）对巡察发现问题"),
        ("问题82019年以来", "GW106", "问题8：2019年以来"),
        ("(一)聚焦贯彻落实", "GW302", "（一）聚焦贯彻落实"),
        ("问题1:社区综合党委", "GW301", "问题1：社区综合党委"),
    ],
)
def test_seed_defect_is_reported(
    seed_findings: list[Finding], damage: str, code: str, fixed: str | None
) -> None:
    line = line_of(damage)
    found = [f for f in seed_findings if f.code == code and f.location.line == line]
    assert len(found) >= 1
    if fixed is None:
        assert all(f.fix is None for f in found)
    else:
        assert any(f.fix is not None and fixed in f.fix for f in found)


def test_seed_line_with_half_width_punctuation_between_chinese_is_reported(
    seed_findings: list[Finding],
) -> None:
    chinese = "\u4e00-\u9fff"
    between = re.compile(rf"[{chinese}][,;:?!][{chinese}]")
    expected = {
        i
        for i, line in enumerate(seed_lines(), start=1)
        if between.search(line) and "浏览次数" not in line
    }
    reported = {f.location.line for f in seed_findings if f.code == "GW301"}
    assert expected
    assert expected <= reported


def test_seed_problem_labels_without_colon_are_all_reported(
    seed_findings: list[Finding],
) -> None:
    no_colon = {
        i
        for i, line in enumerate(seed_lines(), start=1)
        if re.match(r"问题\d{1,4}[^\d:：]", line)  # 问题82019年 is GW106
    }
    assert len(no_colon) >= 10
    assert no_colon == {f.location.line for f in seed_findings if f.code == "GW105"}


def test_seed_page_chrome_is_not_checked(seed_findings: list[Finding]) -> None:
    chrome = {line_of("浏览次数"), line_of("打印本页")}
    assert not [f for f in seed_findings if f.location.line in chrome]


def test_seed_counts_agree_once_damaged_headings_are_counted(
    seed_findings: list[Finding],
) -> None:
    # "存在4个方面、16个主要问题": (三) and (四) lost their brackets but are still sections.
    assert not {"GW201", "GW202"} & set(codes(seed_findings))


# ---------------------------------------------------------------------------------------------
# The examples


@pytest.mark.parametrize("name", ["erqi-xincun-2023.yaml", "full.yaml", "minimal.yaml"])
def test_example_has_nothing_at_warning_or_above(name: str) -> None:
    findings = check_file(EXAMPLES / name)
    assert [f for f in findings if f.level.rank >= Level.WARNING.rank] == []


def test_restored_seed_keeps_only_its_published_heading_stop_as_a_remark() -> None:
    findings = check_file(EXAMPLES / "erqi-xincun-2023.yaml")
    assert [(f.code, f.location.path) for f in findings] == [
        ("GW402", "body[2].section.body[3].section.heading")
    ]


def test_rendered_docx_is_checked_paragraph_by_paragraph(tmp_path: Path) -> None:
    from gongwen.loader import load_notice
    from gongwen.write import render

    notice = load_notice(EXAMPLES / "erqi-xincun-2023.yaml")
    notice.body[1].heading = "坚持问题导向,逐条逐项落实整改到位。"  # type: ignore[union-attr]
    out = tmp_path / "n.docx"
    render(notice, out)
    found = check_file(out)
    heading = [f for f in found if f.code in ("GW301", "GW401")]
    assert {f.code for f in heading} == {"GW301", "GW401"}
    assert all(f.location.path is None and f.location.line for f in heading)
    assert {f.fix for f in heading if f.code == "GW401"} == {
        "一、坚持问题导向,逐条逐项落实整改到位"
    }


# ---------------------------------------------------------------------------------------------
# Models: findings name field paths


def notice(**fields: Any) -> Notice:
    data: dict[str, Any] = {"title": "关于整改情况的通报", "body": ["现将整改情况通报如下。"]}
    data.update(fields)
    return notice_from_data(data)


def where(findings: list[Finding], code: str) -> list[tuple[str | None, str | None]]:
    return [(f.location.path, f.fix) for f in findings if f.code == code]


def test_model_punctuation_points_at_the_field() -> None:
    n = notice(body=[{"section": {"heading": "强化政治站位,抓好整改", "body": ["请落实。"]}}])
    assert where(check_notice(n), "GW301") == [
        ("body[0].section.heading", "强化政治站位，抓好整改")
    ]


def test_model_typed_ordinals_are_stripped_by_their_fix() -> None:
    n = notice(
        body=[
            {"section": {"heading": "一、总体情况", "body": ["请落实。"]}},
            {
                "problem": {
                    "statement": "问题1：学习不够。",
                    "measures": ["一是加强学习。", "完善制度。"],
                }
            },
        ]
    )
    assert where(check_notice(n), "GW111") == [
        ("body[0].section.heading", "总体情况"),
        ("body[1].problem.statement", "学习不够。"),
        ("body[1].problem.measures[0]", "加强学习。"),
    ]


def test_model_run_in_measures_inside_one_paragraph_are_checked() -> None:
    n = notice(body=["一是加强学习；三是完善制度。"])
    assert where(check_notice(n), "GW107") == [("body[0].paragraph", None)]


def test_model_counts_compare_with_sections_and_problems() -> None:
    problem = {"problem": {"statement": "学习不够。", "measures": ["加强学习。"]}}
    n = notice(
        body=[
            "巡察反馈指出存在3个方面、4个问题。",
            {"section": {"heading": "整改情况", "body": [
                {"section": {"heading": "学习方面", "body": [problem, problem]}},
                {"section": {"heading": "制度方面", "body": [problem]}},
            ]}},
        ]
    )  # fmt: skip
    found = check_notice(n)
    assert "2个" in next(f.message for f in found if f.code == "GW201")
    assert "3个问题" in next(f.message for f in found if f.code == "GW202")


def test_model_repeated_measure_names_the_earlier_problem() -> None:
    same = "制定年度学习计划，每月集中学习一次。"
    n = notice(
        body=[
            {"problem": {"statement": "学习不够。", "measures": [same]}},
            {"problem": {"statement": "制度不全。", "measures": ["修订制度。", same]}},
        ]
    )
    found = [f for f in check_notice(n) if f.code == "GW801"]
    assert [f.location.path for f in found] == ["body[1].problem.measures[1]"]
    assert "问题1" in found[0].message


@pytest.mark.parametrize(
    ("contact", "code", "path"),
    [
        ({"email": "eqxcbscdb@"}, "GW701", "contact.email"),
        ({"email": "eqxcbscdb@jn"}, "GW701", "contact.email"),
        ({"email": "eqx cbs@jn.shandong.cn"}, "GW701", "contact.email"),
        ({"phones": ["827465"]}, "GW702", "contact.phones[0]"),
        ({"phones": ["0531-827465"]}, "GW702", "contact.phones[0]"),
        ({"phones": ["1391234567"]}, "GW702", "contact.phones[0]"),
        ({"others": [{"label": "传真", "value": "12"}]}, "GW702", "contact.others[0].value"),
    ],
)
def test_model_contact_details_that_cannot_be_right(
    contact: dict[str, Any], code: str, path: str
) -> None:
    assert [p for p, _ in where(check_notice(notice(contact=contact)), code)] == [path]


@pytest.mark.parametrize(
    "contact",
    [
        {"email": "eqxcbscdb@jn.shandong.cn", "phones": ["82746503", "0531-82746503"]},
        {"phones": ["13912345678", "(0531)82746503", "12388", "400-810-1234"]},
        {"others": [{"label": "微信公众号", "value": "erqixincun"}], "phones": ["010-6512345"]},
    ],
)
def test_model_contact_details_that_make_sense_pass(contact: dict[str, Any]) -> None:
    found = check_notice(notice(contact=contact))
    assert not {"GW701", "GW702"} & set(codes(found))


def test_model_email_with_full_width_at_is_fixed() -> None:
    found = where(check_notice(notice(contact={"email": "eqx＠jn.shandong.cn"})), "GW701")
    assert found == [("contact.email", "eqx@jn.shandong.cn")]


def test_model_dates_after_signature_and_publication_are_out_of_order() -> None:
    n = notice(
        body=["2022年4月12日至7月8日，区委巡察组开展了巡察，9月1日反馈了巡察意见。"],
        signature={"organs": ["某街道党工委"], "date": "2022年8月1日"},
        imprint={"printer": "某街道党政办", "print_date": "2022年7月30日"},
        published="2022-07-31",
    )
    found = [(f.location.path, f.message) for f in check_notice(n) if f.code == "GW504"]
    paths = [p for p, _ in found]
    assert paths == ["signature.date", "published", "imprint.print_date", "published"]


def test_model_notice_announcing_future_dates_is_in_order() -> None:
    n = notice(
        body=["街道决定于2023年4月1日至4月30日开展环境卫生集中整治。"],
        signature={"organs": ["某街道办事处"], "date": "2023年3月20日"},
    )
    assert "GW504" not in codes(check_notice(n))


def test_model_dates_in_chinese_against_the_presentation() -> None:
    n = notice(
        body=["定于二〇二三年四月一日前报送。"],
        signature={"organs": ["某街道办事处"], "date": "2023年3月20日"},
    )
    assert where(check_notice(n), "GW503") == [("body[0].paragraph", "定于2023年4月1日前报送。")]
    chinese = notice(
        body=["定于二〇二三年四月一日前报送。"],
        signature={"organs": ["某街道办事处"], "date": "2023年3月20日"},
        presentation={"date_numerals": "chinese"},
    )
    assert "GW503" not in codes(check_notice(chinese))


def test_model_attachment_named_in_the_text_must_exist() -> None:
    n = notice(body=["请按附件2的格式报送。"], attachments=[{"title": "整改台账。"}])
    found = check_notice(n)
    assert where(found, "GW605") == [("body[0].paragraph", None)]
    assert where(found, "GW607") == [("attachments[0].title", "整改台账")]


def test_model_title_lines_are_checked_as_one_title() -> None:
    n = notice(title=["二七新村街道社区综合党委", "关于巡察整改进展情况的通报。"])
    assert where(check_notice(n), "GW403") == [
        ("title", "二七新村街道社区综合党委\n关于巡察整改进展情况的通报")
    ]


# ---------------------------------------------------------------------------------------------
# Text: the scan that gives lines their roles


def test_text_numbering_restarts_inside_each_parent_and_each_attachment() -> None:
    text = (
        "一、总体情况\n（一）学习\n1.甲\n2.乙\n（二）制度\n1.丙\n二、下一步\n"
        "\n附件：整改台账\n\n附件\n整改台账\n一、已完成\n二、推进中\n"
    )
    found = check_text(text)
    assert not {"GW101", "GW102", "GW103"} & set(codes(found))


def test_text_problem_numbering_may_restart_in_each_section() -> None:
    text = "一、学习方面\n问题1：甲。\n问题2：乙。\n二、制度方面\n问题1：丙。\n问题3：丁。\n"
    found = [(f.code, f.location.line) for f in check_text(text) if f.code == "GW104"]
    assert found == [("GW104", 6)]


def test_text_lone_shi_without_any_numbered_lead_is_not_a_lost_lead() -> None:
    text = "问题1：学习不够。\n整改情况：\n是时候加强学习了。\n"
    assert "GW109" not in codes(check_text(text))


def test_text_half_width_marks_in_ascii_context_are_left_alone() -> None:
    text = "会议于9:30召开，共1,000人参加，网址www.example.gov.cn，邮箱a@b.cn。\n"
    assert "GW301" not in codes(check_text(text))


def test_text_straight_quotes_are_paired() -> None:
    (fix,) = [f.fix for f in check_text('学习"三会一课"和"主题党日"制度。') if f.code == "GW303"]
    assert fix == "学习“三会一课”和“主题党日”制度。"


def test_text_ambiguous_run_together_date_has_no_fix() -> None:
    (finding,) = [f for f in check_text("2022111日召开会议。") if f.code == "GW505"]
    assert finding.fix is None
    assert "2022年1月11日" in finding.message and "2022年11月1日" in finding.message


# ---------------------------------------------------------------------------------------------
# Properties over generated notices


def rendered_text(notice: Notice) -> str:
    """The notice as text, one line per rendered paragraph (what a web page would show)."""
    from gongwen.compose import Block, compose

    lines: list[str] = []
    for element in compose(notice):
        if isinstance(element, Block):
            lines += element.text.split("\n")
    return "\n".join(lines) + "\n"


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(any_notices())
def test_any_notice_can_be_checked(notice: Notice) -> None:
    for finding in check_notice(notice):
        assert finding.location.path
        assert finding.fix is None or finding.fix != ""


@settings(
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    deadline=None,
)
@given(notices())
def test_numbering_of_a_rendered_notice_reads_as_continuous(notice: Notice) -> None:
    # Text that reads as an ordinal ("800、…"), or a heading starting with digits after its
    # derived "2." ("2.0…" is a decimal), cannot be told apart from numbering in a text.
    from gongwen.check.view import Role, units_from_notice
    from gongwen.numbering import parse_heading_ordinal

    assume(
        not any(
            parse_heading_ordinal(unit.text)
            or (unit.role == Role.HEADING and re.match("[0-9]", unit.text))
            for unit in units_from_notice(notice)
        )
    )
    found = check_text(rendered_text(notice))
    assert [f for f in found if f.code < "GW200"] == []
