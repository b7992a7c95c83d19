"""Export everything as spreadsheet-friendly CSV: one file per table, in one zip, with a README.

Each CSV is UTF-8 with a byte-order mark (so spreadsheet programs read accents and other
scripts correctly) and has the same columns as the JSON export's records. CSV is for reading
and sorting in a spreadsheet; the JSON export is the one that can be imported again.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from kapcompanion.exchange.export_json import write_export
from kapcompanion.exchange.records import ProgressCallback, Record
from kapcompanion.exchange.schema import TABLES, Kind, TableSpec
from kapcompanion.exchange.summary import ExportSummary
from kapcompanion.store import Store

# Spreadsheets treat a cell starting with one of these as a formula ("- felt calm" would show
# as an error); such text gets a leading apostrophe, as OWASP recommends for CSV files.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_UNSEEN_NAMES = {"\t": "a tab", "\r": "a carriage return"}


def formula_starts_in_words() -> str:
    """The characters `FORMULA_STARTS` names, as the README says them: '=, +, … or a tab'."""
    names = [_UNSEEN_NAMES.get(start, start) for start in FORMULA_STARTS]
    return f"{', '.join(names[:-1])} or {names[-1]}"


README = """KAP Companion export (CSV)

Exported at: {exported_at}
App version: {app_version}

One CSV file per kind of record, UTF-8 with a byte-order mark, comma-separated, one record
per row, the column names in the first row. The columns are described in
docs/export-format.md (in KAP Companion's source) and match the JSON export's records:

- a *_uuid column names a record in another file by its uuid (for example reflection_uuid
  in answers.csv names a row of reflections.csv);
- times are ISO 8601 in UTC, like 2026-10-12T08:00:00+00:00; an empty cell means "none";
- true/false columns hold true or false; lists are written with "; " between items, and a
  setting's value is written as JSON;
- a cell of text, of a list or of a setting that starts with {formula_starts} has an
  apostrophe put in front of it, so that your spreadsheet shows it as text instead of trying
  to calculate it;
- deleted_at is filled in for something in "recently deleted"; reflections and
  questionnaires with the status "draft" are unfinished.

Files:
{files}

This CSV export is for reading. To move your entries to another computer, use the JSON
export: it is the one KAP Companion can import again.
"""


def csv_cell(field_kind: Kind, value: Any) -> str:
    """How one value is written in a CSV cell."""
    if value is None:
        return ""
    if field_kind is Kind.BOOLEAN:
        return "true" if value else "false"
    if field_kind is Kind.TEXT_LIST:
        return _as_text("; ".join(value))
    if field_kind is Kind.JSON:
        return _as_text(json.dumps(value, ensure_ascii=False))
    if field_kind is Kind.TEXT:
        return _as_text(value)
    return str(value)


def _as_text(cell: str) -> str:
    """`cell`, with an apostrophe in front if a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def table_csv(spec: TableSpec, records: Sequence[Record]) -> bytes:
    """One table as CSV bytes (UTF-8 with a byte-order mark, Windows line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(spec.field_names)
    for record in records:
        writer.writerow(csv_cell(field.kind, record[field.name]) for field in spec.fields)
    return buffer.getvalue().encode("utf-8-sig")


def write_csv_export(
    store: Store,
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    replace: bool = False,
    now: datetime | None = None,
) -> ExportSummary:
    """Write everything to `path` as a zip of CSV files and a README.txt."""
    return write_export(store, path, write_zip, progress=progress, replace=replace, now=now)


def _rows(count: int) -> str:
    return f"{count} row" if count == 1 else f"{count} rows"


def write_zip(document: dict[str, Any], handle: BinaryIO) -> None:
    """The whole export as a zip of one CSV per table and a README.txt."""
    tables: dict[str, list[Record]] = document["data"]
    readme = README.format(
        exported_at=document["exported_at"],
        app_version=document["app_version"],
        formula_starts=formula_starts_in_words(),
        files="\n".join(f"- {spec.name}.csv: {_rows(len(tables[spec.name]))}" for spec in TABLES),
    )
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme.replace("\n", "\r\n").encode("utf-8-sig"))
        for spec in TABLES:
            archive.writestr(f"{spec.name}.csv", table_csv(spec, tables[spec.name]))
