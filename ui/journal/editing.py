"""Changing reflections from the journal, undoably: edit an answer, share or not, move one to
"recently deleted"; and move a quick check-in there.

`JournalEditing` pushes the commands of ui.operations.journal onto one `QUndoStack`, so Ctrl+Z
and Ctrl+Shift+Z (or Ctrl+Y) take them back and forth, and reports each change, each refusal,
and a quiet word about what happened to the callbacks it is given. It never touches the
journal's widgets and never tells the rest of the app: showing a change is the view's business.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from kapcompanion.errors import KapError
from kapcompanion.ids import AnswerId, DistressRatingId, ReflectionId
from kapcompanion.wording.translation import fill
from ui.operations.base import Reports
from ui.operations.check_ins import CheckInChange, MoveCheckInToRecentlyDeleted
from ui.operations.journal import (
    ChangeKind,
    EditAnswer,
    JournalChange,
    MoveToRecentlyDeleted,
    ShareReflection,
)
from ui.widgets.error_messages import describe

if TYPE_CHECKING:
    from kapcompanion.store import Store

Say = Callable[[str, AnswerId | None], None]  # words, and the answer they are about
ChangeReport = Callable[[JournalChange], None]
ProblemReport = Callable[[Exception, JournalChange], None]
CheckInReport = Callable[[CheckInChange], None]


class JournalEditing(QObject):
    """The journal's changes and their undo stack; Undo and Redo work anywhere in `host`."""

    def __init__(
        self,
        host: QWidget,
        *,
        changed: ChangeReport,
        problem: ProblemReport,
        say: Say,
        check_in_changed: CheckInReport,
    ) -> None:
        super().__init__(host)
        self._store: Store | None = None
        self._changed = changed
        self._problem = problem
        self._say = say
        self._check_in_changed = check_in_changed
        self._last_change: JournalChange | CheckInChange | None = None
        self.undo_stack = QUndoStack(self)
        self._add_shortcuts(host)

    def _add_shortcuts(self, host: QWidget) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.undo_action = QAction(self.tr("Undo"), host)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setShortcutContext(context)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("Redo"), host)
        self.redo_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Z),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y),
            ]
        )
        self.redo_action.setShortcutContext(context)
        self.redo_action.triggered.connect(self.redo)
        host.addAction(self.undo_action)
        host.addAction(self.redo_action)

    def set_store(self, store: Store) -> None:
        """Change `store` from now on; steps meant for another store are forgotten."""
        self._store = store
        self.undo_stack.clear()

    # Changes ----------------------------------------------------------------------------------

    def _reports(self) -> Reports[JournalChange]:
        return Reports(self._report, self._problem)

    def edit_answer(self, reflection_id: int, answer_id: int, before: str, after: str) -> None:
        if self._store is None:
            return
        command = EditAnswer(
            self._store,
            (ReflectionId(reflection_id), AnswerId(answer_id)),
            (before, after),
            self._reports(),
        )
        if self._done(lambda: self.undo_stack.push(command)) is not None:
            self._say(self.tr("Saved. Ctrl+Z undoes the change."), AnswerId(answer_id))

    def share(self, reflection_id: int, shareable: bool) -> None:
        if self._store is None:
            return
        command = ShareReflection(
            self._store, ReflectionId(reflection_id), shareable, self._reports()
        )
        if self._done(lambda: self.undo_stack.push(command)) is None:
            return  # refused: the problem has been shown
        self._say(
            self.tr("This reflection can go into the summary for your therapist.")
            if shareable
            else self.tr("This reflection stays with you; it is not shared."),
            None,
        )

    def move_to_recently_deleted(self, reflection_id: int, *, with_insights: bool = False) -> None:
        """Move a reflection to "recently deleted", with its insights if asked (undoable, and
        restorable for 30 days)."""
        if self._store is None:
            return
        command = MoveToRecentlyDeleted(
            self._store, ReflectionId(reflection_id), self._reports(), with_insights=with_insights
        )
        moved = self._done(lambda: self.undo_stack.push(command))
        if isinstance(moved, JournalChange) and moved.kind is ChangeKind.DELETED:
            self._say(
                self.tr(
                    "Moved to recently deleted with its insights. You can restore them from "
                    "there for 30 days."
                )
                if with_insights
                else self.tr(
                    "Moved to recently deleted. You can restore it from there for 30 days."
                ),
                None,
            )

    def move_check_in_to_recently_deleted(self, rating_id: int) -> None:
        """Move a quick check-in to "recently deleted" (undoable, restorable for 30 days)."""
        if self._store is None:
            return
        command = MoveCheckInToRecentlyDeleted(
            self._store,
            DistressRatingId(rating_id),
            Reports(self._report_check_in, self._check_in_problem),
        )
        if self._done(lambda: self.undo_stack.push(command)) is not None:
            self._say(
                self.tr("Moved to recently deleted. You can restore it from there for 30 days."),
                None,
            )

    # Undo and redo ----------------------------------------------------------------------------

    def undo(self) -> None:
        if not self.undo_stack.canUndo():
            self._say(self.tr("There is nothing to undo."), None)
            return
        words = self.undo_stack.undoText()
        if self._done(self.undo_stack.undo) is not None:
            self._say(fill(self.tr("Undone: %1."), words), self._last_answer())

    def redo(self) -> None:
        if not self.undo_stack.canRedo():
            self._say(self.tr("There is nothing to redo."), None)
            return
        words = self.undo_stack.redoText()
        if self._done(self.undo_stack.redo) is not None:
            self._say(fill(self.tr("Redone: %1."), words), self._last_answer())

    def _done(self, act: Callable[[], None]) -> JournalChange | CheckInChange | None:
        """Run `act` (a push, undo or redo); the change it made, or None if it was refused
        (then the problem has already been shown, and nothing should say it worked)."""
        self._last_change = None
        act()
        return self._last_change

    def _last_answer(self) -> AnswerId | None:
        """The answer the last undo or redo changed, if it changed one."""
        if isinstance(self._last_change, JournalChange):
            return self._last_change.answer_id
        return None

    def _report(self, change: JournalChange) -> None:
        self._last_change = change
        self._changed(change)

    def _report_check_in(self, change: CheckInChange) -> None:
        self._last_change = change
        self._check_in_changed(change)

    def _check_in_problem(self, error: Exception, change: CheckInChange) -> None:
        """The store refused: show the check-in as it is stored (read again), say so plainly."""
        self._check_in_changed(CheckInChange(change.rating_id, restored=True))
        self._say(
            fill(
                self.tr("That change is not saved; the quick check-in is as it was. %1"),
                describe(error)[1] if isinstance(error, KapError) else str(error),
            ),
            None,
        )
