"""The journal's changes as undoable operations: edit an answer, share or not, move to deleted.

Every one is a `StoreOperation` (see `ui.operations.base`): it calls the store when it is
done, undone or redone, then reports a `JournalChange` (what it just did to which reflection),
so the view refreshes from that report. An operation whose record is gone (erased for good,
say) quietly makes itself obsolete; one the store refuses reports the error. The store records
every edit's `updated_at` itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kapcompanion.domain import DeletedKind
from kapcompanion.ids import AnswerId, ReflectionId
from ui.changes import DataKind
from ui.operations.base import Reports, StoreOperation

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


JournalReports = Reports[JournalChange]


class JournalCommand(StoreOperation[JournalChange]):
    """A change to one reflection; it reports a `JournalChange`."""

    data_kind = DataKind.REFLECTIONS
    quiet_when_gone = True


class EditAnswer(JournalCommand):
    """Change the words of one answer; undo puts the earlier words back."""

    def __init__(
        self,
        store: Store,
        answer: tuple[ReflectionId, AnswerId],
        words: tuple[str, str],  # before, after
        reports: JournalReports,
    ) -> None:
        super().__init__(store, _tr("the change to an answer"), reports)
        self._reflection_id, self._answer_id = answer
        self._before, self._after = words

    def apply(self, store: Store) -> None:
        store.reflections.update_answer(self._answer_id, self._after)

    def revert(self, store: Store) -> None:
        store.reflections.update_answer(self._answer_id, self._before)

    def detail(self, *, undoing: bool) -> JournalChange:
        words = self._before if undoing else self._after
        return JournalChange(ChangeKind.ANSWER, self._reflection_id, self._answer_id, words)


class ShareReflection(JournalCommand):
    """Mark a reflection as one to share with the therapist, or not."""

    def __init__(
        self,
        store: Store,
        reflection_id: ReflectionId,
        shareable: bool,
        reports: JournalReports,
    ) -> None:
        text = (
            _tr("the choice to share it with your therapist")
            if shareable
            else _tr("the choice to keep it to yourself")
        )
        super().__init__(store, text, reports)
        self._reflection_id = reflection_id
        self._shareable = shareable

    def apply(self, store: Store) -> None:
        store.reflections.set_shareable(self._reflection_id, self._shareable)

    def revert(self, store: Store) -> None:
        store.reflections.set_shareable(self._reflection_id, not self._shareable)

    def detail(self, *, undoing: bool) -> JournalChange:
        return JournalChange(ChangeKind.SHARING, self._reflection_id)


class MoveToRecentlyDeleted(JournalCommand):
    """Move a reflection to "recently deleted", with the insights that came from it if asked;
    undo brings it (and them) straight back."""

    def __init__(
        self,
        store: Store,
        reflection_id: ReflectionId,
        reports: JournalReports,
        *,
        with_insights: bool = False,
    ) -> None:
        label = (
            _tr("the move to recently deleted, with its insights")
            if with_insights
            else _tr("the move to recently deleted")
        )
        super().__init__(store, label, reports)
        self._reflection_id = reflection_id
        self._with_insights = with_insights

    def apply(self, store: Store) -> None:
        store.deleted.move(
            DeletedKind.REFLECTION, self._reflection_id, with_insights=self._with_insights
        )

    def revert(self, store: Store) -> None:
        store.deleted.restore(DeletedKind.REFLECTION, self._reflection_id)

    def detail(self, *, undoing: bool) -> JournalChange:
        kind = ChangeKind.RESTORED if undoing else ChangeKind.DELETED
        return JournalChange(kind, self._reflection_id)
