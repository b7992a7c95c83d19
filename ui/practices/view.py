"""Practices: the practice log (a plain history of what the client did for themselves) and the
medication list, on two tabs of one screen.

The medication list sits here rather than on a screen of its own: both are what the client
keeps between sessions, each is short, and the sidebar stays short (a twelfth entry would
crowd it and leave no Ctrl+number for it). Every change goes through `ui.operations` on one
QUndoStack (Ctrl+Z, Ctrl+Shift+Z); moving something away puts it in "recently deleted".
The screen reads the store and never writes outside its operations.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from kapcompanion.course.practice_reminders import reminders
from kapcompanion.domain import Medication, NewMedication, OwnPractice, PracticeEntry
from kapcompanion.entry_rules import checked_name
from kapcompanion.errors import KapError
from kapcompanion.ids import MedicationId
from kapcompanion.wording.translation import translate
from ui.changes import DataKind
from ui.operations.base import Reports
from ui.operations.medications import AddMedication, ChangeMedication, MoveMedication
from ui.operations.practice_reminders import ChangeReminders
from ui.operations.practices import (
    EditPracticeEntry,
    MovePracticeEntry,
    PracticeChange,
    RemoveOwnPractice,
    RenameOwnPractice,
)
from ui.practices.entry_dialog import PracticeEntryDialog
from ui.practices.form import CheckedForm
from ui.practices.log_page import PracticeLogPage
from ui.practices.medication_dialog import MedicationDialog
from ui.practices.medications_page import MedicationsPage
from ui.practices.reminders_dialog import RemindersDialog
from ui.widgets.error_messages import describe, show_message
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.quick_practice import entry_to_new, practice_choices
from ui.widgets.screen import Screen
from ui.widgets.undo_buttons import UndoButtons

if TYPE_CHECKING:
    from kapcompanion.store import Store


def medication_to_new(medication: Medication, **changes: object) -> NewMedication:
    fields: dict[str, object] = {
        "name": medication.name,
        "dose": medication.dose,
        "started_on": medication.started_on,
        "stopped_on": medication.stopped_on,
        "notes": medication.notes,
        **changes,
    }
    return NewMedication(**fields)  # type: ignore[arg-type]


class PracticesView(Screen):
    depends_on: ClassVar[frozenset[DataKind]] = frozenset(
        {DataKind.PRACTICES, DataKind.MEDICATIONS, DataKind.SETTINGS}  # settings: reminders
    )
    log_requested = Signal()  # the window opens the quick practice dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Practices"))
        self.undo_buttons = UndoButtons(self)
        self.undo_stack = self.undo_buttons.stack
        self.dialog: CheckedForm | None = None  # the form open now, if one is
        self._keep_entry: int | None = None
        self._keep_medication: int | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page = HeaderedPage(scrolling=True)  # at a large font, the page scrolls
        layout.addWidget(self.page)

        self.log_button = QPushButton(self.tr("Log a practice"))
        self.log_button.setObjectName("primary")
        self.log_button.setAccessibleName(self.tr("Log a practice: something you did for yourself"))
        self.log_button.clicked.connect(self.log_requested)
        self.undo_button = self.undo_buttons.undo_button
        self.redo_button = self.undo_buttons.redo_button
        self.header = PageHeader((self.undo_button, self.redo_button, self.log_button))
        self.header.set_words(
            self.tr("Practices"),
            self.tr("Something you did for yourself, kept as a plain history."),
        )
        self.page.set_header(self.header)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Practices and medications"))
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setDrawBase(False)  # the stylesheet's line under the tabs is enough
        self.tabs.tabBar().setAccessibleName(self.tr("The practice log or the medication list"))
        self.log_page = PracticeLogPage()
        self.medications_page = MedicationsPage()
        self.tabs.addTab(self.log_page, self.tr("Practice log"))
        self.tabs.addTab(self.medications_page, self.tr("Medications"))
        self.page.body.addWidget(self.tabs, 1)

        self.log_page.log_requested.connect(self.log_requested)
        self.log_page.edit_requested.connect(self.edit_entry)
        self.log_page.delete_requested.connect(self.delete_entry)
        self.log_page.rename_requested.connect(self.rename_own)
        self.log_page.remove_requested.connect(self.remove_own)
        self.log_page.reminders_requested.connect(self.choose_reminders)
        self.medications_page.add_requested.connect(self.add_medication)
        self.medications_page.edit_requested.connect(self.edit_medication)
        self.medications_page.stop_requested.connect(self.stop_medication)
        self.medications_page.delete_requested.connect(self.delete_medication)

    # Reading --------------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        if store is not self._store:  # steps of other data could not be taken back here
            self.undo_buttons.clear()
        super().set_store(store)

    def load_from_store(self) -> None:
        if self._store is None:
            return
        today = date.today()
        self.log_page.show_log(
            self._store.practices.entries(), self._store.practices.own(), self._keep_entry
        )
        chosen = reminders(self._store)
        self.log_page.show_reminders(
            [
                (choice.name, chosen[choice.ref])
                for choice in practice_choices(self._store)
                if choice.ref in chosen
            ]
        )
        self.medications_page.show_list(
            self._store.medications.current(today),
            self._store.medications.past(today),
            self._keep_medication,
        )

    def show_medications(self) -> None:
        self.tabs.setCurrentWidget(self.medications_page)

    # Undo and redo --------------------------------------------------------------------------

    def undo(self) -> None:
        self.undo_buttons.undo()

    def redo(self) -> None:
        self.undo_buttons.redo()

    def _push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def _practice_reports(self) -> Reports[PracticeChange]:
        return Reports(self._practice_changed, self._failed)

    def _medication_reports(self) -> Reports[MedicationId | None]:
        return Reports(self._medication_changed, self._failed)

    def _practice_changed(self, change: PracticeChange) -> None:
        self.tabs.setCurrentWidget(self.log_page)
        self._keep_entry = None if change.entry_id is None else int(change.entry_id)
        self.refresh()
        self.announce(DataKind.PRACTICES)

    def _medication_changed(self, medication_id: MedicationId | None) -> None:
        self.tabs.setCurrentWidget(self.medications_page)
        self._keep_medication = None if medication_id is None else int(medication_id)
        self.refresh()
        self.announce(DataKind.MEDICATIONS)

    def _failed(self, error: Exception, _detail: object = None) -> None:
        reason = describe(error)[1] if isinstance(error, KapError) else str(error)
        self.refresh()
        show_message(self, self.tr("This change was not saved"), reason)

    # The practice log -----------------------------------------------------------------------

    def _open(self, dialog: CheckedForm, done: Callable[[], None]) -> None:
        """Open `dialog` without blocking; `done()` runs if it is accepted."""
        self.dialog = dialog
        dialog.accepted.connect(done)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: CheckedForm) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def edit_entry(self, entry: PracticeEntry) -> None:
        if self._store is None or self.dialog is not None:
            return
        store = self._store
        dialog = PracticeEntryDialog(store, entry, self)

        def done() -> None:
            after = dialog.new_entry()
            if after != entry_to_new(entry):
                self._push(
                    EditPracticeEntry(
                        store,
                        entry.id,
                        (entry_to_new(entry), after),
                        self._practice_reports(),
                    )
                )

        self._open(dialog, done)

    def delete_entry(self, entry: PracticeEntry) -> None:
        if self._store is not None:
            self._push(MovePracticeEntry(self._store, entry.id, self._practice_reports()))

    def rename_own(self, practice: OwnPractice) -> None:
        if self._store is None or self.dialog is not None:
            return
        store = self._store
        dialog = CheckedForm(self.tr("Rename a practice of your own"), self.tr("Rename"), self)
        name_edit = QLineEdit(practice.name)
        dialog.add_row(self.tr("&Name"), name_edit, self.tr("The new name"))
        empty = translate("Store", "A practice of your own needs a name.")

        def check() -> None:
            checked_name(name_edit.text(), empty)

        dialog.check = check

        def done() -> None:
            name = " ".join(name_edit.text().split())
            if name != practice.name:
                self._push(
                    RenameOwnPractice(
                        store, practice.id, (practice.name, name), self._practice_reports()
                    )
                )

        self._open(dialog, done)

    def remove_own(self, practice: OwnPractice) -> None:
        if self._store is not None:
            self._push(
                RemoveOwnPractice(self._store, practice.id, practice.name, self._practice_reports())
            )

    def choose_reminders(self) -> None:
        """Pick, per practice, "remind me every N days" or none; saved as one undoable step."""
        if self._store is None or self.dialog is not None:
            return
        store = self._store
        dialog = RemindersDialog(practice_choices(store), reminders(store), self)

        def done() -> None:
            after = dialog.changes()
            if after:
                before = dialog.before(list(after))
                self._push(
                    ChangeReminders(
                        store, (before, after), Reports(self._reminders_changed, self._failed)
                    )
                )

        self._open(dialog, done)

    def _reminders_changed(self, _detail: None) -> None:
        self.tabs.setCurrentWidget(self.log_page)
        self.refresh()
        self.announce(DataKind.SETTINGS)

    # The medication list --------------------------------------------------------------------

    def add_medication(self) -> None:
        if self._store is None or self.dialog is not None:
            return
        store = self._store
        dialog = MedicationDialog(None, self)
        dialog.accepted.connect(
            lambda: self._push(
                AddMedication(store, dialog.medication(), self._medication_reports())
            )
        )
        self._open(dialog, lambda: None)

    def edit_medication(self, medication: Medication) -> None:
        if self._store is None or self.dialog is not None:
            return
        store = self._store
        dialog = MedicationDialog(medication, self)

        def done() -> None:
            before, after = medication_to_new(medication), dialog.medication()
            if after != before:
                self._push(
                    ChangeMedication(
                        store, medication.id, (before, after), self._medication_reports()
                    )
                )

        self._open(dialog, done)

    def stop_medication(self, medication: Medication) -> None:
        if self._store is None or medication.stopped_on is not None:
            return
        before = medication_to_new(medication)
        after = medication_to_new(medication, stopped_on=date.today())
        self._push(
            ChangeMedication(
                self._store,
                medication.id,
                (before, after),
                self._medication_reports(),
                stopping=True,
            )
        )

    def delete_medication(self, medication: Medication) -> None:
        if self._store is not None:
            self._push(MoveMedication(self._store, medication.id, self._medication_reports()))
