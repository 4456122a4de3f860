"""Output file names from community names: pinyin slugs or sanitised Chinese, never a path.

The rule (documented in ``docs/batch.md``):

1. If the name ends in an administrative suffix (:data:`SUFFIXES`, longest first: 居民委员会,
   村民委员会, 居委会, 村委会, 办事处, 街道, 社区, 新村, 小区, 嘎查, 村, 镇, 乡) and something
   comes before it, the name is split there: 建新社区 → 建新 + 社区.
2. Each part is written in toneless pinyin (pypinyin, ü as ``v``) with its syllables joined:
   建新 → ``jianxin``; the parts are joined by a hyphen: ``jianxin-shequ``.
3. Everything is lower-cased; any run of characters other than ``a-z`` and ``0-9`` becomes one
   hyphen; hyphens at either end are dropped; the stem is cut to :data:`MAX_STEM` characters.
4. An empty stem becomes ``report``; a name Windows reserves (``con``, ``nul``, ``com1``, …)
   gets a trailing ``_``.
5. Equal stems (compared case-insensitively) are told apart in input order: the first keeps
   its stem, the next ones get ``-2``, ``-3``, … The stems ``manifest`` and ``merged`` are
   taken by the batch's own files.

``hanzi`` names keep the Chinese name, with path separators, ``<>:"|?*`` and control
characters (NUL among them) replaced by ``_``, and dots, spaces, ``_`` and ``-`` at either end
dropped. Either way
the result is a single file name: it can never name a folder or leave the output folder.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Literal

from gongwen.lazy_regex import lazy_compile

NameStyle = Literal["pinyin", "hanzi"]

SUFFIXES = (
    "居民委员会",
    "村民委员会",
    "居委会",
    "村委会",
    "办事处",
    "街道",
    "社区",
    "新村",
    "小区",
    "嘎查",
    "村",
    "镇",
    "乡",
)
"""Administrative suffixes that get a hyphen of their own, longest first."""

RESERVED_STEMS = frozenset({"manifest", "merged"})
"""Stems of the files a batch writes for itself (``manifest.json``, ``merged.docx``)."""

MAX_STEM = 80
"""At most this many characters in a stem (3 bytes each in UTF-8: well under 255 bytes)."""

_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
_NOT_SLUG = lazy_compile(r"[^a-z0-9]+")
_UNSAFE = lazy_compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_INVISIBLE = lazy_compile("[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
"""Invisible format characters, dropped from file names: a U+202E right-to-left override makes
a name show in an order it is not."""


def split_suffix(name: str) -> tuple[str, str]:
    """Split an administrative suffix off a name, when something comes before it.

    >>> split_suffix("建新社区")
    ('建新', '社区')
    >>> split_suffix("二七新村街道")
    ('二七新村', '街道')
    >>> split_suffix("二七新村")
    ('二七', '新村')
    >>> split_suffix("社区")
    ('社区', '')
    """
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def _pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin  # 0.4 s of phrase tables: load only when naming

    joined = "".join(lazy_pinyin(text, style=Style.NORMAL))
    return _NOT_SLUG.sub("-", joined.lower())


def _finish(stem: str, fallback: str = "report") -> str:
    stem = stem[:MAX_STEM].strip("-_ .")
    if not stem:
        return fallback
    if stem.casefold() in _WINDOWS_RESERVED:
        stem += "_"
    return stem


def pinyin_stem(name: str) -> str:
    """The pinyin file stem of a community name.

    >>> pinyin_stem("建新社区")
    'jianxin-shequ'
    >>> pinyin_stem("二七新村街道")
    'erqixincun-jiedao'
    >>> pinyin_stem("绿地社区")
    'lvdi-shequ'
    >>> pinyin_stem("A区建新社区（东）")
    'aqujianxinshequ-dong'
    >>> pinyin_stem("../../etc/passwd")
    'etc-passwd'
    >>> pinyin_stem("")
    'report'
    """
    name = unicodedata.normalize("NFKC", name).strip()
    stem, suffix = split_suffix(name)
    parts = [p for p in (_pinyin(stem).strip("-"), _pinyin(suffix).strip("-")) if p]
    return _finish("-".join(parts))


def hanzi_stem(name: str) -> str:
    """The community name as a file stem, with anything unsafe in a file name replaced.

    >>> hanzi_stem("建新社区")
    '建新社区'
    >>> hanzi_stem("../建新/社区")
    '建新_社区'
    >>> hanzi_stem("/etc/passwd")
    'etc_passwd'
    >>> hanzi_stem("a\\x00b")
    'a_b'
    >>> hanzi_stem("..")
    'report'
    """
    name = _INVISIBLE.sub("", unicodedata.normalize("NFC", name)).strip()
    stem = _UNSAFE.sub("_", name).lstrip(". ")
    stem = stem[:MAX_STEM].rstrip(". ")
    if not stem.strip("_"):
        return "report"
    return _finish(stem)


def file_stems(names: Iterable[str], style: NameStyle = "pinyin") -> list[str]:
    """One distinct stem per name, in input order; repeats get ``-2``, ``-3``, …

    >>> file_stems(["建新社区", "建新社区", "jianxin-shequ", "Merged"])
    ['jianxin-shequ', 'jianxin-shequ-2', 'jianxin-shequ-3', 'merged-2']
    >>> file_stems(["建新社区", "建新社区"], "hanzi")
    ['建新社区', '建新社区-2']
    """
    make = pinyin_stem if style == "pinyin" else hanzi_stem
    taken = {s.casefold() for s in RESERVED_STEMS}
    out: list[str] = []
    for name in names:
        base = make(name)
        stem, n = base, 1
        while stem.casefold() in taken:
            n += 1
            stem = f"{base}-{n}"
        taken.add(stem.casefold())
        out.append(stem)
    return out


def pinyin_key(name: str) -> tuple[str, str]:
    """The order of a merged volume: by toneless pinyin, then by the name itself.

    >>> sorted(["民生社区", "建新社区", "二七社区"], key=pinyin_key)
    ['二七社区', '建新社区', '民生社区']
    """
    from pypinyin import Style, lazy_pinyin

    return (" ".join(lazy_pinyin(name, style=Style.TONE3)), name)


__all__ = [
    "MAX_STEM",
    "RESERVED_STEMS",
    "SUFFIXES",
    "NameStyle",
    "file_stems",
    "hanzi_stem",
    "pinyin_key",
    "pinyin_stem",
    "split_suffix",
]
