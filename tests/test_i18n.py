"""Every message a user sees goes through the catalogs, and every message has its English form."""

from __future__ import annotations

import argparse
import ast
import subprocess
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from gongwen import i18n
from gongwen.i18n import _, language_from_environment, use_language
from tests.conftest import gongwen_command
from tools import i18n as catalogs

SRC = Path(__file__).resolve().parents[1] / "src" / "gongwen"


def test_every_message_has_its_english_form() -> None:
    """The English catalog holds every message of the code, translated, with the same
    placeholders, and nothing the code no longer says (``python -m tools.i18n update``)."""
    assert catalogs.check() == []


def test_argparse_words_have_chinese_forms() -> None:
    """Every word of the running Python's argparse has its Chinese form, so ``--help`` and
    usage errors are Chinese by default."""
    wanted = {
        m if isinstance(m, str) else m[0]
        for _line, m, _comments, _ctx in extract_from_file(
            "python", argparse.__file__, keywords={"_": None, "ngettext": (1, 2)}
        )
    }
    have = catalogs.read_catalog(catalogs.ARGPARSE_ZH, "zh")
    missing = [w for w in sorted(wanted) if not (have.get(w) and have.get(w).string)]  # type: ignore[union-attr]
    assert not missing


# Calls that take a message a user reads, and where: (positional index, keyword names).
SINKS: dict[str, tuple[int | None, tuple[str, ...]]] = {
    "Finding": (2, ("message",)),
    "finding": (1, ("message",)),
    "single": (1, ("message",)),  # InputError.single
    "Hit": (0, ("message",)),
    "add_argument": (None, ("help",)),
    "add_parser": (None, ("help", "description")),
    "add_argument_group": (0, ("title", "description")),
    "add_subparsers": (None, ("title", "description", "help")),
    "ArgumentParser": (None, ("description", "epilog")),
}
EXCEPTIONS = ("Error", "Exception", "Exit")
"""Raising one of these with a literal message is raising a message nobody translated."""
MESSAGE_ARGUMENT = {"PydanticCustomError": 1}
"""Exceptions whose message is not their first argument (pydantic's: the error type first)."""


def _has_words(node: ast.expr) -> bool:
    """Whether ``node`` is literal text with letters in it (not a translated call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return _has_words(node.func.value)
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def untranslated(path: Path, root: Path = SRC) -> list[str]:
    """The literal messages in ``path`` that do not go through the catalog, as
    ``file:line`` with the file relative to ``root``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        args: list[ast.expr] = []
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in SINKS:
                index, keywords = SINKS[name]
                if index is not None and len(node.args) > index:
                    args.append(node.args[index])
                args += [k.value for k in node.keywords if k.arg in keywords]
            elif name == "print" and path.parent.name == "cli":
                args += node.args
        elif (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and _name(node.exc.func).endswith(EXCEPTIONS)
            and len(node.exc.args) > MESSAGE_ARGUMENT.get(_name(node.exc.func), 0)
        ):
            args.append(node.exc.args[MESSAGE_ARGUMENT.get(_name(node.exc.func), 0)])
        out += [f"{path.relative_to(root)}:{a.lineno}" for a in args if _has_words(a)]
    return out


def test_every_message_goes_through_the_catalog() -> None:
    """No finding, input error, exception, help text or CLI line is a bare literal: each is
    written inside ``_()`` (or ``N_()`` where it is defined), so it has an English form."""
    found = [line for path in sorted(SRC.rglob("*.py")) for line in untranslated(path)]
    assert not found


def test_the_lint_sees_a_bare_message(tmp_path: Path) -> None:
    """The lint above would notice a message that skipped the catalog, and passes one that
    went through it."""
    bare = tmp_path / "bare.py"
    bare.write_text(
        'raise InputError.single("IN001", "找不到文件")\n'
        'yield Hit(f"第{n}行有误", unit)\n'
        'raise ValueError("not a date")\n',
        encoding="utf-8",
    )
    kept = tmp_path / "kept.py"
    kept.write_text(
        'raise InputError.single("IN001", _("找不到文件"))\n'
        'yield Hit(_("第{n}行有误").format(n=n), unit)\n',
        encoding="utf-8",
    )
    assert sorted(untranslated(bare, tmp_path)) == ["bare.py:1", "bare.py:2", "bare.py:3"]
    assert untranslated(kept, tmp_path) == []


