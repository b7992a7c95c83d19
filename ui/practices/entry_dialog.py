"""Editing one logged practice: which practice, when, minutes and a note."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QWidget

from kapcompanion.domain import NewPracticeEntry, PracticeEntry, utc_now
from kapcompanion.entry_rules import checked_minutes, checked_not_future, checked_note
from kapcompanion.wording.domain import practice_name
from ui.practices.form import CheckedForm
from ui.widgets.quick_practice import NOTE_CHARACTERS, MinutesBox, practice_choices
from ui.widgets.wording import from_qdatetime, local_qdatetime

if TYPE_CHECKING:
    from kapcompanion.store import Store


class PracticeEntryDialog(CheckedForm):
    def __init__(self, store: Store, entry: PracticeEntry, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change this practice"), self.tr("Save the change"), parent)
        self.practice_box = QComboBox()
        choices = practice_choices(store)
        self._refs = [choice.ref for choice in choices]
        for choice in choices:
            self.practice_box.addItem(choice.name)
        if entry.practice not in self._refs:  # a practice of their own since removed
            self._refs.append(entry.practice)
            self.practice_box.addItem(practice_name(entry))
        self.practice_box.setCurrentIndex(self._refs.index(entry.practice))
        self.add_row(self.tr("&Practice"), self.practice_box)
        self.when_edit = QDateTimeEdit(local_qdatetime(entry.done_at))
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setMaximumDateTime(QDateTime.currentDateTime())
        self.add_row(self.tr("&When"), self.when_edit)
        self.minutes_box = MinutesBox()
        self.minutes_box.set_minutes(entry.minutes)
        self.add_row(self.tr("&Minutes"), self.minutes_box, self.tr("Minutes, if you like"))
        self.note_edit = QLineEdit(entry.note)
        self.note_edit.setMaxLength(max(NOTE_CHARACTERS, len(entry.note)))
        self.add_row(self.tr("&Note"), self.note_edit, self.tr("A note, if you like"))
        self.check = lambda: self._checked()

    def _checked(self) -> None:
        checked_minutes(self.minutes_box.minutes())
        checked_not_future(self.done_at(), utc_now())
        checked_note(self.note_edit.text())

    def done_at(self) -> datetime:
        return from_qdatetime(self.when_edit.dateTime())

    def new_entry(self) -> NewPracticeEntry:
        return NewPracticeEntry(
            self._refs[self.practice_box.currentIndex()],
            self.done_at(),
            self.minutes_box.minutes(),
            self.note_edit.text().strip(),
        )
