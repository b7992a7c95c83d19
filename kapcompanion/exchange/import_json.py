"""Import a JSON export: checked whole first, then written in one transaction, or not at all.

Merge rule: a record whose uuid is already in the profile is left exactly as it is (and
counted as "already here"), with its answers, theme links and questionnaire answers; those
come in only together with a newly added reflection, insight or check-in. A theme is matched
by uuid, else by key (built-in themes have the same uuid everywhere); a practice of the
client's own by uuid, else by name (spaces and case aside), so its entries join the one here.
A setting is taken from the file only where the profile has none of its own. So importing the
same file twice changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kapcompanion.domain import utc_now
from kapcompanion.errors import (
    DatabaseBusyError,
    DatabaseReadOnlyError,
    DataConflictError,
    DiskFullError,
)
from kapcompanion.exchange.errors import (
    ForeignFileError,
    ImportConflictError,
    ImportTooLargeError,
    ImportUnreadableError,
    SpreadsheetExportError,
    print_detail_when_debugging,
)
from kapcompanion.exchange.records import Progress, ProgressCallback, Record, row_from_record
from kapcompanion.exchange.schema import TABLES, TableSpec, is_exchanged_setting
from kapcompanion.exchange.summary import COUNTED, ImportSummary, is_counted
from kapcompanion.exchange.validation import ExportDocument, parse_export
from kapcompanion.store import Store
from kapcompanion.store.practices import name_key
from kapcompanion.timestamps import to_db_time

# Far above any real export (a long course is a few MB), low enough to refuse a film or a
# disk image before reading it into memory.
LARGEST_IMPORT_BYTES = 512 * 2**20
BYTE_ORDER_MARK = b"\xef\xbb\xbf"  # Windows Notepad starts UTF-8 files with it
ZIP_START = b"PK\x03\x04"  # the CSV export, chosen by mistake

# Columns the export leaves out, filled in when a record is added here.
ADDED_NOW_COLUMNS = {"themes": ("created_at", "updated_at")}


def read_export(path: Path) -> ExportDocument:
    """Read and check the export at `path` (raises an ExchangeError if it is not one)."""
    return parse_export(_read_bounded(path), str(path))


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, unless it is too large or plainly not JSON text: those are refused
    after a look at its size and its first bytes, before the rest is read."""
    try:
        if path.stat().st_size > LARGEST_IMPORT_BYTES:
            raise ImportTooLargeError(path, LARGEST_IMPORT_BYTES)
        with path.open("rb") as handle:  # also a pipe, whose size is not known beforehand
            start, first = b"", b""
            while not first and len(start) <= LARGEST_IMPORT_BYTES:
                chunk = handle.read(64 * 1024)
                if not chunk:
                    break
                start += chunk
                first = start.removeprefix(BYTE_ORDER_MARK).lstrip()[:1]
            if start.startswith(ZIP_START):
                raise SpreadsheetExportError(str(path))
            if first not in (b"", b"{"):  # an empty file is refused as cut short, later
                raise ForeignFileError(str(path))
            content = start + handle.read(LARGEST_IMPORT_BYTES + 1 - len(start))
    except OSError as error:
        raise ImportUnreadableError(path, error.strerror or str(error)) from error
    if len(content) > LARGEST_IMPORT_BYTES:
        raise ImportTooLargeError(path, LARGEST_IMPORT_BYTES)
    return content


def import_file(
    store: Store, path: Path, *, progress: ProgressCallback | None = None
) -> ImportSummary:
    """Check the export at `path` whole, then merge it into `store` in one transaction."""
    return import_document(store, read_export(path), progress=progress, source=str(path))


