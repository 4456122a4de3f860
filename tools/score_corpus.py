"""Score the reader on the corpus of real-shaped notices, field by field.

    python tools/score_corpus.py [--corpus DIR] [--write]

Every ``NNN_*.txt`` / ``NNN_*.docx`` with its ``NNN_*.expected.yaml`` (format:
``tests/data/corpus/README.md``) is read — a .txt without its ``# source:`` first line, kept
as an empty line so that line numbers match the editor's — and compared with what a
proofreader expects: title lines, page chrome kept out, addressees, the outline (levels and
run-in), problems (statement, measures, status, deadline, responsible), signature organs and
date, contact phones and e-mails, attachment titles, defects reported on their line, and
whether parse → render → parse gives the same model. Each field scores from 0 to 1 per notice.

Without ``--write`` the table is printed. With it, the scores go to the baseline
``tests/data/corpus/scores.yaml`` (the test ``tests/read/test_corpus.py`` fails when a score
drops below it) and the table with every miss goes into ``docs/reader.md`` between the
``corpus-scores`` markers. The corpus folder is ``--corpus``, else ``$GONGWEN_CORPUS``, else
``tests/data/corpus``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from gongwen import render_bytes
from gongwen.findings import Finding
from gongwen.model import Notice, Problem, Section
from gongwen.read import read_docx_bytes, read_text
from gongwen.read.parse import ReadResult
from gongwen.recognise.damage import fullwidth_punctuation

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus"
BASELINE = DEFAULT_CORPUS / "scores.yaml"
DOC = REPO / "docs" / "reader.md"
BEGIN, END = "<!-- corpus-scores:begin -->", "<!-- corpus-scores:end -->"

FIELDS = (
    "title",
    "chrome",
    "addressees",
    "outline",
    "problems",
    "statements",
    "measures",
    "status",
    "deadline",
    "responsible",
    "signature",
    "date",
    "contact",
    "attachments",
    "defects",
    "round_trip",
)
"""The fields scored, in the order of the table."""

DEFECT_CODES: dict[str, tuple[str, ...]] = {
    "half_width_punctuation": ("RD002",),
    "run_together_date": ("RD010", "GW505", "GW506"),
    "lost_numeral": ("RD012", "GW110", "RD053"),
    "lost_ordinal": ("RD020", "RD021", "RD025"),
    "lost_colon": ("RD030", "RD031"),
    "lone_measure_fragment": ("RD040",),
    "organ_name_mixup": ("RD054",),
    "date_missing_day": ("RD055",),
    "name_cut_short": ("RD056",),
    "numbering_gap": ("GW101", "GW104", "GW107"),
    "numbering_repeat": ("GW102", "GW104", "GW107"),
    "stray_digits": ("GW506",),
    "missing_period": ("RD051", "RD052"),
    "count_mismatch": ("GW201", "GW202"),
}
"""The finding codes that report each kind of defect; other kinds take any finding on the line."""


# ---------------------------------------------------------------------------------------------
# Reading


def notices(corpus: Path) -> Iterator[tuple[str, Path, Path]]:
    """(name, source file, expected file) for every notice of the corpus, in name order."""
    for expected in sorted(corpus.glob("[0-9][0-9][0-9]_*.expected.yaml")):
        stem = expected.name[: -len(".expected.yaml")]
        for suffix in (".txt", ".docx"):
            source = corpus / f"{stem}{suffix}"
            if source.is_file():
                yield stem, source, expected
                break


def read_source(source: Path) -> ReadResult:
    """Read a corpus file as a user would, the ``# source:`` line left out (kept empty)."""
    if source.suffix == ".docx":
        return read_docx_bytes(source.read_bytes(), file=source.name)
    lines = source.read_text(encoding="utf-8").split("\n")
    if lines and lines[0].startswith("# source:"):
        lines[0] = ""
    return read_text("\n".join(lines), file=source.name)


def load_yaml(path: Path) -> Any:
    """Plain data from a YAML file."""
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# Comparing


_TRAILING = "。；;，,：: \u3000"


def norm(text: Any) -> str:
    """Text compared without white space, in full-width punctuation, without a trailing mark
    (a measure read as ``补建台账。`` matches ``补建台账；``)."""
    if text is None:
        return ""
    value = re.sub(r"\s+", "", str(text))
    value = fullwidth_punctuation(value)[0]
    return value.rstrip(_TRAILING)


def _list_score(expected: list[str], got: list[str]) -> float:
    """Items equal position by position, over the longer list (1.0 for two empty lists)."""
    longest = max(len(expected), len(got))
    if longest == 0:
        return 1.0
    return sum(1 for e, g in zip(expected, got, strict=False) if norm(e) == norm(g)) / longest


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def outline(notice: Notice) -> list[tuple[int, str, bool]]:
    """(level, heading, run_in) of every section of the main text, in document order."""
    out: list[tuple[int, str, bool]] = []

    def visit(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, Section):
                out.append((level, item.heading, item.run_in))
                visit(item.body, level + 1)

    visit(notice.body, notice.presentation.top_level)
    return out


