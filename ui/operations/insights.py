"""The insight board's changes as undoable operations: each calls the store, and undo puts
back exactly what was there before.

Every one is a `StoreOperation` (see `ui.operations.base`) that reports the id of the insight
it changed; one the store refuses (the insight went to "recently deleted" elsewhere, the disk
is read-only, …) reports the error once and drops out of the undo stack. Operations never
touch widgets; the board refreshes from the store when told that something changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kapcompanion.domain import Commitment, CommitmentStatus, DeletedKind, Insight
from kapcompanion.ids import InsightId
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.operations.base import Reports, StoreOperation
from ui.widgets.wording import short_words

if TYPE_CHECKING:
    from kapcompanion.store import Store

CONTEXT = "InsightCommands"
InsightReports = Reports[InsightId]


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _about(words: str) -> str:
    return short_words(words, 40)


class InsightCommand(StoreOperation[InsightId]):
    """A change to one insight (or its small step); it reports that insight's id."""

    data_kind = DataKind.INSIGHTS

    def __init__(
        self, store: Store, insight_id: InsightId, label: str, reports: InsightReports
    ) -> None:
        super().__init__(store, label, reports)
        self.insight_id = insight_id

    def detail(self, *, undoing: bool) -> InsightId:
        return self.insight_id


class EditInsightText(InsightCommand):
    def __init__(self, store: Store, insight: Insight, text: str, reports: InsightReports) -> None:
        label = fill(_tr("Edit “%1”"), _about(insight.text))
        super().__init__(store, insight.id, label, reports)
        self._before = insight.text
        self._after = text

    def apply(self, store: Store) -> None:
        store.insights.update(self.insight_id, text=self._after)

    def revert(self, store: Store) -> None:
        store.insights.update(self.insight_id, text=self._before)


class PinInsight(InsightCommand):
    def __init__(
        self, store: Store, insight: Insight, pinned: bool, reports: InsightReports
    ) -> None:
        label = fill(_tr("Pin “%1”") if pinned else _tr("Unpin “%1”"), _about(insight.text))
        super().__init__(store, insight.id, label, reports)
        self._before = insight.pinned
        self._after = pinned

    def apply(self, store: Store) -> None:
        store.insights.update(self.insight_id, pinned=self._after)

    def revert(self, store: Store) -> None:
        store.insights.update(self.insight_id, pinned=self._before)


class ShareInsight(InsightCommand):
    def __init__(
        self, store: Store, insight: Insight, shared: bool, reports: InsightReports
    ) -> None:
        words = _about(insight.text)
        label = fill(_tr("Share “%1”") if shared else _tr("Keep “%1” private"), words)
        super().__init__(store, insight.id, label, reports)
        self._before = insight.shareable
        self._after = shared

    def apply(self, store: Store) -> None:
        store.insights.update(self.insight_id, shareable=self._after)

    def revert(self, store: Store) -> None:
        store.insights.update(self.insight_id, shareable=self._before)


class RethemeInsight(InsightCommand):
    def __init__(
        self,
        store: Store,
        insight: Insight,
        themes: tuple[Sequence[str], Sequence[str]],  # before, after
        reports: InsightReports,
    ) -> None:
        label = fill(_tr("Change the themes of “%1”"), _about(insight.text))
        super().__init__(store, insight.id, label, reports)
        self._before = list(themes[0])
        self._after = list(themes[1])

    def apply(self, store: Store) -> None:
        store.themes.set_for_insight(self.insight_id, self._after)

    def revert(self, store: Store) -> None:
        store.themes.set_for_insight(self.insight_id, self._before)


class SetCommitmentStatus(InsightCommand):
    def __init__(
        self,
        store: Store,
        commitment: Commitment,
        status: CommitmentStatus,
        reports: InsightReports,
    ) -> None:
        label = fill(_tr("Change how “%1” is going"), _about(commitment.text))
        super().__init__(store, commitment.insight_id, label, reports)
        self._commitment_id = commitment.id
        self._before = commitment.status
        self._after = status

    def apply(self, store: Store) -> None:
        store.insights.update_commitment(self._commitment_id, status=self._after)

    def revert(self, store: Store) -> None:
        store.insights.update_commitment(self._commitment_id, status=self._before)


class MoveInsightToRecentlyDeleted(InsightCommand):
    def __init__(self, store: Store, insight: Insight, reports: InsightReports) -> None:
        label = fill(_tr("Move “%1” to recently deleted"), _about(insight.text))
        super().__init__(store, insight.id, label, reports)

    def apply(self, store: Store) -> None:
        store.deleted.move(DeletedKind.INSIGHT, self.insight_id)

    def revert(self, store: Store) -> None:
        store.deleted.restore(DeletedKind.INSIGHT, self.insight_id)
