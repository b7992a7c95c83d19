"""Noticing when the app has not been used for a while (for the passphrase's auto-lock).

An application-wide event filter restarts a single-shot timer on every key press, click,
scroll or mouse movement in any of the app's windows; when the timer runs out, `idle` is
emitted. It never consumes an event.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` after `interval_ms` without input; 0 means never. Starts stopped."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._watching = False

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @interval_ms.setter
    def interval_ms(self, value: int) -> None:
        self._timer.setInterval(max(value, 0))
        if self._watching:
            self.start()

    def start(self) -> None:
        """Watch from now on (again from zero); with an interval of 0, stop."""
        app = QCoreApplication.instance()
        if self._timer.interval() <= 0 or app is None:
            self.stop()
            return
        if not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def is_watching(self) -> bool:
        return self._watching

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


LOCK_AFTER_KEY = "privacy/lock_after_minutes"
DEFAULT_LOCK_AFTER_MINUTES = 10
LOCK_AFTER_CHOICES = (0, 5, 10, 15, 30, 60)  # minutes; 0 means never


def lock_after_minutes(settings: QSettings) -> int:
    """How many idle minutes before a protected profile locks (0: never), from window.ini."""
    value = settings.value(LOCK_AFTER_KEY, DEFAULT_LOCK_AFTER_MINUTES)
    try:
        minutes = int(str(value))
    except ValueError:
        return DEFAULT_LOCK_AFTER_MINUTES
    return max(minutes, 0)
