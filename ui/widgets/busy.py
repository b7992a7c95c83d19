"""Long work on a thread of its own while the window stays painted and shows a calm note.

`run_busy` blocks its caller (a local event loop turns meanwhile, so the window repaints) and
returns the work's result, or raises what the work raised, on the caller's thread. A modal note
keeps clicks and typing away from the window while it runs; it cannot be stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.widgets.background import Background

T = TypeVar("T")
NOTE_DELAY_MS = 300  # quick work finishes before a note would appear


def run_busy(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """Run `work()` on a thread, with `label` in a modal note and a busy cursor; return its
    result or raise its exception here."""
    worker: Background[T] = Background(work)
    note = QProgressDialog(label, "", 0, 0, parent)
    note.setCancelButton(None)
    note.setWindowTitle(label)
    note.setAccessibleName(label)
    note.setWindowModality(Qt.WindowModality.WindowModal)
    note.setMinimumDuration(NOTE_DELAY_MS)
    note.setValue(0)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        worker.start()
        if not worker.isFinished():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        worker.wait()
    finally:
        QGuiApplication.restoreOverrideCursor()
        note.close()
        note.deleteLater()
    worker.deleteLater()
    if isinstance(worker.outcome, BaseException):
        raise worker.outcome
    return cast(T, worker.outcome)
