"""`store.exchange`: rows exactly as stored, for export, and inserting them back, for import.

Only the tables of the export format are reachable (`EXCHANGE_TABLES`); column names come from
the export schema, never from a file being imported. Checking and merging an export is
kapcompanion/exchange's job; this part only reads and writes rows. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kapcompanion.store.part import Part
from kapcompanion.store.rows import Row

EXCHANGE_TABLES = (
    "themes",
    "sessions",
    "reflections",
    "answers",
    "reflection_themes",
    "insights",
    "insight_themes",
    "commitments",
    "commitment_notes",
    "distress_ratings",
    "checkins",
    "checkin_answers",
    "own_practices",
    "practice_entries",
    "medications",
    "settings",
)


class Exchange(Part):
    def rows(self, table: str) -> list[Row]:
        """Every row of `table` as stored, drafts and "recently deleted" included, oldest first."""
        _check_table(table)
        return self._all(f"SELECT * FROM {table} ORDER BY rowid")

    def ids_by_uuid(self, table: str) -> dict[str, int]:
        """Each record of `table` (one with a uuid) by its uuid: uuid → local row id."""
        _check_table(table)
        return {uuid: row_id for uuid, row_id in self._db.execute(f"SELECT uuid, id FROM {table}")}

    def insert_rows(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows exactly as given (an import; run it inside `store.transaction()`)."""
        _check_table(table)
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        with self._db.atomic():
            self._db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _check_table(table: str) -> None:
    if table not in EXCHANGE_TABLES:
        raise ValueError(f"{table} is not a table that is exported or imported.")
