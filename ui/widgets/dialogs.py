"""The shape every small dialog of the app shares: a titled, window-modal column with the
page's margins, and its end, "Cancel" on the left and its one action on the right."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout

from ui.widgets.style import space


def dialog_column(dialog: QDialog, title: str, *, spacing: int = 2) -> QVBoxLayout:
    """Title `dialog` (for the window and for screen readers), make it modal to its window,
    and give it its column, `spacing` steps of the spacing grid between rows."""
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    column = QVBoxLayout(dialog)
    column.setContentsMargins(space(3), space(3), space(3), space(3))
    column.setSpacing(space(spacing))
    return column


@dataclass(frozen=True)
class DialogButtons:
    cancel: QPushButton
    act: QPushButton
    row: QHBoxLayout


def dialog_buttons(
    dialog: QDialog,
    *,
    cancel: str,
    cancel_name: str,
    act: str,
    act_name: str,
    act_is_default: bool = True,
) -> DialogButtons:
    """The dialog's two buttons in a row, for its layout: `cancel` rejects it (never by Enter),
    `act` (the primary button, named `act_name` for screen readers) accepts it, and is what Enter
    presses when `act_is_default`. A dialog whose action must be a deliberate choice passes
    False and puts the focus on Cancel."""
    cancel_button = QPushButton(cancel)
    cancel_button.setAccessibleName(cancel_name)
    cancel_button.setAutoDefault(False)
    cancel_button.clicked.connect(dialog.reject)
    act_button = QPushButton(act)
    act_button.setObjectName("primary")
    act_button.setAccessibleName(act_name)
    act_button.setDefault(act_is_default)
    act_button.setAutoDefault(act_is_default)
    act_button.clicked.connect(dialog.accept)
    row = QHBoxLayout()
    row.addWidget(cancel_button)
    row.addStretch(1)
    row.addWidget(act_button)
    return DialogButtons(cancel_button, act_button, row)
