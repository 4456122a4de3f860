"""The checker's precision and recall on the corpus of real-shaped notices (issue 18).

Scored by tools/score_checker.py (which says how findings are matched to the corpus' defects
and exceptions). The figures are printed (``pytest -s``, and in the terminal summary) and must
not drop below the committed baseline, tests/data/checker_scores.yaml, nor below the bar of
precision 95 % and recall 90 % once the baseline reaches it. The corpus is read from
``GONGWEN_CORPUS`` when set, else tests/data/corpus/; a notice the baseline was measured on that
is missing makes the test fail, never skip.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.check.corpus import baseline, corpus_dir, corpus_files
from tools import score_checker

ROOT = Path(__file__).resolve().parents[2]
SCORES: list[str] = []
"""Lines for the terminal summary (see tests/check/conftest.py)."""


@pytest.fixture(scope="module")
def scored() -> tuple[score_checker.Outcome, dict[str, score_checker.Outcome]]:
    folder = corpus_dir()
    present = {name for name, _, _ in corpus_files(folder)}
    listed = {str(name) for name in baseline().get("files") or []}  # type: ignore[attr-defined]
    missing = sorted(listed - present)
    assert not missing, (
        f"the corpus in {folder} lacks {len(missing)} notices the baseline was measured on "
        f"({', '.join(missing[:5])}…): set GONGWEN_CORPUS to the corpus folder"
    )
    total, each = score_checker.score(folder)
    line = score_checker.summary(total, len(each))
    print("\n" + line)
    SCORES.append(line)
    return total, each


def test_precision_at_warning_and_above_does_not_drop(
    scored: tuple[score_checker.Outcome, dict[str, score_checker.Outcome]],
) -> None:
    total, _ = scored
    floor = float(baseline()["precision"])  # type: ignore[arg-type]
    assert round(total.precision, 4) >= floor, "\n".join(total.false_findings)
    if floor >= score_checker.BAR_PRECISION:
        assert total.precision >= score_checker.BAR_PRECISION


def test_recall_of_listed_defects_does_not_drop(
    scored: tuple[score_checker.Outcome, dict[str, score_checker.Outcome]],
) -> None:
    total, _ = scored
    floor = float(baseline()["recall"])  # type: ignore[arg-type]
    assert round(total.recall, 4) >= floor, "\n".join(total.missed)
    if floor >= score_checker.BAR_RECALL:
        assert total.recall >= score_checker.BAR_RECALL


def test_the_committed_baseline_meets_the_issue_s_bar() -> None:
    data = baseline()
    assert float(data["precision"]) >= score_checker.BAR_PRECISION  # type: ignore[arg-type]
    assert float(data["recall"]) >= score_checker.BAR_RECALL  # type: ignore[arg-type]


def test_docs_show_the_baseline_figures() -> None:
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    block = doc.split(score_checker.START, 1)[1].split(score_checker.END, 1)[0]
    shown = re.findall(r"\| (precision|recall)[^|]*\| ([0-9.]+)% \|", block)
    data = baseline()
    assert [(name, float(value)) for name, value in shown] == [
        ("precision", round(100 * float(data["precision"]), 1)),  # type: ignore[arg-type]
        ("recall", round(100 * float(data["recall"]), 1)),  # type: ignore[arg-type]
    ], "run python tools/score_checker.py --write-baseline"


def test_a_finding_on_an_exception_is_false_and_a_listed_defect_is_found() -> None:
    from gongwen.check import check_text

    lines = ["", "接待时间为上午9:00、下午14:30,区委第巡察组进驻。"]
    expected = {
        "defects": [
            {"line": 2, "kind": "half_width_punctuation", "text": ",", "count": 1},
            {"line": 2, "kind": "lost_numeral", "text": "第巡察组"},
        ],
        "exceptions": [{"line": 2, "text": "9:00", "why": "clock time"}],
    }
    found = check_text("\n".join(lines) + "\n")
    outcome = score_checker.score_notice("t", lines, expected, found)
    assert (outcome.true, outcome.false, outcome.found, outcome.listed) == (2, 0, 2, 2)
    from dataclasses import replace

    moved = [replace(f, span=(8, 9)) if f.code == "GW301" else f for f in found]
    outcome = score_checker.score_notice("t", lines, expected, moved)  # now on "9:00"
    assert outcome.false == 1 and outcome.found == 1
