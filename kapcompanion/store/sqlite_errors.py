"""The one place where `sqlite3` errors become `KapError`s with a plain message.

Every public method of `Store` and of its parts, and opening, backing up and checking a file,
passes what SQLite raises (Python's `sqlite3` or SQLCipher's, see `driver`) through
`translated`; nothing outside `kapcompanion/store/` ever sees an `sqlite3` exception. The
cause is read from SQLite's result code (Python 3.11's `sqlite_errorcode`), not from the
wording of its message, which changes between versions.
This module must never swallow an error: it only renames it.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from kapcompanion.errors import (
    DatabaseBusyError,
    DatabaseReadOnlyError,
    DatabaseUnreadableError,
    DataConflictError,
    DiskFullError,
    DiskIOError,
    StoreError,
)
from kapcompanion.store import driver

P = ParamSpec("P")
R = TypeVar("R")

# Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low
# byte, so SQLITE_BUSY_SNAPSHOT (517) still reads as SQLITE_BUSY.
_BUSY_OR_LOCKED = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_FULL = {sqlite3.SQLITE_FULL}
_READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH}
_IO = {sqlite3.SQLITE_IOERR}
# What the client reads for each kind of damage; SQLite's own text goes in `detail`.
_DAMAGED = {
    sqlite3.SQLITE_CORRUPT: "parts of it are damaged",
    sqlite3.SQLITE_NOTADB: "it is not a database file, or it is damaged",
    sqlite3.SQLITE_CANTOPEN: "it could not be opened",
}
_CONFLICT = {sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_MISMATCH}


def translated(error: Exception, path: Path) -> StoreError:
    """The `KapError` that says in plain words why SQLite refused, for the file at `path`."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    detail = f"{getattr(error, 'sqlite_errorname', type(error).__name__)}: {error}"
    if primary in _BUSY_OR_LOCKED:
        return DatabaseBusyError(path, detail)
    if primary in _FULL:
        return DiskFullError(path, detail)
    if primary in _READ_ONLY:
        return DatabaseReadOnlyError(path, detail)
    if primary in _IO:
        return DiskIOError(path, detail)
    damage = None if primary is None else _DAMAGED.get(primary)
    if damage is not None:
        return DatabaseUnreadableError(path, damage, detail)
    if primary in _CONFLICT or isinstance(error, driver.errors("IntegrityError")):
        return DataConflictError(path, detail)
    return StoreError(path, detail)


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """`method` of an object with a `path`, raising `translated(...)` for any sqlite3 error."""

    @functools.wraps(method)
    def guard(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except driver.errors() as error:
            owner: Any = args[0]
            raise translated(error, owner.path) from error

    return guard


class Guarded:
    """Base of `Store` and its parts: every public method defined on a subclass is `guarded`.

    Done once here, rather than with try/except in each method, so a new method cannot forget.
    Subclasses must have a `path` (the database file, or ":memory:").
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(value):
                setattr(cls, name, guarded(value))
