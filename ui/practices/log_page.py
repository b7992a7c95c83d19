"""The practice log: a plain history, newest first and grouped by day, with the practices of
the client's own beneath it. No counts, streaks or targets: only what was done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import OwnPractice, PracticeEntry
from kapcompanion.ids import PracticeEntryId
from kapcompanion.wording.domain import practice_name
from kapcompanion.wording.translation import fill, one_line
from ui.widgets.building_blocks import card, text
from ui.widgets.focus import chain_tab_order
from ui.widgets.style import space
from ui.widgets.wording import day_text, local_qdatetime

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def minutes_text(minutes: int | None, locale: QLocale) -> str:
    if minutes is None:
        return ""
    return fill(QCoreApplication.translate("PracticeLogPage", "%1 min"), locale.toString(minutes))


class PracticeLogPage(QWidget):
    log_requested = Signal()
    edit_requested = Signal(object)  # a PracticeEntry
    delete_requested = Signal(object)  # a PracticeEntry
    rename_requested = Signal(object)  # an OwnPractice
    remove_requested = Signal(object)  # an OwnPractice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: dict[int, PracticeEntry] = {}
        self._own: list[OwnPractice] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, space(2), 0, 0)
        column.setSpacing(space(2))

        self.empty_card, empty = card(self.tr("Nothing logged yet"))
        empty.addWidget(
            text(
                self.tr(
                    "When you do something for yourself (a few slow breaths, a walk, an early "
                    "night, time with a friend), you can note it here. It stays a plain "
                    "history, just for you."
                ),
                "reading",
            )
        )
        self.first_button = QPushButton(self.tr("Log your first practice"))
        self.first_button.setObjectName("primary")
        self.first_button.setAccessibleName(self.tr("Log your first practice"))
        self.first_button.clicked.connect(self.log_requested)
        row = QHBoxLayout()
        row.addWidget(self.first_button)
        row.addStretch(1)
        empty.addLayout(row)
        column.addWidget(self.empty_card)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("What you did, newest first"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Practice"), self.tr("Time"), self.tr("Minutes"), self.tr("Note")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.itemActivated.connect(lambda _item, _column: self._edit_current())
        self.tree.currentItemChanged.connect(lambda *_args: self._update_buttons())
        column.addWidget(self.tree, 3)
        for keys, act in (
            (QKeySequence.StandardKey.Delete, self._delete_current),
            (QKeySequence(Qt.Key.Key_F2), self._edit_current),
        ):
            shortcut = QShortcut(keys, self.tree, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(act)

        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.setAccessibleName(self.tr("Change the chosen practice (Enter)"))
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button = QPushButton(self.tr("Move to recently deleted"))
        self.delete_button.setAccessibleName(
            self.tr("Move the chosen practice to recently deleted (Delete)")
        )
        self.delete_button.clicked.connect(self._delete_current)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        column.addLayout(actions)

        column.addWidget(text(self.tr("Practices of your own"), "heading"))
        self.own_hint = text(
            self.tr("To add one, write its name in “Or name one of your own” as you log it."),
            "muted",
        )
        column.addWidget(self.own_hint)
        self.own_list = QListWidget()
        self.own_list.setAccessibleName(self.tr("Practices of your own"))
        self.own_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        column.addWidget(self.own_list, 1)
        own_actions = QHBoxLayout()
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.setAccessibleName(self.tr("Rename the chosen practice of your own"))
        self.rename_button.clicked.connect(self._rename_current)
        self.remove_button = QPushButton(self.tr("Remove from the choices"))
        self.remove_button.setAccessibleName(
            self.tr("Remove the chosen practice of your own from the choices")
        )
        self.remove_button.setToolTip(self.tr("What you logged with it stays in the history"))
        self.remove_button.clicked.connect(self._remove_current)
        own_actions.addWidget(self.rename_button)
        own_actions.addWidget(self.remove_button)
        own_actions.addStretch(1)
        column.addLayout(own_actions)
        # Takes the room the lists leave while they are hidden, so the rest stays together.
        column.addStretch(0)
        self._column = column
        chain_tab_order(
            [
                self.first_button,
                self.tree,
                self.edit_button,
                self.delete_button,
                self.own_list,
                self.rename_button,
                self.remove_button,
            ]
        )

    def show_log(
        self, entries: list[PracticeEntry], own: list[OwnPractice], keep: int | None
    ) -> None:
        """Show `entries` (newest first); the entry `keep` (else the same row) stays chosen."""
        locale = QLocale()
        had_focus = self.tree.hasFocus()
        row = self._current_row()
        self._entries = {int(entry.id): entry for entry in entries}
        self.tree.clear()
        day_item: QTreeWidgetItem | None = None
        day = ""
        chosen: QTreeWidgetItem | None = None
        items: list[QTreeWidgetItem] = []
        for entry in entries:
            this_day = day_text(entry.done_at, locale)
            if this_day != day or day_item is None:
                day = this_day
                day_item = QTreeWidgetItem([this_day])
                day_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                day_item.setFirstColumnSpanned(True)
                font = day_item.font(0)
                font.setBold(True)
                day_item.setFont(0, font)
                self.tree.addTopLevelItem(day_item)
                day_item.setFirstColumnSpanned(True)
                day_item.setExpanded(True)
            name = practice_name(entry)
            time = locale.toString(
                local_qdatetime(entry.done_at).time(), QLocale.FormatType.ShortFormat
            )
            minutes = minutes_text(entry.minutes, locale)
            note = one_line(entry.note)
            item = QTreeWidgetItem(day_item, [name, time, minutes, note])
            item.setData(0, ID_ROLE, int(entry.id))
            spoken = ", ".join(part for part in (name, this_day, time, minutes, note) if part)
            for column in range(4):
                item.setData(column, Qt.ItemDataRole.AccessibleTextRole, spoken)
            items.append(item)
            if keep is not None and int(entry.id) == keep:
                chosen = item
        if chosen is None and items:
            chosen = items[min(max(row, 0), len(items) - 1)]
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.resizeColumnToContents(1)
        self.tree.resizeColumnToContents(2)
        self.tree.setColumnWidth(0, max(self.tree.columnWidth(0), space(22)))
        self.empty_card.setVisible(not entries)
        self.tree.setVisible(bool(entries))
        self.edit_button.setVisible(bool(entries))
        self.delete_button.setVisible(bool(entries))
        self._show_own(own)
        self._column.setStretch(self._column.count() - 1, 0 if entries or own else 1)
        self._update_buttons()
        if had_focus and not entries:  # the last one went: the invitation takes the keys
            self.first_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_own(self, own: list[OwnPractice]) -> None:
        row = self.own_list.currentRow()
        self._own = own
        self.own_list.clear()
        for practice in own:
            item = QListWidgetItem(practice.name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, practice.name)
            self.own_list.addItem(item)
        if own:
            self.own_list.setCurrentRow(min(max(row, 0), len(own) - 1))
        self.own_list.setVisible(bool(own))
        self.rename_button.setVisible(bool(own))
        self.remove_button.setVisible(bool(own))
        self.own_hint.setVisible(not own)

    def current_entry(self) -> PracticeEntry | None:
        item = self.tree.currentItem()
        entry_id = item.data(0, ID_ROLE) if item is not None else None
        return self._entries.get(entry_id) if isinstance(entry_id, int) else None

    def current_own(self) -> OwnPractice | None:
        row = self.own_list.currentRow()
        return self._own[row] if 0 <= row < len(self._own) else None

    def entry_ids(self) -> list[PracticeEntryId]:
        return [entry.id for entry in self._entries.values()]

    def _current_row(self) -> int:
        entry = self.current_entry()
        ids = list(self._entries)
        return ids.index(int(entry.id)) if entry is not None else 0

    def _update_buttons(self) -> None:
        has_entry = self.current_entry() is not None
        self.edit_button.setEnabled(has_entry)
        self.delete_button.setEnabled(has_entry)
        has_own = self.current_own() is not None
        self.rename_button.setEnabled(has_own)
        self.remove_button.setEnabled(has_own)

    def _edit_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.edit_requested.emit(entry)

    def _delete_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.delete_requested.emit(entry)

    def _rename_current(self) -> None:
        practice = self.current_own()
        if practice is not None:
            self.rename_requested.emit(practice)

    def _remove_current(self) -> None:
        practice = self.current_own()
        if practice is not None:
            self.remove_requested.emit(practice)
