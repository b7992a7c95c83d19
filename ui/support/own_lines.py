"""The client's own crisis lines, on the People to contact page: each shown with a way to change
or remove it, and "Add a line…". Every change is a step Undo can take back (Ctrl+Z in the
page, or the Undo button that appears once there is a step).

The lines themselves are kept by kapcompanion.course.own_crisis_lines; Support shows them
before the therapist's plan's and the country's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kapcompanion.course.own_crisis_lines import OwnLine, own_lines
from kapcompanion.errors import KapError
from kapcompanion.wording.translation import fill
from ui.operations.base import Reports
from ui.operations.own_crisis_lines import ChangeOwnLines, added, changed, removed
from ui.support.own_line_dialog import OwnLineDialog
from ui.widgets.building_blocks import card, clear_layout, text
from ui.widgets.error_messages import describe
from ui.widgets.style import space
from ui.widgets.undo_buttons import UndoButtons

if TYPE_CHECKING:
    from collections.abc import Callable

    from kapcompanion.store import Store

    _Step = Callable[[Store, OwnLine], ChangeOwnLines]


class OwnLinesCard(QWidget):
    """The card; `changed` follows every change the store took (and every undo of one)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._lines: tuple[OwnLine, ...] = ()
        self.dialog: OwnLineDialog | None = None
        frame, layout = card(self.tr("Your own lines"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.empty_words = text(
            self.tr(
                "Add a line you trust, such as a local crisis team, or a friend who said you "
                "can call at any hour. Your own lines show first."
            ),
            "muted",
        )
        layout.addWidget(self.empty_words)
        self.rows_holder = QWidget()
        self.rows = QVBoxLayout(self.rows_holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(space(1))
        layout.addWidget(self.rows_holder)
        self.status = text("", "notice")
        self.status.setAccessibleName(self.tr("What happened to the change"))
        self.status.hide()
        layout.addWidget(self.status)
        actions = QHBoxLayout()
        actions.setSpacing(space(1))
        self.add_button = QPushButton(self.tr("Add a line…"))
        self.add_button.setAccessibleName(self.tr("Add a crisis line of your own"))
        self.add_button.clicked.connect(self.add_line)
        self.undo_buttons = UndoButtons(self)
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        actions.addWidget(self.undo_buttons.undo_button)
        actions.addWidget(self.undo_buttons.redo_button)
        layout.addLayout(actions)
        self._show_lines()

    # Store ----------------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        if store is not self._store:  # steps on other data could not be taken back here
            self.undo_buttons.clear()
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        self._lines = own_lines(self._store) if self._store is not None else ()
        self._show_lines()

    def lines(self) -> tuple[OwnLine, ...]:
        return self._lines

    # Changing -------------------------------------------------------------------------------

    def add_line(self) -> None:
        self._open(None, lambda store, line: added(store, self._lines, line, self._reports()))

    def change_line(self, index: int) -> None:
        self._open(
            self._lines[index],
            lambda store, line: changed(store, self._lines, index, line, self._reports()),
        )

    def remove_line(self, index: int) -> None:
        if self._store is not None:
            self._push(removed(self._store, self._lines, index, self._reports()))

    def _open(self, line: OwnLine | None, step: _Step) -> None:
        if self._store is None or self.dialog is not None:
            return
        store = self._store
        dialog = OwnLineDialog(line, self)
        self.dialog = dialog

        def done() -> None:
            kept = dialog.line()
            if kept is not None and kept != line:
                self._push(step(store, kept))

        dialog.accepted.connect(done)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: OwnLineDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _push(self, command: ChangeOwnLines) -> None:
        self.status.hide()
        self.undo_buttons.stack.push(command)

    def _reports(self) -> Reports[None]:
        return Reports(self._changed, self._failed)

    def _changed(self, _detail: None) -> None:
        keys_were_here = self._holds_focus()
        self.refresh()
        if keys_were_here:  # the row that had the keys is gone: they go to "Add a line…"
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _holds_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is None or self.isAncestorOf(focus)

    def _failed(self, error: Exception, _detail: None) -> None:
        reason = describe(error)[1] if isinstance(error, KapError) else str(error)
        self.status.setText(fill(self.tr("This change was not saved. %1"), reason))
        self.status.show()
        self.refresh()

    # Showing --------------------------------------------------------------------------------

    def _show_lines(self) -> None:
        clear_layout(self.rows)
        for index, line in enumerate(self._lines):
            self.rows.addWidget(self._row(index, line))
        self.empty_words.setVisible(not self._lines)
        self.rows_holder.setVisible(bool(self._lines))
        self.add_button.setEnabled(self._store is not None)

    def _row(self, index: int, line: OwnLine) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(text(line.name, "muted"))
        contact = text(line.contact, "heading")
        contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(contact)
        if line.note:
            words.addWidget(text(line.note, "muted"))
        layout.addLayout(words, 1)
        change = QPushButton(self.tr("Change…"))
        change.setAccessibleName(fill(self.tr("Change %1"), line.name))
        change.clicked.connect(lambda: self.change_line(index))
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(fill(self.tr("Remove %1"), line.name))
        remove.setAccessibleDescription(self.tr("Undo brings it back."))
        remove.clicked.connect(lambda: self.remove_line(index))
        layout.addWidget(change, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        return row
