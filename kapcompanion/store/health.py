"""Before a profile opens: is its data file there and whole, or does it need a backup?

A file that is empty or cut short, or missing while `backups/` holds backups, must not quietly
become a new, empty profile: `check_before_opening` raises ProfileNeedsRecoveryError, and the
window offers the newest sound backup instead. (Damage inside a whole file is found when the
store opens it: `PRAGMA quick_check`, the same error.) A truly new profile (no file, no
backups) passes, and so does an empty file left by a first start cut short when there are no
backups: nothing was ever written there. Nothing here writes; the file is only looked at.
"""

from __future__ import annotations

from pathlib import Path

from kapcompanion.errors import ProfileNeedsRecoveryError
from kapcompanion.store.file_checks import SMALLEST_PAGE, cut_short, has_wal, looks_like_sqlite

BACKUP_SUFFIX = ".sqlite3"


def has_backups(backups_folder: Path | None) -> bool:
    """True when `backups_folder` holds at least one backup file that is not empty."""
    if backups_folder is None:
        return False
    try:
        return any(
            entry.suffix == BACKUP_SUFFIX and entry.is_file() and entry.stat().st_size > 0
            for entry in backups_folder.iterdir()
        )
    except OSError:
        return False


def check_before_opening(
    database: Path, backups_folder: Path | None, passphrase: str | None = None
) -> None:
    """Raise ProfileNeedsRecoveryError when `database` is missing while there are backups (or
    changes wait beside it in a -wal), empty while there are any, or cut short."""
    waiting = has_wal(database)  # SQLite would delete it beside an empty or missing file
    if not database.exists():
        if waiting or has_backups(backups_folder):
            raise ProfileNeedsRecoveryError(database, ProfileNeedsRecoveryError.MISSING)
        return
    if not database.is_file():
        return  # check_is_database_file says what is wrong
    size = database.stat().st_size
    if size == 0:
        if waiting or has_backups(backups_folder):
            raise ProfileNeedsRecoveryError(database, ProfileNeedsRecoveryError.EMPTY)
        return
    if waiting:
        return  # a file mid-way through taking in its -wal is shorter than it says; see stray_wal
    if passphrase is None and looks_like_sqlite(database):
        truncated = cut_short(database)
    else:
        truncated = passphrase is not None and size % SMALLEST_PAGE != 0
    if truncated:
        raise ProfileNeedsRecoveryError(
            database, ProfileNeedsRecoveryError.TRUNCATED, f"{size} bytes"
        )
