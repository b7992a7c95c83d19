"""Adding or changing one medication: name and dose as the prescriber wrote them, the days it
was started and stopped (each optional), and notes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kapcompanion.domain import Medication, NewMedication
from kapcompanion.entry_rules import checked_dates, checked_name, checked_note
from kapcompanion.wording.translation import translate
from ui.practices.form import CheckedForm


class OptionalDay(QWidget):
    """A day that may be left out: a tick box, and the day once it is ticked."""

    def __init__(self, label: str, day: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.given = QCheckBox(label)
        self.given.setAccessibleName(label)
        shown = QDate.currentDate() if day is None else QDate(day.year, day.month, day.day)
        self.day_edit = QDateEdit(shown)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setAccessibleName(label)
        self.day_edit.lineEdit().setAccessibleName(label)
        self.given.setChecked(day is not None)
        self.day_edit.setEnabled(day is not None)
        self.given.toggled.connect(self.day_edit.setEnabled)
        row.addWidget(self.given)
        row.addWidget(self.day_edit, 1)
        self.setFocusProxy(self.given)

    def day(self) -> date | None:
        if not self.given.isChecked():
            return None
        chosen = self.day_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class MedicationDialog(CheckedForm):
    def __init__(self, medication: Medication | None, parent: QWidget | None = None) -> None:
        if medication is None:
            super().__init__(self.tr("Add a medication"), self.tr("Add it"), parent)
        else:
            super().__init__(self.tr("Change this medication"), self.tr("Save the change"), parent)
        self.name_edit = QLineEdit("" if medication is None else medication.name)
        self.add_row(self.tr("&Name"), self.name_edit, self.tr("Name of the medication"))
        self.dose_edit = QLineEdit("" if medication is None else medication.dose)
        self.dose_edit.setPlaceholderText(self.tr("As your prescriber wrote it"))
        self.add_row(self.tr("&Dose"), self.dose_edit, self.tr("Dose, as your prescriber wrote it"))
        self.started = OptionalDay(
            self.tr("Started on"), None if medication is None else medication.started_on
        )
        self.form.addRow(self.started)  # the tick box names the day: no second label
        self.stopped = OptionalDay(
            self.tr("Stopped on"), None if medication is None else medication.stopped_on
        )
        self.form.addRow(self.stopped)
        self.notes_edit = QPlainTextEdit("" if medication is None else medication.notes)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.add_row(self.tr("N&otes"), self.notes_edit, self.tr("Notes, if you like"))
        self.check = lambda: self._checked()

    def _checked(self) -> None:
        checked_name(self.name_edit.text(), translate("Store", "A medication needs a name."))
        checked_dates(self.started.day(), self.stopped.day())
        checked_note(self.dose_edit.text())
        checked_note(self.notes_edit.toPlainText())

    def medication(self) -> NewMedication:
        return NewMedication(
            name=self.name_edit.text(),
            dose=self.dose_edit.text().strip(),
            started_on=self.started.day(),
            stopped_on=self.stopped.day(),
            notes=self.notes_edit.toPlainText().strip(),
        )
