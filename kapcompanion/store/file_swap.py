"""Putting a checked copy of a database file in the original's place, and leaving no readable
trace of the original.

Used where a whole file is rewritten (a change of passphrase, removing erased entries from a
backup): the new file is made beside the original under `partial_path`, checked by the caller,
then `put_in_place` renames it over the original in one step, after giving the original a
second name so its bytes can then be overwritten with zeros. A kill at any moment leaves a
usable file under the original name; `tidy_leftovers` (run when a file is next opened or
rewritten) removes what was cut short.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

CONVERTING_SUFFIX = ".converting"
REPLACED_SUFFIX = ".replaced"
WIPE_CHUNK = 1 << 20


def partial_path(path: Path) -> Path:
    """Where the new copy of `path` is made before it takes `path`'s place."""
    return path.with_name(path.name + CONVERTING_SUFFIX)


def put_in_place(partial: Path, path: Path) -> None:
    """Give the checked copy `partial` the name `path` in one step; then wipe the original.

    A second name for the original is made first, so that after the rename its bytes can still
    be overwritten. A kill at any point leaves a usable file at `path`."""
    _fsync(partial)
    replaced: Path | None = Path(f"{path}{REPLACED_SUFFIX}")
    try:
        Path(f"{path}{REPLACED_SUFFIX}").hardlink_to(path)
    except OSError:
        replaced = None  # a file system without hard links: the old bytes are freed, not wiped
    for sidecar in ("-wal", "-shm", "-journal"):
        Path(f"{path}{sidecar}").unlink(missing_ok=True)
    partial.replace(path)
    _fsync_folder(path.parent)
    if replaced is not None:
        wipe(replaced)


def put_in_place_keeping(partial: Path, path: Path, kept: Path) -> None:
    """Give the checked copy `partial` the name `path` in one step, the original (with its
    `-wal`, `-shm` and `-journal`) kept under the name `kept` and never wiped: restoring a backup.

    `kept` is a second name for the original before anything moves, so a kill at any point
    leaves a usable file at `path` (the original until the rename, the copy after it)."""
    if kept.exists():
        raise FileExistsError(kept)
    _fsync(partial)
    if path.exists():
        try:
            kept.hardlink_to(path)
        except OSError:  # a file system without hard links: a copy, then the rename
            shutil.copy2(path, kept)
            _fsync(kept)
        for sidecar in ("-wal", "-shm", "-journal"):
            beside = Path(f"{path}{sidecar}")
            if beside.exists():
                beside.replace(Path(f"{kept}{sidecar}"))
    partial.replace(path)
    _fsync_folder(path.parent)


def tidy_leftovers(path: Path) -> None:
    """Remove what a rewrite cut short left beside `path`: a half-made copy, and the
    original's second name (wiped first when it no longer is the file at `path`)."""
    Path(f"{path}{CONVERTING_SUFFIX}").unlink(missing_ok=True)
    replaced = Path(f"{path}{REPLACED_SUFFIX}")
    if not replaced.exists():
        return
    if path.exists() and path.samefile(replaced):
        replaced.unlink()  # killed before the swap: this is the original itself
    else:
        wipe(replaced)


def wipe(path: Path) -> None:
    """Overwrite a file's bytes with zeros, make that reach the disk, then remove it (also
    how a backup that rotation lets go is deleted)."""
    with contextlib.suppress(OSError), path.open("r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(0)
        zeros = bytes(WIPE_CHUNK)
        for start in range(0, size, WIPE_CHUNK):
            handle.write(zeros[: min(WIPE_CHUNK, size - start)])
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
