"""Each community's notice data from a batch: shared parts, its own parts, values filled in.

Resolving keeps, for every piece of the notice, where it came from (file, field path, line;
or table row and column), so that a mistake found later — by the model when the report is
made, or by the checker — names the place the clerk must edit, not a path in a notice that
exists only in memory.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gongwen.batch.ledger import ledger_attachment
from gongwen.batch.progress import progress_sentence
from gongwen.batch.spec import Batch, Community
from gongwen.batch.table import Cell, Table, TableCommunity, read_table
from gongwen.dates import format_date
from gongwen.fieldpath import FieldPath, format_path, parse_path
from gongwen.findings import Finding, InputError, Level, Location
from gongwen.i18n import _
from gongwen.loader import SUFFIXES, SourceData, read_source, validate, yaml_line
from gongwen.model import RectificationStatus

CODE_UNKNOWN_NAME = "BA001"
"""Text names a value in braces that is not defined."""
CODE_FIELD_SYNTAX = "BA002"
"""Braces in text that are not a ``{name}`` field."""
CODE_BATCH = "BA003"
"""The batch file cannot be used as a whole (no communities, a table named twice, …)."""
CODE_EMPTY_COUNT = "BA004"
"""A sentence counts problems ({problems}, {progress}) of a community with none to count."""
_EMPTY_COUNTS = frozenset({("problems", "0"), ("progress", "")})

TABLE_SUFFIXES = frozenset({".csv", ".xlsx"})

Loc = FieldPath


@dataclass(frozen=True)
class Origin:
    """Where a subtree of a resolved notice came from.

    ``loc`` is its path in ``file``'s data, ``tree`` the ruamel tree that knows lines. For a
    table, ``cells`` maps paths in the community's table body to their row and column.
    ``exact``: paths below this point are not appended (a value that became a subtree, like
    ``issuer`` becoming ``signature.organs``).
    """

    file: str | None
    loc: Loc
    tree: Any = None
    cells: Mapping[Loc, Cell] | None = None
    exact: bool = False


@dataclass
class Origins:
    """Where each part of one resolved notice came from, by its path in the notice."""

    root: Origin
    by_loc: dict[Loc, Origin] = field(default_factory=dict)

    def add(self, at: Loc, origin: Origin) -> None:
        """Record that the subtree at ``at`` came from ``origin`` (replacing what was below)."""
        for loc in [k for k in self.by_loc if k[: len(at)] == at]:
            del self.by_loc[loc]
        self.by_loc[at] = origin

    def locate(self, loc: Loc) -> Location:
        """The place in the input files of the notice path ``loc``."""
        for n in range(len(loc), -1, -1):
            origin = self.by_loc.get(loc[:n])
            if origin is not None:
                return _place(origin, loc[n:])
        return _place(self.root, ())

    def relocate(self, finding: Finding) -> Finding:
        """A finding on the resolved notice, pointed at the input files instead."""
        loc = parse_path(finding.location.path or "")
        return replace(finding, location=self.locate(loc))


def _place(origin: Origin, rest: Loc) -> Location:
    if origin.cells is not None:
        full = origin.loc + rest
        for n in range(len(full), 0, -1):
            cell = origin.cells.get(full[:n])
            if cell is not None:
                return Location(origin.file, cell.row, cell.column)
        return Location(origin.file, None, None)
    loc = origin.loc if origin.exact else origin.loc + rest
    line = yaml_line(origin.tree, loc) if origin.tree is not None else None
    return Location(origin.file, line, format_path(loc) or None)


@dataclass(frozen=True)
class LoadedBatch:
    """A batch with what is needed to point back into its files."""

    batch: Batch
    file: str | None = None
    tree: Any = None
    folder: Path = Path()
    table: Table | None = None
    inputs: tuple[tuple[str, str], ...] = ()
    """(file, sha256) of every input file: the batch file, the table."""

    @property
    def template(self) -> Path | None:
        """The batch's template, relative to its folder; ``None``: gongwen's own."""
        return None if self.batch.template is None else self.folder / self.batch.template


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_batch(path: str | Path, *, shared: str | Path | None = None) -> LoadedBatch:
    """Load a batch file, or a table (.csv, .xlsx) with a shared batch file without bodies.

    Raises :class:`InputError` naming file, field and line when the batch as a whole cannot
    be used; a single community's mistakes are left for its report to fail on.
    """
    path = Path(path)
    table_path: Path | None = None
    if path.suffix.lower() in TABLE_SUFFIXES:
        if shared is None:
            raise InputError.single(
                CODE_BATCH,
                _(
                    "表格还需要一个写有标题、日期等共用部分的批量文件"
                    "（gongwen batch TABLE --shared SHARED.yaml）"
                ),
                file=str(path),
            )
        table_path, path = path, Path(shared)
    elif shared is not None:
        raise InputError.single(
            CODE_BATCH,
            _("--shared 须与表格（.csv、.xlsx）一起用，不能与批量文件一起用"),
            file=str(path),
        )
    if path.suffix.lower() not in SUFFIXES:
        raise InputError.single(
            CODE_BATCH,
            _(
                "不支持的文件类型“{suffix}”：批量文件是 .yaml、.yml、.json 或 .toml，"
                "表格是 .csv 或 .xlsx"
            ).format(suffix=path.suffix),
            file=str(path),
        )
    source = read_source(path)
    batch = validate(Batch, source)
    folder = path.parent
    if table_path is not None:
        if batch.table is not None:
            raise InputError.single(
                CODE_BATCH,
                _("批量文件已指定表格 {named}，又给了表格 {given}；只能给一个").format(
                    named=batch.table, given=table_path
                ),
                file=str(path),
            )
    elif batch.table is not None:
        table_path = folder / batch.table
    inputs = [(str(path), _sha256_file(path))]
    table = None
    if table_path is not None:
        table = read_table(table_path, sheet=batch.sheet)
        inputs.append((str(table_path), _sha256_file(table_path)))
    loaded = LoadedBatch(batch, str(path), source.tree, folder, table, tuple(inputs))
    if not entries(loaded):
        raise InputError.single(
            CODE_BATCH,
            _("批量文件中没有社区（请写 communities: 或给出表格）"),
            file=str(path),
        )
    return loaded


def batch_from_data(
    data: Batch | Mapping[str, Any],
    *,
    folder: str | Path = ".",
    file: str | None = None,
) -> LoadedBatch:
    """A batch from Python data, for tools that build it in memory (a table is read too)."""
    batch = data if isinstance(data, Batch) else validate(Batch, SourceData(data, file))
    folder = Path(folder)
    table = None if batch.table is None else read_table(folder / batch.table, sheet=batch.sheet)
    return LoadedBatch(batch, file, None, folder, table)


@dataclass(frozen=True)
class Entry:
    """One report to make: a community from the batch file, the table, or both."""

    name: str
    index: int | None
    """Its position in the batch file's ``communities`` (``None``: only in the table)."""
    community: Community | None
    rows: TableCommunity | None

    @property
    def file_name(self) -> str:
        """What the output's name is made from."""
        if self.community is not None and self.community.file_name is not None:
            return self.community.file_name
        return self.name


