"""Keep the message catalogs: extract the messages from the code, update the English catalog,
compile the catalogs, and check that every message has its translation.

    python -m tools.i18n extract [-o build/locale/gongwen.pot]   # the template, from src/
    python -m tools.i18n update      # merge it into locale/en/LC_MESSAGES/gongwen.po
    python -m tools.i18n compile [-d build/locale]   # .po -> .mo (the build does this too)
    python -m tools.i18n check       # exit 1 on a message without translation

The workflow of a new or changed message: write it in Chinese inside ``_()`` (or ``N_()``),
run ``update``, write its English ``msgstr`` in the ``.po`` (and drop the ``#, fuzzy`` mark of
an entry ``update`` guessed), run ``check``. ``tests/test_i18n.py`` runs ``check``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "gongwen"
LOCALE = SOURCE / "locale"
ENGLISH = LOCALE / "en" / "LC_MESSAGES" / "gongwen.po"
ARGPARSE_ZH = LOCALE / "zh" / "LC_MESSAGES" / "argparse.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
"""The functions of :mod:`gongwen.i18n` whose first arguments are messages."""
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z_0-9]*)(?:![rsa])?(?::[^{}]*)?\}")
STAMP = datetime(2026, 12, 1, tzinfo=UTC)
PERCENT = re.compile(r"%\((\w+)\)[sdr]|%[sdr]")


def extract() -> Catalog:
    """Every message marked in ``src/gongwen``, with the files it comes from."""
    catalog = Catalog(project="gongwen", domain="gongwen", charset="utf-8")
    found = extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("译注",)
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(
            message,
            None,
            [(f"src/gongwen/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def read_catalog(path: Path, locale: str) -> Catalog:
    """The catalog at ``path`` (empty if there is none yet)."""
    if not path.is_file():
        return Catalog(locale=locale, domain=path.stem, charset="utf-8")
    with path.open("rb") as stream:
        return read_po(stream, locale=locale)


def write_catalog(catalog: Catalog, path: Path) -> None:
    """``catalog`` as a ``.po`` sorted by message, file names without line numbers, so that
    moving code does not churn the file and two branches' additions merge cleanly."""
    catalog.fuzzy = False
    catalog.project, catalog.version = "gongwen", ""
    catalog.creation_date = catalog.revision_date = STAMP  # deterministic: no churn per run
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        write_po(
            stream,
            catalog,
            width=0,
            sort_output=True,
            ignore_obsolete=True,
            include_lineno=False,
            omit_header=False,
        )


def update(*extra: Path) -> Catalog:
    """The English catalog brought up to the code's messages: new ones added (untranslated,
    or guessed and marked fuzzy), vanished ones dropped. Translations found in ``extra``
    catalogs (another branch's ``.po``) fill entries still untranslated."""
    catalog = read_catalog(ENGLISH, "en")
    catalog.update(extract(), no_fuzzy_matching=False, update_header_comment=False)
    catalog.header_comment = "# English messages of gongwen. Kept by tools/i18n.py.\n#"
    catalog.fuzzy = False
    for path in extra:
        for message in read_catalog(path, "en"):
            if not message.id or not translated(message):
                continue
            mine = catalog.get(message.id, context=message.context)
            if mine is not None and not translated(mine):
                mine.string = message.string
                mine.flags.discard("fuzzy")
    write_catalog(catalog, ENGLISH)
    return catalog


def translated(message: Message) -> bool:
    """Whether ``message`` has every form translated and is not a guess (fuzzy)."""
    if not message.string:
        return False
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    return all(strings) and not message.fuzzy


def compile_all(out: Path) -> list[Path]:
    """Every ``.po`` under ``src/gongwen/locale`` compiled to ``out/<lang>/LC_MESSAGES``."""
    written = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        lang = po.parents[1].name
        target = out / lang / "LC_MESSAGES" / f"{po.stem}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as stream:
            write_mo(stream, read_catalog(po, lang))
        written.append(target)
    return written


def placeholders(text: str) -> set[str]:
    """The named ``{placeholders}`` and ``%`` conversions of a message.

    >>> sorted(placeholders("字段“{name}”第{line}行 {{literal}} %(prog)s"))
    ['%(prog)s', 'line', 'name']
    """
    names = set(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))
    return names | {m.group(0) for m in PERCENT.finditer(text)}


def problems(catalog: Catalog, wanted: Iterable[str]) -> list[str]:
    """What is wrong with ``catalog`` as the translation of the messages ``wanted``."""
    wanted = set(wanted)
    have = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    out = [f"missing from the catalog (run update): {w!r}" for w in sorted(wanted - set(have))]
    out += [
        f"in the catalog but not in the code (run update): {h!r}"
        for h in sorted(set(have) - wanted)
    ]
    for key, message in sorted(have.items()):
        if key not in wanted:
            continue
        out += _entry_problems(key, message)
    return out


def _entry_problems(key: str, message: Message) -> list[str]:
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    ids = [message.id] if isinstance(message.id, str) else list(message.id)
    if message.fuzzy:
        return [f"fuzzy (check the guess, then drop the mark): {key!r}"]
    if not all(strings):
        return [f"untranslated: {key!r}"]
    expected = placeholders(ids[0])
    return [
        f"placeholders differ in {key!r}: {sorted(expected)} vs {sorted(placeholders(s))}"
        for s in strings
        if placeholders(s) != expected
    ]


def check() -> list[str]:
    """Everything that keeps the catalogs from matching the code."""
    wanted = (m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id)
    return problems(read_catalog(ENGLISH, "en"), wanted)  # a plural is known by its singular


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.i18n", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="write the template of every message")
    ex.add_argument("-o", type=Path, default=ROOT / "build" / "locale" / "gongwen.pot")
    up = sub.add_parser("update", help="bring the English catalog up to the code")
    up.add_argument("extra", nargs="*", type=Path, help="other .po files to take translations from")
    co = sub.add_parser("compile", help="compile the catalogs to .mo")
    co.add_argument("-d", type=Path, default=ROOT / "build" / "locale")
    sub.add_parser("check", help="exit 1 if a message has no translation")
    args = parser.parse_args(argv)
    if args.command == "extract":
        write_catalog(extract(), args.o)
        print(args.o)
    elif args.command == "update":
        catalog = update(*args.extra)
        todo = [m.id for m in catalog if m.id and not translated(m)]
        print(f"{ENGLISH.relative_to(ROOT)}: {len(catalog)} messages, {len(todo)} to translate")
    elif args.command == "compile":
        for path in compile_all(args.d):
            print(path)
    else:
        found = check()
        for line in found:
            print(line)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
