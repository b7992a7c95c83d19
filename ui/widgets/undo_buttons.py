"""A screen's Undo and Redo: two buttons and the keys, over the screen's own QUndoStack.

The buttons appear once there is something to take back (calmer before then), are enabled
only when there is a step to take, and are named for it ("Undo: Pin insight"), so a screen
reader says what pressing them would do. Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y (and the
system's own redo keys) redo, anywhere in the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget

from kapcompanion.wording.translation import fill

EXTRA_REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")


class UndoButtons(QObject):
    """The screen's undo stack (`stack`, owned here), the buttons for its header
    (`undo_button`, `redo_button`) and the keys of `screen`."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__(screen)
        # Owned here, so it goes after this object's own connections to it have gone.
        self.stack = QUndoStack(self)
        stack = self.stack
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.clicked.connect(self.redo)
        stack.undoTextChanged.connect(self._name_undo)
        stack.redoTextChanged.connect(self._name_redo)
        stack.indexChanged.connect(self._moved)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), screen, context=context)
        undo.activated.connect(self.undo)
        redo_keys = {
            sequence.toString(): sequence
            for sequence in (
                *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                *(QKeySequence(keys) for keys in EXTRA_REDO_KEYS),
            )
        }
        for sequence in redo_keys.values():
            QShortcut(sequence, screen, context=context).activated.connect(self.redo)
        self._name_undo("")
        self._name_redo("")
        self.show_state()

    def undo(self) -> None:
        if self.stack.canUndo():
            self.stack.undo()

    def redo(self) -> None:
        if self.stack.canRedo():
            self.stack.redo()

    def clear(self) -> None:
        """Forget every step (the screen has another store: none could be taken back)."""
        self.stack.clear()
        self.show_state()

    def _moved(self, _index: int) -> None:
        self.show_state()

    def show_state(self) -> None:
        anything = self.stack.count() > 0
        self.undo_button.setVisible(anything)
        self.redo_button.setVisible(anything)
        self.undo_button.setEnabled(self.stack.canUndo())
        self.redo_button.setEnabled(self.stack.canRedo())

    def _name_undo(self, what: str) -> None:
        name = fill(self.tr("Undo: %1"), what) if what else self.tr("Undo")
        self.undo_button.setAccessibleName(name)
        self.undo_button.setToolTip(name if what else "")

    def _name_redo(self, what: str) -> None:
        name = fill(self.tr("Redo: %1"), what) if what else self.tr("Redo")
        self.redo_button.setAccessibleName(name)
        self.redo_button.setToolTip(name if what else "")
