"""The journal's changes as undoable commands: edit an answer, share or not, move to deleted.

Each command calls the store when it is done, undone or redone, and then reports what changed
through one callback, so the view refreshes from that report. A command whose record is gone
(erased for good, say) quietly makes itself obsolete; one the store refuses reports the error.
The store records every edit's `updated_at` itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kapcompanion.domain import DeletedKind
from kapcompanion.errors import KapError
from kapcompanion.ids import AnswerId, ReflectionId

if TYPE_CHECKING:
    from kapcompanion.store import Store


def _tr(source: str) -> str:
    return QCoreApplication.translate("JournalCommands", source)


class ChangeKind(StrEnum):
    ANSWER = "answer"
    SHARING = "sharing"
    DELETED = "deleted"
    RESTORED = "restored"


@dataclass(frozen=True)
class JournalChange:
    """What a command just did to one reflection."""

    kind: ChangeKind
    reflection_id: ReflectionId
    answer_id: AnswerId | None = None
    words: str | None = None  # for an answer: the words it was meant to hold


ChangeReport = Callable[[JournalChange], None]
ProblemReport = Callable[[Exception, JournalChange], None]


class JournalCommand(QUndoCommand):
    """Common ground: a store, where to report a change, and where to report a refusal."""

    def __init__(
        self, store: Store, text: str, changed: ChangeReport, problem: ProblemReport
    ) -> None:
        super().__init__(text)
        self._store = store
        self._changed = changed
        self._problem = problem

    def _run(self, action: Callable[[], None], change: JournalChange) -> None:
        from kapcompanion.errors import NotFoundError

        try:
            action()
        except NotFoundError:
            # Erased for good since: nothing left to change back or forth.
            self.setObsolete(True)
            return
        except (KapError, sqlite3.Error, ValueError) as error:
            self.setObsolete(True)
            self._problem(error, change)
            return
        self._changed(change)


class EditAnswer(JournalCommand):
    """Change the words of one answer; undo puts the earlier words back."""

    def __init__(
        self,
        store: Store,
        reflection_id: ReflectionId,
        answer_id: AnswerId,
        before: str,
        after: str,
        changed: ChangeReport,
        problem: ProblemReport,
    ) -> None:
        super().__init__(store, _tr("the change to an answer"), changed, problem)
        self._reflection_id = reflection_id
        self._answer_id = answer_id
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._run(lambda: self._write(self._after), self._change(self._after))

    def undo(self) -> None:
        self._run(lambda: self._write(self._before), self._change(self._before))

    def _change(self, words: str) -> JournalChange:
        return JournalChange(ChangeKind.ANSWER, self._reflection_id, self._answer_id, words)

    def _write(self, words: str) -> None:
        self._store.reflections.update_answer(self._answer_id, words)


class ShareReflection(JournalCommand):
    """Mark a reflection as one to share with the therapist, or not."""

    def __init__(
        self,
        store: Store,
        reflection_id: ReflectionId,
        shareable: bool,
        changed: ChangeReport,
        problem: ProblemReport,
    ) -> None:
        text = (
            _tr("the choice to share it with your therapist")
            if shareable
            else _tr("the choice to keep it to yourself")
        )
        super().__init__(store, text, changed, problem)
        self._reflection_id = reflection_id
        self._shareable = shareable
        self._change = JournalChange(ChangeKind.SHARING, reflection_id)

    def redo(self) -> None:
        self._run(lambda: self._write(self._shareable), self._change)

    def undo(self) -> None:
        self._run(lambda: self._write(not self._shareable), self._change)

    def _write(self, shareable: bool) -> None:
        self._store.reflections.set_shareable(self._reflection_id, shareable)


class MoveToRecentlyDeleted(JournalCommand):
    """Move a reflection to "recently deleted"; undo brings it straight back."""

    def __init__(
        self,
        store: Store,
        reflection_id: ReflectionId,
        changed: ChangeReport,
        problem: ProblemReport,
    ) -> None:
        super().__init__(store, _tr("the move to recently deleted"), changed, problem)
        self._reflection_id = reflection_id

    def redo(self) -> None:
        self._run(
            lambda: self._store.deleted.move(DeletedKind.REFLECTION, self._reflection_id),
            JournalChange(ChangeKind.DELETED, self._reflection_id),
        )

    def undo(self) -> None:
        self._run(
            lambda: self._store.deleted.restore(DeletedKind.REFLECTION, self._reflection_id),
            JournalChange(ChangeKind.RESTORED, self._reflection_id),
        )
