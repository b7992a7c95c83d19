"""Deleting all of a client's data: the database with the files SQLite keeps beside it, every
backup with the `backups/` folder, and the window's settings.

Only the profile's own files are removed. A folder chosen with --data-dir may hold other
files; they and the folder itself are left exactly as they are, and nothing is ever
overwritten or followed through a symbolic link. Exports the client saved elsewhere are theirs
and are never looked for. The caller holds the profile's lock and has closed every store on
it. A file that cannot be removed stops the erasing with a plain `KapError`; files SQLite keeps
beside the database go first, so a stale `-wal` is never left to be replayed into a new one.
Never imports Qt widgets.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from kapcompanion.errors import KapError
from kapcompanion.private_files import DATABASE_COMPANIONS
from kapcompanion.profile import Profile, ProfileLock


class EraseError(KapError):
    """A file of the profile could not be removed; `removed` lists what already was."""

    def __init__(self, path: Path, reason: str, removed: tuple[Path, ...]) -> None:
        already = (
            f" {len(removed)} other file(s) of it were already removed."
            if removed
            else " Nothing else was removed."
        )
        super().__init__(
            f"KAP Companion could not remove {path} ({reason}), so your data is not all "
            f"deleted yet.{already} Close any program using the file and try again, or remove "
            "it yourself."
        )
        self.path = path
        self.reason = reason
        self.removed = removed


@dataclass(frozen=True)
class ProfileFiles:
    """The profile's own files that are there now, in the order they are removed."""

    database_files: tuple[Path, ...]  # the -journal, -wal and -shm first, the database last
    backups: tuple[Path, ...]  # everything inside backups/
    backups_folder: Path | None
    window_state: Path | None

    @property
    def all(self) -> tuple[Path, ...]:
        folder = (self.backups_folder,) if self.backups_folder else ()
        state = (self.window_state,) if self.window_state else ()
        return (*self.database_files, *self.backups, *folder, *state)

    @property
    def empty(self) -> bool:
        return not self.all

    def describe(self) -> str:
        """One plain phrase: what these files are, e.g. "your entries, 3 backups and the
        window's settings"."""
        parts = []
        if self.database_files:
            parts.append("your entries (the data file)")
        if self.backups:
            count = len(self.backups)
            parts.append(f"{count} backup" + ("" if count == 1 else "s"))
        elif self.backups_folder:
            parts.append("the empty backups folder")
        if self.window_state:
            parts.append("the window's settings")
        if len(parts) < 2:
            return "".join(parts)
        return f"{', '.join(parts[:-1])} and {parts[-1]}"


def _exists(path: Path) -> bool:
    return path.is_symlink() or path.exists()


def profile_files(profile: Profile) -> ProfileFiles:
    """What `erase_profile` would remove from `profile` now. Reads nothing, changes nothing."""
    database = profile.database_path
    companions = [database.with_name(database.name + end) for end in DATABASE_COMPANIONS]
    backups: list[Path] = []
    folder = profile.backups_folder
    has_folder = _exists(folder)
    if folder.is_dir() and not folder.is_symlink():
        with contextlib.suppress(OSError):
            backups = sorted(folder.iterdir())
    return ProfileFiles(
        database_files=tuple(path for path in (*companions, database) if _exists(path)),
        backups=tuple(backups),
        backups_folder=folder if has_folder else None,
        window_state=profile.window_state_path if _exists(profile.window_state_path) else None,
    )


def erase_profile(profile: Profile, lock: ProfileLock) -> ProfileFiles:
    """Remove the profile's own files (see `profile_files`) and return what was removed.

    `lock` must be this profile's, held by the caller; no store may be open on the profile.
    Raises EraseError, naming the file, if one cannot be removed; the rest are then left.
    """
    if not lock.is_held():
        raise RuntimeError("erase_profile needs the profile's lock held")
    found = profile_files(profile)
    removed: list[Path] = []
    for path in found.all:
        try:
            _remove(path)
        except OSError as error:
            raise EraseError(path, error.strerror or str(error), tuple(removed)) from error
        removed.append(path)
    return found


def _remove(path: Path) -> None:
    """Remove one file, link or folder; a folder inside backups/ goes with all it holds."""
    if path.is_dir() and not path.is_symlink():
        if any(path.iterdir()):
            shutil.rmtree(path)
        else:
            path.rmdir()
        return
    path.unlink(missing_ok=True)
