"""Consistent copies of a profile's database, made with SQLite's online backup API.

Safe while the app is running: the copy is one consistent snapshot, written under a temporary
name, checked, and only then given its final name. The source file is opened read-only, and an
existing file is never overwritten. A backup is readable by the user only (0600), and a folder
made for it (the profile's `backups/`) is theirs alone (0700). A backup of a protected profile
is protected with the same passphrase: no plaintext copy is ever written.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from datetime import datetime
from pathlib import Path

from kapcompanion import private_files
from kapcompanion.errors import BackupError
from kapcompanion.store import driver
from kapcompanion.store.file_checks import integrity_problems, open_read_only
from kapcompanion.store.scrub import require_secure_delete


def default_backup_path(backups_folder: Path, now: datetime) -> Path:
    """A new file name in `backups_folder` for a backup made at `now` (never an existing one)."""
    stem = f"kap-companion-{now:%Y-%m-%d-%H%M%S}"
    for number in itertools.count(1):
        candidate = backups_folder / (
            f"{stem}.sqlite3" if number == 1 else f"{stem}-{number}.sqlite3"
        )
        if not candidate.exists():
            return candidate
    raise AssertionError("unreachable")


def backup_database(source: Path, destination: Path, passphrase: str | None = None) -> Path:
    """Copy `source` to `destination` (which must not exist yet) and return `destination`;
    `passphrase` opens a protected `source`, and protects the copy."""
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another name for the backup.")
    partial = destination.with_name(destination.name + ".partial")
    source_connection = open_read_only(source, passphrase)
    try:
        try:
            private_files.make_private_folder(destination.parent, parents=True)
            partial.unlink(missing_ok=True)  # left by a backup that was cut short
            # Private before SQLite writes a byte; its journal takes the same mode.
            private_files.create_private_file(partial)
        except OSError as error:
            raise BackupError(
                f"The backup cannot be written in {destination.parent} ({error.strerror}). "
                "Your entries were not changed."
            ) from error
        _copy(source_connection, partial, passphrase)
        partial.replace(destination)
    except driver.errors() as error:
        raise BackupError(
            f"The backup could not be made ({error}). Your entries were not changed."
        ) from error
    finally:
        source_connection.close()
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return destination


def _copy(source: sqlite3.Connection, target_path: Path, passphrase: str | None) -> None:
    target = driver.connect(target_path, passphrase)
    try:
        # As on every connection the store opens: whatever the copy frees is zeroed.
        require_secure_delete(target, target_path)
        source.backup(target)
        # A backup is one self-contained file, whatever journal the live database uses.
        target.execute("PRAGMA journal_mode = DELETE")
        problems = integrity_problems(target)
    finally:
        target.close()
    if problems:
        raise BackupError(
            f"The backup could not be verified ({problems[0]}), so it was not kept. Your "
            "entries were not changed."
        )
