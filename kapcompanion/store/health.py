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
from kapcompanion.store.file_checks import has_wal, lost_data

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
    if not database.exists():
        # SQLite would delete a -wal beside a missing or empty file.
        if has_wal(database) or has_backups(backups_folder):
            raise ProfileNeedsRecoveryError(database, ProfileNeedsRecoveryError.MISSING)
        return
    if database.is_file() and database.stat().st_size == 0 and has_wal(database):
        raise ProfileNeedsRecoveryError(database, ProfileNeedsRecoveryError.EMPTY)
    lost = lost_data(database, passphrase)
    if lost == ProfileNeedsRecoveryError.EMPTY and not has_backups(backups_folder):
        return  # a first start cut short: nothing was ever written there
    if lost is not None:
        raise ProfileNeedsRecoveryError(database, lost)
