"""`Part`: the shared base of the store's parts (store.sessions, store.reflections, …).

A part is a view onto one aggregate of the profile's database: it holds the store's
connection, runs its SQL through the small helpers here, and has every public method's
`sqlite3` errors translated (see `sqlite_errors.Guarded`). Parts never open or close a
connection and never commit outside `atomic()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database
from sqlite_utils.db import Table

from kapcompanion.errors import NotFoundError
from kapcompanion.store.rows import Row
from kapcompanion.store.sqlite_errors import Guarded

if TYPE_CHECKING:
    from kapcompanion.store.store import Store


class Part(Guarded):
    """One aggregate's reads and writes; each public write is one transaction (or savepoint)."""

    def __init__(self, store: Store, db: Database) -> None:
        self._store = store
        self._db = db

    @property
    def path(self) -> Path:
        return self._store.path

    def _table(self, name: str) -> Table:
        return Table(self._db, name)

    def _insert(self, name: str, record: Row) -> int:
        """Insert one row and return its new integer id."""
        table = self._table(name)
        table.insert(record)
        assert table.last_pk is not None
        return int(table.last_pk)

    def _require_live(self, table: str, row_id: int) -> None:
        """Raise NotFoundError unless `table` has a live (not deleted) row with this id."""
        if (
            self._one(f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NULL", [row_id])
            is None
        ):
            raise NotFoundError(f"No {table} record {row_id}.")

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        return one(self._db, sql, params)

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return every(self._db, sql, params)


def one(db: Database, sql: str, params: Sequence[Any] = ()) -> Row | None:
    """The first row `sql` finds, as a dict by column name, or None."""
    cursor = db.execute(sql, list(params))
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([column[0] for column in cursor.description], row, strict=True))


def every(db: Database, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    """Every row `sql` finds, as dicts by column name."""
    cursor = db.execute(sql, list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
