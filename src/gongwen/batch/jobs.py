"""The worker's side of a batch: one community's report, in whatever process runs it.

A job is plain data, cheap to send to another process; an outcome is small whatever the
report's size. A report's failures are returned as findings, never raised, so that one
broken community fails alone.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongwen.atomic import write_bytes_atomic
from gongwen.batch.manifest import input_hash, sha256_file
from gongwen.batch.progress import count_statuses
from gongwen.batch.resolve import Entry, LoadedBatch, Origins, resolve
from gongwen.batch.table import Table
from gongwen.check import check_notice
from gongwen.findings import Finding, GongwenError, InputError, Level, Location
from gongwen.i18n import _
from gongwen.loader import SourceData, validate
from gongwen.model import Notice
from gongwen.oserror import os_reason
from gongwen.summary import Summary, summarize
from gongwen.typed_ordinals import drop_typed_ordinals
from gongwen.write import render_bytes

__all__ = [
    "CODE_REPORT",
    "SYNC_EACH",
    "Checker",
    "CommunityJob",
    "CommunityOutcome",
    "ReportJob",
    "ReportOutcome",
    "cannot_write",
    "check_with_gongwen",
    "checker_name",
    "failure",
    "make_community_report",
    "make_community_reports",
    "make_report",
    "relocate",
    "shared_parts",
]

SYNC_EACH = not hasattr(os, "sync")
"""fsync every report (where there is no os.sync, on Windows); else one sync per run."""

Checker = Callable[[Notice], Sequence[Finding]]
"""A function that returns findings on a notice (it must be picklable: a module-level one)."""

CODE_REPORT = "BA020"
"""A report could not be made or written (other than for its data): a disk error, a bug."""


def check_with_gongwen(notice: Notice) -> list[Finding]:
    """The checker hook: ``gongwen.check.check_notice``'s findings."""
    return list(check_notice(notice))


def checker_name(check: Checker | None) -> str:
    """How a checker is recorded in the manifest (a change of checker remakes the reports)."""
    if check is None:
        return "none"
    if check is check_with_gongwen:
        return "gongwen.check.check_notice"
    return f"{getattr(check, '__module__', '?')}.{getattr(check, '__qualname__', repr(check))}"


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
        # as a notice file's typed ordinals: printed once (IN010/IN011)
        notice, _dropped = drop_typed_ordinals(notice)
    except InputError as exc:
        return ReportOutcome(errors=tuple(exc.findings))
    try:
        content = render_bytes(notice, template=job.template)
        findings = tuple(job.check(notice)) if job.check is not None else ()
        if job.target is not None:
            write_bytes_atomic(job.target, content, durable=job.durable)
    except GongwenError as exc:
        return ReportOutcome(errors=(failure(str(exc)),))
    except OSError as exc:
        return ReportOutcome(errors=(failure(cannot_write(exc)),))
    except Exception as exc:  # a bug must fail one report, not the batch
        detail = f"{type(exc).__name__}: {exc}"
        return ReportOutcome(errors=(failure(_("内部错误：{detail}").format(detail=detail)),))
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
        and sha256_file(Path(job.target)) == job.previous[1]
    ):
        return CommunityOutcome(ReportOutcome(sha256=job.previous[1]), digest, skipped=True)
    target = job.target if job.write else None
    report = ReportJob(resolved.data, target, job.template, job.check, durable=SYNC_EACH)
    outcome = make_report(report)
    relocated = ReportOutcome(
        sha256=outcome.sha256,
        summary=outcome.summary,
        statuses=outcome.statuses,
        findings=relocate(resolved.origins, outcome.findings),
        errors=relocate(resolved.origins, outcome.errors),
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


def failure(message: str, location: Location | None = None) -> Finding:
    """A report's failure that is not its data's fault (BA020)."""
    return Finding(CODE_REPORT, Level.ERROR, message, location or Location())


def cannot_write(exc: OSError) -> str:
    """Why a report could not be written, in the current language.

    >>> import errno
    >>> cannot_write(OSError(errno.ENOSPC, "No space left on device"))
    '无法写入：磁盘空间已满'
    """
    return _("无法写入：{reason}").format(reason=os_reason(exc))


def relocate(origins: Origins, findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """Findings on a resolved notice, pointed at the batch's input files instead."""
    return tuple(origins.relocate(f) if f.location.path is not None else f for f in findings)


def make_community_reports(jobs: Sequence[CommunityJob]) -> list[CommunityOutcome]:
    """Several communities in one call: fewer round trips through the executor."""
    return [make_community_report(job) for job in jobs]
