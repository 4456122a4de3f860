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
