"""Where a profile's data lives, and the lock that keeps a second copy of the app out of it.

A profile is one folder: the database, its backups and the window's state. It is chosen by
`--data-dir`, else the KAP_COMPANION_DATA_DIR environment variable, else the platform's
application-data folder. Only QtCore is used here (QStandardPaths, QLockFile); no widgets.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from kapcompanion.errors import ProfileLockedError, ProfileUnavailableError

ENVIRONMENT_VARIABLE = "KAP_COMPANION_DATA_DIR"
APP_FOLDER_NAME = "kap-companion"
DATABASE_NAME = "kap-companion.sqlite3"
LOCK_NAME = "kap-companion.lock"
BACKUPS_FOLDER = "backups"


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

    def ensure_exists(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ProfileUnavailableError(self.folder, error.strerror or str(error)) from error
        if not self.folder.is_dir():
            raise ProfileUnavailableError(self.folder, "it is not a folder")


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
            return
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            pid, hostname, _application = self._lock.getLockInfo()
            holder = f"process {pid} on {hostname}" if pid > 0 else ""
            raise ProfileLockedError(self._profile.folder, holder)
        raise ProfileUnavailableError(self._profile.folder, "its lock file cannot be written")

    def release(self) -> None:
        self._lock.unlock()

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
