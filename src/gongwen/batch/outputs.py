"""What a batch makes besides the reports: the bound volume (合订本) and the PDFs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from gongwen.batch.manifest import sha256_file
from gongwen.batch.merge import merge_reports
from gongwen.batch.names import pinyin_key
from gongwen.batch.results import ReportResult, ReportStatus
from gongwen.findings import GongwenError

__all__ = ["MERGED", "merge_volume", "write_pdfs"]

MERGED = "merged.docx"


def write_pdfs(
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


def merge_volume(
    out: Path, reports: Sequence[ReportResult], before: Mapping[str, Any] | None, force: bool
) -> tuple[Path | None, ReportStatus]:
    """Bind the reports made, in pinyin order, into ``merged.docx``; skipped if unchanged."""
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
        and sha256_file(target) == before.get("sha256")
    ):
        return target, ReportStatus.SKIPPED
    merge_reports([cast(Path, r.output) for r in done], target)
    return target, ReportStatus.WRITTEN
