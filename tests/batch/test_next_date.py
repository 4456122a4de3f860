"""gongwen next refuses a date earlier than the last round's."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongwen import InputError, Notice
from gongwen.batch.progress import last_round_date, next_round
from gongwen.cli import main
from gongwen.cli.common import EXIT_INPUT, EXIT_OK
from tests.conftest import EXAMPLES

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(last=DAYS, gap=st.integers(-400, 400), dated_by=st.sampled_from(["sig", "imp", "pub"]))
def test_a_date_before_the_last_rounds_is_refused(last: date, gap: int, dated_by: str) -> None:
    data: dict[str, object] = {"title": "T", "body": [{"problem": {"statement": "学习不够。"}}]}
    if dated_by == "sig":
        data["signature"] = {"organs": ["某机关"], "date": last.isoformat()}
    elif dated_by == "imp":
        data["imprint"] = {"printer": "某办公室", "print_date": last.isoformat()}
    else:
        data["published"] = last.isoformat()
    notice = Notice.model_validate(data)
    assert last_round_date(notice) == last
    on = last + timedelta(days=gap)
    if gap < 0:
        with pytest.raises(InputError) as info:
            next_round(notice, on)
        assert info.value.findings[0].code == "BA031"
    else:
        assert last_round_date(next_round(notice, on)) == on


def test_the_command_writes_nothing_for_an_earlier_date(tmp_path: Path) -> None:
    target = tmp_path / "next.yaml"
    args = ["next", str(EXAMPLES / "erqi-xincun-2023.yaml"), "-o", str(target)]
    assert main([*args, "--date", "2020-01-01"]) == EXIT_INPUT
    assert not target.exists()
    assert main([*args, "--date", "2030-01-01"]) == EXIT_OK


LAST_ROUND = """\
# 第一轮通报：王科长整理，数字以台账为准
title: 关于巡察整改进展情况的通报
body:
  - 根据区委统一部署，现将整改进展通报如下。  # 开头
  - problem:
      statement: 台账不全。  # 问题一
      status: 已完成
signature:
  organs: [某街道党工委]
  date: 2023-06-30
"""


def test_the_clerks_comments_stay_round_after_round_the_header_once(tmp_path: Path) -> None:
    last = tmp_path / "round1.yaml"
    last.write_text(LAST_ROUND, encoding="utf-8")
    second, third = tmp_path / "round2.yaml", tmp_path / "round3.yaml"
    assert main(["next", str(last), "-o", str(second), "--date", "2023-09-01"]) == EXIT_OK
    assert main(["next", str(second), "-o", str(third), "--date", "2023-12-01"]) == EXIT_OK
    text = third.read_text(encoding="utf-8")
    for comment in ("# 第一轮通报：王科长整理，数字以台账为准", "# 开头", "# 问题一"):
        assert text.count(comment) == 1, (comment, text)
    assert text.count("本通报的下一轮") == 1 and "本通报的下一轮（2023-12-01）" in text


def test_the_header_is_known_in_either_language(tmp_path: Path) -> None:
    """A round written in English and the next in Chinese still carry one header."""
    last = tmp_path / "round1.yaml"
    last.write_text(LAST_ROUND, encoding="utf-8")
    second, third = tmp_path / "round2.yaml", tmp_path / "round3.yaml"
    assert main(["--lang", "en", "next", str(last), "-o", str(second), "--date", "2023-09-01"]) == 0
    assert main(["next", str(second), "-o", str(third), "--date", "2023-12-01"]) == EXIT_OK
    text = third.read_text(encoding="utf-8")
    assert "Next round" not in text and "Every problem" not in text
    assert text.count("本通报的下一轮") == 1
    assert text.count("# 第一轮通报：王科长整理，数字以台账为准") == 1
