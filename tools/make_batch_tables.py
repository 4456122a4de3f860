"""Write the spreadsheet twin of examples/batch/communities.yaml: .csv, .xlsx and shared.yaml.

    python tools/make_batch_tables.py [--check]

communities.csv and communities.xlsx hold one row per measure (columns 社区, 方面, 问题, 描述,
整改措施, 状态, 责任单位, 整改时限; docs/batch.md); shared.yaml is the batch file without the
communities' bodies.
`gongwen batch examples/batch/communities.csv --shared examples/batch/shared.yaml` then makes
the same reports as the batch file. Output is byte-identical from run to run; ``--check``
exits 1 if the files on disk differ from what the script would write.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from lxml import etree
from openpyxl.styles import Font
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "examples" / "batch"
SOURCE = FOLDER / "communities.yaml"
HEADER = ["社区", "方面", "问题", "描述", "整改措施", "状态", "责任单位", "整改时限"]
FIXED_TIME = datetime(2023, 3, 14)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def table_rows(data: Any) -> list[list[str]]:
    """One row per measure; 方面, 问题, 描述, 状态, 责任单位 and 整改时限 on the first row of
    their group only."""
    rows: list[list[str]] = []
    for community in data["communities"]:
        for item in community.get("body", []):
            section = item["section"]
            heading = section["heading"]
            for sub in section["body"]:
                problem = sub["problem"]
                for k, measure in enumerate(problem["measures"]):
                    first = k == 0
                    rows.append(
                        [
                            str(community["name"]),
                            heading if first else "",
                            str(problem["statement"]) if first else "",
                            str(problem.get("description", "")) if first else "",
                            str(measure),
                            str(problem.get("status", "")) if first else "",
                            str(problem.get("responsible", "")) if first else "",
                            str(problem.get("deadline", "")) if first else "",
                        ]
                    )
                    heading = ""
    return rows


def csv_bytes(rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM, as Excel's "CSV UTF-8" writes it, CRLF line ends."""
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """The rows as a workbook, with the zip's dates fixed so the bytes never change."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "整改台账"
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column, width in zip("ABCDEFGH", (10, 16, 32, 40, 60, 10, 14, 16), strict=True):
        sheet.column_dimensions[column].width = width
    book.properties.creator = "gongwen tools/make_batch_tables.py"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the save time into dcterms:modified whatever was set
                core = etree.fromstring(data)
                for element in core.iter("{http://purl.org/dc/terms/}modified"):
                    element.text = FIXED_TIME.isoformat() + "Z"
                data = etree.tostring(core, xml_declaration=True, encoding="UTF-8")
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return fixed.getvalue()


def shared_yaml(text: str) -> bytes:
    """The batch file without the communities' bodies (the table gives them)."""
    yaml = _yaml()
    data = yaml.load(text)
    for community in data["communities"]:
        community.pop("body", None)
    data.yaml_set_start_comment(
        "The shared parts of examples/batch/communities.yaml, for its spreadsheet twin:\n"
        "  gongwen batch examples/batch/communities.csv \\\n"
        "      --shared examples/batch/shared.yaml -o out\n"
        "Written by tools/make_batch_tables.py; edit communities.yaml and run it again."
    )
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue().encode("utf-8")


def outputs() -> dict[Path, bytes]:
    """Every file the script writes, with its bytes."""
    text = SOURCE.read_text(encoding="utf-8")
    rows = table_rows(_yaml().load(text))
    return {
        FOLDER / "communities.csv": csv_bytes(rows),
        FOLDER / "communities.xlsx": xlsx_bytes(rows),
        FOLDER / "shared.yaml": shared_yaml(text),
    }


def main(argv: list[str]) -> int:
    """Write the files, or with --check report the ones that differ."""
    stale = []
    for path, data in outputs().items():
        if "--check" in argv:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
        else:
            path.write_bytes(data)
    for path in stale:
        print(f"{path.relative_to(ROOT)} is out of date: run tools/make_batch_tables.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
