"""Batch production: one report per community, safe to re-run, failures isolated, names safe."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import threading
import zipfile
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from gongwen import load_notice, summarize
from gongwen.batch import (
    Batch,
    ReportStatus,
    batch_from_data,
    count_statuses,
    file_stems,
    load_batch,
    progress_sentence,
    run_batch,
    write_next_round,
)
from gongwen.batch.jobs import make_report
from gongwen.batch.manifest import MANIFEST
from gongwen.batch.outputs import MERGED
from gongwen.batch.resolve import entries, resolve
from gongwen.batch.run import chunk_size
from gongwen.cli import main
from gongwen.findings import Finding, InputError, Level, Location
from gongwen.model import Notice, Problem, RectificationStatus, walk
from gongwen.write import render_bytes
from tests.conftest import EXAMPLES

BATCH = EXAMPLES / "batch"
YAML_BATCH = BATCH / "communities.yaml"
SHARED = BATCH / "shared.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NAMES = ["建新社区", "建南社区", "民生社区", "二七社区", "南郊社区"]
STEMS = ["jianxin-shequ", "jiannan-shequ", "minsheng-shequ", "erqi-shequ", "nanjiao-shequ"]


def copy_batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(BATCH, folder)
    return folder


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def body_texts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return []


def flagging_check(notice: Notice) -> list[Finding]:
    """A stand-in checker: one finding on the last paragraph (picklable)."""
    last = f"body[{len(notice.body) - 1}].paragraph"
    return [Finding("TEST1", Level.WARNING, "flagged", Location(path=last))]


def exploding_check(notice: Notice) -> list[Finding]:
    """A checker with a bug, for one community only."""
    if notice.title.startswith("民生社区"):
        raise RuntimeError("boom")
    return []


# --------------------------------------------------------------------------------------------
# Names


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("建新社区", "jianxin-shequ"),
        ("二七新村街道", "erqixincun-jiedao"),
        ("二七新村", "erqi-xincun"),
        ("长安村", "changan-cun"),
        ("民生社区居委会", "minshengshequ-juweihui"),
        ("社区", "shequ"),
    ],
)
def test_pinyin_names_join_syllables_and_hyphenate_the_suffix(name: str, stem: str) -> None:
    assert file_stems([name]) == [stem]


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "/etc/passwd", "..", "a\x00b", "C:\\Windows\\x", "nul", "建新/../社区"],
)
@pytest.mark.parametrize("style", ["pinyin", "hanzi"])
def test_no_name_can_leave_the_folder_or_name_a_folder(name: str, style: Any) -> None:
    (stem,) = file_stems([name], style)
    assert stem and "/" not in stem and "\\" not in stem and "\x00" not in stem
    assert stem not in (".", "..") and not stem.startswith(".")
    assert Path(stem).name == stem
    assert stem.casefold() not in ("nul", "con")


def test_collisions_are_numbered_in_input_order() -> None:
    assert file_stems(["建新社区", "民生社区", "建新社区", "建新社区"]) == [
        "jianxin-shequ",
        "minsheng-shequ",
        "jianxin-shequ-2",
        "jianxin-shequ-3",
    ]


def test_hostile_names_from_the_data_are_written_inside_outdir(tmp_path: Path) -> None:
    batch = {
        "title": "{community}的通报",
        "communities": [
            {"name": "../../逃逸社区", "body": ["正文。"]},
            {"name": "/tmp/绝对社区", "body": ["正文。"]},
            {"name": "正常社区", "file_name": "../../../outside", "body": ["正文。"]},
            {"name": "正常社区", "file_name": "/abs/path", "body": ["正文。"]},
        ],
    }
    out = tmp_path / "deep" / "out"
    for names in ("pinyin", "hanzi"):
        result = run_batch(batch, out, jobs=1, names=names, check=None)
        assert result.ok
        for report in result.reports:
            assert report.output is not None
            assert report.output.resolve().parent == out.resolve()
    written = {p.name for p in tmp_path.rglob("*") if p.is_file()}
    assert {p.name for p in out.iterdir()} == written
    assert "outside.docx" in written


# --------------------------------------------------------------------------------------------
# Input: the batch file and its spreadsheet twin


@pytest.mark.parametrize("table", ["communities.csv", "communities.xlsx"])
def test_the_spreadsheet_twin_resolves_to_the_same_notices(table: str) -> None:
    yaml_batch = load_batch(YAML_BATCH)
    table_batch = load_batch(BATCH / table, shared=SHARED)
    assert [e.name for e in entries(table_batch)] == NAMES
    for a, b in zip(entries(yaml_batch), entries(table_batch), strict=True):
        assert resolve(yaml_batch, a).data == resolve(table_batch, b).data


def test_the_twin_files_are_what_the_script_writes() -> None:
    from tools import make_batch_tables

    for path, data in make_batch_tables.outputs().items():
        assert path.read_bytes() == data, path.name


def test_shared_values_are_filled_in_and_counts_follow_the_statuses() -> None:
    loaded = load_batch(YAML_BATCH)
    for entry in entries(loaded):
        resolved = resolve(loaded, entry)
        assert resolved.data is not None
        notice = Notice.model_validate(resolved.data)
        assert notice.title.startswith(entry.name)
        assert notice.signature is not None and notice.signature.organs == [f"{entry.name}综合党委"]
        problems = [i for _, i in walk(notice.body) if isinstance(i, Problem)]
        counts = count_statuses(notice.body)
        expected = f"巡察反馈的{len(problems)}个问题中，{progress_sentence(counts)}。"
        assert notice.body[1].text == expected  # type: ignore[union-attr]
        assert not [t for t in strings(resolved.data) if "{" in t or "}" in t]


def test_a_community_contact_replaces_the_shared_one() -> None:
    loaded = load_batch(YAML_BATCH)
    by_name = {e.name: resolve(loaded, e).data for e in entries(loaded)}
    assert by_name["民生社区"]["contact"] == {  # type: ignore[index]
        "phones": ["82746523"],
        "email": "mssq@jn.shandong.cn",
    }
    assert by_name["南郊社区"]["contact"]["phones"] == ["82746503"]  # type: ignore[index]


def test_an_unknown_name_in_text_fails_that_community_naming_field_and_line(tmp_path: Path) -> None:
    folder = copy_batch(tmp_path)
    path = folder / "communities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("由{secretary}带队", "由{secretry}带队"), encoding="utf-8")
    loaded = load_batch(path)
    resolved = [resolve(loaded, e) for e in entries(loaded)]
    failed = [r for r in resolved if r.data is None]
    assert [r.name for r in failed] == ["二七社区"]
    (error,) = failed[0].errors
    assert error.code == "BA001" and "secretry" in error.message and "secretary" in error.message
    line = next(i for i, s in enumerate(path.read_text().splitlines(), 1) if "{secretry}" in s)
    assert error.location.file == str(path) and error.location.line == line
    assert error.location.path == "communities[3].body[0].section.body[0].problem.measures[0]"


def test_an_unknown_name_in_a_table_names_its_row_and_column(tmp_path: Path) -> None:
    folder = copy_batch(tmp_path)
    table = folder / "communities.csv"
    lines = table.read_text(encoding="utf-8-sig").splitlines()
    lines[4] = lines[4].replace("学习微信群", "学习{wechat}群")
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_batch(table, shared=folder / "shared.yaml")
    failed = [r for r in (resolve(loaded, e) for e in entries(loaded)) if r.data is None]
    (error,) = failed[0].errors
    assert error.location == Location(str(table), 5, "整改措施")


def test_a_gbk_csv_from_chinese_excel_is_read(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_bytes("社区,问题,整改措施\n建新社区,问题一。,措施一。\n".encode("gb18030"))
    loaded = load_batch(table, shared=SHARED)
    assert [e.name for e in entries(loaded)][-1] == "建新社区" or entries(loaded)[0].rows


def test_a_table_row_with_a_measure_but_no_problem_fails_its_community(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "序号,社区,问题,整改措施\n1,甲社区,,措施。\n2,乙社区,问题。,措施。\n", encoding="utf-8"
    )
    shared = tmp_path / "s.yaml"
    shared.write_text("title: '{community}的通报'\n", encoding="utf-8")
    result = run_batch(load_batch(table, shared=shared), tmp_path / "out", jobs=1)
    status = {r.name: r.status for r in result.reports}
    assert status == {"甲社区": ReportStatus.FAILED, "乙社区": ReportStatus.WRITTEN}
    (error,) = result.reports[0].errors
    assert error.code == "BA011" and error.location.line == 2


def test_an_unknown_column_stops_the_batch_naming_it(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("社区,问题,整改措拖\n甲,问题。,措施。\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_batch(table, shared=SHARED)
    assert "整改措拖" in str(info.value) and info.value.findings[0].code == "BA010"


def test_a_bad_shared_part_stops_the_batch_with_file_field_and_line(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("title: T\ndefaults:\n  titel: X\ncommunities:\n  - name: 甲\n", "utf-8")
    with pytest.raises(InputError) as info:
        load_batch(path)
    (finding,) = info.value.findings
    assert finding.location.file == str(path) and finding.location.path == "defaults"
    assert finding.location.line == 2 and "titel" in finding.message


# --------------------------------------------------------------------------------------------
# Running


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("batch") / "out"
    return out, run_batch(YAML_BATCH, out, jobs=2, merge=True)


def test_every_community_gets_its_report_and_the_manifest_says_what_it_holds(
    first_run: tuple[Path, Any],
) -> None:
    out, result = first_run
    assert result.ok and [r.status for r in result.reports] == [ReportStatus.WRITTEN] * 5
    assert [r.output.name for r in result.reports] == [f"{s}.docx" for s in STEMS]
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["inputs"] == [{"file": YAML_BATCH.name, "sha256": sha(YAML_BATCH)}]
    loaded = load_batch(YAML_BATCH)
    for entry, report, record in zip(
        entries(loaded), result.reports, manifest["reports"], strict=True
    ):
        assert record["sha256"] == sha(out / record["output"]) == report.sha256
        notice = Notice.model_validate(resolve(loaded, entry).data)
        counts = summarize(notice)
        assert record["counts"]["problems"] == counts.problems
        assert record["counts"]["measures"] == counts.measures
        assert record["name"] == entry.name
        assert out.joinpath(record["output"]).read_bytes() == render_bytes(notice)


def test_the_merged_volume_has_one_section_per_report_numbered_from_1_in_pinyin_order(
    first_run: tuple[Path, Any],
) -> None:
    out, result = first_run
    assert result.merged == out / MERGED
    with zipfile.ZipFile(out / MERGED) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
        with zipfile.ZipFile(out / "jianxin-shequ.docx") as one:
            assert archive.read("word/styles.xml") == one.read("word/styles.xml")
    sections = list(root.iter(f"{W}sectPr"))
    # each report: its body, then its 横排 整改台账 (the last section, numbering continued)
    assert len(sections) == 10
    starts = [s.find(f"{W}pgNumType") for s in sections]
    assert [s is not None and s.get(f"{W}start") == "1" for s in starts] == [True, False] * 5
    titles = [t for t in body_texts(out / MERGED) if t.endswith("关于巡察整改进展情况的通报")]
    assert [t.removesuffix("综合党委关于巡察整改进展情况的通报") for t in titles] == [
        "二七社区",  # er
        "建南社区",  # jian nan
        "建新社区",  # jian xin
        "民生社区",  # min
        "南郊社区",  # nan
    ]


def test_a_second_run_skips_everything_and_force_redoes_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(YAML_BATCH, out, jobs=1, merge=True)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    second = run_batch(YAML_BATCH, out, jobs=1, merge=True)
    assert [r.status for r in second.reports] == [ReportStatus.SKIPPED] * 5
    assert second.merge_status is ReportStatus.SKIPPED
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")} == before
    forced = run_batch(YAML_BATCH, out, jobs=1, force=True)
    assert [r.status for r in forced.reports] == [ReportStatus.WRITTEN] * 5
    assert [r.sha256 for r in forced.reports] == [r.sha256 for r in second.reports]


def test_a_rerun_remakes_only_what_changed_or_was_tampered_with(tmp_path: Path) -> None:
    folder = copy_batch(tmp_path)
    out = tmp_path / "out"
    run_batch(folder / "communities.yaml", out, jobs=1)
    path = folder / "communities.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("整合辖区志愿者142人", "整合辖区志愿者150人"),
        encoding="utf-8",
    )
    (out / "jiannan-shequ.docx").write_bytes(b"edited by hand")
    result = run_batch(path, out, jobs=1)
    assert {r.name: r.status.value for r in result.reports} == {
        "建新社区": "skipped",
        "建南社区": "written",
        "民生社区": "skipped",
        "二七社区": "skipped",
        "南郊社区": "written",
    }


def test_a_community_with_broken_data_fails_alone_with_a_clear_message(tmp_path: Path) -> None:
    folder = copy_batch(tmp_path)
    path = folder / "communities.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace(
        "statement: 网格员业务能力参差不齐。", "statment: 网格员业务能力参差不齐。"
    )
    path.write_text(broken, encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch(path, out, jobs=2)
    assert [r.status.value for r in result.reports] == [
        "written",
        "written",
        "failed",
        "written",
        "written",
    ]
    failed = result.reports[2]
    assert failed.name == "民生社区" and failed.sha256 is None
    line = next(i for i, s in enumerate(broken.splitlines(), 1) if "statment" in s)
    codes = {(e.code, e.location.line, e.location.path) for e in failed.errors}
    assert ("IN004", line, "communities[2].body[1].section.body[0].problem.statment") in codes
    assert failed.error is not None and f"{path}:{line}:" in failed.error
    assert not (out / "minsheng-shequ.docx").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [MANIFEST, *(f"{s}.docx" for s in STEMS if s != "minsheng-shequ")]
    )  # nothing half-written, no temporary files
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["summary"] == {"written": 4, "skipped": 0, "failed": 1}
    assert manifest["reports"][2]["errors"][0]["line"] is not None


def test_the_cli_exits_1_when_a_report_failed_and_prints_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_batch(tmp_path)
    path = folder / "communities.yaml"
    text = path.read_text(encoding="utf-8").replace("status: 长期坚持", "status: 长期", 1)
    path.write_text(text, encoding="utf-8")
    status = main(["batch", str(path), "-o", str(tmp_path / "out"), "-j", "1"])
    captured = capsys.readouterr()
    assert status == 1
    assert "失败     jiannan-shequ.docx" in captured.out
    assert "communities[1].body[1].section.body[0].problem.status" in captured.out
    assert "中共 5 份报告" in captured.out
    assert "已生成 4" in captured.out and "失败 1" in captured.out
    assert captured.err == ""  # no progress bar when stderr is not a terminal


def test_the_cli_writes_the_table_form_and_a_second_run_skips_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args = ["batch", str(BATCH / "communities.xlsx"), "--shared", str(SHARED), "-o", str(out)]
    assert main(args) == 0
    assert "已生成 5" in capsys.readouterr().out
    assert main(args) == 0
    assert "已生成 0，未改动 5，失败 0" in capsys.readouterr().out


def test_hanzi_names_keep_the_chinese_names(tmp_path: Path) -> None:
    result = run_batch(YAML_BATCH, tmp_path, jobs=1, names="hanzi")
    assert [r.output.name for r in result.reports] == [f"{n}.docx" for n in NAMES]


def test_a_bug_in_one_report_fails_that_report_alone(tmp_path: Path) -> None:
    result = run_batch(YAML_BATCH, tmp_path, jobs=2, check=exploding_check)
    failed = [r for r in result.reports if r.status is ReportStatus.FAILED]
    assert [r.name for r in failed] == ["民生社区"]
    assert failed[0].error is not None and "RuntimeError: boom" in failed[0].error
    assert len(result.written) == 4


def test_checker_findings_point_into_the_batch_file(tmp_path: Path) -> None:
    result = run_batch(YAML_BATCH, tmp_path, jobs=2, check=flagging_check)
    finding = result.reports[0].findings[0]
    assert finding.code == "TEST1"
    assert finding.location.file == str(YAML_BATCH) and finding.location.path == "closing[1]"
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["reports"][0]["findings"][0]["path"] == "closing[1]"


def test_the_checkers_findings_go_into_the_manifest_pointing_at_the_batch_file(
    tmp_path: Path,
) -> None:
    pytest.importorskip("gongwen.check", reason="the checker (gongwen.check) is not installed")
    path = tmp_path / "b.yaml"
    path.write_text(
        "title: '{community}关于整改情况的通报。'\ncommunities:\n  - name: 甲社区\n"
        "    body: [现将整改情况通报如下。]\n",
        encoding="utf-8",
    )
    result = run_batch(path, tmp_path / "out", jobs=1)
    codes = {
        (f.code, f.location.file, f.location.line, f.location.path)
        for f in result.reports[0].findings
    }
    assert ("GW403", str(path), 1, "title") in codes  # a title ends without 。
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert "GW403" in {f["code"] for f in manifest["reports"][0]["findings"]}


class CountingExecutor(Executor):
    """Runs jobs on a thread pool and records the most reports ever outstanding."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(2)
        self.lock = threading.Lock()
        self.outstanding = 0
        self.most = 0
        self.submitted = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        reports = len(args[0])
        with self.lock:
            self.outstanding += reports
            self.submitted += reports
            self.most = max(self.most, self.outstanding)
        future = self.pool.submit(fn, *args, **kwargs)
        future.add_done_callback(lambda _: self._done(reports))
        return future

    def _done(self, reports: int) -> None:
        with self.lock:
            self.outstanding -= reports


