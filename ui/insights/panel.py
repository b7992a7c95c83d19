"""The parts the small panels inside an insight card are built from: the quiet well they sit
in, their row of Save and Cancel, and Esc to leave them.

Shared by the small step's editor and the theme picker so the two look and behave alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.insights.style import WELL
from ui.widgets.style import space


def well() -> tuple[QFrame, QVBoxLayout]:
    """The quiet well a panel sits in; returns the frame and the layout to fill."""
    frame = QFrame()
    frame.setObjectName(WELL)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(space(2), space(2), space(2), space(2))
    layout.setSpacing(space(1))
    return frame, layout


def save_and_cancel_row(save: QWidget, cancel: QWidget) -> QHBoxLayout:
    """`save` and `cancel` side by side at the start of a row."""
    row = QHBoxLayout()
    row.setSpacing(space(1))
    row.addWidget(save)
    row.addWidget(cancel)
    row.addStretch(1)
    return row


def leave_on_escape(panel: QWidget, leave: Callable[[], object] | SignalInstance) -> None:
    """Esc anywhere inside `panel` calls (or emits) `leave`."""
    shortcut = QShortcut(
        QKeySequence(Qt.Key.Key_Escape),
        panel,
        context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
    )
    shortcut.activated.connect(leave)
