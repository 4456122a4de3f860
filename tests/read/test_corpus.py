"""The reader scored on the corpus of real-shaped notices: no score may drop.

The corpus is ``tests/data/corpus/`` (or the folder ``$GONGWEN_CORPUS`` names); the baseline
is ``tests/data/corpus/scores.yaml``, written by ``python tools/score_corpus.py --write``, which
also writes the table and the misses into docs/reader.md. A corpus with fewer notices than the
baseline scores fails: an absent corpus never passes silently.
"""

from __future__ import annotations

from typing import Any

import pytest

from tools.score_corpus import BASELINE, FIELDS, Score, corpus_folder, load_yaml, norm, score_corpus

MIN_NOTICES = 25
"""What the issue asks of the corpus; the baseline's own count is the floor when it is larger."""


@pytest.fixture(scope="module")
def baseline() -> dict[str, Any]:
    data = load_yaml(BASELINE)
    assert isinstance(data, dict) and data.get("notices"), f"{BASELINE}: no baseline scores"
    return data


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {s.name: s for s in score_corpus(corpus_folder())}


def test_the_corpus_is_there(baseline: dict[str, Any], scores: dict[str, Score]) -> None:
    floor = max(MIN_NOTICES, len(baseline["notices"]))
    assert len(scores) >= floor, (
        f"{corpus_folder()}: {len(scores)} notices, at least {floor} expected "
        "(set GONGWEN_CORPUS to the corpus folder)"
    )
    missing = sorted(set(baseline["notices"]) - set(scores))
    assert missing == []


def test_no_score_drops_below_the_baseline(
    baseline: dict[str, Any], scores: dict[str, Score]
) -> None:
    drops = [
        f"{name} {field}: {scores[name].fields.get(field, 0.0)} < {value}"
        + "".join(f" ({m})" for m in scores[name].misses if m.startswith(f"{field}:"))
        for name, fields in baseline["notices"].items()
        if name in scores
        for field, value in fields.items()
        if scores[name].fields.get(field, 0.0) < value - 1e-9
    ]
    assert drops == []


def test_parse_render_parse_gives_the_same_model_on_every_notice(
    scores: dict[str, Score],
) -> None:
    differ = [name for name, s in scores.items() if s.fields.get("round_trip") != 1.0]
    assert differ == []


def test_the_scores_cover_every_field(scores: dict[str, Score]) -> None:
    seen = {field for s in scores.values() for field in s.fields}
    assert seen == set(FIELDS)


def test_texts_are_compared_as_a_proofreader_reads_them() -> None:
    assert norm("补建台账；") == norm("补建台账。") == norm(" 补建台账")
    assert norm("1.5万元,用于") == "1.5万元，用于"
    assert norm("已完成") != norm("正在推进")
