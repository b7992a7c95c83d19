"""A quick check-in: how much distress right now, 0 to 10, with a word or a note if the client
likes. Opened from Home and by a shortcut from anywhere; the window saves what it returns."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from ui.widgets.building_blocks import text
from ui.widgets.dialogs import dialog_buttons, dialog_column
from ui.widgets.distress_scale import DistressScale

# A word or a line: a longer note belongs in a reflection.
NOTE_CHARACTERS = 500


class QuickCheckInDialog(QDialog):
    """The rating and the note; "Save" waits until there is a rating. Number keys rate at once,
    Enter saves, Esc leaves without saving."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = dialog_column(self, self.tr("Check in with yourself"))
        self.scale = DistressScale(self.tr("How much distress do you feel right now?"))
        self.scale.rated.connect(lambda _value: self._check())
        self.scale.cleared.connect(self._check)
        layout.addWidget(self.scale)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_CHARACTERS)
        self.note_edit.setPlaceholderText(self.tr("A word or a note, if you like"))
        self.note_edit.setAccessibleName(self.tr("A word or a note, if you like"))
        layout.addWidget(self.note_edit)
        layout.addWidget(
            text(self.tr("Only you see this, unless you choose to share it."), "muted")
        )
        buttons = dialog_buttons(
            self,
            cancel=self.tr("Cancel"),
            cancel_name=self.tr("Cancel, and save nothing"),
            act=self.tr("Save"),
            act_name=self.tr("Save this check-in"),
        )
        self.cancel_button, self.save_button = buttons.cancel, buttons.act
        layout.addLayout(buttons.row)
        self.setMinimumWidth(520)
        self.scale.slider.setFocus()
        self._check()

    def _check(self) -> None:
        self.save_button.setEnabled(self.scale.value() is not None)

    def accept(self) -> None:
        if self.scale.value() is not None:
            super().accept()

    def rating(self) -> int | None:
        return self.scale.value()

    def note(self) -> str:
        return self.note_edit.text().strip()