def problems(notice: Notice) -> list[Problem]:
    """Every problem of the main text, in order."""
    out: list[Problem] = []

    def visit(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, Problem):
                out.append(item)
            elif isinstance(item, Section):
                visit(item.body)

    visit(notice.body)
    return out


@dataclass
class Score:
    """The scores of one notice, and what was missed."""

    name: str
    fields: dict[str, float] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def set(self, name: str, value: float, miss: str | None = None) -> None:
        """Score a field; ``miss`` says what was wrong when it is below 1."""
        self.fields[name] = round(value, 3)
        if value < 1 and miss:
            self.misses.append(f"{name}: {miss}")


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def score(name: str, source: Path, expected_path: Path) -> Score:
    """Score the reader on one notice of the corpus."""
    expected = load_yaml(expected_path)
    result = Score(name)
    try:
        read = read_source(source)
    except Exception as error:
        for name_ in FIELDS:
            result.set(name_, 0.0)
        result.misses.append(f"read: {type(error).__name__}: {_short(error, 120)}")
        return result
    notice = read.notice
    _score_head(result, expected, notice)
    _score_body(result, expected, notice)
    _score_tail(result, expected, notice)
    _score_defects(result, expected, read.findings)
    try:
        again = read_docx_bytes(render_bytes(notice)).notice
        same = again == notice
    except Exception:
        same = False
    result.set("round_trip", 1.0 if same else 0.0, "parse → render → parse differs")
    return result


def _score_head(result: Score, expected: dict[str, Any], notice: Notice) -> None:
    want_title = [str(t) for t in expected.get("title_lines") or []]
    got_title = notice.title_lines
    if want_title:
        same = [norm(t) for t in want_title] == [norm(t) for t in got_title]
        result.set("title", 1.0 if same else 0.0, f"{want_title} read as {got_title}")
    chrome = [str(c) for c in expected.get("chrome") or []]
    if chrome:
        model = notice.model_dump(mode="json", exclude={"title"})
        texts = [norm(t) for t in _strings(model)]
        leaked = [c for c in chrome if norm(c) and any(norm(c) in t for t in texts)]
        result.set("chrome", 1 - len(leaked) / len(chrome), f"in the model: {leaked}")
    want = [str(a) for a in expected.get("addressees") or []]
    value = _list_score(want, list(notice.addressees))
    result.set("addressees", value, f"{want} read as {notice.addressees}")


def _score_body(result: Score, expected: dict[str, Any], notice: Notice) -> None:
    want_outline = [
        (int(h["level"]), str(h["text"]), bool(h.get("run_in")))
        for h in expected.get("outline") or []
    ]
    got_outline = outline(notice)
    if want_outline or got_outline:
        longest = max(len(want_outline), len(got_outline))
        hits = sum(
            1
            for w, g in zip(want_outline, got_outline, strict=False)
            if w[0] == g[0] and norm(w[1]) == norm(g[1]) and w[2] == g[2]
        )
        misses = [
            f"{w} read as {g}"
            for w, g in zip(want_outline, got_outline, strict=False)
            if not (w[0] == g[0] and norm(w[1]) == norm(g[1]) and w[2] == g[2])
        ][:3]
        count = f"{len(want_outline)} headings, read {len(got_outline)}"
        result.set("outline", hits / longest, f"{count}; {'; '.join(_short(m) for m in misses)}")
    want = list(expected.get("problems") or [])
    got = problems(notice)
    if not want and not got:
        return
    longest = max(len(want), len(got))
    result.set(
        "problems", min(len(want), len(got)) / longest, f"{len(want)} expected, read {len(got)}"
    )
    pairs = list(zip(want, got, strict=False))

    def field_score(name: str, same: list[bool], miss: str) -> None:
        result.set(name, sum(same) / longest if longest else 1.0, miss)

    def first_miss(flags: list[bool], show: Any) -> str:
        for k, flag in enumerate(flags):
            if not flag:
                return f"problem {k + 1}: {_short(show(k))}"
        return "problems missing"

    statements = [norm(w.get("statement")) == norm(g.statement) for w, g in pairs]
    field_score(
        "statements",
        statements,
        first_miss(
            statements, lambda k: f"{pairs[k][0].get('statement')} / {pairs[k][1].statement}"
        ),
    )
    measures = [
        [norm(m) for m in w.get("measures") or []] == [norm(m) for m in g.measures]
        for w, g in pairs
    ]
    field_score(
        "measures",
        measures,
        first_miss(measures, lambda k: f"{pairs[k][0].get('measures')} / {pairs[k][1].measures}"),
    )
    for name in ("status", "deadline", "responsible"):
        same = [norm(w.get(name)) == norm(getattr(g, name)) for w, g in pairs]
        show = lambda k, n=name: f"{pairs[k][0].get(n)} / {getattr(pairs[k][1], n)}"  # noqa: E731
        field_score(name, same, first_miss(same, show))


