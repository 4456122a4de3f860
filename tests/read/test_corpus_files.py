"""The corpus of real-shaped notices (tests/data/corpus) is well formed.

Every ``NNN_slug.expected.yaml`` is checked against the agreed format (README.md beside it) and
against its source: required keys, line numbers in range, the text of each defect and exception
on the line it names, half-width counts that match the line, chrome and titles that occur in
the source. The committed .docx files must be exactly what ``make_docx.py`` writes. These tests
check the corpus, not the reader: the reader's scores are another test's job.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from ruamel.yaml import YAML

from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "corpus"

REQUIRED = (
    "source",
    "family",
    "title_lines",
    "chrome",
    "addressees",
    "outline",
    "problems",
    "signature",
    "contact",
    "attachments",
    "defects",
    "exceptions",
)
KINDS = {
    "half_width_punctuation",
    "run_together_date",
    "lost_numeral",
    "lost_ordinal",
    "lost_colon",
    "lone_measure_fragment",
    "organ_name_mixup",
    "date_missing_day",
    "name_cut_short",
    "numbering_gap",
    "numbering_repeat",
    "stray_digits",
    "missing_period",
    "title_punctuation",
    "count_mismatch",
    "lost_character",
    "zero_lookalike",
    "spaced_title",
    "other",
}
STATUS = {None, "已完成", "正在推进", "长期坚持"}
HALF_WIDTH = ",;:()?!"
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+")
_WIDE = str.maketrans(",;:()?!", "，；：（）？！")


def _expected_files() -> list[Path]:
    return sorted(CORPUS.glob("*.expected.yaml"))


def _load(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def _source_of(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.yaml")
    found = [p for p in (CORPUS / f"{stem}.txt", CORPUS / f"{stem}.docx") if p.exists()]
    assert len(found) == 1, f"{expected.name}: needs exactly one of {stem}.txt / {stem}.docx"
    return found[0]


def _lines(source: Path) -> list[str]:
    """The lines the ``line`` numbers count: text lines (the comment is line 1), or paragraphs."""
    if source.suffix == ".txt":
        return source.read_text(encoding="utf-8").split("\n")
    return [p.text for p in docx.Document(str(source)).paragraphs]


def _norm(text: str) -> str:
    """Full-width punctuation, no blanks or quote marks, no final 。 (repair may add one)."""
    return re.sub(r"[\s\"“”]+", "", text.translate(_WIDE)).removesuffix("。")


def _half_width_count(line: str, spared: list[str]) -> int:
    for text in spared:
        line = line.replace(text, "")
    line = _ADDRESS.sub("", line)
    return sum(line.count(ch) for ch in HALF_WIDTH)


CASES = _expected_files()


def test_the_corpus_is_large_enough_and_numbered_once() -> None:
    assert len(CASES) >= 25
    prefixes = [p.name.split("_", 1)[0] for p in CASES]
    assert len(prefixes) == len(set(prefixes)), "two notices share a number"
    assert all(re.fullmatch(r"\d{3}", p) for p in prefixes)
    assert sum(1 for p in CASES if _source_of(p).suffix == ".docx") >= 3


def _cases() -> list[Any]:
    return [pytest.param(p, id=p.name.removesuffix(".expected.yaml")) for p in CASES]


@pytest.mark.parametrize("path", _cases())
def test_expected_file_is_valid_against_the_format(path: Path) -> None:
    data = _load(path)
    name = path.name
    missing = [key for key in REQUIRED if key not in data]
    assert not missing, f"{name}: missing {missing}"
    source = _source_of(path)
    lines = _lines(source)
    text = "\n".join(lines)
    compact = _norm(text)

    assert str(data["source"]).startswith(("http://", "https://")), name
    if source.suffix == ".txt":
        assert lines[0] == f"# source: {data['source']}", f"{name}: first line must name source"
    assert isinstance(data["family"], str) and data["family"]

    for title in data["title_lines"]:
        assert _norm(title) in compact, f"{name}: title line {title!r} not in the source"
    for chrome in data["chrome"]:
        assert any(chrome == line.strip() for line in lines), f"{name}: chrome {chrome!r}"
    for addressee in data["addressees"]:
        assert _norm(addressee) in compact, f"{name}: addressee {addressee!r} not found"

    for item in data["outline"]:
        assert set(item) == {"level", "text", "run_in"}, f"{name}: outline item {item}"
        assert item["level"] in (1, 2, 3, 4), f"{name}: level {item}"
        assert isinstance(item["run_in"], bool)
        assert _norm(item["text"]) in compact, f"{name}: heading {item['text']!r} not found"

    for problem in data["problems"]:
        keys = {"statement", "numbered_as", "status", "deadline", "responsible", "measures"}
        assert set(problem) == keys, f"{name}: problem keys {sorted(problem)}"
        assert problem["status"] in STATUS, f"{name}: status {problem['status']!r}"
        assert str(problem["numbered_as"]) in text, f"{name}: {problem['numbered_as']!r}"
        assert _norm(problem["statement"]) in compact, f"{name}: {problem['statement']!r}"
        assert isinstance(problem["measures"], list)
        for measure in problem["measures"]:
            assert _norm(measure) in compact, f"{name}: measure {measure!r} not found"
        for key in ("deadline", "responsible"):
            if problem[key] is not None:
                assert _norm(problem[key]) in compact, f"{name}: {key} {problem[key]!r}"

    signature = data["signature"]
    assert set(signature) == {"organs", "date"}, name
    for organ in signature["organs"]:
        assert _norm(organ) in compact, f"{name}: organ {organ!r} not found"
    when = signature["date"]
    assert when is None or isinstance(when, dt.date) or dt.date.fromisoformat(str(when))

    contact = data["contact"]
    assert set(contact) == {"phones", "emails", "other"}, name
    for phone in contact["phones"]:
        assert str(phone) in text, f"{name}: phone {phone!r} not found"
    for email in contact["emails"]:
        assert email in text, f"{name}: e-mail {email!r} not found"
    for other in contact["other"]:
        label, _, value = str(other).partition("：")
        assert value and _norm(value) in compact, f"{name}: channel {other!r} not found"
        assert _norm(label) in compact, f"{name}: channel label {label!r} not found"
    for title in data["attachments"]:
        assert _norm(title) in compact, f"{name}: attachment {title!r} not found"

    chrome_lines = {
        number for number, line in enumerate(lines, start=1) if line.strip() in data["chrome"]
    }
    spared: dict[int, list[str]] = {}
    for exception in data["exceptions"]:
        assert set(exception) == {"line", "text", "why"}, f"{name}: exception {exception}"
        number = exception["line"]
        assert 1 < number <= len(lines), f"{name}: exception line {number} out of range"
        assert str(exception["text"]) in lines[number - 1], (
            f"{name}: exception {exception['text']!r} not on line {number}"
        )
        assert exception["why"], name
        spared.setdefault(number, []).append(str(exception["text"]))

    counted: dict[int, int] = {}
    for defect in data["defects"]:
        number, kind = defect["line"], defect["kind"]
        assert kind in KINDS, f"{name}: unknown kind {kind!r}"
        assert 1 < number <= len(lines), f"{name}: defect line {number} out of range"
        assert str(defect["text"]) in lines[number - 1], (
            f"{name}: defect {defect['text']!r} not on line {number}: {lines[number - 1]!r}"
        )
        assert number not in chrome_lines, f"{name}: defect on chrome line {number}"
        if kind == "other":
            assert defect.get("why"), f"{name}: kind other needs a why (line {number})"
        if kind == "half_width_punctuation":
            assert defect["text"] in HALF_WIDTH, f"{name}: line {number}"
            assert number not in counted, f"{name}: two half-width entries for line {number}"
            counted[number] = defect["count"]

    for number, line in enumerate(lines, start=1):
        if (source.suffix == ".txt" and number == 1) or number in chrome_lines:
            continue
        actual = _half_width_count(line, spared.get(number, []))
        assert counted.get(number, 0) == actual, (
            f"{name}: line {number} has {actual} half-width marks, "
            f"expected says {counted.get(number, 0)}: {line!r}"
        )


def _make_docx() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_make_docx", CORPUS / "make_docx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_committed_docx_files_are_what_the_script_writes(tmp_path: Path) -> None:
    module = _make_docx()
    written = module.write_all(tmp_path)
    assert len(written) >= 3
    for path in written:
        committed = CORPUS / path.name
        assert committed.exists(), f"{path.name} is not committed"
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} differs from script"


def test_the_script_is_deterministic(tmp_path: Path) -> None:
    module = _make_docx()
    first = {p.name: p.read_bytes() for p in module.write_all(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in module.write_all(tmp_path / "b")}
    assert first == second


def test_the_docx_notices_are_typed_not_styled() -> None:
    """Headings by direct run formatting, typed ordinals, manual breaks in titles, WPS indents."""
    docx_files = sorted(CORPUS.glob("*.docx"))
    breaks = indents_in_chars = 0
    for path in docx_files:
        document = docx.Document(str(path))
        styles = {p.style.name for p in document.paragraphs if p.style is not None}
        assert styles <= {"Normal"}, f"{path.name} uses paragraph styles {styles}"
        body = document.element.body
        breaks += len(body.findall(".//" + qn("w:br")))
        indents_in_chars += sum(
            1 for ind in body.iter(qn("w:ind")) if ind.get(qn("w:firstLineChars")) is not None
        )
        fonts = {
            f.get(qn("w:eastAsia")) for f in body.iter(qn("w:rFonts")) if f.get(qn("w:eastAsia"))
        }
        assert {"黑体", "楷体_GB2312"} & fonts, f"{path.name}: no heading font set on runs"
        texts = [p.text for p in document.paragraphs]
        assert any(re.match(r"[一二三四]、", t) for t in texts), f"{path.name}: no typed 一、"
    assert breaks >= 2
    assert indents_in_chars > 0
