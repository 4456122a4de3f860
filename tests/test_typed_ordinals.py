"""Ordinals typed by the author in a notice file: dropped when right, refused when wrong."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gongwen import InputError, Notice, load_notice
from gongwen.check import check_notice
from gongwen.cli import main
from gongwen.cli.common import EXIT_INPUT, EXIT_OK
from gongwen.dumper import dumps_notice
from gongwen.numbering import heading_ordinal, measure_lead, problem_label
from gongwen.read.docx import paragraph_texts
from gongwen.typed_ordinals import find_typed_ordinals
from gongwen.write import render_bytes
from tests.strategies import notices

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

Typed = list[tuple[str, str]]  # (field path, ordinal typed there)


def type_ordinals(data: dict[str, Any]) -> tuple[dict[str, Any], Typed]:
    """The notice's data with every derived ordinal typed in front of its text."""
    out = copy.deepcopy(data)
    typed: Typed = []
    ambiguous: list[str] = []

    def items(body: list[Any], path: str, level: int, problems: list[int]) -> None:
        sections = 0
        for index, item in enumerate(body):
            here = f"{path}[{index}]"
            if "section" in item:
                sections += 1
                ordinal = heading_ordinal(level, sections)
                section = item["section"]
                if level == 3 and section["heading"][:1].isdigit():
                    ambiguous.append(here)  # 1. + 0。 reads as the decimal 1.0, not an ordinal
                section["heading"] = ordinal + section["heading"]
                typed.append((f"{here}.section.heading", ordinal))
                items(section.get("body", []), f"{here}.section.body", level + 1, problems)
            elif "problem" in item:
                problems[0] += 1
                problem = item["problem"]
                problem["statement"] = problem_label(problems[0]) + problem["statement"]
                typed.append((f"{here}.problem.statement", problem_label(problems[0])))
                measures = problem.get("measures", [])
                if len(measures) >= 2:
                    for n in range(len(measures)):
                        measures[n] = measure_lead(n + 1) + measures[n]
                        typed.append((f"{here}.problem.measures[{n}]", measure_lead(n + 1)))

    items(out["body"], "body", 1, [0])
    for index, attachment in enumerate(out.get("attachments", [])):
        items(attachment.get("body", []), f"attachments[{index}].body", 1, [0])
    assume(not ambiguous)
    return out, typed


def write(tmp: Path, data: dict[str, Any], name: str = "n.json") -> Path:
    path = tmp / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@SETTINGS
