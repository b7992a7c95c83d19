"""Export and import for the Settings screen: the work on a thread of its own, and its words.

The thread opens the profile's database with a connection of its own (SQLite connections
stay in the thread that made them), so the window keeps answering while a large file is
written or read. Stopping raises inside the work: an export then writes no file and an import
rolls back, so either way nothing is changed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QThread, Signal

from kapcompanion.errors import KapError
from kapcompanion.exchange import (
    ExchangeError,
    ExportFileExistsError,
    ExportSummary,
    ExportWriteError,
    ForeignFileError,
    ImportConflictError,
    ImportSummary,
    ImportTooLargeError,
    ImportUnreadableError,
    IncompleteExportError,
    InvalidExportError,
    NewerExportError,
    ProgressCallback,
    SpreadsheetExportError,
    import_document,
    read_export,
    write_csv_export,
    write_json_export,
)
from kapcompanion.exchange.errors import print_detail_when_debugging
from kapcompanion.store import Store
from kapcompanion.wording.translation import fill
from ui.widgets.error_messages import describe

CONTEXT = "DataExchange"


def _tr(source: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, source, None, n)


class StopRequestedError(Exception):
    """The client chose Stop; raised inside the work so that it undoes itself."""


class ExchangeTask(QThread):
    """Runs `work(progress)` on its own thread and reports back on the window's thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[ProgressCallback], object]) -> None:
        super().__init__()
        self._work = work
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise StopRequestedError
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as error:  # reported on the window's thread, never lost
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


def export_work(
    database: Path, destination: Path, *, replace: bool, passphrase: str | None = None
) -> Callable[[ProgressCallback], ExportSummary]:
    """Export everything in `database` (opened with `passphrase` when it is protected) to
    `destination` (.zip: CSV files; otherwise JSON), replacing a file already there only if
    `replace`."""
    write = write_csv_export if destination.suffix.lower() == ".zip" else write_json_export

    def work(progress: ProgressCallback) -> ExportSummary:
        with Store.open(database, passphrase=passphrase) as store:
            return write(store, destination, progress=progress, replace=replace)

    return work


def import_work(
    database: Path, source: Path, passphrase: str | None = None
) -> Callable[[ProgressCallback], ImportSummary]:
    """Check the export at `source` whole, then merge it into `database` (opened with
    `passphrase` when it is protected), all or nothing."""

    def work(progress: ProgressCallback) -> ImportSummary:
        document = read_export(source)
        with Store.open(database, passphrase=passphrase) as store:
            return import_document(store, document, progress=progress, source=str(source))

    return work


# Words (what an export held or an import added is said by the core's summary.describe()) --


def describe_failure(error: BaseException, *, importing: bool) -> tuple[str, str]:
    """A short title and a calm explanation for an export or import that did not happen."""
    title = _tr("The file was not imported") if importing else _tr("Your entries were not exported")
    if isinstance(error, StopRequestedError):
        return title, _tr("You stopped it, so nothing was changed.")
    if isinstance(error, IncompleteExportError):
        message = _tr(
            "This file is not a complete KAP Companion export. It may have been cut short "
            "while it was copied, or it is another kind of file. Nothing was changed."
        )
    elif isinstance(error, SpreadsheetExportError):
        message = _tr(
            "This is a spreadsheet (CSV) export, which is for reading; only a JSON export can "
            "be imported. Nothing was changed."
        )
    elif isinstance(error, ForeignFileError):
        message = _tr(
            "This file was not made by KAP Companion's export, so it was not imported. "
            "Nothing was changed."
        )
    elif isinstance(error, NewerExportError):
        message = _tr(
            "This file was exported by a newer version of KAP Companion. Nothing was changed; "
            "once you install the newer version, you can import it."
        )
    elif isinstance(error, InvalidExportError):
        message = fill(
            _tr(
                "Part of this file is not as KAP Companion writes it, so none of it was "
                "imported and nothing was changed.\n\nWhat is wrong: %1 %2."
            ),
            error.where,
            error.reason,
        )
    elif isinstance(error, ImportConflictError) and error.busy:
        message = _tr(
            "Your data file is busy or cannot be written just now, so the file was not added. "
            "Nothing was changed; you might try again in a moment."
        )
    elif isinstance(error, ImportConflictError):
        message = _tr(
            "Some records in this file clash with different entries already here, so none of "
            "it was added. Nothing was changed."
        )
    elif isinstance(error, ImportTooLargeError):
        message = fill(
            _tr(
                "This file is larger than an export can be (%1 MB), so it was not imported; it "
                "may be another kind of file. Nothing was changed."
            ),
            QLocale().toString(error.limit // 2**20),
        )
    elif isinstance(error, ImportUnreadableError):
        message = fill(_tr("The file could not be read (%1). Nothing was changed."), error.reason)
    elif isinstance(error, ExportWriteError):
        message = fill(
            _tr(
                "The file could not be written (%1). Your entries were not changed; you might "
                "choose another folder."
            ),
            error.reason,
        )
    elif isinstance(error, ExportFileExistsError):
        message = _tr("A file with that name is already there; you might choose another name.")
    elif isinstance(error, ExchangeError):
        message = error.message
    elif isinstance(error, KapError):  # the data file itself could not be opened
        return describe(error)
    else:  # its own words are for a developer (KAP_COMPANION_DEBUG), never for the client
        print_detail_when_debugging(error)
        message = _tr("Something unexpected went wrong, so nothing was changed.")
    return title, message
