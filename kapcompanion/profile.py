"""Where a profile's data lives, and the lock that keeps a second copy of the app out of it.

A profile is one folder: the database, its backups and the window's state. It is chosen by
`--data-dir`, else the KAP_COMPANION_DATA_DIR environment variable, else the platform's
application-data folder. The folder and `backups/` are the user's alone, and so is every file
of the app's in them (kapcompanion.private_files); a profile is tightened each time it is opened.
Only QtCore is used here (QStandardPaths, QLockFile); no widgets.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from kapcompanion import private_files
from kapcompanion.errors import ProfileLockedError, ProfileUnavailableError

ENVIRONMENT_VARIABLE = "KAP_COMPANION_DATA_DIR"
APP_FOLDER_NAME = "kap-companion"
DATABASE_NAME = "kap-companion.sqlite3"
LOCK_NAME = "kap-companion.lock"
BACKUPS_FOLDER = "backups"
WINDOW_STATE_NAME = "window.ini"


def default_profile_dir() -> Path:
    """The platform's per-user application-data folder (e.g. ~/.local/share/kap-companion)."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / APP_FOLDER_NAME


def resolve_profile_dir(
    data_dir: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """The profile folder: the explicit argument, else the environment variable, else default."""
    environ = os.environ if environ is None else environ
    chosen = data_dir or environ.get(ENVIRONMENT_VARIABLE) or None
    if chosen:
        return Path(chosen).expanduser().absolute()
    return default_profile_dir()


class Profile:
    """One profile folder and the paths inside it. Creating it is explicit: `ensure_exists`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def database_path(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def backups_folder(self) -> Path:
        return self.folder / BACKUPS_FOLDER

    @property
    def lock_path(self) -> Path:
        return self.folder / LOCK_NAME

    @property
    def window_state_path(self) -> Path:
        return self.folder / WINDOW_STATE_NAME

    def ensure_exists(self) -> None:
        """Create the folder (readable by the user only) if it is not there yet."""
        try:
            private_files.make_private_folder(self.folder, parents=True)
        except OSError as error:
            raise ProfileUnavailableError(self.folder, error.strerror or str(error)) from error
        if not self.folder.is_dir():
            raise ProfileUnavailableError(self.folder, "it is not a folder")

    def tighten(self) -> None:
        """Take group and other permissions away from the folder, `backups/` and the app's
        files in them (what an older version, or another umask, left readable to others).
        Other files someone keeps in a folder chosen with --data-dir are not the app's and are
        left alone."""
        private_files.tighten(
            [
                self.folder,
                *private_files.database_files(self.database_path),
                self.lock_path,
                self.window_state_path,
                *private_files.folder_and_files(self.backups_folder),
            ]
        )


class ProfileLock:
    """Holds the profile's lock file for as long as this process uses the profile.

    A lock left behind by a crashed process is noticed (its process is gone) and taken over;
    a live holder, however old its lock, is never overridden.
    """

    def __init__(self, profile: Profile) -> None:
        from PySide6.QtCore import QLockFile

        self._profile = profile
        self._lock = QLockFile(str(profile.lock_path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        from PySide6.QtCore import QLockFile

        self._profile.ensure_exists()
        if self._lock.tryLock(0):
            # Opening a profile is the moment to tighten one an older version left open.
            self._profile.tighten()
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            pid, hostname, _application = self._lock.getLockInfo()
            holder = f"process {pid} on {hostname}" if pid > 0 else ""
            raise ProfileLockedError(self._profile.folder, holder)
        raise ProfileUnavailableError(self._profile.folder, "its lock file cannot be written")

    def release(self) -> None:
        self._lock.unlock()

    def is_held(self) -> bool:
        """True while this process holds the lock through this object."""
        return self._lock.isLocked()

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