@given(notice=notices())
def test_typed_ordinals_that_match_are_dropped_and_render_once(
    notice: Notice, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assume(not find_typed_ordinals(notice))  # generated text that happens to start 1、…
    data = notice.model_dump(mode="json", exclude_defaults=True)
    typed_data, typed = type_ordinals(data)
    path = write(tmp_path_factory.mktemp("typed"), typed_data)
    loaded = load_notice(path)
    assert loaded == notice
    assert render_bytes(loaded) == render_bytes(notice)
    kept = load_notice(path, keep_typed_ordinals=True)
    assert len(find_typed_ordinals(kept)) == len(typed)


@SETTINGS
@given(notice=notices(), data=st.data())
def test_a_typed_ordinal_that_disagrees_is_refused_with_path_and_line(
    notice: Notice, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assume(not find_typed_ordinals(notice))
    plain = notice.model_dump(mode="json", exclude_defaults=True)
    typed_data, typed = type_ordinals(plain)
    assume(typed)
    path_of_wrong, right = data.draw(st.sampled_from(typed))
    bad = _replace(typed_data, path_of_wrong, right, _wrong(right))
    yaml = tmp_path_factory.mktemp("wrong") / "n.yaml"
    yaml.write_text(dumps_notice(Notice.model_validate(bad), "yaml"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_notice(yaml)
    (found,) = info.value.findings
    assert found.code == "IN011"
    assert found.location.path == path_of_wrong
    assert found.location.line is not None
    line = yaml.read_text(encoding="utf-8").splitlines()[found.location.line - 1]
    assert _wrong(right) in line


def test_the_command_refuses_a_wrong_ordinal_unless_told_to_keep_it(tmp_path: Path) -> None:
    body = [{"section": {"heading": "一、总体要求"}}, {"section": {"heading": "三、工作安排"}}]
    path = tmp_path / "n.yaml"
    path.write_text(dumps_notice(Notice(title="关于整改的通知", body=body), "yaml"), "utf-8")
    out = tmp_path / "n.docx"
    assert main(["render", str(path), "-o", str(out)]) == EXIT_INPUT
    assert not out.exists()
    assert main(["render", str(path), "-o", str(out), "--keep-typed-ordinals"]) == EXIT_OK
    assert out.exists()


def _wrong(ordinal: str) -> str:
    """Another ordinal of the same kind: the next number."""
    from gongwen.numbering import parse_heading_ordinal, parse_measure_lead, parse_problem_label

    if (label := parse_problem_label(ordinal + "x")) is not None:
        return problem_label(label[0] + 1)
    if (lead := parse_measure_lead(ordinal + "x")) is not None:
        return measure_lead(lead[0] + 1)
    parsed = parse_heading_ordinal(ordinal + "x")
    assert parsed is not None
    return heading_ordinal(parsed.level, parsed.number + 1)


def _replace(data: dict[str, Any], path: str, old: str, new: str) -> dict[str, Any]:
    import re

    out = copy.deepcopy(data)
    node: Any = out
    parts = re.findall(r"([^.\[\]]+)|\[(\d+)\]", path)
    for name, index in parts[:-1]:
        node = node[name] if name else node[int(index)]
    name, index = parts[-1]
    key: Any = name if name else int(index)
    assert node[key].startswith(old)
    node[key] = new + node[key][len(old) :]
    return out


def test_an_ordinal_with_no_text_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, {"title": "T", "body": [{"section": {"heading": "一、"}}]})
    with pytest.raises(InputError) as info:
        load_notice(path)
    assert [f.code for f in info.value.findings] == ["IN011"]


def test_text_that_only_looks_numbered_is_left_alone(tmp_path: Path) -> None:
    body = [
        {"section": {"heading": "1.5万元专项资金的使用"}},
        {"section": {"heading": "2019年以来的整改"}},
        {
            "problem": {
                "statement": "存在问题：学习不够。",
                "measures": ["是否到位要核查。", "一般问题立行立改。"],
            }
        },
        {"problem": {"statement": "学习不够。", "measures": ["三是加强学习。"]}},
    ]
    path = write(tmp_path, {"title": "T", "body": body})
    assert load_notice(path).model_dump(mode="json", exclude_defaults=True)["body"] == [
        {"section": s["section"]} if "section" in s else {"problem": s["problem"]} for s in body
    ]


def _texts(notice: Notice) -> list[str]:
    return paragraph_texts(render_bytes(notice))


@SETTINGS
@given(notice=notices())
def test_kept_ordinals_print_once_as_the_derived_ones_would(
    notice: Notice, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assume(not find_typed_ordinals(notice))
    typed_data, typed = type_ordinals(notice.model_dump(mode="json", exclude_defaults=True))
    assume(typed)
    path = write(tmp_path_factory.mktemp("kept"), typed_data)
    kept = load_notice(path, keep_typed_ordinals=True)
    assert kept.presentation.ordinals == "typed"
    assert _texts(kept) == _texts(notice)


def test_kept_ordinals_that_disagree_print_as_typed_each_once(tmp_path: Path) -> None:
    problem = {"statement": "问题1：台账不全。", "measures": ["一是建立台账。", "三是定期更新。"]}
    body = [
        {"section": {"heading": "一、总体要求", "body": ["坚持问题导向。"]}},
        {"section": {"heading": "三、工作安排", "body": [{"problem": problem}]}},
        {"section": {"heading": "有关要求"}},  # none typed: derived, counted in place
    ]
    path = write(tmp_path, {"title": "关于整改的通知", "body": body}, "n.yaml")
    out = tmp_path / "n.docx"
    assert main(["render", str(path), "-o", str(out), "--keep-typed-ordinals"]) == EXIT_OK
    texts = paragraph_texts(out.read_bytes())
    for line in [
        "一、总体要求",
        "三、工作安排",
        "问题1：台账不全。",
        "一是建立台账。",
        "三是定期更新。",
    ]:
        assert texts.count(line) == 1, (line, texts)
    assert "三、有关要求" in texts
    kept = load_notice(path, keep_typed_ordinals=True)
    assert [f.code for f in check_notice(kept) if f.code == "GW111"] == []  # nothing doubles
    again = tmp_path / "again.yaml"
    again.write_text(dumps_notice(kept, "yaml"), encoding="utf-8")
    assert "ordinals: typed" in again.read_text(encoding="utf-8")
    assert load_notice(again) == kept  # the file says so itself: no flag needed
    run_in = kept.model_copy(deep=True)
    run_in.presentation.measures = "run-in"
    assert "一是建立台账；三是定期更新。" in _texts(run_in)


def test_a_mapping_handed_to_render_is_read_as_a_notice_file(tmp_path: Path) -> None:
    data = {"title": "关于整改的通知", "body": [{"section": {"heading": "一、总体要求"}}]}
    assert _texts(Notice.model_validate(data)).count("一、一、总体要求") == 1  # a model: as built
    assert "一、总体要求" in paragraph_texts(render_bytes(data))
    wrong = {"title": "T", "body": [{"section": {"heading": "二、总体要求"}}]}
    with pytest.raises(InputError) as info:
        render_bytes(wrong)
    assert [f.code for f in info.value.findings] == ["IN011"]
    wrong["presentation"] = {"ordinals": "typed"}
    assert "二、总体要求" in paragraph_texts(render_bytes(wrong))


def test_a_batch_prints_typed_ordinals_once_and_fails_a_community_whose_disagree(
    tmp_path: Path,
) -> None:
    from gongwen.batch import run_batch
    from tests.conftest import EXAMPLES

    text = (EXAMPLES / "batch" / "communities.yaml").read_text(encoding="utf-8")
    assert text.count("heading: 党的建设方面") >= 2
    typed = text.replace("heading: 党的建设方面", "heading: 一、党的建设方面")
    batch = tmp_path / "b.yaml"
    batch.write_text(typed, encoding="utf-8")
    result = run_batch(batch, tmp_path / "out", jobs=1)
    assert result.ok
    for report in result.reports:
        texts = paragraph_texts(report.output.read_bytes()) if report.output else []
        assert not [t for t in texts if t.startswith("一、一、")]
    batch.write_text(typed.replace("一、党的建设方面", "二、党的建设方面", 1), encoding="utf-8")
    result = run_batch(batch, tmp_path / "out", jobs=1)
    (failed,) = result.failed
    (error,) = failed.errors
    assert error.code == "IN011" and error.location.line is not None
    assert (
        "二、党的建设方面"
        in batch.read_text(encoding="utf-8").splitlines()[error.location.line - 1]
    )


def test_a_kept_label_whose_colon_was_lost_prints_once(tmp_path: Path) -> None:
    """问题8 before 2019年 with the colon lost reads as problem 8 where problem 8 is expected
    (parse_problem_label's ``expected``): the loader and the renderer ask the same function,
    so the renderer does not print 问题8： in front of it as well."""
    problems = [{"problem": {"statement": f"问题{n}：台账不全。"}} for n in range(1, 8)]
    problems.append({"problem": {"statement": "问题82019年以来整改不到位。"}})
    path = write(tmp_path, {"title": "关于整改的通知", "body": problems}, "n.yaml")
    out = tmp_path / "n.docx"
    assert main(["render", str(path), "-o", str(out), "--keep-typed-ordinals"]) == EXIT_OK
    texts = paragraph_texts(out.read_bytes())
    assert [t for t in texts if t.startswith("问题8")] == ["问题82019年以来整改不到位。"]
