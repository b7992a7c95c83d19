"""What the practice log's and the medication list's dialogs share: a form that checks what was
typed with the core's own rules before anything is written, and says what to change beside
the fields, so a refusal never loses what was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from kapcompanion.errors import EntryRefusedError
from ui.widgets.building_blocks import text
from ui.widgets.dialogs import dialog_column
from ui.widgets.style import space


class CheckedForm(QDialog):
    """A titled form with Cancel and a default "Save"; `check` raises EntryRefusedError with
    the words to show when something needs changing."""

    def __init__(self, title: str, save: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = dialog_column(self, title)
        self.form = QFormLayout()
        self.form.setSpacing(space(1))
        outer.addLayout(self.form)
        self.problem = text("", "muted")
        self.problem.setAccessibleName(self.tr("What to change"))
        self.problem.hide()
        outer.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel, and change nothing"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(save)
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(save)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.setMinimumWidth(480)
        self.check: Callable[[], None] = lambda: None
        self.first_field: QWidget | None = None  # where the keys go when it opens

    def add_row(self, label: str, field: QWidget, accessible: str = "") -> None:
        field.setAccessibleName(accessible or label.replace("&", ""))
        if isinstance(field, QAbstractSpinBox):  # its text field is what takes the keys
            field.lineEdit().setAccessibleName(field.accessibleName())
        self.form.addRow(label, field)
        if self.first_field is None:
            self.first_field = field

    def open(self) -> None:
        super().open()
        if self.first_field is not None:
            self.first_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        try:
            self.check()
        except EntryRefusedError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return
        super().accept()
