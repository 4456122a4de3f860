"""The public surface: what ``gongwen`` exports, what importing it costs, ``__all__`` everywhere."""

from __future__ import annotations

import ast
import enum
import importlib
import importlib.metadata
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

import gongwen
import gongwen.batch
from gongwen.i18n import use_language
from tests.conftest import ROOT

SRC = ROOT / "src" / "gongwen"
HEAVY = ("lxml", "ruamel", "docx", "openpyxl", "tomlkit")


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()}


@pytest.mark.parametrize("statement", ["import gongwen", "import gongwen.model"])
def test_importing_the_model_is_light(statement: str) -> None:
    loaded = _modules_after(statement)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_a_public_name_loads_its_module_on_first_use() -> None:
    loaded = _modules_after("import gongwen; gongwen.render_bytes")
    assert "lxml" in loaded  # the laziness is real: the renderer's dependency comes with it


def test_every_exported_name_resolves() -> None:
    for name in gongwen.__all__:
        assert getattr(gongwen, name) is not None, name
    assert set(gongwen.__all__) <= set(dir(gongwen))
    with pytest.raises(AttributeError, match="没有名为“nothing”的属性"):
        _ = gongwen.nothing  # type: ignore[attr-defined]
    with use_language("en"), pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = gongwen.nothing  # type: ignore[attr-defined]


def _types_in(annotation: object) -> set[type]:
    """The classes (models and enums) an annotation names, through unions, lists, Annotated."""
    found: set[type] = set()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel | enum.Enum):
        found.add(annotation)
    for arg in typing.get_args(annotation):
        found |= _types_in(arg)
    if isinstance(annotation, types.GenericAlias | types.UnionType):
        for arg in annotation.__args__:
            found |= _types_in(arg)
    value = getattr(annotation, "__value__", None)  # a TypeAliasType
    if value is not None:
        found |= _types_in(value)
    return found


def test_every_type_of_a_public_field_is_exported() -> None:
    seen: set[type] = set()
    todo: list[type] = [gongwen.Notice]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        if issubclass(cls, BaseModel):
            for info in cls.model_fields.values():
                todo.extend(_types_in(info.annotation) - seen)
    assert {gongwen.SecrecyLevel, gongwen.RectificationStatus, gongwen.Presentation} <= seen
    missing = sorted(c.__name__ for c in seen if getattr(gongwen, c.__name__, None) is not c)
    assert not missing


def test_the_function_render_does_not_shadow_a_package() -> None:
    writer = importlib.import_module("gongwen.write")
    assert callable(gongwen.render) and not isinstance(gongwen.render, types.ModuleType)
    assert writer.render_bytes is gongwen.render_bytes


def test_the_version_is_the_packages() -> None:
    assert gongwen.__version__ == importlib.metadata.version("gongwen")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '\nversion = "' not in pyproject  # one place: src/gongwen/_version.py


def test_batch_exports_its_api_only() -> None:
    for name in gongwen.batch.__all__:
        value = getattr(gongwen.batch, name)
        assert not name.startswith("_") and value.__doc__, name
    assert not {"entries", "resolve", "make_report", "shared_parts"} & set(gongwen.batch.__all__)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(SRC.rglob("*.py")) if p.name != "__main__.py"],
    ids=lambda p: p.relative_to(SRC).as_posix(),
)
def test_every_module_declares_all(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    declared = [
        node
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and any(
            isinstance(t, ast.Name) and t.id == "__all__"
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
    ]
    assert declared, f"{path.relative_to(SRC)} has no __all__"
    module = importlib.import_module(_module_name(path))
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert not missing


def test_every_public_name_is_in_the_glossary() -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    names = [*gongwen.__all__, *gongwen.batch.__all__]
    missing = [name for name in names if f"`{name}`" not in glossary]
    assert not missing
