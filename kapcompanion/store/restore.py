"""Looking into backups, and putting one back in place of the profile's data.

`list_backups` says of each backup when it was made, whether it was automatic or made by hand,
whether it is protected, and what it holds; one that does not open (damaged, another program's,
another passphrase) is listed with the reason, never raised.

`restore` checks the backup whole first (SQLite's full integrity check, made by KAP Companion,
not by a newer version), copies it beside the database and checks the copy holds the same,
then keeps the current database (with its `-wal` and `-shm`, checkpointed first when it opens)
under a new name, `kap-companion.sqlite3.before-restore-YYYY-MM-DD-HHMMSS`, that nothing ever
removes, and gives the copy the database's name in one step (`file_swap.put_in_place_keeping`).
Any refusal leaves every file as it was. Restoring never takes protection away: a backup
without a passphrase restored into a protected profile is protected with its passphrase first.

The profile must be closed (the window closes its store; the command line holds the lock).
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from kapcompanion import private_files
from kapcompanion.errors import (
    DatabaseUnreadableError,
    EncryptionUnavailableError,
    ForeignDatabaseError,
    KapError,
    NewerDatabaseError,
    NoDataFileError,
    PassphraseNeededError,
    WrongPassphraseError,
)
from kapcompanion.store import driver
from kapcompanion.store import migrations as schema
from kapcompanion.store.automatic_backups import is_automatic, made_at
from kapcompanion.store.file_checks import integrity_problems, looks_protected, open_read_only
from kapcompanion.store.file_swap import partial_path, put_in_place_keeping
from kapcompanion.store.protection import backup_files, convert_file, is_protected
from kapcompanion.store.scrub import checkpoint_wal

if TYPE_CHECKING:
    from kapcompanion.profile import Profile

KEPT_INFIX = ".before-restore-"


class RestoreError(KapError):
    """A backup that cannot be restored; nothing was changed."""


class _UnusableError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class BackupSummary:
    """One backup as a list of them shows it."""

    path: Path
    made: datetime
    automatic: bool
    protected: bool
    # Sessions, reflections and insights not in "recently deleted"; empty when it did not open.
    counts: dict[str, int] = field(default_factory=dict)
    # Why it cannot be restored, a few words to follow "it" ("is damaged (…)"); "" if it can.
    problem: str = ""

    @property
    def usable(self) -> bool:
        return not self.problem

    @property
    def kind(self) -> str:
        return "automatic" if self.automatic else "by hand"


def list_backups(*folders: Path, passphrase: str | None = None) -> list[BackupSummary]:
    """Every backup in `folders`, newest first; `passphrase` opens protected ones."""
    paths: dict[Path, None] = {}
    for folder in folders:
        for path in backup_files(folder):
            paths.setdefault(path.resolve(), None)
    summaries = [summarize(path, passphrase) for path in paths]
    return sorted(summaries, key=lambda summary: summary.made, reverse=True)


def summarize(path: Path, passphrase: str | None, *, thorough: bool = False) -> BackupSummary:
    """What the backup at `path` holds, or why it does not open. `thorough` runs SQLite's full
    integrity check rather than the quick one."""
    protected = looks_protected(path)
    try:
        made = made_at(path)
    except OSError:
        made = datetime.min
    automatic = is_automatic(path)
    try:
        counts = _inspect(path, passphrase if protected else None, thorough=thorough)
    except _UnusableError as refusal:
        return BackupSummary(path, made, automatic, protected, problem=refusal.reason)
    return BackupSummary(path, made, automatic, protected, counts)


def _inspect(path: Path, passphrase: str | None, *, thorough: bool) -> dict[str, int]:
    """The live counts of a whole KAP Companion database at `path`; _UnusableError says why not."""
    if looks_protected(path) and passphrase is None:
        raise _UnusableError("is protected with a passphrase, and none was given")
    try:
        connection = open_read_only(path, passphrase)
    except KapError as error:
        raise _UnusableError(_reason(error)) from error
    try:
        db = Database(connection, execute_plugins=False)
        schema.refuse_unusable(db, path)
        if not schema.migrations.applied(db):
            raise _UnusableError("is not a KAP Companion backup")
        problems = integrity_problems(connection, quick=not thorough)
        if problems:
            raise _UnusableError(f"is damaged ({problems[0]})")
        return {table: _live(db, table) for table in schema.USER_TABLES}
    except KapError as error:
        raise _UnusableError(_reason(error)) from error
    except driver.errors() as error:
        raise _UnusableError(f"is damaged ({error})") from error
    finally:
        connection.close()


def _live(db: Database, table: str) -> int:
    if table not in db.table_names():
        return 0
    where = " WHERE deleted_at IS NULL" if "deleted_at" in db[table].columns_dict else ""
    return int(db.execute(f"SELECT count(*) FROM {table}{where}").fetchone()[0])


def _reason(error: KapError) -> str:
    if isinstance(error, PassphraseNeededError):
        return "is protected with a passphrase, and none was given"
    if isinstance(error, WrongPassphraseError):
        return "does not open with this passphrase (another passphrase, or damaged)"
    if isinstance(error, ForeignDatabaseError):
        return "belongs to another program, not KAP Companion"
    if isinstance(error, NewerDatabaseError):
        return "was made by a newer version of KAP Companion"
    if isinstance(error, NoDataFileError):
        return "is not there"
    if isinstance(error, EncryptionUnavailableError):
        return "is protected, and this installation cannot open protected files"
    if isinstance(error, DatabaseUnreadableError):
        if error.reason.startswith("it "):  # "it is not a KAP Companion data file"
            return error.reason.removeprefix("it ")
        return f"is damaged ({error.reason})"
    return f"could not be read ({error.message})"


def restore(
    profile: Profile, backup: Path, passphrase: str | None, *, now: datetime | None = None
) -> Path | None:
    """Put `backup` in place of `profile`'s database; return where the replaced database was
    kept (None when the profile had none). `passphrase` opens a protected backup, and is the
    profile's when it is protected. Raises RestoreError (or WrongPassphraseError), with every
    file as it was, for a backup that is not whole, not ours, or from a newer version."""
    database = profile.database_path
    backup = backup.absolute()
    if database.exists() and backup.exists() and backup.samefile(database):
        raise RestoreError(f"{backup} is the data file itself, not a backup. Nothing was changed.")
    protect_with = passphrase if looks_protected(backup) or is_protected(database) else None
    if protect_with is not None and not looks_protected(backup):
        _check_opens(database, protect_with)  # a mistyped passphrase would lock the data away
    counts = _restorable(backup, passphrase if looks_protected(backup) else None)
    copy = _checked_copy(backup, database, protect_with, counts)
    now = now or datetime.now()
    kept = _kept_path(database, now) if database.exists() else None
    try:
        if kept is not None:
            _checkpoint(database, passphrase if is_protected(database) else None)
            put_in_place_keeping(copy, database, kept)
            private_files.tighten(private_files.database_files(kept))
        else:
            copy.replace(database)
    except OSError as error:
        copy.unlink(missing_ok=True)
        raise RestoreError(
            f"The backup could not be put in place in {database.parent} ({error.strerror}). "
            "Your data was not changed."
        ) from error
    return kept


def _restorable(backup: Path, passphrase: str | None) -> dict[str, int]:
    try:
        return _inspect(backup, passphrase, thorough=True)
    except _UnusableError as refusal:
        raise RestoreError(
            f"{backup} cannot be restored: it {refusal.reason}. Nothing was changed."
        ) from refusal


def _check_opens(database: Path, passphrase: str) -> None:
    try:
        driver.connect(database, passphrase, read_only=True).close()
    except driver.errors() as error:
        raise RestoreError(
            f"The data in {database.parent} could not be opened to check the passphrase "
            f"({error}). Nothing was changed."
        ) from error


def _checked_copy(
    backup: Path, database: Path, passphrase: str | None, counts: dict[str, int]
) -> Path:
    """A copy of `backup` beside `database`, under `passphrase` (None: none), checked whole and
    holding what the backup holds."""
    copy = partial_path(database)
    try:
        copy.unlink(missing_ok=True)  # left by a restore that was cut short
        private_files.create_private_file(copy)
        shutil.copyfile(backup, copy)
    except OSError as error:
        copy.unlink(missing_ok=True)
        raise RestoreError(
            f"The backup could not be copied into {database.parent} ({error.strerror}). "
            "Your data was not changed."
        ) from error
    try:
        if passphrase is not None and not looks_protected(copy):
            convert_file(copy, None, passphrase)
        copied = _inspect(copy, passphrase, thorough=True)
    except (_UnusableError, KapError) as error:
        copy.unlink(missing_ok=True)
        raise RestoreError(
            f"The copy of {backup} did not check out, so it was not used. Nothing was changed."
        ) from error
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    if copied != counts:
        copy.unlink(missing_ok=True)
        raise RestoreError(
            f"The copy of {backup} did not hold what the backup holds, so it was not used. "
            "Nothing was changed."
        )
    return copy


def _checkpoint(database: Path, passphrase: str | None) -> None:
    """Fold the `-wal` into the database so the kept file is whole on its own; when it does
    not open (damaged, busy), the `-wal` is kept beside it as it is."""
    if not Path(f"{database}-wal").exists():
        return
    with contextlib.suppress(KapError, *driver.errors()):
        connection = driver.connect(database, passphrase, timeout=0.5)
        try:
            checkpoint_wal(connection)
        finally:
            connection.close()


def _kept_path(database: Path, now: datetime) -> Path:
    stem = f"{database.name}{KEPT_INFIX}{now:%Y-%m-%d-%H%M%S}"
    for number in itertools.count(1):
        candidate = database.with_name(stem if number == 1 else f"{stem}-{number}")
        if not any(path.exists() for path in private_files.database_files(candidate)):
            return candidate
    raise AssertionError("unreachable")
