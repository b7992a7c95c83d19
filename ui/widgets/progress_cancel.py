"""A progress bar with a Cancel button beside it, for work the client may stop: hidden until
`begin`, gone again at `end`. The caller does the stopping when `cancel_requested` comes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.widgets.style import space

STEPS = 1000  # the bar's resolution: progress is given from 0 to 1


class ProgressWithCancel(QWidget):
    """What is being done, how far it has come, and a way to stop it."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, space(1), 0, 0)
        row.setSpacing(space(1))
        row.addWidget(self.label)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    def begin(self, doing: str, cancel_name: str) -> None:
        """Show the bar at 0 with `doing` beside it; `cancel_name` names the Cancel button
        for assistive technology (what it stops)."""
        self.label.setText(doing)
        self.bar.setAccessibleName(doing)
        self.cancel_button.setAccessibleName(cancel_name)
        self.cancel_button.setEnabled(True)
        self.bar.setValue(0)
        self.show()

    def set_progress(self, done: float) -> None:
        """How far the work has come, from 0 to 1."""
        self.bar.setValue(round(min(max(done, 0.0), 1.0) * STEPS))

    def end(self) -> None:
        self.hide()
