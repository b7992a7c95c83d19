"""Safe first looks at a database file: is it SQLite at all, and opening it read-only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kapcompanion.errors import DatabaseUnreadableError

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_like_sqlite(path: Path) -> bool:
    """True for an SQLite file or an empty file; read without letting SQLite touch it."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    return header in (b"", SQLITE_HEADER)


def check_is_database_file(path: Path) -> None:
    """Raise DatabaseUnreadableError unless `path` is a file SQLite could open."""
    if not path.is_file():
        raise DatabaseUnreadableError(
            path,
            "there is no data file there yet"
            if not path.exists()
            else "it is a folder, not a file",
        )
    try:
        is_sqlite = looks_like_sqlite(path)
    except OSError as error:
        raise DatabaseUnreadableError(path, error.strerror or str(error)) from error
    if not is_sqlite:
        raise DatabaseUnreadableError(path, "it is not a KAP Companion data file")


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open an existing database without any chance of changing it."""
    check_is_database_file(path)
    try:
        return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as error:
        raise DatabaseUnreadableError(path, str(error)) from error
