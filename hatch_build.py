"""Build hook: compile the message catalogs (``src/gongwen/locale/**/*.po``) into ``.mo`` files
inside the wheel, so an installed gongwen reads them with the standard library's gettext.

An editable install skips this: :mod:`gongwen.i18n` compiles a ``.po`` in memory when it finds
no ``.mo``, so a source checkout never holds a compiled file that could go stale.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every catalog and add the ``.mo`` files to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        locale = Path(self.root) / "src" / "gongwen" / "locale"
        out = Path(tempfile.mkdtemp(prefix="gongwen-mo-"))
        for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to(locale).with_suffix(".mo")
            with po.open("rb") as stream:
                catalog = read_po(stream, locale=po.parents[1].name)
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as stream:
                write_mo(stream, catalog)
            build_data["force_include"][str(target)] = f"gongwen/locale/{relative.as_posix()}"
