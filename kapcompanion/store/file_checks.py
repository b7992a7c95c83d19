"""Safe looks at a database file: is it SQLite at all (or a protected file), opening it
read-only, SQLite's own integrity checks, and the `check` command's read-only health report.

Nothing here ever writes to the file it looks at.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from kapcompanion.errors import (
    DatabaseUnreadableError,
    NoDataFileError,
    NotProtectedError,
    PassphraseNeededError,
    ProfileNeedsRecoveryError,
)
from kapcompanion.store import driver
from kapcompanion.store import migrations as schema
from kapcompanion.store.sqlite_errors import translated

SQLITE_HEADER = b"SQLite format 3\x00"
# An SQLCipher file starts with its random salt instead of the header, and is whole pages
# (512 bytes at the least).
SMALLEST_PAGE = 512


def looks_like_sqlite(path: Path) -> bool:
    """True for an SQLite file or an empty file; read without letting SQLite touch it."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    return header in (b"", SQLITE_HEADER)


def looks_protected(path: Path) -> bool:
    """True for a file that looks like an SQLCipher file: no SQLite header, whole pages.

    Only the passphrase can tell it apart from any other file of random bytes."""
    try:
        size = path.stat().st_size
        return size >= SMALLEST_PAGE and size % SMALLEST_PAGE == 0 and not looks_like_sqlite(path)
    except OSError:
        return False


def check_is_database_file(path: Path, passphrase: str | None = None) -> None:
    """Raise unless `path` is a file SQLite could open with `passphrase` (None: an ordinary
    file). A protected file opened with none raises PassphraseNeededError; an ordinary one
    opened with a passphrase, NotProtectedError."""
    if not path.exists():
        raise NoDataFileError(path)
    if not path.is_file():
        raise DatabaseUnreadableError(path, "it is a folder, not a file")
    try:
        is_sqlite = looks_like_sqlite(path)
    except OSError as error:
        raise DatabaseUnreadableError(path, error.strerror or str(error)) from error
    if passphrase is not None:
        if is_sqlite and path.stat().st_size > 0:
            raise NotProtectedError(path)
        return
    if not is_sqlite:
        if looks_protected(path):
            raise PassphraseNeededError(path)
        raise DatabaseUnreadableError(path, "it is not a KAP Companion data file")


def open_read_only(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """Open an existing database without any chance of changing it.

    When no program has the file open (no -wal or -shm beside it), it is read as it is on
    disk: a read-only connection could not remove a -wal and -shm it made when it closes, so
    none are made (and a full disk is no obstacle to reading)."""
    check_is_database_file(path, passphrase)
    immutable = not wal_path(path).exists() and not shm_path(path).exists()
    try:
        return driver.connect(path, passphrase, read_only=True, immutable=immutable)
    except driver.errors() as error:
        raise translated(error, path) from error


def integrity_problems(connection: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What SQLite's own checks find wrong with a database; empty when all is well.

    `quick` runs `PRAGMA quick_check` only (no index contents or foreign keys): fast enough to
    run every time a profile opens. Damage so bad that the check cannot run is reported too;
    a disk that cannot be read or written (full, removed, failing) is not damage: that error
    is raised, for the caller to translate.
    """
    try:
        pragma = "quick_check" if quick else "integrity_check"
        problems = [row[0] for row in connection.execute(f"PRAGMA {pragma}") if row[0] != "ok"]
        if not quick:
            problems += [
                f"{table} row {rowid} points to a missing {parent} record"
                for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check")
            ]
    except driver.errors("DatabaseError") as error:
        if not is_damage(error):
            raise
        return [str(error)]
    return problems


def is_damage(error: Exception) -> bool:
    """True when SQLite refused because of what the file holds, not because of the disk."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is None or code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def cut_short(path: Path) -> bool:
    """True when an ordinary (not protected) database file is shorter than its own header
    says, or ends part-way through a page: its end was lost. Only read, never opened."""
    with path.open("rb") as handle:
        header = handle.read(100)
    size = path.stat().st_size
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return 0 < size < 100 and header.startswith(SQLITE_HEADER[:size])
    page_size = _page_size(header)
    if page_size < SMALLEST_PAGE or size % page_size:
        return True
    # The page count at offset 28 is valid when the change counter (24) matches offset 92.
    pages = int.from_bytes(header[28:32], "big")
    return header[24:28] == header[92:96] and size < pages * page_size


def page_size_of(path: Path) -> int | None:
    """The page size an ordinary database file's header names (None if it names none)."""
    with path.open("rb") as handle:
        header = handle.read(18)
    if len(header) < 18 or not header.startswith(SQLITE_HEADER):
        return None
    return _page_size(header)


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size  # 65536 does not fit in two bytes


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def shm_path(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def has_wal(path: Path) -> bool:
    """True when changes not yet written into `path` wait beside it in a non-empty -wal."""
    try:
        return wal_path(path).stat().st_size > 0
    except OSError:
        return False


# The `check` command -------------------------------------------------------------------


@dataclass(frozen=True)
class HealthReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    pending_migrations: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(path: Path, passphrase: str | None = None) -> HealthReport:
    """Read-only integrity check; raises for a file that isn't ours, else lists problems.

    Only damage is a problem: a disk that is full or fails while checking raises DiskFullError
    or DiskIOError. Nothing is left beside the file that was not there before."""
    lost = lost_data(path, passphrase)
    if lost:
        return HealthReport(path, [ProfileNeedsRecoveryError.REASONS[lost]])
    connection = open_read_only(path, passphrase)
    try:
        db = Database(connection, execute_plugins=False)
        try:
            schema.refuse_unusable(db, path)
        except driver.errors("DatabaseError") as error:  # damage where it says whose file it is
            if not is_damage(error):
                raise
            return HealthReport(path, [str(error)])
        problems = integrity_problems(connection)
        if problems:
            return HealthReport(path, problems)
        tables = set(db.table_names())
        counts = {name: db[name].count for name in schema.USER_TABLES if name in tables}
        pending = [step.name for step in schema.migrations.pending(db)]
        return HealthReport(path, problems, counts, pending)
    except driver.errors() as error:
        raise translated(error, path) from error
    finally:
        connection.close()


def lost_data(path: Path, passphrase: str | None) -> str | None:
    """EMPTY or TRUNCATED (of ProfileNeedsRecoveryError) when the file at `path` lost what it
    held: it is empty, or shorter than its header says (a protected one: not whole pages).
    None when it is whole, or a -wal beside it may still make it whole. Only read."""
    try:
        if not path.is_file() or has_wal(path):
            return None
        size = path.stat().st_size
        if size == 0:
            return ProfileNeedsRecoveryError.EMPTY
        if passphrase is None and looks_like_sqlite(path):
            truncated = cut_short(path)
        else:
            truncated = passphrase is not None and size % SMALLEST_PAGE != 0
    except OSError:
        return None  # opening it says why
    return ProfileNeedsRecoveryError.TRUNCATED if truncated else None
