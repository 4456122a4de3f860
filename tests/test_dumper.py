"""gongwen.dump_notice: every notice written as YAML, JSON or TOML loads back equal."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gongwen
from gongwen import Notice, dump_notice, load_notice
from gongwen.batch import write_next_round
from gongwen.dumper import dumps_notice
from gongwen.loader import parse_source, read_source, validate
from tests.conftest import EXAMPLES
from tests.strategies import any_notices

FORMATS = ("yaml", "json", "toml")
SUFFIX = {"yaml": ".yaml", "json": ".json", "toml": ".toml"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notice=any_notices(), kind=st.sampled_from(FORMATS))
def test_every_notice_loads_back_equal(
    notice: Notice, kind: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("dump") / f"notice{SUFFIX[kind]}"
    dump_notice(notice, path)  # the format from the suffix
    # A dumped file holds each text literally; a heading whose own words begin like an ordinal
    # ("31、…") would be taken for a typed one by default (IN010/IN011), so the literal load:
    assert load_notice(path, keep_typed_ordinals=True) == notice
    assert validate(Notice, parse_source(dumps_notice(notice, kind), kind)) == notice  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None)
@given(first=any_notices(), second=any_notices())
def test_written_over_another_source_it_is_still_the_new_notice(
    first: Notice, second: Notice
) -> None:
    """Whatever the source's tree held, the file written over it is the new notice."""
    source = parse_source(dumps_notice(first) + "# a clerk's remark\n", "yaml")
    text = dumps_notice(second, source=source)
    assert validate(Notice, parse_source(text, "yaml")) == second


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_file_written_over_itself_keeps_its_comments(example: Path) -> None:
    notice = load_notice(example)
    original = example.read_text(encoding="utf-8")
    text = dumps_notice(notice, source=example)
    assert validate(Notice, parse_source(text, "yaml")) == notice
    comments = [line.strip() for line in original.splitlines() if line.strip().startswith("#")]
    kept = [line.strip() for line in text.splitlines()]
    assert comments and all(c in kept for c in comments)


def test_an_edit_keeps_the_comments_around_it() -> None:
    example = EXAMPLES / "full.yaml"
    notice = load_notice(example)
    edited = notice.model_copy(update={"title": "关于另一件事的通知"})
    text = dumps_notice(edited, source=read_source(example))
    assert validate(Notice, parse_source(text, "yaml")) == edited
    assert "# 份号: six digits, quoted so the leading zeros survive" in text
    assert "title: 关于另一件事的通知" in text


def test_streams_text_and_binary() -> None:
    notice = Notice(title="标题", body=["正文。"], published="2023-09-01")
    text, binary = io.StringIO(), io.BytesIO()
    dump_notice(notice, text, "json")
    dump_notice(notice, binary, "toml")
    assert validate(Notice, parse_source(text.getvalue(), "json")) == notice
    assert validate(Notice, parse_source(binary.getvalue().decode(), "toml")) == notice


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "n.yaml"
    target.write_text("title: old\n", encoding="utf-8")
    bad = Notice(title="标题", body=["正文。"])
    with pytest.raises(ValueError, match="未知的公文文件格式"):
        dump_notice(bad, target, "xml")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "title: old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["n.yaml"]


def test_the_next_round_keeps_the_clerks_comments(tmp_path: Path) -> None:
    last = tmp_path / "last.yaml"
    text = (EXAMPLES / "erqi-xincun-2023.yaml").read_text(encoding="utf-8")
    last.write_text(text, encoding="utf-8")
    out = tmp_path / "next.yaml"
    nxt, _ = write_next_round(last, out, date(2023, 9, 1))
    assert load_notice(out) == nxt
    written = out.read_text(encoding="utf-8")
    inner = [m for m in re.findall(r"^\s+#.*$", text, re.M)]  # comments inside the body
    assert inner and sum(c.strip() in written for c in inner) >= len(inner) * 0.9
    assert written.startswith("# 本通报的下一轮（2023-09-01）")


def test_exported() -> None:
    assert gongwen.dump_notice is dump_notice
