"""Tests only: the store's own connection, to inspect or break the database on purpose.

Application code never gets this (the boundary test keeps SQL inside kapcompanion/store/);
a test uses it to write what the store would refuse, or to watch the statements it runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from kapcompanion.store import Store


def connection_of(store: Store) -> sqlite3.Connection:
    return store._db.conn


@contextmanager
def refusing_writes(store: Store) -> Iterator[None]:
    """The database reads but refuses every write (as a read-only file or disk would)."""
    connection = connection_of(store)
    connection.execute("PRAGMA query_only = ON")
    try:
        yield
    finally:
        connection.execute("PRAGMA query_only = OFF")


@contextmanager
def held_by_another_program(store: Store) -> Iterator[None]:
    """Another connection holds the write lock; the store gives up after 50 ms, not 5 s."""
    connection = connection_of(store)
    waited = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
        connection.execute(f"PRAGMA busy_timeout = {int(waited)}")
