"""Every message of the checker goes through the catalog: under a catalog that marks what it
translates, each finding's message comes out marked; and the English catalog says them well."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import notice_from_data
from gongwen.check import RULES, check_file, check_notice, check_text, config_from_table
from gongwen.cli import main
from gongwen.findings import Finding, InputError
from gongwen.i18n import use_language
from tests.conftest import SEED

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _every_rule_on_its_bad_example() -> list[Finding]:
    from ruamel.yaml import YAML

    found = []
    for rule in RULES:
        if rule.example_format == "yaml":
            found += check_notice(notice_from_data(YAML(typ="safe").load(rule.bad)))
        else:
            found += check_text(rule.bad)
    return found


def test_every_finding_of_the_seed_and_the_examples_goes_through_the_catalog(
    marked: None,
) -> None:
    found = check_file(SEED)
    for example in sorted(EXAMPLES.glob("*.yaml")):
        found += check_file(example)
    found += _every_rule_on_its_bad_example()
    assert {f.code for f in found} >= {rule.code for rule in RULES}  # every rule said something
    bare = [f"{f.code}: {f.message}" for f in found if not f.message.startswith("⟦")]
    assert not bare


def test_reasons_built_apart_go_through_the_catalog_too(marked: None) -> None:
    """What is wrong with an address or a number is told inside the finding's message, where
    a mark at the start of the message would not show it missing."""
    from gongwen.check.rules.contact import email_problem, phone_problem

    addresses = ["a＠b.cn", "a b@b.cn", "ab.cn", "@b.cn", "a@", "a@b", "a@b.c"]
    reasons = [problem[0] for a in addresses if (problem := email_problem(a)) is not None]
    numbers = ["", "827465", "1391234567", "12012345678", "0531-8274", "05318274"]
    reasons += [problem for n in numbers if (problem := phone_problem(n)) is not None]
    assert len(reasons) == len(addresses) + len(numbers)
    assert all(reason.startswith("⟦") for reason in reasons), reasons


def test_rule_names_and_summaries_go_through_the_catalog(marked: None) -> None:
    assert all(rule.label.startswith("⟦") for rule in RULES)
    assert all(rule.description.startswith("⟦") for rule in RULES)


def test_refusals_of_the_checker_go_through_the_catalog(marked: None, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    other = tmp_path / "notice.pdf"
    other.write_bytes(b"%PDF")
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    for path in (empty, other, broken):
        with pytest.raises(InputError) as info:
            check_file(path)
        assert all(f.message.startswith("⟦") for f in info.value.findings), path
    with pytest.raises(InputError) as info:
        config_from_table({"selct": ["GW1"]})
    assert info.value.findings[0].message.startswith("⟦")


def test_findings_in_english() -> None:
    with use_language("en"):
        (colon,) = check_text("问题1：学习不够。\n问题2理论学习不够深入。\n")
        dates = check_text("2022412日至202278日，区委巡察组开展了巡察。\n")
        (comma,) = [f for f in check_text("根据区委统一部署,现予公布。\n") if f.code == "GW301"]
        shown = str(colon)
    assert colon.message == "no colon after “问题2”: write “问题2：”"
    assert (
        dates[0].message
        == "the date “2022412日” lost its “年” and “月”: it should be “2022年4月12日”"
    )
    assert comma.message == "half-width comma “,” in Chinese text: it should be the full-width “，”"
    assert shown.endswith("warning GW105: no colon after “问题2”: write “问题2：”")


def test_findings_in_chinese_by_default() -> None:
    (colon,) = check_text("问题1：学习不够。\n问题2理论学习不够深入。\n")
    assert colon.message == "“问题2”后缺少冒号：应写“问题2：”"


def test_list_rules_speaks_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "check", "--list-rules"]) == 0
    english = capsys.readouterr().out.splitlines()
    assert main(["check", "--list-rules"]) == 0
    chinese = capsys.readouterr().out.splitlines()
    gw301 = "Half-width , ; : ? ! . in Chinese text; the fix makes them full-width."
    assert f"GW301  warning  fix     half-width-punctuation: {gw301}" in english
    assert any(line.startswith("GW301") and "半角标点：中文里用了半角" in line for line in chinese)
    assert len(english) == len(chinese) == len(RULES)