def _score_tail(result: Score, expected: dict[str, Any], notice: Notice) -> None:
    signature = expected.get("signature") or {}
    want_organs = [str(o) for o in signature.get("organs") or []]
    got_organs = list(notice.signature.organs) if notice.signature else []
    result.set(
        "signature", _list_score(want_organs, got_organs), f"{want_organs} read as {got_organs}"
    )
    want_date = signature.get("date")
    got_date = notice.signature.date if notice.signature else None
    if isinstance(want_date, str):
        want_date = date.fromisoformat(want_date)
    result.set("date", 1.0 if want_date == got_date else 0.0, f"{want_date} read as {got_date}")
    contact = expected.get("contact") or {}
    want_channels = sorted(
        norm(p) for p in (contact.get("phones") or []) + (contact.get("emails") or [])
    )
    got_channels: list[str] = []
    if notice.contact is not None:
        got_channels = [norm(p) for p in notice.contact.phones]
        if notice.contact.email:
            got_channels.append(norm(notice.contact.email))
    got_channels.sort()
    if want_channels or got_channels:
        found = sum(1 for c in want_channels if any(c in g or g in c for g in got_channels if g))
        value = found / max(len(want_channels), len(got_channels))
        result.set("contact", value, f"{want_channels} read as {got_channels}")
    want_attachments = [str(a) for a in expected.get("attachments") or []]
    got_attachments = [a.title.replace("\n", "") for a in notice.attachments]
    if want_attachments or got_attachments:
        result.set(
            "attachments",
            _list_score(want_attachments, got_attachments),
            f"{want_attachments} read as {got_attachments}",
        )


def _score_defects(result: Score, expected: dict[str, Any], findings: list[Finding]) -> None:
    defects = list(expected.get("defects") or [])
    if not defects:
        return
    by_line: dict[int, set[str]] = {}
    for found in findings:
        if found.location.line is not None:
            by_line.setdefault(found.location.line, set()).add(found.code)
    hits = 0
    missed: list[str] = []
    for defect in defects:
        codes = by_line.get(int(defect.get("line") or 0), set())
        wanted = DEFECT_CODES.get(str(defect.get("kind")))
        if (wanted is None and codes) or (wanted is not None and codes & set(wanted)):
            hits += 1
        else:
            missed.append(f"{defect.get('kind')}@{defect.get('line')}")
    result.set("defects", hits / len(defects), f"unreported: {', '.join(missed[:6])}")


# ---------------------------------------------------------------------------------------------
# Tables and baseline


def score_corpus(corpus: Path) -> list[Score]:
    """The scores of every notice of ``corpus``."""
    return [score(name, source, expected) for name, source, expected in notices(corpus)]


def totals(scores: list[Score]) -> dict[str, tuple[float, int]]:
    """Per field: the mean score over the notices where it applies, and how many those are."""
    out: dict[str, tuple[float, int]] = {}
    for name in FIELDS:
        values = [s.fields[name] for s in scores if name in s.fields]
        out[name] = (sum(values) / len(values) if values else 1.0, len(values))
    return out


def table(scores: list[Score]) -> str:
    """The score table (Markdown) and the misses of each notice."""
    lines = [
        f"Scored on {len(scores)} notices of `tests/data/corpus/` by `tools/score_corpus.py`.",
        "",
        "| field | score | notices |",
        "|---|---|---|",
    ]
    for name, (value, count) in totals(scores).items():
        lines.append(f"| {name} | {value:.3f} | {count} |")
    lines += ["", "Misses, notice by notice (expected / read):", ""]
    for s in scores:
        for miss in s.misses:
            lines.append(f"* `{s.name}` {miss.replace('|', '/')}")
    return "\n".join(lines) + "\n"


def baseline_data(scores: list[Score]) -> dict[str, Any]:
    """The baseline written to ``scores.yaml``."""
    return {
        "notices": {s.name: dict(s.fields) for s in scores},
        "totals": {name: round(value, 3) for name, (value, _) in totals(scores).items()},
    }


def write(scores: list[Score]) -> None:
    """Write the baseline and the table in docs/reader.md."""
    yaml = YAML()
    yaml.default_flow_style = False
    BASELINE.parent.mkdir(parents=True, exist_ok=True)
    with BASELINE.open("w", encoding="utf-8") as out:
        out.write("# Written by tools/score_corpus.py --write: the reader scores on the corpus.\n")
        out.write("# tests/read/test_corpus.py fails when a score drops below these.\n")
        yaml.dump(baseline_data(scores), out)
    doc = DOC.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{table(scores)}{END}"
    if BEGIN in doc:
        doc = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: block, doc, flags=re.S)
    else:
        doc += f"\n## Scores on the corpus\n\n{block}\n"
    DOC.write_text(doc, encoding="utf-8")


def corpus_folder(option: str | None = None) -> Path:
    """The corpus: ``option``, else ``$GONGWEN_CORPUS``, else ``tests/data/corpus``."""
    chosen = option or os.environ.get("GONGWEN_CORPUS")
    return Path(chosen) if chosen else DEFAULT_CORPUS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="the corpus folder")
    parser.add_argument("--write", action="store_true", help="write the baseline and the table")
    args = parser.parse_args(argv)
    scores = score_corpus(corpus_folder(args.corpus))
    if not scores:
        print("no notices in the corpus", file=sys.stderr)
        return 1
    if args.write:
        write(scores)
    print(table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
