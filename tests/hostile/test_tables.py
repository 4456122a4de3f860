"""Tables (.csv, .xlsx) and batch data that used to be read wrong without a word."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from gongwen import InputError
from gongwen.batch import run_batch
from gongwen.batch.names import file_stems
from gongwen.batch.table import read_rows
from gongwen.limits import MAX_CELL_CHARS

HEADER = "社区,问题,整改措施\n"


def _codes(info: pytest.ExceptionInfo[InputError]) -> set[str]:
    return {f.code for f in info.value.findings}


def test_an_unterminated_quote_is_an_error_not_merged_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + '甲社区,"问题一,措施一\n乙社区,问题二,措施二\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_rows(path)
    assert _codes(info) == {"BA010"}
    assert "引号" in str(info.value)


@pytest.mark.parametrize("size", [MAX_CELL_CHARS + 1, 131_073])
def test_a_cell_over_the_limit_is_refused_with_its_code(tmp_path: Path, size: int) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + f"甲社区,{'问' * size},措施\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_rows(path)
    assert _codes(info) == {"LM008"}


def test_a_fifo_as_a_table_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "t.csv")
    with pytest.raises(InputError, match="FIFO"):
        read_rows(tmp_path / "t.csv")


def test_a_formula_without_a_cached_value_is_reported(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["社区", "问题", "整改措施"])
    sheet.append(["甲社区", "问题一", "措施一"])
    sheet.append(["甲社区", "问题一", "=C2"])  # openpyxl writes no cached value
    path = tmp_path / "t.xlsx"
    book.save(path)
    with pytest.raises(InputError) as info:
        read_rows(path)
    assert _codes(info) == {"BA012"}
    assert "C3" in str(info.value)


def test_an_xlsx_that_expands_too_much_is_refused_before_openpyxl(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 * 1024 * 1024))  # 1000:1
    path = tmp_path / "t.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError) as info:
        read_rows(path)
    assert _codes(info) == {"RD104"}


def test_a_community_with_nothing_to_count_fails_alone(tmp_path: Path) -> None:
    batch = {
        "title": "关于{community}巡察整改情况的通报",
        "introduction": ["巡察反馈的{problems}个问题中，{progress}。"],
        "communities": [
            {"name": "空社区", "body": ["正文。"]},
            {
                "name": "甲社区",
                "body": [{"problem": {"statement": "问题一。", "status": "已完成"}}],
            },
        ],
    }
    result = run_batch(batch, tmp_path / "out", jobs=1, check=None)
    failed = {r.name: r for r in result.failed}
    assert set(failed) == {"空社区"}
    assert {e.code for e in failed["空社区"].errors} == {"BA004"}
    assert [r.name for r in result.written] == ["甲社区"]


def test_invisible_format_characters_leave_file_names() -> None:
    assert file_stems(["建新\u202e社区"], "hanzi") == ["建新社区"]
