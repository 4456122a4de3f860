"""The checker carries no line classifier of its own: the recogniser is the only one.

A regular expression under ``gongwen/check`` that recognises a measure label (整改情况 …) or a
heading ordinal (一、 （一）) in a line, or a function named like a classifier,
is a second classifier and fails this test. Rules may still look for damage inside the text of
a unit the recogniser classified (that is what they are for): the 问题N regex of
``rules/ordinals.py`` reads the colon of a unit the view already calls a problem.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import gongwen.check
from gongwen.recognise.labels import LABELS

CHECK = Path(gongwen.check.__file__).parent
_RE_FUNCTIONS = {"compile", "match", "fullmatch", "search", "finditer", "findall", "sub", "split"}
_HEADING_PATTERNS = (
    re.compile(r"\[[^\]]*一二三[^\]]*\]\+?\)?、"),  # [一二三…]+、  a level-1 ordinal
    re.compile(r"\[\(（\][^\n]*一二三"),  # [(（] then numerals: a level-2 ordinal
    re.compile(r"\{NUMERALS\}\]\+\)?\[\)）\]"),  # {NUMERALS}]+)[)）]
)


def _pattern_text(node: ast.expr) -> str:
    """The literal parts of a (possibly f-) string expression."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            elif isinstance(value, ast.FormattedValue):
                parts.append("{" + ast.unparse(value.value) + "}")
        return "".join(parts)
    if isinstance(node, ast.BinOp):
        return _pattern_text(node.left) + _pattern_text(node.right)
    return ""


def _regex_patterns(tree: ast.AST) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _RE_FUNCTIONS
            and node.args
        ):
            out.append((node.lineno, _pattern_text(node.args[0])))
    return out


def second_classifiers(source: str) -> list[str]:
    """What in ``source`` (a module of the checker) classifies lines on its own."""
    tree = ast.parse(source)
    found = []
    for line, pattern in _regex_patterns(tree):
        labels = [label for label in LABELS if label in pattern]
        if labels:
            found.append(f"line {line}: a regex for the label {labels[0]}")
        if any(p.search(pattern) for p in _HEADING_PATTERNS):
            found.append(f"line {line}: a regex for heading ordinals")
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and re.fullmatch(
            r"_?(classify\w*|scan_heading|parse_heading\w*|parse_label|\w*title_candidate)",
            node.name,
        ):
            found.append(f"line {node.lineno}: function {node.name}")
        if (
            isinstance(node, ast.Assign)
            and any(
                isinstance(t, ast.Name) and t.id in ("MEASURE_LABELS", "LABELS")
                for t in node.targets
            )
            and isinstance(node.value, ast.Tuple | ast.List | ast.Set | ast.Dict)
        ):
            found.append(f"line {node.lineno}: a list of labels of its own")
    return found


def test_the_checker_has_no_classifier_of_its_own() -> None:
    offenders = {
        str(path.relative_to(CHECK)): found
        for path in sorted(CHECK.rglob("*.py"))
        if (found := second_classifiers(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_lint_sees_a_second_classifier() -> None:
    """The lint would catch what the checker used to carry (so the test above can fail)."""
    old_view = """
import re
MEASURE_LABELS = ("整改情况", "整改措施", "完成情况")
_LABEL = re.compile(rf"({'|'.join(MEASURE_LABELS)})\\\\s*[：:]|整改情况$")
_LOST_OPEN = re.compile(rf"([{NUMERALS}]+)[)）]\\\\s*")
_LEVEL1 = re.compile(r"[一二三四五六七八九十]+、")
def scan_heading(line): ...
"""
    found = second_classifiers(old_view)
    assert len(found) == 5, found


def test_one_code_a_defect_from_the_reader_and_the_checker() -> None:
    """The same damaged text gets the same code from ``gongwen parse`` and ``gongwen check``."""
    from gongwen.check import check_text
    from gongwen.i18n import use_language
    from gongwen.read import read_text
    from gongwen.read.codes import CODES
    from gongwen.recognise.defects import DEFECTS, RETIRED

    text = (
        "关于巡察整改情况的通报\n\n一、整改情况\n问题1：学习不够。\n整改情况：\n一是加强学习。\n"
        "三是完善制度。\n问题3：制度不全。\n三、下一步打算\n继续推进整改。\n"
    )
    read_codes = {f.code for f in read_text(text).findings}
    check_codes = {f.code for f in check_text(text)}
    for name in ("measure-sequence", "problem-sequence", "heading-gap"):
        code = DEFECTS[name].code
        assert code in read_codes and code in check_codes, name
    assert not read_codes & set(RETIRED)
    assert all("已停用" in CODES[code].meaning for code in RETIRED)
    with use_language("en"):
        assert all("retired" in CODES[code].meaning for code in RETIRED)


def test_unrepaired_damage_gets_the_checkers_code_from_the_reader_too() -> None:
    from gongwen.check import check_text
    from gongwen.read import read_text

    text = (
        "关于巡察整改情况的通报\n\n区委第巡察组于2022111日对街道开展巡察，反馈了3个问题。\n"
        "一、整改情况\n问题1：学习不够。\n问题2：制度不全。\n"
    )
    wanted = {"GW110", "GW202", "GW505"}  # 第 without numeral, a count, a date of two readings
    assert wanted <= {f.code for f in read_text(text).findings}
    assert wanted <= {f.code for f in check_text(text)}
