"""The reader and the checker do work linear in a paragraph's length, for every kind of text.

A paragraph of 100,000 characters (a run of one class) is read and checked, as text and as a
notice's paragraph, problem and measure, beside one of 20,000: linear
work takes about 5 times as long, quadratic work (a regex rescanning the run from every
position, a slice at every mark) 25 times. The ratio is of CPU time (``process_time``) of the
same process, best of two, so other processes on the machine do not move it; no absolute
duration is asserted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongwen.check import check_notice, check_text
from gongwen.model import Notice
from gongwen.read import read_text

SMALL, LARGE = 20_000, 100_000
LINEAR_BOUND = 12.0
"""Linear work gives about LARGE / SMALL = 5; quadratic about 25."""

CLASSES = {
    "ascii letters": "abcdefghijklmnopqrstuvwxyz",
    "digits": "0123456789",
    "cjk": "整改落实巡察问题通报社区",
    "chinese punctuation": "，。、；：？！“”（）",
    "ascii punctuation": ",.;:?!()'\"-",
    "spaces": " ",
    "mixed": "a1整，. @(",
    "e-mail parts": "ab.c@",
    "dotted": "a.",
    "spaced marks": "a ,",
    "numbered": "1、",
    "one digit": "9",
    "chinese numerals": "一二三四五六七八九十",
    "ordinals": "第一",
    "years": "2023年",
    "phone parts": "0531-",
}


def _paragraph(unit: str, n: int) -> str:
    """A body paragraph of ``n`` characters: a lead, the run, a full stop (so that no repair
    adds to its length and it stays within the paragraph limit)."""
    lead = "根据区委统一部署，"
    run = (unit * (n // len(unit) + 1))[: n - len(lead) - 1]
    return f"{lead}{run}。"


def _as_text(paragraph: str) -> str:
    return f"关于整改情况的通报\n\n各社区：\n{paragraph}\n"


def _as_notice(paragraph: str) -> Notice:
    problem = {"problem": {"statement": paragraph, "measures": [paragraph]}}
    return Notice(title="关于整改情况的通报", body=[paragraph, problem])


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return max(best, 1e-3)


def _ratio(step: Callable[[str], object], unit: str) -> float:
    small, large = _paragraph(unit, SMALL), _paragraph(unit, LARGE)
    return _cpu(lambda: step(large)) / _cpu(lambda: step(small))


STEPS: dict[str, Callable[[str], object]] = {
    "read": lambda p: read_text(_as_text(p)),
    "check text": lambda p: check_text(_as_text(p)),
    "check notice": lambda p: check_notice(_as_notice(p)),
}
"""The reader; the checker on text (line rules); the checker on a model (field rules)."""


@pytest.mark.parametrize("step", sorted(STEPS))
@pytest.mark.parametrize("name", sorted(CLASSES))
def test_work_grows_linearly_in_a_paragraph(step: str, name: str) -> None:
    assert _ratio(STEPS[step], CLASSES[name]) < LINEAR_BOUND


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("aZ09.@,，。 -_%+(（）)“\"'、：:整改")),
        min_size=1,
        max_size=6,
    )
)
def test_any_repeated_pattern_is_read_and_checked_in_linear_work(unit: str) -> None:
    for step in STEPS.values():
        assert _ratio(step, unit) < LINEAR_BOUND
