"""The insight board's changes as undoable commands: each calls the store, and undo puts back
exactly what was there before.

A command that the store refuses (the insight went to "recently deleted" elsewhere, the disk
is read-only, …) reports the error once and marks itself obsolete, so QUndoStack drops it
instead of keeping a step that did nothing. Commands never touch widgets; the board refreshes
from the store when told that something changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kapcompanion.domain import Commitment, CommitmentStatus, DeletedKind, Insight
from kapcompanion.ids import InsightId
from kapcompanion.wording.translation import fill
from ui.widgets.wording import short_words

if TYPE_CHECKING:
    from kapcompanion.store import Store

CONTEXT = "InsightCommands"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


@dataclass(frozen=True)
class CommandContext:
    """What a command needs: the store, and whom to tell after a change or a refusal."""

    store: Store
    changed: Callable[[InsightId], None]
    failed: Callable[[Exception], None]


def store_refusals() -> tuple[type[Exception], ...]:
    """The errors with which the store refuses a change (imported late: start-up is costly)."""
    import sqlite3

    from kapcompanion.errors import KapError

    return (LookupError, ValueError, KapError, sqlite3.Error)


class InsightCommand(QUndoCommand):
    """A change to one insight (or its small step) that can be undone and redone."""

    def __init__(self, context: CommandContext, insight_id: InsightId, label: str) -> None:
        super().__init__(label)
        self._context = context
        self.insight_id = insight_id

    def apply(self, store: Store) -> None:
        raise NotImplementedError

    def revert(self, store: Store) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[Store], None]) -> None:
        try:
            step(self._context.store)
        except store_refusals() as error:
            self.setObsolete(True)
            self._context.failed(error)
            return
        self._context.changed(self.insight_id)


class EditInsightText(InsightCommand):
    def __init__(self, context: CommandContext, insight: Insight, text: str) -> None:
        super().__init__(context, insight.id, fill(_tr("Edit “%1”"), short_words(insight.text, 40)))
        self._before = insight.text
        self._after = text

    def apply(self, store: Store) -> None:
        store.insights.update(self.insight_id, text=self._after)

    def revert(self, store: Store) -> None:
        store.insights.update(self.insight_id, text=self._before)


class PinInsight(InsightCommand):
    def __init__(self, context: CommandContext, insight: Insight, pinned: bool) -> None:
        words = short_words(insight.text, 40)
        label = fill(_tr("Pin “%1”") if pinned else _tr("Unpin “%1”"), words)
        super().__init__(context, insight.id, label)
        self._before = insight.pinned
        self._after = pinned

    def apply(self, store: Store) -> None:
        store.insights.update(self.insight_id, pinned=self._after)

    def revert(self, store: Store) -> None:
        store.insights.update(self.insight_id, pinned=self._before)


class ShareInsight(InsightCommand):
    def __init__(self, context: CommandContext, insight: Insight, shared: bool) -> None:
        words = short_words(insight.text, 40)
        label = fill(_tr("Share “%1”") if shared else _tr("Keep “%1” private"), words)
        super().__init__(context, insight.id, label)
        self._before = insight.shareable
        self._after = shared

    def apply(self, store: Store) -> None:
        store.insights.update(self.insight_id, shareable=self._after)

    def revert(self, store: Store) -> None:
        store.insights.update(self.insight_id, shareable=self._before)


class RethemeInsight(InsightCommand):
    def __init__(
        self,
        context: CommandContext,
        insight: Insight,
        before: Sequence[str],
        after: Sequence[str],
    ) -> None:
        label = fill(_tr("Change the themes of “%1”"), short_words(insight.text, 40))
        super().__init__(context, insight.id, label)
        self._before = list(before)
        self._after = list(after)

    def apply(self, store: Store) -> None:
        store.themes.set_for_insight(self.insight_id, self._after)

    def revert(self, store: Store) -> None:
        store.themes.set_for_insight(self.insight_id, self._before)


class SetCommitmentStatus(InsightCommand):
    def __init__(
        self, context: CommandContext, commitment: Commitment, status: CommitmentStatus
    ) -> None:
        label = fill(_tr("Change how “%1” is going"), short_words(commitment.text, 40))
        super().__init__(context, commitment.insight_id, label)
        self._commitment_id = commitment.id
        self._before = commitment.status
        self._after = status

    def apply(self, store: Store) -> None:
        store.insights.update_commitment(self._commitment_id, status=self._after)

    def revert(self, store: Store) -> None:
        store.insights.update_commitment(self._commitment_id, status=self._before)


class MoveInsightToRecentlyDeleted(InsightCommand):
    def __init__(self, context: CommandContext, insight: Insight) -> None:
        label = fill(_tr("Move “%1” to recently deleted"), short_words(insight.text, 40))
        super().__init__(context, insight.id, label)

    def apply(self, store: Store) -> None:
        store.deleted.move(DeletedKind.INSIGHT, self.insight_id)

    def revert(self, store: Store) -> None:
        store.deleted.restore(DeletedKind.INSIGHT, self.insight_id)