def test_work_is_submitted_lazily_with_a_bounded_number_in_flight(tmp_path: Path) -> None:
    batch = {
        "title": "{community}的通报",
        "communities": [{"name": f"第{i}社区", "body": ["正文。"]} for i in range(400)],
    }
    executor = CountingExecutor()
    result = run_batch(batch, tmp_path, executor=executor, jobs=2, write_in_workers=False)
    executor.pool.shutdown()
    assert len(result.written) == 400 and executor.submitted == 400
    assert executor.most <= 2 * 2 * chunk_size(400, 2) < 400  # 2 × jobs × reports per job


def test_results_hold_no_document_content(tmp_path: Path) -> None:
    result = run_batch(YAML_BATCH, tmp_path, jobs=1)
    assert all(not isinstance(v, bytes) for r in result.reports for v in vars(r).values())


def test_a_worker_can_send_the_report_back_instead_of_writing_it(tmp_path: Path) -> None:
    loaded = load_batch(YAML_BATCH)
    data = resolve(loaded, entries(loaded)[0]).data
    assert data is not None
    from gongwen.batch.jobs import ReportJob

    outcome = make_report(ReportJob(data, None, None, None))
    assert outcome.content == render_bytes(Notice.model_validate(data))
    assert outcome.sha256 == hashlib.sha256(outcome.content).hexdigest()