def import_document(
    store: Store,
    document: ExportDocument,
    *,
    progress: ProgressCallback | None = None,
    source: str = "the file",
) -> ImportSummary:
    """Merge a checked export into `store`; on any failure (or an exception raised by
    `progress`, which is how a caller stops it) nothing at all is written."""
    merge = _Merge(store, Progress(progress, document.record_count))
    try:
        with store.transaction():
            merge.progress.report()
            for spec in TABLES:
                merge.table(spec, document.tables[spec.name])
    except DataConflictError as error:
        refusal = ImportConflictError(source, busy=False, detail=error.detail)
        print_detail_when_debugging(refusal)
        raise refusal from error
    except (DatabaseBusyError, DatabaseReadOnlyError, DiskFullError) as error:
        refusal = ImportConflictError(source, busy=True, detail=error.detail)
        print_detail_when_debugging(refusal)
        raise refusal from error
    return ImportSummary(merge.added, merge.already_here)


class _Merge:
    """One import's state: local ids for the file's uuids, and what was newly added."""

    def __init__(self, store: Store, progress: Progress) -> None:
        self.store = store
        self.progress = progress
        self.ids: dict[str, dict[str, int]] = {}  # table → the file's uuids → local row ids
        self.new_uuids: dict[str, set[str]] = {}  # table → uuids this import added
        self.added = dict.fromkeys(COUNTED, 0)
        self.already_here = dict.fromkeys(COUNTED, 0)
        self.now = to_db_time(utc_now())

    def table(self, spec: TableSpec, records: Sequence[Record]) -> None:
        is_new = self._newness(spec)
        fresh = []
        for record in records:
            new = is_new(record)
            if new:
                fresh.append(record)
            if is_counted(spec.name, record):
                (self.added if new else self.already_here)[spec.name] += 1
        self.progress.advance(len(records) - len(fresh))
        self._insert(spec, fresh)
        if spec.has_uuid:
            self.new_uuids[spec.name] = {record["uuid"] for record in fresh}
            self.ids[spec.name] = self.store.exchange.ids_by_uuid(spec.name)
        if spec.name == "themes":
            by_key = self.store.themes.ids_by_key()
            for record in records:  # a theme matched by its key keeps this profile's uuid
                if record["uuid"] not in self.ids["themes"]:
                    self.ids["themes"][record["uuid"]] = by_key[record["key"]]
        if spec.name == "own_practices":
            by_name = self.store.practices.own_ids_by_name()
            for record in records:  # one matched by its name keeps this profile's uuid
                if record["uuid"] not in self.ids["own_practices"]:
                    self.ids["own_practices"][record["uuid"]] = by_name[name_key(record["name"])]

    def _newness(self, spec: TableSpec) -> Callable[[Record], bool]:
        """A test for whether a record of `spec` is new here (and so is to be added)."""
        if spec.owner:
            owners = self.new_uuids[spec.owner_table]
            return lambda record: record[spec.owner] in owners
        if spec.name == "settings":
            keys = self.store.settings.keys()
            return lambda record: is_exchanged_setting(record["key"]) and record["key"] not in keys
        present = self.store.exchange.ids_by_uuid(spec.name)
        if spec.name == "themes":
            theme_keys = self.store.themes.ids_by_key()
            return lambda record: record["uuid"] not in present and record["key"] not in theme_keys
        if spec.name == "own_practices":
            names = self.store.practices.own_ids_by_name()
            return lambda record: (
                record["uuid"] not in present
                and not (record["deleted_at"] is None and name_key(record["name"]) in names)
            )
        return lambda record: record["uuid"] not in present

    def _insert(self, spec: TableSpec, records: Sequence[Record]) -> None:
        extra = ADDED_NOW_COLUMNS.get(spec.name, ())
        columns = [field.db_column for field in spec.fields] + list(extra)
        step = Progress.STEP
        for start in range(0, len(records), step):
            chunk = records[start : start + step]
            rows = [
                row_from_record(spec, record, self.ids) + (self.now,) * len(extra)
                for record in chunk
            ]
            self.store.exchange.insert_rows(spec.name, columns, rows)
            self.progress.advance(len(chunk))
