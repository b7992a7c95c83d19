"""Database rows ↔ exported records, field by field as the schema describes them.

A row names its parents by local row id; a record names them by uuid. Booleans are 0/1 in
the database and true/false in the export; lists and setting values are JSON text in the
database and plain JSON in the export; times are kept as the store keeps them (UTC, with
their offset).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from kapcompanion.exchange.schema import Kind, TableSpec

Record = dict[str, Any]
Row = Mapping[str, Any]
ProgressCallback = Callable[[int, int], None]


def record_from_row(spec: TableSpec, row: Row, uuids: Mapping[str, Mapping[int, str]]) -> Record:
    """The exported form of one database row; `uuids[table][row id]` resolves references."""
    record: Record = {}
    for field in spec.fields:
        value = row[field.db_column]
        if value is not None:
            if field.kind is Kind.REFERENCE:
                value = uuids[field.refers_to][value]
            elif field.kind is Kind.BOOLEAN:
                value = bool(value)
            elif field.kind in (Kind.TEXT_LIST, Kind.JSON):
                value = json.loads(value)
        record[field.name] = value
    return record


def row_from_record(
    spec: TableSpec, record: Record, ids: Mapping[str, Mapping[str, int]]
) -> tuple[Any, ...]:
    """Database values for a validated record, in the order of `spec.fields`' columns;
    `ids[table][uuid]` resolves references to local row ids."""
    values: list[Any] = []
    for field in spec.fields:
        value = record[field.name]
        if value is not None:
            if field.kind is Kind.REFERENCE:
                value = ids[field.refers_to][value]
            elif field.kind is Kind.BOOLEAN:
                value = int(value)
            elif field.kind in (Kind.TEXT_LIST, Kind.JSON):
                value = json.dumps(value)
            elif field.kind is Kind.TIME:
                # In UTC as stored, to the microsecond when it has them: things moved to
                # "recently deleted" together share one such moment (see store.deleted).
                value = datetime.fromisoformat(value).astimezone(UTC).isoformat()
        values.append(value)
    return tuple(values)


def sort_key(spec: TableSpec) -> Callable[[Record], tuple[Any, ...]]:
    """The order records are written in, so that two exports of the same data are identical."""

    def key(record: Record) -> tuple[Any, ...]:
        values = (record[name] for name in spec.order)
        return tuple((value is None, "" if value is None else value) for value in values)

    return key


class Progress:
    """Reports `done` of `total` to a callback, often enough for a progress bar, not more."""

    STEP = 500

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self._callback = callback
        self.total = total
        self.done = 0
        self._reported = -1

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.done - self._reported >= self.STEP or self.done >= self.total:
            self.report()

    def report(self) -> None:
        if self._callback is not None and self.done != self._reported:
            self._reported = self.done
            self._callback(min(self.done, self.total), self.total)
