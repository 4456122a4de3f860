"""Running a batch: one .docx per community, in parallel, safe to stop and to run again.

Reports are made by worker processes (or any :class:`concurrent.futures.Executor`, a Dask
cluster's among them); this process resolves each community's notice, hands out a bounded
number of jobs at a time and keeps only a small result per report, so memory stays flat in
the number of reports. A report whose data is broken fails alone; nothing is ever half
written (:mod:`gongwen.atomic`); a report whose inputs and output are unchanged since the
last run, as ``manifest.json`` records them, is skipped.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from gongwen import __version__
from gongwen.atomic import write_bytes_atomic
from gongwen.batch.lifetime import die_with_parent
from gongwen.batch.lock import locked_outdir
from gongwen.batch.merge import merge_reports
from gongwen.batch.names import NameStyle, file_stems, pinyin_key
from gongwen.batch.next_round import count_statuses
from gongwen.batch.resolve import (
    Entry,
    LoadedBatch,
    Origins,
    batch_from_data,
    entries,
    load_batch,
    parse_path,
    resolve,
)
from gongwen.batch.spec import Batch
from gongwen.batch.table import Table
from gongwen.findings import Finding, GongwenError, InputError, Level, Location
from gongwen.loader import SourceData, validate, yaml_line
from gongwen.model import Notice
from gongwen.render import render_bytes
from gongwen.render.template import default_template_path, load_template
from gongwen.summary import Summary, summarize

MANIFEST = "manifest.json"
MERGED = "merged.docx"
MANIFEST_FORMAT = 1
SYNC_EACH = not hasattr(os, "sync")
"""fsync every report (where there is no os.sync, on Windows); else one sync per run."""
MAX_CHUNK = 8
"""At most this many reports go to a worker in one job."""

Checker = Callable[[Notice], Sequence[Finding]]
"""A function that returns findings on a notice (it must be picklable: a module-level one)."""
Progress = Callable[[int, int, "ReportResult"], None]
"""Called after each report with (reports done, reports in all, the report's result)."""

CODE_REPORT = "BA020"
"""A report could not be made or written (other than for its data): a disk error, a bug."""


def check_with_gongwen(notice: Notice) -> list[Finding]:
    """The checker hook: ``gongwen.check.check_notice``'s findings, none while it is absent."""
    checker = _gongwen_checker()
    return [] if checker is None else list(checker(notice))


def _gongwen_checker() -> Checker | None:
    try:
        module = importlib.import_module("gongwen.check")
    except ImportError:
        return None
    return cast("Checker | None", getattr(module, "check_notice", None))


def _checker_name(check: Checker | None) -> str:
    if check is None:
        return "none"
    if check is check_with_gongwen:
        return "gongwen.check.check_notice" if _gongwen_checker() is not None else "none"
    return f"{getattr(check, '__module__', '?')}.{getattr(check, '__qualname__', repr(check))}"


class ReportStatus(StrEnum):
    """What happened to one report in a run."""

    WRITTEN = "written"
    SKIPPED = "skipped"
    """Its inputs and its file are as the last run left them."""
    FAILED = "failed"


@dataclass(frozen=True)
class ReportResult:
    """One community's report: where it went, what it holds, what was found, or why it failed."""

    name: str
    output: Path | None
    status: ReportStatus
    sha256: str | None = None
    """sha256 of the .docx."""
    findings: tuple[Finding, ...] = ()
    """The checker's findings, pointing into the batch's files."""
    error: str | None = None
    """Why it failed, one finding a line; ``None`` unless it failed."""
    errors: tuple[Finding, ...] = ()
    """Why it failed, as findings."""
    input_sha256: str | None = None
    """sha256 of its resolved notice, the template and gongwen's version."""
    summary: Summary | None = None
    """Counts of what it holds (:func:`gongwen.summary.summarize`)."""
    statuses: Mapping[str, int] = field(default_factory=dict)
    """How many of its problems have each status ("none": no status)."""


@dataclass(frozen=True)
class BatchResult:
    """Everything a run did, as data."""

    outdir: Path
    reports: tuple[ReportResult, ...]
    manifest: Path
    merged: Path | None = None
    """The volume of all reports, with ``merge=True``."""
    merge_status: ReportStatus | None = None
    pdfs: tuple[Path, ...] = ()
    """PDFs written in this run, with ``pdf=True``."""
    pdf_error: str | None = None
    """Why the PDFs could not be made (LibreOffice missing or failing); the .docx are fine."""

    def _with(self, status: ReportStatus) -> tuple[ReportResult, ...]:
        return tuple(r for r in self.reports if r.status is status)

    @property
    def written(self) -> tuple[ReportResult, ...]:
        """Reports written in this run."""
        return self._with(ReportStatus.WRITTEN)

    @property
    def skipped(self) -> tuple[ReportResult, ...]:
        """Reports left as they were, their inputs unchanged."""
        return self._with(ReportStatus.SKIPPED)

    @property
    def failed(self) -> tuple[ReportResult, ...]:
        """Reports that could not be made."""
        return self._with(ReportStatus.FAILED)

    @property
    def ok(self) -> bool:
        """No report failed."""
        return not self.failed


# --------------------------------------------------------------------------------------------
# The worker: one report, in whatever process the executor chose.


@dataclass(frozen=True)
class ReportJob:
    """What a worker needs to make one report: plain data, cheap to send to another process."""

    data: dict[str, Any]
    target: str | None
    """Where to write the .docx; ``None``: send it back instead."""
    template: str | None
    check: Checker | None
    durable: bool = True
    """fsync the .docx before moving it into place (a batch syncs once at the end instead)."""


@dataclass(frozen=True)
class ReportOutcome:
    """What a worker sends back: small, whatever the report's size (unless ``content``)."""

    sha256: str | None = None
    summary: Summary | None = None
    statuses: Mapping[str, int] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    errors: tuple[Finding, ...] = ()
    content: bytes | None = None


def make_report(job: ReportJob) -> ReportOutcome:
    """Validate, render, check and write one report; its failures are returned, not raised."""
    try:
        notice = validate(Notice, SourceData(job.data))
    except InputError as exc:
        return ReportOutcome(errors=tuple(exc.findings))
    try:
        content = render_bytes(notice, template=job.template)
        findings = tuple(job.check(notice)) if job.check is not None else ()
        if job.target is not None:
            write_bytes_atomic(job.target, content, durable=job.durable)
    except GongwenError as exc:
        return ReportOutcome(errors=(_failure(str(exc)),))
    except OSError as exc:
        return ReportOutcome(errors=(_failure(f"cannot be written: {exc.strerror or exc}"),))
    except Exception as exc:  # a bug must fail one report, not the batch
        return ReportOutcome(errors=(_failure(f"internal error: {type(exc).__name__}: {exc}"),))
    statuses = {
        (status.value if status is not None else "none"): n
        for status, n in count_statuses(notice.body).items()
    }
    return ReportOutcome(
        sha256=hashlib.sha256(content).hexdigest(),
        summary=summarize(notice),
        statuses=statuses,
        findings=findings,
        content=None if job.target is not None else content,
    )


@dataclass(frozen=True)
class CommunityJob:
    """One community to resolve and report on, with only the batch's shared parts.

    ``shared`` has no communities, no ruamel tree and no table rows, so that a job stays
    as small as the community's own data; the main process adds YAML lines to findings.
    """

    shared: LoadedBatch
    entry: Entry
    target: str
    write: bool
    """Write ``target`` in the worker; else send the .docx back."""
    template: str | None
    template_sha256: str
    check: Checker | None
    checker: str
    previous: tuple[str, str] | None
    """(input_sha256, sha256) the last run recorded for ``target``; ``None``: make it."""


@dataclass(frozen=True)
class CommunityOutcome:
    """A community's report as a worker made it (or found it unchanged, or failed)."""

    outcome: ReportOutcome
    input_sha256: str | None = None
    skipped: bool = False


def make_community_report(job: CommunityJob) -> CommunityOutcome:
    """Resolve one community, skip it if unchanged, else make its report."""
    resolved = resolve(job.shared, job.entry)
    if resolved.data is None:
        return CommunityOutcome(ReportOutcome(errors=tuple(resolved.errors)))
    digest = input_hash(resolved.data, job.template_sha256, job.checker)
    if (
        job.previous is not None
        and job.previous[0] == digest
        and _sha256_file(Path(job.target)) == job.previous[1]
    ):
        return CommunityOutcome(ReportOutcome(sha256=job.previous[1]), digest, skipped=True)
    target = job.target if job.write else None
    report = ReportJob(resolved.data, target, job.template, job.check, durable=SYNC_EACH)
    outcome = make_report(report)
    relocated = ReportOutcome(
        sha256=outcome.sha256,
        summary=outcome.summary,
        statuses=outcome.statuses,
        findings=_relocate(resolved.origins, outcome.findings),
        errors=_relocate(resolved.origins, outcome.errors),
        content=outcome.content,
    )
    return CommunityOutcome(relocated, digest)


def shared_parts(loaded: LoadedBatch) -> LoadedBatch:
    """The batch without its communities, tree or table rows: what every job carries."""
    table = loaded.table
    return LoadedBatch(
        loaded.batch.model_copy(update={"communities": []}),
        loaded.file,
        None,
        loaded.folder,
        None if table is None else Table(table.file, table.headers, {}),
    )


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


def _failure(message: str, location: Location | None = None) -> Finding:
    return Finding(CODE_REPORT, Level.ERROR, message, location or Location())


# --------------------------------------------------------------------------------------------
# The manifest


def _finding_data(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "level": finding.level.value,
        "message": finding.message,
        "file": finding.location.file,
        "line": finding.location.line,
        "path": finding.location.path,
        "fix": finding.fix,
    }


def _finding_from(data: Mapping[str, Any]) -> Finding:
    return Finding(
        str(data["code"]),
        Level(data["level"]),
        str(data["message"]),
        Location(data.get("file"), data.get("line"), data.get("path")),
        data.get("fix"),
    )


def _summary_data(summary: Summary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    return {
        "sections_by_level": list(summary.sections_by_level),
        "problems": summary.problems,
        "measures": summary.measures,
        "attachments": summary.attachments,
    }


def _summary_from(data: Mapping[str, Any] | None) -> Summary | None:
    if not data:
        return None
    return Summary(
        tuple(data["sections_by_level"]), data["problems"], data["measures"], data["attachments"]
    )


def _report_data(report: ReportResult, outdir: Path) -> dict[str, Any]:
    return {
        "name": report.name,
        "output": None if report.output is None else report.output.relative_to(outdir).as_posix(),
        "status": report.status.value,
        "input_sha256": report.input_sha256,
        "sha256": report.sha256,
        "counts": _summary_data(report.summary),
        "statuses": dict(report.statuses),
        "findings": [_finding_data(f) for f in report.findings],
        "errors": [_finding_data(f) for f in report.errors],
    }


def read_manifest(outdir: Path) -> dict[str, Any]:
    """The manifest a previous run left in ``outdir``; ``{}`` if none or unreadable."""
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return {}
    return data


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def input_hash(data: Mapping[str, Any], template_sha256: str, checker: str) -> str:
    """sha256 of a resolved notice, the template, gongwen's version and the checker.

    >>> len(input_hash({"title": "T"}, "0" * 64, "none"))
    64
    """
    payload = json.dumps(
        {"notice": data, "template": template_sha256, "gongwen": __version__, "check": checker},
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------
# The run


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
        raise GongwenError(f"unsafe output name {stem!r}")  # the naming rule never makes one
    return target


def _relocate(origins: Origins, findings: Sequence[Finding]) -> tuple[Finding, ...]:
    return tuple(origins.relocate(f) if f.location.path is not None else f for f in findings)


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
    template_sha = _sha256_file(template_file) or ""
    checker = _checker_name(check)
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
                finish(*_failed(index, entry.name, None, [_failure(str(exc))]))
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
            finish(pending.index, _skipped(pending.name, pending.output, digest, pending.before))
            return
        if outcome.errors or outcome.sha256 is None:
            errors = _with_lines(loaded, outcome.errors) or (_failure("no output"),)
            finish(*_failed(pending.index, pending.name, pending.output, errors, digest))
            return
        if outcome.content is not None:
            try:
                write_bytes_atomic(pending.output, outcome.content, durable=SYNC_EACH)
            except OSError as exc:
                failure = _failure(f"cannot be written: {exc.strerror or exc}")
                finish(*_failed(pending.index, pending.name, pending.output, [failure]))
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
        merged, merge_status = _merge(out, reports, read_manifest(out).get("merged"), force)
    if not SYNC_EACH:
        os.sync()  # the reports reach the disk before the manifest that vouches for them
    manifest = _write_manifest(out, loaded, reports, names, template_file, template_sha, merged)
    pdfs: tuple[Path, ...] = ()
    pdf_error = None
    if pdf:
        pdfs, pdf_error = _pdfs(reports, merged, merge_status, soffice)
    return BatchResult(out, reports, manifest, merged, merge_status, pdfs, pdf_error)


def _pdfs(
    reports: Sequence[ReportResult],
    merged: Path | None,
    merge_status: ReportStatus | None,
    soffice: str | Path | None,
) -> tuple[tuple[Path, ...], str | None]:
    """PDFs of the reports (and volume) written now or lacking one, in one LibreOffice call."""
    from gongwen.office.convert import (
        convert_many,
    )  # LibreOffice support, only when PDFs are asked for

    wanted: list[tuple[Path, ReportStatus]] = [
        (r.output, r.status)
        for r in reports
        if r.status is not ReportStatus.FAILED and r.output is not None
    ]
    if merged is not None and merge_status is not None:
        wanted.append((merged, merge_status))
    todo = [
        docx
        for docx, status in wanted
        if status is ReportStatus.WRITTEN or not docx.with_suffix(".pdf").is_file()
    ]
    if not todo:
        return (), None
    try:
        return tuple(convert_many(todo, todo[0].parent, soffice=soffice)), None
    except GongwenError as exc:
        return (), str(exc)


def make_community_reports(jobs: Sequence[CommunityJob]) -> list[CommunityOutcome]:
    """Several communities in one call: fewer round trips through the executor."""
    return [make_community_report(job) for job in jobs]


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
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        for future in done:
            pendings = in_flight.pop(future)
            try:
                outcomes = future.result()
            except Exception as exc:  # a worker died, the job could not be sent, …
                message = f"the worker failed: {type(exc).__name__}: {exc}"
                for p in pendings:
                    finish(*_failed(p.index, p.name, p.output, [_failure(message)]))
                continue
            for pending, outcome in zip(pendings, outcomes, strict=True):
                collect(pending, outcome)

    def submit(batch: list[tuple[_Pending, CommunityJob]]) -> None:
        while len(in_flight) >= 2 * workers:
            drain()
        future = executor.submit(make_community_reports, [job for _, job in batch])
        in_flight[future] = [pending for pending, _ in batch]

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


def _skipped(name: str, target: Path, digest: str, before: Mapping[str, Any]) -> ReportResult:
    return ReportResult(
        name,
        target,
        ReportStatus.SKIPPED,
        sha256=before["sha256"],
        findings=tuple(_finding_from(f) for f in before.get("findings", [])),
        input_sha256=digest,
        summary=_summary_from(before.get("counts")),
        statuses=dict(before.get("statuses", {})),
    )


def _merge(
    out: Path, reports: Sequence[ReportResult], before: Mapping[str, Any] | None, force: bool
) -> tuple[Path | None, ReportStatus]:
    done = [r for r in reports if r.status is not ReportStatus.FAILED and r.output is not None]
    done.sort(key=lambda r: pinyin_key(r.name))
    target = out / MERGED
    if not done:
        return None, ReportStatus.FAILED
    parts = [r.sha256 for r in done]
    if (
        not force
        and before is not None
        and before.get("parts") == parts
        and _sha256_file(target) == before.get("sha256")
    ):
        return target, ReportStatus.SKIPPED
    merge_reports([cast(Path, r.output) for r in done], target)
    return target, ReportStatus.WRITTEN


def _write_manifest(
    out: Path,
    loaded: LoadedBatch,
    reports: Sequence[ReportResult],
    names: NameStyle,
    template_file: Path,
    template_sha: str,
    merged: Path | None,
) -> Path:
    ordered = sorted(
        (r for r in reports if r.status is not ReportStatus.FAILED and r.output is not None),
        key=lambda r: pinyin_key(r.name),
    )
    data: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "gongwen": __version__,
        "inputs": [{"file": f, "sha256": s} for f, s in loaded.inputs],
        "template": {"file": str(template_file), "sha256": template_sha},
        "names": names,
        "summary": {
            status.value: sum(1 for r in reports if r.status is status) for status in ReportStatus
        },
        "reports": [_report_data(r, out) for r in reports],
        "merged": None
        if merged is None
        else {
            "output": merged.name,
            "sha256": _sha256_file(merged),
            "parts": [r.sha256 for r in ordered],
        },
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_bytes_atomic(out / MANIFEST, text.encode("utf-8"))