def test_a_dask_cluster_executor_runs_the_batch_unchanged(tmp_path: Path) -> None:
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed (pip install 'gongwen[dask]')"
    )
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = run_batch(YAML_BATCH, tmp_path / "out", executor=client.get_executor())
    assert result.ok and len(result.written) == 5
    local = run_batch(YAML_BATCH, tmp_path / "local", jobs=1)
    assert [r.sha256 for r in result.reports] == [r.sha256 for r in local.reports]


# --------------------------------------------------------------------------------------------
# The next round


def test_next_round_of_the_canonical_example_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "next.yaml"
    args = ["next", str(EXAMPLES / "erqi-xincun-2023.yaml"), "-o", str(target)]
    assert main([*args, "--date", "2023-09-01"]) == 0
    notice = load_notice(target)
    assert notice.published == date(2023, 9, 1)
    problems = [i for _, i in walk(notice.body) if isinstance(i, Problem)]
    assert len(problems) == 16
    assert all(p.status is RectificationStatus.IN_PROGRESS for p in problems)
    assert "截至2023年9月1日，16个问题中，正在推进16项。" in [
        getattr(i, "text", "") for i in notice.body
    ]
    docx = tmp_path / "next.docx"
    assert main(["render", str(target), "-o", str(docx)]) == 0
    assert "截至2023年9月1日，16个问题中，正在推进16项。" in body_texts(docx)
    capsys.readouterr()


