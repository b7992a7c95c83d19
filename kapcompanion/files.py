"""The one way the core writes a file a person asked for (an export, a printout, a chart):
whole, or not at all.

The bytes go to a temporary file in the destination's folder, are flushed and synced to the
disk, and only then renamed to the destination (one atomic step on one file system); the folder
is synced too where the system allows, so the rename survives a power cut. Any failure removes
the temporary file and leaves an existing file as it was. Whether an existing file may be
replaced is always the caller's explicit choice; refused, not even a file that appears during
the writing is replaced. Failures come out as the caller's own plain KapError subclass. What is
written is readable by the user only (0600, kapcompanion.private_files), whatever the umask and
whatever the mode of a file it replaces: these files hold the client's own words.

Plain Python files rather than Qt's QSaveFile: exports and the command line run with no Qt
application or event loop, the errors are the system's own (errno and its words, not a QString),
and the temporary file's name and its removal are ours to test. Never imports Qt.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kapcompanion.errors import KapError
from kapcompanion.private_files import PRIVATE_FILE, make_descriptor_private

PARTIAL_SUFFIX = ".partial"
# Open flags for the temporary file: created here or not at all, no text translation (Windows).
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_NAME_ATTEMPTS = 20

Writer = Callable[[BinaryIO], object]
ExistsError = Callable[[Path], KapError]
WriteError = Callable[[Path, str], KapError]


class FileWriteError(KapError):
    """A file could not be written where it was asked for (or something of its name is there
    and may not be replaced)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The file {path} could not be written ({reason}). Nothing else was changed; you "
            "might choose another folder or name."
        )
        self.path = path
        self.reason = reason


def already_there(path: Path) -> FileWriteError:
    """The plain refusal when `path` exists and may not be replaced."""
    return FileWriteError(path, "a file or folder of that name is already there")


def check_destination(path: Path, *, overwrite: bool, exists: ExistsError = already_there) -> None:
    """Refuse a folder at `path`, or an existing file unless `overwrite`, before any work is
    done (`write_atomically` checks again when it writes)."""
    if path.is_dir() or (path.exists() and not overwrite):
        raise exists(path)


def write_atomically(
    path: Path,
    content: bytes | Writer,
    *,
    overwrite: bool,
    make_folder: bool = False,
    exists: ExistsError = already_there,
    failed: WriteError = FileWriteError,
) -> None:
    """Write `content` (bytes, or a function writing to the open binary file) so that `path`
    appears only complete. An existing file at `path` is replaced only if `overwrite`, else
    `exists(path)` is raised and the file is untouched; a missing folder is made only if
    `make_folder`. A failure of the file system raises `failed(path, reason)`; an exception
    from `content` itself passes through unchanged. Either way no temporary file is left."""
    check_destination(path, overwrite=overwrite, exists=exists)
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        temporary, descriptor = _create_beside(path)
    except OSError as error:
        raise failed(path, _reason(error)) from error
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                content(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if not _move_into_place(temporary, path, overwrite=overwrite):
            raise exists(path)
        _sync_folder(path.parent)
    except OSError as error:
        raise failed(path, _reason(error)) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _create_beside(path: Path) -> tuple[Path, int]:
    """A new hidden file in `path`'s folder, named after it, and its open descriptor. Private
    from its first byte (0600); the rename keeps that mode at `path`."""
    for _attempt in range(_NAME_ATTEMPTS):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")
        try:
            descriptor = os.open(temporary, _CREATE, PRIVATE_FILE)
        except FileExistsError:
            continue
        make_descriptor_private(descriptor)
        return temporary, descriptor
    raise FileExistsError(f"no free temporary name beside {path}")


def _move_into_place(temporary: Path, path: Path, *, overwrite: bool) -> bool:
    """Rename `temporary` to `path` in one step; False if refused because `path` exists."""
    if overwrite:
        temporary.replace(path)
        return True
    try:
        # A hard link fails if `path` exists, even one made since the check: never replaces.
        os.link(temporary, path)
    except FileExistsError:
        return False
    except OSError:
        # A file system without hard links (FAT, some network shares): check, then rename.
        if path.exists():
            return False
        temporary.replace(path)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable. Not every system can open a folder (Windows) or sync
    one; the file is in place either way, so this is done where it can be and never fails."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
