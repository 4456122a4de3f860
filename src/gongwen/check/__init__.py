"""A proofreader for notices: rules with stable codes, like a linter (``gongwen check``).

>>> from gongwen import Notice
>>> notice = Notice(title="关于整改情况的通报。", body=["现将整改情况通报如下。"])
>>> [(f.code, f.location.path, f.fix) for f in check_notice(notice)]
[('GW403', 'title', '关于整改情况的通报')]
>>> [f.code for f in check_text("根据区委统一部署,2022412日至202278日开展了巡察。")]
['GW301', 'GW505', 'GW505']

Rules read a notice model (field by field) or a text as written (line by line); see
:mod:`gongwen.check.view`. Every rule is listed, with examples, in docs/checks.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gongwen.check.config import (
    CheckConfig,
    config_from_table,
    discover_config,
    find_config,
    load_config,
)
from gongwen.check.fixes import compose
from gongwen.check.registry import Hit, Rule, rules_markdown, run_rules
from gongwen.check.rules import RULES
from gongwen.check.source import (
    DOCX_SUFFIX,
    TEXT_SUFFIXES,
    ModelSource,
    TextSource,
    read_docx_source,
    read_model_source,
    read_text_source,
    set_field,
    text_source,
    yaml_lines,
)
from gongwen.check.view import CheckInput
from gongwen.findings import Finding, InputError
from gongwen.i18n import N_, _
from gongwen.loader import CODE_UNREADABLE, MARKDOWN_SUFFIXES, SUFFIXES, SourceData, validate
from gongwen.model import Notice

__all__ = [
    "RULES",
    "CheckConfig",
    "CheckInput",
    "FixResult",
    "Hit",
    "Rule",
    "check_file",
    "check_input",
    "check_loaded",
    "check_markdown",
    "check_notice",
    "check_text",
    "config_from_table",
    "discover_config",
    "find_config",
    "fix_file",
    "fix_source",
    "load_config",
    "read_source",
    "rules_markdown",
]

MAX_FIX_PASSES = 10
"""Fixes are applied a pass at a time (one per field or line) and the notice checked again."""


def check_input(inp: CheckInput, config: CheckConfig | None = None) -> list[Finding]:
    """Run the rules ``config`` enables on a prepared input."""
    config = config or CheckConfig()
    return run_rules(RULES, inp, enabled=config.enabled, level_of=config.level)


def check_notice(
    notice: Notice, config: CheckConfig | None = None, *, file: str | None = None
) -> list[Finding]:
    """Check a notice model; findings point at field paths. ``config`` None: every rule."""
    return check_input(CheckInput(notice=notice, file=file), config)


def check_loaded(
    notice: Notice, source: SourceData, config: CheckConfig | None = None
) -> list[Finding]:
    """Check a notice already loaded from ``source`` (:func:`gongwen.loader.read_source`),
    findings pointing at the file's YAML lines, without reading the file again.

    ``config`` None: the configuration found by walking up from the file.
    """
    if config is None and source.file is not None:
        config = discover_config(source.file)
    line_map = yaml_lines(source.tree) if source.tree is not None else {}
    return check_input(CheckInput(notice=notice, line_map=line_map, file=source.file), config)


def check_text(
    text: str, *, file: str | None = None, config: CheckConfig | None = None
) -> list[Finding]:
    """Check a notice given as plain text; findings point at lines."""
    return check_input(CheckInput(lines=text_source(text).lines, file=file), config)


def _input_of(source: TextSource | ModelSource) -> CheckInput:
    if isinstance(source, TextSource):
        return CheckInput(lines=source.lines, file=source.file)
    notice = validate(Notice, SourceData(source.data(), source.file))
    return CheckInput(notice=notice, line_map=source.line_map, file=source.file)


def read_source(path: str | Path) -> TextSource | ModelSource:
    """A file to check: a notice file, a text, or a .docx (its paragraphs as lines)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return read_model_source(path)
    if suffix in TEXT_SUFFIXES:
        return read_text_source(path)
    if suffix == DOCX_SUFFIX:
        return read_docx_source(path)
    if suffix in MARKDOWN_SUFFIXES:
        raise InputError.single(
            CODE_UNREADABLE, _(MARKDOWN_NOT_WRITTEN_BACK).format(suffix=path.suffix), file=path
        )
    known = ", ".join(sorted({*SUFFIXES, *TEXT_SUFFIXES, *MARKDOWN_SUFFIXES, DOCX_SUFFIX}))
    raise InputError.single(
        CODE_UNREADABLE,
        _("不支持的文件类型“{suffix}”：gongwen check 读取 {known}").format(
            suffix=path.suffix, known=known
        ),
        file=path,
    )