def entries(loaded: LoadedBatch) -> list[Entry]:
    """The reports of a batch in order: its communities, then those only the table names."""
    table = dict(loaded.table.communities) if loaded.table is not None else {}
    out: list[Entry] = []
    for i, community in enumerate(loaded.batch.communities):
        out.append(Entry(community.name, i, community, table.pop(community.name, None)))
    out.extend(Entry(name, None, None, rows) for name, rows in table.items())
    return out


@dataclass
class Resolved:
    """One community's notice as data, or the errors that stop it; and where it all came from."""

    name: str
    data: dict[str, Any] | None
    errors: list[Finding]
    origins: Origins


def _copy(value: Any) -> Any:
    """Plain dicts and lists all the way down, so that merging never touches the batch."""
    if isinstance(value, Mapping):
        return {str(k): _copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_copy(v) for v in value]
    return value


def _merge(
    data: dict[str, Any], at: Loc, key: str, value: Any, origin: Origin, origins: Origins
) -> None:
    """Put ``value`` at ``data[key]``, merging mappings key by key."""
    here = (*at, key)
    current = data.get(key)
    if isinstance(value, Mapping) and isinstance(current, dict) and not origin.exact:
        for k, v in value.items():
            sub = replace(origin, loc=(*origin.loc, str(k)))
            _merge(current, here, str(k), v, sub, origins)
        return
    data[key] = _copy(value)
    origins.add(here, origin)


