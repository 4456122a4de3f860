"""The manifest (``manifest.json``): what a run wrote, so that the next run skips the unchanged.

Every path in it (the inputs, the template, the file of each finding) is relative to the
folder of the batch file, as the paths inside the batch file are: the manifest says the same
whichever folder the batch was run from. A report's ``output`` is relative to OUTDIR.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from gongwen import __version__
from gongwen.atomic import write_bytes_atomic
from gongwen.batch.names import NameStyle, pinyin_key
from gongwen.batch.resolve import LoadedBatch
from gongwen.batch.results import ReportResult, ReportStatus
from gongwen.findings import Finding, finding_from_dict, finding_to_dict
from gongwen.summary import Summary

__all__ = [
    "MANIFEST",
    "MANIFEST_FORMAT",
    "batch_relative",
    "input_hash",
    "read_manifest",
    "sha256_file",
    "skipped_report",
    "write_manifest",
]

MANIFEST = "manifest.json"

MANIFEST_FORMAT = 1


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


def batch_relative(file: str | Path, folder: Path) -> str:
    """``file`` (absolute, or relative to the working folder) relative to the batch file's
    ``folder``, with forward slashes; absolute when no relative path reaches it (another drive).

    >>> batch_relative("/data/round2/communities.xlsx", Path("/data/round2"))
    'communities.xlsx'
    >>> batch_relative("/srv/templates/red.docx", Path("/data/round2"))
    '../../srv/templates/red.docx'
    """
    try:
        return Path(os.path.relpath(file, folder)).as_posix()
    except ValueError:
        return Path(file).resolve().as_posix()


def _findings_data(findings: Sequence[Finding], folder: Path) -> list[dict[str, Any]]:
    out = []
    for finding in findings:
        data = finding_to_dict(finding)
        if data["file"] is not None:
            data["file"] = batch_relative(data["file"], folder)
        out.append(data)
    return out


def _findings_from(data: Sequence[Mapping[str, Any]], folder: Path) -> tuple[Finding, ...]:
    """The findings a manifest recorded, their files relative to the working folder again."""
    out = []
    for item in data:
        finding = finding_from_dict(item)
        if finding.location.file is not None:
            where = replace(finding.location, file=os.path.normpath(folder / finding.location.file))
            finding = replace(finding, location=where)
        out.append(finding)
    return tuple(out)


def _report_data(report: ReportResult, outdir: Path, folder: Path) -> dict[str, Any]:
    return {
        "name": report.name,
        "output": None if report.output is None else report.output.relative_to(outdir).as_posix(),
        "status": report.status.value,
        "input_sha256": report.input_sha256,
        "sha256": report.sha256,
        "counts": _summary_data(report.summary),
        "statuses": dict(report.statuses),
        "findings": _findings_data(report.findings, folder),
        "errors": _findings_data(report.errors, folder),
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


def sha256_file(path: Path) -> str | None:
    """sha256 of a file's bytes; ``None`` if it cannot be read (then it is remade)."""
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


def skipped_report(
    name: str, target: Path, digest: str, before: Mapping[str, Any], folder: Path = Path()
) -> ReportResult:
    """The result of a report left as it was, from what the last manifest says of it
    (``folder``: the batch file's, which the manifest's paths are relative to)."""
    return ReportResult(
        name,
        target,
        ReportStatus.SKIPPED,
        sha256=before["sha256"],
        findings=_findings_from(before.get("findings", []), folder),
        input_sha256=digest,
        summary=_summary_from(before.get("counts")),
        statuses=dict(before.get("statuses", {})),
    )


def write_manifest(
    out: Path,
    loaded: LoadedBatch,
    reports: Sequence[ReportResult],
    names: NameStyle,
    template_file: Path,
    template_sha: str,
    merged: Path | None,
) -> Path:
    """Write ``manifest.json`` in ``out`` (atomically): inputs, template, every report.

    The template's ``file`` is None for gongwen's own (``templates/notice.docx``).
    """
    from gongwen.write.template import default_template_path

    folder = loaded.folder
    own = template_file == default_template_path()
    ordered = sorted(
        (r for r in reports if r.status is not ReportStatus.FAILED and r.output is not None),
        key=lambda r: pinyin_key(r.name),
    )
    data: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "gongwen": __version__,
        "inputs": [{"file": batch_relative(f, folder), "sha256": s} for f, s in loaded.inputs],
        "template": {
            "file": None if own else batch_relative(template_file, folder),
            "sha256": template_sha,
        },
        "names": names,
        "summary": {
            status.value: sum(1 for r in reports if r.status is status) for status in ReportStatus
        },
        "reports": [_report_data(r, out, folder) for r in reports],
        "merged": None
        if merged is None
        else {
            "output": merged.name,
            "sha256": sha256_file(merged),
            "parts": [r.sha256 for r in ordered],
        },
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_bytes_atomic(out / MANIFEST, text.encode("utf-8"))
