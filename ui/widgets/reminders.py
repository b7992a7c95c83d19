"""Desktop reminders while the window runs: now and then, if the client turned them on, a
notification that something is ready (never what: see kapcompanion.reminders).

Shown through a system tray icon's message (QSystemTrayIcon), which appears only while
reminders are on and the desktop has a tray; clicking the message brings the window forward.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from kapcompanion.errors import KapError
from ui.widgets.icons import icon

if TYPE_CHECKING:
    from kapcompanion.store import Store

CHECK_EVERY_MS = 10 * 60 * 1000
FIRST_CHECK_MS = 60 * 1000  # a minute after the data opens: the client may be looking already

Notify = Callable[[str, str], None]


class DueReminders(QObject):
    """Checks what is due every few minutes while the data is open."""

    def __init__(self, window: QWidget, notify: Notify | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._store: Store | None = None
        self._tray: QSystemTrayIcon | None = None
        self._notify = notify or self._show_in_tray
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)

    def start(self, store: Store) -> None:
        self._store = store
        self._timer.start(FIRST_CHECK_MS)

    def stop(self) -> None:
        self._store = None
        self._timer.stop()
        if self._tray is not None:
            self._tray.hide()

    def check(self) -> None:
        """Remind the client if something new is due (and reminders are on, and it is not
        quiet); then check again later."""
        from kapcompanion.course.whats_due import whats_due
        from kapcompanion.reminders import reminder_due

        if self._store is None:
            return
        self._timer.start(CHECK_EVERY_MS)
        store = self._store

        def due_keys() -> list[str]:  # worked out only when a reminder could be shown
            return [item.key for item in whats_due(store, date.today())]

        try:
            if reminder_due(store, due_keys, datetime.now()):
                self._notify(
                    self.tr("KAP Companion"),
                    self.tr("Something is ready for you in KAP Companion, whenever you are."),
                )
        except KapError:
            return  # a reminder is never worth an error message; the next check tries again

    def _show_in_tray(self, title: str, message: str) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(icon("app"), self)
            self._tray.setToolTip(self.tr("KAP Companion"))
            self._tray.messageClicked.connect(self._bring_forward)
            self._tray.activated.connect(lambda _reason: self._bring_forward())
        self._tray.show()
        self._tray.showMessage(title, message, icon("app"))

    def _bring_forward(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
