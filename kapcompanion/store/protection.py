"""Turning passphrase protection on, changing the passphrase, and taking it off.

Each is the same safe step, done for the database and then for each backup: copy the whole
file into a new one under the new key (SQLCipher's `sqlcipher_export`; no key means an ordinary
file), open the copy with that key and check it is whole and holds every row the original
held, and only then put it in the original's place. The original's bytes are then overwritten
with zeros and the file removed, so no readable copy stays behind. Until the copy takes the
original's name the original is untouched: a kill, a full disk or a wrong passphrase leaves it
exactly as it was, and the next open tidies what a cut-short step left (see `file_swap`).

The profile must be closed while this runs (the window closes its store first; the command line
holds the profile lock). Files on copy-on-write or flash storage may keep old blocks the
overwrite cannot reach; the profile folder can only promise what the file system does.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kapcompanion import private_files
from kapcompanion.errors import (
    AlreadyProtectedError,
    KapError,
    NotProtectedError,
    ProtectionError,
)
from kapcompanion.store import driver
from kapcompanion.store.file_checks import (
    check_is_database_file,
    integrity_problems,
    looks_like_sqlite,
    looks_protected,
)
from kapcompanion.store.file_swap import partial_path, put_in_place, tidy_leftovers
from kapcompanion.store.scrub import checkpoint_wal
from kapcompanion.store.sqlite_errors import translated


@dataclass
class ProtectionReport:
    """What a change of protection did to the backups beside the database."""

    converted: list[Path] = field(default_factory=list)
    left_unprotected: list[Path] = field(default_factory=list)
    not_opened: list[Path] = field(default_factory=list)


def is_protected(database: Path) -> bool:
    """True when the profile's database is an encrypted (SQLCipher) file."""
    return database.is_file() and looks_protected(database)


def backup_files(backups_folder: Path) -> list[Path]:
    """The backups in a profile's `backups/`, oldest name first."""
    if not backups_folder.is_dir():
        return []
    return sorted(
        path for path in backups_folder.iterdir() if path.is_file() and path.suffix == ".sqlite3"
    )


def unprotected_backups(backups_folder: Path) -> list[Path]:
    """Backups anyone who can read the folder could read: ordinary SQLite files."""
    return [path for path in backup_files(backups_folder) if _is_plain(path)]


def protect(
    database: Path, backups_folder: Path, passphrase: str, *, backups: bool = True
) -> ProtectionReport:
    """Encrypt the database with `passphrase`, and (unless `backups` is False) every ordinary
    backup too; those left are listed in the report as not protected."""
    driver.check_new_passphrase(passphrase)
    if is_protected(database):
        raise AlreadyProtectedError(database)
    check_is_database_file(database)
    convert_file(database, None, passphrase)
    report = ProtectionReport()
    for backup in unprotected_backups(backups_folder):
        if backups:
            _convert_backup(backup, None, passphrase, report)
        else:
            report.left_unprotected.append(backup)
    return report


def change(database: Path, backups_folder: Path, current: str, new: str) -> ProtectionReport:
    """Re-encrypt the database, and the backups the current passphrase opens, with `new`;
    ordinary backups left beside it are protected with `new` now too."""
    driver.check_new_passphrase(new)
    if not is_protected(database):
        raise NotProtectedError(database)
    convert_file(database, current, new)
    report = ProtectionReport()
    for backup in backup_files(backups_folder):
        _convert_backup(backup, None if _is_plain(backup) else current, new, report)
    return report


def remove(database: Path, backups_folder: Path, current: str) -> ProtectionReport:
    """Decrypt the database, and the backups the passphrase opens, into ordinary files."""
    if not is_protected(database):
        raise NotProtectedError(database)
    convert_file(database, current, None)
    report = ProtectionReport()
    for backup in backup_files(backups_folder):
        if not _is_plain(backup):
            _convert_backup(backup, current, None, report)
    return report


def protect_backups(backups_folder: Path, passphrase: str) -> ProtectionReport:
    """Encrypt the ordinary backups left beside a protected database with its passphrase."""
    report = ProtectionReport()
    for backup in unprotected_backups(backups_folder):
        _convert_backup(backup, None, passphrase, report)
    return report


def _convert_backup(
    backup: Path, current: str | None, new: str | None, report: ProtectionReport
) -> None:
    try:
        convert_file(backup, current, new)
    except KapError:
        # A backup made under an earlier passphrase, or damaged: it stays as it is, listed.
        report.not_opened.append(backup)
    else:
        report.converted.append(backup)


def convert_file(path: Path, current: str | None, new: str | None) -> None:
    """Put a copy of `path` under the key `new` (None: no key) in its place, verified first.

    `current` opens it (None for an ordinary file). Raises a KapError, with `path` unchanged,
    if the passphrase is wrong, the disk is full or the copy does not check out.
    """
    tidy_leftovers(path)
    partial = partial_path(path)
    try:
        private_files.create_private_file(partial)
    except OSError as error:
        raise ProtectionError(
            f"A new copy of {path.name} cannot be written in {path.parent} "
            f"({error.strerror}). Nothing was changed."
        ) from error
    try:
        expected = _export(path, current, partial, new)
        _verify(partial, new, expected)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    put_in_place(partial, path)


def _export(path: Path, current: str | None, target: Path, new: str | None) -> dict[str, int]:
    """Copy every page's content of `path` into `target`; return each table's row count."""
    try:
        source = driver.cipher_connect(path, current)
    except driver.errors() as error:
        raise translated(error, path) from error
    try:
        # Every page of the -wal into the file first: what is left beside it is empty, and
        # nothing can be replayed over the copy once it has the original's name.
        if not checkpoint_wal(source):
            raise ProtectionError(
                f"{path.name} is still in use by another program, so it was not converted. "
                "Nothing was changed."
            )
        counts = _row_counts(source)
        version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute("ATTACH DATABASE ? AS converted KEY ?", [str(target), _key(new)])
        source.execute("SELECT sqlcipher_export('converted')")
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
        source.execute("DETACH DATABASE converted")
    except driver.errors() as error:
        raise translated(error, path) from error
    finally:
        source.close()
    return counts


def _verify(copy: Path, passphrase: str | None, expected: dict[str, int]) -> None:
    try:
        connection = driver.cipher_connect(copy, passphrase)
        try:
            problems = integrity_problems(connection)
            counts = _row_counts(connection)
        finally:
            connection.close()
    except driver.errors() as error:
        raise translated(error, copy) from error
    if problems or counts != expected:
        raise ProtectionError(
            "The new copy of your data did not match the original, so it was not used. "
            "Nothing was changed."
        )


def _row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE "
            "VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
    }


def _key(passphrase: str | None) -> str:
    return "" if passphrase is None else driver.key_text(passphrase)


def _is_plain(path: Path) -> bool:
    try:
        return looks_like_sqlite(path) and path.stat().st_size > 0
    except OSError:
        return False