MARKDOWN_NOT_WRITTEN_BACK = N_(
    "--fix 不能改写 Markdown 文件（“{suffix}”）：请在原文中修改，"
    "或先用 gongwen parse 转成 YAML 再修正"
)
"""A Markdown notice is checked as the notice it reads as, which has no text to write back."""


def check_markdown(path: str | Path, config: CheckConfig | None = None) -> list[Finding]:
    """Check a Markdown notice: what the reader found (a typed ordinal that skips, formatting
    dropped) and the rules on the notice it reads as, findings pointing at its lines.

    ``config`` None: the configuration found by walking up from the file.
    """
    from gongwen.read.markdown import read_markdown_file  # the reader sits beside the checker

    if config is None:
        config = discover_config(path)
    result = read_markdown_file(path)
    inp = CheckInput(notice=result.notice, line_map=result.lines, file=str(path))
    # The reader's own codes (RD…) are not rules: they are shown as ``render`` shows them.
    read = [f for f in result.findings if config.enabled(f.code) or not f.code.startswith("GW")]
    found = [*read, *check_input(inp, config)]
    return sorted(found, key=lambda f: (f.location.line is None, f.location.line or 0))


def check_file(path: str | Path, config: CheckConfig | None = None) -> list[Finding]:
    """Check a notice file, a Markdown notice, a text or a .docx.

    ``config`` None: the configuration found by walking up from the file (see
    :mod:`gongwen.check.config`). Raises :class:`~gongwen.findings.InputError` when the file
    cannot be read.
    """
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return check_markdown(path, config)
    if config is None:
        config = discover_config(path)
    return check_input(_input_of(read_source(path)), config)


@dataclass(frozen=True)
class FixResult:
    """A file with its fixes applied."""

    content: bytes
    """The corrected file, in the input's format and encoding."""
    applied: list[Finding]
    """The findings whose fixes were applied, pass by pass."""
    remaining: list[Finding]
    """What the corrected file still has (locations refer to it)."""


def fix_file(path: str | Path, config: CheckConfig | None = None) -> FixResult:
    """Apply every fix the enabled rules offer, a pass at a time, until none is left.

    See :func:`fix_source`. Nothing is written: see :func:`gongwen.atomic.write_bytes_atomic`.
    """
    if config is None:
        config = discover_config(path)
    return fix_source(read_source(path), config)


def fix_source(source: TextSource | ModelSource, config: CheckConfig | None = None) -> FixResult:
    """Apply the fixes to a source read by :func:`read_source` (changed in place).

    Each pass applies, in every line or field, the fixes whose spans do not overlap (the first
    by position, then by code, wins), then checks again; a fix changes only the characters of
    its span. A fix already applied once is not applied again, so passes end.
    """
    config = config or CheckConfig()
    applied: list[Finding] = []
    seen: set[tuple[object, tuple[int, int], str]] = set()
    inp = _input_of(source)
    findings = check_input(inp, config)
    for _round in range(MAX_FIX_PASSES):
        if not _apply(source, inp, findings, applied, seen):
            break
        inp = _input_of(source)
        findings = check_input(inp, config)
    return FixResult(source.dump(), applied, findings)


def _apply(
    source: TextSource | ModelSource,
    inp: CheckInput,
    findings: Sequence[Finding],
    applied: list[Finding],
    seen: set[tuple[object, tuple[int, int], str]],
) -> bool:
    """One pass: the non-overlapping fixes of each line or field; whether anything changed."""
    texts: dict[object, str]
    if isinstance(source, TextSource):
        texts = dict(enumerate(source.lines, start=1))
    else:
        texts = {unit.path: unit.text for unit in inp.units if unit.path is not None}
    groups: dict[object, list[Finding]] = {}
    for finding in findings:
        where: object = finding.location.line if inp.raw else finding.location.path
        if finding.fix is None or finding.span is None or where not in texts:
            continue
        if (where, finding.span, finding.fix) in seen:
            continue
        groups.setdefault(where, []).append(finding)
    changed = False
    for place, group in groups.items():
        original = texts[place]
        new, used = compose(original, [(f.span or (0, 0), f.fix or "") for f in group])
        if new == original:
            continue
        if isinstance(source, TextSource):
            assert isinstance(place, int)
            source.lines[place - 1] = new
        else:
            set_field(source.tree, str(place), new)
        for i in used:
            finding = group[i]
            seen.add((place, finding.span or (0, 0), finding.fix or ""))
            applied.append(finding)
        changed = True
    return changed
