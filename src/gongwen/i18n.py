"""Messages in Chinese first, in English when the locale says so: gettext catalogs kept by Babel.

Every message a user sees is written in the code in Chinese, wrapped in :func:`_` (translate
now) or :func:`N_` (mark a constant, translate where it is shown), with named ``{placeholders}``
filled by :meth:`str.format` after translation::

    _("字段“{name}”不能为空").format(name=name)

The English forms live in ``gongwen/locale/en/LC_MESSAGES/gongwen.po``, extracted from the code
and updated by ``python -m tools.i18n update``; the build compiles them into ``gongwen.mo``
(``hatch_build.py``). A source checkout without a compiled catalog compiles the ``.po`` with
Babel the first time it is needed, so an editable install behaves as an installed wheel, and
keeps the result in :func:`cache_dir` under the ``.po``'s CRC-32: later starts read it with the
standard library's gettext and never import Babel (about 35 ms a start).

The language is, in order: :func:`set_language` (or :func:`use_language`), the environment
variable ``GONGWEN_LANG``, then the locale variables gettext reads (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``) and, on Windows, the user's locale. English when that says English,
Chinese otherwise: a ``C`` or unset locale, as on many servers, keeps Chinese.

``argparse`` prints its own words (``usage:``, ``options``, ``error:``); the CLI puts them
through :func:`argparse_gettext`, whose Chinese forms are in the ``argparse`` catalog of ``zh``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    import gettext as _gettext

__all__ = [
    "CACHE_DIR_VARIABLE",
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "Language",
    "_",
    "argparse_gettext",
    "argparse_ngettext",
    "cache_dir",
    "language",
    "language_from_environment",
    "ngettext",
    "set_language",
    "use_language",
]

Language = Literal["zh", "en"]
"""The languages gongwen speaks: Chinese (the language of the code's messages) and English."""

LANGUAGES: Final[tuple[Language, ...]] = ("zh", "en")
DOMAIN: Final = "gongwen"
"""The catalog of gongwen's own messages (msgids are Chinese; ``en`` translates them)."""
ARGPARSE_DOMAIN: Final = "argparse"
"""The catalog of argparse's own words (msgids are English; ``zh`` translates them)."""
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"

_chosen: Language | None = None
_catalogs: dict[tuple[str, str], _gettext.NullTranslations] = {}


def language_from_environment(environ: dict[str, str] | None = None) -> Language:
    """The language the environment asks for: English if it says English, else Chinese.

    >>> language_from_environment({"LANG": "en_US.UTF-8"})
    'en'
    >>> language_from_environment({"LANG": "zh_CN.UTF-8"})
    'zh'
    >>> language_from_environment({"LANG": "C.UTF-8"})
    'zh'
    >>> language_from_environment({"LANGUAGE": "fr:en", "LANG": "zh_CN.UTF-8"})
    'en'
    >>> language_from_environment({"GONGWEN_LANG": "zh", "LC_ALL": "en_GB.UTF-8"})
    'zh'
    >>> language_from_environment({})
    'zh'
    """
    env = os.environ if environ is None else environ
    for name in ("GONGWEN_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        for item in value.split(":"):
            code = _base(item)
            if code in LANGUAGES:
                return code
        if name != "LANGUAGE":  # LANGUAGE lists preferences; the others name one locale
            return "zh"
    if environ is None and sys.platform == "win32":  # pragma: no cover - Windows only
        import locale

        return "en" if _base(locale.getlocale()[0] or "") == "en" else "zh"
    return "zh"


def _base(locale_name: str) -> str:
    """``en`` of ``en_US.UTF-8``, ``English_United States`` or ``en-GB``.

    >>> _base("en_US.UTF-8"), _base("English_United States"), _base("zh-Hans"), _base("C")
    ('en', 'en', 'zh', 'c')
    """
    name = locale_name.strip().lower()
    if name.startswith(("english", "chinese")):
        return name[:2]
    for sep in "_.@-":
        name = name.split(sep, 1)[0]
    return name


def language() -> Language:
    """The language messages are given in now.

    >>> with use_language("en"):
    ...     language()
    'en'
    """
    return _chosen if _chosen is not None else language_from_environment()


def set_language(lang: str | None) -> None:
    """Give messages in ``lang`` ("zh" or "en") from now on; ``None`` follows the locale again.

    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: 不支持的语言“fr”：可选 zh 或 en
    >>> with use_language("en"):
    ...     set_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: unsupported language “fr”: choose zh or en
    """
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(_("不支持的语言“{lang}”：可选 zh 或 en").format(lang=lang))
    _chosen = lang


@contextmanager
def use_language(lang: str | None) -> Iterator[None]:
    """Give messages in ``lang`` inside the ``with`` block only.

    >>> with use_language("en"):
    ...     language()
    'en'
    """
    global _chosen
    before = _chosen
    set_language(lang)
    try:
        yield
    finally:
        _chosen = before


def _(message: str) -> str:
    """``message`` (written in Chinese) in the current language.

    >>> _("不支持的语言“{lang}”：可选 zh 或 en").format(lang="fr")
    '不支持的语言“fr”：可选 zh 或 en'
    >>> with use_language("en"):
    ...     _("不支持的语言“{lang}”：可选 zh 或 en").format(lang="fr")
    'unsupported language “fr”: choose zh or en'
    """
    lang = language()
    if lang == "zh":
        return message
    return _catalog(DOMAIN, lang).gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name, which Babel looks for
    """Mark ``message`` for the catalog without translating it: for constants, which are
    translated with :func:`_` where they are shown, in the language of that moment.

    >>> N_("表格")
    '表格'
    """
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """``singular`` or ``plural`` by ``n`` in the current language. Chinese has one form, so
    the two are usually the same msgid; English chooses ``n == 1`` or not.

    >>> ngettext("一个", "多个", 2)
    '多个'
    """
    lang = language()
    if lang == "zh":
        return singular if n == 1 else plural
    return _catalog(DOMAIN, lang).ngettext(singular, plural, n)


def argparse_gettext(message: str) -> str:
    """argparse's own ``message`` (English) in the current language."""
    lang = language()
    if lang == "en":
        return message
    return _catalog(ARGPARSE_DOMAIN, lang).gettext(message)


def argparse_ngettext(singular: str, plural: str, n: int) -> str:
    """argparse's own plural ``message`` in the current language."""
    lang = language()
    if lang == "en":
        return singular if n == 1 else plural
    return _catalog(ARGPARSE_DOMAIN, lang).ngettext(singular, plural, n)


def _catalog(domain: str, lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of ``domain`` in ``lang``: the built ``.mo``, else the ``.po``
    compiled in memory (a source checkout), else none (messages stay as written)."""
    key = (domain, lang)
    found = _catalogs.get(key)
    if found is None:
        found = _load(domain, lang)
        _catalogs[key] = found
    return found


def _load(domain: str, lang: str) -> _gettext.NullTranslations:
    import gettext as _gettext  # only when a message is translated: start-up stays light

    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    mo = folder / f"{domain}.mo"
    if mo.is_file():
        with mo.open("rb") as stream:
            return _gettext.GNUTranslations(stream)
    po = folder / f"{domain}.po"
    if po.is_file():
        return _translations_of(po)
    return _gettext.NullTranslations()


CACHE_DIR_VARIABLE: Final = "GONGWEN_CACHE_DIR"
"""The environment variable naming the folder where a source checkout keeps compiled catalogs."""


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$GONGWEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/gongwen``, else ``~/.cache/gongwen``.

    >>> cache_dir({"GONGWEN_CACHE_DIR": "/tmp/gw"}).as_posix()
    '/tmp/gw'
    >>> cache_dir({"XDG_CACHE_HOME": "/var/cache/me"}).as_posix()
    '/var/cache/me/gongwen'
    """
    env = os.environ if environ is None else environ
    if env.get(CACHE_DIR_VARIABLE):
        return Path(env[CACHE_DIR_VARIABLE])
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gongwen"


_CACHED_MAX_BYTES = 8 * 1024 * 1024
"""A compiled catalog is some 100 KB; anything much bigger in the cache is not one of ours."""


def _translations_of(po: Path) -> _gettext.GNUTranslations:
    """The catalog ``po`` compiled: from the cache when a file compiled from these very bytes
    is there, else compiled now (Babel, about 35 ms) and kept in the cache for the next start.

    A cached file is named by the length and CRC-32 of the ``.po`` it came from, so an edited
    ``.po`` never meets a stale one (an edit keeping both is a one-in-four-billion accident;
    zlib's CRC spares loading OpenSSL, which hashlib does, at every start); a damaged file is
    compiled again and replaced; a cache that cannot be written costs only the compiling, as
    before there was one.
    """
    import gettext as _gettext
    import struct
    import zlib

    source = po.read_bytes()
    key = f"{len(source)}-{zlib.crc32(source):08x}"
    try:
        cached = cache_dir() / "catalogs" / f"{po.parents[1].name}-{po.stem}-{key}.mo"
    except RuntimeError:  # no home folder to be found (Path.home): no cache, compile each time
        return _gettext.GNUTranslations(BytesIO(_compiled(source)))
    try:
        # Only a regular file of a catalog's size: never a pipe or device put in its place.
        if cached.is_file() and cached.stat().st_size <= _CACHED_MAX_BYTES:
            return _gettext.GNUTranslations(BytesIO(cached.read_bytes()))
    except (OSError, ValueError, LookupError, struct.error):
        pass  # none yet, or damaged: compile it again
    compiled = _compiled(source)
    from gongwen.atomic import write_bytes_atomic
    from gongwen.findings import GongwenError

    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(cached, compiled, durable=False)
    except (OSError, GongwenError):
        pass  # a read-only home, or no regular file there: compile at every start
    return _gettext.GNUTranslations(BytesIO(compiled))


def _compiled(po: bytes) -> bytes:
    """The ``.po`` text ``po`` compiled to ``.mo`` bytes, as the build does (fuzzy entries left
    out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(BytesIO(po))
    out = BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _reset() -> None:
    """Forget loaded catalogs (tests that install their own)."""
    _catalogs.clear()
