"""Removing from older backups what has been deleted for good from the profile.

A backup is a copy of the database as it was: something deleted forever afterwards is still in
it. A record leaves the profile only by being erased (from "recently deleted", by hand or after
30 days) or by "delete all my data", which takes the backups with it; so every record a backup
holds that the profile no longer holds (matched by its `uuid`) was deleted for good, and
`forget_erased` removes exactly those.

Each backup is rewritten on a copy: the records go (with what hangs off them, by the schema's
cascades), the search indexes are rewritten without their words, the copy is checked whole, and
only then takes the backup's place, the old bytes overwritten (see `file_swap`). A backup with
nothing to remove is left untouched; one that does not open (damaged, or protected with another
passphrase) is left and named in the report.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kapcompanion import private_files
from kapcompanion.errors import KapError
from kapcompanion.store import driver
from kapcompanion.store.file_checks import integrity_problems, looks_protected
from kapcompanion.store.file_swap import partial_path, put_in_place, tidy_leftovers
from kapcompanion.store.scrub import optimize, require_secure_delete
from kapcompanion.store.sqlite_errors import translated

# Parents before children: a cascade then takes the children that belong to a parent, and
# what is left is removed by its own uuid.
TABLES = (
    "sessions",
    "reflections",
    "answers",
    "insights",
    "commitments",
    "checkins",
    "distress_ratings",
    "practice_entries",
    "medications",
)


@dataclass
class BackupScrubReport:
    """What `forget_erased` did to each backup."""

    cleaned: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    not_opened: list[Path] = field(default_factory=list)


def live_uuids(connection: sqlite3.Connection) -> dict[str, set[str]]:
    """The uuid of every record the profile still holds, by table (recently deleted included:
    those can still be brought back)."""
    present = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    return {
        table: {row[0] for row in connection.execute(f"SELECT uuid FROM {table}")}
        for table in TABLES
        if table in present
    }


def forget_erased(
    backups: Iterable[Path], kept: Mapping[str, set[str]], passphrase: str | None
) -> BackupScrubReport:
    """Remove from each backup every record whose uuid is not in `kept` (the profile's)."""
    report = BackupScrubReport()
    for backup in backups:
        try:
            changed = _clean(backup, kept, passphrase if looks_protected(backup) else None)
        except KapError:
            report.not_opened.append(backup)
        else:
            (report.cleaned if changed else report.unchanged).append(backup)
    return report


def _clean(backup: Path, kept: Mapping[str, set[str]], passphrase: str | None) -> bool:
    tidy_leftovers(backup)
    partial = partial_path(backup)
    try:
        private_files.create_private_file(partial)
        shutil.copyfile(backup, partial)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise KapError(f"{backup} could not be copied ({error.strerror}).") from error
    try:
        removed = _remove_missing(partial, kept, passphrase)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if not removed:
        partial.unlink()
        return False
    put_in_place(partial, backup)
    return True


def _remove_missing(path: Path, kept: Mapping[str, set[str]], passphrase: str | None) -> int:
    """Delete the records `kept` does not hold from the database at `path`; how many went."""
    try:
        connection = driver.connect(path, passphrase)
    except driver.errors() as error:
        raise translated(error, path) from error
    try:
        connection.isolation_level = None
        require_secure_delete(connection, path)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = DELETE")
        present = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        tables = [table for table in TABLES if table in present and table in kept]
        held = _records(connection, tables)
        connection.execute("BEGIN")
        connection.execute("CREATE TEMP TABLE kept (uuid TEXT PRIMARY KEY)")
        for table in tables:
            connection.execute("DELETE FROM temp.kept")
            connection.executemany(
                "INSERT INTO temp.kept (uuid) VALUES (?)", ((uuid,) for uuid in kept[table])
            )
            connection.execute(
                f"DELETE FROM {table} WHERE uuid NOT IN (SELECT uuid FROM temp.kept)"
            )
        connection.execute("DROP TABLE temp.kept")
        left = _records(connection, tables)
        removed = held - left
        if held and not left and any(kept.values()):
            # Not one record in common with a profile that has some: a copy of another
            # profile's data put in this folder, not an older state of this one.
            connection.execute("ROLLBACK")
            raise KapError(f"{path} is not a backup of this profile's data.")
        if removed:
            optimize(connection)
        connection.execute("COMMIT")
        problems = integrity_problems(connection)
    except driver.errors() as error:
        raise translated(error, path) from error
    finally:
        connection.close()
    if problems:
        raise KapError(f"{path} did not check out after cleaning ({problems[0]}).")
    return removed


def _records(connection: sqlite3.Connection, tables: list[str]) -> int:
    return sum(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)
