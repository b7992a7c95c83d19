"""`check`: is a profile's database whole, ours, and readable by this version? Changes nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from kapcompanion import migrations as schema
from kapcompanion.database_file import integrity_problems, open_read_only
from kapcompanion.errors import DatabaseUnreadableError

COUNTED_TABLES = ("sessions", "reflections", "insights")


@dataclass(frozen=True)
class HealthReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    pending_migrations: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(path: Path) -> HealthReport:
    """Read-only integrity check; raises for a file that isn't ours, else lists problems."""
    connection = open_read_only(path)
    try:
        db = Database(connection, execute_plugins=False)
        try:
            schema.refuse_unusable(db, path)
        except sqlite3.DatabaseError as error:  # damage in the pages that say whose file it is
            return HealthReport(path, [str(error)])
        problems = integrity_problems(connection)
        if problems:
            return HealthReport(path, problems)
        tables = set(db.table_names())
        counts = {name: db[name].count for name in COUNTED_TABLES if name in tables}
        pending = [step.name for step in schema.migrations.pending(db)]
        return HealthReport(path, problems, counts, pending)
    except sqlite3.DatabaseError as error:
        raise DatabaseUnreadableError(path, str(error)) from error
    finally:
        connection.close()
