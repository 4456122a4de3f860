"""What a batch run did, as data: each report's status, file, digest, counts and findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from gongwen.findings import Finding
from gongwen.i18n import N_, _
from gongwen.summary import Summary

__all__ = ["BatchResult", "ReportResult", "ReportStatus"]


class ReportStatus(StrEnum):
    """What happened to one report in a run."""

    WRITTEN = "written"
    SKIPPED = "skipped"
    """Its inputs and its file are as the last run left them."""
    FAILED = "failed"

    @property
    def label(self) -> str:
        """The status as a reader sees it, in the current language.

        >>> ReportStatus.SKIPPED.label
        '未改动'
        """
        return _(_STATUS_LABEL[self])


_STATUS_LABEL = {
    ReportStatus.WRITTEN: N_("已生成"),
    ReportStatus.SKIPPED: N_("未改动"),
    ReportStatus.FAILED: N_("失败"),
}


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
