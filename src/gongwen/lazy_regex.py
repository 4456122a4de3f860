"""Regular expressions compiled on first use, so that importing a module costs no compiling.

Python's ``re`` compiles a character class of CJK ranges (``[㐀-䶿一-鿿]``) by walking
every code point in them, about 1–2 ms a pattern; gongwen's recogniser and checker hold over
a hundred module-level patterns, and a run uses only the ones its text reaches — ``gongwen
render`` of the minimal example 28 of the 84 its modules hold. A :class:`LazyPattern` stands
where the compiled pattern stood (``_X = lazy_compile(r"…")``), with the same methods, and
compiles the first time one is called; the compiled pattern is kept, so later calls cost one
attribute look-up more than a plain :class:`re.Pattern`.

>>> HAN = lazy_compile(r"[㐀-䶿一-鿿]+")
>>> HAN.compiled_yet
False
>>> HAN.findall("2023年第3号")
['年第', '号']
>>> HAN.compiled_yet
True
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["LazyPattern", "lazy_compile"]

Replacement = str | Callable[[re.Match[str]], str]


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A :class:`re.Pattern` of ``str`` compiled on the first call of one of its methods.

    Once compiled, the compiled pattern's own methods are set on the instance, in front of the
    class's: later calls go straight to them, as fast as calls on a plain pattern.
    """

    __slots__ = ("__dict__", "_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        """The source of the regular expression, as given."""
        self.flags = flags
        """The flags given (``re.M``, …), without the ones ``re`` adds (``re.U``)."""
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern, compiled now if it was not yet."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:  # in front of the methods below, which only compile
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    @property
    def compiled_yet(self) -> bool:
        """Whether a method has been called (and the pattern compiled)."""
        return self._compiled is not None

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """:meth:`re.Pattern.search`."""
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """:meth:`re.Pattern.match`."""
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """:meth:`re.Pattern.fullmatch`."""
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """:meth:`re.Pattern.finditer`."""
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        """:meth:`re.Pattern.findall`: strings, or tuples of them for several groups."""
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: Replacement, string: str, count: int = 0) -> str:
        """:meth:`re.Pattern.sub`."""
        return self.compiled.sub(repl, string, count)

    def subn(self, repl: Replacement, string: str, count: int = 0) -> tuple[str, int]:
        """:meth:`re.Pattern.subn`."""
        return self.compiled.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """:meth:`re.Pattern.split` (a group that took no part is None, as there)."""
        return self.compiled.split(string, maxsplit)

    def __repr__(self) -> str:
        flags = f", {self.flags}" if self.flags else ""
        return f"lazy_compile({self.pattern!r}{flags})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern like ``re.compile(pattern, flags)``'s, compiled when first used.

    >>> DIGITS = lazy_compile(r"\\d+")
    >>> DIGITS.sub("N", "第12号"), DIGITS.pattern
    ('第N号', '\\\\d+')
    """
    return LazyPattern(pattern, flags)