def _counts(items: Iterable[Any]) -> tuple[int, int, dict[RectificationStatus | None, int]]:
    """Problems, measures and statuses in raw body items (before validation)."""
    problems = measures = 0
    statuses: dict[RectificationStatus | None, int] = {}
    for item in items:
        if not isinstance(item, Mapping) or len(item) != 1:
            continue
        ((kind, value),) = item.items()
        if not isinstance(value, Mapping):
            continue
        if kind == "section":
            p, m, s = _counts(value.get("body") or [])
            problems, measures = problems + p, measures + m
            for k, n in s.items():
                statuses[k] = statuses.get(k, 0) + n
        elif kind == "problem":
            problems += 1
            listed = value.get("measures")
            measures += len(listed) if isinstance(listed, list) else 0
            try:
                status: RectificationStatus | None = RectificationStatus(str(value.get("status")))
            except ValueError:
                status = None
            statuses[status] = statuses.get(status, 0) + 1
    return problems, measures, statuses


@dataclass
class _Filler:
    values: dict[str, str]
    origins: Origins
    errors: list[Finding]

    def text(self, text: str, loc: Loc) -> str:
        if "{" not in text and "}" not in text:
            return text
        try:
            parts = list(string.Formatter().parse(text))
        except ValueError as exc:
            message = _("“{text}”中的花括号有误（{detail}）：花括号本身请写成 {{{{ 和 }}}}")
            self._error(CODE_FIELD_SYNTAX, message.format(text=text, detail=exc), loc)
            return text
        out: list[str] = []
        for literal, name, spec, conversion in parts:
            out.append(literal)
            if name is None:
                continue
            if not name.isidentifier() or spec or conversion:
                field = f"{{{name}{'!' + conversion if conversion else ''}"
                field += f"{':' + spec if spec else ''}}}"
                message = _("“{field}”不是值的字段：请写 {{名字}}，花括号本身请写成 {{{{ 和 }}}}")
                self._error(CODE_FIELD_SYNTAX, message.format(field=field), loc)
                continue
            if name not in self.values:
                known = ", ".join(sorted(self.values))
                message = _("未知的名字“{{{name}}}”（已有：{known}）；请在 values: 下定义")
                self._error(CODE_UNKNOWN_NAME, message.format(name=name, known=known), loc)
                continue
            if (name, self.values[name]) in _EMPTY_COUNTS:
                message = _(
                    "“{{{name}}}”无可计数：此社区没有问题，或问题都没有状态（表格里没有它的"
                    "问题行？），这句会成为残句（如“巡察反馈的0个问题中，。”）；未生成"
                )
                self._error(CODE_EMPTY_COUNT, message.format(name=name), loc)
                continue
            out.append(self.values[name])
        return "".join(out)

    def _error(self, code: str, message: str, loc: Loc) -> None:
        self.errors.append(Finding(code, Level.ERROR, message, self.origins.locate(loc)))

    def fill(self, node: Any, loc: Loc) -> Any:
        if isinstance(node, str):
            return self.text(node, loc)
        if isinstance(node, dict):
            return {k: self.fill(v, (*loc, k)) for k, v in node.items()}
        if isinstance(node, list):
            return [self.fill(v, (*loc, i)) for i, v in enumerate(node)]
        return node


