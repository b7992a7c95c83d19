"""Adding or changing one of the client's own crisis lines: its name, a number or other way to
reach it, and a note if they like. What was typed is checked with the core's rules before
anything is written, and a refusal says what to change beside the fields, keeping the typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from kapcompanion.course.own_crisis_lines import OwnLine, checked_own_line
from kapcompanion.errors import EntryRefusedError
from ui.widgets.building_blocks import text
from ui.widgets.dialogs import dialog_buttons, dialog_column
from ui.widgets.style import space


class OwnLineDialog(QDialog):
    """Cancel, or Enter to keep the line; `line()` is what was kept."""

    def __init__(self, line: OwnLine | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Add a line") if line is None else self.tr("Change this line")
        column = dialog_column(self, title)
        form = QFormLayout()
        form.setSpacing(space(1))
        self.name_edit = QLineEdit("" if line is None else line.name)
        self.name_edit.setAccessibleName(self.tr("Name of the line or person"))
        self.name_edit.setPlaceholderText(self.tr("For example, a local crisis team"))
        form.addRow(self.tr("&Name"), self.name_edit)
        self.contact_edit = QLineEdit("" if line is None else line.contact)
        self.contact_edit.setAccessibleName(self.tr("Number, or how to reach it"))
        form.addRow(self.tr("N&umber or contact"), self.contact_edit)
        self.note_edit = QPlainTextEdit("" if line is None else line.note)
        self.note_edit.setAccessibleName(self.tr("A note, if you like"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + space(2))
        form.addRow(self.tr("N&ote"), self.note_edit)
        column.addLayout(form)
        self.problem = text("", "notice")
        self.problem.setAccessibleName(self.tr("What to change"))
        self.problem.hide()
        column.addWidget(self.problem)
        act = self.tr("Add it") if line is None else self.tr("Save the change")
        buttons = dialog_buttons(
            self,
            cancel=self.tr("Cancel"),
            cancel_name=self.tr("Cancel, and change nothing"),
            act=act,
            act_name=act,
        )
        column.addLayout(buttons.row)
        self.setMinimumWidth(440)
        self._kept: OwnLine | None = None

    def open(self) -> None:
        super().open()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        try:
            self._kept = checked_own_line(
                self.name_edit.text(), self.contact_edit.text(), self.note_edit.toPlainText()
            )
        except EntryRefusedError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return
        super().accept()

    def line(self) -> OwnLine | None:
        return self._kept
