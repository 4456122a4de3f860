"""docs/checks.md documents every rule (generated from the registry) and the JSON shape."""

from __future__ import annotations

import re
from pathlib import Path

from gongwen.check import RULES
from gongwen.findings import FINDING_KEYS
from tools import update_checks_doc

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")


def test_rule_reference_is_the_registry_s() -> None:
    assert update_checks_doc.splice(DOC, update_checks_doc.reference()) == DOC, (
        "run python tools/update_checks_doc.py"
    )


def test_every_code_has_a_section_with_a_bad_and_a_good_example() -> None:
    for rule in RULES:
        section = DOC.split(f"### {rule.code}\n", 1)[1].split("\n### ", 1)[0]
        assert "Reported:" in section and "Not reported:" in section
        assert rule.bad.strip().splitlines()[0] in section


def test_documented_codes_are_exactly_the_registered_ones() -> None:
    documented = set(re.findall(r"^### (GW\d{3})$", DOC, flags=re.M))
    assert documented == {rule.code for rule in RULES}


def test_json_keys_are_documented_in_order() -> None:
    table = re.findall(r"^\| `(\w+)` \| ", DOC, flags=re.M)
    assert tuple(table) == FINDING_KEYS
