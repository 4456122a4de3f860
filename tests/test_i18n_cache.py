"""The catalogs a source checkout compiles are kept in a cache: later starts skip Babel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongwen import i18n

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "options"
msgstr "{options}"
"""


def _po(folder: Path, options: str) -> Path:
    path = folder / "zh" / "LC_MESSAGES" / "argparse.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PO.format(options=options), encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(i18n.CACHE_DIR_VARIABLE, str(folder))
    return folder


def test_a_compiled_catalog_is_kept_and_read_back(tmp_path: Path, cache: Path) -> None:
    po = _po(tmp_path, "选项")
    assert i18n._translations_of(po).gettext("options") == "选项"
    (kept,) = (cache / "catalogs").iterdir()
    assert kept.name.startswith("zh-argparse-") and kept.suffix == ".mo"
    kept.write_bytes(kept.read_bytes().replace("选项".encode(), "缓存".encode()))
    assert i18n._translations_of(po).gettext("options") == "缓存"  # read from the cache


def test_an_edited_catalog_is_compiled_again(tmp_path: Path, cache: Path) -> None:
    po = _po(tmp_path, "选项")
    assert i18n._translations_of(po).gettext("options") == "选项"
    _po(tmp_path, "可选参数")
    assert i18n._translations_of(po).gettext("options") == "可选参数"
    assert len(list((cache / "catalogs").iterdir())) == 2


@pytest.mark.parametrize("damage", [b"", b"not a catalog at all", b"\xde\x12\x04\x95\x00"])
def test_a_damaged_cached_catalog_is_compiled_again(
    tmp_path: Path, cache: Path, damage: bytes
) -> None:
    po = _po(tmp_path, "选项")
    i18n._translations_of(po)
    (kept,) = (cache / "catalogs").iterdir()
    kept.write_bytes(damage)
    assert i18n._translations_of(po).gettext("options") == "选项"
    assert kept.read_bytes() != damage  # replaced by a good one


def test_an_unwritable_cache_still_translates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(i18n.CACHE_DIR_VARIABLE, str(blocker))
    assert i18n._translations_of(_po(tmp_path, "选项")).gettext("options") == "选项"


def test_the_second_start_of_the_command_does_not_import_babel(tmp_path: Path) -> None:
    code = (
        "import contextlib, io, sys\n"
        "from gongwen.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('babel' in sys.modules)\n"
    )
    env = {
        **os.environ,
        i18n.CACHE_DIR_VARIABLE: str(tmp_path),
        "GONGWEN_LANG": "zh",
    }
    if (i18n.LOCALE_DIR / "zh" / "LC_MESSAGES" / "argparse.mo").exists():
        pytest.skip("an installed gongwen reads its built catalogs and never needs Babel")
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]
    assert len(list((tmp_path / "catalogs").glob("zh-argparse-*.mo"))) == 1


def test_a_pipe_in_place_of_a_cached_catalog_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO where the cached catalog would be is compiled past, never read (it would hang)."""
    import os

    from gongwen import i18n

    monkeypatch.setenv("GONGWEN_CACHE_DIR", str(tmp_path))
    po = i18n.LOCALE_DIR / "zh" / "LC_MESSAGES" / "argparse.po"
    i18n._translations_of(po)  # fills the cache
    [cached] = (tmp_path / "catalogs").glob("zh-argparse-*.mo")
    cached.unlink()
    os.mkfifo(cached)
    found = i18n._translations_of(po)
    assert found.gettext("usage: ") == "用法："


def test_no_home_folder_means_no_cache_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no GONGWEN_CACHE_DIR, no XDG_CACHE_HOME and no home folder to be found (a service
    account, a bare container), the catalog is compiled each time."""
    from gongwen import i18n

    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("GONGWEN_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", nowhere)
    po = i18n.LOCALE_DIR / "zh" / "LC_MESSAGES" / "argparse.po"
    assert i18n._translations_of(po).gettext("usage: ") == "用法："
