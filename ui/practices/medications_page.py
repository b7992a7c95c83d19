"""The medication list: the client's own list, to keep track and to show the prescriber. It
says once that the app gives no advice and checks no interactions, and nothing else medical.

"Taking now" and "Stopped" are quiet headings and each medication a card row
(`CardRowDelegate`): its name and days, then the dose as the prescriber wrote it, then any
notes, each cut short rather than scrolled sideways (whole in the dialog and read aloud whole).
The item's columns keep each part for the row and for screen readers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import Medication
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.domain import medication_list_note
from kapcompanion.wording.translation import fill, one_line
from ui.practices.log_page import list_in_card
from ui.practices.row_delegate import CardRowDelegate, RowRole
from ui.widgets.building_blocks import card, text
from ui.widgets.focus import chain_tab_order
from ui.widgets.style import space

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_SHOWN = 120  # characters of a long name in the list; the whole name is in the dialog


def day_words(day: date | None, locale: QLocale) -> str:
    return "" if day is None else day_of(day, locale, short=True)


class MedicationsPage(QWidget):
    add_requested = Signal()
    edit_requested = Signal(object)  # a Medication
    stop_requested = Signal(object)  # a Medication
    delete_requested = Signal(object)  # a Medication

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._medications: dict[int, Medication] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, space(2), 0, 0)
        column.setSpacing(space(2))
        self.note = text(medication_list_note(), "reading")
        self.note.setAccessibleName(medication_list_note())
        column.addWidget(self.note)

        self.add_button = QPushButton(self.tr("Add a medication"))
        self.add_button.setAccessibleName(self.tr("Add a medication"))
        self.add_button.clicked.connect(self.add_requested)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        column.addLayout(add_row)

        self.empty_card, empty = card(self.tr("No medications on your list"))
        empty.addWidget(
            text(
                self.tr(
                    "If you take any, you can copy them here from the prescription, with the "
                    "dose as your prescriber wrote it."
                ),
                "reading",
            )
        )
        column.addWidget(self.empty_card)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Your medications"))
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("Medication"),
                self.tr("Dose"),
                self.tr("Started"),
                self.tr("Stopped"),
                self.tr("Notes"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(0)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(CardRowDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for hidden in range(1, self.tree.columnCount()):
            self.tree.setColumnHidden(hidden, True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.itemActivated.connect(lambda _item, _column: self._emit(self.edit_requested))
        self.tree.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.list_card = list_in_card(self.tree)
        column.addWidget(self.list_card, 1)
        for keys, signal in (
            (QKeySequence.StandardKey.Delete, self.delete_requested),
            (QKeySequence(Qt.Key.Key_F2), self.edit_requested),
        ):
            shortcut = QShortcut(keys, self.tree, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda signal=signal: self._emit(signal))

        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.setAccessibleName(self.tr("Change the chosen medication (Enter)"))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.stop_button = QPushButton(self.tr("Stopped today"))
        self.stop_button.setAccessibleName(self.tr("Note that the chosen medication stopped today"))
        self.stop_button.setToolTip(self.tr("Another day can be set with Change…"))
        self.stop_button.clicked.connect(lambda: self._emit(self.stop_requested))
        self.delete_button = QPushButton(self.tr("Move to recently deleted"))
        self.delete_button.setAccessibleName(
            self.tr("Move the chosen medication to recently deleted (Delete)")
        )
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        actions.addWidget(self.edit_button)
        actions.addWidget(self.stop_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        column.addLayout(actions)
        # Takes the room the list leaves while it is hidden, so the rest stays together.
        column.addStretch(0)
        self._column = column
        chain_tab_order(
            [self.add_button, self.tree, self.edit_button, self.stop_button, self.delete_button]
        )

    def show_list(
        self, current: list[Medication], past: list[Medication], keep: int | None
    ) -> None:
        locale = QLocale()
        had_focus = self.tree.hasFocus()
        self._medications = {int(m.id): m for m in (*current, *past)}
        self.tree.clear()
        chosen: QTreeWidgetItem | None = None
        first: QTreeWidgetItem | None = None
        for title, medications in (
            (self.tr("Taking now"), current),
            (self.tr("Stopped"), past),
        ):
            if not medications:
                continue
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)
            for medication in medications:
                words = [
                    one_line(medication.name, NAME_SHOWN),
                    one_line(medication.dose, NAME_SHOWN),
                    day_words(medication.started_on, locale),
                    day_words(medication.stopped_on, locale),
                    one_line(medication.notes, NAME_SHOWN),
                ]
                item = QTreeWidgetItem(group, words)
                item.setData(0, ID_ROLE, int(medication.id))
                item.setData(0, RowRole.WHEN, self._days_words(medication, locale))
                item.setData(0, RowRole.DETAIL, words[1])
                item.setData(0, RowRole.MORE, words[4])
                spoken = ", ".join(word for word in (title, *words) if word)
                for column in range(5):
                    item.setData(column, Qt.ItemDataRole.AccessibleTextRole, spoken)
                first = first or item
                if keep is not None and int(medication.id) == keep:
                    chosen = item
        shown = chosen or first
        if shown is not None:
            self.tree.setCurrentItem(shown)
        anything = bool(self._medications)
        self.empty_card.setVisible(not anything)
        self.list_card.setVisible(anything)
        self.tree.setVisible(anything)
        for button in (self.edit_button, self.stop_button, self.delete_button):
            button.setVisible(anything)
        self._column.setStretch(self._column.count() - 1, 0 if anything else 1)
        self._update_buttons()
        if had_focus and not anything:  # the last one went: adding one takes the keys
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _days_words(self, medication: Medication, locale: QLocale) -> str:
        """When it started and stopped, in a few words: "since 1 Jun 2026", "1 Jun – 9 Oct 2026"."""
        started, stopped = medication.started_on, medication.stopped_on
        if started is not None and stopped is not None:
            return fill(
                self.tr("%1 – %2"),
                day_of(started, locale, short=True),
                day_of(stopped, locale, short=True),
            )
        if started is not None:
            return fill(self.tr("since %1"), day_of(started, locale, short=True))
        if stopped is not None:
            return fill(self.tr("until %1"), day_of(stopped, locale, short=True))
        return ""

    def current_medication(self) -> Medication | None:
        item = self.tree.currentItem()
        medication_id = item.data(0, ID_ROLE) if item is not None else None
        return self._medications.get(medication_id) if isinstance(medication_id, int) else None

    def _update_buttons(self) -> None:
        chosen = self.current_medication()
        self.edit_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None)
        self.stop_button.setEnabled(chosen is not None and chosen.stopped_on is None)

    def _emit(self, signal: SignalInstance) -> None:
        medication = self.current_medication()
        if medication is not None:
            signal.emit(medication)
