"""Score `gongwen check` on the corpus of real-shaped notices: precision and recall.

    python tools/score_checker.py                 # print the scores and the misses
    python tools/score_checker.py --write-doc     # also write them into docs/checks.md
    python tools/score_checker.py --write-baseline  # and into the committed baseline

The corpus (tests/data/corpus/, or the folder named by ``GONGWEN_CORPUS``) lists, for every
notice, the ``defects`` a proofreader should flag (line and kind) and the ``exceptions``:
look-alikes that must get no finding (clock times, ratios, counts, deadlines, 《》 titles…).

* **Precision** (findings at warning level and above): a finding is true when it matches a
  listed defect on its line whose kind it reports (:data:`KIND_CODES`); a finding whose span
  covers a listed exception, or that matches no defect, is false. Half-width punctuation is
  listed once per line with a count of marks: that many marks on the line are true, more are
  false.
* **Recall**: a listed defect is found when a finding of a code its kind maps to (any level)
  is on its line and, when both are known, its span covers the defect's text.

tests/check/test_corpus_precision.py runs this and fails when either figure drops below the
committed baseline (tests/data/checker_scores.yaml).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from gongwen.check import check_input
from gongwen.check.source import TextSource, read_docx_source, text_source
from gongwen.check.view import CheckInput
from gongwen.findings import Finding, Level

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
BASELINE = ROOT / "tests" / "data" / "checker_scores.yaml"
DOC = ROOT / "docs" / "checks.md"
START = "<!-- scores: written by tools/score_checker.py; do not edit -->"
END = "<!-- end of scores -->"

BAR_PRECISION = 0.95
BAR_RECALL = 0.90
"""Issue 18's bar: precision at warning and above, recall of listed defects."""

ANY_CODE = "*"
KIND_CODES: dict[str, tuple[str, ...]] = {
    "half_width_punctuation": ("GW301", "GW302"),
    "run_together_date": ("GW505",),
    "lost_numeral": ("GW110",),
    "lost_ordinal": ("GW101", "GW103"),
    "lost_colon": ("GW105", "GW106"),
    "lone_measure_fragment": ("GW109",),
    "organ_name_mixup": ("GW111", "GW112"),
    "date_missing_day": ("GW508",),
    "name_cut_short": ("GW110", "GW113"),
    "numbering_gap": ("GW101", "GW104", "GW107"),
    "numbering_repeat": ("GW102", "GW104", "GW107"),
    "stray_digits": ("GW506",),
    "missing_period": ("GW306",),
    "title_punctuation": ("GW403",),
    "count_mismatch": ("GW201", "GW202"),
    "zero_lookalike": ("GW502",),
    "lost_character": (),
    "spaced_title": (),
    "other": (ANY_CODE,),
}
"""Which codes report each kind of defect the corpus lists (its README names the kinds)."""

HALF_WIDTH = ",;:()?!.\"'"


def corpus_dir() -> Path:
    """``$GONGWEN_CORPUS`` when set, else tests/data/corpus/."""
    named = os.environ.get("GONGWEN_CORPUS")
    return Path(named) if named else CORPUS


