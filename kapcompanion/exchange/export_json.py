"""Export everything the client has as one JSON file (lossless; `import_json` reads it back).

Drafts and "recently deleted" records are included with their status and `deleted_at`, so an
export followed by an import gives back exactly what was there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from kapcompanion import __version__
from kapcompanion.domain import utc_now
from kapcompanion.exchange.errors import ExportFileExistsError, ExportWriteError
from kapcompanion.exchange.records import (
    Progress,
    ProgressCallback,
    Record,
    record_from_row,
    sort_key,
)
from kapcompanion.exchange.schema import FORMAT_NAME, FORMAT_VERSION, TABLES, is_exchanged_setting
from kapcompanion.exchange.summary import ExportSummary
from kapcompanion.files import check_destination, write_atomically
from kapcompanion.store import Store
from kapcompanion.timestamps import to_db_time


def export_tables(
    store: Store, progress: ProgressCallback | None = None
) -> dict[str, list[Record]]:
    """Every exported table's records, in a fixed order, references given as uuids.

    All tables are read in one read transaction, so a change saved meanwhile (by the window,
    while the export runs on a thread of its own) is either all in the export or not at all;
    in WAL mode this blocks nobody."""
    with store.transaction():
        rows = {spec.name: store.exchange.rows(spec.name) for spec in TABLES}
    rows["settings"] = [row for row in rows["settings"] if is_exchanged_setting(row["key"])]
    uuids = {
        spec.name: {row["id"]: row["uuid"] for row in rows[spec.name]}
        for spec in TABLES
        if spec.has_uuid
    }
    counter = Progress(progress, sum(len(table_rows) for table_rows in rows.values()))
    counter.report()
    tables: dict[str, list[Record]] = {}
    for spec in TABLES:
        records = []
        for row in rows[spec.name]:
            records.append(record_from_row(spec, row, uuids))
            counter.advance()
        tables[spec.name] = sorted(records, key=sort_key(spec))
    counter.report()
    return tables


def export_document(
    store: Store, *, progress: ProgressCallback | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """The whole export as a JSON-ready object: the format's header and every table."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": to_db_time(now or utc_now()),
        "app_version": __version__,
        "data": export_tables(store, progress),
    }


def to_json_text(document: dict[str, Any]) -> str:
    """The file's text: readable (indented, any script as itself), identical for equal data."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_export(
    store: Store,
    path: Path,
    write: Callable[[dict[str, Any], BinaryIO], object],
    *,
    progress: ProgressCallback | None = None,
    replace: bool = False,
    now: datetime | None = None,
) -> ExportSummary:
    """Export everything to `path` in a form of `write`'s choosing, given the whole document
    and the file. An existing file is refused before any work (unless `replace`), and `path`
    appears only once all of it is written."""
    check_destination(path, overwrite=replace, exists=ExportFileExistsError)
    document = export_document(store, progress=progress, now=now)
    write_atomically(
        path,
        lambda handle: write(document, handle),
        overwrite=replace,
        make_folder=True,
        exists=ExportFileExistsError,
        failed=ExportWriteError,
    )
    return ExportSummary.of(path, document["data"])


def write_json_export(
    store: Store,
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    replace: bool = False,
    now: datetime | None = None,
) -> ExportSummary:
    """Write everything to `path` as JSON (UTF-8). An existing file is kept unless `replace`."""
    return write_export(
        store,
        path,
        lambda document, handle: handle.write(to_json_text(document).encode("utf-8")),
        progress=progress,
        replace=replace,
        now=now,
    )
