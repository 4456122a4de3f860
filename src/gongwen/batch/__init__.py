"""Batch production (批量生成): one report per community, and the next round's bulletin.

>>> from gongwen.batch import file_stems
>>> file_stems(["建新社区", "建南社区"])
['jianxin-shequ', 'jiannan-shequ']

The whole of it as a Python API, results as data::

    from gongwen.batch import run_batch
    result = run_batch("examples/batch/communities.yaml", "out", jobs=2)
    for report in result.reports:
        print(report.name, report.status, report.output, report.sha256, report.error)
"""

from gongwen.batch.jobs import check_with_gongwen
from gongwen.batch.manifest import read_manifest
from gongwen.batch.merge import MergeError, merge_reports
from gongwen.batch.names import file_stems, hanzi_stem, pinyin_key, pinyin_stem
from gongwen.batch.next_bulletin import load_last, write_next_round
from gongwen.batch.progress import (
    count_statuses,
    next_round,
    progress_paragraph,
    progress_sentence,
)
from gongwen.batch.resolve import LoadedBatch, batch_from_data, load_batch
from gongwen.batch.results import BatchResult, ReportResult, ReportStatus
from gongwen.batch.run import run_batch
from gongwen.batch.spec import Batch, Community

__all__ = [
    "Batch",
    "BatchResult",
    "Community",
    "LoadedBatch",
    "MergeError",
    "ReportResult",
    "ReportStatus",
    "batch_from_data",
    "check_with_gongwen",
    "count_statuses",
    "file_stems",
    "hanzi_stem",
    "load_batch",
    "load_last",
    "merge_reports",
    "next_round",
    "pinyin_key",
    "pinyin_stem",
    "progress_paragraph",
    "progress_sentence",
    "read_manifest",
    "run_batch",
    "write_next_round",
]