def corpus_files(folder: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """(name, notice file, expected data) of every notice with an expected file."""
    out = []
    for expected in sorted(folder.glob("*.expected.yaml")):
        stem = expected.name.removesuffix(".expected.yaml")
        for suffix in (".txt", ".docx"):
            path = folder / (stem + suffix)
            if path.exists():
                data = YAML(typ="safe").load(expected.read_text(encoding="utf-8")) or {}
                out.append((stem, path, data))
                break
    return out


def notice_source(path: Path) -> TextSource:
    """A corpus notice as the checker reads it; a .txt's ``# source:`` line becomes blank, so
    that line numbers stay those of the file."""
    if path.suffix == ".docx":
        return read_docx_source(path)
    source = text_source(path.read_text(encoding="utf-8"), file=str(path))
    if source.lines and source.lines[0].startswith("# source:"):
        source.lines[0] = ""
    return source


@dataclass
class Outcome:
    """How the checker did on one notice (or on all of them, summed)."""

    true: int = 0
    false: int = 0
    found: int = 0
    listed: int = 0
    false_findings: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    codes: Counter[str] = field(default_factory=Counter)
    """True and false findings by code: ``GW301 true``, ``GW504 false``."""
    kinds: Counter[str] = field(default_factory=Counter)
    """Listed and found defects by kind: ``lost_numeral listed``, ``lost_numeral found``."""

    def add(self, other: Outcome) -> None:
        self.true += other.true
        self.false += other.false
        self.found += other.found
        self.listed += other.listed
        self.false_findings += other.false_findings
        self.missed += other.missed
        self.codes.update(other.codes)
        self.kinds.update(other.kinds)

    @property
    def precision(self) -> float:
        reported = self.true + self.false
        return self.true / reported if reported else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.listed if self.listed else 1.0


def _places(line: str, text: str) -> list[tuple[int, int]]:
    """Where ``text`` is in ``line`` (also when the line has it with half-width marks)."""
    if not text:
        return []
    out = [(m.start(), m.end()) for m in re.finditer(re.escape(text), line)]
    if not out:
        loose = re.escape(text)
        for full, half in (("，", ","), ("：", ":"), ("；", ";"), ("（", "("), ("）", ")")):
            loose = loose.replace(re.escape(full), f"[{full}{re.escape(half)}]")
        out = [(m.start(), m.end()) for m in re.finditer(loose, line)]
    return out


def _overlaps(span: tuple[int, int], places: list[tuple[int, int]]) -> bool:
    start, end = span
    return any((start < e and s < end) or (start == end and s <= start <= e) for s, e in places)


def _mark_places(line: str, finding: Finding) -> list[int]:
    """Where the half-width marks a GW301/GW302 finding is about are: the mark, or the
    brackets of the pair (not the text between them)."""
    if finding.span is None:
        return []
    start, end = finding.span
    if finding.code == "GW302":
        return [i for i in (start, end - 1) if line[i : i + 1] in ("(", ")")]
    return [start]


def _marks(line: str, finding: Finding) -> int:
    return max(1, len(_mark_places(line, finding)))


def _on_exception(line: str, finding: Finding, places: list[tuple[int, int]]) -> bool:
    """Whether a finding is about the text of an exception: for half-width marks, whether a
    mark is inside it; for other findings, whether their spans overlap."""
    if finding.span is None:
        return False
    if finding.code in KIND_CODES["half_width_punctuation"]:
        return any(s <= i < e for i in _mark_places(line, finding) for s, e in places)
    return _overlaps(finding.span, places)


def _matches(kind: str, code: str) -> bool:
    codes = KIND_CODES.get(kind, ())
    return ANY_CODE in codes or code in codes


def _reported(defect: dict[str, Any], findings: list[Finding], line: str) -> bool:
    """Whether a finding (not on an exception) of a code the defect's kind maps to is on its
    line and, when both are known, covers its text."""
    places = _places(line, str(defect.get("text", "")))
    for f in findings:
        if f.location.line != defect.get("line") or not _matches(str(defect.get("kind")), f.code):
            continue
        if f.span is None or not places or _overlaps(f.span, places):
            return True
        if defect.get("kind") == "half_width_punctuation":
            return True  # listed once per line: any mark of the line reports it
    return False


def score_notice(
    name: str, lines: list[str], expected: dict[str, Any], findings: list[Finding]
) -> Outcome:
    """Match one notice's findings against its defects and exceptions."""
    defects = [d for d in expected.get("defects") or [] if isinstance(d, dict)]
    exceptions = [e for e in expected.get("exceptions") or [] if isinstance(e, dict)]
    out = Outcome(listed=len(defects))

    def line_of(number: int | None) -> str:
        return lines[number - 1] if number and 0 < number <= len(lines) else ""

    capacity = {
        i: int(d.get("count", 1))
        for i, d in enumerate(defects)
        if d.get("kind") == "half_width_punctuation"
    }
    hit: set[int] = set()
    reporting: list[Finding] = []
    for f in findings:
        line = line_of(f.location.line)
        on_exception = any(
            e.get("line") == f.location.line
            and _on_exception(line, f, _places(line, str(e.get("text", ""))))
            for e in exceptions
        )
        if not on_exception:
            reporting.append(f)
        matched: int | None = None
        if not on_exception:
            candidates = []
            for i, d in enumerate(defects):
                if d.get("line") != f.location.line or not _matches(str(d.get("kind")), f.code):
                    continue
                places = _places(line, str(d.get("text", "")))
                covers = f.span is not None and bool(places) and _overlaps(f.span, places)
                if d.get("kind") == "other" and f.span is not None and places and not covers:
                    continue
                if i in capacity and capacity[i] <= 0:
                    continue
                # Best: the defect the finding's span covers; then one not found yet.
                candidates.append((not covers, i in hit, i))
            if candidates:
                matched = min(candidates)[2]
                if matched in capacity:
                    capacity[matched] -= _marks(line, f)
        if f.level.rank < Level.WARNING.rank:
            continue
        if matched is not None:
            out.true += 1
            out.codes[f"{f.code} true"] += 1
        else:
            out.false += 1
            out.codes[f"{f.code} false"] += 1
            why = "on an exception" if on_exception else "no listed defect"
            shown = line[f.span[0] : f.span[1]] if f.span else ""
            out.false_findings.append(
                f"{name}:{f.location.line}: {f.code} ({why}) “{shown}” {f.message}"
            )
    for i, d in enumerate(defects):
        if _reported(d, reporting, line_of(d.get("line"))):
            hit.add(i)
    out.found = len(hit)
    for i, d in enumerate(defects):
        out.kinds[f"{d.get('kind')} listed"] += 1
        if i in hit:
            out.kinds[f"{d.get('kind')} found"] += 1
        else:
            out.missed.append(f"{name}:{d.get('line')}: {d.get('kind')} “{d.get('text')}”")
    return out


def score(folder: Path | None = None) -> tuple[Outcome, dict[str, Outcome]]:
    """The checker's outcome on every notice of the corpus, and in total."""
    folder = folder or corpus_dir()
    total = Outcome()
    each: dict[str, Outcome] = {}
    for name, path, expected in corpus_files(folder):
        source = notice_source(path)
        findings = check_input(CheckInput(lines=list(source.lines), file=str(path)))
        outcome = score_notice(name, source.lines, expected, findings)
        each[name] = outcome
        total.add(outcome)
    return total, each


def kinds_listed(folder: Path | None = None) -> Counter[str]:
    """How many defects of each kind the corpus lists."""
    counts: Counter[str] = Counter()
    for _, _, expected in corpus_files(folder or corpus_dir()):
        for d in expected.get("defects") or []:
            counts[str(d.get("kind"))] += 1
    return counts


def summary(total: Outcome, notices: int) -> str:
    """One line: the two figures and what they count."""
    return (
        f"checker on {notices} corpus notices: precision {total.precision:.1%} "
        f"({total.true} of {total.true + total.false} findings at warning and above are listed "
        f"defects), recall {total.recall:.1%} ({total.found} of {total.listed} listed defects "
        "found)"
    )


def markdown(total: Outcome, each: dict[str, Outcome]) -> str:
    """The scores as docs/checks.md shows them."""
    out = [
        f"On the {len(each)} notices of the corpus (`tests/data/corpus/`):",
        "",
        "| measure | score | counted |",
        "|---|---|---|",
        f"| precision (warning and above) | {total.precision:.1%} | {total.true} of "
        f"{total.true + total.false} findings are listed defects |",
        f"| recall of listed defects | {total.recall:.1%} | {total.found} of {total.listed} "
        "defects found |",
        "",
        "| kind of defect | listed | found |",
        "|---|---|---|",
        *[
            f"| {kind} | {total.kinds[kind + ' listed']} | {total.kinds[kind + ' found']} |"
            for kind in sorted({key.rsplit(" ", 1)[0] for key in total.kinds})
        ],
        "",
        "| code | true | false |",
        "|---|---|---|",
    ]
    codes = sorted({key.split()[0] for key in total.codes})
    for code in codes:
        out.append(f"| {code} | {total.codes[code + ' true']} | {total.codes[code + ' false']} |")
    if total.missed:
        out += ["", "Defects not found:", ""]
        out += [f"- `{m}`" for m in total.missed]
    if total.false_findings:
        out += ["", "False findings:", ""]
        out += [f"- `{m}`" for m in total.false_findings]
    return "\n".join(out) + "\n"


def splice(text: str, block: str) -> str:
    """``text`` with the part between the score markers replaced by ``block``."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{block}{END}{tail}"


def write_baseline(total: Outcome, each: dict[str, Outcome]) -> None:
    """Record the figures and the files they were measured on."""
    from gongwen.atomic import write_bytes_atomic

    lines = [
        "# The checker's scores on the corpus, written by tools/score_checker.py --write-baseline.",
        "# tests/check/test_corpus_precision.py fails when a figure drops below these.",
        f"precision: {total.precision:.4f}",
        f"recall: {total.recall:.4f}",
        "files:",
        *[f"  - {name}" for name in sorted(each)],
    ]
    write_bytes_atomic(BASELINE, ("\n".join(lines) + "\n").encode("utf-8"))


def main(argv: list[str]) -> int:
    total, each = score()
    if not each:
        print(f"no corpus notices in {corpus_dir()}", file=sys.stderr)
        return 2
    print(markdown(total, each))
    print(summary(total, len(each)))
    if "--write-doc" in argv or "--write-baseline" in argv:
        text = DOC.read_text(encoding="utf-8")
        DOC.write_text(splice(text, markdown(total, each)), encoding="utf-8")
    if "--write-baseline" in argv:
        write_baseline(total, each)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
