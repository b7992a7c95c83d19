"""The rule for who may read what the app keeps: the profile folder is the user's alone (0700)
and every file the app writes is readable and writable by the user only (0600), whatever the
umask.

New folders and files are made private as they are created; `tighten` takes group and other
permissions away from what an older version left in an existing profile. Tightening only ever
removes permissions, so a file someone made read-only stays read-only.

On systems without POSIX permission bits (Windows, where a user's application-data folder is
already private to them) every function here does nothing. A file system that cannot keep the
bits (a FAT memory stick) or a file that belongs to another user is left as it is: tightening
must never stop a profile from opening. Never reads or writes a file's contents, and never
imports Qt.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
HAS_POSIX_MODES = os.name == "posix"
# Beside a database, SQLite keeps these; it gives them the database file's own mode.
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
_OTHERS = stat.S_IRWXG | stat.S_IRWXO
_CREATE_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def make_private_folder(folder: Path, *, parents: bool = False) -> None:
    """Create `folder` readable by the user only, if it is not there yet. Missing parents (with
    `parents`) are made as usual; an existing folder is left to `tighten`. Raises OSError as
    Path.mkdir does."""
    try:
        folder.mkdir(PRIVATE_FOLDER, parents=parents)
    except FileExistsError:
        if not folder.is_dir():
            raise
        return
    if HAS_POSIX_MODES:
        # A umask can only take bits away: this gives back the user's own under a strict one.
        with contextlib.suppress(OSError):
            folder.chmod(PRIVATE_FOLDER)


def create_private_file(path: Path) -> bool:
    """Create `path` empty and readable by the user only; False if something is already there
    (it is not touched). Raises OSError if it cannot be created."""
    try:
        descriptor = os.open(path, _CREATE_NEW, PRIVATE_FILE)
    except FileExistsError:
        return False
    try:
        make_descriptor_private(descriptor)
    finally:
        os.close(descriptor)
    return True


def make_descriptor_private(descriptor: int) -> None:
    """Set a file just created with mode 0600 to exactly 0600: a umask can only take bits
    away, and a strict one would leave the user unable to read their own file. Where the file
    system cannot keep the bits, the file is left as it was made."""
    if HAS_POSIX_MODES:
        with contextlib.suppress(OSError):
            os.fchmod(descriptor, PRIVATE_FILE)


def tighten(paths: Iterable[Path]) -> None:
    """Take group and other permissions away from each existing file or folder in `paths`.

    Symbolic links are skipped (whatever they point to is not the app's to change), as are
    files whose mode cannot be changed."""
    if not HAS_POSIX_MODES:
        return
    for path in paths:
        with contextlib.suppress(OSError):
            status = path.lstat()
            if stat.S_ISLNK(status.st_mode) or not status.st_mode & _OTHERS:
                continue
            path.chmod(stat.S_IMODE(status.st_mode) & ~_OTHERS)


def database_files(database: Path) -> list[Path]:
    """The database file and the files SQLite may keep beside it."""
    return [database, *(database.with_name(database.name + end) for end in DATABASE_COMPANIONS)]


def folder_and_files(folder: Path) -> Iterator[Path]:
    """`folder` and every file directly inside it (for the profile's own `backups/`)."""
    yield folder
    with contextlib.suppress(OSError):
        yield from (entry for entry in folder.iterdir() if not entry.is_dir())
