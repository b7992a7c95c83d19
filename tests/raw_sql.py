"""Tests only: the store's own connection, to inspect or break the database on purpose.

Application code never gets this (the boundary test keeps SQL inside kapcompanion/store/);
a test uses it to write what the store would refuse, or to watch the statements it runs.
"""

from __future__ import annotations

import sqlite3

from kapcompanion.store import Store


def connection_of(store: Store) -> sqlite3.Connection:
    return store._db.conn