def test_edited_statuses_recompute_the_sentence_when_next_runs_again(tmp_path: Path) -> None:
    target = tmp_path / "next.yaml"
    write_next_round(EXAMPLES / "erqi-xincun-2023.yaml", target, date(2023, 9, 1))
    text = target.read_text(encoding="utf-8")
    text = text.replace("status: 正在推进", "status: 已完成", 14)
    target.write_text(text, encoding="utf-8")
    again, _ = write_next_round(target, target, date(2023, 9, 1))
    sentences = [getattr(i, "text", "") for i in again.body if "截至" in getattr(i, "text", "")]
    assert sentences == ["截至2023年9月1日，16个问题中，已完成整改14项，正在推进2项。"]


def test_next_round_reads_a_published_text(tmp_path: Path) -> None:
    pytest.importorskip("gongwen.read", reason="the reader (gongwen.read) is not installed")
    last = tmp_path / "last.txt"
    last.write_text(
        "建新社区综合党委关于巡察整改进展情况的通报\n\n根据区委统一部署，现将整改情况通报如下。\n",
        encoding="utf-8",
    )
    notice, _ = write_next_round(last, tmp_path / "next.yaml", date(2023, 9, 1))
    assert load_notice(tmp_path / "next.yaml") == notice
    assert notice.published == date(2023, 9, 1)


