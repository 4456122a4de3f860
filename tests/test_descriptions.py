"""Every model field says what it is — the standard's Chinese term, then its English meaning —
and help(), the JSON Schema (``gongwen schema``) and so editors show it."""

from __future__ import annotations

import contextlib
import doctest
import inspect
import io
import json
import pydoc
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic import BaseModel

import gongwen
import gongwen.batch.ledger
import gongwen.batch.spec
import gongwen.model
from gongwen.cli import main

GLOSSARY = Path(__file__).resolve().parents[1] / "docs" / "glossary.md"

CJK = re.compile(r"[\u3400-\u9fff]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
TERM_FIRST = re.compile(r"^[\u3400-\u9fff][^ ]* — \S")
"""A Chinese term (no spaces: 出席、请假、列席 is one), an em dash, then the meaning."""


def _models(module: ModuleType) -> list[type[BaseModel]]:
    return [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, BaseModel)
        and obj.__module__ == module.__name__
        and obj.model_fields
    ]


MODELS = sorted(
    {
        model
        for module in (gongwen.model, gongwen.batch.spec, gongwen.batch.ledger)
        for model in _models(module)
    },
    key=lambda model: model.__qualname__,
)
FIELDS = [(model, name) for model in MODELS for name in model.model_fields]


def test_the_walk_finds_the_models() -> None:
    names = {model.__name__ for model in MODELS}
    assert {"Notice", "Header", "Signature", "Table", "Batch", "Community", "LedgerSpec"} <= names
    assert len(FIELDS) >= 90


@pytest.mark.parametrize(("model", "name"), FIELDS, ids=[f"{m.__name__}.{n}" for m, n in FIELDS])
def test_every_field_has_a_chinese_term_then_an_english_meaning(
    model: type[BaseModel], name: str
) -> None:
    description = model.model_fields[name].description
    assert description, f"{model.__name__}.{name} has no description"
    assert CJK.search(description) and ENGLISH_WORD.search(description), description
    assert TERM_FIRST.match(description), description


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_every_model_docstring_starts_with_its_term_then_lists_its_fields(
    model: type[BaseModel],
) -> None:
    assert model.__doc__
    assert TERM_FIRST.match(model.__doc__), model.__doc__.splitlines()[0]
    text = pydoc.render_doc(model, renderer=pydoc.plaintext)
    top = _before_the_internals(text)
    for name, info in model.model_fields.items():
        assert re.search(rf"^\s*{name}: \S", top, re.MULTILINE), f"{name} not in help()"
        assert _joined(str(info.description)) in _joined(top), f"{name}'s description"


def _before_the_internals(text: str) -> str:
    """help()'s text up to the method resolution order, its lines joined without the gutter."""
    head = text.split("Method resolution order:")[0]
    return "\n".join(line.removeprefix(" |  ") for line in head.splitlines())


def _joined(text: str) -> str:
    return " ".join(text.split())


def test_help_on_notice_shows_every_field_and_its_meaning_near_the_top() -> None:
    lines = pydoc.render_doc(gongwen.Notice, renderer=pydoc.plaintext).splitlines()
    top = _joined(" ".join(line.removeprefix(" |  ") for line in lines[:60]))
    assert "主送机关" in top
    for name, info in gongwen.Notice.model_fields.items():
        assert f"{name}: " in top
        assert _joined(str(info.description)) in top, name


def test_the_fields_section_shows_types_and_defaults_as_written() -> None:
    doc = str(gongwen.model.Table.__doc__)
    assert "    widths: list[float] | None = None\n" in doc
    assert "    header: list[list[HeaderCell]] = []\n" in doc
    assert "    title: Line\n" in str(gongwen.model.Attachment.__doc__)
    assert "    presentation: Presentation = Presentation()\n" in str(gongwen.Notice.__doc__)


def test_the_docstrings_examples_still_run_after_the_fields_section() -> None:
    # The Fields section is appended after the examples; doctest must still find them.
    examples = [
        example
        for test in doctest.DocTestFinder().find(gongwen.model.Notice)
        for example in test.examples
    ]
    assert any("关于做好巡察整改的通知" in example.source for example in examples)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    capture = io.StringIO()
    with contextlib.redirect_stdout(capture):
        assert main(["schema"]) == 0
    result: dict[str, Any] = json.loads(capture.getvalue())
    return result


def _properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, value in (node.get("properties") or {}).items():
            found.append((f"{path}.{name}", value))
        for key, value in node.items():
            found += _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _properties(value, f"{path}[{index}]")
    return found


def test_the_schema_describes_every_property(schema: dict[str, Any]) -> None:
    properties = _properties(schema)
    # every field of the notice model is a property somewhere (plus the one-key wrappers)
    assert len(properties) >= sum(1 for m, _ in FIELDS if m.__module__ == "gongwen.model")
    for path, value in properties:
        description = value.get("description", "")
        assert CJK.search(description) and ENGLISH_WORD.search(description), path


def test_the_schema_carries_the_models_field_descriptions(schema: dict[str, Any]) -> None:
    assert schema["properties"]["addressees"]["description"] == (
        gongwen.Notice.model_fields["addressees"].description
    )
    urgency = schema["$defs"]["Header"]["properties"]["urgency"]
    assert urgency["description"] == gongwen.model.Header.model_fields["urgency"].description
    formats = schema["$defs"]["Presentation"]["properties"]["format"]
    assert formats["enum"] == ["standard", "letter", "order", "minutes"]
    assert formats["description"].startswith("公文格式 — ")


def test_every_definition_is_described_by_its_summary(schema: dict[str, Any]) -> None:
    described = {"gongwen notice": schema, **schema["$defs"]}
    for name, definition in described.items():
        description = definition.get("description", "")
        assert TERM_FIRST.match(description), name
        assert ">>>" not in description and "Fields (字段" not in description, name
    assert schema["$defs"]["SecrecyLevel"]["description"].startswith("密级 — ")


def _glossary_api_terms() -> dict[str, str]:
    """The public API table of the glossary: name → 术语."""
    table = GLOSSARY.read_text(encoding="utf-8").split("## The public API", 1)[1]
    terms = {}
    for match in re.finditer(r"^\| `(\w+)` \| ([^|]+?) \|", table, re.MULTILINE):
        terms[match[1]] = match[2].strip()
    return terms


def test_each_public_model_starts_with_the_glossarys_term() -> None:
    """The 术语 the glossary gives a model or enum of the notice is the one its docstring uses."""
    terms = _glossary_api_terms()
    checked = 0
    for name, term in terms.items():
        obj = getattr(gongwen, name, None)
        if inspect.isclass(obj) and obj.__module__ == "gongwen.model" and obj.__doc__:
            assert obj.__doc__.startswith(f"{term} — "), (name, term)
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_call_reads_as_the_fields_are_written(model: type[BaseModel]) -> None:
    """help() opens with the call as the source writes it — every field by name, with its
    type and default — not pydantic's expansion of each validator."""
    signature = inspect.signature(model)
    assert list(signature.parameters) == [
        info.alias or name for name, info in model.model_fields.items()
    ]
    shown = str(signature)
    assert "function" not in shown and "Validator" not in shown and "FieldInfo" not in shown
    for name, info in model.model_fields.items():
        parameter = signature.parameters[info.alias or name]
        assert (parameter.default is inspect.Parameter.empty) == info.is_required()
    opening = pydoc.render_doc(model, renderer=pydoc.plaintext).splitlines()[3]
    assert opening.lstrip(" |").startswith(f"{model.__name__}(*,") and len(opening) < 700
