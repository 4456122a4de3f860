"""Field paths: parse_path is format_path's inverse, for any location."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gongwen.fieldpath import FieldPath, format_path, parse_path

_keys = st.text(st.characters(exclude_characters=".[]", exclude_categories=("Cs",)), min_size=1)
_locations = st.lists(st.one_of(_keys, st.integers(min_value=0, max_value=10**6))).map(tuple)


@given(_locations)
def test_parse_inverts_format(loc: FieldPath) -> None:
    # A path cannot start with an index (a notice is a mapping), so one is put before it.
    loc = ("body", *loc)
    assert parse_path(format_path(loc)) == loc


def test_the_forms_the_loader_and_the_checker_write() -> None:
    assert format_path(("body", 0, "section", "body", 2, "problem", "measures", 1)) == (
        "body[0].section.body[2].problem.measures[1]"
    )
    assert parse_path("contact.others[3].value") == ("contact", "others", 3, "value")