def resolve(loaded: LoadedBatch, entry: Entry) -> Resolved:
    """The notice data of one community: defaults < shared fields < its own < its overrides."""
    batch = loaded.batch

    def here(*loc: int | str, exact: bool = False) -> Origin:
        return Origin(loaded.file, loc, loaded.tree, exact=exact)

    root = here("communities", entry.index, exact=True) if entry.index is not None else here()
    if entry.index is None and entry.rows is not None and loaded.table is not None:
        first = min((c.row for c in entry.rows.cells.values()), default=None)
        root = Origin(loaded.table.file, (), cells={(): Cell(first or 1, "社区")})
    origins = Origins(root)
    data: dict[str, Any] = {}
    for key, value in batch.defaults.items():
        _merge(data, (), key, value, here("defaults", key), origins)
    if batch.title is not None:
        _merge(data, (), "title", batch.title, here("title"), origins)
    if batch.published is not None:
        _merge(data, (), "published", batch.published.isoformat(), here("published"), origins)
    if batch.date is not None:
        signature: dict[str, Any] = {"date": batch.date.isoformat()}
        _merge(data, (), "signature", {}, here("date", exact=True), origins)
        _merge(data["signature"], ("signature",), "date", signature["date"], here("date"), origins)
        if batch.issuer is not None:
            _merge(
                data["signature"],
                ("signature",),
                "organs",
                [batch.issuer],
                here("issuer", exact=True),
                origins,
            )
    if batch.contact is not None:
        contact = batch.contact.model_dump(exclude_defaults=True)
        _merge(data, (), "contact", contact, here("contact"), origins)

    body: list[Any] = []
    for i, text in enumerate(batch.introduction):
        origins.add(("body", len(body)), here("introduction", i, exact=True))
        body.append({"paragraph": text})
    community = entry.community
    if community is not None:
        for j, item in enumerate(community.body):
            origins.add(("body", len(body)), here("communities", entry.index or 0, "body", j))
            body.append(item)  # not copied: filling values in builds new containers
    errors: list[Finding] = []
    if entry.rows is not None and loaded.table is not None:
        errors.extend(entry.rows.errors)
        for j, item in enumerate(entry.rows.body):
            origins.add(
                ("body", len(body)), Origin(loaded.table.file, (j,), cells=entry.rows.cells)
            )
            body.append(item)  # not copied: filling values in builds new containers
    for k, text in enumerate(batch.closing):
        origins.add(("body", len(body)), here("closing", k, exact=True))
        body.append({"paragraph": text})
    data["body"] = body
    if community is not None:
        at = ("communities", entry.index or 0)
        if community.contact is not None:
            data.pop("contact", None)
            _merge(data, (), "contact", community.contact, here(*at, "contact"), origins)
        for key, value in community.overrides.items():
            _merge(data, (), key, value, here(*at, "overrides", key), origins)

    if batch.ledger is not None:  # the 整改台账 attachment, derived from the problems
        attachments = data.setdefault("attachments", [])
        origins.add(("attachments", len(attachments)), here("ledger"))
        attachments.append(ledger_attachment(batch.ledger))

    filler = _Filler(_values(batch, entry, body), origins, errors)
    if batch.issuer is not None:
        filler.values["issuer"] = filler.text(batch.issuer, ("signature", "organs"))
    filled = filler.fill(data, ())
    return Resolved(entry.name, None if errors else filled, errors, origins)


def _values(batch: Batch, entry: Entry, body: list[Any]) -> dict[str, str]:
    values = {"community": entry.name}
    if batch.date is not None:
        values["date"] = format_date(batch.date)
    if batch.published is not None:
        values["published"] = format_date(batch.published)
    year = batch.date or batch.published
    if year is not None:
        values["year"] = str(year.year)
    problems, measures, statuses = _counts(body)
    values["problems"] = str(problems)
    values["measures"] = str(measures)
    values["progress"] = progress_sentence(statuses)
    values.update(batch.values)
    if entry.community is not None:
        values.update(entry.community.values)
    return values


__all__ = [
    "CODE_BATCH",
    "CODE_FIELD_SYNTAX",
    "CODE_UNKNOWN_NAME",
    "TABLE_SUFFIXES",
    "Entry",
    "LoadedBatch",
    "Loc",
    "Origin",
    "Origins",
    "Resolved",
    "batch_from_data",
    "entries",
    "load_batch",
    "resolve",
]
