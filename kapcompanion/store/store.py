"""`Store`: the one object that owns a profile's SQLite database, and hangs its parts off itself.

`store.sessions`, `store.reflections`, `store.themes`, `store.insights`, `store.check_ins`,
`store.practices`, `store.medications`, `store.deleted`, `store.journal`, `store.settings` and
`store.exchange` each read and write one
aggregate; this module opens and closes the connection, sets the pragmas, runs transactions,
applies migrations and tidies up at open. Each public write runs in one transaction (nested
calls become savepoints), so a failure leaves the database exactly as it was. Every `sqlite3`
error leaves as a `KapError` (see `sqlite_errors`). Deleted content is overwritten, and what
was erased or edited away leaves the search indexes and the `-wal` too (see `scrub`). The
database file is readable by the user only (kapcompanion.private_files), and so are the `-wal`
and `-shm` SQLite keeps beside it. A profile protected with a passphrase is opened keyed (see
`driver` and `protection`); the store keeps the passphrase only while it is open, for the
backups it makes. The store never imports Qt, and the connection never leaves it.
"""

from __future__ import annotations

import contextlib
import errno
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.db import Table

from kapcompanion import private_files
from kapcompanion.errors import (
    DatabaseBusyError,
    DatabaseUnreadableError,
    DataConflictError,
    DiskFullError,
    DiskIOError,
    ProfileNeedsRecoveryError,
    StoreError,
)
from kapcompanion.profile import BACKUPS_FOLDER
from kapcompanion.store import driver, stray_wal
from kapcompanion.store import migrations as schema
from kapcompanion.store.backup_scrub import BackupScrubReport, forget_erased, live_uuids
from kapcompanion.store.check_ins import CheckIns
from kapcompanion.store.deleted import Deleted
from kapcompanion.store.exchange import Exchange
from kapcompanion.store.file_checks import check_is_database_file, integrity_problems, is_damage
from kapcompanion.store.file_swap import tidy_leftovers
from kapcompanion.store.health import check_before_opening
from kapcompanion.store.insights import Insights
from kapcompanion.store.journal import Journal
from kapcompanion.store.medications import Medications
from kapcompanion.store.migrations import USER_TABLES
from kapcompanion.store.part import one
from kapcompanion.store.practices import Practices
from kapcompanion.store.reflections import Reflections
from kapcompanion.store.scrub import optimize, require_secure_delete
from kapcompanion.store.sessions import Sessions
from kapcompanion.store.settings import Settings
from kapcompanion.store.sqlite_errors import Guarded, translated
from kapcompanion.store.stray_wal import PROFILE_ID_KEY, SetAsideWal
from kapcompanion.store.themes import Themes
from kapcompanion.timestamps import from_db_time_or_none

IN_MEMORY = Path(":memory:")
BUSY_TIMEOUT_SECONDS = 5.0


