"""Consistent copies of a profile's database, made with SQLite's online backup API.

Safe while the app is running: the copy is one consistent snapshot, written under a temporary
name, checked, and only then given its final name. The source file is opened read-only.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from kapcompanion.database_file import open_read_only
from kapcompanion.errors import BackupError, DatabaseUnreadableError


def default_backup_path(backups_folder: Path, now: datetime) -> Path:
    return backups_folder / f"kap-companion-{now:%Y-%m-%d-%H%M%S}.sqlite3"


def backup_database(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` (which must not exist yet) and return `destination`."""
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another name for the backup.")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(
            f"The folder for {destination} cannot be made: {error.strerror}."
        ) from error
    partial = destination.with_name(destination.name + ".partial")
    source_connection = open_read_only(source)
    try:
        target = sqlite3.connect(partial)
        try:
            source_connection.backup(target)
            # A backup is one self-contained file, whatever journal the live database uses.
            target.execute("PRAGMA journal_mode = DELETE")
            verdict = target.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            target.close()
        if verdict != "ok":
            raise BackupError(f"The backup could not be verified ({verdict}); nothing was kept.")
        partial.replace(destination)
    except sqlite3.DatabaseError as error:
        raise DatabaseUnreadableError(source, str(error)) from error
    except OSError as error:
        raise BackupError(f"The backup could not be written: {error.strerror}.") from error
    finally:
        source_connection.close()
        partial.unlink(missing_ok=True)
    return destination