def test_run_batch_accepts_a_batch_model() -> None:
    batch = Batch(title="{community}的通报", communities=[{"name": "甲社区", "body": ["正文。"]}])
    loaded = batch_from_data(batch)
    assert resolve(loaded, entries(loaded)[0]).data == {
        "title": "甲社区的通报",
        "body": ["正文。"],
    }


def test_braces_can_be_written_doubled() -> None:
    batch = {"title": "{{括号}}", "communities": [{"name": "甲", "body": ["{{x}}"]}]}
    loaded = batch_from_data(batch)
    data = resolve(loaded, entries(loaded)[0]).data
    assert data == {"title": "{括号}", "body": ["{x}"]}


def test_outputs_are_valid_docx(first_run: tuple[Path, Any]) -> None:
    import docx

    out, _ = first_run
    for path in [*out.glob("*.docx")]:
        document = docx.Document(io.BytesIO(path.read_bytes()))
        assert document.paragraphs


# --------------------------------------------------------------------------------------------
# PDFs and the progress bar


def test_pdf_makes_every_pdf_in_one_libreoffice_call(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.office.test_convert import fake_soffice

    script, log = fake_soffice(tmp_path)
    out = tmp_path / "out"
    args = ["batch", str(YAML_BATCH), "-o", str(out), "-j", "1", "--merge", "--pdf"]
    assert main([*args, "--soffice", str(script)]) == 0
    assert len(log.read_text().splitlines()) == 1  # one call for the 5 reports and the volume
    assert sorted(p.stem for p in out.glob("*.pdf")) == sorted([*STEMS, "merged"])
    assert main([*args, "--soffice", str(script)]) == 0  # nothing new: no call at all
    assert len(log.read_text().splitlines()) == 1
    capsys.readouterr()


def test_pdf_without_libreoffice_exits_3_and_keeps_the_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    status = main(
        ["batch", str(YAML_BATCH), "-o", str(out), "--pdf", "--soffice", "/nowhere/soffice"]
    )
    assert status == 3
    assert "找不到 LibreOffice" in capsys.readouterr().err
    assert sorted(p.stem for p in out.glob("*.docx")) == sorted(STEMS)
    assert (out / MANIFEST).is_file() and not list(out.glob("*.pdf"))


def test_the_progress_bar_counts_reports_on_one_line() -> None:
    from gongwen.batch import ReportResult
    from gongwen.cli.batch import ProgressBar

    stream = io.StringIO()
    bar = ProgressBar(stream)
    for done in (1, 2):
        bar(done, 4, ReportResult("建新社区", None, ReportStatus.WRITTEN))
    bar.close()
    text = stream.getvalue()
    assert "\n" not in text and text.count("\r") == 3
    assert "2/4 建新社区" in text and "[" + "#" * 15 + " " * 15 + "]" in text


def test_manifest_paths_are_relative_to_the_batch_file_wherever_the_batch_is_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "round2" / "in"
    folder.mkdir(parents=True)
    template = tmp_path / "templates" / "red.docx"
    template.parent.mkdir()
    shutil.copy(EXAMPLES.parent / "templates" / "notice.docx", template)
    text = YAML_BATCH.read_text(encoding="utf-8").replace(
        "introduction:\n",
        "template: ../../templates/red.docx\nintroduction:\n  - 请认真落实,按时报送。\n",
        1,
    )
    (folder / "communities.yaml").write_text(text, encoding="utf-8")
    manifests = []
    for cwd, batch in ((tmp_path, "round2/in/communities.yaml"), (folder, "communities.yaml")):
        monkeypatch.chdir(cwd)
        result = run_batch(batch, tmp_path / "out", jobs=1)
        manifests.append(json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8")))
        (finding,) = {f.code: f for f in result.reports[0].findings if f.code == "GW301"}.values()
        assert Path(finding.location.file or "").resolve() == folder / "communities.yaml"
    first, second = manifests
    assert [i["file"] for i in first["inputs"]] == ["communities.yaml"]
    assert first["template"]["file"] == "../../templates/red.docx"
    assert {f["file"] for r in first["reports"] for f in r["findings"]} == {"communities.yaml"}
    assert second["summary"]["skipped"] == 5  # the second run, from the batch's folder
    assert [r["findings"] for r in second["reports"]] == [r["findings"] for r in first["reports"]]
    assert (second["inputs"], second["template"]) == (first["inputs"], first["template"])
