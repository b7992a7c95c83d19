"""Making deleted words leave the file, not just the tables.

SQLite alone keeps a deleted sentence in three places: the freed space of the page that held it
(unless `secure_delete` is on), the segments of an FTS5 index (a delete only adds a tombstone;
the term stays in the old segment until that segment is merged), and the `-wal` (old page
images wait there until a checkpoint). `require_secure_delete` deals with the first on every
connection the store opens; `optimize` and `checkpoint_wal` with the other two, after anything
is erased for good and, for words replaced by an edit, at close.

This module never deletes a row itself, and never commits: `optimize` runs inside the caller's
transaction, so an erase and the rewriting of its index land together or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from kapcompanion.errors import StoreError

FTS_INDEXES = ("answers_fts", "insights_fts", "sessions_fts")


def require_secure_delete(connection: sqlite3.Connection, path: Path) -> None:
    """Have SQLite overwrite deleted content with zeros on this connection, or refuse it.

    Upstream's default is off and some builds turn it on, so it is set rather than trusted.
    """
    connection.execute("PRAGMA secure_delete = ON")
    if connection.execute("PRAGMA secure_delete").fetchone()[0] != 1:
        raise StoreError(
            path,
            "PRAGMA secure_delete stayed off",
            "This copy of SQLite cannot overwrite deleted entries, so KAP Companion will not "
            "use it. Nothing was changed.",
        )


def optimize(connection: sqlite3.Connection, indexes: Iterable[str] = FTS_INDEXES) -> None:
    """Rewrite these full-text indexes without the words of deleted or replaced text.

    FTS5's 'optimize' merges an index into one segment, leaving out what its tombstones mark;
    `secure_delete` zeroes the pages that frees. It rewrites the whole index: about 0.2 s for
    ten years of writing. (SQLite 3.42's FTS5 'secure-delete' option would touch only the
    pages concerned, but the SQLite this app meets may be older.)
    """
    wanted = [index for index in indexes if index in FTS_INDEXES]
    if not wanted:
        return
    present = {
        row[0]
        for row in connection.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'table' "
            f"AND name IN ({', '.join('?' * len(wanted))})",
            wanted,
        )
    }
    for index in wanted:
        if index in present:
            connection.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")


def checkpoint_wal(connection: sqlite3.Connection) -> bool:
    """Copy every page of the `-wal` into the database and truncate the `-wal` to nothing.

    False when that could not finish (a transaction is open here, or another connection is
    still reading an older snapshot); the old pages then stay until the next checkpoint, at
    the latest when the last connection closes.
    """
    if connection.in_transaction:
        return False
    busy, _logged, _copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy
