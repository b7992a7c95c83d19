"""What can go wrong exporting or importing, each with one calm sentence for the client.

Every refusal of an import happens before anything is written (or rolls back everything it
wrote), so each message can say truthfully that nothing was changed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kapcompanion.errors import KapError

DEBUG_VARIABLE = "KAP_COMPANION_DEBUG"


class ExchangeError(KapError):
    """An export or import that could not be done; the profile is as it was."""


class ExportWriteError(ExchangeError):
    """The export file could not be written."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The export could not be written to {path} ({reason}). Your entries were not "
            "changed; you might choose another folder."
        )
        self.path = path
        self.reason = reason


class ExportFileExistsError(ExchangeError):
    """Refused: an export never overwrites a file unless asked to."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists; choose another name for the export.")
        self.path = path


class ImportUnreadableError(ExchangeError):
    """The file to import could not be opened or read."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"The file {path} could not be read ({reason}). Nothing was changed.")
        self.path = path
        self.reason = reason


class IncompleteExportError(ExchangeError):
    """Not JSON at all, or JSON cut short (a truncated file)."""

    def __init__(self, source: str) -> None:
        super().__init__(
            f"This file is not a complete KAP Companion export: {source} may have been cut "
            "short, or it is another kind of file. Nothing was changed."
        )
        self.source = source


class ForeignFileError(ExchangeError):
    """Well-formed JSON that some other program wrote."""

    def __init__(self, source: str) -> None:
        super().__init__(
            f"The file {source} was not made by KAP Companion's export, so it was not imported. "
            "Nothing was changed."
        )
        self.source = source


class SpreadsheetExportError(ForeignFileError):
    """The zip of CSV files the export also writes: for reading, not for importing."""

    def __init__(self, source: str) -> None:
        ExchangeError.__init__(
            self,
            f"The file {source} is a spreadsheet (CSV) export, which is for reading; only a "
            "JSON export can be imported. Nothing was changed.",
        )
        self.source = source


class NewerExportError(ExchangeError):
    """An export in a format version this version of the app does not know yet."""

    def __init__(self, source: str, version: int) -> None:
        super().__init__(
            f"The file {source} was exported by a newer version of KAP Companion (format "
            f"version {version}). Nothing was changed; please install the newer version to "
            "import it."
        )
        self.source = source
        self.version = version


class InvalidExportError(ExchangeError):
    """One part of the file (usually one record) is not what the format allows."""

    def __init__(self, source: str, where: str, reason: str) -> None:
        super().__init__(
            f"The file {source} cannot be imported: {where} {reason}. Nothing was changed."
        )
        self.source = source
        self.where = where
        self.reason = reason


class ImportTooLargeError(ExchangeError):
    """Refused before reading: far larger than any export (probably another kind of file)."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(
            f"The file {path} is larger than an export can be ({limit // 2**20} MB), so it was "
            "not imported; it may be another kind of file. Nothing was changed."
        )
        self.path = path
        self.limit = limit


class ImportConflictError(ExchangeError):
    """The file fits the format but clashes with the profile (or the profile is busy).

    The message is a fixed calm sentence; the database's own words are only in `detail`
    (shown by `print_detail_when_debugging`)."""

    def __init__(self, source: str, *, busy: bool, detail: str = "") -> None:
        self.busy = busy
        self.reason = (
            "your data file is busy or cannot be written just now"
            if busy
            else "some of its records clash with different entries already here"
        )
        super().__init__(
            f"The file {source} could not be imported ({self.reason}). Nothing was changed."
        )
        self.source = source
        self.detail = detail


def print_detail_when_debugging(error: BaseException) -> None:
    """Write an error's raw text to stderr, only when KAP_COMPANION_DEBUG is set: the client
    reads calm sentences, a developer may want SQLite's own words."""
    if os.environ.get(DEBUG_VARIABLE):
        detail = getattr(error, "detail", "") or f"{type(error).__name__}: {error}"
        print(f"[{DEBUG_VARIABLE}] {detail}", file=sys.stderr)