class Store(Guarded):
    """A profile's database: sessions, reflections, insights, themes, ratings, practices,
    medications and settings.

    Give it a path (`Store.open`), nothing (`Store.in_memory()`), or an already-open
    `sqlite3.Connection` (for example an encrypted one). Opening checks the file is ours and
    not from a newer version, switches on WAL and foreign keys, and applies any pending
    migrations.
    """

    def __init__(self, connection: sqlite3.Connection, *, passphrase: str | None = None) -> None:
        if connection.in_transaction:
            raise ValueError("Hand the store a connection with no open transaction.")
        # Explicit BEGIN/COMMIT only (sqlite-utils' atomic()); no implicit transactions.
        connection.isolation_level = None
        self._db = Database(connection, execute_plugins=False)
        self.sessions = Sessions(self, self._db)
        self.reflections = Reflections(self, self._db)
        self.themes = Themes(self, self._db)
        self.insights = Insights(self, self._db)
        self.check_ins = CheckIns(self, self._db)
        self.practices = Practices(self, self._db)
        self.medications = Medications(self, self._db)
        self.deleted = Deleted(self, self._db)
        self.journal = Journal(self, self._db)
        self.settings = Settings(self, self._db)
        self.exchange = Exchange(self, self._db)
        self.path = IN_MEMORY
        self._passphrase = passphrase
        # A -wal found beside the file at opening that did not belong to it, and where it was
        # kept (see stray_wal): the window tells the client, with `set_aside.message`.
        self.set_aside: SetAsideWal | None = None
        try:
            self.path = self._file_path()
            require_secure_delete(connection, self.path)
            self._db.execute("PRAGMA foreign_keys = ON")
            schema.refuse_unusable(self._db, self.path)
            # Before anything writes: a damaged file is reported, never touched. SQLCipher
            # checks each page's MAC whenever it is read, so a damaged page of a protected file
            # is refused when first read; the whole-file check (which would decrypt every page,
            # seconds for ten years of writing) is left to `check` there.
            damage = [] if self.protected else integrity_problems(connection, quick=True)
            if damage:
                raise ProfileNeedsRecoveryError(
                    self.path, ProfileNeedsRecoveryError.DAMAGED, "\n".join(damage[:20])
                )
            if self.path != IN_MEMORY:
                self._db.enable_wal()
            # FULL: a committed reflection survives a power cut, not only a crash.
            self._db.execute("PRAGMA synchronous = FULL")
            self._check_writable()
            schema.migrations.apply(self._db)
            self.themes.ensure_builtin()
            if self.settings.get(PROFILE_ID_KEY) is None:  # what tells this profile's -wal
                self.settings.set(PROFILE_ID_KEY, secrets.token_hex(16))
            # Words an edit replaces stay in the search indexes until they are rewritten; close
            # does that when anything was written after this point.
            self._changes_at_open = connection.total_changes
        except driver.errors() as error:
            connection.close()
            raise _opening_error(error, self.path) from error
        except Exception:
            connection.close()
            raise

    def _check_writable(self) -> None:
        """Fail now, not at the first save, if this connection cannot write."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        self._db.begin()
        try:
            # A write that changes nothing, rolled back: refused on a read-only file.
            self._db.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            self._db.rollback()

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        backups_folder: Path | None = None,
        any_thread: bool = False,
    ) -> Store:
        """Open (or create) the database file at `path`; never overwrites a file it can't read.

        A protected file needs its `passphrase` (PassphraseNeededError without one,
        WrongPassphraseError with another); an ordinary one is opened without.

        A file that is damaged, empty or cut short, or missing while `backups_folder` (by
        default `backups/` beside it) holds backups, raises ProfileNeedsRecoveryError and is
        left exactly as it is. A -wal beside the file is replayed only when a copy shows it
        belongs there; otherwise it is set aside and `store.set_aside` says where.

        Then erase what has waited in "recently deleted" past its grace period: housekeeping
        belongs to opening, so that reading (a screen's refresh) never writes.
        `busy_timeout` is how long a write waits for another program's lock before giving up.
        With `any_thread`, the store may be opened on one thread and then used on another (one
        at a time, never two at once): the window opens it off its own thread at start.
        """
        tidy_leftovers(path)  # of a change of passphrase cut short
        backups = path.parent / BACKUPS_FOLDER if backups_folder is None else backups_folder
        check_before_opening(path, backups, passphrase)
        set_aside = None
        if path.exists():
            check_is_database_file(path, passphrase)
            set_aside = _screen_wal(path, passphrase)
        else:
            # SQLite would create it 0644 under the usual umask, and give its -wal and -shm the
            # same mode; made 0600 first, all three are private. Should this fail, SQLite's own
            # attempt below says why.
            with contextlib.suppress(OSError):
                private_files.create_private_file(path)
        private_files.tighten(private_files.database_files(path))
        try:
            connection = driver.connect(
                path, passphrase, timeout=busy_timeout, any_thread=any_thread
            )
        except driver.errors() as error:
            raise _opening_error(error, path) from error
        store = cls(connection, passphrase=passphrase)
        store.set_aside = set_aside
        try:
            store.deleted.purge()
        except (DatabaseBusyError, DiskFullError):
            pass  # nothing is lost by purging next time; the profile is still worth opening
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def in_memory(cls) -> Store:
        """An empty store that lives only in memory (no file is created or touched)."""
        return cls(sqlite3.connect(":memory:"))

    def close(self) -> None:
        """Close the connection, first rewriting the search indexes if anything was written
        since they last were, so words an edit replaced leave the file with the `-wal`."""
        # Closing must not fail: a busy or full disk leaves the old words in the index until a
        # later close or erase rewrites it (and a second close finds the connection closed).
        with contextlib.suppress(*driver.errors()):
            if self._db.conn.total_changes != self._changes_at_open:
                with self._db.atomic():
                    optimize(self._db.conn)
        # Closing the last connection checkpoints the -wal and removes it.
        self._db.close()
        self._passphrase = None

    def changed_since_open(self) -> bool:
        """True once anything was written since the store was opened (what makes a backup
        worth taking on close)."""
        return bool(self._db.conn.total_changes != self._changes_at_open)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes: all of them land, or (on any exception) none."""
        try:
            with self._db.atomic():
                yield
        except driver.errors() as error:  # at BEGIN or COMMIT; the parts translate their own
            raise translated(error, self.path) from error

    def _file_path(self) -> Path:
        for _seq, name, file in self._db.execute("PRAGMA database_list").fetchall():
            if name == "main":
                return Path(file) if file else IN_MEMORY
        return IN_MEMORY

    def _table(self, name: str) -> Table:
        return Table(self._db, name)

    # Profile-wide --------------------------------------------------------------------------

    @property
    def protected(self) -> bool:
        """True when the file is encrypted with a passphrase."""
        return self._passphrase is not None

    def back_up(self, destination: Path) -> Path:
        """A consistent copy of the database at `destination` (which must not exist yet),
        protected with the same passphrase as the profile when it has one."""
        from kapcompanion.store.backup import backup_database

        return backup_database(self.path, destination, passphrase=self._passphrase)

    def is_empty(self) -> bool:
        """True while the client has written nothing (themes and settings don't count)."""
        return all(self._table(table).count == 0 for table in USER_TABLES)

    def live_count(self, table: str) -> int:
        """How many records in `table` are not in "recently deleted"."""
        if table not in (*USER_TABLES, "checkins", "commitments"):
            raise ValueError(f"{table} has no records that can be deleted.")
        row = one(self._db, f"SELECT COUNT(*) AS n FROM {table} WHERE deleted_at IS NULL")
        return int(row["n"]) if row else 0

    def counts(self) -> dict[str, int]:
        tables = (*USER_TABLES, "answers", "commitments", "themes", "own_practices")
        return {table: self._table(table).count for table in tables}

    def rotate_automatic_backups(self, folder: Path, now: datetime) -> list[Path]:
        """Let old automatic backups in `folder` go (see `automatic_backups.rotate`); this
        profile's passphrase opens the protected ones, to find the newest that opens whole."""
        from kapcompanion.store.automatic_backups import rotate

        return rotate(folder, now, self._passphrase)

    def forget_erased_in(self, backups: Iterable[Path]) -> BackupScrubReport:
        """Remove from these backups everything erased for good from this profile since they
        were made (see `backup_scrub`)."""
        return forget_erased(backups, live_uuids(self._db.conn), self._passphrase)

    def integrity_problems(self) -> list[str]:
        """What SQLite's full checks find wrong with the file; empty when all is well."""
        return integrity_problems(self._db.conn)

    def first_moment(self) -> datetime | None:
        """When the course began: the earliest live session, reflection, insight, finished
        check-in, quick distress rating or logged practice (None for an empty profile).
        Screens offer dates from its day on."""
        row = one(
            self._db,
            """
            SELECT MIN(moment) AS first FROM (
                SELECT MIN(held_at) AS moment FROM sessions WHERE deleted_at IS NULL
                UNION ALL SELECT MIN(started_at) FROM reflections WHERE deleted_at IS NULL
                UNION ALL SELECT MIN(created_at) FROM insights WHERE deleted_at IS NULL
                UNION ALL SELECT MIN(completed_at) FROM checkins
                    WHERE status = 'complete' AND deleted_at IS NULL
                UNION ALL SELECT MIN(rated_at) FROM distress_ratings WHERE deleted_at IS NULL
                UNION ALL SELECT MIN(done_at) FROM practice_entries WHERE deleted_at IS NULL
            )
            """,
        )
        return from_db_time_or_none(row["first"] if row else None)


def _screen_wal(path: Path, passphrase: str | None) -> SetAsideWal | None:
    """`stray_wal.screen`, with what the disk or SQLite refuse said in plain words."""
    try:
        return stray_wal.screen(path, passphrase)
    except OSError as error:  # copying for the check: the file is untouched
        full = error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
        cause = DiskFullError if full else DiskIOError
        raise cause(path, str(error)) from error
    except driver.errors() as error:
        raise _opening_error(error, path) from error


def _opening_error(error: Exception, path: Path) -> StoreError:
    """What opening says: busy, full, read-only or damaged when SQLite names that cause;
    anything else that stops a file opening means it cannot be read (as it always said)."""
    plain = translated(error, path)
    if is_damage(error) and getattr(error, "sqlite_errorcode", None) is not None:
        return ProfileNeedsRecoveryError(path, ProfileNeedsRecoveryError.DAMAGED, plain.detail)
    if type(plain) in (StoreError, DataConflictError):
        return DatabaseUnreadableError(path, "it could not be opened", plain.detail)
    return plain