def test_the_language_follows_the_locale() -> None:
    assert language_from_environment({"LANG": "en_US.UTF-8"}) == "en"
    assert language_from_environment({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"
    assert language_from_environment({"LANG": "C.UTF-8"}) == "zh"
    assert language_from_environment({"LANG": "POSIX"}) == "zh"
    assert language_from_environment({"LANGUAGE": "de:en_GB", "LANG": "de_DE"}) == "en"
    assert language_from_environment({"GONGWEN_LANG": "en", "LANG": "zh_CN"}) == "en"


def test_a_message_in_english_and_back() -> None:
    assert _("错误") == "错误"
    with use_language("en"):
        assert _("错误") == "error"
        with use_language("zh"):
            assert _("错误") == "错误"
        assert _("错误") == "error"
    assert _("错误") == "错误"


def test_a_source_checkout_compiles_the_catalog_in_memory(tmp_path: Path) -> None:
    """Without a built ``.mo`` the ``.po`` is compiled on first use; a built one is preferred."""
    assert not (i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "gongwen.mo").exists()
    written = catalogs.compile_all(tmp_path)
    assert {p.relative_to(tmp_path).as_posix() for p in written} >= {
        "en/LC_MESSAGES/gongwen.mo",
        "zh/LC_MESSAGES/argparse.po".replace(".po", ".mo"),
    }
    import gettext

    with (tmp_path / "en" / "LC_MESSAGES" / "gongwen.mo").open("rb") as stream:
        built = gettext.GNUTranslations(stream)
    assert built.gettext("警告") == "warning"


def _gongwen(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The command with ``env`` as the locale and neither GONGWEN_LANG nor LANGUAGE set."""
    return gongwen_command(*args, env={"GONGWEN_LANG": "", "LANGUAGE": "", **env})


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "en_US.UTF-8", "LC_ALL": ""}, "show the version and exit"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "显示版本号并退出"),
        ({"LANG": "C.UTF-8", "LC_ALL": ""}, "显示版本号并退出"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "", "GONGWEN_LANG": "en"}, "show the version"),
    ],
)
def test_the_command_speaks_the_locale(env: dict[str, str], expected: str) -> None:
    result = _gongwen("--help", env=env)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_lang_option_wins_over_the_locale() -> None:
    result = _gongwen("--lang", "en", "--help", env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    assert "show the version and exit" in result.stdout
    assert "usage:" in result.stdout
    result = _gongwen("--lang", "zh", "--help", env={"LANG": "en_US.UTF-8", "LC_ALL": ""})
    assert "用法：" in result.stdout
    assert "选项" in result.stdout


def test_argparse_errors_are_chinese_by_default() -> None:
    result = _gongwen("--no-such-option", env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert result.returncode == 2
    assert "错误" in result.stderr
    assert "unrecognized" not in result.stderr


def test_main_gives_argparse_its_words_back() -> None:
    from gongwen.cli import main

    with pytest.raises(SystemExit):
        main(["--version"])
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def _binds_underscore(tree: ast.Module) -> list[int]:
    """Lines where ``_`` is assigned, looped over or bound by ``with``/``except``/``import``."""
    lines = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
    ]
    return lines


def test_no_module_shadows_the_message_function() -> None:
    """A module that imports ``_`` from gongwen.i18n never uses ``_`` as a throwaway name
    (``head, _, tail = ….partition(…)``), which would make its messages a ``str`` call."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = any(
            isinstance(node, ast.ImportFrom)
            and node.module == "gongwen.i18n"
            and any(alias.name == "_" and alias.asname is None for alias in node.names)
            for node in ast.walk(tree)
        )
        if imports:
            found += [f"{path.relative_to(SRC)}:{line}" for line in _binds_underscore(tree)]
    assert not found
