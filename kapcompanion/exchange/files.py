"""Writing an export file safely: under a temporary name first, renamed only once complete.

A failure part-way (a full disk, a stopped export) leaves no half-written file behind and
never touches an existing file of the same name.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kapcompanion.exchange.errors import ExportFileExistsError, ExportWriteError


def check_destination(path: Path, *, replace: bool) -> None:
    """Refuse an existing file (unless `replace`) before any work is done."""
    if path.is_dir() or (path.exists() and not replace):
        raise ExportFileExistsError(path)


def write_atomically(
    path: Path, write: Callable[[BinaryIO], object], *, replace: bool = False
) -> None:
    """Call `write` with a file that becomes `path` only if all of it was written."""
    check_destination(path, replace=replace)
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(path)
    except OSError as error:
        raise ExportWriteError(path, error.strerror or str(error)) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
