"""Running a batch: one .docx per community, in parallel, safe to stop and to run again.

Reports are made by worker processes (or any :class:`concurrent.futures.Executor`, a Dask
cluster's among them); this process resolves each community's notice, hands out a bounded
number of jobs at a time and keeps only a small result per report, so memory stays flat in
the number of reports. A report whose data is broken fails alone; nothing is ever half
written (:mod:`gongwen.atomic`); a report whose inputs and output are unchanged since the
last run, as ``manifest.json`` records them, is skipped.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gongwen.atomic import write_bytes_atomic
from gongwen.batch.jobs import (
    SYNC_EACH,
    Checker,
    CommunityJob,
    CommunityOutcome,
    cannot_write,
    check_with_gongwen,
    checker_name,
    failure,
    make_community_report,
    make_community_reports,
    shared_parts,
)
from gongwen.batch.lifetime import die_with_parent
from gongwen.batch.lock import locked_outdir
from gongwen.batch.manifest import read_manifest, sha256_file, skipped_report, write_manifest
from gongwen.batch.names import NameStyle, file_stems
from gongwen.batch.outputs import merge_volume, write_pdfs
from gongwen.batch.resolve import LoadedBatch, batch_from_data, entries, load_batch
from gongwen.batch.results import BatchResult, ReportResult, ReportStatus
from gongwen.batch.spec import Batch
from gongwen.fieldpath import parse_path
from gongwen.findings import Finding, GongwenError
from gongwen.i18n import _
from gongwen.loader import yaml_line
from gongwen.write.template import default_template_path, load_template

__all__ = ["MAX_CHUNK", "Progress", "chunk_size", "run_batch"]

MAX_CHUNK = 8
"""At most this many reports go to a worker in one job."""

Progress = Callable[[int, int, "ReportResult"], None]
"""Called after each report with (reports done, reports in all, the report's result)."""


def _with_lines(loaded: LoadedBatch, findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """Findings on the batch file with the lines the workers could not know (no tree there)."""
    out = []
    for finding in findings:
        where = finding.location
        if loaded.tree is not None and where.file == loaded.file and where.line is None:
            line = yaml_line(loaded.tree, parse_path(where.path or ""))
            finding = replace(finding, location=replace(where, line=line))
        out.append(finding)
    return tuple(out)


@dataclass
class _Pending:
    index: int
    name: str
    output: Path
    before: Mapping[str, Any]
    """What the last run's manifest says of this output."""


def _as_loaded(batch: LoadedBatch | Batch | Mapping[str, Any] | str | Path) -> LoadedBatch:
    if isinstance(batch, LoadedBatch):
        return batch
    if isinstance(batch, str | Path):
        return load_batch(batch)
    return batch_from_data(batch)


def _inside(outdir: Path, stem: str) -> Path:
    """``outdir/stem.docx``, refusing anything that would not be a file directly in ``outdir``."""
    target = outdir / f"{stem}.docx"
    if (
        not stem
        or "\x00" in stem
        or Path(stem).name != stem
        or stem in (".", "..")
        or target.resolve().parent != outdir.resolve()
    ):
        # the naming rule never makes one
        raise GongwenError(_("不安全的输出文件名 {stem!r}").format(stem=stem))
    return target


def _failed(
    index: int,
    name: str,
    output: Path | None,
    errors: Sequence[Finding],
    input_sha256: str | None = None,
) -> tuple[int, ReportResult]:
    message = "\n".join(str(e) for e in errors)
    return index, ReportResult(
        name,
        output,
        ReportStatus.FAILED,
        error=message,
        errors=tuple(errors),
        input_sha256=input_sha256,
    )


@locked_outdir  # one batch at a time in a folder (gongwen.batch.lock)
def run_batch(
    batch: LoadedBatch | Batch | Mapping[str, Any] | str | Path,
    outdir: str | Path,
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    force: bool = False,
    names: NameStyle = "pinyin",
    merge: bool = False,
    pdf: bool = False,
    soffice: str | Path | None = None,
    template: str | Path | None = None,
    check: Checker | None = check_with_gongwen,
    progress: Progress | None = None,
    write_in_workers: bool = True,
) -> BatchResult:
    """Make one .docx per community of ``batch`` in ``outdir``, and ``manifest.json``.

    ``jobs``: worker processes (default: all cores; 1: in this process). ``executor``: run
    the reports there instead (any :class:`~concurrent.futures.Executor`, e.g. a Dask
    client's ``get_executor()``); the workers write into ``outdir`` unless
    ``write_in_workers`` is false, when they send each .docx back to be written here.
    ``force``: remake reports whose inputs are unchanged. ``merge``: also bind all reports,
    in pinyin order, into ``merged.docx``. ``pdf``: also a PDF of every report (and of the
    volume) that is new or has none, through one LibreOffice call (:mod:`gongwen.office.convert`;
    ``soffice`` names the program); a failure there is ``pdf_error``, the .docx stay.

    Raises :class:`~gongwen.findings.InputError` (or another :class:`GongwenError`) only when
    the batch as a whole cannot be used; a community's own mistakes fail its report alone.
    """
    loaded = _as_loaded(batch)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    template_path = Path(template) if template is not None else loaded.template
    load_template(template_path)  # a bad template stops the batch before any work
    template_file = template_path or default_template_path()
    template_sha = sha256_file(template_file) or ""
    checker = checker_name(check)
    todo = entries(loaded)
    stems = file_stems((e.file_name for e in todo), names)
    previous = {
        r.get("output"): r for r in read_manifest(out).get("reports", []) if isinstance(r, dict)
    }
    results: dict[int, ReportResult] = {}
    total = len(todo)

    def finish(index: int, result: ReportResult) -> None:
        results[index] = result
        if progress is not None:
            progress(len(results), total, result)

    shared = shared_parts(loaded)
    template_arg = None if template_path is None else str(template_path)

    def jobs_to_run() -> Iterator[tuple[_Pending, CommunityJob]]:
        for index, (entry, stem) in enumerate(zip(todo, stems, strict=True)):
            try:
                target = _inside(out, stem)
            except GongwenError as exc:
                finish(*_failed(index, entry.name, None, [failure(str(exc))]))
                continue
            before = previous.get(target.name)
            known = None
            if not force and before is not None and before.get("sha256") is not None:
                known = (str(before.get("input_sha256")), str(before["sha256"]))
            job = CommunityJob(
                shared,
                entry,
                str(target),
                write_in_workers,
                template_arg,
                template_sha,
                check,
                checker,
                known,
            )
            yield _Pending(index, entry.name, target, before or {}), job

    def collect(pending: _Pending, result: CommunityOutcome) -> None:
        outcome, digest = result.outcome, result.input_sha256
        if result.skipped and digest is not None:
            finish(
                pending.index,
                skipped_report(pending.name, pending.output, digest, pending.before, loaded.folder),
            )
            return
        if outcome.errors or outcome.sha256 is None:
            errors = _with_lines(loaded, outcome.errors) or (failure(_("没有生成输出")),)
            finish(*_failed(pending.index, pending.name, pending.output, errors, digest))
            return
        if outcome.content is not None:
            try:
                write_bytes_atomic(pending.output, outcome.content, durable=SYNC_EACH)
            except OSError as exc:
                problem = failure(cannot_write(exc))
                finish(*_failed(pending.index, pending.name, pending.output, [problem]))
                return
        finish(
            pending.index,
            ReportResult(
                pending.name,
                pending.output,
                ReportStatus.WRITTEN,
                sha256=outcome.sha256,
                findings=_with_lines(loaded, outcome.findings),
                input_sha256=digest,
                summary=outcome.summary,
                statuses=outcome.statuses,
            ),
        )

    if executor is None and (jobs or os.cpu_count() or 1) == 1:
        for pending, job in jobs_to_run():
            collect(pending, make_community_report(job))
    elif executor is not None:
        workers = jobs or os.cpu_count() or 1
        chunk = chunk_size(len(todo), workers)
        _run_on(executor, jobs_to_run(), collect, finish, workers=workers, chunk=chunk)
    else:
        workers = jobs or os.cpu_count() or 1
        with ProcessPoolExecutor(
            max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
        ) as pool:
            chunk = chunk_size(len(todo), workers)
            _run_on(pool, jobs_to_run(), collect, finish, workers=workers, chunk=chunk)

    reports = tuple(results[i] for i in sorted(results))
    merged, merge_status = (None, None)
    if merge:
        merged, merge_status = merge_volume(out, reports, read_manifest(out).get("merged"), force)
    if not SYNC_EACH:
        os.sync()  # the reports reach the disk before the manifest that vouches for them
    manifest = write_manifest(out, loaded, reports, names, template_file, template_sha, merged)
    pdfs: tuple[Path, ...] = ()
    pdf_error = None
    if pdf:
        pdfs, pdf_error = write_pdfs(reports, merged, merge_status, soffice)
    return BatchResult(out, reports, manifest, merged, merge_status, pdfs, pdf_error)


def chunk_size(reports: int, workers: int) -> int:
    """Reports per job: enough to spread the executor's own cost, few enough to balance.

    >>> chunk_size(5, 2), chunk_size(1000, 2), chunk_size(100_000, 64)
    (1, 8, 8)
    """
    return max(1, min(MAX_CHUNK, reports // (workers * 4)))


def _run_on(
    executor: Executor,
    work: Iterator[tuple[_Pending, CommunityJob]],
    collect: Callable[[_Pending, CommunityOutcome], None],
    finish: Callable[[int, ReportResult], None],
    *,
    workers: int,
    chunk: int,
) -> None:
    """Submit lazily, ``chunk`` reports a job and at most ``2 × workers`` jobs in flight, and
    collect as they finish: at most ``2 × workers × chunk`` reports are ever in memory."""
    in_flight: dict[Future[list[CommunityOutcome]], list[_Pending]] = {}

    def drain() -> None:
        done, _not_done = wait(in_flight, return_when=FIRST_COMPLETED)
        for future in done:
            pendings = in_flight.pop(future)
            try:
                outcomes = future.result()
            except Exception as exc:  # a worker died, the job could not be sent, …
                detail = f"{type(exc).__name__}: {exc}"
                message = _("工作进程失败：{detail}").format(detail=detail)
                for p in pendings:
                    finish(*_failed(p.index, p.name, p.output, [failure(message)]))
                continue
            for pending, outcome in zip(pendings, outcomes, strict=True):
                collect(pending, outcome)

    def submit(batch: list[tuple[_Pending, CommunityJob]]) -> None:
        while len(in_flight) >= 2 * workers:
            drain()
        future = executor.submit(make_community_reports, [job for _pending, job in batch])
        in_flight[future] = [pending for pending, _job in batch]

    try:
        batch: list[tuple[_Pending, CommunityJob]] = []
        for item in work:
            batch.append(item)
            if len(batch) == chunk:
                submit(batch)
                batch = []
        if batch:
            submit(batch)
        while in_flight:
            drain()
    except BaseException:
        for future in in_flight:
            future.cancel()
        raise
