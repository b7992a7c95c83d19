"""The practice log: a plain history, newest first and grouped by day, with the practices of
the client's own and the gentle reminders beneath it. No counts, streaks or targets: only what
was done.

Each day is a quiet heading and each entry a card row (`CardRowDelegate`), in the reading
column like the journal's timeline; the model keeps the practice, time, minutes and note in
columns of their own, and the row shows them on two lines, never scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import OwnPractice, PracticeEntry
from kapcompanion.ids import PracticeEntryId
from kapcompanion.wording.domain import practice_name
from kapcompanion.wording.translation import fill, one_line
from ui.practices.reminders_dialog import every_days_text
from ui.practices.row_delegate import CardRowDelegate, RowRole
from ui.widgets.building_blocks import card, text
from ui.widgets.focus import chain_tab_order
from ui.widgets.style import space
from ui.widgets.wording import day_text, local_qdatetime

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Entries shown at first, and how many more each "Show earlier ones" adds: years of a daily
# practice stay quick to show, and a person scrolls back only so far at once.
SHOWN_AT_ONCE = 100
OWN_ROWS_SHOWN = 4


def minutes_text(minutes: int | None, locale: QLocale) -> str:
    if minutes is None:
        return ""
    return fill(QCoreApplication.translate("PracticeLogPage", "%1 min"), locale.toString(minutes))


def list_in_card(view: QAbstractItemView) -> QFrame:
    """A painted list inside a card, as the journal shows its timeline: no frame of its own,
    nothing to scroll sideways."""
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setMouseTracking(True)
    frame, layout = card()
    layout.setContentsMargins(space(1), space(1), space(1), space(1))
    layout.addWidget(view)
    return frame


class PracticeLogPage(QWidget):
    log_requested = Signal()
    edit_requested = Signal(object)  # a PracticeEntry
    delete_requested = Signal(object)  # a PracticeEntry
    rename_requested = Signal(object)  # an OwnPractice
    remove_requested = Signal(object)  # an OwnPractice
    reminders_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: dict[int, PracticeEntry] = {}  # those on show
        self._all: list[PracticeEntry] = []
        self._own_shown: list[OwnPractice] = []
        self._limit = SHOWN_AT_ONCE
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
        self.first_button.setAccessibleName(self.tr("Log your first practice"))
        self.first_button.clicked.connect(self.log_requested)
        row = QHBoxLayout()
        row.addWidget(self.first_button)
        row.addStretch(1)
        empty.addLayout(row)
        column.addWidget(self.empty_card)

        self.tree = QTreeView()
        self.tree.setAccessibleName(self.tr("What you did, newest first"))
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(0)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(CardRowDelegate(self.tree))
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(lambda _index: self._edit_current())
        self.model = self._new_model()
        self._show_model(self.model)
        self.list_card = list_in_card(self.tree)
        # A few days' worth even at a large font; the page scrolls below it when need be.
        self.tree.setMinimumHeight(space(36))
        column.addWidget(self.list_card, 3)
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
        self.earlier_button = QPushButton(self.tr("Show earlier ones"))
        self.earlier_button.setAccessibleName(self.tr("Show earlier practices"))
        self.earlier_button.clicked.connect(self._show_earlier)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.earlier_button)
        column.addLayout(actions)

        column.addWidget(text(self.tr("Practices of your own"), "heading"))
        self.own_hint = text(
            self.tr("To add one, write its name in “Or name one of your own” as you log it."),
            "muted",
        )
        column.addWidget(self.own_hint)
        self.own_list = QListWidget()
        self.own_list.setAccessibleName(self.tr("Practices of your own"))
        self.own_list.setItemDelegate(CardRowDelegate(self.own_list, headings=False))
        self.own_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.own_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.own_card = list_in_card(self.own_list)
        column.addWidget(self.own_card)
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

        column.addWidget(text(self.tr("Gentle reminders"), "heading"))
        self.reminders_text = text("", "muted")
        self.reminders_text.setWordWrap(True)
        self.reminders_text.setAccessibleName(self.tr("Your reminders"))
        column.addWidget(self.reminders_text)
        self.reminders_button = QPushButton(self.tr("Choose reminders…"))
        self.reminders_button.setAccessibleName(
            self.tr("Choose which practices Home reminds you of, and how often")
        )
        self.reminders_button.clicked.connect(self.reminders_requested)
        reminder_actions = QHBoxLayout()
        reminder_actions.addWidget(self.reminders_button)
        reminder_actions.addStretch(1)
        column.addLayout(reminder_actions)
        # Takes the room the lists leave while they are hidden, so the rest stays together.
        column.addStretch(0)
        self._column = column
        chain_tab_order(
            [
                self.first_button,
                self.tree,
                self.edit_button,
                self.delete_button,
                self.earlier_button,
                self.own_list,
                self.rename_button,
                self.remove_button,
                self.reminders_button,
            ]
        )

    def _new_model(self) -> QStandardItemModel:
        model = QStandardItemModel(0, 1, self)
        model.setHorizontalHeaderLabels([self.tr("Practice")])
        return model

    def _show_model(self, model: QStandardItemModel) -> None:
        self.tree.setModel(model)
        self.tree.selectionModel().currentChanged.connect(self._current_moved)
        # One painted column as wide as the card.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _current_moved(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def show_log(
        self, entries: list[PracticeEntry], own: list[OwnPractice], keep: int | None
    ) -> None:
        """Show `entries` (newest first), the latest `SHOWN_AT_ONCE` at first; the entry `keep`
        (else the same row) stays chosen.

        The rows are made in a new model before the view sees them, and the days span the
        columns afterwards in one pass, so each row costs the same however many there are.
        """
        self._all, self._own_shown = entries, own
        ids = [int(entry.id) for entry in entries]
        if keep in ids and ids.index(keep) >= self._limit:  # moved further back by a change
            self._limit = (ids.index(keep) // SHOWN_AT_ONCE + 1) * SHOWN_AT_ONCE
        self._fill(keep)

    def _show_earlier(self) -> None:
        self._limit += SHOWN_AT_ONCE
        shown = self.current_entry()
        self._fill(None if shown is None else int(shown.id))
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, keep: int | None) -> None:
        entries, own = self._all[: self._limit], self._own_shown
        locale = QLocale()
        had_focus = self.tree.hasFocus()
        row = self._current_row()
        self._entries = {int(entry.id): entry for entry in entries}
        model = self._new_model()
        root = model.invisibleRootItem()
        day_item: QStandardItem | None = None
        day = None
        chosen: QModelIndex | None = None
        rows: list[QStandardItem] = []
        for entry in entries:
            local = local_qdatetime(entry.done_at)
            if local.date() != day or day_item is None:
                day = local.date()
                day_item = QStandardItem(day_text(entry.done_at, locale))
                day_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = day_item.font()
                font.setBold(True)
                day_item.setFont(font)
                root.appendRow(day_item)
            name = practice_name(entry)
            time = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
            minutes = minutes_text(entry.minutes, locale)
            note = one_line(entry.note)
            spoken = ", ".join(
                part for part in (name, day_item.text(), time, minutes, note) if part
            )
            item = QStandardItem(name)
            item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
            item.setEditable(False)
            item.setData(int(entry.id), ID_ROLE)
            item.setData(time, RowRole.WHEN)
            detail = (
                fill(self.tr("%1 · %2"), minutes, note) if minutes and note else minutes or note
            )
            item.setData(detail, RowRole.DETAIL)
            day_item.appendRow(item)
            rows.append(item)
            if keep is not None and int(entry.id) == keep:
                chosen = item.index()
        old, self.model = self.model, model
        self._show_model(model)
        old.deleteLater()
        for day_row in range(model.rowCount()):
            self.tree.setFirstColumnSpanned(day_row, QModelIndex(), True)
        self.tree.expandAll()
        if chosen is None and rows:
            chosen = rows[min(max(row, 0), len(rows) - 1)].index()
        if chosen is not None:
            self.tree.setCurrentIndex(chosen)
        self.empty_card.setVisible(not entries)
        self.list_card.setVisible(bool(entries))
        self.tree.setVisible(bool(entries))
        self.edit_button.setVisible(bool(entries))
        self.delete_button.setVisible(bool(entries))
        self.earlier_button.setVisible(len(self._all) > len(entries))
        self._show_own(own)
        self._column.setStretch(self._column.count() - 1, 0 if entries else 1)
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
        self.own_card.setVisible(bool(own))
        self._fit_own_list()
        self.rename_button.setVisible(bool(own))
        self.remove_button.setVisible(bool(own))
        self.own_hint.setVisible(not own)

    def _fit_own_list(self) -> None:
        """As tall as its rows, up to `OWN_ROWS_SHOWN`: a short list, the history keeps the room."""
        rows = min(self.own_list.count(), OWN_ROWS_SHOWN)
        height = sum(self.own_list.sizeHintForRow(row) for row in range(rows))
        self.own_list.setFixedHeight(height + 2 * self.own_list.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_own_list()

    def show_reminders(self, chosen: list[tuple[str, int]]) -> None:
        """The practices Home reminds of (their names, every how many days), in a sentence."""
        if not chosen:
            self.reminders_text.setText(
                self.tr(
                    "None yet. Home can invite you to a practice when some days have passed "
                    "without it; nothing is counted."
                )
            )
            return
        locale = QLocale()
        parts = [
            fill(self.tr("%1, %2"), name, every_days_text(days, locale)) for name, days in chosen
        ]
        self.reminders_text.setText(fill(self.tr("Home reminds you of: %1."), "; ".join(parts)))

    def current_entry(self) -> PracticeEntry | None:
        index = self.tree.currentIndex()
        entry_id = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
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
