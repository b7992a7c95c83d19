"""Saving what the client types without being asked, and saying calmly when it could not.

`Autosave` saves soon after typing pauses and at least every couple of seconds while it goes on.
When a save fails (the disk is full, another program holds the file), the words stay where they
are, a `SaveNotice` says what happened in plain words, and the save is tried again a little
later, until it works. It never shows a modal dialog: a failing save must not interrupt
someone who is writing. The saving itself is the caller's; this never touches the store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kapcompanion.errors import DiskFullError, DiskIOError, KapError
from ui.widgets.building_blocks import text
from ui.widgets.error_messages import describe
from ui.widgets.style import space

SAVE_AFTER_PAUSE_MS = 1500  # after typing pauses
SAVE_AT_LATEST_MS = 2000  # at the latest, even while typing goes on
RETRY_MS = 5000  # after a save failed


class SaveNotice(QFrame):
    """A quiet notice above the writing: what could not be saved, and that nothing is lost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveNotice")
        self.setAccessibleName(self.tr("Not saved yet"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(2), space(1), space(2), space(1))
        layout.setSpacing(space(1) // 2)
        self.title = text("", "saveNoticeTitle")
        self.explanation: QLabel = text("", selectable=True)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        self.hide()

    def show_error(self, error: KapError) -> None:
        title, explanation = describe(error)
        if isinstance(error, DiskFullError):
            title = self.tr("Your disk is full")
            explanation = self.tr(
                "What you typed is still here and will be saved as soon as there is room. "
                "Freeing some space (emptying the bin, moving large files) "
                "makes room."
            )
        elif isinstance(error, DiskIOError):
            title = self.tr("The disk did not answer")
            explanation = self.tr(
                "The disk did not let KAP Companion save just now: it may be full, removed or "
                "failing. What you typed is still here and will be saved as soon as the disk "
                "answers again."
            )
        else:
            explanation += "\n\n" + self.tr(
                "Everything you typed is still here. KAP Companion will keep trying to save it "
                "every few seconds."
            )
        self.title.setText(title)
        self.explanation.setText(explanation)
        self.setAccessibleDescription(f"{title}. {self.explanation.text()}")
        self.show()


class Autosave(QObject):
    """Calls `save` soon after `schedule()`, and again every few seconds while it fails."""

    def __init__(self, save: Callable[[], None], notice: SaveNotice, parent: QObject) -> None:
        super().__init__(parent)
        self._save = save
        self.notice = notice
        self._after_pause = self._timer(SAVE_AFTER_PAUSE_MS)
        self._at_latest = self._timer(SAVE_AT_LATEST_MS)
        self._retry = self._timer(RETRY_MS)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.save_now)
        return timer

    def schedule(self) -> None:
        """Something changed: save when typing pauses, or soon at the latest."""
        self._after_pause.start()
        if not self._at_latest.isActive():
            self._at_latest.start()

    @property
    def failing(self) -> bool:
        """True while the last save failed and a retry is waiting."""
        return self._retry.isActive()

    def save_now(self) -> bool:
        """Save at once; True if it worked. On failure the notice shows and a retry waits."""
        self.stop()
        try:
            self._save()
        except KapError as error:
            self.notice.show_error(error)
            self._retry.start()
            return False
        self.notice.hide()
        return True

    def stop(self) -> None:
        """No more saving (the writing is closed)."""
        for timer in (self._after_pause, self._at_latest, self._retry):
            timer.stop()
