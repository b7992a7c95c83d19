"""Logging a practice in a moment: a small dialog whose list of practices has the focus, so
typing a first letter picks one and Enter logs it now (Ctrl+Shift+D, a letter, Enter). Minutes, a
note and a practice of the client's own are a Tab away. Opened by the shortcut from anywhere,
from Home and from the practice log; it writes the entry itself so that a refusal (minutes out
of range, a name too long) is said beside the fields and nothing typed is lost.

`MinutesBox` and `practice_choices` are shared with the practice log's own editing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QWidget,
)

from kapcompanion.data_files.practices import builtin_practices
from kapcompanion.domain import NewPracticeEntry, PracticeEntry, PracticeRef, utc_now
from kapcompanion.entry_rules import checked_minutes
from kapcompanion.errors import EntryRefusedError, KapError
from kapcompanion.store.practices import name_key
from ui.widgets.building_blocks import text
from ui.widgets.dialogs import dialog_buttons, dialog_column
from ui.widgets.error_messages import show_error
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.store import Store

NOTE_CHARACTERS = 500  # a line: a longer note belongs in a reflection
# Room to type a number that is too large, so it can be refused in words, not silently cut.
TYPABLE_MINUTES = 99_999
REF_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PracticeChoice:
    name: str
    ref: PracticeRef
    description: str = ""


def practice_choices(store: Store) -> list[PracticeChoice]:
    """The practices on offer: the built-in ones in their data file's order, then the
    client's own by name."""
    built_in = [
        PracticeChoice(p.name, PracticeRef(builtin_key=p.key), p.description)
        for p in builtin_practices()
    ]
    own = [PracticeChoice(p.name, PracticeRef(own_id=p.id)) for p in store.practices.own()]
    return built_in + own


class MinutesBox(QSpinBox):
    """Minutes, or "—" for not given (the box's lowest value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, TYPABLE_MINUTES)
        self.setSpecialValueText(self.tr("—"))
        self.setSuffix(self.tr(" min"))
        self.setAccessibleName(self.tr("Minutes, if you like"))
        self.lineEdit().setAccessibleName(self.accessibleName())
        self.setToolTip(self.tr("Leave it at — if you would rather not say"))

    def minutes(self) -> int | None:
        return None if self.value() == 0 else self.value()

    def set_minutes(self, minutes: int | None) -> None:
        self.setValue(minutes or 0)


def labelled(label: str, field: QWidget) -> QLabel:
    """A label that names `field` for screen readers and moves focus to it by its mnemonic."""
    caption = QLabel(label)
    caption.setBuddy(field)
    return caption


class QuickPracticeDialog(QDialog):
    """Choose a practice (or name one of your own), then Enter logs it as done now."""

    logged = Signal(object)  # the PracticeEntry

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        layout = dialog_column(self, self.tr("Something you did for yourself"), spacing=1)
        layout.addWidget(text(self.tr("What did you do? Type its first letter, then Enter.")))

        self.model = QStandardItemModel(self)
        for choice in practice_choices(store):
            item = QStandardItem(choice.name)
            item.setData(choice.ref, REF_ROLE)
            item.setData(choice.name, Qt.ItemDataRole.AccessibleTextRole)
            if choice.description:
                item.setToolTip(choice.description)
            item.setEditable(False)
            self.model.appendRow(item)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName(self.tr("Practices"))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The row a list makes current when it takes the focus is not chosen: only one the
        # client picks (a letter, the arrows, a click) is selected, so Enter alone logs nothing.
        self.list_view.selectionModel().selectionChanged.connect(lambda *_: self._check())
        layout.addWidget(self.list_view, 1)

        self.own_edit = QLineEdit()
        self.own_edit.setPlaceholderText(self.tr("Or name one of your own"))
        self.own_edit.setAccessibleName(self.tr("A practice of your own"))
        self.own_edit.textChanged.connect(self._check)
        layout.addWidget(self.own_edit)

        details = QHBoxLayout()
        details.setSpacing(space(1))
        self.minutes_box = MinutesBox()
        details.addWidget(labelled(self.tr("&Minutes"), self.minutes_box))
        details.addWidget(self.minutes_box)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_CHARACTERS)
        self.note_edit.setPlaceholderText(self.tr("A note, if you like"))
        self.note_edit.setAccessibleName(self.tr("A note, if you like"))
        details.addWidget(self.note_edit, 1)
        layout.addLayout(details)

        self.problem = text("", "muted")
        self.problem.setAccessibleName(self.tr("What to change"))
        self.problem.hide()
        layout.addWidget(self.problem)

        buttons = dialog_buttons(
            self,
            cancel=self.tr("Cancel"),
            cancel_name=self.tr("Cancel, and log nothing"),
            act=self.tr("Log it"),
            act_name=self.tr("Log this practice as done now"),
        )
        self.cancel_button, self.log_button = buttons.cancel, buttons.act
        layout.addLayout(buttons.row)

        QWidget.setTabOrder(self.list_view, self.own_edit)
        QWidget.setTabOrder(self.own_edit, self.minutes_box)
        QWidget.setTabOrder(self.minutes_box, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.log_button)
        QWidget.setTabOrder(self.log_button, self.cancel_button)
        self.setMinimumWidth(440)
        self.list_view.setFocus()
        self._check()

    def _check(self) -> None:
        self.log_button.setEnabled(self.chosen() is not None or bool(self.own_name()))

    def choose(self, practice: PracticeRef) -> None:
        """Have `practice` chosen already (Home's reminder of it), so Enter logs it."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(REF_ROLE) == practice:
                self.list_view.setCurrentIndex(index)
                self.list_view.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                return

    def chosen(self) -> PracticeRef | None:
        chosen = self.list_view.selectionModel().selectedIndexes()
        ref = chosen[0].data(REF_ROLE) if chosen else None
        return ref if isinstance(ref, PracticeRef) else None

    def own_name(self) -> str:
        return " ".join(self.own_edit.text().split())

    def accept(self) -> None:
        """Log it now; a refusal is said in the dialog, which stays open with what was typed."""
        if not self.log_button.isEnabled():
            return
        try:
            minutes = checked_minutes(self.minutes_box.minutes())
            with self._store.transaction():
                ref = self._own_ref() if self.own_name() else self.chosen()
                if ref is None:
                    return
                entry = self._store.practices.log(
                    NewPracticeEntry(ref, utc_now(), minutes, self.note_edit.text().strip())
                )
        except EntryRefusedError as error:
            self._refused(error.message)
            return
        except KapError as error:
            show_error(self, error)
            return
        super().accept()
        self.logged.emit(entry)

    def _own_ref(self) -> PracticeRef:
        """The client's practice of this name: a built-in or own one already called so, else
        a new one of their own."""
        key = name_key(self.own_name())
        for choice in practice_choices(self._store):
            if name_key(choice.name) == key:
                return choice.ref
        return PracticeRef(own_id=self._store.practices.add_own(self.own_name()).id)

    def _refused(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()


def entry_to_new(entry: PracticeEntry) -> NewPracticeEntry:
    """What an entry holds, as the store takes it back (to undo an edit)."""
    return NewPracticeEntry(entry.practice, entry.done_at, entry.minutes, entry.note)
