"""Which rules run, at what level: gongwen.toml [check], pyproject.toml [tool.gongwen.check].

As ruff does, the configuration of a file is found by walking up from the file's folder: the
first folder with a gongwen.toml that has a ``[check]`` table, or a pyproject.toml that has a
``[tool.gongwen.check]`` table, gives it (gongwen.toml first when a folder has both)::

    [tool.gongwen.check]
    select = ["GW"]              # code prefixes to run; "ALL" or "GW" is every rule
    ignore = ["GW402", "GW8"]    # code prefixes to leave out
    fail-level = "warning"       # `gongwen check` exits 1 at or above this level
    [tool.gongwen.check.levels]
    GW402 = "warning"            # per-rule (or per-prefix) level

Between ``select`` and ``ignore`` the longer (more specific) matching prefix wins; at equal
length ``ignore`` wins.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gongwen.check.registry import Rule
from gongwen.check.rules import RULES
from gongwen.check.rules.title_lines import PAGE_RULES
from gongwen.findings import InputError, Level
from gongwen.i18n import _
from gongwen.lazy_regex import lazy_compile

CODE_CONFIG = "CF001"
"""Stable code of a configuration error (exit status 2)."""

CONFIG_FILES = ("gongwen.toml", "pyproject.toml")
"""Looked for in each folder, in this order."""

_KEYS = frozenset({"select", "ignore", "levels", "fail-level"})
_SELECTOR = lazy_compile(r"GW[0-9]{0,3}")


@dataclass(frozen=True)
class CheckConfig:
    """The rules to run and their levels.

    >>> CheckConfig(ignore=("GW3",)).enabled("GW301"), CheckConfig().enabled("GW301")
    (False, True)
    >>> CheckConfig(select=("GW301",), ignore=("GW3",)).enabled("GW301")
    True
    """

    select: tuple[str, ...] = ("GW",)
    ignore: tuple[str, ...] = ()
    levels: Mapping[str, Level] = field(default_factory=dict)
    fail_level: Level = Level.WARNING
    source: str | None = None
    """The file it was read from; None for the defaults."""

    def enabled(self, code: str) -> bool:
        """Whether the rule with ``code`` runs."""
        return _match(self.select, code) > _match(self.ignore, code)

    def level(self, rule: Rule) -> Level:
        """The level of the rule's findings: the most specific override, else its default."""
        best = max((p for p in self.levels if rule.code.startswith(p)), key=len, default=None)
        return self.levels[best] if best is not None else rule.level

    def override(
        self,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        fail_level: Level | None = None,
    ) -> CheckConfig:
        """This configuration with command-line options applied: ``select`` replaces, ``ignore``
        adds to it."""
        changes: dict[str, Any] = {}
        if select:
            changes["select"] = _selectors(select, "--select", None)
        if ignore:
            changes["ignore"] = self.ignore + _selectors(ignore, "--ignore", None)
        if fail_level is not None:
            changes["fail_level"] = fail_level
        return replace(self, **changes)


def _match(prefixes: Iterable[str], code: str) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def _error(message: str, file: str | None) -> InputError:
    return InputError.single(CODE_CONFIG, message, file=file)


def _selectors(values: object, key: str, file: str | None) -> tuple[str, ...]:
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        message = _('{key} 应为规则代码或代码前缀的列表，如 ["GW1", "GW301"]').format(key=key)
        raise _error(message, file)
    out = []
    for value in values:
        code = value.strip().upper()
        if code == "ALL":
            code = ""
        elif not _SELECTOR.fullmatch(code) or not any(
            c.startswith(code) for c in (*(r.code for r in RULES), *PAGE_RULES)
        ):
            raise _error(
                _("{key}：没有以“{value}”开头的规则代码").format(key=key, value=value), file
            )
        out.append(code)
    return tuple(out)


def _level(value: object, key: str, file: str | None) -> Level:
    try:
        return Level(str(value))
    except ValueError:
        message = _("{key} 应为 info、warning 或 error，不能是“{value}”").format(
            key=key, value=value
        )
        raise _error(message, file) from None


def config_from_table(table: Mapping[str, Any], file: str | None = None) -> CheckConfig:
    """A configuration from the ``check`` table of a TOML file."""
    unknown = set(table) - _KEYS
    if unknown:
        # 译注：并列几项之间的顿号
        comma = _("、")
        message = _("未知的设置 {names}；可用的设置有 {settings}").format(
            names=comma.join(sorted(unknown)), settings=comma.join(sorted(_KEYS))
        )
        raise _error(message, file)
    config = CheckConfig(source=file)
    if "select" in table:
        config = replace(config, select=_selectors(table["select"], "select", file))
    if "ignore" in table:
        config = replace(config, ignore=_selectors(table["ignore"], "ignore", file))
    if "fail-level" in table:
        config = replace(config, fail_level=_level(table["fail-level"], "fail-level", file))
    if "levels" in table:
        levels = table["levels"]
        if not isinstance(levels, Mapping):
            raise _error(_("levels 应为由规则代码和级别组成的表"), file)
        parsed = {}
        for code, level in levels.items():
            (prefix,) = _selectors([code], "levels", file)
            parsed[prefix] = _level(level, f"levels.{code}", file)
        config = replace(config, levels=parsed)
    return config


def _table(path: Path) -> Mapping[str, Any] | None:
    """The check table of a configuration file, None if it has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(_("无法读取配置文件：{problem}").format(problem=exc), str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise _error(_("TOML 语法错误：{problem}").format(problem=exc), str(path)) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("gongwen", {}).get("check")
    else:
        table = data.get("check")
    if table is None:
        return None
    if not isinstance(table, Mapping):
        raise _error(_("check 设置应为一个表"), str(path))
    return table


def load_config(path: str | Path) -> CheckConfig:
    """The configuration in one file (gongwen.toml or pyproject.toml); defaults if it has none."""
    path = Path(path)
    table = _table(path)
    return config_from_table(table, str(path)) if table is not None else CheckConfig()


def find_config(start: str | Path) -> Path | None:
    """The configuration file that applies to ``start`` (a file or folder), or None."""
    try:
        here = Path(start).resolve()
    except (RuntimeError, OSError):  # a loop of symlinks: the reader reports it, not this
        here = Path(start).absolute()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and _table(path) is not None:
                return path
    return None


def discover_config(start: str | Path) -> CheckConfig:
    """The configuration that applies to ``start``, or the defaults."""
    path = find_config(start)
    return load_config(path) if path is not None else CheckConfig()


__all__ = [
    "CODE_CONFIG",
    "CONFIG_FILES",
    "CheckConfig",
    "config_from_table",
    "discover_config",
    "find_config",
    "load_config",
]
